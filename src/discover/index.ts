/**
 * Discovery: turns paths (files, directories, globs) into an ordered list of
 * migrations, each marked as under review or as history (feeds the schema
 * replay only), with the transaction handling of the tool that runs it.
 *
 * - A directory: every migration in it is under review, in the order the
 *   migration tool applies them. A directory that is not itself a migration
 *   root (say `prisma/` or a repository root) is searched for known layouts.
 * - A file or a glob: the matched files are under review; the migrations that
 *   the tool applies before them are replayed first as history.
 * - Files of one migration sequence always come out in the tool's order, each
 *   once, whatever order or overlap the inputs had; history comes first.
 * - `reviewOnly` (changed-only mode): only those files are under review; the
 *   earlier files of their sequences are history, later ones are left out. A
 *   sequence with no file under review comes back as history only, or not at
 *   all with `dropUnreviewed`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { Dialect as MigrationDialect, Migration, Segment, TransactionMode } from '../model.js';
import { DEFAULT_DIALECT, dialectFor } from '../dialects/index.js';
import { detectFramework, frameworkByName, frameworkNames, plain, type Framework } from './frameworks.js';
import { existsSync, globUnstamped, isDir, takeText, withFsMemo } from './fsutil.js';
import { recordRead } from '../pipeline/rerun.js';
import { naturalCompare } from './order.js';
import { countStatements } from './sqlsplit.js';
import type { DescribeContext, FileInfo } from './types.js';
import { autoDiscover } from './auto.js';
import { decodeSource, decodeText, type DecodedSource } from './decode.js';
import { changedFiles as changedFilesOf } from './git.js';

export { naturalCompare };
export { autoDiscover, type MigrationRoot } from './auto.js';
export { detectDialect, type DetectedDialect } from './dialect.js';
export { withFsMemo } from './fsutil.js';
export { changedFiles } from './git.js';
export { layoutPhases, type Phase, type PhaseFile, type LayoutTarget } from './layout.js';
export { detectFramework, frameworks, frameworkNames } from './frameworks.js';

export interface DiscoverOptions {
  cwd?: string;
  /** force a framework by name instead of detecting it */
  framework?: string;
  /** replay earlier migrations of the same sequence as history when files are given (default true) */
  history?: boolean;
  /** only these absolute paths are under review; everything else found is history (changed-only mode) */
  reviewOnly?: Set<string>;
  /** the SQL dialect the migrations are written in (config `dialect`, `--dialect`); default postgres */
  dialect?: MigrationDialect;
  /** target PostgreSQL major version (Flyway decides ALTER TYPE … ADD VALUE by it); default: the dialect's */
  pgVersion?: number;
  /** leave out sequences with no file under review (default: they come back as history only) */
  dropUnreviewed?: boolean;
  /**
   * text to read instead of the disk, by absolute path: a file open in an editor (`zerodown lsp`), whose
   * buffer may differ from the saved file or not be saved yet. Such a file given as an input counts as a file.
   */
  sources?: ReadonlyMap<string, string>;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface DiscoveryResult {
  migrations: Migration[];
  /** the migration root each file under review was found under (src/pipeline/discovery-cache.ts describes it again) */
  roots: Map<string, string>;
  /** files found but not run by their tool as forward migrations (down files, undo files, names the tool ignores) */
  skipped: SkippedFile[];
  /** detected (or forced) tools, in order of first appearance */
  frameworks: string[];
}

export class DiscoveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiscoveryError';
  }
}

/**
 * The path shown to the user: relative to the working directory, also for a sibling folder
 * (`../shared/x.sql`, as the user typed it); absolute only when climbing out further than two levels.
 * Worked out once per folder (a folder can hold thousands of migrations).
 */
function displayFiles(cwd: string): (abs: string) => string {
  const dirs = new Map<string, string | undefined>();
  return (abs) => {
    const dir = path.dirname(abs);
    let shown = dirs.get(dir);
    if (!dirs.has(dir)) {
      // a file's relative path is its folder's plus its name: it climbs as many levels as its folder
      const rel = path.relative(cwd, dir);
      const ups = rel.split(path.sep).filter((p) => p === '..').length;
      shown = ups <= 2 && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
      dirs.set(dir, shown);
    }
    if (shown === undefined) return abs;
    const name = path.basename(abs);
    return shown ? `${shown}/${name}` : name;
  };
}

/** A migration's source as discovery reads it: UTF-8 text, else decoded bytes (a `DiscoveryError` when unreadable). */
export function readSource(abs: string, sources?: ReadonlyMap<string, string>): DecodedSource {
  const given = sources?.get(abs);
  if (given !== undefined) return { text: given };
  try {
    // most files are plain UTF-8 text, told from the decoded text alone; the rest are read as bytes
    return decodeText(takeText(abs)) ?? decodeSource(recordRead(abs, () => readFileSync(abs)));
  } catch (err) {
    throw new DiscoveryError(`cannot read ${abs}: ${(err as Error).message}`);
  }
}

/**
 * Turns a tool's description of a file into the model's transaction and
 * segments: `script` regions become `wrapped` when they hold several
 * statements (one implicit transaction) and `none` otherwise.
 */
export function resolveFile(source: string, info: FileInfo): { transaction: TransactionMode; segments?: Segment[] } {
  const resolveTx = (tx: FileInfo['transaction'], start: number, end: number): TransactionMode =>
    tx === 'script' ? (countStatements(source, start, end, 2) > 1 ? 'wrapped' : 'none') : (tx ?? 'none');
  if (!info.segments) return { transaction: resolveTx(info.transaction, 0, source.length) };
  const segs = info.segments.map((s) => ({ start: s.start, end: s.end, transaction: resolveTx(s.tx, s.start, s.end) }));
  const transaction: TransactionMode = segs.some((s) => s.transaction === 'wrapped') ? 'wrapped' : 'none';
  const uniform = segs.every((s) => s.transaction === transaction);
  return { transaction, segments: segs.map((s) => (uniform ? { start: s.start, end: s.end } : s)) };
}

interface Group {
  fw: Framework;
  /** root → its per-root facts */
  roots: Map<string, DescribeContext>;
  /** abs path → root it was found under */
  files: Map<string, string>;
  review: Set<string>;
}

/** Finds and orders migrations. Throws `DiscoveryError` for a path that does not exist or matches nothing. */
export async function discover(inputs: string[], options: DiscoverOptions = {}): Promise<Migration[]> {
  return (await discoverDetailed(inputs, options)).migrations;
}

export function discoverDetailed(inputs: string[], options: DiscoverOptions = {}): Promise<DiscoveryResult> {
  // each tool's detection and the reads below ask the same questions of the disk: answer each once
  return withFsMemo(() => discoverOnce(inputs, options));
}

async function discoverOnce(inputs: string[], options: DiscoverOptions): Promise<DiscoveryResult> {
  const cwd = options.cwd ?? process.cwd();
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  const pgVersion = options.pgVersion ?? dialectFor(dialect).defaultVersion;
  const forced = options.framework ? frameworkByName(options.framework) : undefined;
  if (options.framework && !forced) {
    throw new DiscoveryError(`unknown framework "${options.framework}"; known: ${frameworkNames.join(', ')}`);
  }
  const reviewOnly = options.reviewOnly;
  const history = options.history !== false;
  const groups = new Map<string, Group>();

  const groupFor = async (fw: Framework, root: string): Promise<Group> => {
    const key = `${fw.name}\0${fw.sequence?.(root) ?? root}`;
    let g = groups.get(key);
    if (!g) {
      g = { fw, roots: new Map(), files: new Map(), review: new Set() };
      groups.set(key, g);
    }
    if (!g.roots.has(root)) g.roots.set(root, { root, info: (await fw.prepare?.(root)) ?? {}, pgVersion });
    return g;
  };
  const addAll = async (fw: Framework, root: string, reviewAll: boolean): Promise<number> => {
    const g = await groupFor(fw, root);
    const files = reviewAll || !fw.siblings ? await fw.find(root) : await fw.siblings(root);
    for (const f of files) {
      if (!g.files.has(f)) g.files.set(f, root);
      if (reviewAll && (!reviewOnly || reviewOnly.has(f))) g.review.add(f);
    }
    return files.length;
  };
  const addFiles = async (fw: Framework, dir: string, files: string[]) => {
    const root = fw.root(dir);
    const g = await groupFor(fw, root);
    if (history) await addAll(fw, root, false);
    for (const f of files) {
      if (!g.files.has(f)) g.files.set(f, root);
      if (!reviewOnly || reviewOnly.has(f)) g.review.add(f);
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    if (isDynamicPattern(input) && !existsSync(abs)) {
      const matches = (await globUnstamped(input, { cwd, absolute: true, onlyFiles: true })).sort(naturalCompare);
      if (!matches.length) throw new DiscoveryError(`no files match ${input}`);
      const sqlFiles = matches.filter((f) => f.endsWith('.sql'));
      if (!sqlFiles.length) throw new DiscoveryError(`${input} matches no .sql files`);
      const byDir = new Map<string, string[]>();
      for (const f of sqlFiles) byDir.set(path.dirname(f), [...(byDir.get(path.dirname(f)) ?? []), f]);
      for (const [dir, files] of byDir) await addFiles(forced ?? detectFramework(dir, files), dir, files);
      continue;
    }
    const given = options.sources?.has(abs);
    if (!given && !existsSync(abs)) throw new DiscoveryError(`${input}: no such file or directory`);
    if (!given && isDir(abs)) {
      let fw = forced ?? detectFramework(abs);
      const single = ['migration.sql', 'up.sql'].map((f) => path.join(abs, f)).find((f) => existsSync(f));
      if (!forced && fw === plain && single) {
        // one migration folder (Prisma, Diesel, Drizzle 1.x): that migration, with its history
        await addFiles(detectFramework(abs, [single]), abs, [single]);
        continue;
      }
      if (!forced && fw === plain) {
        // not a migration root itself: look for known layouts inside (prisma/, a repository root, …)
        const inner = (await autoDiscover(abs)).filter((r) => r.absPath !== abs && r.framework !== 'plain');
        if (inner.length) {
          for (const r of inner) await addAll(detectFramework(r.absPath), r.absPath, true);
          continue;
        }
      }
      const root = fw.root(abs);
      if (root !== abs) fw = forced ?? detectFramework(root);
      const n = await addAll(fw, root, true);
      if (!n) throw new DiscoveryError(`${input}: no migration files found (looked for ${fw.pattern})`);
    } else {
      const dir = path.dirname(abs);
      await addFiles(forced ?? detectFramework(dir, [abs]), dir, [abs]);
    }
  }

  const migrations: Migration[] = [];
  const skipped: SkippedFile[] = [];
  const roots = new Map<string, string>();
  const used: string[] = [];
  const seen = new Set<string>();
  const shown = displayFiles(cwd);
  for (const g of groups.values()) {
    const firstCtx = g.roots.values().next().value as DescribeContext;
    const ordered = g.fw.order([...g.files.keys()], firstCtx);
    let last = -1;
    ordered.forEach((f, i) => {
      if (g.review.has(f)) last = i;
    });
    if (last < 0) {
      // nothing under review in this sequence (changed-only mode): history only, or nothing
      if (options.dropUnreviewed) continue;
      last = ordered.length - 1;
    }
    const out: Migration[] = [];
    for (const abs of ordered.slice(0, last + 1)) {
      const review = g.review.has(abs);
      if (!review && !history) continue;
      if (seen.has(abs)) continue;
      seen.add(abs);
      const root = g.files.get(abs)!;
      const read = readSource(abs, options.sources);
      const info = g.fw.describe(abs, read.text, g.roots.get(root)!);
      if (info.skip) {
        skipped.push({ path: shown(abs), reason: info.skip });
        continue;
      }
      out.push(migrationOf(shown(abs), abs, dialect, g.fw.name, review, read, info));
      if (review) roots.set(abs, root);
    }
    if (out.length && !used.includes(g.fw.name)) used.push(g.fw.name);
    migrations.push(...out);
  }
  return { migrations, skipped, frameworks: used, roots };
}

/**
 * A file as the model holds it, from what discovery read and what its tool says of it. Its fields in this one
 * order: a file's cache key hashes them as JSON (src/pipeline/history-cache.ts `fileKeys`).
 */
export function migrationOf(
  shown: string,
  abs: string,
  dialect: MigrationDialect,
  framework: string,
  review: boolean,
  { text: source, badBytes, notText }: DecodedSource,
  info: FileInfo,
): Migration {
  const { transaction, segments } = resolveFile(source, info);
  const m: Migration = { path: shown, absPath: abs, source, dialect, framework, transaction, review };
  if (segments) m.segments = segments;
  if (info.version) m.version = info.version;
  if (info.note) m.transactionNote = info.note;
  if (badBytes) m.badBytes = badBytes;
  if (notText) m.notText = notText;
  return m;
}

/**
 * A file under review read and described again by its tool, as `discover` would, in a discovery otherwise reused
 * (src/pipeline/discovery-cache.ts: only files under review changed). Undefined when the tool no longer knows it
 * or now skips it: the caller discovers again.
 */
export async function describeAgain(
  m: Pick<Migration, 'path' | 'absPath' | 'dialect' | 'framework'>,
  root: string,
  pgVersion: number,
): Promise<Migration | undefined> {
  const fw = frameworkByName(m.framework);
  if (!fw) return undefined;
  const ctx: DescribeContext = { root, info: (await fw.prepare?.(root)) ?? {}, pgVersion };
  const read = readSource(m.absPath);
  const info = fw.describe(m.absPath, read.text, ctx);
  return info.skip ? undefined : migrationOf(m.path, m.absPath, m.dialect, m.framework, true, read, info);
}

export interface FindOptions extends DiscoverOptions {
  /** changed-only mode: review only the files added or changed since this git ref (earlier ones are history) */
  since?: string;
}

/**
 * What `zerodown lint` (and the Action) should lint: the given paths, or — when
 * there are none — the migration roots `autoDiscover` finds under `cwd`. With
 * `since`, only the files changed since that git ref are under review.
 * Throws `DiscoveryError` when nothing can be found.
 */
export async function findMigrations(
  paths: string[],
  options: FindOptions = {},
): Promise<DiscoveryResult & { how: string }> {
  const cwd = options.cwd ?? process.cwd();
  const { since, ...rest } = options;
  const reviewOnly = since ? changedFilesOf(cwd, since) : options.reviewOnly;
  let inputs = paths;
  let how = `paths: ${paths.join(', ')}`;
  if (!inputs.length) {
    const roots = await autoDiscover(cwd);
    if (!roots.length) {
      throw new DiscoveryError(
        'no migrations given and none found: pass files, directories or globs (e.g. `zerodown lint db/migrations`), or set `paths` in zerodown.config.json',
      );
    }
    inputs = roots.map((r) => r.path);
    how = `auto-discovered ${roots.map((r) => `${r.path} (${r.framework})`).join(', ')}`;
  }
  if (since) how += `; under review: files changed since ${since}`;
  const result = await discoverDetailed(inputs, {
    ...rest,
    cwd,
    dropUnreviewed: true,
    ...(reviewOnly ? { reviewOnly } : {}),
  });
  return { ...result, how };
}
