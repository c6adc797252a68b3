/**
 * This build of zerodown, as a hash: what the caches key on (src/pipeline/history-cache.ts, findings-cache.ts,
 * rerun.ts, src/shadow/cache.ts), so that no cache serves what another build computed. VERSION alone is not
 * enough: between releases, a developer's edit to a rule, the replay or the proof would be served the results of
 * the code before it.
 *
 * - From the sources (tests, tsx): VERSION, and every file's size and mtime under src/ and rules/.
 * - From the bundle (dist/): its `build-id` file, written by scripts/build.mjs from VERSION, the bundles' names
 *   (esbuild names its chunks by their content), the content of the entry bundles and the size of the WebAssembly
 *   files; computed once at build time rather than by hashing 1.5 MB of bundles in every run (`zerodown lint` again
 *   with nothing changed needs it first). A bundle without one is a build of its own: its caches serve no one else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { uniqueSuffix } from './cache-files.js';
import { fastHash } from './hash.js';
import { VERSION } from './version.js';

let code: string | undefined;

/** This build of zerodown, as a hash (memoised: the files do not change under a running process). */
export function codeIdentity(): string {
  code ??= identityOnDisk();
  return code;
}

/**
 * This build's identity as the files on disk say now, not memoised: a long-lived process (src/daemon/server.ts) asks
 * it to learn whether the code it was loaded from has been replaced (an upgrade), which it must then not serve.
 */
export function identityOnDisk(): string {
  let code: string;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    let listing = VERSION;
    const root = path.resolve(path.dirname(here), '..');
    for (const dir of ['src', 'rules']) {
      const files = readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).sort();
      for (const f of files) {
        const st = statSync(path.join(root, dir, f));
        if (st.isFile()) listing += `${dir}/${f}\0${st.size}\0${st.mtimeMs}\n`;
      }
    }
    code = `src-${fastHash(listing)}`;
  } else {
    let id = '';
    try {
      id = readFileSync(path.join(path.dirname(here), 'build-id'), 'utf8').trim();
    } catch {
      // no build-id: not a build of scripts/build.mjs
    }
    code = /^[0-9a-f]{64}$/.test(id) ? id : `unknown-${uniqueSuffix()}`;
  }
  return code;
}
