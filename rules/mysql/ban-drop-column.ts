import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { addedEarlier, alterOfExisting, atLeast, opsOf, serverText } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'ban-drop-column',
    severity: 'error',
    summary: 'Dropping a column deletes its data and breaks running code that still reads or writes it.',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", Column Operations, "Dropping a column":
    // ALGORITHM=INSTANT from 8.0.29, before that INPLACE with a table rebuild (concurrent DML allowed).
    // MariaDB KB "InnoDB Online DDL Operations with ALGORITHM=INSTANT": DROP COLUMN is instant from 10.4.
    const v = ctx.server;
    const instant = v.flavor === 'mariadb' ? atLeast(v, 10, 4) : atLeast(v, 8, 0, 29);
    const how = instant
      ? `On ${serverText(v)} the drop itself is quick (ALGORITHM=INSTANT, metadata only)`
      : `On ${serverText(v)} the drop rebuilds the whole table (ALGORITHM=INPLACE; INSTANT only from ${v.flavor === 'mariadb' ? 'MariaDB 10.4' : 'MySQL 8.0.29'}) and replicas apply it as one long statement`;
    const issues: Issue[] = [];
    for (const op of opsOf(ast, 'dropColumn')) {
      if (addedEarlier(ctx.statements, stmt, ast.table, op.name) || ctx.isNewColumn(key, op.name)) continue;
      if (op.ifExists && ctx.table(key) && !ctx.column(key, op.name)) continue;
      issues.push({
        message: `Dropping column \`${op.name}\` of \`${t}\` deletes its data for good (DDL commits at once in MySQL and MariaDB), and app instances still running the old code fail on every query that names it (\`Unknown column '${op.name}'\`). ${how}.`,
        help: 'First ship code that no longer reads or writes the column (and stop selecting it with SELECT *), then drop it in a later migration.',
        table: key,
        data: { column: op.name, instant },
      });
    }
    return issues;
  },
});
