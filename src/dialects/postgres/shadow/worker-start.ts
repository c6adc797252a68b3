/**
 * Starting PGlite's worker thread (pglite-worker.ts), apart from the engine (./pglite.ts) so that the CLI's first step
 * can start one before loading the rest of zerodown (src/dialects/early.ts): Node's start of a worker and PGlite's
 * bundle evaluated in it then overlap the loading of zerodown's code, its discovery and parsing, which take the main
 * thread about 0.2 s before the dry run would start it. Nothing here loads PGlite itself.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { WasmTier } from '../../../wasm-tier.js';

/**
 * The worker: dist/pglite-worker.js next to the bundle; in a checkout (vitest, tsx) the .ts
 * file, loaded through tsx's loader registered inside the worker (`--import tsx` in a worker's
 * execArgv does not reach its module loader on Node 20).
 */
function startWorker(): Worker {
  // loaded here, when a worker starts: the CLI's first step loads this module for every dry run, which may start none
  // (worker_threads: a few ms on Node 24)
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const here = import.meta.url;
  // a young generation of 24 MB instead of V8's 48: PGlite's file system buffers that are replaced as files grow
  // (and the JavaScript garbage of its protocol) are freed at each scavenge, so a history replay holds less of them.
  // Lemmy's cold dry run peaks 283 instead of 302 MB (medians of 5, ABAB, 2026-12-07) in the same CPU time; its warm
  // run and the next file after a 20 MB history of INSERTs take as long or less. 16 MB: no lower; 2-8 MB: the replay
  // took 10-17% longer (docs/speed.md)
  const resourceLimits = { maxYoungGenerationSizeMb: 24 };
  if (!here.endsWith('.ts')) return new Worker(new URL('./pglite-worker.js', here), { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./pglite-worker.ts', here).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`,
    { eval: true, resourceLimits },
  );
}

/**
 * A worker started ahead of its engine (`startWorkerAhead`), whether it has exited since, and the tier it was asked to
 * compile PGlite's WebAssembly for (`compileAhead`).
 */
let spare: { worker: Worker; gone: boolean; compiling?: WasmTier } | undefined;

/**
 * Starts the next engine's worker thread now, while this thread still has work of its own (parsing the migrations,
 * finding and unpacking a saved state): Node's start of a worker and the evaluation of PGlite's bundle in it take
 * about 0.1 s on the second core, which the warm dry run otherwise waits for once the state is unpacked. The next
 * `PgliteShadow.open` takes it; until then it only waits for its open request, and it never keeps the process
 * alive. Returns it (the one already waiting, if any).
 */
export function startWorkerAhead(): Worker {
  if (spare && !spare.gone) return spare.worker;
  const s = { worker: startWorker(), gone: false };
  s.worker.unref();
  // an error before an engine takes it makes it exit; the next engine then starts another
  s.worker.on('error', () => {});
  s.worker.once('exit', () => (s.gone = true));
  spare = s;
  return s.worker;
}

/**
 * PGlite's WebAssembly compiled by the worker started ahead (`compileAhead`): for which tier, and the module as that
 * worker sends it back once compiled (undefined when the compile failed or the worker exited first).
 */
let ahead: { tier: WasmTier; module: Promise<WebAssembly.Module | undefined> } | undefined;

/**
 * Has the worker started ahead compile PGlite's WebAssembly for `tier` (the tier a module gets in this process,
 * `effectiveTier`) as soon as its own start is over, on its thread: the main thread is still loading zerodown and
 * parsing then, and the worker's thread would otherwise sit idle until the engine opens. The compile was the first
 * step after the open request (lemmy's warm dry run: 85-100 ms on a 2-core machine). The engine that takes the worker
 * runs that module; the worker sends it back too, for the process's other engines (`moduleAhead`). Asked once, and
 * before anything of PGlite compiled here: V8's WebAssembly flags are the process's (src/wasm-tier.ts), so the
 * caller asks once they are set. No worker ahead: nothing.
 */
export function compileAhead(tier: WasmTier): void {
  if (!spare || spare.gone || ahead) return;
  const { worker } = spare;
  let done!: (module: WebAssembly.Module | undefined) => void;
  const module = new Promise<WebAssembly.Module | undefined>((resolve) => (done = resolve));
  const compiled = (m: { op?: unknown; wasm?: WebAssembly.Module } | null) => {
    if (m?.op !== 'compiled') return;
    worker.off('message', compiled);
    done(m.wasm);
  };
  worker.on('message', compiled);
  worker.once('exit', () => done(undefined));
  spare.compiling = tier;
  ahead = { tier, module };
  worker.postMessage({ op: 'compile', tier });
}

/** The tier the worker started ahead compiles PGlite's WebAssembly for (`compileAhead`), while it waits. */
export function compilingAhead(): WasmTier | undefined {
  return spare && !spare.gone ? spare.compiling : undefined;
}

/** The module the worker started ahead compiled for `tier` (`compileAhead`), as it sends it back; else undefined. */
export function moduleAhead(tier: WasmTier): Promise<WebAssembly.Module | undefined> | undefined {
  return ahead?.tier === tier ? ahead.module : undefined;
}

/**
 * The worker `startWorkerAhead` started, when it is still there, with the tier it compiles for (`compileAhead`);
 * else a new one.
 */
export function takeWorker(): { worker: Worker; compiling?: WasmTier } {
  const s = spare;
  spare = undefined;
  if (!s || s.gone) return { worker: startWorker() };
  return s.compiling ? { worker: s.worker, compiling: s.compiling } : { worker: s.worker };
}
