/** Runs the real CLI entry (`main`) in-process in a directory, capturing what it prints. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../src/cli/main.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** `node --import TSX_LOADER SOURCE_BIN …`: the command line from the sources, as a real subprocess */
export const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
export const SOURCE_BIN = path.join(ROOT, 'src/cli/bin.ts');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(cwd: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const ow = process.stdout.write;
  const ew = process.stderr.write;
  const prev = process.cwd();
  // a report served from the cache is written as bytes
  process.stdout.write = ((s: string | Uint8Array) => (
    out.push(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => (err.push(String(s)), true)) as typeof process.stderr.write;
  process.chdir(cwd);
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
    process.chdir(prev);
    process.exitCode = undefined;
  }
}

/** Writes `files` (relative path → text) into a new directory under `root` and returns it. */
export function writeProject(root: string, files: Record<string, string | Uint8Array>): string {
  const d = mkdtempSync(path.join(root, 'p-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
    writeFileSync(path.join(d, name), text);
  }
  return d;
}

/** Runs `fn` with the lint caches (`ZERODOWN_CACHE_DIR`) in a new folder of their own under `root`. */
export async function withCacheIn<T>(root: string, fn: (cacheDir: string) => Promise<T>): Promise<T> {
  const cacheDir = mkdtempSync(path.join(root, 'cache-'));
  process.env.ZERODOWN_CACHE_DIR = cacheDir;
  try {
    return await fn(cacheDir);
  } finally {
    delete process.env.ZERODOWN_CACHE_DIR;
  }
}
