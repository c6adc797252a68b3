/**
 * How a WebAssembly module is compiled: V8 runs new code on its baseline compiler (Liftoff) and recompiles the
 * functions that run hot with its optimizing compiler (TurboFan), on background threads. For a short run the
 * recompiling costs more CPU (and memory) than the faster code saves; `baseline` compiles a module that is never
 * recompiled. Used for libpg-query in `lint` (src/cli/lint.ts) and for PGlite on a short shadow run
 * (src/dialects/postgres/shadow/pglite-files.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { RUNTIME_WASM_FLAGS, STARTED_BASELINE } from './respawn.js';

export type WasmTier = 'baseline' | 'optimizing';

/**
 * The tier a module compiled for `tier` gets in this process: baseline in a process started with `--liftoff-only`
 * (src/respawn.ts starts a short run on Node 24 so; the start-up flag is left alone), else `tier` where V8 honours
 * flags set at run time, else V8's default.
 */
export function effectiveTier(tier: WasmTier): WasmTier {
  return STARTED_BASELINE ? 'baseline' : RUNTIME_WASM_FLAGS ? tier : 'optimizing';
}

/** compiles in flight and queued, one at a time: V8's flag is the process's, and read while a module compiles */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `compile` (a `WebAssembly.compile`, or a loader that compiles) so that what it compiles gets `tier`, where V8
 * lets it (`effectiveTier`): for `baseline` with `--liftoff-only` set, set back once it is done. Compiles through here
 * run one after the other, so that one never gets the other's tier.
 *
 * What that does on V8 11.3 (Node 20.20), measured 2026-12-07: `--liftoff-only` implies `--no-wasm-tier-up` and
 * `--no-wasm-dynamic-tiering`, and `--no-liftoff-only` leaves those as they are, so after the first baseline compile no
 * module of the process tiers up, whatever tier it asked for: a module compiled `optimizing` later runs on Liftoff
 * too. Setting those two back as well is no fix: V8 reads them when a function runs hot, not when its module compiles,
 * so the baseline modules tiered up after all (lemmy's warm dry run: 3.1 s instead of 1.5 s). And any WebAssembly flag
 * changed at run time changes V8's flag hash, so from then on Node compiles each built-in module it loads from source
 * instead of from its code cache, in this thread and in every worker thread started later (a worker is ready in 80-100
 * instead of 50 ms); `--semi-space-growth-factor` is not part of the hash.
 */
export function compileAt<T>(tier: WasmTier, compile: () => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    // nothing to set: the tier asked is V8's default, the process started baseline-only, or V8 ignores the flag now
    if (tier !== 'baseline' || STARTED_BASELINE || !RUNTIME_WASM_FLAGS) return compile();
    setFlagsFromString('--liftoff-only');
    try {
      return await compile();
    } finally {
      setFlagsFromString('--no-liftoff-only');
    }
  };
  const done = queue.then(run, run);
  queue = done.catch(() => {});
  return done;
}
