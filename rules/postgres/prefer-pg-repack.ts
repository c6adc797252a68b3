import { defineRule } from '../../src/dialects/postgres/rule.js';
import { tableRewrite } from '../../src/dialects/postgres/rule-findings.js';

/**
 * VACUUM FULL and CLUSTER before PostgreSQL 19, which has no REPACK: the fix is pg_repack, outside the migration.
 * squawk's prefer-repack is quiet before 19, so this has its own name: a squawk config means the same here.
 */
export default defineRule({
  meta: {
    id: 'prefer-pg-repack',
    severity: 'warning',
    summary:
      'VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock; before PostgreSQL 19, use pg_repack outside the migration.',
    kinds: ['VacuumStmt', 'ClusterStmt'],
  },
  check: (stmt, ctx) => (ctx.pgVersion < 19 ? tableRewrite(stmt, ctx) : undefined),
});
