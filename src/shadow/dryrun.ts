/**
 * The whole dry run: open a shadow, build the schema (history replay or a
 * schema dump), seed it, run the files under review traced, close the shadow.
 * Nothing persists: the PGlite instance is dropped, the server database is dropped.
 */
import type { Finding, LintResult, Migration, ParsedMigration } from '../model.js';
import type { DialectShadow } from '../dialect.js';
import type { EngineLimit, Shadow } from './driver.js';
import { isShadowStop } from './driver.js';
import { cacheKey, diskStore } from './cache.js';
import { dialectOf, shadowOf } from '../dialects/index.js';
import type { SeedResult } from './probes.js';
import { replayHistory, type ReplayProgress, type ReplayResult } from './replay.js';
import {
  notRun,
  runTraced,
  type DumpResult,
  type HeldLock,
  type StatementError,
  type TracedStatement,
} from './trace.js';

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
  /** progress of the traced run of the files under review: statements done, of all of them */
  onRunProgress?: (done: number, total: number, path: string) => void;
  /** called once the shadow is open */
  onOpen?: (shadow: Shadow) => void;
  /** wall-clock bound per statement on the shadow, ms (default 30 s) */
  timeoutMs?: number;
  /**
   * the target's major version (`--pg-version`): when the shadow's differs, the result says so
   * (`DryRun.shadowVersion` / `targetVersion`)
   */
  pgVersion?: number;
  /** the dialect's shadow (default PostgreSQL's) */
  dialect?: DialectShadow;
}

/** Why the dry run ended early: a statement overran the time bound, the shadow was stopped. */
export interface DryRunStop {
  /** where: replaying history, loading the schema dump, seeding, or running the files under review */
  phase: 'history' | 'schema' | 'seed' | 'run';
  /** one sentence: what overran, where, and what to do */
  message: string;
  path?: string;
  line?: number;
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
  /** the migrations' dialect (`Migration.dialect`) */
  dialect: string;
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
  /** set when a statement overran the time bound: what follows it was not run (statements marked `skipped`) */
  stopped?: DryRunStop;
  /**
   * set (with `targetVersion`) when the dry run was given the target's major version
   * (`DryRunOptions.pgVersion`) and the shadow engine's differs
   */
  shadowVersion?: number;
  targetVersion?: number;
}

interface CacheMeta {
  history: History;
  seed: { tables: number; rows: [string, number][]; failures: SeedResult['failures']; durationMs: number };
  limits: EngineLimit[];
}

/**
 * `migrations`: the files in order, those under review marked `review`; already parsed ones
 * (`ParsedMigration`, the pipeline parses once) are not parsed again.
 */
export async function dryRun(migrations: (Migration | ParsedMigration)[], opts: DryRunOptions = {}): Promise<DryRun> {
  const t0 = performance.now();
  const files = migrations.map((m) => ('statements' in m && 'migration' in m ? m.migration : m));
  const dialectId = dialectOf(files).id;
  const dialect = opts.dialect ?? shadowOf(dialectOf(files));
  const isReview = (m: Migration | ParsedMigration) => ('migration' in m && 'statements' in m ? m.migration : m).review;
  const review = migrations.filter(isReview);
  const history = opts.schema ? [] : migrations.filter((m) => !isReview(m));
  const historyFiles = history.map((m) => ('statements' in m && 'migration' in m ? m.migration : m));
  const sources = [...files.map((m) => m.source), ...(opts.schema ? [opts.schema.sql] : [])];
  const extensions = dialect.extensionsIn(sources);
  const rowsPerTable = opts.seedRows ?? 1000;
  const tools = files.map((m) => m.framework);

  const cacheDir = opts.url ? undefined : opts.cacheDir;
  const store = cacheDir ? diskStore<CacheMeta>(cacheDir) : undefined;
  const key = cacheDir
    ? cacheKey({
        engine: dialect.embeddedEngine(),
        extensions,
        seedRows: rowsPerTable,
        history: historyFiles,
        ...(opts.schema ? { schema: opts.schema.sql } : {}),
      })
    : undefined;
  const cached = store && key ? store.get(key) : undefined;

  // PGlite compiles its WebAssembly off the main thread: parse the files meanwhile
  const bound = opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {};
  const opening: Promise<Shadow> = opts.url
    ? dialect.open({ url: opts.url, extensions, allowSuperuser: !!opts.allowSuperuserShadow, ...bound })
    : dialect.open({ extensions, ...(cached ? { state: cached.tar } : {}), ...bound });
  opening.catch(() => {});
  const probes = dialect.probes;
  await probes.load();
  const parse = (m: Migration | ParsedMigration) => ('statements' in m && 'migration' in m ? m : probes.parse(m));
  const parsedHistory = cached ? [] : history.map(parse);
  const parsedReview = review.map(parse);
  const shadow = await opening;
  opts.onOpen?.(shadow);
  try {
    const tBoot = performance.now();
    const hit = !!cached && shadow.boot === 'cache';
    let hist: History;
    let seeded: { tables: number; rows: Map<string, number>; failures: SeedResult['failures']; durationMs: number };
    let stopped: DryRunStop | undefined;
    if (hit) {
      hist = cached!.meta.history;
      seeded = { ...cached!.meta.seed, rows: new Map(cached!.meta.seed.rows) };
      for (const l of cached!.meta.limits)
        if (!shadow.limits.some((x) => x.subject === l.subject)) shadow.limits.push(l);
    } else {
      if (opts.schema) {
        await probes.toolTables(shadow, tools);
        const d = await dialect.loadSchemaDump(shadow, opts.schema.sql, opts.schema.path);
        hist = { ...d, source: 'schema', path: opts.schema.path, durationMs: Math.round(performance.now() - tBoot) };
        const e = d.stopped ? d.errors.find((x) => x.timedOut) : undefined;
        if (d.stopped)
          stopped = {
            phase: 'schema',
            message: `the schema dump ${e ? `statement at ${e.path}:${e.line} ` : ''}${e?.message ?? 'stopped'}`,
            ...(e ? { path: e.path, line: e.line } : {}),
          };
      } else {
        const { limits: _limits, ...r } = await replayHistory(shadow, parsedHistory, opts.onProgress, tools);
        hist = { ...r, source: 'migrations' };
        const f = r.stopped ? r.failures.find((x) => x.timedOut) : undefined;
        if (r.stopped)
          stopped = {
            phase: 'history',
            message: `history ${f ? `${f.path}:${f.line}: ${f.message}` : 'replay stopped'}`,
            ...(f ? { path: f.path, line: f.line } : {}),
          };
      }
      let seedingTable = '';
      const tSeedStart = performance.now();
      seeded = { tables: 0, rows: new Map(), failures: [], durationMs: 0 };
      try {
        if (!stopped)
          seeded = await probes.seed(shadow, {
            rows: rowsPerTable,
            onProgress: (done, total, table) => {
              seedingTable = table;
              opts.onSeedProgress?.(done, total, table);
            },
          });
      } catch (err) {
        if (!isShadowStop(err)) throw err;
        seeded.durationMs = Math.round(performance.now() - tSeedStart);
        stopped = { phase: 'seed', message: `seeding table ${seedingTable || '?'} ${(err as Error).message}` };
      }
    }
    const tSeed = performance.now();
    const tHist = hit ? tBoot : tSeed - seeded.durationMs;
    if (!hit && !stopped && store && key && shadow.saveState) {
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
      store.put(key, await shadow.saveState(), meta);
    }
    const tRunStart = performance.now();
    const statements: TracedStatement[] = [];
    const heldLocks: HeldLock[] = [];
    const files: DryRunFile[] = [];
    const total = parsedReview.reduce((n, m) => n + m.statements.length, 0);
    let done = 0;
    for (const m of parsedReview) {
      if (stopped) {
        // the shadow was stopped before this file: it did not run
        statements.push(...notRun(m));
        files.push({ path: m.migration.path, statements: m.statements.length, error: null });
        continue;
      }
      const onRun = opts.onRunProgress;
      const r = await runTraced(shadow, m, {
        rows: seeded.rows,
        ...(onRun
          ? { onStatement: (s: TracedStatement) => onRun((done += s.count ?? 1), total, m.migration.path) }
          : {}),
      });
      if (r.stopped) {
        const e = r.error;
        stopped = {
          phase: 'run',
          message: e ? `${e.path}:${e.line}: ${e.message}` : `${m.migration.path}: the shadow was stopped`,
          ...(e ? { path: e.path, line: e.line } : {}),
        };
      }
      statements.push(...r.statements);
      heldLocks.push(...r.heldLocks);
      files.push({
        path: m.migration.path,
        statements: r.statements.reduce((n, x) => n + (x.index < 0 ? 0 : (x.count ?? 1)), 0),
        error: r.error,
      });
    }
    const tRun = performance.now();
    return {
      version: 1,
      dialect: dialectId,
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
      ...(stopped ? { stopped } : {}),
      ...(opts.pgVersion !== undefined && opts.pgVersion !== shadow.serverVersion
        ? { shadowVersion: shadow.serverVersion, targetVersion: opts.pgVersion }
        : {}),
    };
  } finally {
    await shadow.close();
  }
}

/** A finding's `schema.table` against a traced relation name (default schema dropped). */
function sameTable(dialect: DialectShadow, finding: string | undefined, traced: string): boolean {
  if (!finding) return true;
  return dialect.probes.relationName(finding) === traced;
}

/**
 * `lint --dry-run`: marks each static finding that predicts a lock or a rewrite
 * as confirmed when the shadow saw it on that statement (read from pg_locks or
 * relfilenode, not from the documentation), and as not confirmed when the
 * statement ran and the shadow did not. Findings of statements that did not
 * run (an earlier error) stay unmarked. Returns how many were confirmed.
 */
export function confirmFindings(
  result: LintResult,
  dry: DryRun,
  shadowDialect?: DialectShadow,
): { confirmed: number; unconfirmed: number } {
  const dialect = shadowDialect ?? shadowOf(dialectOf(result.files.map((f) => f.migration)));
  const byKey = new Map<string, TracedStatement>();
  const runs: TracedStatement[] = []; // runs of INSERTs traced together: one record for many statements
  for (const s of dry.statements) {
    byKey.set(`${s.path}\0${s.index}`, s);
    if (s.count) runs.push(s);
  }
  const traced = (path: string, index: number) =>
    byKey.get(`${path}\0${index}`) ?? runs.find((r) => r.path === path && r.index <= index && index <= r.lastIndex!);
  let confirmed = 0;
  let unconfirmed = 0;
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.statementIndex < 0) continue;
      const s = traced(f.path, f.statementIndex);
      if (!s || s.skipped || s.error) continue;
      const predictsRewrite = f.data?.rewrite === true;
      if (!f.lock && !predictsRewrite) continue;
      let seen = false;
      if (predictsRewrite) seen = s.rewrites.some((r) => sameTable(dialect, f.table, r));
      if (!seen && f.lock) {
        // seen on the shadow for this statement: not a documented mode, nor one its transaction already held
        seen = s.locks.some(
          (l) =>
            (l.source === 'pg_locks' || l.source === 'sampled') &&
            l.mode === f.lock &&
            sameTable(dialect, f.table, l.relation),
        );
      }
      f.confirmed = seen;
      if (seen) confirmed++;
      else unconfirmed++;
    }
  }
  return { confirmed, unconfirmed };
}

/**
 * Findings for a dry run that stopped on the time bound: the statement that overran (at its
 * file:line), or, when the run stopped before the files under review (history, seed), the first
 * statement of each of them, since none of them ran. `dry-run-error`, severity error: a migration
 * that runs for ever on a seeded copy holds its locks for ever in production. Returns how many.
 */
export function stopFindings(result: LintResult, dry: DryRun): number {
  let added = 0;
  const add = (s: TracedStatement, message: string, help: string) => {
    const file = result.files.find((f) => f.migration.path === s.path);
    if (!file) return;
    const f: Finding = {
      rule: 'dry-run-error',
      severity: 'error',
      message,
      help,
      path: s.path,
      line: s.error?.line ?? s.line,
      column: s.error?.column ?? s.column,
      endLine: Math.max(s.error?.line ?? s.line, s.endLine),
      endColumn: 1,
      statementIndex: s.index,
      data: { code: '57014', engine: dry.engine, timedOut: true },
    };
    file.findings.push(f);
    file.findings.sort((a, b) => a.line - b.line || a.column - b.column);
    result.summary.errors++;
    added++;
  };
  const help =
    'Find what loops or waits (a LOOP without an exit, pg_sleep, a lock never released, a huge backfill in one statement); if it is legitimately slow on the seeded shadow, raise --shadow-timeout.';
  for (const s of dry.statements) {
    if (s.timedOut && s.error)
      add(
        s,
        `This statement ${s.error.message.replace(/; raise --shadow-timeout.*$/, '')} (${dry.engine}): in production it would hold its locks at least that long.`,
        help,
      );
  }
  if (dry.stopped && dry.stopped.phase !== 'run') {
    const firsts = new Map<string, TracedStatement>();
    for (const s of dry.statements) if (s.index >= 0 && !firsts.has(s.path)) firsts.set(s.path, s);
    for (const s of firsts.values())
      add(
        s,
        `Not run on the shadow database: the dry run stopped before this file. ${dry.stopped.message.replace(/; raise --shadow-timeout.*$/, '')}.`,
        help,
      );
  }
  return added;
}
