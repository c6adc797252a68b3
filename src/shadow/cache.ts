/**
 * The replay cache: replaying a long history and seeding it costs seconds on
 * PGlite, and the result only depends on the history files, the seed size and
 * the engine. After a cold run the embedded engine's state (`Shadow.saveState`)
 * is saved under a key of those inputs; the next run with the same inputs boots
 * straight from it. Two stores, one key and one format:
 * - on disk (`<key>.state`: zstd where Node has it, else gzip), for the dry run across processes, when the CLI has a cache
 *   directory (`node_modules/.cache/zerodown` of the project, or $ZERODOWN_CACHE_DIR;
 *   `--no-cache` turns it off);
 * - in memory, for the plan proof, which starts three shadows (the original twice,
 *   the plan once) from the same replayed and seeded state; with a cache directory
 *   also on disk (`provingStore`), so that the next proof of a plan on the same
 *   history boots from it instead of replaying the history again.
 * Finished results are saved beside them (`readResult`/`writeResult`): the same plan of the same migration on the
 * same start is not proven twice, nor the same migrations dry-run twice on it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Migration } from '../model.js';
import { codeIdentity } from '../build.js';
import { newestEntries, projectCacheDir, pruneOldest, touchUsed, writeFileAtomic } from '../cache-files.js';
import { inflateOptions, isZstd } from './unpacked-size.js';

const FORMAT = 2;
/** cached states kept per directory (newest used first): the dry run's and the proof's of a few histories */
const KEEP = 8;

export interface CacheKeyInput {
  engine: string;
  extensions: string[];
  seedRows: number;
  history: Migration[];
  schema?: string;
  /** how rows were seeded (src/shadow/probes.ts `SeedPolicy`); absent: the dry run's */
  seedPolicy?: string;
  /** what was seeded, when not every table (src/shadow/probes.ts `SeedScope`) */
  seedScope?: unknown;
}

export function cacheKey(input: CacheKeyInput): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify([
      FORMAT,
      // another build of zerodown may replay, seed, trace or prove differently: its states and results are not this one's
      codeIdentity(),
      input.engine,
      input.extensions,
      input.seedRows,
      input.schema ? sha(input.schema) : null,
      ...(input.seedPolicy ? [input.seedPolicy] : []),
      ...(input.seedScope ? [input.seedScope] : []),
    ]),
  );
  for (const m of input.history) {
    h.update(JSON.stringify([m.path, m.framework, m.transaction, m.segments ?? null, sha(m.source)]));
  }
  return h.digest('hex').slice(0, 32);
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** `<cwd>/node_modules/.cache/zerodown/shadow` when the project has node_modules, or $ZERODOWN_CACHE_DIR. */
export function defaultCacheDir(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ZERODOWN_CACHE_DIR) return path.resolve(cwd, env.ZERODOWN_CACHE_DIR);
  return projectCacheDir(cwd, 'shadow');
}

/** node:zlib with Node's zstd (22.15+, 23.8+; @types/node 20 does not declare it) */
type Zlib = typeof import('node:zlib') & {
  zstdCompressSync?: (data: Buffer, opts: object) => Buffer;
  zstdCompress?: (data: Buffer, opts: object, cb: (err: Error | null, out: Buffer) => void) => void;
  zstdDecompressSync?: (data: Buffer, opts: object) => Buffer;
  constants: { ZSTD_c_compressionLevel?: number };
};
let loaded: Zlib | undefined;
/** loaded when a state is read or written: `lint` loads this module and never needs it (a few ms on Node 24) */
const zlib = (): Zlib => (loaded ??= createRequire(import.meta.url)('node:zlib') as Zlib);
/** level 3, zstd's default (lemmy's state: 2.6 MB in 47 ms, decompressed in 19-21 ms; level 1: 2.8 MB, 34 ms, 23-30 ms) */
const zstdLevel = () => {
  const param = zlib().constants.ZSTD_c_compressionLevel;
  return param === undefined ? {} : { params: { [param]: 3 } };
};
/**
 * A state's tar, compressed for disk: zstd where Node has it (lemmy's 30 MB data directory: 2.6 MB, decompressed in
 * 20 ms, against gzip's 4.2 MB and 55-65 ms on Node 24), else gzip at level 1. The reader tells them apart by their
 * first bytes, so a cache written by one Node is read by another; a zstd state on a Node without zstd is a miss.
 */
function pack(tar: Buffer): Buffer {
  const z = zlib();
  return z.zstdCompressSync ? z.zstdCompressSync(tar, zstdLevel()) : z.gzipSync(tar, { level: 1 });
}

/** `pack`, on libuv's threads */
function packAsync(tar: Buffer): Promise<Buffer> {
  const z = zlib();
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer) => (err ? reject(err) : resolve(out));
    if (z.zstdCompress) z.zstdCompress(tar, zstdLevel(), done);
    else z.gzip(tar, { level: 1 }, done);
  });
}

/** A state's tar, inflated into one buffer of its own (./unpacked-size.ts): the engine's thread can take it as it is. */
function unpack(data: Buffer): Buffer {
  const z = zlib();
  if (!isZstd(data)) return z.gunzipSync(data, inflateOptions(data));
  if (!z.zstdDecompressSync) throw new Error('zstd state on a Node without zstd');
  return z.zstdDecompressSync(data, inflateOptions(data));
}

export interface CachedState<M> {
  tar: Buffer;
  meta: M;
}

/**
 * A state saved under `key`, found: its facts read, its tar unpacked only when `unpack` is called (the dry run calls
 * it once PGlite's thread is starting, so that the two overlap). Undefined when there is none.
 */
export interface FoundState<M> {
  meta: M;
  /** the tar, unpacked now: undefined when it cannot be (a damaged file, a zstd state on a Node without zstd) */
  unpack(): Buffer | undefined;
}

export function findCache<M>(dir: string, key: string): FoundState<M> | undefined {
  const state = path.join(dir, `${key}.state`);
  const json = path.join(dir, `${key}.json`);
  if (!existsSync(state) || !existsSync(json)) return undefined;
  let meta: M;
  try {
    meta = JSON.parse(readFileSync(json, 'utf8')) as M;
  } catch {
    return undefined;
  }
  const unpackState = () => {
    try {
      const tar = unpack(readFileSync(state));
      // a tar archive says so in its first header; PGlite given anything else fails in its worker, past recovery
      if (tar.length < 512 || tar.toString('latin1', 257, 262) !== 'ustar') return undefined;
      touchUsed(state);
      return tar;
    } catch {
      return undefined;
    }
  };
  return { meta, unpack: unpackState };
}

export function readCache<M>(dir: string, key: string): CachedState<M> | undefined {
  const found = findCache<M>(dir, key);
  const tar = found?.unpack();
  return found && tar ? { tar, meta: found.meta } : undefined;
}

export function writeCache(dir: string, key: string, tar: Buffer, meta: unknown): void {
  try {
    store(dir, key, pack(tar), meta);
  } catch {
    // read-only or full disk: the next run is simply cold again
  }
}

function store(dir: string, key: string, packed: Buffer, meta: unknown): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(meta));
  writeFileAtomic(path.join(dir, `${key}.state`), packed);
  pruneOldest(dir, '.state', KEEP, (stem) => [`${stem}.json`]);
  // states of the format before (`.tgz`, gzip only), which no run reads any more
  pruneOldest(dir, '.tgz', 0, (stem) => [`${stem}.json`]);
}

/** `writeCache`, compressed on libuv's threads: the caller's engines go on meanwhile. Never rejects. */
export async function writeCacheAsync(dir: string, key: string, tar: Buffer, meta: unknown): Promise<void> {
  try {
    store(dir, key, await packAsync(tar), meta);
  } catch {
    // read-only or full disk: the next run is simply cold again
  }
}

/** finished results kept per directory and kind (a few JSON kilobytes each) */
const KEEP_RESULTS = 32;

/**
 * What a finished result is: the plan proof's verdict (`proof`), or a dry run's report (`dryrun`); saved as
 * `<key>.<kind>.json`.
 */
export type ResultKind = 'proof' | 'dryrun';

/** A finished result saved under `key`, or undefined; read as data: the caller checks its shape. */
export function readResult(dir: string, kind: ResultKind, key: string): unknown {
  try {
    const file = path.join(dir, `${key}.${kind}.json`);
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    touchUsed(file);
    return value;
  } catch {
    return undefined; // none, or not JSON: the caller works it out again
  }
}

/** Saves `value` as `readResult` reads it, whole or not at all; keeps the KEEP_RESULTS most recently used of its kind. */
export function writeResult(dir: string, kind: ResultKind, key: string, value: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, `${key}.${kind}.json`), JSON.stringify(value));
    pruneOldest(dir, `.${kind}.json`, KEEP_RESULTS);
  } catch {
    // read-only or full disk: the next run works it out again
  }
}

/**
 * Whether a result of `kind` in `dir` was saved or read (`readResult` touches it) at `since` (ms since the epoch) or
 * later: a guess that an earlier run of the same files, none changed since, saved the report this run will find. Only
 * for work worth starting when that report will not answer: a wrong guess costs time, never a different result.
 */
export function resultUsedSince(dir: string, kind: ResultKind, since: number): boolean {
  try {
    return (newestEntries(dir, `.${kind}.json`)[0]?.t ?? -Infinity) >= since;
  } catch {
    return false; // no such directory yet
  }
}

/** A key of `parts` (JSON), for a result: the same parts, the same key. */
export function resultKey(parts: unknown): string {
  return sha(JSON.stringify(parts)).slice(0, 32);
}

/** Where saved states live: a directory (across runs) or this process's memory (one proof). */
export interface StateStore<M> {
  get(key: string): CachedState<M> | undefined;
  put(key: string, tar: Buffer, meta: M): void;
}

export function memoryStore<M>(): StateStore<M> {
  const states = new Map<string, CachedState<M>>();
  return { get: (key) => states.get(key), put: (key, tar, meta) => void states.set(key, { tar, meta }) };
}

/**
 * The proof's store: this process's memory, and with a cache directory the disk too, read when memory has no such
 * state and written in the background (`saved()` resolves once every write is done: await it before exiting).
 */
export function provingStore<M>(dir: string | undefined): StateStore<M> & { saved(): Promise<void> } {
  const memory = memoryStore<M>();
  const writes: Promise<void>[] = [];
  return {
    get(key) {
      const here = memory.get(key);
      if (here || !dir) return here;
      const found = readCache<M>(dir, key);
      if (found) memory.put(key, found.tar, found.meta);
      return found;
    },
    put(key, tar, meta) {
      memory.put(key, tar, meta);
      if (dir) writes.push(writeCacheAsync(dir, key, tar, meta));
    },
    saved: async () => void (await Promise.all(writes)),
  };
}
