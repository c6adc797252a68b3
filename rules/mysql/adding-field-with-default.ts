import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import {
  clausesText,
  lockEffect,
  onlineOf,
  predictStatement,
  serverText,
} from '../../src/dialects/mysql/online/index.js';

const name = (t: { schema?: string; name: string }) => (t.schema ? `${t.schema}.${t.name}` : t.name);

export default defineRule({
  meta: {
    id: 'adding-field-with-default',
    severity: 'error',
    summary:
      'ADD COLUMN with a default that the target MySQL/MariaDB cannot add INSTANT (an expression default, FIRST/AFTER before MySQL 8.0.29, MySQL before 8.0.12, a FULLTEXT or COMPRESSED table): the table is rebuilt or copied.',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'alter_table' || ctx.isNewTable(ast.table)) return;
    const p = predictStatement(stmt, ctx)!;
    const server = serverText(ctx.server);
    const table = name(ast.table);
    const issues: Issue[] = [];
    for (const op of p.ops) {
      const clause = ast.ops[op.index];
      if (clause?.op !== 'addColumn' || !clause.column.default || clause.column.default.kind === 'null') continue;
      if (op.algorithm === 'INSTANT') continue;
      const col = clause.column;
      const dflt = clause.column.default.text;
      const blocks = op.lock !== 'NONE';
      const help =
        op.kind === 'addColumnExprDefault'
          ? `Add \`${col.name}\` with a constant default or none (INSTANT), backfill existing rows in batches, then \`ALTER TABLE … ALTER COLUMN ${col.name} SET DEFAULT ${dflt}\` for new rows.`
          : op.kind === 'addColumnMiddle'
            ? `Add the column at the end (drop ${clause.position && 'first' in clause.position ? 'FIRST' : 'AFTER …'}): INSTANT from MySQL 8.0.12 / MariaDB 10.3; column order rarely matters to code that names its columns.`
            : 'Run it with gh-ost or pt-online-schema-change (`zerodown plan` writes the command), or upgrade to a version that adds columns INSTANT (MySQL 8.0.12+, MariaDB 10.3+).';
      issues.push({
        message: `Adding column \`${col.name}\` with DEFAULT ${dflt} to \`${table}\` is not INSTANT on ${server}: ${op.why}. The server needs ${clausesText(op)}, which ${blocks ? lockEffect(op) : 'rebuilds the whole table (reads and writes go on, but it takes as long as a copy and the replicas lag behind it)'}.`,
        help,
        severity: blocks ? undefined : 'warning',
        table,
        lock: op.lock,
        online: blocks ? onlineOf(op) : undefined,
        data: {
          column: col.name,
          default: dflt,
          kind: op.kind,
          online: onlineOf(op),
          rebuilds: op.rebuilds,
          manual: op.manual,
        },
      });
    }
    return issues;
  },
});
