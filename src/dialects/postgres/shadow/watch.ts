/**
 * The proof's lock watch on PostgreSQL (src/shadow/probes.ts `LockWatch`): the tables that have
 * rows at the start, their relfilenode (a rewrite changes it) and sequential scans
 * (pg_stat_xact_user_tables), and the locks our backend holds on them (pg_locks). The kernel runs
 * the statements (src/shadow/trace.ts, src/plan/verify.ts) and calls `before`/`after` around each.
 */
import type { LockWatch, ProbeTarget, WatchedSpan } from '../../../shadow/probes.js';
import { LOCKS, quoteIdent } from '../util.js';
import { USER_SCHEMAS } from './inspect.js';

interface TableStat {
  name: string;
  filenode: string;
  seq: number;
}

const BLOCKING = new Set(
  Object.entries(LOCKS)
    .filter(([, v]) => v.blocksWrites)
    .map(([k]) => k),
);

class PgLockWatch implements LockWatch {
  violations: string[] = [];
  spans: WatchedSpan[] = [];
  scansVisible = true;
  private inTx = false;
  private aelSince = new Map<string, number>();
  /** time spent running the migration's own statements (not the watch's queries), in ms */
  private clock = 0;
  private phase = 0;

  constructor(
    private readonly sh: ProbeTarget,
    /** oid → `schema.table` of the tables that had rows at the start */
    private readonly busy: Map<string, string>,
  ) {}

  private async stats(): Promise<Map<string, TableStat>> {
    const rows = await this.sh.query<{ oid: string; filenode: string; seq: string | number | null }>(
      `SELECT c.oid::int8::text AS oid, c.relfilenode::int8::text AS filenode, s.seq_scan AS seq
         FROM pg_class c LEFT JOIN pg_stat_xact_user_tables s ON s.relid = c.oid WHERE c.oid = ANY ($1::int8[]::oid[])`,
      [[...this.busy.keys()]],
    );
    return new Map(
      rows.map((r) => [r.oid, { name: this.busy.get(r.oid)!, filenode: r.filenode, seq: Number(r.seq ?? 0) }]),
    );
  }

  private async locks(): Promise<Map<string, string[]>> {
    const rows = await this.sh.query<{ oid: string; mode: string }>(
      `SELECT relation::int8::text AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation = ANY ($1::int8[]::oid[])`,
      [[...this.busy.keys()]],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.oid, [...(out.get(r.oid) ?? []), r.mode]);
    return out;
  }

  setPhase(n: number): void {
    this.phase = n;
  }

  began(): void {
    this.inTx = true;
  }

  ended(ms: number): void {
    this.clock += ms;
    const end = this.clock;
    for (const [oid, since] of this.aelSince) {
      this.spans.push({
        phase: this.phase,
        table: this.busy.get(oid)!,
        mode: 'AccessExclusiveLock',
        ms: Math.max(0, Math.round((end - since) * 10) / 10),
      });
    }
    this.aelSince.clear();
    this.inTx = false;
  }

  async before(): Promise<unknown> {
    return { stats: await this.stats(), t0: this.clock };
  }

  async after(token: unknown, label: string, ms: number): Promise<void> {
    const { stats: before, t0 } = token as { stats: Map<string, TableStat>; t0: number };
    this.clock += ms;
    const after = await this.stats();
    if (!this.inTx) {
      for (const [oid, b] of before) {
        if (after.get(oid)?.filenode !== b.filenode)
          this.violations.push(`${label} rewrote ${b.name} outside a transaction`);
      }
      return;
    }
    const locks = await this.locks();
    for (const [oid, b] of before) {
      const a = after.get(oid);
      if (!a) continue;
      const modes = locks.get(oid) ?? [];
      if (modes.includes('AccessExclusiveLock') && !this.aelSince.has(oid)) this.aelSince.set(oid, t0);
      const blocking = modes.filter((m) => BLOCKING.has(m));
      if (!blocking.length) continue;
      const strongest = blocking.includes('AccessExclusiveLock')
        ? 'AccessExclusiveLock'
        : blocking[blocking.length - 1]!;
      const what = a.filenode !== b.filenode ? 'rewrote' : a.seq > b.seq ? 'scanned' : '';
      if (what)
        this.violations.push(
          `${label} ${what} ${b.name} while holding ${strongest} on it (${LOCKS[strongest as keyof typeof LOCKS]?.blocksReads ? 'reads and writes wait' : 'writes wait'})`,
        );
    }
  }
}

/** Starts watching the tables that have rows now. */
export async function watchLocks(sh: ProbeTarget): Promise<LockWatch> {
  // scans are counted in pg_stat_xact_user_tables only with track_counts on (a fast shadow may turn it off)
  await sh.exec('SET track_counts = on').catch(() => {});
  const [tc] = await sh.query<{ track_counts: string }>('SHOW track_counts').catch(() => [{ track_counts: 'off' }]);
  const rows = await sh.query<{ oid: string; nspname: string; relname: string }>(
    `SELECT c.oid::int8::text AS oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND ${USER_SCHEMAS}`,
  );
  const busy = new Map<string, string>();
  for (const r of rows) {
    // schema and table quoted each as a whole: either may hold a dot
    const [{ has }] = (await sh.query<{ has: boolean }>(
      `SELECT EXISTS (SELECT FROM ${quoteIdent(r.nspname)}.${quoteIdent(r.relname)}) AS has`,
    )) as [{ has: boolean }];
    if (has) busy.set(r.oid, `${r.nspname}.${r.relname}`);
  }
  const watch = new PgLockWatch(sh, busy);
  watch.scansVisible = tc?.track_counts === 'on';
  return watch;
}
