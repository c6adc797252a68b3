/** Small file-system helpers for discovery (all synchronous reads of small files). */
import { type Dirent, readFileSync } from 'node:fs';
import path from 'node:path';
import { glob, type GlobOptions } from 'tinyglobby';
import {
  noteInspected,
  type PathKind,
  probeKind,
  readDirEntries,
  recordList,
  recordRead,
  unrecordable,
} from '../pipeline/rerun.js';
import { MARKERS, type MarkerName } from './markers.js';
import { naturalCompare } from './order.js';

export const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * One discovery asks the file system the same questions many times: each tool's `detect` lists the
 * directory, asks every entry whether it holds `up.sql` or `migration.sql`, lists it as a folder, and
 * reads up to every file for a marker, before the file is read once more as the migration. On the
 * corpus (2,874 files in 13 folders) that was 25,000 system calls and each file read 3 to 6 times:
 * most of discovery's time. While `withFsMemo` runs, answers are kept: a directory is listed once with
 * its entries' types (so "is this file a folder, does it hold up.sql" needs no call), a file is read
 * once. Kept for one discovery only: the disk may change between runs (an editor, `zerodown lsp`).
 */
interface Memo {
  /** directory → its entries by name, or null when it cannot be listed */
  dirs: Map<string, Map<string, Dirent> | null>;
  stats: Map<string, PathKind>;
  texts: Map<string, string | null>;
}

let memo: Memo | undefined;
let memoUsers = 0;

/** Runs `fn` with the file-system answers memoised (see `Memo`); nested calls share one memo. */
export async function withFsMemo<T>(fn: () => Promise<T>): Promise<T> {
  if (memoUsers++ === 0) memo = { dirs: new Map(), stats: new Map(), texts: new Map() };
  try {
    return await fn();
  } finally {
    if (--memoUsers === 0) memo = undefined;
  }
}

/** What the memoised listings say `p` is; undefined when they cannot tell (not listed yet, a symlink). */
function kindFromParent(m: Memo, p: string): PathKind | undefined {
  const parent = path.dirname(p);
  if (parent === p) return undefined;
  const entries = m.dirs.get(parent);
  if (!entries) {
    // a file's "sub-folder" (is `V1__x.sql/up.sql` there?) does not exist
    const pk = m.stats.get(parent) ?? kindFromParent(m, parent);
    return pk !== undefined && pk !== 'dir' ? 'none' : undefined;
  }
  const e = entries.get(path.basename(p));
  // a name missing from the listing may still exist on a case-insensitive file system: ask it
  if (!e || e.isSymbolicLink()) return undefined;
  return e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
}

function kindOf(p: string): PathKind {
  const m = memo;
  // what a run asked is stamped for its rerun (src/pipeline/rerun.ts); answers from a listing are the listing's
  const stat = () => probeKind(p);
  if (!m) return stat();
  let k = m.stats.get(p) ?? kindFromParent(m, p);
  if (k === undefined) k = stat();
  m.stats.set(p, k);
  return k;
}

function entriesOf(dir: string): Map<string, Dirent> | null {
  const m = memo;
  const read = () => {
    const entries = recordList(dir, () => readDirEntries(dir));
    return entries && new Map(entries.map((e) => [e.name, e] as const));
  };
  if (!m) return read();
  let entries = m.dirs.get(dir);
  if (entries === undefined) {
    const k = m.stats.get(dir) ?? kindFromParent(m, dir);
    entries = k !== undefined && k !== 'dir' ? null : read();
    m.dirs.set(dir, entries);
  }
  return entries;
}

export function list(dir: string): string[] {
  const entries = entriesOf(dir);
  return entries ? [...entries.keys()] : [];
}

/** The sub-folders of `dir` (names): `list(dir)` without the files, told by the listing's entry types. */
export function subdirs(dir: string): string[] {
  const out: string[] = [];
  for (const [name, e] of entriesOf(dir) ?? [])
    if (e.isDirectory() || (e.isSymbolicLink() && isDir(path.join(dir, name)))) out.push(name);
  return out;
}

export function isDir(p: string): boolean {
  return kindOf(p) === 'dir';
}

export function isFile(p: string): boolean {
  return kindOf(p) === 'file';
}

export function existsSync(p: string): boolean {
  // a path exists when it can be stat'ed (as fs.existsSync: both follow symlinks): the memo's kinds answer it
  return kindOf(p) !== 'none';
}

/**
 * A file's text (UTF-8, as `readFileSync(p, 'utf8')`), or undefined when it cannot be read; read once per memo.
 * For what discovery decides from a file's text other than by a named marker (`marker`); a migration's source is
 * `takeText`'s.
 */
export function readText(p: string): string | undefined {
  noteInspected(p);
  return textOf(p);
}

/**
 * The answer of the named test `name` (./markers.ts) for the text of `p`, recorded as such (src/pipeline/rerun.ts
 * `noteInspected`); undefined when `p` cannot be read.
 */
export function marker<N extends MarkerName>(p: string, name: N): ReturnType<(typeof MARKERS)[N]> | undefined {
  const text = textOf(p);
  if (text === undefined) return undefined;
  const answer = MARKERS[name](text) as ReturnType<(typeof MARKERS)[N]>;
  noteInspected(p, [name, answer]);
  return answer;
}

function textOf(p: string): string | undefined {
  const read = () =>
    recordRead(p, () => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return null;
      }
    });
  const m = memo;
  if (!m) return read() ?? undefined;
  let t = m.texts.get(p);
  if (t === undefined) m.texts.set(p, (t = read()));
  return t ?? undefined;
}

/**
 * A migration's text as `readText` gives it, for the one read that keeps it: the memo lets it go.
 * Throws as `readFileSync` does.
 */
export function takeText(p: string): string {
  const t = memo?.texts.get(p);
  if (t != null) {
    memo!.texts.delete(p);
    return t;
  }
  return recordRead(p, () => readFileSync(p, 'utf8'));
}

/** What `walkFiles` looks for: files whose name passes `want`, in folders down to `maxDepth` levels below the root. */
export interface FileWalk {
  /** 0: the root's own files; 1: also its sub-folders' files; … */
  maxDepth: number;
  /** folder names not entered (besides those starting with a dot) */
  skipDirs: ReadonlySet<string>;
  /** a file's name, and the absolute folder that holds it */
  want: (name: string, dir: string) => boolean;
}

/**
 * The files under `root` (absolute paths, in listing order) a walk finds, through the discovery memo when it runs:
 * what tinyglobby finds for such a pattern (\`dot: false\`: no name starting with a dot, no folder starting with one
 * entered), from folder listings the rest of discovery then reuses instead of listing every folder again.
 * Undefined when the walk meets a symbolic link: tinyglobby's answer there (real paths, loops) is left to it.
 */
export function walkFiles(root: string, walk: FileWalk): string[] | undefined {
  const out: string[] = [];
  const visit = (dir: string, depth: number): boolean => {
    for (const [name, e] of entriesOf(dir) ?? []) {
      if (name.startsWith('.')) continue;
      if (e.isSymbolicLink()) return false;
      const p = path.join(dir, name);
      if (e.isDirectory()) {
        if (depth > 0 && !walk.skipDirs.has(name) && !visit(p, depth - 1)) return false;
      } else if (e.isFile() && walk.want(name, dir)) out.push(p);
    }
    return true;
  };
  return visit(path.resolve(root), walk.maxDepth) ? out : undefined;
}

const NO_DEPS = new Set(['node_modules']); // IGNORE: .git starts with a dot
/** the patterns the tools give `globFiles`, as walks */
const WALKS: Record<string, (root: string) => FileWalk> = {
  '*.sql': () => ({ maxDepth: 0, skipDirs: NO_DEPS, want: (n) => n.endsWith('.sql') }),
  '**/*.sql': () => ({ maxDepth: Infinity, skipDirs: NO_DEPS, want: (n) => n.endsWith('.sql') }),
  '*/up.sql': (root) => ({ maxDepth: 1, skipDirs: NO_DEPS, want: (n, d) => n === 'up.sql' && d !== root }),
  '*/migration.sql': (root) => ({
    maxDepth: 1,
    skipDirs: NO_DEPS,
    want: (n, d) => n === 'migration.sql' && d !== root,
  }),
};

/**
 * tinyglobby's `glob`, for discovery: what a glob lists is not recorded, so a run that globs is not stamped for its
 * rerun (src/pipeline/rerun.ts). Discovery globs through this only.
 */
export function globUnstamped(patterns: string | string[], options: GlobOptions): Promise<string[]> {
  unrecordable('a glob');
  return glob(patterns, options);
}

/** Files matching `pattern` under `root`, absolute, in natural order. */
export async function globFiles(root: string, pattern: string | string[]): Promise<string[]> {
  const walk = typeof pattern === 'string' ? WALKS[pattern] : undefined;
  const walked = walk && walkFiles(root, walk(path.resolve(root)));
  if (walked) return walked.sort(naturalCompare);
  return (
    await globUnstamped(pattern, {
      cwd: root,
      absolute: true,
      onlyFiles: true,
      ignore: IGNORE,
      expandDirectories: false,
    })
  ).sort(naturalCompare);
}

/** The first ancestor of `from` (inclusive) for which `test` is true, up to `levels` levels. */
export function findUp(from: string, test: (dir: string) => boolean, levels = 6): string | undefined {
  let dir = from;
  for (let i = 0; i <= levels; i++) {
    if (test(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** `.sql` files directly in `dir` (names only). */
export function sqlNames(dir: string, files?: string[]): string[] {
  return (files ? files.map((f) => path.basename(f)) : list(dir)).filter((f) => /\.sql$/i.test(f));
}

/** Reads up to `max` of the given files and returns true when the marker `name` (./markers.ts) is in any. */
export function anyContent(dir: string, names: string[], name: 'goose-up' | 'dbmate-up', max = 40): boolean {
  for (const n of names.slice(0, max)) if (marker(path.isAbsolute(n) ? n : path.join(dir, n), name)) return true;
  return false;
}

/** Offset just past the end of the line containing `offset` (after its `\n`, or end of text). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * The installed or declared version of an npm package used by the project that
 * holds `from` (node_modules/<pkg>/package.json first, then a package.json
 * dependency range), or undefined.
 */
export function npmPackageVersion(from: string, pkg: string): string | undefined {
  let declared: string | undefined;
  findUp(
    from,
    (dir) => {
      const installed = readText(path.join(dir, 'node_modules', pkg, 'package.json'));
      if (installed) {
        try {
          const v = JSON.parse(installed).version;
          if (typeof v === 'string') {
            declared = v;
            return true;
          }
        } catch {
          /* ignore */
        }
      }
      const manifest = readText(path.join(dir, 'package.json'));
      if (manifest) {
        try {
          const j = JSON.parse(manifest);
          const range = j.dependencies?.[pkg] ?? j.devDependencies?.[pkg];
          if (typeof range === 'string') {
            const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(range);
            if (m) {
              declared = `${m[1]}.${m[2]}.${m[3] ?? 0}`;
              return true;
            }
          }
        } catch {
          /* ignore */
        }
      }
      return false;
    },
    8,
  );
  return declared;
}

/** True when version `v` (x.y.z) is at least `min`. */
export function versionAtLeast(v: string, min: [number, number, number?]): boolean {
  const [a = 0, b = 0, c = 0] = v.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const [x, y, z = 0] = min;
  return a !== x ? a > x : b !== y ? b > y : c >= z;
}
