/**
 * RENAME COLUMN on a busy table (renaming-column): an expand/contract
 * replacement (expand-contract.ts) kept in sync both ways while the app
 * switches, the old column dropped after the deploy.
 */
import type { PgStatement } from '../statement.js';
import { relKey } from '../catalog.js';
import { isNewTable, typeSqlOf } from './context.js';
import { replaceColumn } from './expand-contract.js';
import { relation as quoteRel } from './quote.js';
import type { Group, RewriteContext, StatementRewrite } from './types.js';

/** RENAME COLUMN on a busy table (renaming-column): both columns live side by side until the app is deployed. */
function renameColumn(stmt: PgStatement, ctx: RewriteContext): Group[] | undefined {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  const table = ctx.catalog.table(key);
  if (!table || isNewTable(ctx, key)) return undefined;
  const column = table.columns.get(ast.subname);
  if (!column || column.addedIn === ctx.origin) return undefined;
  if (!ctx.allowed(stmt, 'renaming-column')) return undefined;
  const header = `ALTER TABLE ${ast.missing_ok ? 'IF EXISTS ' : ''}${rel.inh === false ? 'ONLY ' : ''}${quoteRel(rel)}`;
  const typeSql = typeSqlOf(column.type);
  return replaceColumn({
    stmt,
    ctx,
    header,
    rel,
    table,
    column,
    newName: ast.newname,
    finalName: ast.newname,
    typeSql,
    convert: (col) => col(column.name),
    back: (col) => col(ast.newname),
    reads: [],
    rule: 'renaming-column',
    summary: `expand/contract: ${ast.newname} added next to ${column.name}, kept in sync both ways by a trigger and backfilled; ${column.name} is dropped after the app is deployed`,
    deploy: `deploy the app version that reads and writes ${ast.newname} instead of ${column.name}`,
    contractReason: `drop the trigger and ${column.name}; give ${ast.newname} the default, NOT NULL and index names ${column.name} had`,
  });
}

export const renameColumnRewrite: StatementRewrite = {
  id: 'rename-column',
  kind: 'RenameStmt',
  answers: ['renaming-column'],
  rewrite: (stmt, ctx) =>
    stmt.ast.renameType === 'OBJECT_COLUMN' && (stmt.ast.relationType ?? 'OBJECT_TABLE') === 'OBJECT_TABLE'
      ? renameColumn(stmt, ctx)
      : undefined,
};
