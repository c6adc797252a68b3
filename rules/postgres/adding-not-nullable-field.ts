import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import {
  alterCmds,
  altersExistingTable,
  displayTable,
  mergeIssues,
  names,
  notNullProvingCheck,
  quoteIdent,
  quoteRel,
} from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'adding-not-nullable-field',
    severity: 'error',
    summary:
      'ALTER COLUMN … SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a validated CHECK (col IS NOT NULL) exists (PostgreSQL 12+).',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // A table created in this migration has no rows to scan.
    if (!altersExistingTable(ast, ctx)) return;
    const tableName = displayTable(ast.relation);
    const table = ctx.table(ast.relation);
    const issues: Issue[] = [];
    // SET NOT NULL, and PostgreSQL 18's ADD CONSTRAINT … NOT NULL col (same scan unless NOT VALID)
    const targets: string[] = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype === 'AT_SetNotNull' && cmd.name) targets.push(cmd.name);
      const con = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined;
      if (con?.contype === 'CONSTR_NOTNULL' && !con.skip_validation) targets.push(...names(con.keys));
    }
    for (const name of targets) {
      const column = ctx.column(ast.relation, name);
      if (column?.notNull) continue; // already NOT NULL: PostgreSQL does nothing
      if (ctx.pgVersion >= 12 && notNullProvingCheck(table, name)) continue;
      const col = quoteIdent(name);
      const conName = quoteIdent(`${table?.name ?? ast.relation.relname}_${name}_not_null`);
      const rel = quoteRel(ast.relation);
      const message =
        `SET NOT NULL on \`${tableName}\`.\`${name}\` scans the whole table to look for NULLs while holding an ACCESS EXCLUSIVE lock: every read and write on \`${tableName}\` waits until the scan ends.` +
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
        data: { column: name, checkConstraint: conName },
      });
    }
    return mergeIssues(issues, (i) => `\`${i.data!.column as string}\``);
  },
});
