/**
 * The worker thread that runs PGlite for PgliteShadow (pglite.ts).
 * One request at a time, in order: `{ id, op, … }` in, `{ id, ok, value }` or
 * `{ id, ok: false, error }` out. Built as its own bundle (dist/pglite-worker.js).
 */
import { parentPort } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { bootEngine, checkpointAndTrimWal, prefetchArtifacts, type EngineBootOptions } from './pglite-engine.js';
import { compilePglite } from './pglite-files.js';
import type { WasmTier } from '../../../wasm-tier.js';

export type WorkerRequest =
  | { id: number; op: 'open'; opts: EngineBootOptions }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'timed'; sql: string }
  | { id: number; op: 'query'; sql: string; params?: unknown[] }
  | { id: number; op: 'dumpDataDir' }
  | { id: number; op: 'close' };

/**
 * Compile PGlite's WebAssembly for `tier` now, before any open request (worker-start.ts `compileAhead`): an open
 * request with `wasmAhead` uses that module. Not a request: the answer is `{ op: 'compiled', wasm }` (no `wasm`: the
 * compile failed), with no id.
 */
export interface CompileMessage {
  op: 'compile';
  tier: WasmTier;
}

/**
 * The cached state an open request with `stateFollows` waits for (none: it could not be unpacked). Not a request: no
 * reply, and it is taken while the open request is still booting.
 */
export interface StateMessage {
  op: 'state';
  dataDir?: Uint8Array;
}

/** A request before it gets its id. */
export type WorkerCall = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export type WorkerReply =
  { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: Record<string, unknown> };

/** PostgreSQL error fields that survive the trip to the main thread (toSqlError reads them). */
const ERROR_FIELDS = ['name', 'message', 'code', 'detail', 'hint', 'position', 'where', 'severity'];

let db: PGlite | undefined;

/** Wall-clock time in ms, comparable across threads (the boot trace). */
const now = () => performance.timeOrigin + performance.now();
/** When each boot step was reached, for ZERODOWN_TRACE (PgliteShadow.open prints them). */
const marks: [string, number][] = [['worker module evaluated', now()]];

/**
 * Read (and compiled, when the open request brings no module compiled by the main thread) while the open request is
 * on its way and its data directory is unpacked.
 */
let given: (module: { wasm?: WebAssembly.Module; tier?: WasmTier; wasmAhead?: boolean }) => void = () => {};
/** the module compiled on `CompileMessage`, before any open request */
let ahead: Promise<WebAssembly.Module> | undefined;
const artifacts = prefetchArtifacts(new Promise((resolve) => (given = resolve)), () => ahead);

/** where the state an open request waits for goes when it arrives */
let stateArrives: ((dataDir: Uint8Array | undefined) => void) | undefined;

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'open': {
      marks.push(['open received', now()]);
      given(req.opts);
      const state = req.opts.stateFollows
        ? new Promise<Uint8Array | undefined>((resolve) => (stateArrives = resolve))
        : undefined;
      const booted = await bootEngine(req.opts, {
        artifacts,
        mark: (step) => marks.push([step, now()]),
        ...(state ? { state } : {}),
      });
      db = booted.db;
      const r = await db.query<{ server_version: string }>('SHOW server_version');
      return { boot: booted.boot, bootFile: booted.bootFile, serverVersion: r.rows[0]!.server_version, marks };
    }
    case 'exec':
      await db!.exec(req.sql);
      return undefined;
    case 'timed': {
      // measured here, on the thread that runs the statement: a clock read on the main thread sees this
      // thread's CPU time only as of its last scheduler tick while it still runs (a few ms stale on a busy
      // machine), and its wall time adds the message's trip. Two upper bounds of the engine's own work, the
      // tighter kept: the process's CPU time (other processes do not stretch it; this process's other
      // threads add to it) and the wall time (only other work on the machine stretches it)
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      await db!.exec(req.sql);
      const wall = performance.now() - w0;
      const c = process.cpuUsage(c0);
      const cpu = (c.user + c.system) / 1000;
      // no CPU time at all for a statement that took time is a coarse clock (Windows counts in 15.6 ms steps)
      return cpu > 0 ? Math.min(wall, cpu) : wall;
    }
    case 'query':
      return (await db!.query(req.sql, req.params as any[] | undefined)).rows;
    case 'dumpDataDir': {
      await checkpointAndTrimWal(db!);
      return new Uint8Array(await (await db!.dumpDataDir('none')).arrayBuffer());
    }
    case 'close':
      await db?.close();
      db = undefined;
      return undefined;
  }
}

const port = parentPort!;
port.on('message', (req: WorkerRequest | StateMessage | CompileMessage) => {
  if (req.op === 'compile') {
    marks.push(['compile ahead asked', now()]);
    ahead ??= compilePglite(req.tier);
    // sent back for the process's other engines (worker-start.ts `moduleAhead`); a compile that fails: the open
    // request's artifacts say so, PGlite loads its files itself, and the main thread compiles for the others
    ahead.then(
      (wasm) => {
        marks.push(['compiled ahead', now()]);
        port.postMessage({ op: 'compiled', wasm });
      },
      () => port.postMessage({ op: 'compiled' }),
    );
    return;
  }
  if (req.op === 'state') {
    stateArrives?.(req.dataDir);
    stateArrives = undefined;
    return;
  }
  handle(req).then(
    (value) => {
      const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
      port.postMessage({ id: req.id, ok: true, value } satisfies WorkerReply, transfer);
    },
    (err: unknown) => {
      const e = (err ?? {}) as Record<string, unknown>;
      const error: Record<string, unknown> = {};
      for (const k of ERROR_FIELDS) if (e[k] !== undefined && e[k] !== null) error[k] = e[k];
      if (error.message === undefined) error.message = String(err);
      port.postMessage({ id: req.id, ok: false, error } satisfies WorkerReply);
    },
  );
});
