import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { foreignKeyLabel, unvalidatedForeignKeys } from '../../src/dialects/postgres/foreign-keys.js';
import {
  addColumnRewrite,
  alterCmds,
  altersExistingTable,
  columnConstraints,
  displayTable,
  exprSql,
  mergeIssues,
  quoteIdent,
  quoteRel,
  sameTransaction,
  shortSql,
} from '../../src/dialects/postgres/util.js';

/** The earlier statement of this file that added constraint `name` to `key` as NOT VALID. */
function notValidAdd(
  statements: readonly PgStatement[],
  before: number,
  key: string,
  name: string,
): { stmt: PgStatement; con: any } | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const s = statements[i]!;
    if (s.kind !== 'AlterTableStmt' || relKey(s.ast.relation) !== key) continue;
    for (const cmd of alterCmds(s.ast)) {
      const con = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined;
      if (con?.skip_validation && con.conname === name) return { stmt: s, con };
    }
  }
  return undefined;
}

const CHECK_STOPS = new Set([
  'NOT',
  'NO',
  'CONSTRAINT',
  'PRIMARY',
  'UNIQUE',
  'REFERENCES',
  'DEFAULT',
  'COLLATE',
  'GENERATED',
  'DEFERRABLE',
  'INITIALLY',
]);

export default defineRule({
  meta: {
    id: 'constraint-missing-not-valid',
    severity: 'error',
    summary:
      'ADD CHECK constraint without NOT VALID scans the table under an ACCESS EXCLUSIVE lock; VALIDATE in the same transaction as the NOT VALID add defeats it.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // A table created in this migration has no rows to check.
    if (!altersExistingTable(ast, ctx)) return;
    const table = displayTable(ast.relation);
    const key = relKey(ast.relation);
    const issues: Issue[] = [];
    const waits = `every read and write on \`${table}\` waits while the whole table is scanned`;
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype === 'AT_AddConstraint') {
        const con = cmd.def?.Constraint;
        // foreign keys: adding-foreign-key-constraint (below when it is off); UNIQUE/PRIMARY KEY cannot be NOT VALID
        if (con?.contype !== 'CONSTR_CHECK' || con.skip_validation) continue;
        const name = con.conname ? `\`${con.conname}\` ` : '';
        const expr = exprSql(stmt, con.location, { after: 'CHECK', stops: CHECK_STOPS });
        issues.push({
          message: `Adding CHECK constraint ${name}on \`${table}\` checks every existing row under an ACCESS EXCLUSIVE lock: ${waits}.`,
          help: `Add it with NOT VALID (instant; new rows are checked at once), then \`ALTER TABLE ${quoteRel(ast.relation)} VALIDATE CONSTRAINT ${con.conname ? quoteIdent(con.conname) : '<name>'}\` in a separate transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on).`,
          lock: 'AccessExclusiveLock',
          table: key,
          data: { constraint: con.conname ?? null, check: expr ?? null },
        });
      } else if (cmd.subtype === 'AT_AddColumn') {
        const def = cmd.def?.ColumnDef;
        if (!def?.colname || (cmd.missing_ok && ctx.column(ast.relation, def.colname))) continue;
        const check = columnConstraints(def).find((c) => c.contype === 'CONSTR_CHECK');
        if (!check) continue;
        // when the ADD COLUMN rewrites the table anyway, adding-field-with-default reports it
        if (
          addColumnRewrite(def, {
            pgVersion: ctx.pgVersion,
            functions: ctx.catalog.functions,
            domains: ctx.catalog.domains,
          })
        )
          continue;
        const expr = exprSql(stmt, check.location, { after: 'CHECK', stops: CHECK_STOPS });
        issues.push({
          message:
            `ADD COLUMN \`${def.colname}\` with an inline CHECK ${expr ? shortSql(expr) : ''} on \`${table}\` makes PostgreSQL check every existing row under the ACCESS EXCLUSIVE lock of the ALTER TABLE (inline column constraints cannot be NOT VALID): ${waits}.`.replace(
              '  ',
              ' ',
            ),
          help: `Add the column without the CHECK, then add it as a table constraint with NOT VALID and VALIDATE CONSTRAINT it in a separate transaction.`,
          lock: 'AccessExclusiveLock',
          table: key,
          data: { column: def.colname, check: expr ?? null },
        });
      } else if (cmd.subtype === 'AT_ValidateConstraint' && cmd.name) {
        const added = notValidAdd(ctx.statements, stmt.index, key, cmd.name);
        if (!added || !sameTransaction(ctx.statements, added.stmt.index, stmt.index, ctx.tx.inTransaction)) continue;
        const fk = added.con.contype === 'CONSTR_FOREIGN';
        const target = fk ? displayTable(added.con.pktable) : undefined;
        const held = fk
          ? `SHARE ROW EXCLUSIVE locks on \`${table}\` and \`${target}\` stay held for the whole validation scan, so every write to both tables waits`
          : `ACCESS EXCLUSIVE lock on \`${table}\` stays held for the whole validation scan, so every read and write waits`;
        issues.push({
          message: `VALIDATE CONSTRAINT \`${cmd.name}\` runs in the same transaction as the NOT VALID add at line ${added.stmt.span.line}: that statement's ${held}, exactly what NOT VALID was meant to avoid.`,
          help: `Commit after adding the constraint NOT VALID and run VALIDATE CONSTRAINT in a separate transaction (a later migration, or after COMMIT).`,
          lock: fk ? 'ShareRowExclusiveLock' : 'AccessExclusiveLock',
          table: key,
          data: { constraint: cmd.name, addedAtLine: added.stmt.span.line },
        });
      }
    }
    // A foreign key without NOT VALID is adding-foreign-key-constraint's finding; with that rule off
    // (squawk's own split), this rule reports it, so turning one off never hides the hazard.
    if (!ctx.ruleEnabled('adding-foreign-key-constraint')) issues.push(...unvalidatedForeignKeys(stmt, ctx));
    return mergeIssues(issues, (i) =>
      i.data!.references
        ? foreignKeyLabel(i)
        : i.data!.constraint
          ? `\`${i.data!.constraint as string}\``
          : i.data!.column
            ? `\`${i.data!.column as string}\``
            : 'another CHECK',
    );
  },
});
