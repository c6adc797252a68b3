/**
 * The embedded engine: PGlite (PostgreSQL compiled to WebAssembly), run in a worker thread.
 *
 * Cold start runs initdb (3.5–6 s). Instead, the engine boots from a
 * pre-initialised data directory (`pglite-datadir.tgz`): shipped next to the
 * bundled CLI in dist/, or cached under node_modules/.cache/zerodown in a
 * checkout (created on first use, keyed by the PGlite version and the initdb
 * options of data/pglite-initdb.json).
 *
 * PGlite runs in a worker thread (pglite-worker.ts): its WebAssembly
 * runs synchronously, and a statement that never returns (`LOOP END LOOP`,
 * `pg_sleep(600)`, `COPY … FROM PROGRAM`) would otherwise block the event loop,
 * so that no timer and no signal handler could run. Every call is bounded by
 * the shadow's time limit; past it, the worker is terminated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { moduleAhead, takeWorker } from './worker-start.js';
import type { EngineLimit, Shadow, ShadowStop } from '../../../shadow/driver.js';
import { majorVersion, ShadowStoppedError, timeoutMsOf, withinBound } from '../../../shadow/driver.js';
import type { StateMessage, WorkerCall, WorkerReply, WorkerRequest } from './pglite-worker.js';
import type { BufferSize } from './pglite-engine.js';
import { trackShadow, untrackShadow } from '../../../shadow/registry.js';
import { postgresProbes } from './probes.js';
import { compilePglite, ownBuffer } from './pglite-files.js';
import { effectiveTier, type WasmTier } from '../../../wasm-tier.js';
import { availableBundles, bundleDirs, BUILTIN_EXTENSIONS, resolveBundles } from './extensions.js';
import INITDB from '../../../../data/pglite-initdb.json' with { type: 'json' };

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

export interface PgliteOptions {
  extensions?: string[];
  /** skip the pre-initialised data directory (tests of the cold path) */
  cold?: boolean;
  /**
   * boot from this data directory tarball (uncompressed) instead: a cached shadow state; a function is called once
   * the open request is on its way, while the worker instantiates PGlite, and what it returns follows the request
   * (undefined from it: the engine boots as without one, the instantiation spent)
   */
  dataDir?: Buffer | (() => Buffer | undefined);
  /** `dataDir` is handed over: its memory goes to the worker as it is (the caller's buffer is empty afterwards) */
  handOver?: boolean;
  /** wall-clock bound per statement, ms (default 30 s) */
  timeoutMs?: number;
  /** how its WebAssembly is compiled (pglite-files.ts `tierFor`); default optimizing */
  tier?: WasmTier;
  /** its shared buffers (pglite-engine.ts `BufferSize`; pglite-files.ts `buffersFor`); default calibrated */
  buffers?: BufferSize;
}

const compiled = new Map<WasmTier, Promise<WebAssembly.Module | undefined>>();

/**
 * PGlite's WebAssembly (9 MB), compiled once per tier for the whole process, on V8's background threads, and sent
 * to every engine's worker thread with its open request. Compiled per worker, each engine ran its first statements
 * on baseline code; shared, the code V8 optimises while one engine runs serves the next ones too (the plan proof's
 * later engines booted about 0.25 s sooner and ran their SQL about twice as fast), and a baseline module is compiled
 * once. A front end that knows a dry run follows calls this before it lints, so the compile overlaps the lint.
 * Undefined when the file is not found (a worker then compiles its own).
 */
export function compileEngine(asked: WasmTier = 'optimizing'): Promise<WebAssembly.Module | undefined> {
  // where V8 gives every module the process's tier (src/wasm-tier.ts), one module serves both
  const tier = effectiveTier(asked);
  let module = compiled.get(tier);
  if (!module) {
    // the worker started ahead compiles it already, on its own thread (worker-start.ts `compileAhead`), and sends
    // it back: the process's other engines share that one
    const own = () => compilePglite(tier).catch(() => undefined);
    const ahead = moduleAhead(tier);
    module = ahead ? ahead.then((m) => m ?? own()) : own();
    compiled.set(tier, module);
  }
  return module;
}

/** Booting and dumping the data directory are our own work, bounded by this rather than the statement limit. */
const BOOT_TIMEOUT_MS = 120_000;

/** how often the history replay's write-ahead log is measured (statements), and how much of it is kept (see `settle`) */
const SETTLE_STATEMENTS = 100;
const SETTLE_WAL_BYTES = 8 << 20;
const WAL_POSITION = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::float8 AS wal";

export class PgliteShadow implements Shadow {
  readonly kind = 'pglite' as const;
  readonly probes = postgresProbes;
  readonly limits: EngineLimit[] = [];
  engine = 'pglite';
  serverVersion = 0;
  boot = '';
  /** the data directory tarball it booted from, when it did */
  bootFile?: string;
  /** it runs the process's one compiled PGlite module (compileEngine), not one its worker compiled */
  wasmShared = false;
  readonly timeoutMs: number;
  stopped?: ShadowStop;
  /** extensions the migrations mention that PGlite does not bundle */
  missing = new Set<string>();
  private closed = false;
  private readonly available: Set<string>;
  private readonly worker: Worker;
  /** the tier its worker, started ahead, compiles PGlite's WebAssembly for (worker-start.ts `compileAhead`) */
  private readonly compilingAhead?: WasmTier;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private seq = 0;
  private exited?: string;

  private constructor(available: Set<string>, timeoutMs: number) {
    this.available = available;
    this.timeoutMs = timeoutMs;
    const taken = takeWorker();
    this.worker = taken.worker;
    this.compilingAhead = taken.compiling;
    // an idle engine does not keep the process alive (one a caller forgot to close included)
    this.worker.unref();
    this.worker.on('message', (r: WorkerReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (!this.pending.size) this.worker.unref();
      if (r.ok) p.resolve(r.value);
      else p.reject(Object.assign(new Error(String(r.error.message)), r.error));
    });
    const gone = (why: string) => {
      this.exited ??= why;
      for (const p of this.pending.values()) p.reject(new ShadowStoppedError(why));
      this.pending.clear();
    };
    this.worker.on('error', (err) => gone(`the PGlite worker failed: ${err.message}`));
    this.worker.on('exit', (code) => gone(`the PGlite worker exited (${code})`));
  }

  private send(req: WorkerCall, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.stopped) return Promise.reject(new ShadowStoppedError(`a statement overran ${this.stopped.seconds} s`));
    if (this.closed || this.exited) return Promise.reject(new ShadowStoppedError(this.exited ?? 'closed'));
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...req, id } as WorkerRequest, transfer);
    });
  }

  /** Sends a request bounded by `ms`; past it the worker (and the statement with it) is terminated. */
  private bounded(req: WorkerCall, sql: string, ms = this.timeoutMs, transfer?: ArrayBuffer[]): Promise<unknown> {
    return withinBound(this.send(req, transfer), ms, sql, async () => {
      this.stopped = { seconds: ms / 1000, sql: sql.slice(0, 200) };
      await this.worker.terminate();
    });
  }

  static async open(opts: PgliteOptions = {}): Promise<PgliteShadow> {
    const inst = pgliteInstall();
    const bundles = availableBundles(bundleDirs(moduleDir(), inst?.dist));
    const { load, missing } = resolveBundles(opts.extensions ?? [], bundles);
    const extensions: Record<string, string> = {};
    for (const b of load) extensions[path.basename(b.file, '.tar.gz')] = b.file;
    const loaded = new Set<string>(BUILTIN_EXTENSIONS);
    for (const [name, file] of bundles) if (load.some((b) => b.file === file)) loaded.add(name);

    // ZERODOWN_TRACE: when each step of the boot was reached, on both threads
    const trace = !!process.env.ZERODOWN_TRACE;
    const now = () => performance.timeOrigin + performance.now();
    const t0 = now();
    const shadow = new PgliteShadow(loaded, opts.timeoutMs ?? timeoutMsOf());
    let online = 0;
    if (trace) shadow.worker.once('online', () => (online = now()));
    // registered before it boots: Ctrl-C during a cold start stops the worker too
    trackShadow(shadow);
    try {
      const target = opts.cold ? undefined : cacheTarget();
      const tier = opts.tier ?? 'optimizing';
      // compiled on V8's threads, as the worker thread starts (the constructor); or, in a worker started ahead, by
      // that worker for this tier: it runs its own
      const ahead = shadow.compilingAhead === effectiveTier(tier);
      const compiling = ahead ? undefined : compileEngine(tier);
      // a cached state is tens of MB: handed over to the worker rather than cloned into it (a structured clone
      // copies it twice more); copied once first unless the caller gives it up (it may boot from it again), or it
      // shares its memory (a view into a larger buffer, such as Node's pool, must not be taken from under others)
      const owned = (d: Buffer | undefined) => {
        const own = d && opts.handOver ? ownBuffer(d) : undefined;
        return own ? new Uint8Array(own) : d ? new Uint8Array(d) : undefined;
      };
      // a state given as a function is unpacked once the request is sent, while the worker instantiates PGlite (it
      // waits for the state only where it loads its data directory): lemmy's warm dry run, 30 MB unpacked on the
      // main thread in 0.13 s while the worker's thread sat idle, boots that much sooner
      const late = typeof opts.dataDir === 'function' ? opts.dataDir : undefined;
      const dataDir = late ? undefined : owned(opts.dataDir as Buffer | undefined);
      const wasm = await compiling;
      const opening = shadow.ownWork(
        {
          op: 'open',
          opts: {
            extensions,
            candidates: opts.cold ? [] : dataDirCandidates(),
            ...(dataDir ? { dataDir } : {}),
            ...(late ? { stateFollows: true } : {}),
            ...(target ? { cacheTarget: target } : {}),
            ...(wasm ? { wasm } : {}),
            ...(ahead ? { wasmAhead: true } : {}),
            tier,
            ...(opts.buffers ? { buffers: opts.buffers } : {}),
          },
        },
        'booting PGlite',
        dataDir ? [dataDir.buffer] : [],
      );
      if (late) {
        const state = owned(late());
        shadow.worker.postMessage(
          { op: 'state', ...(state ? { dataDir: state } : {}) } satisfies StateMessage,
          state ? [state.buffer] : [],
        );
      }
      const booted = (await opening) as {
        boot: string;
        bootFile?: string;
        serverVersion: string;
        marks: [string, number][];
      };
      if (trace) {
        // 'worker online' is seen only once this thread is free (after parsing): a late figure is the parse
        // (a worker started ahead was online before: not seen here)
        const seen = online ? [['worker online (seen)', online] as const] : [];
        const steps = [...booted.marks, ...seen, ['reply received', now()] as const];
        const list = steps.map(([step, t]) => `${step} +${Math.round(t - t0)}`).join(', ');
        process.stderr.write(
          `zerodown: PGlite boot (${booted.boot}, ${effectiveTier(tier)} code${ahead ? ' compiled ahead' : ''}), open at +${Math.round(t0 - performance.timeOrigin)} ms of the process; ms after open: ${list}\n`,
        );
      }
      shadow.boot = booted.boot;
      shadow.wasmShared = !!wasm || ahead;
      if (booted.bootFile) shadow.bootFile = booted.bootFile;
      shadow.serverVersion = majorVersion(booted.serverVersion);
      shadow.engine = `pglite ${booted.serverVersion.split(' ')[0]}`;
    } catch (err) {
      await shadow.close();
      throw err;
    }
    // a name only seen in a comment must not become a limit: it is reported when a CREATE EXTENSION fails
    shadow.missing = new Set(missing);
    return shadow;
  }

  /**
   * zerodown's own work on the engine, not the migration's (booting, checkpoints, dumping the data directory):
   * bounded by BOOT_TIMEOUT_MS, or the statement limit when that is longer.
   */
  private ownWork(req: WorkerCall, what: string, transfer?: ArrayBuffer[]): Promise<unknown> {
    return this.bounded(req, what, Math.max(BOOT_TIMEOUT_MS, this.timeoutMs), transfer);
  }

  /** The current data directory as an uncompressed tarball (for the shadow cache). */
  async dumpDataDir(): Promise<Buffer> {
    const bytes = (await this.ownWork(
      { op: 'dumpDataDir' },
      'CHECKPOINT and dump of the data directory',
    )) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  saveState(): Promise<Buffer> {
    return this.dumpDataDir();
  }

  extensionAvailable(name: string): boolean {
    return this.available.has(name);
  }

  async exec(sql: string): Promise<void> {
    await this.bounded({ op: 'exec', sql }, sql);
  }

  /** statements run since the write-ahead log was last measured, and where it stood after the last checkpoint */
  private unsettled = 0;
  private walAtCheckpoint?: number;

  /**
   * PostgreSQL in PGlite has no checkpointer: every WAL segment written stays in its in-memory file system until a
   * CHECKPOINT (lemmy's 342 files of DDL: 41 MB of WAL). Every SETTLE_STATEMENTS statements of history the log is
   * measured, and past SETTLE_WAL_BYTES since the last checkpoint it is checkpointed (old segments are removed:
   * `wal_recycle=off`). Lemmy's cold dry run peaks 10-15 MB lower, the next file after a 20 MB history of INSERTs 36
   * MB lower, in the same time. A failure (a transaction a broken file left aborted) is ignored: the log stays.
   */
  async settle(statements: number): Promise<void> {
    this.unsettled += statements;
    if (this.unsettled < SETTLE_STATEMENTS || this.stopped || this.closed) return;
    this.unsettled = 0;
    // our own work (`ownWork`): a short --shadow-timeout never stops the engine on a checkpoint and blames the next
    // history file
    try {
      const wal = async () =>
        Number(
          ((await this.ownWork({ op: 'query', sql: WAL_POSITION }, 'the WAL position')) as { wal: number }[])[0]?.wal,
        );
      const now = await wal();
      if (this.walAtCheckpoint !== undefined && now - this.walAtCheckpoint < SETTLE_WAL_BYTES) return;
      await this.ownWork({ op: 'exec', sql: 'CHECKPOINT' }, 'CHECKPOINT of the history replayed so far');
      this.walAtCheckpoint = await wal();
    } catch {
      // not now: the next call measures again
    }
  }

  async timed(sql: string): Promise<number> {
    return (await this.bounded({ op: 'timed', sql }, sql)) as number;
  }

  async query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]> {
    return (await this.bounded({ op: 'query', sql, ...(params ? { params } : {}) }, sql)) as T[];
  }

  /** Stops the engine at once, running statement or not (the data directory is in memory: nothing to save). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    untrackShadow(this);
    await this.worker.terminate();
  }
}
