/**
 * Entry point of the GitHub Action (bundled to dist/index.js). Thin: on Node 24 (the Action's `node24`) it keeps
 * WebAssembly on baseline code for the whole process (src/wasm-tier.ts `baselineProcess`) before anything compiles;
 * then the run itself (./start.ts).
 */
import { baselineProcess } from '../wasm-tier.js';

baselineProcess();
const { start } = await import('./start.js');
start();
