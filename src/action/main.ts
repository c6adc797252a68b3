/**
 * Entry point of the GitHub Action (bundled to dist/index.js). Thin: it starts PGlite's worker when the run will
 * most likely dry-run on it (./engine-ahead.ts), keeps WebAssembly on baseline code for the whole process on
 * Node 24 (the Action's `node24`; src/wasm-tier.ts `baselineProcess`) before anything compiles, has that worker
 * compile PGlite; then the run itself (./start.ts).
 */
import { startEngineForAction } from './engine-ahead.js';
import { baselineProcess } from '../wasm-tier.js';

// a dry run's engine worker starts first (./engine-ahead.ts), and compiles PGlite once the flags are set
const compileAhead = await startEngineForAction(process.env);
baselineProcess();
compileAhead?.();
const { start } = await import('./start.js');
start();
