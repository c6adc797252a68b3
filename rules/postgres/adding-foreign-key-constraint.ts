import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import {
  displayTable,
  addedConstraints,
  mergeIssues,
  names,
  quoteIdent,
  quoteRel,
} from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'adding-foreign-key-constraint',
    severity: 'error',
    summary:
      'ADD FOREIGN KEY without NOT VALID on an existing table checks every row while blocking writes to both tables.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // Existing tables only: a table created in this migration has no rows to check.
    const table = displayTable(ast.relation);
    const issues: Issue[] = [];
    for (const { con } of addedConstraints(ctx, stmt)) {
      if (con?.contype !== 'CONSTR_FOREIGN' || con.skip_validation) continue;
      const target = displayTable(con.pktable);
      const cols = names(con.fk_attrs);
      const name = con.conname ? `\`${con.conname}\` ` : '';
      const conSql = con.conname ? quoteIdent(con.conname) : '<name>';
      // NOT VALID foreign keys on partitioned tables arrived in PostgreSQL 18
      const partitioned = !!ctx.table(ast.relation)?.partitioned && ctx.pgVersion < 18;
      issues.push({
        message: `Adding foreign key ${name}on \`${table}\` (${cols.join(', ')} → \`${target}\`) checks every existing row while holding SHARE ROW EXCLUSIVE locks on both \`${table}\` and \`${target}\`: every INSERT, UPDATE and DELETE on both tables waits until the scan finishes.`,
        help: partitioned
          ? `PostgreSQL ${ctx.pgVersion} cannot add a NOT VALID foreign key to a partitioned table: add it NOT VALID to each partition and VALIDATE it there (separate transactions); the parent's ADD FOREIGN KEY then adopts those without a scan.`
          : `Add it with NOT VALID (instant; new rows are checked at once), then run \`ALTER TABLE ${quoteRel(ast.relation)} VALIDATE CONSTRAINT ${conSql}\` in a separate transaction (it takes only SHARE UPDATE EXCLUSIVE).`,
        lock: 'ShareRowExclusiveLock',
        table: relKey(ast.relation),
        data: { constraint: con.conname ?? null, columns: cols, references: relKey(con.pktable) },
      });
    }
    return mergeIssues(
      issues,
      (i) => `${(i.data!.columns as string[]).join(', ')} → \`${displayTable(i.data!.references as string)}\``,
    );
  },
});
