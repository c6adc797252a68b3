import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { alterCmds, altersExistingTable, displayTable } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';

export default defineRule({
  meta: {
    id: 'ban-drop-not-null',
    severity: 'warning',
    summary: 'Dropping NOT NULL lets NULLs into a column that running code assumes is always set.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const issues: Issue[] = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== 'AT_DropNotNull') continue;
      const column: string = cmd.name;
      if (ctx.isNewColumn(ast.relation, column)) continue;
      // already nullable according to the replayed schema: a no-op
      const col = ctx.column(ast.relation, column);
      if (col && !col.notNull) continue;
      issues.push({
        message: `Dropping NOT NULL on \`${displayTable(ast.relation)}.${column}\` changes its contract: code, reports and other services that assume a value will meet NULLs once new code writes them.`,
        help: 'Make every reader handle NULL before this ships (or keep the constraint); it is often the first step of dropping the column, which is fine once readers are ready.',
        lock: 'AccessExclusiveLock',
        table: relKey(ast.relation),
        data: { column },
      });
    }
    return issues;
  },
});
