/**
 * What `zerodown lsp` knows about one open document: the same decisions and the same engine as
 * `zerodown lint <file>`. The config is read from the document's workspace folder, the dialect is
 * decided as lint decides it, discovery finds the files the migration tool runs before this one
 * (read from disk, replayed as history) and the open document's text comes from the editor buffer.
 * Lint and plan share one walk (src/pipeline/), so the code actions read the same catalog. Nothing
 * here writes a file or opens a shadow database.
 */
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { loadConfig, type Config } from '../config.js';
import { autoDiscover, detectDialect, findMigrations } from '../discover/index.js';
import { isDir } from '../discover/fsutil.js';
import { isUserError } from '../errors.js';
import type { FileResult, Migration } from '../model.js';
import {
  discoveryOptions,
  lintOptionsOf,
  lintStage,
  planSettingsOf,
  resolveSettings,
  type GivenSettings,
  type Settings,
} from '../pipeline/index.js';
import type { PlanResult } from '../plan/planner.js';

/** What the editor (initializationOptions) or `zerodown lsp`'s options say, as lint's options do. */
export interface LspSettings {
  /** config file, relative to the workspace folder (default: zerodown.config.json or .zerodown.yml there) */
  config?: string;
  framework?: string;
  dialect?: string;
  pgVersion?: number;
  mysqlVersion?: string;
  assumeInTransaction?: boolean;
  /** lint every `.sql` file, not only those in migration folders (config `paths`, or the layouts lint finds) */
  anySqlFile?: boolean;
  /** replay earlier migrations as history (default true; `--no-history`) */
  history?: boolean;
}

/** One analysis of one document version. */
export interface Analysis {
  /** why the document gets no diagnostics (not a migration file, a file the tool skips) */
  skipped?: string;
  /** a config or discovery error: shown as one diagnostic on the first line */
  error?: string;
  settings?: Settings;
  /** the file's lint result (its findings, and the statements they point at) */
  file?: FileResult;
  /** the plan made in the same walk (not proven: the editor never runs a shadow database) */
  plan?: PlanResult;
  /** the migrations of the run, history first, the document last */
  migrations?: Migration[];
}

/** Migration roots per workspace folder, for a few seconds (auto-discovery globs the folder). */
const rootsCache = new Map<string, { at: number; roots: string[] }>();
const ROOTS_TTL_MS = 10_000;

async function migrationRoots(cwd: string, config: Config): Promise<{ dirs: string[]; files: Set<string> }> {
  const dirs: string[] = [];
  const files = new Set<string>();
  if (config.paths?.length) {
    for (const p of config.paths) {
      const abs = path.resolve(cwd, p);
      if (isDynamicPattern(p) && !isDir(abs)) {
        for (const f of await glob(p, { cwd, absolute: true, onlyFiles: true })) files.add(path.resolve(f));
      } else if (isDir(abs)) dirs.push(abs);
      else files.add(abs);
    }
    return { dirs, files };
  }
  const cached = rootsCache.get(cwd);
  if (cached && Date.now() - cached.at < ROOTS_TTL_MS) return { dirs: cached.roots, files };
  const roots = (await autoDiscover(cwd)).map((r) => r.absPath);
  rootsCache.set(cwd, { at: Date.now(), roots });
  return { dirs: roots, files };
}

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** True when `lint` without paths (config `paths`, else auto-discovery under `cwd`) would review `file`. */
export async function isMigrationFile(file: string, cwd: string, config: Config): Promise<boolean> {
  const { dirs, files } = await migrationRoots(cwd, config);
  return files.has(file) || dirs.some((d) => inside(d, file));
}

/**
 * Lints (and plans, in the same walk) the document `file` with the text `text`, in the workspace
 * folder `cwd`. Throws nothing for a bad migration: a parse error is a finding like any other.
 */
export async function analyse(file: string, text: string, cwd: string, opts: LspSettings): Promise<Analysis> {
  let config: Config;
  try {
    config = (await loadConfig(cwd, opts.config)).config;
  } catch (err) {
    return { error: (err as Error).message };
  }
  if (!file.toLowerCase().endsWith('.sql') && !opts.anySqlFile)
    return { skipped: 'not a .sql file (zerodown lints SQL migration files)' };
  if (!opts.anySqlFile && !(await isMigrationFile(file, cwd, config)))
    return {
      skipped: `not in a migration folder (config \`paths\`, or the layouts \`zerodown lint\` finds under ${cwd}); set the \`anySqlFile\` option to lint it anyway`,
    };
  try {
    const given: GivenSettings = {
      ...(opts.dialect ? { dialect: opts.dialect } : {}),
      ...(opts.pgVersion !== undefined ? { pgVersion: opts.pgVersion } : {}),
      ...(opts.mysqlVersion !== undefined ? { mysqlVersion: opts.mysqlVersion } : {}),
      ...(opts.assumeInTransaction ? { assumeInTransaction: true } : {}),
    };
    // as lint decides: the option, else the config, else the migrations' own evidence, else postgres
    const detected =
      opts.dialect || config.dialect ? undefined : await detectDialect([file], cwd).catch(() => undefined);
    const settings = resolveSettings({ ...given, ...(detected ? { detected } : {}) }, config);
    await settings.dialect.load();
    const { migrations } = await findMigrations([file], {
      ...discoveryOptions(opts, config, settings, cwd),
      sources: new Map([[file, text]]),
    });
    const own = migrations.find((m) => m.absPath === file && m.review);
    if (!own) return { skipped: 'the migration tool does not run this file as a forward migration', settings };
    const stage = await lintStage(migrations, { ...lintOptionsOf(settings), plan: planSettingsOf(settings) });
    const result = stage.result.files.find((f) => f.migration === own);
    return {
      settings,
      migrations,
      ...(result ? { file: result } : {}),
      ...(stage.plan ? { plan: stage.plan } : {}),
    };
  } catch (err) {
    const e = err as Error;
    // a discovery, config or usage error is said as it is; anything else is zerodown's fault, with its stack in the log
    if (isUserError(e)) return { error: e.message };
    throw err;
  }
}
