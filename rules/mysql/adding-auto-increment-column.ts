import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { alterOfExisting, onlineOf, opsOf } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'adding-auto-increment-column',
    severity: 'error',
    summary:
      'Adding an AUTO_INCREMENT column to an existing table rebuilds it while blocking writes (ALGORITHM=INPLACE, LOCK=SHARED).',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const online = onlineOf(ast, ctx.table(key), ctx.server);
    const issues: Issue[] = [];
    for (const op of opsOf(ast, 'addColumn')) {
      if (!op.column.autoIncrement) continue;
      if (op.ifNotExists && ctx.column(key, op.column.name)) continue;
      // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", Column Operations, "Adding an
      // auto-increment column": In Place Yes, Rebuilds Table Yes, Permits Concurrent DML No (LOCK=SHARED
      // at best). Measured on MariaDB 10.11: INSTANT and INPLACE/LOCK=NONE refused, INPLACE/LOCK=SHARED accepted.
      issues.push({
        message: `Adding AUTO_INCREMENT column \`${op.column.name}\` to \`${t}\` numbers every existing row, so the server rebuilds the whole table (ALGORITHM=INPLACE, LOCK=SHARED at best): reads continue but every INSERT, UPDATE and DELETE on \`${t}\` waits until the rebuild ends, and replicas then replay it as one long statement.`,
        help: 'On a big table run it with gh-ost or pt-online-schema-change; or add a plain nullable column, fill it in batches, then make it the key in a later step with an online tool.',
        table: key,
        data: { column: op.column.name },
        online,
      });
    }
    return issues;
  },
});
