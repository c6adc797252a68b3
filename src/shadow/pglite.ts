/**
 * The embedded engine: PGlite (PostgreSQL compiled to WebAssembly, in-process).
 *
 * Cold start runs initdb (3.5–6 s). Instead, the engine boots from a
 * pre-initialised data directory (`pglite-datadir.tgz`): shipped next to the
 * bundled CLI in dist/, or cached under node_modules/.cache/zerodown in a
 * checkout (created on first use, keyed by the PGlite version and the initdb
 * options of data/pglite-initdb.json).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import type { EngineLimit, Shadow } from './driver.js';
import { majorVersion } from './driver.js';
import { availableBundles, bundleDirs, BUILTIN_EXTENSIONS, resolveBundles } from './extensions.js';
import INITDB from '../../data/pglite-initdb.json' with { type: 'json' };

/** initdb options of the shipped data directory and of a cold start (data/pglite-initdb.json says why). */
export const INITDB_PARAMS: string[] = INITDB.params;

export const DATADIR_FILE = 'pglite-datadir.tgz';

/** Directory of this module: src/shadow in a checkout, dist/ when bundled. */
function moduleDir(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

interface PgliteInstall {
  /** directory holding pglite.wasm and the extension bundles */
  dist: string;
  version: string;
}

let installCache: PgliteInstall | null | undefined;

/** The installed @electric-sql/pglite package, when there is one (not in a copied dist/). */
export function pgliteInstall(): PgliteInstall | undefined {
  if (installCache !== undefined) return installCache ?? undefined;
  installCache = null;
  try {
    const req = createRequire(import.meta.url);
    const main = req.resolve('@electric-sql/pglite');
    let dir = path.dirname(main);
    for (let i = 0; i < 4; i++) {
      const pkg = path.join(dir, 'package.json');
      if (existsSync(pkg)) {
        const json = JSON.parse(readFileSync(pkg, 'utf8'));
        if (json.name === '@electric-sql/pglite') {
          installCache = { dist: path.dirname(main), version: String(json.version) };
          break;
        }
      }
      dir = path.dirname(dir);
    }
  } catch {
    // bundled and copied elsewhere: no package to resolve
  }
  return installCache ?? undefined;
}

/** node_modules/.cache/zerodown of the checkout, when PGlite is installed. */
function cacheDir(): string | undefined {
  const inst = pgliteInstall();
  if (!inst) return undefined;
  const idx = inst.dist.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (idx < 0) return undefined;
  return path.join(inst.dist.slice(0, idx), 'node_modules', '.cache', 'zerodown');
}

/** Where a pre-initialised data directory may be found, best first. */
export function dataDirCandidates(): string[] {
  const out: string[] = [];
  if (process.env.ZERODOWN_PGLITE_DATADIR) out.push(process.env.ZERODOWN_PGLITE_DATADIR);
  out.push(path.join(moduleDir(), DATADIR_FILE));
  const cached = cacheTarget();
  if (cached) out.push(cached);
  return out;
}

/** Version of the PGlite this runs: the installed package, or the sidecar shipped next to the bundle. */
export function pgliteVersion(): string {
  const inst = pgliteInstall();
  if (inst) return inst.version;
  try {
    return String(JSON.parse(readFileSync(path.join(moduleDir(), 'pglite-datadir.json'), 'utf8')).pglite);
  } catch {
    return 'unknown';
  }
}

/** The cache file a checkout writes after a cold start, so the next start is fast. */
function cacheTarget(): string | undefined {
  const cache = cacheDir();
  const inst = pgliteInstall();
  return cache && inst ? path.join(cache, `pglite-datadir-${inst.version}-${INITDB.tag}.tgz`) : undefined;
}

/**
 * Creates a pre-initialised data directory tarball (gzip): a cold initdb, with
 * the template databases dropped (they only double the size) and a checkpoint.
 * Used by scripts/make-pglite-snapshot.mjs and by the first cold start in a checkout.
 */
export async function makeDataDirSnapshot(db?: PGlite): Promise<Buffer> {
  const own = !db;
  const pg = db ?? new PGlite({ initDbStartParams: INITDB_PARAMS, startParams: startParams() });
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

export interface PgliteOptions {
  extensions?: string[];
  /** skip the pre-initialised data directory (tests of the cold path) */
  cold?: boolean;
  /** boot from this data directory tarball (uncompressed) instead: a cached shadow state */
  dataDir?: Buffer;
}

export class PgliteShadow implements Shadow {
  readonly kind = 'pglite' as const;
  readonly limits: EngineLimit[] = [];
  engine = 'pglite';
  serverVersion = 0;
  boot = '';
  /** the data directory tarball it booted from, when it did */
  bootFile?: string;
  private closed = false;
  private readonly available: Set<string>;

  private constructor(
    private readonly db: PGlite,
    available: Set<string>,
  ) {
    this.available = available;
  }

  static async open(opts: PgliteOptions = {}): Promise<PgliteShadow> {
    const inst = pgliteInstall();
    const bundles = availableBundles(bundleDirs(moduleDir(), inst?.dist));
    const { load, missing } = resolveBundles(opts.extensions ?? [], bundles);
    const extensions: Record<string, URL> = {};
    for (const b of load) extensions[path.basename(b.file, '.tar.gz')] = pathToFileURL(b.file);
    const loaded = new Set<string>(BUILTIN_EXTENSIONS);
    for (const [name, file] of bundles) if (load.some((b) => b.file === file)) loaded.add(name);

    let db: PGlite | undefined;
    let boot = 'initdb';
    let bootFile: string | undefined;
    if (opts.dataDir) {
      try {
        db = new PGlite({ loadDataDir: new Blob([opts.dataDir]), extensions, startParams: startParams() });
        await db.waitReady;
        boot = 'cache';
      } catch {
        await db?.close().catch(() => {});
        db = undefined;
      }
    }
    if (!db && !opts.cold) {
      for (const file of dataDirCandidates()) {
        if (!existsSync(file)) continue;
        try {
          const tar = gunzipSync(readFileSync(file));
          db = new PGlite({ loadDataDir: new Blob([tar]), extensions, startParams: startParams() });
          await db.waitReady;
          boot = 'datadir';
          bootFile = file;
          break;
        } catch {
          // a data directory from another PGlite version does not boot: fall back
          try {
            await db?.close();
          } catch {
            /* ignore */
          }
          db = undefined;
        }
      }
    }
    if (!db) {
      db = new PGlite({ extensions, startParams: startParams(), initDbStartParams: INITDB_PARAMS });
      await db.waitReady;
      const target = opts.cold ? undefined : cacheTarget();
      if (target) await writeSnapshotCache(target, db);
    }
    const shadow = new PgliteShadow(db, loaded);
    shadow.boot = boot;
    if (bootFile) shadow.bootFile = bootFile;
    const [row] = await shadow.query<{ server_version: string }>('SHOW server_version');
    shadow.serverVersion = majorVersion(row!.server_version);
    shadow.engine = `pglite ${row!.server_version.split(' ')[0]}`;
    // a name only seen in a comment must not become a limit: it is reported when a CREATE EXTENSION fails
    shadow.missing = new Set(missing);
    return shadow;
  }

  /** The current data directory as an uncompressed tarball (for the shadow cache). */
  async dumpDataDir(): Promise<Buffer> {
    await this.db.exec('CHECKPOINT');
    return Buffer.from(await (await this.db.dumpDataDir('none')).arrayBuffer());
  }

  /** extensions the migrations mention that PGlite does not bundle */
  missing = new Set<string>();

  extensionAvailable(name: string): boolean {
    return this.available.has(name);
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]> {
    const r = await this.db.query<T>(sql, params as any[] | undefined);
    return r.rows;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.close();
  }
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
