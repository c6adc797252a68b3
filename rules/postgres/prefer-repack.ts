import { defineRule } from '../../src/dialects/postgres/rule.js';
import { tableRewrite } from '../../src/dialects/postgres/rule-findings.js';

export default defineRule({
  meta: {
    id: 'prefer-repack',
    severity: 'warning',
    summary:
      'VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock; on PostgreSQL 19+ use REPACK (CONCURRENTLY).',
    kinds: ['VacuumStmt', 'ClusterStmt'],
  },
  // before 19 there is no REPACK: prefer-pg-repack reports the same statements (squawk's rule is quiet there too)
  check: (stmt, ctx) => (ctx.pgVersion >= 19 ? tableRewrite(stmt, ctx) : undefined),
});
