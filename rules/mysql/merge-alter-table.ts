import type { AlterOp, AlterTableAst, MyStatement } from '../../src/dialects/mysql/ast.js';
import { defineRule } from '../../src/dialects/mysql/rule.js';
import { before, identTable, isNew, relKey, sameTable, showTable } from '../../src/dialects/mysql/rule-util.js';

/**
 * Clauses that make the server read or rebuild the whole table (MySQL 8.0 reference manual, 15.12.1
 * "Online DDL Operations": Rebuilds Table = Yes, or an index build; MariaDB KB "InnoDB Online DDL
 * Operations with ALGORITHM=INPLACE"). Metadata-only clauses (renames, defaults, visibility, comments,
 * dropping an index or foreign key) and a plain ADD COLUMN are cheap on their own and not counted.
 */
function heavy(op: AlterOp): boolean {
  switch (op.op) {
    case 'addColumn':
      return !!op.column.autoIncrement || !!op.column.generated?.stored || !!op.column.primaryKey || !!op.column.unique;
    case 'modifyColumn':
    case 'changeColumn':
    case 'addIndex':
    case 'addForeignKey':
    case 'addCheck':
    case 'dropPrimaryKey':
    case 'convertCharset':
    case 'force':
    case 'partition':
      return true;
    case 'tableOption':
      return /^(ENGINE|ROW_FORMAT|KEY_BLOCK_SIZE)$/i.test(op.name);
    default:
      return false;
  }
}

/** Columns the ALTER adds. */
const added = (a: AlterTableAst) =>
  new Set(a.ops.flatMap((o) => (o.op === 'addColumn' ? [o.column.name.toLowerCase()] : [])));

/** The ALTER builds an index or key on one of `cols` (a deliberate second step: see index-same-step-as-add-column). */
const indexes = (a: AlterTableAst, cols: Set<string>) =>
  a.ops.some(
    (o) =>
      (o.op === 'addIndex' && o.index.columns.some((c) => cols.has(c.name.toLowerCase()))) ||
      (o.op === 'addForeignKey' && o.fk.columns.some((c) => cols.has(c.toLowerCase()))),
  );

/** Statements between two indexes that read or write rows of the table (a backfill between two ALTERs is a reason to split). */
function dmlBetween(statements: readonly MyStatement[], from: number, to: number, a: AlterTableAst): boolean {
  return statements.slice(from + 1, to).some((s) => {
    const x = s.ast;
    if (x.type === 'update' || x.type === 'delete') return x.tables.some((t) => sameTable(t, a.table));
    if (x.type === 'insert') return sameTable(x.table, a.table);
    return x.type === 'other' || x.type === 'routine' || x.type === 'select' || x.type === 'unparsed';
  });
}

export default defineRule({
  meta: {
    id: 'merge-alter-table',
    severity: 'warning',
    summary:
      'Several ALTER TABLE statements on one existing table that each rebuild or scan it: one ALTER with all the clauses does the work once.',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'alter_table' || !ast.ops.some(heavy) || isNew(ctx, stmt, ast.table)) return;
    const earlier = [...before(ctx.statements, stmt)]
      .reverse()
      .find((s) => s.ast.type === 'alter_table' && sameTable(s.ast.table, ast.table));
    if (earlier?.ast.type !== 'alter_table' || !earlier.ast.ops.some(heavy)) return;
    const prev = earlier.ast;
    if (prev.ops.some((o) => o.op === 'renameTable')) return;
    if (dmlBetween(ctx.statements, earlier.index, stmt.index, ast)) return;
    if (indexes(ast, added(prev))) return;
    const t = showTable(ast.table);
    return {
      message: `This is another ALTER TABLE on \`${t}\` after the one on line ${earlier.span.line}, and both read or rebuild the whole table: the server does that work once per statement, each one waits again for the table's metadata lock (queueing traffic behind it while it waits), and replicas apply each one as its own long statement, adding up the lag.`,
      help: `Merge the clauses into one ALTER TABLE ${identTable(ast.table)} … , … statement, so the table is rebuilt and locked once.`,
      table: relKey(ast.table),
      data: { previousLine: earlier.span.line },
    };
  },
});
