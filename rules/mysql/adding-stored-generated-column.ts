import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { alterOfExisting, onlineOf, opsOf } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'adding-stored-generated-column',
    severity: 'error',
    summary:
      'Adding a STORED (PERSISTENT) generated column to an existing table copies it while blocking writes (ALGORITHM=COPY).',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const online = onlineOf(ast, ctx.table(key), ctx.server);
    const issues: Issue[] = [];
    for (const op of opsOf(ast, 'addColumn')) {
      if (!op.column.generated?.stored) continue;
      if (op.ifNotExists && ctx.column(key, op.column.name)) continue;
      // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", Generated Column Operations:
      // "Adding a STORED column": In Place No (ALGORITHM=COPY); "Adding a VIRTUAL column": INSTANT.
      // Measured on MariaDB 10.11: STORED → only ALGORITHM=COPY accepted, VIRTUAL → INSTANT.
      issues.push({
        message: `Adding the STORED generated column \`${op.column.name}\` to \`${t}\` computes and writes it for every existing row: the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy, and replicas then replay it as one long statement.`,
        help: 'Add it as a VIRTUAL generated column (instant; index it with ADD INDEX, which runs with LOCK=NONE) unless it must be stored; on a big table run the STORED one with gh-ost or pt-online-schema-change.',
        table: key,
        data: { column: op.column.name },
        online,
      });
    }
    return issues;
  },
});
