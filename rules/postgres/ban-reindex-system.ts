import { defineRule } from '../../src/dialects/postgres/rule.js';

/**
 * REINDEX SYSTEM has no concurrent form, so it is not require-concurrent-reindex's to report (squawk's rule of that
 * name leaves it alone too): it is maintenance of the system catalogs, which does not belong in a migration.
 */
export default defineRule({
  meta: {
    id: 'ban-reindex-system',
    severity: 'error',
    summary:
      'REINDEX SYSTEM rebuilds every system catalog index with no concurrent form: DDL, new connections and catalog lookups wait.',
    kinds: ['ReindexStmt'],
  },
  check(stmt) {
    if (stmt.ast.kind !== 'REINDEX_OBJECT_SYSTEM') return;
    return {
      message:
        'REINDEX SYSTEM rebuilds every index of the system catalogs, holding a SHARE lock on each catalog (every CREATE, ALTER, DROP, and every temporary table, waits) and an ACCESS EXCLUSIVE lock on each catalog index while it rebuilds it: new connections and every query that has to look up the catalog wait too. It has no CONCURRENTLY form.',
      help: 'Take it out of the migration: reindex the system catalogs by hand in a maintenance window, only when corruption or bloat calls for it.',
      lock: 'AccessExclusiveLock',
      data: { tableLock: 'ShareLock', indexLock: 'AccessExclusiveLock' },
    };
  },
});
