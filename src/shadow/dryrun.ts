/**
 * The whole dry run: open a shadow, build the schema (history replay or a
 * schema dump), seed it, run the files under review traced, close the shadow.
 * Nothing persists: the PGlite instance is dropped, the server database is dropped.
 *
 * The steps live beside it: dryrun-open.ts opens the shadow (and its cache), dryrun-schema.ts
 * replays history (or loads a schema dump) and seeds, dryrun-run.ts runs the files under review,
 * dryrun-confirm.ts checks lint findings against the run; the types are in dryrun-types.ts.
 */
import type { Migration, ParsedMigration } from '../model.js';
import { dialectOf, loadedShadowOf } from '../dialects/index.js';
import { readResult, resultKey, writeResult } from './cache.js';
import { shadowWork } from './driver.js';
import { isDryRun, lookUpCache, readState, restoreFromCache, saveToCache, startOpening } from './dryrun-open.js';
import { runReview } from './dryrun-run.js';
import { buildSchema, seedShadow } from './dryrun-schema.js';
import type { DryRun, DryRunOptions, DryRunStop, History, Seeded } from './dryrun-types.js';

/** above this many statements under review, every table is seeded (see `scope` below) */
const SCOPE_MAX = 10_000;

export { confirmFindings, stopFindings, tracedLookup } from './dryrun-confirm.js';
export type { DryRun, DryRunFile, DryRunOptions, DryRunStop } from './dryrun-types.js';

/**
 * `migrations`: the files in order, those under review marked `review`; already parsed ones
 * (`ParsedMigration`, the pipeline parses once) are not parsed again.
 */
export async function dryRun(migrations: (Migration | ParsedMigration)[], opts: DryRunOptions = {}): Promise<DryRun> {
  const t0 = performance.now();
  const files = migrations.map((m) => ('statements' in m && 'migration' in m ? m.migration : m));
  const sqlDialect = dialectOf(files);
  const dialectId = sqlDialect.id;
  const dialect = opts.dialect ?? (await loadedShadowOf(sqlDialect));
  const isReview = (m: Migration | ParsedMigration) => ('migration' in m && 'statements' in m ? m.migration : m).review;
  const review = migrations.filter(isReview);
  const history = opts.schema ? [] : migrations.filter((m) => !isReview(m));
  const historyFiles = history.map((m) => ('statements' in m && 'migration' in m ? m.migration : m));
  const sources = [...files.map((m) => m.source), ...(opts.schema ? [opts.schema.sql] : [])];
  const extensions = dialect.extensionsIn(sources);
  const rowsPerTable = opts.seedRows ?? 1000;
  const tools = files.map((m) => m.framework);

  const probes = dialect.probes;
  const isParsed = (m: Migration | ParsedMigration): m is ParsedMigration => 'statements' in m && 'migration' in m;
  const parse = (m: Migration | ParsedMigration) => (isParsed(m) ? m : probes.parse(m));
  // what the review works on decides what is seeded, so it is part of the cached state's key
  if (!review.every(isParsed)) await probes.load();
  const parsedReview = review.map(parse);
  // Reading the scope is a walk over every statement's tree before anything runs; above SCOPE_MAX
  // statements (a data migration) that walk costs more than seeding every table, and gathering the
  // statements of a pieced file into one array would hold them all in memory at once.
  const reviewed = parsedReview.reduce((n, p) => n + (p.error ? 0 : p.statements.length), 0);
  const scope =
    reviewed <= SCOPE_MAX ? probes.seedScope?.(parsedReview.flatMap((p) => (p.error ? [] : p.statements))) : undefined;
  const cache = lookUpCache(dialect, opts, extensions, rowsPerTable, historyFiles, scope);
  // the same files under review on the same start, with the same bounds: an earlier run's report (nothing runs)
  const reportKey =
    cache.dir && cache.key
      ? resultKey([
          cache.key,
          parsedReview.map(({ migration: m }) => [m.path, m.framework, m.transaction, m.segments ?? null, m.source]),
          opts.timeoutMs ?? null,
          opts.pgVersion ?? null,
          !!opts.estimate,
        ])
      : undefined;
  if (cache.dir && reportKey) {
    const done = readResult(cache.dir, 'dryrun', reportKey);
    if (isDryRun(done)) return { ...done, cache: 'result' };
  }
  const cached = readState(cache);

  // what the engine will run: the history (or the schema dump) unless it boots from a saved state, and the files
  // under review
  const reviewSources = parsedReview.map((p) => p.migration.source);
  const built = cached ? [] : opts.schema ? [opts.schema.sql] : historyFiles.map((m) => m.source);
  const work = shadowWork([...built, ...reviewSources], !!opts.estimate);
  // PGlite compiles its WebAssembly off the main thread: parse the files meanwhile
  const opening = startOpening(dialect, opts, extensions, cached, work);
  await probes.load();
  const parsedHistory = cached ? undefined : history.map(parse);
  const shadow = await opening;
  opts.onOpen?.(shadow);
  try {
    const tBoot = performance.now();
    const hit = !!cached && shadow.boot === 'cache';
    let hist: History;
    let seeded: Seeded;
    let stopped: DryRunStop | undefined;
    if (hit) {
      ({ hist, seeded } = restoreFromCache(shadow, cached!.meta));
    } else {
      // a saved state that did not boot (it could not be unpacked, or PGlite refused it): the engine is fresh, so the
      // history is replayed after all, parsed now (it was left unparsed for the state)
      const replayed = parsedHistory ?? history.map(parse);
      ({ hist, stopped } = await buildSchema(shadow, dialect, opts, replayed, tools, tBoot));
      const s = await seedShadow(shadow, dialect, opts, rowsPerTable, !!stopped, scope);
      seeded = s.seeded;
      stopped = s.stopped ?? stopped;
    }
    const tSeed = performance.now();
    const tHist = hit ? tBoot : tSeed - seeded.durationMs;
    if (!hit && !stopped) await saveToCache(cache, shadow, hist, seeded);
    const tRunStart = performance.now();
    const run = await runReview(shadow, parsedReview, seeded.rows, stopped, opts.onRunProgress, !!opts.estimate);
    stopped = run.stopped;
    const tRun = performance.now();
    const report: DryRun = {
      version: 1,
      dialect: dialectId,
      engine: shadow.engine,
      boot: shadow.boot,
      cache: !cache.dir ? 'off' : hit ? 'hit' : 'miss',
      statements: run.statements,
      heldLocks: run.heldLocks,
      files: run.files,
      history: hist,
      seed: {
        tables: seeded.tables,
        ...(seeded.of !== undefined ? { of: seeded.of } : {}),
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
    // a run that went to its end is the same next time; one stopped by the time bound is tried again
    if (cache.dir && reportKey && !stopped && !report.statements.some((x) => x.timedOut))
      writeResult(cache.dir, 'dryrun', reportKey, report);
    return report;
  } finally {
    await shadow.close();
  }
}
