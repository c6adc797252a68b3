import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { alterCmds, displayTable, quoteRel } from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'require-concurrent-partition-detach',
    severity: 'error',
    summary:
      'DETACH PARTITION without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the partitioned table (PostgreSQL 14+ has CONCURRENTLY).',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // a partitioned table created in this migration is not in use yet
    if (ctx.isNewTable(ast.relation)) return;
    const parent = displayTable(ast.relation);
    const issues: Issue[] = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== 'AT_DetachPartition') continue;
      const pc = cmd.def?.PartitionCmd;
      if (!pc || pc.concurrent) continue;
      // FINALIZE completes an interrupted concurrent detach
      if (pc.finalize || ctx.isNewTable(pc.name)) continue;
      const part = displayTable(pc.name);
      const message = `DETACH PARTITION \`${part}\` takes an ACCESS EXCLUSIVE lock on \`${parent}\` (and on \`${part}\`): it waits for every running query on the partitioned table, and while it waits every new read and write on \`${parent}\` queues behind it.`;
      const old = ctx.pgVersion < 14;
      issues.push({
        message: old ? `${message} (PostgreSQL ${ctx.pgVersion} has no DETACH PARTITION CONCURRENTLY.)` : message,
        help: old
          ? 'Set a short lock_timeout and retry, or run it in a quiet window; PostgreSQL 14+ can DETACH PARTITION … CONCURRENTLY.'
          : `Use \`ALTER TABLE ${quoteRel(ast.relation)} DETACH PARTITION ${quoteRel(pc.name)} CONCURRENTLY\` (SHARE UPDATE EXCLUSIVE on the parent), in a migration that does not run inside a transaction.`,
        severity: old ? 'warning' : undefined,
        lock: 'AccessExclusiveLock',
        table: relKey(ast.relation),
        data: { partition: relKey(pc.name) },
      });
    }
    return issues;
  },
});
