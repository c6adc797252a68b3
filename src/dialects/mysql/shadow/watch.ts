/**
 * The plan proof's lock watch on MySQL/MariaDB (src/shadow/probes.ts `LockWatch`).
 *
 * What it can see: a statement that rebuilds a table holding rows (its InnoDB table id changes,
 * inspect.ts) while a transaction is open is a violation, as on PostgreSQL. What it cannot: MySQL
 * has no per-statement table-scan counters comparable to pg_stat_user_tables, so scans are not
 * observed (`scansVisible: false`, which the proof reports), and DDL never runs inside a
 * transaction here (it commits by itself), so lock spans are not timed.
 */
import type { LockWatch, ProbeTarget, RelMap, WatchedSpan } from '../../../shadow/probes.js';
import { relations } from './inspect.js';

export async function watchLocks(shadow: ProbeTarget): Promise<LockWatch> {
  const rows = new Set<string>();
  for (const rel of (await relations(shadow)).values()) {
    if (rel.relkind !== 't') continue;
    const [r] = await shadow.query<{ one: number }>(`SELECT 1 AS one FROM \`${rel.name.replace(/`/g, '``')}\` LIMIT 1`);
    if (r) rows.add(rel.name);
  }
  const violations: string[] = [];
  const spans: WatchedSpan[] = [];
  let inTx = false;
  return {
    violations,
    spans,
    scansVisible: false,
    scansHiddenWhy: 'MySQL and MariaDB keep no per-table scan counters the proof could read',
    quietClaim: 'no table with rows rebuilt inside a transaction',
    setPhase() {},
    began() {
      inTx = true;
    },
    ended() {
      inTx = false;
    },
    async before() {
      return inTx ? relations(shadow) : undefined;
    },
    async after(token, label) {
      if (!token) return;
      const before = token as RelMap;
      const after = await relations(shadow);
      for (const [oid, b] of before) {
        const a = after.get(oid);
        if (a && b.filenode && a.filenode !== b.filenode && rows.has(b.name))
          violations.push(`${label} rebuilt table ${b.name}, which holds rows, inside a transaction`);
      }
    },
  };
}
