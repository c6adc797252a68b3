import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { addedEarlier, alterOfExisting } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'renaming-column',
    severity: 'error',
    summary: 'Renaming a column breaks every running instance of the app that still uses the old name.',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const issues: Issue[] = [];
    for (const op of ast.ops) {
      let from: string;
      let to: string;
      if (op.op === 'renameColumn') [from, to] = [op.from, op.to];
      else if (op.op === 'changeColumn' && op.from.toLowerCase() !== op.column.name.toLowerCase())
        [from, to] = [op.from, op.column.name];
      else continue;
      if (addedEarlier(ctx.statements, stmt, ast.table, from) || ctx.isNewColumn(key, from)) continue;
      // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", "Renaming a column": INSTANT from
      // 8.0.28 (INPLACE, metadata only, before); MariaDB KB "InnoDB Online DDL Operations with
      // ALGORITHM=INSTANT": renaming a column is instant from 10.3 (CHANGE with the same definition).
      const how = op.op === 'changeColumn' ? 'CHANGE COLUMN' : 'RENAME COLUMN';
      issues.push({
        message: `${how} renames \`${from}\` to \`${to}\` on \`${t}\`. The rename itself is a quick metadata change, but app instances still running the old code fail on every query that names \`${from}\` (\`Unknown column\`) from the moment it commits until the last of them is gone: the whole rollout, and again on a rollback.`,
        help: `Expand and contract: add \`${to}\`, write both and backfill in batches, switch reads to \`${to}\`, then drop \`${from}\` in a later release.`,
        table: key,
        data: { from, to },
      });
    }
    return issues;
  },
});
