/**
 * The PGlite engine itself, loaded only inside the worker thread of
 * pglite-worker.ts (PgliteShadow in pglite.ts talks to it): PGlite
 * runs its WebAssembly synchronously, so a statement that never returns would
 * block whatever thread it runs on. Off the main thread, a timer and a signal
 * handler can still run, and `worker.terminate()` stops it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import INITDB from '../../../../data/pglite-initdb.json' with { type: 'json' };

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
  // every boot zero-fills shared memory: 64 MB holds a seeded shadow of 60 tables (lemmy) with
  // room to spare, and boots about 40 ms sooner than the default 128 MB
  'shared_buffers=64MB',
];
const FAST_PARAMS = FAST_SETTINGS.flatMap((s) => ['-c', s]);

function startParams(): string[] {
  // $ZERODOWN_PGLITE_SETTINGS: extra `name=value` settings, comma-separated (experiments, diagnostics)
  const extra = (process.env.ZERODOWN_PGLITE_SETTINGS ?? '').split(',').filter((x) => x.includes('='));
  return [...PGlite.defaultStartParams, ...FAST_PARAMS, ...extra.flatMap((x) => ['-c', x.trim()])];
}

/**
 * Creates a pre-initialised data directory tarball (gzip): a cold initdb, with
 * the template databases dropped (they only double the size) and a checkpoint.
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
    await pg.exec('CHECKPOINT');
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
  /** pre-initialised data directories (gzip) to try, best first; none: cold initdb */
  candidates: string[];
  /** after a cold initdb, write its data directory here for the next start */
  cacheTarget?: string;
}

export interface BootedEngine {
  db: PGlite;
  boot: 'cache' | 'datadir' | 'initdb';
  bootFile?: string;
}

/**
 * Boots PGlite: from a cached state, else a shipped data directory, else a cold initdb.
 * `mark` names each step as it is reached (the boot trace of ZERODOWN_TRACE).
 */
export async function bootEngine(
  opts: EngineBootOptions,
  mark: (step: string) => void = () => {},
): Promise<BootedEngine> {
  const extensions: Record<string, URL> = {};
  for (const [name, file] of Object.entries(opts.extensions)) extensions[name] = pathToFileURL(file);
  const tryBoot = async (tar: Uint8Array): Promise<PGlite | undefined> => {
    let db: PGlite | undefined;
    try {
      mark('tarball ready');
      db = new PGlite({
        loadDataDir: new Blob([tar as Uint8Array<ArrayBuffer>]),
        extensions,
        startParams: startParams(),
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
  if (opts.dataDir) {
    const db = await tryBoot(opts.dataDir);
    if (db) return { db, boot: 'cache' };
  }
  for (const file of opts.candidates) {
    if (!existsSync(file)) continue;
    let tar: Buffer;
    try {
      tar = gunzipSync(readFileSync(file));
    } catch {
      continue;
    }
    const db = await tryBoot(tar);
    if (db) return { db, boot: 'datadir', bootFile: file };
  }
  mark('initdb');
  const db = new PGlite({ extensions, startParams: startParams(), initDbStartParams: INITDB.params });
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
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, gz);
    renameSync(tmp, target);
  } catch {
    // read-only install: the next run cold-starts again, nothing breaks
  }
}
