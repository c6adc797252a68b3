import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { alterCmds, altersExistingTable, displayTable } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';

export default defineRule({
  meta: {
    id: 'ban-drop-column',
    severity: 'error',
    summary: 'Dropping a column deletes its data and breaks running code that still uses it.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const table = ctx.table(ast.relation);
    const issues: Issue[] = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== 'AT_DropColumn') continue;
      const column: string = cmd.name;
      // added in this release (this file or an earlier one under review): no running code uses it yet
      if (ctx.isReleaseColumn(ast.relation, column)) continue;
      // DROP COLUMN IF EXISTS on a column the replayed table never had: a no-op
      if (table && cmd.missing_ok && !table.columns.has(column)) continue;
      const where = `\`${displayTable(ast.relation)}.${column}\``;
      issues.push({
        message: `Dropping ${where} deletes its data for good, and app instances still running the old code fail on their next query that names it (ORMs often select every mapped column).`,
        help: 'First ship code that no longer reads or writes the column (remove it from the ORM model), then drop it in a later migration; keep a backup if the data may be needed.',
        lock: 'AccessExclusiveLock',
        table: relKey(ast.relation),
        data: { column, cascade: cmd.behavior === 'DROP_CASCADE' },
      });
    }
    return issues;
  },
});
