/**
 * The PGlite engine itself, loaded only inside the worker thread of
 * pglite-worker.ts (PgliteShadow in pglite.ts talks to it): PGlite
 * runs its WebAssembly synchronously, so a statement that never returns would
 * block whatever thread it runs on. Off the main thread, a timer and a signal
 * handler can still run, and `worker.terminate()` stops it.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import INITDB from '../../../../data/pglite-initdb.json' with { type: 'json' };
import { writeFileAtomic } from '../../../cache-files.js';
import { inflateOptions } from '../../../shadow/unpacked-size.js';
import { compilePglite, ownBuffer, pgliteFilesUrl } from './pglite-files.js';
import type { WasmTier } from '../../../wasm-tier.js';

/**
 * A throwaway database needs no durability: no full-page images, minimal WAL,
 * no synchronous commit, no statistics collection. Replaying lemmy's 342
 * files took 25-50% less time with these. Semantics are unchanged.
 */
const FAST_SETTINGS = [
  'full_page_writes=off',
  'wal_level=minimal',
  'max_wal_senders=0',
  'synchronous_commit=off',
  'autovacuum=off',
  'track_counts=off',
  'track_activities=off',
  // a checkpoint removes old WAL segments instead of keeping them for reuse: smaller cached states
  'wal_recycle=off',
  // new WAL segments are not zero-filled first (a segment's worth of writes each, in memory)
  'wal_init_zero=off',
];
const FAST_PARAMS = FAST_SETTINGS.flatMap((s) => ['-c', s]);

/**
 * Shared buffers: every boot zero-fills shared memory, and on a 2-core VM each page's first touch is most of that.
 * 16 MB boots about 0.16 s sooner than 64 MB (0.2 s sooner than the default 128 MB) and peaks 50-65 MB lower per
 * engine; 4 MB another 0.06-0.1 s sooner (PostgreSQL's start in PGlite: 0.68 -> 0.58 s of a warm dry run's boot
 * on 2026-12-07) and 15-20 MB lower, with the same reports (lemmy's dry run, the Action's fixture). Pages that do
 * not fit go to PGlite's in-memory file system, which costs nothing measurable: lemmy's dry run (60 tables seeded)
 * and a 20 MB file of INSERTs ran as fast or faster at 16 MB than at 64. A run whose statements are timed for
 * estimates (`timed`) keeps 16 MB, the size the estimate model was calibrated at (scripts/calibrate-estimates.mjs,
 * 10,000 and 100,000 rows: within its run-to-run noise of 64 MB's), as does an engine whose work is not known.
 */
export type BufferSize = 'small' | 'calibrated';
const SHARED_BUFFERS: Record<BufferSize, string> = { small: '4MB', calibrated: '16MB' };

function startParams(buffers: BufferSize = 'calibrated'): string[] {
  // $ZERODOWN_PGLITE_SETTINGS: extra `name=value` settings, comma-separated (experiments, diagnostics)
  const extra = (process.env.ZERODOWN_PGLITE_SETTINGS ?? '').split(',').filter((x) => x.includes('='));
  return [
    ...PGlite.defaultStartParams,
    ...FAST_PARAMS,
    '-c',
    `shared_buffers=${SHARED_BUFFERS[buffers]}`,
    ...extra.flatMap((x) => ['-c', x.trim()]),
  ];
}

/**
 * A checkpoint, then the WAL segments after the one being written removed: segments a checkpoint recycled ahead
 * (initdb leaves four of its old ones renamed so, 4 MB of PGlite's 13 MB data directory) or preallocated. None holds
 * a record the data directory needs; the server creates each again when it gets there (`wal_init_zero` is off, so
 * that costs nothing). So every boot of the data directory zerodown ships, and of a saved state, unpacks them no more.
 */
export async function checkpointAndTrimWal(db: PGlite): Promise<void> {
  await db.exec('CHECKPOINT');
  const { rows } = await db.query<{ dir: string; current: string }>(
    "SELECT current_setting('data_directory') || '/pg_wal' AS dir, pg_walfile_name(pg_current_wal_insert_lsn()) AS current",
  );
  const { dir, current } = rows[0]!;
  const fs = db.Module.FS;
  // segment names are 24 hex digits (timeline, log, segment): in order as strings
  for (const name of fs.readdir(dir) as string[]) {
    if (/^[0-9A-F]{24}$/.test(name) && name > current) fs.unlink(`${dir}/${name}`);
  }
}

/**
 * Creates a pre-initialised data directory tarball (gzip): a cold initdb, with
 * the template databases dropped (they only double the size), a checkpoint, and no spare WAL.
 */
export async function makeDataDirSnapshot(db?: PGlite): Promise<Buffer> {
  const own = !db;
  const pg = db ?? new PGlite({ initDbStartParams: INITDB.params, startParams: startParams() });
  try {
    await pg.waitReady;
    for (const name of ['template0', 'template1']) {
      await pg.exec(`ALTER DATABASE ${name} IS_TEMPLATE false`);
      await pg.exec(`DROP DATABASE ${name}`);
    }
    await checkpointAndTrimWal(pg);
    const tar = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
    return gzipSync(tar, { level: 9 });
  } finally {
    if (own) await pg.close();
  }
}

export interface EngineBootOptions {
  /** extension bundle name → file path (`pgcrypto` → …/pgcrypto.tar.gz) */
  extensions: Record<string, string>;
  /** boot from this data directory tarball (uncompressed): a cached shadow state */
  dataDir?: Uint8Array;
  /**
   * the cached state comes after the request, in a message of its own (pglite.ts): the engine instantiates PGlite
   * meanwhile and waits for it only where it loads its data directory
   */
  stateFollows?: boolean;
  /** pre-initialised data directories (gzip) to try, best first; none: cold initdb */
  candidates: string[];
  /** after a cold initdb, write its data directory here for the next start */
  cacheTarget?: string;
  /**
   * PGlite's WebAssembly, compiled once by the main thread and shared by every worker: code V8 optimises
   * while one engine runs (its tier-up) then serves the next engines too
   */
  wasm?: WebAssembly.Module;
  /** the module the worker compiled ahead, before this request (pglite-worker.ts `CompileMessage`), instead */
  wasmAhead?: boolean;
  /** how a module this worker compiles itself (none came with the request) is compiled */
  tier?: WasmTier;
  /** shared buffers (`BufferSize`); default calibrated */
  buffers?: BufferSize;
}

/**
 * The bytes as PGlite reads a `loadDataDir` or `fsBundle`: it only calls `arrayBuffer()` (and reads `type`, `name`),
 * so the buffer is handed over as it is. A `Blob` copies the bytes in and `arrayBuffer()` copies them out again, in
 * 64 KB chunks: for a 43 MB cached state that is about 0.2 s of a boot (test/shadow/pglite-boot.test.ts pins that
 * PGlite still reads it).
 *
 * PGlite keeps what it reads as its files' storage and writes into it: the file system bundle's files are views into
 * it, and so are a data directory's in the bundle (scripts/pglite-patches.mjs, `untar-views`, `tar-files-owned`). So
 * the bytes are the engine's from the first read on: the caller gives them up (a view into a larger buffer is copied
 * out first). `again`: where a later read (a second engine booting in the same worker) gets its own bytes.
 */
export function bytesBlob(
  bytes: Uint8Array,
  type = 'application/octet-stream',
  again?: () => Promise<Uint8Array>,
): Blob {
  const whole = (b: Uint8Array) => ownBuffer(b) ?? (new Uint8Array(b).buffer as ArrayBuffer);
  let read = false;
  const arrayBuffer = async () => {
    if (!read) {
      read = true;
      return whole(bytes);
    }
    if (!again) throw new Error('bytesBlob: read twice, and its bytes were handed over on the first read');
    return whole(await again());
  };
  return { type, size: bytes.byteLength, arrayBuffer } as unknown as Blob;
}

/**
 * `bytesBlob` of bytes still on their way (`EngineBootOptions.stateFollows`): PGlite reads a `loadDataDir` once it is
 * instantiated, and waits for them there; none at all (the state could not be unpacked) fails that boot, as a
 * state PGlite refuses does.
 */
function lateBlob(
  bytes: Promise<Uint8Array | undefined>,
  type: string,
  arrived: () => void,
  wanted: () => void = () => {},
): Blob {
  const arrayBuffer = async () => {
    // PGlite asks for the data directory once it is instantiated: before the bytes arrive, they are the wait
    wanted();
    const b = await bytes;
    arrived();
    if (!b) throw new Error('the saved state could not be unpacked');
    return bytesBlob(b, type).arrayBuffer();
  };
  return { type, size: 0, arrayBuffer } as unknown as Blob;
}

/** PGlite's WebAssembly, compiled, and its file system bundle (pglite.data), read. */
export interface EngineArtifacts {
  wasm: WebAssembly.Module;
  fsBundle: Blob;
}

/**
 * Starts reading and compiling PGlite's WebAssembly (9 MB; compiled on V8's background
 * threads) and reading its file system bundle, as soon as the worker starts. PGlite alone
 * starts both only once it is constructed, after the data directory is gunzipped, and the
 * compile only after the bundle is read. Undefined when the files are not there: PGlite then
 * loads them itself.
 *
 * `compiled`: the module the main thread compiled once for every worker of the process
 * (pglite.ts, `compileEngine`), sent with the open request; this worker then only reads the bundle. Or the request
 * says `wasmAhead`: the module this worker compiled before it (`ahead`, pglite-worker.ts `CompileMessage`).
 */
export function prefetchArtifacts(
  compiled?: Promise<{ wasm?: WebAssembly.Module; tier?: WasmTier; wasmAhead?: boolean }>,
  ahead: () => Promise<WebAssembly.Module> | undefined = () => undefined,
): Promise<EngineArtifacts | undefined> {
  const bundle = () => readFile(new URL('pglite.data', pgliteFilesUrl()));
  return Promise.all([
    compiled
      ? compiled.then((m) => m.wasm ?? (m.wasmAhead ? ahead() : undefined) ?? compilePglite(m.tier))
      : compilePglite(),
    bundle(),
  ]).then(
    ([wasm, data]) => ({ wasm, fsBundle: bytesBlob(data, 'application/octet-stream', bundle) }),
    () => undefined,
  );
}

export interface BootedEngine {
  db: PGlite;
  boot: 'cache' | 'datadir' | 'initdb';
  bootFile?: string;
}

/**
 * Whether the next engine leaves its extensions' libraries for PostgreSQL to load when it first calls into them
 * (`saved`: it boots a saved state, whose history created its extensions, and most runs on it call none of them),
 * instead of PGlite compiling and linking each one as it boots: the bundle patch `extension-library-on-use`
 * (scripts/pglite-patches.mjs) reads this. Lemmy's warm dry run (pgcrypto, pg_trgm, ltree) boots 60-80 ms sooner. An
 * engine that replays a history preloads them: its CREATE EXTENSION loads each one anyway, and a library PostgreSQL
 * loads itself holds about 10 MB more (it is read into PostgreSQL's heap first).
 */
function librariesOnUse(saved: boolean): void {
  (globalThis as { __zdLibrariesOnUse?: boolean }).__zdLibrariesOnUse = saved;
}

/**
 * Boots PGlite: from a cached state, else a shipped data directory, else a cold initdb.
 * `artifacts`: PGlite's files, already being read and compiled (prefetchArtifacts);
 * `mark` names each step as it is reached (the boot trace of ZERODOWN_TRACE).
 */
export async function bootEngine(
  opts: EngineBootOptions,
  {
    artifacts,
    mark = () => {},
    state,
  }: {
    artifacts?: Promise<EngineArtifacts | undefined>;
    mark?: (step: string) => void;
    /** the cached state that follows the request (`stateFollows`), as it arrives */
    state?: Promise<Uint8Array | undefined>;
  } = {},
): Promise<BootedEngine> {
  const extensions: Record<string, URL> = {};
  for (const [name, file] of Object.entries(opts.extensions)) extensions[name] = pathToFileURL(file);
  let files: { pgliteWasmModule?: WebAssembly.Module; fsBundle?: Blob } = {};
  const useArtifacts = async () => {
    const a = await artifacts;
    files = a ? { pgliteWasmModule: a.wasm, fsBundle: a.fsBundle } : {};
    mark(a ? 'wasm compiled' : 'no prefetched wasm');
  };
  const tryBoot = async (tar: Uint8Array | Promise<Uint8Array | undefined>, saved: boolean) => {
    let db: PGlite | undefined;
    try {
      const arrived = () => mark('tarball ready');
      // bytes still on their way (`stateFollows`) are marked as they arrive
      const loadDataDir =
        tar instanceof Uint8Array
          ? (arrived(), bytesBlob(tar, 'application/x-tar'))
          : lateBlob(tar, 'application/x-tar', arrived, () => mark('tarball wanted'));
      await useArtifacts();
      librariesOnUse(saved);
      db = new PGlite({
        loadDataDir,
        extensions,
        startParams: startParams(opts.buffers),
        ...files,
      });
      await db.waitReady;
      mark('PGlite ready');
      return db;
    } catch {
      // a data directory from another PGlite version does not boot: fall back
      await db?.close().catch(() => {});
      return undefined;
    }
  };
  const saved = opts.dataDir ?? state;
  if (saved) {
    const db = await tryBoot(saved, true);
    if (db) return { db, boot: 'cache' };
  }
  for (const file of opts.candidates) {
    if (!existsSync(file)) continue;
    let tar: Buffer;
    try {
      const gz = readFileSync(file);
      tar = gunzipSync(gz, inflateOptions(gz));
    } catch {
      continue;
    }
    const db = await tryBoot(tar, false);
    if (db) return { db, boot: 'datadir', bootFile: file };
  }
  mark('initdb');
  await useArtifacts();
  librariesOnUse(false);
  const db = new PGlite({
    extensions,
    startParams: startParams(opts.buffers),
    initDbStartParams: INITDB.params,
    ...files,
  });
  await db.waitReady;
  mark('PGlite ready');
  if (opts.cacheTarget) await writeSnapshotCache(opts.cacheTarget, db);
  return { db, boot: 'initdb' };
}

/** After a cold start in a checkout: write the data directory cache for the next run (best effort). */
async function writeSnapshotCache(target: string, db: PGlite): Promise<void> {
  try {
    // the fresh instance is still empty: snapshot it rather than paying for a second initdb
    const gz = await makeDataDirSnapshot(db);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, gz);
  } catch {
    // read-only install: the next run cold-starts again, nothing breaks
  }
}
