/**
 * The foreign keys an ALTER TABLE adds to an existing table without NOT VALID, each as an issue
 * (message, help, lock). Shared by `adding-foreign-key-constraint`, which owns the hazard, and by
 * `constraint-missing-not-valid`, which reports it only when that rule is off (as squawk's does), so
 * it is reported once either way.
 */
import type { Issue, PgRuleContext, PgStatement } from './rule.js';
import { relKey } from './catalog.js';
import { addedConstraints, displayTable, names, quoteIdent, quoteRel } from './util.js';

export function unvalidatedForeignKeys(stmt: PgStatement, ctx: PgRuleContext): Issue[] {
  const ast = stmt.ast;
  // Existing tables only (addedConstraints): a table created in this migration has no rows to check.
  const table = displayTable(ast.relation);
  const issues: Issue[] = [];
  for (const { con, column } of addedConstraints(ctx, stmt, { inline: true })) {
    if (con?.contype !== 'CONSTR_FOREIGN' || con.skip_validation) continue;
    const target = displayTable(con.pktable);
    const cols = column ? [column] : names(con.fk_attrs);
    const name = con.conname ? `\`${con.conname}\` ` : '';
    const conSql = con.conname ? quoteIdent(con.conname) : '<name>';
    // NOT VALID foreign keys on partitioned tables arrived in PostgreSQL 18
    const partitioned = !!ctx.table(ast.relation)?.partitioned && ctx.pgVersion < 18;
    const rel = quoteRel(ast.relation);
    if (column) {
      // ADD COLUMN … REFERENCES: the column's own foreign key, which cannot be NOT VALID inline
      const fkName = quoteIdent(con.conname ?? `${ast.relation.relname}_${column}_fkey`);
      const refCols = names(con.pk_attrs);
      const ref = `${quoteRel(con.pktable)}${refCols.length ? ` (${refCols.map(quoteIdent).join(', ')})` : ''}`;
      issues.push({
        message: `ADD COLUMN \`${column}\` … REFERENCES \`${target}\` adds a foreign key ${name}that PostgreSQL validates at once: it checks every existing row of \`${table}\` under the ACCESS EXCLUSIVE lock of the ALTER TABLE (no reads or writes) and holds a SHARE ROW EXCLUSIVE lock on \`${target}\` (every write there waits) until the scan ends. (REFERENCES builds no index on \`${column}\`.)`,
        help: partitioned
          ? `Add the column without REFERENCES; PostgreSQL ${ctx.pgVersion} cannot add a NOT VALID foreign key to a partitioned table: add it NOT VALID to each partition and VALIDATE it there, then on the parent.`
          : `Add the column without REFERENCES, then \`ALTER TABLE ${rel} ADD CONSTRAINT ${fkName} FOREIGN KEY (${quoteIdent(column)}) REFERENCES ${ref} NOT VALID\`, and \`VALIDATE CONSTRAINT ${fkName}\` in a separate transaction. If you join or delete by it, index \`${column}\` with CREATE INDEX CONCURRENTLY.`,
        lock: 'AccessExclusiveLock',
        table: relKey(ast.relation),
        data: { constraint: con.conname ?? null, columns: cols, references: relKey(con.pktable), inline: true },
      });
      continue;
    }
    issues.push({
      message: `Adding foreign key ${name}on \`${table}\` (${cols.join(', ')} → \`${target}\`) checks every existing row while holding SHARE ROW EXCLUSIVE locks on both \`${table}\` and \`${target}\`: every INSERT, UPDATE and DELETE on both tables waits until the scan finishes.`,
      help: partitioned
        ? `PostgreSQL ${ctx.pgVersion} cannot add a NOT VALID foreign key to a partitioned table: add it NOT VALID to each partition and VALIDATE it there (separate transactions); the parent's ADD FOREIGN KEY then adopts those without a scan.`
        : `Add it with NOT VALID (instant; new rows are checked at once), then run \`ALTER TABLE ${rel} VALIDATE CONSTRAINT ${conSql}\` in a separate transaction (it takes only SHARE UPDATE EXCLUSIVE).`,
      lock: 'ShareRowExclusiveLock',
      table: relKey(ast.relation),
      data: { constraint: con.conname ?? null, columns: cols, references: relKey(con.pktable) },
    });
  }
  return issues;
}

/** How `mergeIssues` names a further foreign key on the same statement. */
export const foreignKeyLabel = (i: Issue): string =>
  `${(i.data!.columns as string[]).join(', ')} → \`${displayTable(i.data!.references as string)}\``;
