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
    id: 'adding-foreign-key-constraint',
    severity: 'error',
    summary:
      'ALTER TABLE … ADD FOREIGN KEY with foreign_key_checks=1: MySQL and MariaDB check every existing row with ALGORITHM=COPY, blocking writes for the whole copy.',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'alter_table' || ctx.isNewTable(ast.table)) return;
    const p = predictStatement(stmt, ctx)!;
    const issues: Issue[] = [];
    const table = name(ast.table);
    for (const op of p.ops) {
      const clause = ast.ops[op.index];
      if (clause?.op !== 'addForeignKey' || op.kind !== 'addForeignKey') continue;
      const fk = clause.fk;
      const ref = name(fk.refTable);
      issues.push({
        message: `Adding foreign key ${fk.name ? `\`${fk.name}\` ` : ''}(${fk.columns.join(', ')}) → \`${ref}\` on \`${table}\` with foreign_key_checks=1 needs ${clausesText(op)} on ${serverText(ctx.server)}: the server ${lockEffect(op)} on \`${table}\` to check every existing row.`,
        help: `Check for orphans first (\`SELECT … FROM ${table} LEFT JOIN ${ref} … WHERE ${ref}.… IS NULL\`), then run \`SET foreign_key_checks = 0;\` before the ALTER (INPLACE, LOCK=NONE: existing rows are not checked) and \`SET foreign_key_checks = 1;\` right after.`,
        table,
        lock: op.lock,
        online: onlineOf(op),
        data: {
          constraint: fk.name ?? null,
          columns: fk.columns,
          refTable: ref,
          refColumns: fk.refColumns,
          online: onlineOf(op),
          manual: op.manual,
        },
      });
    }
    return issues;
  },
});
