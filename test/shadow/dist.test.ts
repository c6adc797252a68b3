/**
 * The bundled CLI (esbuild, dist/cli.js) does a dry run from a copy OUTSIDE the
 * repository, the way users and the GitHub Action run it: PGlite's worker thread
 * (dist/pglite-worker.js), its WebAssembly, the pre-initialised data directory
 * and the extension bundles must all be found next to the bundle, with no
 * node_modules to fall back on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL } from './engines.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let cli: string;
let project: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-dist-'));
  const built = path.join(tmp, 'build');
  // build from these sources with the real build script, into a temp dir (the repo's dist/ is the lead's)
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', built], { cwd: ROOT, stdio: 'pipe' });
  const installed = path.join(tmp, 'installed', 'dist');
  cpSync(built, installed, { recursive: true });
  cli = path.join(installed, 'cli.js');
  project = path.join(tmp, 'project');
  mkdirSync(path.join(project, 'migrations'), { recursive: true });
  writeFileSync(
    path.join(project, 'migrations', '001_init.sql'),
    // pgcrypto: a library of ~9,000 exports (OpenSSL) whose symbols the bundle's patched dlsym must resolve
    'CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\n' +
      "CREATE TABLE users (id bigserial PRIMARY KEY, email text, name text NOT NULL, salt text NOT NULL DEFAULT gen_salt('bf', 4));\n",
  );
  // its own directory: a short history, so that only the loop can overrun the bound
  mkdirSync(path.join(project, 'loop'));
  writeFileSync(path.join(project, 'loop', '001_t.sql'), 'CREATE TABLE t (id int);\n');
  writeFileSync(path.join(project, 'loop', '002_loop.sql'), 'SELECT 1;\nDO $$BEGIN LOOP END LOOP; END$$;\n');
  writeFileSync(
    path.join(project, 'migrations', '002_change.sql'),
    'CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n',
  );
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function dryRun(...args: string[]) {
  const file = args[0]?.endsWith('.sql') ? args.shift()! : 'migrations/002_change.sql';
  const r = spawnSync(process.execPath, [cli, 'dry-run', file, '--format', 'json', '--no-cache', ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: tmp },
  });
  return { code: r.status, stderr: r.stderr, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

/** A dry run of the change through `bundle` (the installed copy by default) with its shadow cache in `cache`. */
function cachedDryRun(cache: string, bundle = cli) {
  const r = spawnSync(process.execPath, [bundle, 'dry-run', 'migrations/002_change.sql', '--format', 'json'], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: tmp, ZERODOWN_CACHE_DIR: cache },
  });
  // exit 1: the migration's SET NOT NULL fails on the seeded rows; the report is what is compared
  expect(r.stdout, r.stderr).toMatch(/^\{/);
  return JSON.parse(r.stdout);
}

describe('the bundled CLI, copied outside the repository', () => {
  it('ships the PGlite data directory and the extension bundles next to the bundle', () => {
    const dist = path.dirname(cli);
    // PGlite runs in its own worker bundle; the CLI bundle does not carry a second copy of it
    expect(existsSync(path.join(dist, 'pglite-worker.js'))).toBe(true);
    expect(readFileSync(cli, 'utf8')).not.toContain('defaultStartParams');
    const tgz = path.join(dist, 'pglite-datadir.tgz');
    expect(existsSync(tgz)).toBe(true);
    // measured: about 1.1 MB gzip; a regression to the raw directory (9.5 MB, 40 MB with 16 MB WAL segments) would show here
    expect(statSync(tgz).size).toBeLessThan(4_000_000);
    expect(JSON.parse(readFileSync(path.join(dist, 'pglite-datadir.json'), 'utf8')).pglite).toMatch(/^\d+\.\d+\.\d+$/);
    for (const ext of ['pgcrypto', 'pg_trgm', 'ltree', 'citext', 'uuid-ossp', 'hstore']) {
      expect(existsSync(path.join(dist, `${ext}.tar.gz`)), ext).toBe(true);
    }
  });

  it('dry-runs on embedded PGlite, booting from the shipped data directory, with an extension', () => {
    const r = dryRun('--seed-rows', '100');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.json.engine).toMatch(/^pglite 18\.\d+$/);
    expect(r.json.boot).toBe('datadir');
    expect(r.json.history).toMatchObject({ files: 1, failures: [] });
    // every seeded row got its default from a pgcrypto C function
    expect(r.json.seed).toMatchObject({ tables: 1, rows: 100, failures: [] });
    const [index, notNull] = r.json.statements;
    expect(index.error).toBeNull();
    expect(index.locks).toContainEqual(
      expect.objectContaining({ relation: 'users', mode: 'ShareLock', blocksWrites: true }),
    );
    expect(notNull.error).toMatchObject({ code: '23502', line: 2 });
  });

  it('stops a statement that never ends (--shadow-timeout): the worker is terminated, the run reports it', () => {
    const t0 = performance.now();
    const r = dryRun('loop/002_loop.sql', '--seed-rows', '10', '--shadow-timeout', '5');
    console.log(`bundled dry run with an endless loop, --shadow-timeout 5: ${Math.round(performance.now() - t0)} ms`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.json.stopped).toMatchObject({ phase: 'run', path: 'loop/002_loop.sql', line: 2 });
    expect(r.json.statements[1]).toMatchObject({ line: 2, timedOut: true, error: { code: '57014' } });
  });

  it.skipIf(!PG_URL)(`dry-runs on a PostgreSQL server${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`, () => {
    const r = dryRun('--seed-rows', '100', '--shadow-url', PG_URL!);
    expect(r.stderr).toBe('');
    expect(r.json.engine).toMatch(/^postgresql \d+\.\d+$/);
    expect(r.json.statements[0].locks).toContainEqual(
      expect.objectContaining({ relation: 'users', mode: 'ShareLock' }),
    );
    expect(r.json.statements[1].error).toMatchObject({ code: '23502', line: 2 });
  });
  it('boots its saved state through the patched data directory loader, and reports what the run that saved it did', () => {
    // the bundle's PGlite keeps a saved state's files in the archive's own buffer (scripts/pglite-patches.mjs,
    // untar-views and tar-files-owned): the migration then writes into those files and grows them
    const cache = path.join(tmp, 'state-cache');
    const run = () => {
      const report = cachedDryRun(cache);
      // the saved report would be served as it is: drop it, so that the next run boots the state and runs again
      for (const f of readdirSync(cache)) if (f.endsWith('.dryrun.json')) rmSync(path.join(cache, f));
      return report;
    };
    const timeless = (x: unknown) => JSON.stringify(x, (k, v) => (/ms$|duration/i.test(k) ? 0 : v));
    const saved = run();
    expect(saved.cache).toBe('miss');
    for (let i = 0; i < 2; i++) {
      const booted = run();
      expect(booted).toMatchObject({ cache: 'hit', boot: 'cache' });
      expect(timeless(booted.statements)).toBe(timeless(saved.statements));
      expect(booted.statements[0].locks).toContainEqual(
        expect.objectContaining({ relation: 'users', mode: 'ShareLock' }),
      );
      expect(booted.statements[1].error).toMatchObject({ code: '23502', line: 2 });
    }
  }, 120_000);

  it('the shadow cache survives a fresh copy of the same build, and no other build reads it', () => {
    // the Action checks its dist/ out anew on every job: same content, new mtimes
    const cache = path.join(tmp, 'shadow-cache');
    const copy = path.join(tmp, 'checked-out-again', 'dist');
    cpSync(path.dirname(cli), copy, { recursive: true });
    const run = (bundle: string) => cachedDryRun(cache, bundle).cache;
    expect(run(cli)).toBe('miss');
    expect(run(path.join(copy, 'cli.js'))).toBe('result');
    // another build (scripts/build.mjs writes another build-id when a bundle's content changes): neither the saved
    // state nor the report is its own
    const id = path.join(copy, 'build-id');
    expect(readFileSync(id, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    writeFileSync(id, `${'0'.repeat(64)}\n`);
    expect(run(path.join(copy, 'cli.js'))).toBe('miss');
    expect(run(path.join(copy, 'cli.js'))).toBe('result');
    // a bundle that no build script wrote (no build-id) is a build of its own in every run: it reads no cache
    rmSync(id);
    expect(run(path.join(copy, 'cli.js'))).toBe('miss');
    expect(run(path.join(copy, 'cli.js'))).toBe('miss');
  }, 120_000);
});
