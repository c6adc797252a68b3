/**
 * Where zerodown's caches live, and how an entry is written and pruned: the few functions the command line's first
 * step needs (src/pipeline/rerun.ts answers `zerodown lint` again with nothing changed before the rest of zerodown
 * loads), kept apart from the caches themselves so that that step loads no more of Node than it uses.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** `<cwd>/node_modules/.cache/zerodown/<kind>` when the project has node_modules. */
export function projectCacheDir(cwd: string, kind: string): string | undefined {
  const nm = path.join(cwd, 'node_modules');
  return existsSync(nm) ? path.join(nm, '.cache', 'zerodown', kind) : undefined;
}

/** Where `lint`'s caches of `kind` (`catalog`, `findings`) live for a run in `cwd` (src/pipeline/history-cache.ts). */
export function lintCacheDir(cwd: string, kind: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ZERODOWN_CACHE_DIR) return path.resolve(cwd, env.ZERODOWN_CACHE_DIR, kind);
  const project = projectCacheDir(cwd, kind);
  if (project) return project;
  const base = env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), '.cache') : '');
  return base ? path.join(base, 'zerodown', kind) : undefined;
}

/**
 * A name no other process or thread uses at the same time (the process id alone is shared by worker threads:
 * vitest's, the language server's). Not a secret: `Math.random`, so that the first step loads no `node:crypto`.
 */
export function uniqueSuffix(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A temporary name beside `file`, for writing it whole and renaming it into place. */
export function tempName(file: string): string {
  return `${file}.${uniqueSuffix()}.tmp`;
}

/** Writes `file` whole or not at all: a reader never sees half of it (another process may be reading). */
export function writeFileAtomic(file: string, data: string | NodeJS.ArrayBufferView): void {
  const tmp = tempName(file);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** The `*<ext>` entries of `dir` with their mtimes (ms), newest first: saved or, where readers touch them, last used. */
export function newestEntries(dir: string, ext: string): { f: string; t: number }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
}

/** Keeps the `keep` newest `*<ext>` entries of `dir` (by mtime); `companions` names the other files of an entry. */
export function pruneOldest(
  dir: string,
  ext: string,
  keep: number,
  companions: (stem: string) => string[] = () => [],
): void {
  const entries = newestEntries(dir, ext);
  for (const e of entries.slice(keep)) {
    rmSync(path.join(dir, e.f), { force: true, recursive: true });
    for (const c of companions(e.f.slice(0, -ext.length))) rmSync(path.join(dir, c), { force: true });
  }
}

/** Marks `file` most recently used (`pruneOldest` keeps those); a read-only cache folder is read all the same. */
export function touchUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // a read-only mount of a restored cache: nothing is pruned there either
  }
}
