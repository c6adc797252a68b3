import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { isNew, relKey, showTable } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'ban-drop-table',
    severity: 'error',
    summary: 'Dropping a table deletes its data and breaks running code that still uses it.',
    kinds: ['DropTable'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'drop_table' || ast.temporary) return;
    const issues: Issue[] = [];
    for (const t of ast.tables) {
      if (isNew(ctx, stmt, t)) continue;
      issues.push({
        message: `Dropping table \`${showTable(t)}\` deletes all its rows for good (DROP TABLE commits at once in MySQL and MariaDB: no rollback), and app instances still running the old code fail on their next query against it.`,
        help: 'First ship code that no longer uses the table, then drop it in a later migration (RENAME TABLE it aside first if you want a way back).',
        lock: 'EXCLUSIVE',
        table: relKey(t),
      });
    }
    return issues;
  },
});
