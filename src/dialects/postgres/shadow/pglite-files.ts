/**
 * PGlite's own files as both threads find them: the worker (pglite-engine.ts) reads pglite.data and, when the main
 * thread sent none, compiles pglite.wasm; the main thread compiles pglite.wasm once for every worker (pglite.ts,
 * `compileEngine`). Imports nothing of PGlite, so the main thread does not load it.
 */
import { readFile } from 'node:fs/promises';

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

/** PGlite's WebAssembly (9 MB), read and compiled on V8's background threads. Rejects when the file is not there. */
export async function compilePglite(): Promise<WebAssembly.Module> {
  return wasmApi.compile(await readFile(new URL('pglite.wasm', pgliteFilesUrl())));
}
