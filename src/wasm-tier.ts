/**
 * How a WebAssembly module is compiled: V8 runs new code on its baseline compiler (Liftoff) and recompiles the
 * functions that run hot with its optimizing compiler (TurboFan), on background threads. For a short run the
 * recompiling costs more CPU (and memory) than the faster code saves; `baseline` compiles a module that is never
 * recompiled. Used for libpg-query in `lint` (src/cli/lint.ts) and for PGlite on a short shadow run
 * (src/dialects/postgres/shadow/pglite-files.ts).
 */
import { setFlagsFromString } from 'node:v8';

export type WasmTier = 'baseline' | 'optimizing';

const LIFTOFF_ONLY = '--liftoff-only';

/**
 * Whether a flag set around one compile gives that module its tier (V8 before 13: Node 20 and 22): there
 * `--liftoff-only` implies the two flags below as it is set, and they stay (see `compileAt`).
 */
export const RUNTIME_WASM_FLAGS = Number(process.versions.v8.split('.')[0]) < 13;

/**
 * `--liftoff-only` and what it implies when given on Node's command line. V8 13 (Node 24) implies nothing when it is
 * set at run time, and reads the two tiering flags when a function runs hot, not when its module compiles: set
 * alone, `--liftoff-only` changed nothing, and after libpg-query's first statements V8 optimized its grammar function
 * (100 KB of WebAssembly: 0.66 s of CPU and 610 MB). All three set at run time, for good, do what the command-line
 * flag does: three corpus projects linted on Node 24.22.3 in 0.77 s and 102 MB, against 2.13-2.38 s and 657 MB with
 * any one of them alone (2026-12-07).
 */
const BASELINE_FLAGS = [LIFTOFF_ONLY, '--no-wasm-tier-up', '--no-wasm-dynamic-tiering'];

/** Whether every module this process compiles gets baseline code: started with `--liftoff-only`, or `baselineProcess`. */
let baselineOnly = process.execArgv.includes(LIFTOFF_ONLY);

/**
 * Makes every WebAssembly module this process compiles from now on baseline-only, where a flag set around one compile
 * would not do (V8 13: Node 24), or on any Node with `ZERODOWN_WASM_BASELINE=1` (the tests); `=0` leaves V8's
 * default. The commands that parse for a short run call it first (src/cli/bin.ts, src/action/main.ts), before any
 * module compiles. Node 24 used to start again with `--liftoff-only` for this: one more start of Node (35-110 ms),
 * and Node's own modules compiled from source. Returns whether the process is baseline-only.
 */
export function baselineProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  if (baselineOnly || env.ZERODOWN_WASM_BASELINE === '0') return baselineOnly;
  if (RUNTIME_WASM_FLAGS && env.ZERODOWN_WASM_BASELINE !== '1') return false;
  for (const flag of BASELINE_FLAGS) setFlagsFromString(flag);
  baselineOnly = true;
  if (env.ZERODOWN_TRACE)
    process.stderr.write(`zerodown: WebAssembly on baseline code for this process (${BASELINE_FLAGS.join(' ')})\n`);
  return true;
}

/**
 * The tier a module compiled for `tier` gets in this process: baseline in a baseline-only process
 * (`baselineProcess`), else `tier` where V8 honours a flag set around one compile, else V8's default.
 */
export function effectiveTier(tier: WasmTier): WasmTier {
  return baselineOnly ? 'baseline' : RUNTIME_WASM_FLAGS ? tier : 'optimizing';
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
    // nothing to set: the tier asked is V8's default, the process is baseline-only already (`baselineProcess`), or
    // a flag set around one compile would not hold (V8 13)
    if (tier !== 'baseline' || baselineOnly || !RUNTIME_WASM_FLAGS) return compile();
    setFlagsFromString(LIFTOFF_ONLY);
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
