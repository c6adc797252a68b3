/**
 * This build of zerodown, as a hash: what the caches key on (src/pipeline/history-cache.ts, findings-cache.ts,
 * rerun.ts, src/shadow/cache.ts), so that no cache serves what another build computed. VERSION alone is not
 * enough: between releases, a developer's edit to a rule, the replay or the proof would be served the results of
 * the code before it.
 *
 * - From the sources (tests, tsx): VERSION, and every file's size and mtime under src/ and rules/.
 * - From the bundle (dist/): VERSION, the file names (esbuild names its chunks by their content), the content of the
 *   entry files (cli.js, index.js, …: their names do not change), and the size of the WebAssembly files (PGlite's and
 *   the parser's, which change with a dependency). Content, not mtime: a fresh checkout of the same commit (the
 *   Action's, every job) is the same build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from './version.js';

/** esbuild's chunk names end in a hash of their content */
const HASHED = /-[A-Z0-9]{8}\.js$/;

let code: string | undefined;

/** This build of zerodown, as a hash (memoised: the files do not change under a running process). */
export function codeIdentity(): string {
  if (code) return code;
  const h = createHash('sha256').update(VERSION);
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const root = path.resolve(path.dirname(here), '..');
    for (const dir of ['src', 'rules']) {
      const files = readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).sort();
      for (const f of files) {
        const st = statSync(path.join(root, dir, f));
        if (st.isFile()) h.update(`${dir}/${f}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  } else {
    const dist = path.dirname(here);
    for (const f of readdirSync(dist)
      .filter((n) => n.endsWith('.js') || n.endsWith('.wasm'))
      .sort()) {
      h.update(`${f}\0`);
      if (f.endsWith('.wasm')) h.update(`${statSync(path.join(dist, f)).size}\n`);
      else if (!HASHED.test(f)) h.update(readFileSync(path.join(dist, f))).update('\n');
    }
  }
  code = h.digest('hex');
  return code;
}
