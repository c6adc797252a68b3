/**
 * PGlite's own files as both threads find them: the worker (pglite-engine.ts) reads pglite.data and, when the main
 * thread sent none, compiles pglite.wasm; the main thread compiles pglite.wasm once for every worker (pglite.ts,
 * `compileEngine`). Imports nothing of PGlite, so the main thread does not load it.
 */
import { readFile } from 'node:fs/promises';
import type { ShadowWork } from '../../../dialect.js';
import type { BufferSize } from './pglite-engine.js';
import { compileAt, type WasmTier } from '../../../wasm-tier.js';

/** The global WebAssembly object (the project's TypeScript lib declares its types only). */
const wasmApi = (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<WebAssembly.Module> } })
  .WebAssembly;

/**
 * Where PGlite's pglite.wasm and pglite.data are: next to the bundle (dist/, where the build
 * copies them and where the bundled PGlite itself looks), or in the installed package.
 */
export function pgliteFilesUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./', import.meta.resolve('@electric-sql/pglite')) : new URL('./', here);
}

/** Above this much SQL to run, PGlite's code is optimized (see `tierFor`). */
export const BASELINE_MAX_SQL_CHARS = 8_000_000;

/**
 * How PGlite's WebAssembly is compiled for `work` (src/wasm-tier.ts): baseline for a short run; optimized for a long
 * one, and for a run that times statements for estimates (the speed `src/estimate/model.ts` was calibrated at).
 * Unknown work: optimized (a long run loses more on baseline code than a short one on optimized code).
 *
 * PostgreSQL's functions are big and many run hot at once, so on a short run recompiling them with V8's optimizing
 * compiler costs far more CPU than the faster code saves: measured on a 2-core machine (2026-12-07), baseline only
 * made the Action's first run on a small migration 2.08 → 1.43 s (3.7 → 2.3 CPU-s), `dry-run` of lemmy's 342 files
 * (0.6 MB of SQL) the same 3.0 s wall with 1 CPU-s and 85 MB less, a history of INSERTs of 2 MB 1.57 → 1.21 s and
 * 5 MB 2.27 → 2.05 s; at 10 MB both were within noise, and at 20 MB the optimized code was 5-19% faster.
 */
export function tierFor(work: ShadowWork | undefined): WasmTier {
  return !work || work.timed || work.sqlChars > BASELINE_MAX_SQL_CHARS ? 'optimizing' : 'baseline';
}

/** PGlite's WebAssembly (9 MB), read and compiled on V8's background threads. Rejects when the file is not there. */
export async function compilePglite(tier: WasmTier = 'optimizing'): Promise<WebAssembly.Module> {
  const bytes = await readFile(new URL('pglite.wasm', pgliteFilesUrl()));
  return compileAt(tier, () => wasmApi.compile(bytes));
}

/**
 * The shared buffers an engine boots with for `work` (pglite-engine.ts `BufferSize`): small, unless its statements
 * are timed for estimates or its work is not known.
 */
export function buffersFor(work: ShadowWork | undefined): BufferSize {
  return work && !work.timed ? 'small' : 'calibrated';
}

/**
 * The ArrayBuffer `bytes` spans whole, which can be handed to PGlite (or its worker) as it is; undefined for a view
 * into a larger or shared buffer (Node's pool, a SharedArrayBuffer), whose other bytes are not the caller's to give.
 */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer | undefined {
  const b = bytes.buffer;
  return b instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === b.byteLength ? b : undefined;
}
