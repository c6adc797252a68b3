/**
 * The heap tests' child process (test/parse/bounded-heap.test.ts, test/pipeline/streamed-heap.test.ts): a script run
 * with tsx and the GC exposed, which prints what it measured as JSON.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs `script` (relative to the repository) with `args` and returns its JSON output. Without V8's optimizing
 * compilers: the code they install lives in the same heap, whenever their background threads finish, and made the
 * measures swing between runs (bounded-heap's from 72 to 225 KB, over its bound once in eight; streamed-heap's from
 * -16 to 247 KB; with them off 28-29 KB and -34 to 17 KB). The data the run keeps is what these tests measure.
 */
export function measureInChild<T>(script: string, args: string[]): T {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--no-opt', '--no-maglev', '--import', 'tsx', path.join(ROOT, script), ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as T;
}
