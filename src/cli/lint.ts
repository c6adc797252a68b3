/**
 * `zerodown lint [paths...]`: discover → parse → replay → rules → one report on stdout.
 * Exit codes (DESIGN.md): 0 nothing reaches --fail-on, 1 something does, 2 usage, config or I/O error.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { autoDiscover, detectDialect, findMigrations, withFsMemo } from '../discover/index.js';
import { loadConfig, type Config, type FailOn } from '../config.js';
import type { FileResult, LintResult, Migration } from '../model.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { formatSarif } from '../report/sarif.js';
import { formatGithub } from '../report/github.js';
import { formatCodeQuality } from '../report/gitlab.js';
import { exitCodeFor, UsageError } from '../errors.js';
import { hasSecrets, redactSecrets } from '../secrets.js';
import {
  discoveryOptions,
  lintOptionsOf,
  lintStage,
  loadParserBaseline,
  prepareEmbeddedShadow,
  resolveSettings,
  targetText,
  type Settings,
} from '../pipeline/index.js';
import { historyCacheDir } from '../pipeline/history-cache.js';
import { lintCacheDir } from '../cache-files.js';
import { fileKeys, findingsFile, reportKey, reportWriter, saveReport } from '../pipeline/findings-cache.js';
import { loadReport } from '../pipeline/saved-report.js';
import { reportStream } from '../report/stream.js';
import { discoveryKey, reuseDiscovery, saveDiscovery } from '../pipeline/discovery-cache.js';
import type { DetectedDialect } from '../discover/dialect.js';
import {
  currentInvocation,
  currentRecord,
  saveStamp,
  stampWentStale,
  stampKey,
  startRecording,
  stopRecording,
  unrecordable,
} from '../pipeline/rerun.js';
import { applyStats } from '../estimate/apply.js';
import type { DryRun } from '../shadow/dryrun-types.js';
import { runStats, type StatsOptions } from './stats.js';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'gitlab';

export interface LintCliOptions extends StatsOptions {
  format: OutputFormat;
  pgVersion?: number;
  assumeInTransaction?: boolean;
  failOn?: FailOn;
  config?: string;
  framework?: string;
  /** `--dialect`: the SQL dialect of the migrations */
  dialect?: string;
  /** `--mysql-version`: the MySQL/MariaDB target version, as written */
  mysqlVersion?: string;
  history?: boolean;
  /** `--daemon`: asked of the resident zerodown by the CLI's first step (src/cli/bin.ts); here, only a warning with --dry-run */
  daemon?: boolean;
  /** `--color` / `--no-color`; undefined means decide from the environment */
  color?: boolean;
  /** write the report to this file instead of stdout */
  output?: string;
  /** changed-only mode: review only migrations added or changed since this git ref */
  since?: string;
  /**
   * `--only-migrations` (the pre-commit hook): the paths are candidate files (staged files); only those inside
   * the migration folders (config `paths`, else auto-discovery) are reviewed, with their earlier files as history
   */
  onlyMigrations?: boolean;
  /** `--dry-run`: also run the migrations on a shadow database (src/cli/dry-run.ts) */
  dryRun?: boolean;
  shadowUrl?: string;
  /** `--allow-superuser-shadow` (src/shadow/postgres.ts) */
  allowSuperuserShadow?: boolean;
  seedRows?: number;
  /** `--shadow-timeout` seconds */
  shadowTimeout?: number;
  /** `--no-cache`: replay the history and lint every file, instead of reusing what an earlier run saved */
  cache?: boolean;
}

/**
 * Colours: an explicit `--color`/`--no-color` wins, then `NO_COLOR` (no-color.org: set and
 * not empty), then `FORCE_COLOR` (anything but `0`/`false`), then whether the stream is a
 * terminal (and not `TERM=dumb`).
 */
export function useColor(
  flag: boolean | undefined,
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

export function formatReport(result: LintResult, format: OutputFormat, color: boolean, pretty = true): string {
  switch (format) {
    case 'json':
      return formatJson(result, pretty ? 2 : 0);
    case 'sarif':
      return formatSarif(result);
    case 'github':
      return formatGithub(result);
    case 'gitlab':
      return formatCodeQuality(result);
    case 'text':
      return formatText(result, { color });
    default:
      throw new UsageError(`unknown format "${format as string}" (use text, json, sarif, github or gitlab)`);
  }
}

/**
 * A progress line on stderr, only when stderr is a terminal and the run is long
 * enough to need one (shown after half a second, redrawn at most 10 times a second,
 * erased at the end so it never mixes with the report).
 */
export function progressReporter(
  stream: { isTTY?: boolean; write(s: string): unknown },
  now: () => number = () => performance.now(),
): {
  tick(done: number, total: number): void;
  statements(done: number, total: number, file: string): void;
  /** erases the line before the report is written to the same terminal (the next tick draws it again) */
  clear(): void;
  end(): void;
} {
  if (!stream.isTTY) return { tick() {}, statements() {}, clear() {}, end() {} };
  const started = now();
  let last = 0;
  let shown = false;
  return {
    tick(done, total) {
      const t = now();
      if (t - started < 500 || t - last < 100) return;
      last = t;
      shown = true;
      stream.write(`\r\x1b[Kzerodown: linting ${done}/${total} migration files…`);
    },
    statements(done, total, file) {
      const t = now();
      if (t - started < 500 || t - last < 100) return;
      last = t;
      shown = true;
      const name = file.length > 50 ? `…${file.slice(-49)}` : file;
      stream.write(
        `\r\x1b[Kzerodown: linting ${name}, statement ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}…`,
      );
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

let pipeGuard = false;
let pipeExitCode = 0;
/** `zerodown lint … | head`: a closed pipe is the reader's choice, not an error worth a stack trace. */
function quietOnClosedPipe(code: number): void {
  pipeExitCode = code;
  if (pipeGuard) return;
  pipeGuard = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(pipeExitCode);
    throw err;
  });
}

/**
 * Options given on the command line that this run does not use: a warning on stderr for each
 * (what would make it count), rather than silently ignoring what the user asked for. Exit codes stay.
 */
export function warnIgnored(given: [option: string, value: unknown][], instead: string): void {
  for (const [option, value] of given) {
    if (value !== undefined) process.stderr.write(`zerodown: warning: ${option} is ignored ${instead}\n`);
  }
}

/** The options that only matter when a shadow database runs (lint --dry-run, plan's proof), as given. */
export function shadowOptions(opts: {
  shadowUrl?: unknown;
  seedRows?: unknown;
  shadowTimeout?: unknown;
  allowSuperuserShadow?: unknown;
}): [option: string, value: unknown][] {
  return [
    ['--shadow-url', opts.shadowUrl],
    ['--seed-rows', opts.seedRows],
    ['--shadow-timeout', opts.shadowTimeout],
    ['--allow-superuser-shadow', opts.allowSuperuserShadow],
  ];
}

/**
 * Up to this much SQL (UTF-16 characters) a lint run keeps V8's young generation at its first size: 1 MB per
 * semi-space instead of letting it grow to 16 MB. The corpus (2.15 MB of SQL) peaks 20 MB lower for about 3% more
 * CPU; the cost grows with what the run allocates (a 20 MB file: 17% more wall time), the saving does not.
 */
const SMALL_YOUNG_GENERATION_CHARS = 4_000_000;

export async function lintCommand(paths: string[], opts: LintCliOptions): Promise<number> {
  // --dry-run: PGlite runs in worker threads of this process, with V8's defaults (the flags are the process's)
  if (opts.dryRun) {
    warnIgnored([['--daemon', opts.daemon || undefined]], 'with --dry-run: a dry run runs in its own process');
    return lintRun(paths, opts);
  }
  const recording = recordRun(opts);
  // until discovery says how much SQL there is (the start-up would grow it first)
  setFlagsFromString('--semi-space-growth-factor=1');
  try {
    return await lintRun(paths, opts, recording?.stamp);
  } finally {
    setFlagsFromString('--semi-space-growth-factor=2'); // V8's default, for whatever runs next in this process
    recording?.end();
  }
}

/**
 * Records what this run reads and says on stderr, so that the same run again with nothing changed is answered from
 * its saved report before the rest of zerodown loads (src/pipeline/rerun.ts, src/cli/bin.ts). Not with --no-cache
 * nor --output (written redacted, as one file); --stats and --dry-run save no report to replay.
 */
function recordRun(opts: LintCliOptions): { stamp(dir: string, report: string): void; end(): void } | undefined {
  const argv = currentInvocation();
  // only what the command line's first step looks up: `lint` first (src/cli/bin.ts)
  if (argv?.[0] !== 'lint' || opts.cache === false || opts.output) return undefined;
  const cwd = process.cwd();
  const record = startRecording();
  const write = process.stderr.write;
  unrecorded = (text) => write.call(process.stderr, text);
  process.stderr.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    // the progress line (drawn and erased with \r) is not said again
    if (typeof chunk === 'string') {
      if (!chunk.startsWith('\r')) record.stderr += chunk;
    } else unrecordable('bytes on stderr');
    return (write as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as typeof process.stderr.write;
  return {
    stamp(dir, report) {
      // output is redacted as it is written, and a replay writes the saved bytes: a run holding a secret is not stamped
      if (!hasSecrets()) saveStamp(dir, stampKey(argv, cwd, process.env, !!process.stdout.isTTY), record, report);
    },
    end() {
      stopRecording();
      process.stderr.write = write;
      unrecorded = undefined;
    },
  };
}

/** stderr as it was before `recordRun` recorded it (while it does) */
let unrecorded: ((text: string) => void) | undefined;

/**
 * `ZERODOWN_TRACE=1`: a line on stderr about what this run reused, written past the record of what the run says
 * (src/pipeline/rerun.ts), so that a run answered from its saved report does not say it again.
 */
function trace(line: string): void {
  if (process.env.ZERODOWN_TRACE) (unrecorded ?? ((t: string) => process.stderr.write(t)))(`zerodown: ${line}\n`);
}

/**
 * What `lint` reads before it lints: the migration folders, the dialect, the settings, the stats and the migrations.
 * Undefined when `--only-migrations` names no migration (a commit of other SQL files): nothing to say.
 */
async function lintInputs(paths: string[], opts: LintCliOptions, config: Config, cwd: string) {
  let reviewOnly: Set<string> | undefined;
  // what to read: the paths given, else config `paths`, else (empty) the well-known layouts under cwd
  let folders = paths.length ? paths : (config.paths ?? []);
  if (opts.onlyMigrations) {
    if (opts.since) throw new UsageError('--only-migrations and --since exclude each other: give the files, or a ref');
    // a pre-commit hook gets every staged file: the ones that are migrations are those discovery finds in the
    // migration folders (so queries/*.sql is left alone); the rest of those folders is history
    reviewOnly = new Set(paths.filter((p) => p.endsWith('.sql')).map((p) => path.resolve(cwd, p)));
    if (!reviewOnly.size) return undefined;
  }
  // the same run as one before it with only the files under review changed: its discovery, reused
  // (src/pipeline/discovery-cache.ts); the findings cache's folder holds it
  const findingsDir = opts.cache !== false && !opts.dryRun ? lintCacheDir(cwd, 'findings') : undefined;
  const record = currentRecord();
  const argv = currentInvocation();
  const reuseKey = record && argv && findingsDir ? discoveryKey(argv, cwd, process.env) : undefined;
  const reused = reuseKey ? reuseDiscovery(findingsDir!, reuseKey) : undefined;
  // what this run discovered, for the next one (a discovery reused as it was stays saved as it was)
  const remember = (detected: DetectedDialect | undefined, found: Parameters<typeof saveDiscovery>[4]) => {
    if (reuseKey) saveDiscovery(findingsDir!, reuseKey, record!, detected, found);
  };
  if (reused?.nothing) {
    trace('discovery reused: none of the files is a migration');
    return undefined;
  }
  // --only-migrations: the staged files are looked for in the migration folders (config `paths`, else auto-discovery)
  const migrationFolders = async () => config.paths ?? (await autoDiscover(cwd)).map((r) => r.path);
  if (opts.onlyMigrations && !reused) {
    folders = await migrationFolders();
    // no migration folder in this repository: none of the files is a migration
    if (!folders.length) {
      remember(undefined, null);
      return undefined;
    }
  }
  // no --dialect and no config `dialect`: the migrations' own evidence (Prisma provider, names, SQL), else postgres
  const detected = reused
    ? reused.detected
    : opts.dialect || config.dialect
      ? undefined
      : await detectDialect(folders, cwd);
  const settings = resolveSettings({ ...opts, ...(detected ? { detected } : {}) }, config);
  // --stats / --stats-url: production sizes, read (and checked) before anything runs
  const stats = await runStats(opts, cwd);
  // compile the WebAssembly parser in the background while migrations are found when a file will most likely be
  // parsed: no earlier run with these settings saved findings, or this same run's stamp says that something it read
  // has changed since (src/pipeline/rerun.ts: a migration edited, as before a commit). Otherwise a run with nothing
  // changed never needs it, and a miss compiles it once it knows
  const findings = findingsDir && findingsFile(findingsDir, settings.dialect, lintOptionsOf(settings));
  // (a failure surfaces again where the parser is awaited)
  if (!findings || !existsSync(findings) || stampWentStale()) loadParserBaseline(settings.dialect).catch(() => {});
  const revived = reused && (await reused.revive(settings.pgVersion));
  let migrations: Migration[];
  let keys: string[] | undefined;
  let chars = 0;
  if (revived) {
    ({ migrations, keys, chars } = revived);
    trace(
      `discovery reused: ${migrations.filter((m) => !m.review).length} files unchanged, read again only those under review`,
    );
  } else {
    if (reused)
      trace('discovery saved, but a file under review is no longer what it was to its tool: discovering again');
    if (reused && opts.onlyMigrations) folders = await migrationFolders();
    // no paths anywhere: the well-known layouts under cwd; --since: only files changed since that ref are reviewed
    const found = await findMigrations(folders, {
      ...discoveryOptions(opts, config, settings, cwd),
      ...(opts.since ? { since: opts.since } : {}),
      ...(reviewOnly ? { reviewOnly } : {}),
    });
    migrations = found.migrations;
    for (const m of migrations) chars += m.source.length;
    // --only-migrations and none of the files is a migration: nothing to say (a commit of other SQL files)
    if (reviewOnly && !migrations.some((m) => m.review)) {
      remember(detected, null);
      return undefined;
    }
    if (findings) keys = fileKeys(migrations);
    remember(detected, { migrations, roots: found.roots, ...(keys ? { keys } : {}) });
  }
  if (chars > SMALL_YOUNG_GENERATION_CHARS) setFlagsFromString('--semi-space-growth-factor=2');
  return { settings, stats, findingsDir, findings, migrations, keys };
}

async function lintRun(
  paths: string[],
  opts: LintCliOptions,
  stamp?: (dir: string, report: string) => void,
): Promise<number> {
  if (!opts.dryRun)
    warnIgnored(
      shadowOptions(opts),
      'without --dry-run: lint only uses a shadow database with --dry-run (add it to confirm findings there)',
    );
  const cwd = process.cwd();
  const { config } = await loadConfig(cwd, opts.config);
  // detection and discovery ask the disk the same questions (each folder listed, each file read): one memo answers
  // each once, from the search for migration folders to the migrations read (withFsMemo, src/discover/fsutil.ts)
  const found = await withFsMemo(() => lintInputs(paths, opts, config, cwd));
  // --only-migrations named no migration: nothing to lint
  if (!found) return 0;
  const { settings, stats, findingsDir, findings, migrations } = found;
  // JSON is indented for a terminal, compact for a pipe or a file (a large run's report is a third smaller)
  const tty = !opts.output && !!process.stdout.isTTY;
  const color = opts.output ? (opts.color ?? false) : useColor(opts.color, process.stdout);
  const said = opts.format === 'text' ? dialectLine(settings) : '';
  const keys = found.keys;
  // nothing changed since a run that wrote this same report: its bytes as they were (--stats reads sizes that change)
  const report =
    findings && keys && !stats
      ? reportKey(findings, keys, [opts.format, color, tty, said, settings.failOn, cwd])
      : undefined;
  const saved = report && findingsDir ? loadReport(findingsDir, report) : undefined;
  if (saved) {
    emit(saved.bytes, saved.code, opts.output, cwd);
    stamp?.(findingsDir!, report!);
    return saved.code;
  }
  // something changed: a file will most likely be linted, so the parser starts compiling now if it was left alone
  // above in case nothing had (else this waits for the same load), while the saved catalog and findings are read
  loadParserBaseline(settings.dialect).catch(() => {});
  // --dry-run: where it runs, and the embedded engine's code compiling while the lint runs
  const shadowUrl = opts.dryRun
    ? (opts.shadowUrl ?? config.dryRun?.shadowUrl ?? process.env.ZERODOWN_SHADOW_URL)
    : undefined;
  if (opts.dryRun) await prepareEmbeddedShadow(settings, shadowUrl, migrations, !!stats);
  const progress = progressReporter(process.stderr);
  // the report on stdout (any format) is written a file at a time, each file's result let go once its part is
  // written (src/report/stream.ts): a run over many files never holds every finding nor the report in one string.
  // Not with --stats or --dry-run (they change findings after the walk) nor --output (redacted as one file).
  const stream = !opts.dryRun && !stats && !opts.output ? reportStream(opts.format, color, tty) : undefined;
  const saving = stream && report && findingsDir ? reportWriter(findingsDir, report) : undefined;
  let pending = '';
  const put = (part: string, last = false) => {
    pending += part;
    // in parts of 64 K characters: one write per file would be thousands of system calls
    if (pending.length < 1 << 16 && !last) return;
    progress.clear();
    process.stdout.write(pending);
    saving?.write(pending);
    pending = '';
  };
  if (stream) {
    quietOnClosedPipe(0);
    put(said ? `${said}\n${stream.head()}` : stream.head());
  }
  let stage: Awaited<ReturnType<typeof lintStage>>;
  try {
    stage = await lintStage(migrations, {
      ...lintOptionsOf(settings),
      // the dry run gets the files parsed here (src/pipeline/index.ts dryRunStage)
      keepParsed: !!opts.dryRun,
      // the schema replayed from an unchanged history is reused (src/pipeline/history-cache.ts); --no-cache: replay it
      ...(opts.cache !== false && !opts.dryRun ? { historyCache: historyCacheDir(cwd) } : {}),
      ...(findingsDir ? { findingsCache: findingsDir } : {}),
      ...(keys ? { findingsKeys: keys } : {}),
      onProgress: (done: number, total: number) => progress.tick(done, total),
      onStatements: (done: number, total: number, m: Migration) => progress.statements(done, total, m.path),
      ...(stream ? { onFile: (r: FileResult) => put(stream.file(r)) } : {}),
    });
  } catch (err) {
    saving?.abort();
    throw err;
  } finally {
    progress.end();
  }
  const result = stage.result;
  if (stream) {
    const code = exitCodeFor(result, settings.failOn);
    quietOnClosedPipe(code);
    put(stream.end(result.summary), true);
    if (saving) {
      saving.finish(code);
      stamp?.(findingsDir!, report!);
    }
    return code;
  }
  let dry: DryRun | undefined;
  if (opts.dryRun) {
    // findings confirmed by what the shadow saw; statements that fail there become dry-run-error findings
    const { lintDryRun } = await import('./dry-run.js');
    dry = await lintDryRun(result, migrations, settings, {
      ...(stats ? { estimate: true } : {}),
      shadowUrl,
      seedRows: opts.seedRows ?? config.dryRun?.seedRows,
      shadowTimeout: opts.shadowTimeout ?? config.dryRun?.shadowTimeout,
      ...(opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {}),
      // --no-cache: the dry run replays the history too, and neither reuses nor saves a report
      ...(opts.cache === false ? { cache: false } : {}),
      cwd,
      ...(stage.parsed ? { parsed: stage.parsed } : {}),
    });
  }
  // sizes change severities; with the dry run, each statement's time is estimated at production size
  if (stats) applyStats(result, stats.stats, settings.estimates, stats.source, dry);
  const code = exitCodeFor(result, settings.failOn);
  let out = formatReport(result, opts.format, color, tty);
  if (said) out = `${said}\n${out}`;
  if (report && findingsDir) {
    saveReport(findingsDir, report, code, out);
    stamp?.(findingsDir, report);
  }
  emit(out, code, opts.output, cwd);
  return code;
}

/** The report to `--output`'s file (secrets redacted), else to stdout. */
function emit(out: string | Buffer, code: number, output: string | undefined, cwd: string): void {
  if (output) {
    try {
      writeFileSync(path.resolve(cwd, output), redactSecrets(typeof out === 'string' ? out : out.toString('utf8')));
    } catch (err) {
      throw new UsageError(`cannot write ${output}: ${(err as Error).message}`);
    }
  } else {
    quietOnClosedPipe(code);
    process.stdout.write(out);
  }
}

/**
 * `dialect: MySQL 8.0.46 (detected: Prisma provider "mysql")`: said when the run is not the
 * PostgreSQL default, so a reader knows which server's rules and versions the findings follow.
 */
export function dialectLine(settings: Settings): string {
  const src = settings.dialectSource;
  if (settings.dialect.id === 'postgres' && src.from !== 'detected') return '';
  const why =
    src.from === 'detected'
      ? `detected: ${src.reason}`
      : src.from === 'given'
        ? '--dialect'
        : src.from === 'config'
          ? 'config `dialect`'
          : 'default';
  return `dialect: ${targetText(settings)} (${why})`;
}
