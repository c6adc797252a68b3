/**
 * Runs of INSERT … VALUES into one table (a seed file's 100,000 INSERTs) traced a run at a time
 * instead of with several round trips per statement, and reported as one record.
 */
import type { Statement } from '../model.js';
import type { Shadow } from './driver.js';
import { isShadowStop } from './driver.js';
import type { ShadowProbes } from './probes.js';
import { now, round, sqlExcerpt, type LockInfo, type TracedStatement, type TxState } from './trace-types.js';

/** Runs of consecutive INSERT … VALUES into one table at least this long are traced together… */
export const INSERT_RUN_MIN = 50;
/** …this many statements per round trip. */
export const INSERT_RUN_MAX = 1000;

/**
 * The run of INSERT … VALUES into the same table that starts at `statements[from]` (at most
 * INSERT_RUN_MAX long, all in the same transaction unit), or undefined when it is shorter than
 * INSERT_RUN_MIN: a seed file's 100,000 INSERTs, not a migration's three.
 */
export function insertRun(
  probes: ShadowProbes,
  statements: readonly Statement[],
  from: number,
  sameUnit: (s: Statement) => boolean,
): Statement[] | undefined {
  const insertTarget = (s: Statement) => probes.insertTarget(s);
  const target = insertTarget(statements[from]!);
  if (!target) return undefined;
  let end = from + 1;
  while (end < statements.length && end - from < INSERT_RUN_MAX) {
    const s = statements[end]!;
    if (insertTarget(s) !== target || !sameUnit(s)) break;
    end++;
  }
  return end - from < INSERT_RUN_MIN ? undefined : statements.slice(from, end);
}

/** Index of the last statement of the run of INSERT … VALUES into the table `statements[from]` inserts into. */
export function insertRunEnd(probes: ShadowProbes, statements: readonly Statement[], from: number): number {
  const insertTarget = (s: Statement) => probes.insertTarget(s);
  const target = insertTarget(statements[from]!);
  let i = from;
  while (i + 1 < statements.length && insertTarget(statements[i + 1]!) === target) i++;
  return i;
}

/**
 * Traces a run of INSERT … VALUES into one table as one round trip, between one reading of the
 * catalog and of pg_locks before and one after (instead of seven round trips per statement).
 * Accepted only when the whole run took nothing but RowExclusiveLock on the table, its indexes
 * and the sequences it owns, and rewrote nothing: every INSERT takes that lock on the table, so
 * each statement's reported lock is its own, and the others (which it may or may not have
 * needed) block no one.
 * Otherwise (a trigger or a function in VALUES that locks another table, an error, a deferred
 * constraint failing at COMMIT) the run is rolled back and the caller traces it statement by
 * statement, so an error keeps its line and every lock its statement.
 */
export async function traceInsertRun(
  shadow: Shadow,
  run: Statement[],
  path: string,
  tx: TxState | undefined,
): Promise<TracedStatement | undefined> {
  const p = shadow.probes;
  const first = run[0]!;
  const last = run[run.length - 1]!;
  await shadow.exec(tx ? 'SAVEPOINT zerodown_insert_run' : 'BEGIN');
  const undo = () =>
    shadow
      .exec(tx ? 'ROLLBACK TO SAVEPOINT zerodown_insert_run; RELEASE SAVEPOINT zerodown_insert_run' : 'ROLLBACK')
      .catch(() => {});
  const beforeRels = await p.relations(shadow);
  const beforeLocks = await p.ownLocks(shadow);
  const t0 = now();
  try {
    await shadow.exec(`${run.map((x) => x.text).join('\n;\n')}\n;`);
  } catch (err) {
    // over the time bound: the shadow is gone, and runTraced reports the stop
    if (isShadowStop(err)) throw err;
    await undo();
    return undefined;
  }
  let durationMs = now() - t0;
  const afterRels = await p.relations(shadow);
  const afterLocks = await p.ownLocks(shadow);
  const visible = tx?.startRels ?? beforeRels;
  const target = p.insertTarget(first)!;
  const table = [...beforeRels.values()].find((r) => r.name === target);
  // the table's indexes (an INSERT opens every one) and the sequences it owns (serial, identity)
  const parts = table ? await p.tableParts(shadow, table.oid) : new Set<number>();
  const had = new Set(beforeLocks.map((l) => `${l.oid}/${l.mode}`));
  const locks: LockInfo[] = [];
  for (const l of afterLocks) {
    if (had.has(`${l.oid}/${l.mode}`)) continue;
    const rel = visible.get(l.oid);
    if (!rel) continue; // created in this transaction: nobody else can see it yet
    if (
      l.mode !== 'RowExclusiveLock' ||
      (l.oid !== table?.oid && !(parts.has(l.oid) && p.isAuxiliary(p.relkindName(rel.relkind))))
    ) {
      await undo();
      return undefined;
    }
    locks.push({
      relation: rel.name,
      mode: l.mode,
      ...p.lockEffect(l.mode),
      kind: p.relkindName(rel.relkind),
      source: 'pg_locks',
    });
  }
  for (const [oid, before] of beforeRels) {
    const after = afterRels.get(oid);
    if (visible.has(oid) && after && before.filenode !== 0 && after.filenode !== before.filenode) {
      await undo();
      return undefined;
    }
  }
  const c0 = now();
  try {
    await shadow.exec(tx ? 'RELEASE SAVEPOINT zerodown_insert_run' : 'COMMIT');
  } catch {
    await undo();
    return undefined;
  }
  if (!tx) durationMs += now() - c0;
  locks.sort((a, b) => p.lockStrength(b.mode) - p.lockStrength(a.mode) || a.relation.localeCompare(b.relation));
  return {
    path,
    index: first.index,
    line: first.span.line,
    column: first.span.column,
    endLine: last.span.endLine,
    kind: first.kind,
    sql: sqlExcerpt(first.text),
    durationMs: round(durationMs),
    locks,
    rewrites: [],
    rebuiltIndexes: [],
    error: null,
    transaction: tx ? tx.kind : 'autocommit',
    count: run.length,
    lastIndex: last.index,
  };
}

/** Adds `rec` to `prev` when both are runs of INSERTs that follow each other with the same locks; false otherwise. */
export function foldInto(prev: TracedStatement | undefined, rec: TracedStatement): boolean {
  if (!prev?.count || prev.lastIndex! + 1 !== rec.index || prev.transaction !== rec.transaction) return false;
  const key = (s: TracedStatement) => JSON.stringify(s.locks);
  if (key(prev) !== key(rec)) return false;
  prev.count += rec.count!;
  prev.lastIndex = rec.lastIndex!;
  prev.endLine = rec.endLine;
  prev.durationMs = round(prev.durationMs + rec.durationMs);
  return true;
}
