/**
 * The whole dry run: open a shadow, build the schema (history replay or a
 * schema dump), seed it, run the files under review traced, close the shadow.
 * Nothing persists: the PGlite instance is dropped, the server database is dropped.
 */
import type { LintResult, Migration } from '../model.js';
import { displayTable } from '../rules/util.js';
import type { EngineLimit, Shadow } from './driver.js';
import { loadSchemaDump, type DumpResult } from './dump.js';
import { extensionsIn } from './extensions.js';
import { openShadow } from './open.js';
import { PgliteShadow, pgliteVersion } from './pglite.js';
import { cacheKey, readCache, writeCache } from './cache.js';
import { ensureToolTables } from './tools.js';
import { loadParser, parseMigration } from '../parse/postgres.js';
import { replayHistory, type ReplayProgress, type ReplayResult } from './replay.js';
import { seed, type SeedResult } from './seed.js';
import { runTraced, type HeldLock, type StatementError, type TracedStatement } from './trace.js';

export interface DryRunOptions {
  /** PostgreSQL server URL; default embedded PGlite */
  url?: string;
  /** with `url`: run as the URL's role when no unprivileged run role can be made, even if it is powerful */
  allowSuperuserShadow?: boolean;
  /** `pg_dump --schema-only` output to build the schema from, instead of replaying history */
  schema?: { path: string; sql: string };
  /** rows per table (default 1000) */
  seedRows?: number;
  /** PGlite only: keep the replayed + seeded state here and reuse it when the inputs are the same */
  cacheDir?: string;
  onProgress?: ReplayProgress;
  /** seeding progress: before each table */
  onSeedProgress?: (done: number, total: number, table: string) => void;
  /** called once the shadow is open (the CLI uses it to clean up on Ctrl-C) */
  onOpen?: (shadow: Shadow) => void;
}

export interface DryRunFile {
  path: string;
  statements: number;
  error: StatementError | null;
}

type History =
  | (Omit<ReplayResult, 'limits'> & { source: 'migrations' })
  | (DumpResult & { source: 'schema'; path: string; durationMs: number });

export interface DryRun {
  version: 1;
  engine: string;
  /** `datadir` / `initdb` / `cache` (PGlite) or `database` (server) */
  boot: string;
  /** `hit`: history and seed came from the shadow cache; `miss`: computed and saved; `off` */
  cache: 'hit' | 'miss' | 'off';
  statements: TracedStatement[];
  heldLocks: HeldLock[];
  files: DryRunFile[];
  history: History;
  seed: { tables: number; rowsPerTable: number; rows: number; failures: SeedResult['failures']; durationMs: number };
  limits: EngineLimit[];
  timings: { bootMs: number; historyMs: number; seedMs: number; runMs: number; totalMs: number };
}

interface CacheMeta {
  history: History;
  seed: { tables: number; rows: [string, number][]; failures: SeedResult['failures']; durationMs: number };
  limits: EngineLimit[];
}

export async function dryRun(migrations: Migration[], opts: DryRunOptions = {}): Promise<DryRun> {
  const t0 = performance.now();
  const review = migrations.filter((m) => m.review);
  const history = opts.schema ? [] : migrations.filter((m) => !m.review);
  const sources = [...migrations.map((m) => m.source), ...(opts.schema ? [opts.schema.sql] : [])];
  const extensions = extensionsIn(sources);
  const rowsPerTable = opts.seedRows ?? 1000;
  const tools = migrations.map((m) => m.framework);

  const cacheDir = opts.url ? undefined : opts.cacheDir;
  const key = cacheDir
    ? cacheKey({
        engine: `pglite ${pgliteVersion()}`,
        extensions,
        seedRows: rowsPerTable,
        history,
        ...(opts.schema ? { schema: opts.schema.sql } : {}),
      })
    : undefined;
  const cached = cacheDir && key ? readCache<CacheMeta>(cacheDir, key) : undefined;

  // PGlite compiles its WebAssembly off the main thread: parse the files meanwhile
  const opening: Promise<Shadow> = opts.url
    ? openShadow({ url: opts.url, extensions, allowSuperuser: !!opts.allowSuperuserShadow })
    : PgliteShadow.open({ extensions, ...(cached ? { dataDir: cached.tar } : {}) });
  opening.catch(() => {});
  await loadParser();
  const parsedHistory = cached ? [] : history.map((m) => parseMigration(m));
  const parsedReview = review.map((m) => parseMigration(m));
  const shadow = await opening;
  opts.onOpen?.(shadow);
  try {
    const tBoot = performance.now();
    const hit = !!cached && shadow.boot === 'cache';
    let hist: History;
    let seeded: { tables: number; rows: Map<string, number>; failures: SeedResult['failures']; durationMs: number };
    if (hit) {
      hist = cached!.meta.history;
      seeded = { ...cached!.meta.seed, rows: new Map(cached!.meta.seed.rows) };
      for (const l of cached!.meta.limits)
        if (!shadow.limits.some((x) => x.subject === l.subject)) shadow.limits.push(l);
    } else {
      if (opts.schema) {
        await ensureToolTables(shadow, tools);
        const d = await loadSchemaDump(shadow, opts.schema.sql, opts.schema.path);
        hist = { ...d, source: 'schema', path: opts.schema.path, durationMs: Math.round(performance.now() - tBoot) };
      } else {
        const { limits: _limits, ...r } = await replayHistory(shadow, parsedHistory, opts.onProgress, tools);
        hist = { ...r, source: 'migrations' };
      }
      seeded = await seed(shadow, {
        rows: rowsPerTable,
        ...(opts.onSeedProgress ? { onProgress: opts.onSeedProgress } : {}),
      });
    }
    const tSeed = performance.now();
    const tHist = hit ? tBoot : tSeed - seeded.durationMs;
    if (!hit && cacheDir && key && shadow instanceof PgliteShadow) {
      const meta: CacheMeta = {
        history: hist,
        seed: {
          tables: seeded.tables,
          rows: [...seeded.rows],
          failures: seeded.failures,
          durationMs: seeded.durationMs,
        },
        limits: [...shadow.limits],
      };
      writeCache(cacheDir, key, await shadow.dumpDataDir(), meta);
    }
    const tRunStart = performance.now();
    const statements: TracedStatement[] = [];
    const heldLocks: HeldLock[] = [];
    const files: DryRunFile[] = [];
    for (const m of parsedReview) {
      const r = await runTraced(shadow, m, { rows: seeded.rows });
      statements.push(...r.statements);
      heldLocks.push(...r.heldLocks);
      files.push({
        path: m.migration.path,
        statements: r.statements.filter((x) => x.index >= 0).length,
        error: r.error,
      });
    }
    const tRun = performance.now();
    return {
      version: 1,
      engine: shadow.engine,
      boot: shadow.boot,
      cache: !cacheDir ? 'off' : hit ? 'hit' : 'miss',
      statements,
      heldLocks,
      files,
      history: hist,
      seed: {
        tables: seeded.tables,
        rowsPerTable,
        rows: [...seeded.rows.values()].reduce((a, b) => a + b, 0),
        failures: seeded.failures,
        durationMs: seeded.durationMs,
      },
      limits: [...shadow.limits],
      timings: {
        bootMs: Math.round(tBoot - t0),
        historyMs: Math.round(tHist - tBoot),
        seedMs: Math.round(tSeed - tHist),
        runMs: Math.round(tRun - tRunStart),
        totalMs: Math.round(tRun - t0),
      },
    };
  } finally {
    await shadow.close();
  }
}

/** A finding's `schema.table` against a traced relation name (default schema dropped). */
function sameTable(finding: string | undefined, traced: string): boolean {
  if (!finding) return true;
  return displayTable(finding) === traced;
}

/**
 * `lint --dry-run`: marks each static finding that predicts a lock or a rewrite
 * as confirmed when the shadow saw it on that statement (read from pg_locks or
 * relfilenode, not from the documentation), and as not confirmed when the
 * statement ran and the shadow did not. Findings of statements that did not
 * run (an earlier error) stay unmarked. Returns how many were confirmed.
 */
export function confirmFindings(result: LintResult, dry: DryRun): { confirmed: number; unconfirmed: number } {
  const byKey = new Map<string, TracedStatement>();
  for (const s of dry.statements) byKey.set(`${s.path}\0${s.index}`, s);
  let confirmed = 0;
  let unconfirmed = 0;
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.statementIndex < 0) continue;
      const s = byKey.get(`${f.path}\0${f.statementIndex}`);
      if (!s || s.skipped || s.error) continue;
      const predictsRewrite = f.data?.rewrite === true;
      if (!f.lock && !predictsRewrite) continue;
      let seen = false;
      if (predictsRewrite) seen = s.rewrites.some((r) => sameTable(f.table, r));
      if (!seen && f.lock) {
        // seen on the shadow for this statement: not a documented mode, nor one its transaction already held
        seen = s.locks.some(
          (l) =>
            (l.source === 'pg_locks' || l.source === 'sampled') && l.mode === f.lock && sameTable(f.table, l.relation),
        );
      }
      f.confirmed = seen;
      if (seen) confirmed++;
      else unconfirmed++;
    }
  }
  return { confirmed, unconfirmed };
}
