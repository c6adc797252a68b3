import type { TableName } from '../../src/dialects/mysql/ast.js';
import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { isNew, relKey, sameTable, showTable } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'renaming-table',
    severity: 'error',
    summary: 'Renaming a table breaks every running instance of the app that still uses the old name.',
    kinds: ['AlterTable', 'RenameTable'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const pairs: { from: TableName; to: TableName }[] = [];
    if (ast.type === 'rename_table') pairs.push(...ast.pairs);
    else if (ast.type === 'alter_table')
      for (const op of ast.ops) if (op.op === 'renameTable') pairs.push({ from: ast.table, to: op.to });
    const issues: Issue[] = [];
    for (const { from, to } of pairs) {
      if (isNew(ctx, stmt, from)) continue;
      // a swap (`RENAME TABLE a TO a_old, a_new TO a`): the name `a` still exists afterwards, atomically
      if (pairs.some((p) => sameTable(p.to, from))) continue;
      issues.push({
        message: `Renaming \`${showTable(from)}\` to \`${showTable(to)}\` is a quick metadata change (it waits for the table's metadata lock like any DDL), but app instances still running the old code fail on every query that names \`${showTable(from)}\` (\`Table doesn't exist\`) from the moment it commits until the last of them is gone.`,
        help: `Ship code that works with both names first (or create a view \`${showTable(from)}\` over the new table for the transition), then rename, then drop the view in a later release.`,
        table: relKey(from),
        data: { from: relKey(from), to: relKey(to) },
      });
    }
    return issues;
  },
});
