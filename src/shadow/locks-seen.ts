/**
 * What the tracer reads around a statement: the locks it took (our own backend's, read in the
 * open transaction; sampled from a second connection; documented; already held), the relations
 * it rewrote, and, when a transaction ends, the dangerous locks it held across several statements.
 * Every fact about the engine comes from `shadow.probes`.
 */
import type { Statement } from '../model.js';
import type { Shadow, SideConnection } from './driver.js';
import type { HeldRelLock, RelMap, ShadowProbes } from './probes.js';
import { round, type HeldLock, type LockInfo, type TracedStatement, type TxState } from './trace-types.js';

/** Samples the locks of the shadow's main backend from a second connection while a statement runs. */
export class Sampler {
  private constructor(
    private readonly probes: ShadowProbes,
    private readonly side: SideConnection,
    private readonly pid: number,
  ) {}

  static async open(shadow: Shadow): Promise<Sampler> {
    const pid = await shadow.probes.backendId(shadow);
    const side = await shadow.openSideConnection!();
    return new Sampler(shadow.probes, side, pid);
  }

  start(): { stop(): Promise<HeldRelLock[]> } {
    const seen = new Map<string, HeldRelLock>();
    let running = true;
    const loop = (async () => {
      while (running) {
        try {
          for (const r of await this.probes.sampleLocks(this.side, this.pid)) seen.set(`${r.oid}/${r.mode}`, r);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return [...seen.values()];
      },
    };
  }

  close(): Promise<void> {
    return this.side.close();
  }
}

export interface SeenAround {
  stmt: Statement;
  tx: TxState | undefined;
  /** the statement could not run in a transaction: it ran alone */
  alone: boolean;
  beforeRels: RelMap;
  afterRels: RelMap;
  /** our backend's locks before, when a transaction is open around the statement */
  beforeLocks?: HeldRelLock[];
  afterLocks?: HeldRelLock[];
  /** what a second connection saw while it ran alone */
  sampled: HeldRelLock[];
  /**
   * a transaction-control statement (ROLLBACK, ROLLBACK TO SAVEPOINT, COMMIT…): storage it changes is storage a
   * rollback gave back, not a rewrite
   */
  control?: boolean;
}

/** Fills `rec.locks`, `rec.rewrites` and `rec.rebuiltIndexes` from what was read around the statement. */
export function recordSeen(shadow: Shadow, rec: TracedStatement, s: SeenAround): void {
  const p = shadow.probes;
  const { beforeRels, afterRels, tx } = s;
  const visible = tx?.startRels ?? beforeRels;
  if (s.beforeLocks && s.afterLocks) {
    const had = new Set(s.beforeLocks.map((l) => `${l.oid}/${l.mode}`));
    for (const l of s.afterLocks) {
      if (had.has(`${l.oid}/${l.mode}`)) continue;
      const rel = visible.get(l.oid);
      if (!rel) continue; // created in this transaction: nobody else can see it yet
      rec.locks.push({
        relation: rel.name,
        mode: l.mode,
        ...p.lockEffect(l.mode),
        kind: p.relkindName(rel.relkind),
        source: 'pg_locks',
      });
    }
  } else if (s.alone) {
    const byName = new Map([...beforeRels.values()].map((r) => [r.name, r]));
    for (const d of p.documentedLocks(s.stmt)) {
      const rel = byName.get(d.relation);
      rec.locks.push({
        relation: d.relation,
        mode: d.mode,
        ...p.lockEffect(d.mode),
        kind: rel ? p.relkindName(rel.relkind) : undefined,
        source: 'documented',
      });
    }
    for (const x of s.sampled) {
      const rel = beforeRels.get(x.oid) ?? afterRels.get(x.oid);
      if (!rel || !beforeRels.has(x.oid)) continue;
      if (rec.locks.some((l) => l.relation === rel.name && l.mode === x.mode)) continue;
      rec.locks.push({
        relation: rel.name,
        mode: x.mode,
        ...p.lockEffect(x.mode),
        kind: p.relkindName(rel.relkind),
        source: 'sampled',
      });
    }
  }
  if (tx && s.beforeLocks) {
    // a lock the transaction already holds takes no new lock row: say so rather than "none"
    for (const target of p.statementLocks(s.stmt, shadow.serverVersion)) {
      const name = target.relation;
      const h = tx.held.get(name);
      if (!h || p.lockStrength(h.mode) < p.lockStrength(target.mode)) continue;
      if (rec.locks.some((l) => l.relation === name)) continue;
      rec.locks.push({
        relation: name,
        mode: target.mode,
        ...p.lockEffect(target.mode),
        kind: h.kind ?? 'table',
        source: 'held',
        heldSince: h.line,
      });
    }
  }
  rec.locks.sort((a, b) => p.lockStrength(b.mode) - p.lockStrength(a.mode) || a.relation.localeCompare(b.relation));
  // relations other sessions can see (existing before the transaction), compared with their
  // state just before THIS statement, so a rewrite is reported by the statement that did it only
  if (!s.control)
    for (const oid of visible.keys()) {
      const before = beforeRels.get(oid);
      if (!before) continue;
      const after = afterRels.get(oid);
      if (!after || after.filenode === before.filenode || before.filenode === 0) continue;
      const kind = p.relkindName(before.relkind);
      if (kind === 'index') rec.rebuiltIndexes.push(after.name);
      else if (kind === 'table' || kind === 'materialized view') rec.rewrites.push(after.name);
    }
  rec.rewrites.sort();
  rec.rebuiltIndexes.sort();
}

/** The transaction keeps the strongest blocking lock per relation, and which statement took it. */
export function holdLocks(probes: ShadowProbes, tx: TxState, stmt: Statement, locks: LockInfo[]): void {
  for (const l of locks) {
    if (!l.blocksReads && !l.blocksWrites) continue;
    const h = tx.held.get(l.relation);
    if (!h || probes.lockStrength(l.mode) > probes.lockStrength(h.mode))
      tx.held.set(l.relation, {
        mode: l.mode,
        index: stmt.index,
        line: stmt.span.line,
        ...(l.kind ? { kind: l.kind } : {}),
      });
  }
}

/**
 * The locks a transaction that ends held across more than its own statement (or up to an error),
 * each with how long and over how many statements.
 */
export function heldLocksAtEnd(
  probes: ShadowProbes,
  tx: TxState,
  end: { path: string; until: HeldLock['until']; untilLine: number; commitMs: number; rows?: Map<string, number> },
): HeldLock[] {
  const out: HeldLock[] = [];
  // an index or sequence locked by the statement that locked a table at least as strongly tells
  // a reader nothing the table's entry does not: it is listed with the table
  const folded = new Map<string, { relation: string; kind: string }[]>();
  const tables = [...tx.held].filter(([, h]) => !probes.isAuxiliary(h.kind));
  for (const [relation, h] of tx.held) {
    if (!probes.isAuxiliary(h.kind)) continue;
    const owner = tables
      .filter(([, t]) => t.index === h.index && probes.lockStrength(t.mode) >= probes.lockStrength(h.mode))
      .sort(([, a], [, b]) => probes.lockStrength(b.mode) - probes.lockStrength(a.mode))[0];
    if (!owner) continue;
    folded.set(owner[0], [...(folded.get(owner[0]) ?? []), { relation, kind: h.kind! }]);
  }
  const isFolded = new Set([...folded.values()].flat().map((f) => f.relation));
  for (const [relation, h] of tx.held) {
    if (isFolded.has(relation)) continue;
    const after = tx.run.filter((r) => r.index >= h.index);
    const count = after.filter((r) => !r.control).length;
    if (count < 2 && end.until !== 'error') continue; // held only by its own statement: its duration says it all
    const held: HeldLock = {
      path: end.path,
      relation,
      mode: h.mode,
      ...probes.lockEffect(h.mode),
      line: h.line,
      untilLine: end.untilLine,
      until: end.until,
      statements: count,
      heldMs: round(after.reduce((s, r) => s + r.durationMs, 0) + end.commitMs),
    };
    const rows = end.rows?.get(relation);
    if (rows !== undefined) held.rows = rows;
    const also = folded.get(relation);
    if (also) held.alsoLocked = also.sort((a, b) => a.relation.localeCompare(b.relation));
    out.push(held);
  }
  return out;
}
