/**
 * The schema replayed from an unchanged history, reused: `zerodown lint` of one new migration (a pre-commit
 * hook, a pull request) spends most of its time parsing and replaying the hundreds of files before it. The
 * catalog after those files is saved (`Dialect.catalogData`, v8 serialisation) under a key made of
 *
 *   - this build of zerodown (src/build.ts `codeIdentity`), so a changed rule or parser never serves a stale schema;
 *   - the dialect and target version;
 *   - every history file as discovered: path, absolute path, text, tool, transaction mode, segments.
 *
 * The findings of the files under review have a cache of their own (./findings-cache.ts), keyed on this
 * history too. A cache file that cannot be read is a miss (and is written again); nothing here can fail a run.
 *
 * Where: $ZERODOWN_CACHE_DIR/catalog, else the project's node_modules/.cache/zerodown/catalog, else the
 * user's cache directory ($XDG_CACHE_HOME or ~/.cache)/zerodown/catalog: a pre-commit hook in a Go or Rust
 * repository has no node_modules. The 32 entries last used (saved or read) are kept: a long-lived branch's history
 * stays while others come and go.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Dialect, DialectCatalog } from '../dialect.js';
import type { Migration } from '../model.js';
import { lintCacheDir, pruneOldest, touchUsed, writeFileAtomic } from '../cache-files.js';
import { codeIdentity } from '../build.js';

/** bumped when what is stored changes shape */
const FORMAT = 1;
const KEEP = 32;

/**
 * Each file's key: a hash of the key before it (`after` for the first) and of the file as discovered (path, text,
 * tool, transaction mode, segments, under review or not), so each names every file up to and including it, in
 * apply order. The last history file's key names the history here; each file's names its findings
 * (./findings-cache.ts), so one pass over the files serves both caches; a run that reuses a discovery
 * (./discovery-cache.ts) goes on from the saved key of the last file it did not read.
 */
export function fileKeys(migrations: readonly Migration[], after = ''): string[] {
  const keys: string[] = [];
  let last = after;
  for (const m of migrations) {
    // the text is hashed as it is (no JSON escaping of 2 MB); the rest as JSON, all length-prefixed
    const meta = JSON.stringify({ ...m, source: undefined });
    last = createHash('sha256')
      .update(`${last.length}:${last}${meta.length}:${meta}${m.source.length}:`)
      .update(m.source)
      .digest('base64');
    keys.push(last);
  }
  return keys;
}

/**
 * The cache key of a replayed history: this build, the dialect and version, and every file as discovered
 * (`last`: the last file's running key from `fileKeys`, when the caller has the keys already).
 */
export function historyKey(
  dialect: Dialect,
  version: number,
  history: readonly Migration[],
  build = codeIdentity(),
  last = fileKeys(history).at(-1) ?? '',
): string {
  return createHash('sha256')
    .update(`zerodown-catalog ${FORMAT}\0${build}\0${dialect.id}\0${version}\0${last}`)
    .digest('hex');
}

/** Where the cache lives for a run in `cwd` (see the file comment); undefined when nowhere fits. */
export function historyCacheDir(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return lintCacheDir(cwd, 'catalog', env);
}

/** The catalog saved under `key`, or undefined (no entry, unreadable, or a dialect without `catalogData`). */
export function loadHistory(dir: string, key: string, dialect: Dialect): DialectCatalog | undefined {
  if (!dialect.catalogData) return undefined;
  try {
    const file = path.join(dir, `${key}.bin`);
    const catalog = dialect.catalogData.load(deserialize(readFileSync(file)));
    touchUsed(file);
    return catalog;
  } catch {
    return undefined;
  }
}

/** Saves the catalog under `key` (written whole, then renamed), and keeps the entries last used only. Never throws. */
export function saveHistory(dir: string, key: string, dialect: Dialect, catalog: DialectCatalog): void {
  if (!dialect.catalogData) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, `${key}.bin`), serialize(dialect.catalogData.save(catalog)));
    pruneOldest(dir, '.bin', KEEP);
  } catch {
    // a read-only or full disk: the next run replays the history again
  }
}
