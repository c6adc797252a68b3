/**
 * `zerodown dry-run PATH...`: run the migrations under review on a shadow
 * database (embedded PGlite, or a throwaway database on --shadow-url) and
 * report the locks, rewrites, durations and errors PostgreSQL really showed.
 * Exit codes: 0 every file ran, 1 a file failed on the shadow, 2 usage/setup error.
 *
 * Also home of `lint --dry-run` (`lintDryRun`), which lint.ts calls; what the shadow saw is added to
 * the findings by `addDryRunFacts` (src/pipeline/index.ts).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { detectDialect, findMigrations } from '../discover/index.js';
import type { LintResult, Migration } from '../model.js';
import { formatDryRunJson } from '../report/dryrun-json.js';
import { formatDryRunMarkdown } from '../report/dryrun-markdown.js';
import { formatDryRunText } from '../report/dryrun-text.js';
import { timeoutMsOf } from '../shadow/driver.js';
import { defaultCacheDir, resultUsedSince } from '../shadow/cache.js';
import type { DryRun, DryRunOptions } from '../shadow/dryrun.js';
import { UsageError } from '../errors.js';
import { redactSecrets } from '../secrets.js';
import { visible } from '../report/visible.js';
import { withShadowCleanup } from '../pipeline/signals.js';
import {
  addDryRunFacts,
  discoveryOptions,
  dryRunStage,
  loadParserBaseline,
  prepareEmbeddedShadow,
  resolveSettings,
  type ParsedRun,
  type Settings,
} from '../pipeline/index.js';
import { estimateDryRun } from '../estimate/apply.js';
import { runStats, type StatsOptions } from './stats.js';

export type DryRunFormat = 'text' | 'json' | 'markdown';

export interface DryRunCliOptions extends StatsOptions {
  format: DryRunFormat;
  shadowUrl?: string;
  /** `--allow-superuser-shadow` (src/shadow/postgres.ts) */
  allowSuperuserShadow?: boolean;
  /** `pg_dump --schema-only` file to build the schema from instead of the history */
  schema?: string;
  seedRows?: number;
  config?: string;
  framework?: string;
  /** `--dialect`: the SQL dialect of the migrations */
  dialect?: string;
  /** `--pg-version`: the target version (the migration tool's behaviour may depend on it) */
  pgVersion?: number;
  /** `--mysql-version`: the MySQL/MariaDB target version, as written */
  mysqlVersion?: string;
  history?: boolean;
  color?: boolean;
  output?: string;
  /** `--no-cache`: do not reuse or save the replayed shadow state */
  cache?: boolean;
  /** `--shadow-timeout`: seconds a statement may run on the shadow */
  shadowTimeout?: number;
}

function colorFor(flag: boolean | undefined, stream: { isTTY?: boolean }): boolean {
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false')
    return true;
  return !!stream.isTTY && process.env.TERM !== 'dumb';
}

/** "replaying history, file 120 of 342", "seeding, table 12 of 59", then "statement 5,000 of 109,000", on stderr when it is a terminal; erased at the end. */
function shadowProgress(stream: NodeJS.WriteStream) {
  if (!stream.isTTY) return { tick: undefined, seedTick: undefined, runTick: undefined, end() {} };
  let shown = false;
  let last = 0;
  const show = (done: number, total: number, text: string) => {
    const t = performance.now();
    if (done !== total && t - last < 80) return;
    last = t;
    shown = true;
    stream.write(`\r\x1b[Kzerodown: ${text}`);
  };
  const short = (name: string) => visible(name.length > 50 ? `…${name.slice(-49)}` : name);
  return {
    tick(done: number, total: number, file: string) {
      show(done, total, `replaying history on the shadow, file ${done} of ${total} (${short(file)})`);
    },
    seedTick(done: number, total: number, table: string) {
      show(done, total, `seeding the shadow, table ${done + 1} of ${total} (${short(table)})`);
    },
    runTick(done: number, total: number, file: string) {
      show(
        done,
        total,
        `running on the shadow, statement ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (${short(file)})`,
      );
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/**
 * Runs a dry run with Ctrl-C / SIGTERM handled (src/pipeline/signals.ts): the
 * running statement is stopped and the shadow database dropped (or PGlite
 * stopped) before the process exits 130, so nothing is left behind.
 */
export async function runDryRun(
  migrations: Migration[],
  settings: Settings,
  opts: DryRunOptions,
  parsed?: ParsedRun,
): Promise<DryRun> {
  const progress = shadowProgress(process.stderr);
  try {
    return await withShadowCleanup(() =>
      dryRunStage(
        migrations,
        settings,
        {
          ...opts,
          ...(progress.tick ? { onProgress: progress.tick } : {}),
          ...(progress.seedTick ? { onSeedProgress: progress.seedTick } : {}),
          ...(progress.runTick ? { onRunProgress: progress.runTick } : {}),
        },
        parsed,
      ),
    );
  } catch (err) {
    if ((err as Error).name === 'ShadowSetupError') throw new UsageError((err as Error).message);
    throw err;
  } finally {
    progress.end();
  }
}

/** When the most recently changed of `migrations` last changed (ms since the epoch); now when one cannot be read. */
function newestChange(migrations: readonly Migration[]): number {
  let newest = 0;
  for (const m of migrations) {
    try {
      newest = Math.max(newest, statSync(m.absPath).mtimeMs);
    } catch {
      return Date.now();
    }
  }
  return newest;
}

export async function dryRunCommand(paths: string[], opts: DryRunCliOptions): Promise<number> {
  const cwd = process.cwd();
  const { config } = await loadConfig(cwd, opts.config);
  const detected =
    opts.dialect || config.dialect ? undefined : await detectDialect(paths.length ? paths : (config.paths ?? []), cwd);
  const settings = resolveSettings(
    {
      dialect: opts.dialect,
      pgVersion: opts.pgVersion,
      mysqlVersion: opts.mysqlVersion,
      ...(detected ? { detected } : {}),
    },
    config,
  );
  const url = opts.shadowUrl ?? config.dryRun?.shadowUrl ?? process.env.ZERODOWN_SHADOW_URL;
  // the parser compiles while the stats and the migrations are read
  loadParserBaseline(settings.dialect).catch(() => {});
  const stats = await runStats(opts, cwd);
  const inputs = paths.length ? paths : (config.paths ?? []);
  const { migrations } = await findMigrations(inputs, discoveryOptions(opts, config, settings, cwd));
  if (!migrations.some((m) => m.review)) throw new UsageError('no migration under review: pass the files to dry-run');
  let schema: DryRunOptions['schema'];
  if (opts.schema) {
    try {
      schema = { path: opts.schema, sql: readFileSync(path.resolve(cwd, opts.schema), 'utf8') };
    } catch (err) {
      throw new UsageError(`cannot read --schema ${opts.schema}: ${(err as Error).message}`);
    }
  }
  // the embedded engine's code compiles while the migrations are parsed (compiled for what it will run), and its
  // thread starts meanwhile unless an earlier run's report of these same files will most likely answer (a report
  // saved or read since the files under review last changed; a history edited since only costs this guess its
  // gain, and a history of thousands of files is not stat'ed for it): a thread started and not used costs 20 ms.
  // From the command line, the first step has most often started it already (src/dialects/early.ts, before this
  // guess can be made); this covers the runs it did not (`main` called in-process, a config it took for a server's)
  const cacheDir = opts.cache !== false ? defaultCacheDir(cwd) : undefined;
  const answered = !!cacheDir && resultUsedSince(cacheDir, 'dryrun', newestChange(migrations.filter((m) => m.review)));
  await prepareEmbeddedShadow(
    settings,
    url,
    schema ? migrations.filter((m) => m.review) : migrations,
    !!stats,
    !answered,
  );
  const d = await runDryRun(migrations, settings, {
    ...(url ? { url } : {}),
    ...(opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {}),
    ...(schema ? { schema } : {}),
    seedRows: opts.seedRows ?? config.dryRun?.seedRows ?? 1000,
    timeoutMs: timeoutMsOf(opts.shadowTimeout ?? config.dryRun?.shadowTimeout),
    ...(cacheDir ? { cacheDir } : {}),
    ...(stats ? { estimate: true } : {}),
  });
  // --stats: each statement timed at two sizes gets its estimate at the production size
  const statsNotes = stats ? estimateDryRun(d, stats.stats, settings.estimates) : [];
  for (const n of statsNotes) process.stderr.write(`zerodown: stats: ${visible(n)}\n`);
  let out: string;
  switch (opts.format) {
    case 'json':
      out = formatDryRunJson(d);
      break;
    case 'markdown':
      out = formatDryRunMarkdown(d);
      break;
    case 'text':
      out = formatDryRunText(d, { color: opts.output ? (opts.color ?? false) : colorFor(opts.color, process.stdout) });
      break;
    default:
      throw new UsageError(`unknown format "${opts.format as string}" (use text, json or markdown)`);
  }
  if (opts.output) {
    try {
      writeFileSync(path.resolve(cwd, opts.output), redactSecrets(out));
    } catch (err) {
      throw new UsageError(`cannot write ${opts.output}: ${(err as Error).message}`);
    }
  } else process.stdout.write(out);
  return d.files.some((f) => f.error) || d.stopped ? 1 : 0;
}

export interface LintDryRunOptions {
  shadowUrl?: string;
  allowSuperuserShadow?: boolean;
  seedRows?: number;
  /** use the shadow cache of the project in `cwd` (see src/shadow/cache.ts); default true */
  cache?: boolean;
  cwd?: string;
  /** seconds a statement may run on the shadow (default 30) */
  shadowTimeout?: number;
  /** the files the lint stage parsed */
  parsed?: ParsedRun;
  /** `--stats`: time the statements whose cost grows with their table at two sizes, for estimates */
  estimate?: boolean;
}

/**
 * `lint --dry-run`: runs the same migrations on the shadow and adds what it saw
 * to the lint result (`addDryRunFacts` of src/pipeline/index.ts).
 */
export async function lintDryRun(
  result: LintResult,
  migrations: Migration[],
  settings: Settings,
  opts: LintDryRunOptions = {},
): Promise<DryRun> {
  const url = opts.shadowUrl ?? process.env.ZERODOWN_SHADOW_URL;
  const d = await runDryRun(
    migrations,
    settings,
    {
      ...(url ? { url } : {}),
      ...(opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {}),
      seedRows: opts.seedRows ?? 1000,
      timeoutMs: timeoutMsOf(opts.shadowTimeout),
      ...(opts.estimate ? { estimate: true } : {}),
      ...(opts.cache !== false && defaultCacheDir(opts.cwd ?? process.cwd())
        ? { cacheDir: defaultCacheDir(opts.cwd ?? process.cwd())! }
        : {}),
    },
    opts.parsed,
  );
  addDryRunFacts(result, d);
  return d;
}
