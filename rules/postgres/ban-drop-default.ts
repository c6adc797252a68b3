import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { alterCmds, displayTable } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';

export default defineRule({
  meta: {
    id: 'ban-drop-default',
    severity: 'error',
    summary:
      'Dropping a column default breaks running code that inserts without the column: it gets NULL, or a NOT NULL violation.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if ((ast.objtype && ast.objtype !== 'OBJECT_TABLE') || ctx.isReleaseTable(ast.relation)) return;
    const issues: Issue[] = [];
    for (const cmd of alterCmds(ast)) {
      // ALTER COLUMN … DROP DEFAULT is AT_ColumnDefault without a new expression
      if (cmd.subtype !== 'AT_ColumnDefault' || cmd.def) continue;
      const column: string = cmd.name;
      // the column, or its default, is new in this release: no running code relies on it
      if (ctx.isReleaseColumn(ast.relation, column)) continue;
      const col = ctx.column(ast.relation, column);
      // the replayed schema has the column and no default: a no-op
      if (col && col.default === undefined && !col.identity && !col.generated) continue;
      const where = `\`${displayTable(ast.relation)}.${column}\``;
      const notNull = !!col?.notNull;
      issues.push({
        severity: notNull ? 'error' : 'warning',
        message: notNull
          ? `Dropping the default of ${where}, which is NOT NULL, makes every INSERT that leaves the column out fail; app instances still running the old code rely on the default and break until the new code is deployed everywhere.`
          : `Dropping the default of ${where} makes INSERTs that leave the column out store NULL instead; app instances still running the old code rely on the default and silently write NULLs until the new code is deployed everywhere.`,
        help: 'First ship code that always writes the column, then drop the default in a later migration.',
        table: relKey(ast.relation),
        data: { column, notNull },
      });
    }
    return issues;
  },
});
