/**
 * The dry run's shadow: opened from the saved state when the shadow cache holds one for the same
 * inputs (PGlite only, `cacheDir`), else booted fresh; and, once history and seed are done, saved.
 */
import type { DialectShadow, ShadowWork } from '../dialect.js';
import type { Migration } from '../model.js';
import { cacheKey, findCache, writeCache, type FoundState } from './cache.js';
import type { EngineLimit, Shadow } from './driver.js';
import type { SeedResult, SeedScope } from './probes.js';
import type { DryRun, DryRunOptions, History, Seeded } from './dryrun-types.js';

export interface CacheMeta {
  history: History;
  seed: { tables: number; of?: number; rows: [string, number][]; failures: SeedResult['failures']; durationMs: number };
  limits: EngineLimit[];
}

/** The shadow cache of one dry run: where, and under which key (`readState` finds the state saved there). */
export interface DryRunCache {
  dir: string | undefined;
  key: string | undefined;
}

/**
 * The shadow cache of the inputs: where, and under which key (PGlite only: never with a server `url`); `readState`
 * reads the state saved there.
 */
export function lookUpCache(
  dialect: DialectShadow,
  opts: DryRunOptions,
  extensions: string[],
  rowsPerTable: number,
  historyFiles: Migration[],
  scope?: SeedScope,
): DryRunCache {
  const dir = opts.url ? undefined : opts.cacheDir;
  const key = dir
    ? cacheKey({
        engine: dialect.embeddedEngine?.() ?? 'server',
        extensions,
        seedRows: rowsPerTable,
        history: historyFiles,
        ...(scope ? { seedScope: scope } : {}),
        ...(opts.schema ? { schema: opts.schema.sql } : {}),
      })
    : undefined;
  return { dir, key };
}

/**
 * The saved state of `cache`'s key, found, its tar not yet unpacked (`startOpening` has it unpacked while PGlite's
 * thread starts): separate from the lookup, so that a dry run answered by a saved report never reads a state.
 */
export function readState(cache: DryRunCache): FoundState<CacheMeta> | undefined {
  const found = cache.dir && cache.key ? findCache<CacheMeta>(cache.dir, cache.key) : undefined;
  // the facts saved beside a state are read as data: ones that are not what saveToCache writes are a miss
  return found && isCacheMeta(found.meta) ? found : undefined;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const numbers = (o: unknown, keys: string[]): o is Record<string, unknown> =>
  isObject(o) && keys.every((k) => typeof o[k] === 'number');

/**
 * A report `dryRun` saved (src/shadow/cache.ts `readResult`), read as data: the shape its readers rely on, and only
 * of a run that went to its end.
 */
export function isDryRun(x: unknown): x is DryRun {
  if (!isObject(x) || x.version !== 1 || x.stopped !== undefined) return false;
  if (typeof x.dialect !== 'string' || typeof x.engine !== 'string' || typeof x.boot !== 'string') return false;
  if (!Array.isArray(x.statements) || !Array.isArray(x.files) || !Array.isArray(x.heldLocks)) return false;
  if (!Array.isArray(x.limits) || !isObject(x.history) || typeof x.history.source !== 'string') return false;
  if (!numbers(x.seed, ['tables', 'rowsPerTable', 'rows', 'durationMs']) || !Array.isArray(x.seed.failures))
    return false;
  if (!numbers(x.timings, ['bootMs', 'historyMs', 'seedMs', 'runMs', 'totalMs'])) return false;
  return (
    x.statements.every(
      (s) =>
        numbers(s, ['index', 'line', 'column', 'endLine', 'durationMs']) &&
        typeof s.path === 'string' &&
        typeof s.kind === 'string' &&
        typeof s.sql === 'string' &&
        Array.isArray(s.locks) &&
        s.locks.every((l: unknown) => isObject(l) && typeof l.relation === 'string' && typeof l.mode === 'string') &&
        Array.isArray(s.rewrites) &&
        Array.isArray(s.rebuiltIndexes) &&
        (s.error === null || (isObject(s.error) && typeof s.error.message === 'string')) &&
        !s.timedOut,
    ) &&
    x.files.every((f) => isObject(f) && typeof f.path === 'string' && typeof f.statements === 'number') &&
    x.heldLocks.every((l) => isObject(l) && typeof l.relation === 'string' && typeof l.mode === 'string')
  );
}

/** The shape saveToCache writes (a file on disk, perhaps damaged, perhaps from another zerodown). */
function isCacheMeta(x: unknown): x is CacheMeta {
  if (!isObject(x) || !isObject(x.history) || !isObject(x.seed) || !Array.isArray(x.limits)) return false;
  const { history: h, seed: s } = x;
  const historyOk =
    h.source === 'migrations'
      ? typeof h.files === 'number' && typeof h.statements === 'number' && Array.isArray(h.failures)
      : h.source === 'schema' && typeof h.path === 'string';
  return (
    historyOk &&
    typeof s.tables === 'number' &&
    typeof s.durationMs === 'number' &&
    Array.isArray(s.failures) &&
    Array.isArray(s.rows) &&
    s.rows.every((r) => Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'number') &&
    x.limits.every((l) => isObject(l) && typeof l.id === 'string' && typeof l.subject === 'string')
  );
}

/**
 * Starts opening the shadow (a server's, or PGlite from the cached state when there is one); the
 * caller awaits it after its own work (PGlite compiles its WebAssembly off the main thread). `work`: what the
 * embedded engine will run (it compiles its code for that).
 */
export function startOpening(
  dialect: DialectShadow,
  opts: DryRunOptions,
  extensions: string[],
  cached: FoundState<CacheMeta> | undefined,
  work: ShadowWork,
): Promise<Shadow> {
  const bound = opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {};
  const opening: Promise<Shadow> = opts.url
    ? dialect.open({ url: opts.url, extensions, allowSuperuser: !!opts.allowSuperuserShadow, ...bound })
    : // unpacked while the engine's thread instantiates PGlite, for this run alone: the engine takes its memory as it is
      dialect.open({ extensions, ...(cached ? { state: cached.unpack, handOverState: true } : {}), ...bound, work });
  opening.catch(() => {});
  return opening;
}

/** A cache hit: the history and seed saved with the state, and the engine limits seen then. */
export function restoreFromCache(shadow: Shadow, meta: CacheMeta): { hist: History; seeded: Seeded } {
  const hist = meta.history;
  const seeded = { ...meta.seed, rows: new Map(meta.seed.rows) };
  for (const l of meta.limits) if (!shadow.limits.some((x) => x.subject === l.subject)) shadow.limits.push(l);
  return { hist, seeded };
}

/** Saves the replayed and seeded state for the next run with the same inputs (when the engine can). */
export async function saveToCache(cache: DryRunCache, shadow: Shadow, hist: History, seeded: Seeded): Promise<void> {
  if (!cache.dir || !cache.key || !shadow.saveState) return;
  const meta: CacheMeta = {
    history: hist,
    seed: {
      tables: seeded.tables,
      ...(seeded.of !== undefined ? { of: seeded.of } : {}),
      rows: [...seeded.rows],
      failures: seeded.failures,
      durationMs: seeded.durationMs,
    },
    limits: [...shadow.limits],
  };
  writeCache(cache.dir, cache.key, await shadow.saveState(), meta);
}
