import { defineRule, type Issue } from '../src/rules/api.js';
import { relKey } from '../src/schema/catalog.js';
import { alterCmds, displayTable, mergeIssues, notNullProvingCheck, quoteIdent, quoteRel } from '../src/rules/util.js';

export default defineRule({
  meta: {
    id: 'adding-not-nullable-field',
    severity: 'error',
    summary: 'ALTER COLUMN … SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a validated CHECK (col IS NOT NULL) exists (PostgreSQL 12+).',
    kinds: ['AlterTableStmt'],
    fixable: true,
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.objtype && ast.objtype !== 'OBJECT_TABLE') return;
    // A table created in this migration has no rows to scan.
    if (ctx.isNewTable(ast.relation)) return;
    const tableName = displayTable(ast.relation);
    const table = ctx.table(ast.relation);
    const issues: Issue[] = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== 'AT_SetNotNull' || !cmd.name) continue;
      const column = ctx.column(ast.relation, cmd.name);
      if (column?.notNull) continue; // already NOT NULL: PostgreSQL does nothing
      if (ctx.pgVersion >= 12 && notNullProvingCheck(table, cmd.name)) continue;
      const col = quoteIdent(cmd.name);
      const conName = quoteIdent(`${table?.name ?? ast.relation.relname}_${cmd.name}_not_null`);
      const rel = quoteRel(ast.relation);
      const message =
        `SET NOT NULL on \`${tableName}\`.\`${cmd.name}\` scans the whole table to look for NULLs while holding an ACCESS EXCLUSIVE lock: every read and write on \`${tableName}\` waits until the scan ends.` +
        (ctx.pgVersion < 12 ? ` (PostgreSQL ${ctx.pgVersion} cannot use a CHECK constraint to skip the scan.)` : '');
      const help =
        ctx.pgVersion >= 12
          ? `First \`ALTER TABLE ${rel} ADD CONSTRAINT ${conName} CHECK (${col} IS NOT NULL) NOT VALID\`, then VALIDATE CONSTRAINT it in a separate transaction; SET NOT NULL then skips the scan, and the CHECK can be dropped.`
          : `On PostgreSQL ${ctx.pgVersion}, keep the column nullable and enforce it with CHECK (${col} IS NOT NULL) NOT VALID plus a separate VALIDATE CONSTRAINT.`;
      issues.push({
        message,
        help,
        lock: 'AccessExclusiveLock',
        table: relKey(ast.relation),
        data: { column: cmd.name, checkConstraint: conName },
      });
    }
    return mergeIssues(issues, (i) => `\`${i.data!.column as string}\``);
  },
});
