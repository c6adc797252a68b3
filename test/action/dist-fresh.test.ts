/**
 * dist/ is committed (GitHub runs the Action straight from it), so it must be
 * exactly what the sources build to. This rebuilds with the same build script
 * and esbuild options into a temp directory and compares byte for byte.
 * When it fails: `npm run build` and commit dist/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.js';

let fresh: string;

beforeAll(() => {
  fresh = mkdtempSync(path.join(tmpdir(), 'zd-dist-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', fresh], { cwd: ROOT, stdio: 'pipe' });
});

afterAll(() => {
  if (fresh) rmSync(fresh, { recursive: true, force: true });
});

describe('dist/ is up to date with the sources', () => {
  it('dist/ holds exactly the bundles and chunks a fresh build writes', () => {
    const js = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.js'))
        .sort();
    expect(js(path.join(ROOT, 'dist')), 'run `npm run build` and commit dist/ (with `git add -A dist`)').toEqual(
      js(fresh),
    );
  });

  for (const file of ['index.js', 'cli.js', 'pglite-worker.js']) {
    it(`dist/${file} matches a fresh build`, () => {
      const committed = path.join(ROOT, 'dist', file);
      expect(existsSync(committed), `dist/${file} is missing: run \`npm run build\` and commit dist/`).toBe(true);
      const same = readFileSync(committed).equals(readFileSync(path.join(fresh, file)));
      expect(same, `dist/${file} is stale: run \`npm run build\` and commit dist/`).toBe(true);
    });
  }

  it('dist/ holds every chunk, WebAssembly and data file the bundles load at run time', () => {
    const assets = readdirSync(fresh).filter((f) => !['index.js', 'cli.js', 'pglite-worker.js'].includes(f));
    expect(assets).toContain('libpg-query.wasm');
    expect(assets).toContain('pglite.wasm');
    for (const a of assets) {
      const committed = path.join(ROOT, 'dist', a);
      expect(existsSync(committed), `dist/${a} is missing: run \`npm run build\` and commit dist/`).toBe(true);
      expect(
        readFileSync(committed).equals(readFileSync(path.join(fresh, a))),
        `dist/${a} differs from a fresh build`,
      ).toBe(true);
    }
  });
});
