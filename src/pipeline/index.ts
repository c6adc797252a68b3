/**
 * The one pipeline every front end drives (the CLI's lint, plan and dry-run,
 * the GitHub Action, the tests):
 *
 *   Migration[] ─parse (once)→ ParsedMigration[] ─lint→ LintResult ─plan→ PlanResult ─prove→ Verification
 *                                                 └──────────────dry run──────────────→ DryRun
 *
 * Each stage takes what the one before it produced: the files are parsed once,
 * by the dialect their `Migration.dialect` names, and the settings (target
 * version, transaction assumption, rule levels) are resolved once
 * (./settings.ts) and reach every stage. Front ends only parse options, call
 * these, format and exit.
 */
import type { Dialect, DialectCatalog } from '../dialect.js';
import { LintEngine, summarize, Tally, type LintOptions } from '../engine/lint.js';
import type { FileResult, Finding, LintResult, Migration, ParsedMigration } from '../model.js';
import type { PlanResult } from '../plan/planner.js';
import type { PlanOptions, StagedPlan, Verification } from '../plan/types.js';
import type { VerifyOptions } from '../plan/verify.js';
import type { DryRun, DryRunOptions } from '../shadow/dryrun.js';
import { confirmFindings, stopFindings } from '../shadow/dryrun-confirm.js';
import { dialectFor, dialectOf, loadedShadowOf } from '../dialects/index.js';
import { shadowWork } from '../shadow/driver.js';
import { compileAt } from '../wasm-tier.js';
import type { Settings } from './settings.js';
import { fileKeys, historyKey, loadHistory, saveHistory } from './history-cache.js';
import { findingsFile, findingsWriter, fromEntry, loadFindings, toEntry } from './findings-cache.js';

export { discoveryOptions, resolveSettings, targetText, type Settings, type GivenSettings } from './settings.js';
export { dialectFor, dialectOf } from '../dialects/index.js';

/** A run's files as its dialect read them, in apply order (history has `review: false`). */
export interface ParsedRun {
  dialect: Dialect;
  files: ParsedMigration[];
}

/** Parses every migration once, with the dialect they are written in. */
export async function parseMigrations(migrations: readonly Migration[], dialect?: Dialect): Promise<ParsedRun> {
  const d = dialect ?? dialectOf(migrations);
  await d.load();
  return { dialect: d, files: migrations.map((m) => d.parse(m)) };
}

/** Lints parsed files in order; history files (review=false) only feed the catalog. */
export function lintParsed(run: ParsedRun, options: LintOptions = {}): LintResult {
  const engine = new LintEngine(run.dialect, options);
  const files: FileResult[] = [];
  let done = 0;
  for (const parsed of run.files) {
    const result = engine.processFile(parsed);
    if (parsed.migration.review) files.push(result);
    options.onProgress?.(++done, run.files.length, parsed.migration);
  }
  return { files, summary: summarize(files) };
}

export interface LintRunOptions extends LintOptions {
  /** the dialect when the migrations do not say (none given); default postgres */
  dialect?: string;
  /** keep every parsed file for the stages after lint (plan, proof, dry run); default false */
  keepParsed?: boolean;
  /**
   * plan the files under review in the same walk (the planner reads the catalog the engine replays,
   * answering the findings the engine reports): the plan's settings
   */
  plan?: Omit<PlanOptions, 'findings'>;
  /**
   * reuse the schema replayed from the history files before the first file under review, saved in this
   * directory (./history-cache.ts); only for a lint without plan or kept parses (those walk the history)
   */
  historyCache?: string;
  /**
   * reuse the findings an earlier run saved in this directory for files (and histories) that did not change
   * (./findings-cache.ts); only for a lint without plan or kept parses
   */
  findingsCache?: string;
  /** the files' keys for the findings cache (findings-cache.ts `fileKeys`), when the caller has them already */
  findingsKeys?: readonly string[];
  /**
   * each file under review's result, in order, as soon as it is final, instead of keeping it: the result's
   * `files` is then empty and its summary counts them all (a report written as the run goes holds no file's
   * findings past its own, src/report/stream.ts)
   */
  onFile?: (result: FileResult) => void;
}

/** The lint stage's output: the findings, and the parsed files when a later stage needs them. */
export interface LintStage {
  result: LintResult;
  /** set with `keepParsed`: the files parsed once, for plan, proof and dry run */
  parsed?: ParsedRun;
  /** set with `plan`: the staged plans, made in the same walk */
  plan?: PlanResult;
}

/**
 * Parses and lints migrations in order, each file parsed just before the engine reads it. Without
 * `keepParsed` a file's parse is dropped once it is linted (history files are never all held at once).
 */
export async function lintStage(migrations: readonly Migration[], options: LintRunOptions = {}): Promise<LintStage> {
  const { dialect: id, keepParsed, plan, historyCache, findingsCache, findingsKeys, onFile, ...lintOptions } = options;
  const files: FileResult[] = [];
  const tally = onFile ? new Tally() : undefined;
  const take = (r: FileResult) => {
    if (!onFile) {
      files.push(r);
      return;
    }
    tally!.add(r);
    onFile(r);
  };
  const summary = () => (tally ? tally.summary() : summarize(files));
  const dialect = migrations.length ? dialectOf(migrations) : dialectFor(id);
  // only a lint that hands nothing on may skip files: plan, proof and dry run need every file parsed and replayed
  const alone = !plan && !keepParsed && !lintOptions.observer && !lintOptions.ruleSet;
  // each file's running key, for both caches (one pass over the files' text)
  const keys =
    alone && (findingsCache || historyCache)
      ? findingsKeys?.length === migrations.length
        ? findingsKeys
        : fileKeys(migrations)
      : undefined;
  const saved =
    findingsCache && keys ? savedFindings(migrations, dialect, lintOptions, findingsCache, keys) : undefined;
  if (saved && saved.lastMiss < 0) {
    // every file under review as an earlier run left it: no parser, no replay
    for (const [i, m] of migrations.entries()) if (m.review) take(fromEntry(m, saved.earlier.get(saved.keys[i]!)!));
    if (migrations.length) lintOptions.onProgress?.(migrations.length, migrations.length, migrations.at(-1)!);
    return { result: { files, summary: summary() } };
  }
  await dialect.load();
  const planner = plan ? await plannerOf(dialect, plan) : undefined;
  // the history before the first file under review, replayed by an earlier run with the same files and build
  const cache =
    historyCache && alone && dialect.catalogData
      ? historyPrefix(migrations, dialect, lintOptions.pgVersion ?? dialect.defaultVersion, historyCache, keys)
      : undefined;
  const engine = new LintEngine(dialect, {
    ...lintOptions,
    ...(planner?.observer ? { observer: planner.observer } : {}),
    ...(cache?.catalog ? { replayed: cache.catalog } : {}),
  });
  const kept: ParsedMigration[] = [];
  let done = 0;
  if (cache?.catalog) {
    done = cache.length;
    lintOptions.onProgress?.(done, migrations.length, migrations[done - 1]!);
  }
  // this run's findings are saved as each file is done, after the earlier entries of no file of this run
  const writer =
    saved && findingsWriter(saved.file, saved.earlier, new Set(saved.keys.filter((_, i) => migrations[i]!.review)));
  try {
    walk();
  } catch (err) {
    writer?.abort();
    throw err;
  }
  function walk(): void {
    for (let i = cache?.catalog ? cache.length : 0; i < migrations.length; i++) {
      const m = migrations[i]!;
      if (cache && !cache.catalog && done === cache.length)
        saveHistory(historyCache!, cache.key, dialect, engine.catalog);
      if (saved && i > saved.lastMiss) {
        // past the last file that changed: the rest comes from the cache, and nothing after it needs the catalog
        if (m.review) {
          const entry = saved.earlier.get(saved.keys[i]!)!;
          writer?.add(saved.keys[i]!, entry);
          take(fromEntry(m, entry));
        }
        continue;
      }
      const parsed = dialect.parse(m);
      if (keepParsed) kept.push(parsed);
      const result = engine.processFile(parsed);
      if (m.review) {
        const r = keepParsed ? result : findingsOnly(result);
        const entry = saved && toEntry(r);
        if (entry) writer?.add(saved!.keys[i]!, entry);
        take(r);
      }
      lintOptions.onProgress?.(++done, migrations.length, m);
    }
    if (saved) {
      lintOptions.onProgress?.(migrations.length, migrations.length, migrations.at(-1)!);
      writer?.finish();
    }
  }
  const result = { files, summary: summary() };
  return {
    result,
    ...(keepParsed ? { parsed: { dialect, files: kept } } : {}),
    ...(planner ? { plan: planner.result(migrations) } : {}),
  };
}

/** The planner of a run that plans: its code (the core's and the dialect's) is loaded only then. */
async function plannerOf(dialect: Dialect, plan: PlanOptions) {
  await dialect.loadParts?.();
  return (await import('../plan/planner.js')).plannerFor(dialect, plan);
}

/**
 * The findings an earlier run saved for these files with these settings (./findings-cache.ts): each file's
 * key, the saved entries, and the index of the last file under review that has none (-1: every one has).
 */
function savedFindings(
  migrations: readonly Migration[],
  dialect: Dialect,
  options: LintOptions,
  dir: string,
  keys: readonly string[],
) {
  const file = findingsFile(dir, dialect, options);
  // only the files that hold the keys of the files under review (each run stores those again)
  const earlier = loadFindings(
    file,
    keys.filter((_, i) => migrations[i]!.review),
  );
  let lastMiss = -1;
  for (let i = migrations.length - 1; i >= 0; i--) {
    if (migrations[i]!.review && !earlier.has(keys[i]!)) {
      lastMiss = i;
      break;
    }
  }
  return { file, keys, earlier, lastMiss };
}

/** The history files before the first file under review, their cache key, and the catalog saved for them. */
function historyPrefix(
  migrations: readonly Migration[],
  dialect: Dialect,
  version: number,
  dir: string,
  keys?: readonly string[],
): { length: number; key: string; catalog?: DialectCatalog } | undefined {
  const first = migrations.findIndex((m) => m.review);
  // nothing under review, or nothing before it: no replay worth keeping
  if (first <= 0) return undefined;
  const key = historyKey(dialect, version, migrations.slice(0, first), undefined, keys?.[first - 1]);
  const catalog = loadHistory(dir, key, dialect);
  return { length: first, key, ...(catalog ? { catalog } : {}) };
}

/**
 * The file's result holding only the statements its findings point at (the reports show their text),
 * at their indexes, in an array as long as the file's: the rest of the file's syntax trees can go
 * as soon as the file is linted, instead of staying alive until the report of the whole run.
 */
function findingsOnly(r: FileResult): FileResult {
  const kept: FileResult['statements'] = new Array(r.statements.length);
  for (const f of r.findings) {
    const s = f.statementIndex >= 0 ? r.statements[f.statementIndex] : undefined;
    if (s) kept[f.statementIndex] = s;
  }
  return { ...r, statements: kept };
}

/** Parses and lints migrations in order (history files only feed the catalog). */
export async function lintMigrations(
  migrations: readonly Migration[],
  options: LintRunOptions = {},
): Promise<LintResult> {
  return (await lintStage(migrations, options)).result;
}

/** The lint options a run's settings give (rule levels and options, target version, transaction assumption). */
export function lintOptionsOf(settings: Settings): LintOptions {
  return {
    pgVersion: settings.pgVersion,
    assumeInTransaction: settings.assumeInTransaction,
    rules: settings.rules,
    ruleOptions: settings.ruleOptions,
  };
}

/** The planner's options a run's settings give (it answers the findings of the lint walk it goes along with). */
export function planSettingsOf(settings: Settings): Omit<PlanOptions, 'findings'> {
  const plan = settings.plan;
  return {
    pgVersion: settings.pgVersion,
    ...(plan.lockTimeout ? { lockTimeout: plan.lockTimeout } : {}),
    ...(plan.statementTimeout ? { statementTimeout: plan.statementTimeout } : {}),
    ...(plan.batchSize ? { batchSize: plan.batchSize } : {}),
    ...(plan.backfill ? { backfill: plan.backfill } : {}),
    ...(settings.assumeInTransaction ? { assumeInTransaction: true } : {}),
  };
}

/** Staged plans for the files under review, from the lint stage's parsed files (no second parse). */
export async function planStage(
  migrations: readonly Migration[],
  lint: LintStage,
  settings: Settings,
): Promise<PlanResult> {
  if (lint.plan) return lint.plan;
  // a lint stage run without `plan`: one more walk, lint and plan together
  const again = await lintStage(migrations, { ...lintOptionsOf(settings), plan: planSettingsOf(settings) });
  return again.plan!;
}

/** The run's parsed files by migration, when the lint stage kept them. */
function parsedFor(migrations: readonly Migration[], parsed: ParsedRun | undefined): (Migration | ParsedMigration)[] {
  if (!parsed) return [...migrations];
  const byMigration = new Map(parsed.files.map((p) => [p.migration, p]));
  return migrations.map((m) => byMigration.get(m) ?? m);
}

/**
 * Loads the dialect's parser with V8's baseline WebAssembly code only (Liftoff, src/wasm-tier.ts): a run is too
 * short for optimizing libpg-query's grammar function to pay (it costs more CPU than it saves on anything short of
 * some 20 MB of SQL), and the optimizing compiler's memory set a lint's peak. The front ends start it as soon as they
 * know the dialect; the walk awaits `load()` as usual (a failure surfaces there).
 */
export function loadParserBaseline(dialect: Dialect): Promise<void> {
  return compileAt('baseline', () => dialect.load());
}

/**
 * For a run that will open the embedded engine (a dry run or a proof without a server URL): starts loading its code
 * now, so that it is ready when the lint, which runs first, is done. `migrations`: what the engine will run (their
 * size decides how its code is compiled); `timed`: the dry run times statements for estimates (`--stats`);
 * `startEngine`: the engine will be opened next, so its thread starts now too.
 */
export async function prepareEmbeddedShadow(
  settings: Settings,
  shadowUrl: string | undefined,
  migrations: readonly Migration[],
  timed = false,
  startEngine = false,
): Promise<void> {
  if (shadowUrl) return;
  const shadow = await loadedShadowOf(settings.dialect);
  shadow.prepareEmbedded?.(
    shadowWork(
      migrations.map((m) => m.source),
      timed,
    ),
  );
  // `startEngine`: the caller opens the engine next (`DialectShadow.startEmbedded`)
  if (startEngine) shadow.startEmbedded?.();
}

/**
 * Proves one plan on a shadow of the run's dialect, at the run's target version: the migrations
 * before the planned one are its history. With the lint stage's parsed files nothing is parsed again.
 */
export async function proveStage(
  plan: StagedPlan,
  migrations: readonly Migration[],
  settings: Settings,
  options: VerifyOptions,
  parsed?: ParsedRun,
): Promise<Verification> {
  const at = migrations.indexOf(plan.migration);
  const files = parsedFor(migrations.slice(0, at + 1), parsed);
  const original = files[at];
  const { verifyPlan } = await import('../plan/verify.js');
  return verifyPlan(plan, files.slice(0, at), {
    ...options,
    pgVersion: settings.pgVersion,
    dialect: await loadedShadowOf(settings.dialect),
    ...(original && 'statements' in original ? { parsed: original } : {}),
  });
}

/** Runs the migrations under review on a shadow of the run's dialect (history first), parsed once. */
export async function dryRunStage(
  migrations: readonly Migration[],
  settings: Settings,
  options: DryRunOptions,
  parsed?: ParsedRun,
): Promise<DryRun> {
  const { dryRun } = await import('../shadow/dryrun.js');
  return dryRun(parsedFor(migrations, parsed), {
    ...options,
    pgVersion: settings.pgVersion,
    dialect: await loadedShadowOf(settings.dialect),
  });
}

/**
 * `lint --dry-run`: adds what the shadow saw to the lint result: findings whose predicted lock or
 * rewrite the shadow saw are marked `confirmed: true` (false when the statement ran without it), and
 * each statement that fails on the shadow becomes a `dry-run-error` finding.
 */
export function addDryRunFacts(result: LintResult, d: DryRun): void {
  confirmFindings(result, d);
  // a statement that overran the time bound, or files not run because of one: findings of their own
  stopFindings(result, d);
  for (const s of d.statements) {
    // a file the parser rejected (or with bytes PostgreSQL rejects) was not run: lint already reported why;
    // a statement that overran the time bound has its own finding (stopFindings)
    if (!s.error || s.kind === 'syntax-error' || s.timedOut) continue;
    const file = result.files.find((f) => f.migration.path === s.path);
    if (!file) continue;
    const e = s.error;
    const f: Finding = {
      rule: 'dry-run-error',
      severity: 'error',
      message: `This statement fails on the shadow database (${d.engine}): ${e.code} ${e.message}. The migration would stop here in production too, leaving the file half applied unless the tool runs it in a transaction.`,
      help:
        e.hint ??
        (e.limit
          ? `Engine limit: ${e.limit}.`
          : e.consequenceOf
            ? `Probably follows from ${e.consequenceOf}.`
            : 'Fix the statement, or the data or schema it assumes, and run `zerodown dry-run` again.'),
      path: s.path,
      line: e.line,
      column: e.column,
      endLine: Math.max(e.line, s.endLine),
      endColumn: 1,
      statementIndex: s.index,
      data: { code: e.code, engine: d.engine },
    };
    file.findings.push(f);
    file.findings.sort((a, b) => a.line - b.line || a.column - b.column);
    result.summary.errors++;
  }
}
