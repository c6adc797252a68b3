import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import {
  alterCmds,
  checkImpliesNotNull,
  altersExistingTable,
  displayTable,
  mergeIssues,
  names,
  notNullProvingCheck,
  quoteIdent,
  quoteRel,
} from '../../src/dialects/postgres/util.js';

/**
 * Without the history of a table (the catalog does not know it), the file itself may show the
 * staged pattern before SET NOT NULL: its own `CHECK (col IS NOT NULL) NOT VALID` then VALIDATE, or
 * (the CHECK added by an earlier migration zerodown was not given) a VALIDATE of a constraint whose
 * name mentions the column. A validated CHECK lets PostgreSQL 12+ skip the scan.
 */
function validatedInFile(before: readonly { kind: string; ast: any }[], key: string, column: string): boolean {
  const added = new Map<string, boolean>(); // constraint name → proves `column IS NOT NULL`
  const proving = new Set<string>(); // validated constraints that prove it
  for (const s of before) {
    const ast = s.kind === 'AlterTableStmt' ? s.ast : undefined;
    if (!ast?.relation || relKey(ast.relation) !== key) continue;
    for (const cmd of alterCmds(ast)) {
      const con = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined;
      if (con?.contype === 'CONSTR_CHECK' && con.conname) {
        added.set(con.conname, checkImpliesNotNull(con.raw_expr, column));
        if (!con.skip_validation && added.get(con.conname)) proving.add(con.conname);
      }
      if (cmd.subtype === 'AT_DropConstraint' && cmd.name) {
        proving.delete(cmd.name);
        added.delete(cmd.name);
      }
      if (cmd.subtype !== 'AT_ValidateConstraint' || !cmd.name) continue;
      const proves = added.get(cmd.name);
      if (proves || (proves === undefined && cmd.name.toLowerCase().includes(column.toLowerCase())))
        proving.add(cmd.name);
    }
  }
  return proving.size > 0;
}

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
      if (
        ctx.pgVersion >= 12 &&
        !table &&
        validatedInFile(ctx.statements.slice(0, stmt.index), relKey(ast.relation), name)
      )
        continue;
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
