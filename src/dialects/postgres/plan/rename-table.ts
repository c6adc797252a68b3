/** RENAME of a busy table: renamed, and the old name kept working as a view until the app is deployed. */
import { withIgnore } from './lint-ignore.js';
import type { PgStatement } from '../statement.js';
import { relKey } from '../catalog.js';
import { guarded, isNewTable, record, regclassOf, step, terminate } from './context.js';
import { ident as q, relation } from './quote.js';
import type { Group, RewriteContext, StatementRewrite } from './types.js';

function renameTable(stmt: PgStatement, ctx: RewriteContext): Group[] | undefined {
  const ast = stmt.ast;
  if (ast.renameType !== 'OBJECT_TABLE') return undefined;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key) || !ctx.catalog.table(key)) return undefined;
  if (!ctx.allowed(stmt, 'renaming-table')) return undefined;
  const schema = rel.schemaname ?? 'public';
  const newKey = `${schema}.${ast.newname}`;
  const newRel = rel.schemaname ? `${q(schema)}.${q(ast.newname)}` : q(ast.newname);
  const keys = [key, newKey];
  record(
    ctx,
    stmt,
    'renaming-table',
    `rename, keep the old name working as a view until the app is deployed, then drop the view`,
  );
  return [
    [
      // once: while the old name is still the table (run again, it is the view, or gone after the contract)
      step(
        'expand',
        guarded(
          `EXISTS (SELECT FROM pg_class WHERE oid = ${regclassOf(rel)} AND relkind IN ('r', 'p'))`,
          `${terminate(stmt.text)}\nCREATE VIEW ${relation(rel)} AS SELECT * FROM ${newRel};`,
        ),
        keys,
        'rename the table and keep the old name working as a simple (updatable) view, so the running app does not break',
      ),
      step(
        'contract',
        withIgnore(
          'ban-drop-view',
          `the plan's own compatibility view, dropped after the deploy gate: no app version reads ${relation(rel)} then`,
          `DROP VIEW IF EXISTS ${relation(rel)}`,
        ),
        keys,
        'drop the compatibility view once no deployed code uses the old name',
        {
          deploy: `deploy the app version that uses ${ast.newname} instead of ${rel.relname}`,
        },
      ),
    ],
  ];
}

export const renameTableRewrite: StatementRewrite = {
  id: 'rename-table',
  kind: 'RenameStmt',
  answers: ['renaming-table'],
  rewrite: renameTable,
};
