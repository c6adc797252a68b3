/**
 * PGlite's worker started by the CLI's first step for a dry run (src/dialects/early.ts): which command lines start
 * it, and a real `zerodown dry-run` (src/cli/bin.ts through tsx) whose engine takes it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runsEmbeddedEngine } from '../../src/dialects/early.js';
import { compileEngine, PgliteShadow } from '../../src/dialects/postgres/shadow/pglite.js';
import {
  compileAhead,
  compilingAhead,
  moduleAhead,
  startWorkerAhead,
} from '../../src/dialects/postgres/shadow/worker-start.js';
import { effectiveTier } from '../../src/wasm-tier.js';
import { SOURCE_BIN, TSX_LOADER, writeProject } from '../cli-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zd-early-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('runsEmbeddedEngine', () => {
  it('is a dry run (`zerodown gitlab`’s included) on no named server and not for MySQL or MariaDB', () => {
    for (const argv of [
      ['dry-run', 'm.sql'],
      ['lint', '--dry-run'],
      ['dry-run', '--dialect', 'postgres', 'm.sql'],
      ['gitlab'],
      ['gitlab', '--fail-on', 'warning'],
    ])
      expect(runsEmbeddedEngine(argv, {}), argv.join(' ')).toBe(true);
    for (const argv of [
      ['lint', 'm.sql'],
      ['plan', 'm.sql'],
      ['dry-run', '--shadow-url', 'postgres://x/y', 'm.sql'],
      ['lint', '--dry-run', '--shadow-url=postgres://x/y'],
      ['dry-run', '--dialect', 'mysql', 'm.sql'],
      ['dry-run', '--dialect=mariadb', 'm.sql'],
      ['dry-run', '--help'],
      ['gitlab', '--no-dry-run'],
      ['gitlab', '--shadow-url', 'postgres://x/y'],
      ['gitlab', '--dialect', 'mysql'],
    ])
      expect(runsEmbeddedEngine(argv, {}), argv.join(' ')).toBe(false);
    expect(runsEmbeddedEngine(['dry-run', 'm.sql'], { ZERODOWN_SHADOW_URL: 'postgres://x/y' })).toBe(false);
  });

  it('is not when the config file the run reads names a server: the one in the directory, or -c / --config', () => {
    const plain = writeProject(tmp, { 'zerodown.config.json': '{ "pgVersion": 16 }\n' });
    const server = writeProject(tmp, {
      '.zerodown.yml': 'dryRun:\n  shadowUrl: postgres://shadow@db/test\n',
      'other.json': '{}\n',
    });
    expect(runsEmbeddedEngine(['dry-run', 'm.sql'], {}, plain)).toBe(true);
    expect(runsEmbeddedEngine(['dry-run', 'm.sql'], {}, server)).toBe(false);
    // the file given instead of the directory's
    expect(runsEmbeddedEngine(['dry-run', '-c', 'other.json', 'm.sql'], {}, server)).toBe(true);
    expect(runsEmbeddedEngine(['dry-run', '--config=.zerodown.yml', 'm.sql'], {}, plain)).toBe(true);
    expect(runsEmbeddedEngine(['dry-run', '--config', path.join(server, '.zerodown.yml')], {}, plain)).toBe(false);
  });
});

describe('zerodown dry-run', () => {
  it('starts PGlite’s worker before loading the rest of zerodown, and its engine runs the migration in it', () => {
    const dir = writeProject(tmp, {
      'migrations/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
      'migrations/002_email.sql': 'ALTER TABLE users ADD COLUMN verified boolean NOT NULL DEFAULT false;\n',
    });
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', TSX_LOADER, SOURCE_BIN, 'dry-run', ...args, 'migrations/002_email.sql'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', ZERODOWN_TRACE: '1', ZERODOWN_CACHE_DIR: path.join(tmp, 'cache') },
        },
      );
    const r = run('--format', 'json', '--no-cache');
    expect(r.stderr).toMatch(/^zerodown: PGlite worker started before the rest of zerodown loads$/m);
    // the boot's trace: the engine opened (on the worker started ahead, whose start it no longer sees), on the
    // WebAssembly that worker compiled before the open request
    expect(r.stderr).toMatch(/^zerodown: PGlite boot \(.*code compiled ahead\).*ms after open: .*reply received/m);
    expect(r.stderr).toMatch(/compile ahead asked \+-?\d+, .*compiled ahead \+-?\d+/);
    expect(r.stderr).not.toMatch(/worker online \(seen\)/);
    const report = JSON.parse(r.stdout);
    expect(report.statements.map((s: { sql: string; error: unknown }) => [s.sql, s.error])).toEqual([
      ['ALTER TABLE users ADD COLUMN verified boolean NOT NULL DEFAULT false', null],
    ]);
    expect(r.status).toBe(0);
  });
});

describe('PGlite compiled ahead', () => {
  it('by the worker started ahead, for the tier asked: its engine runs that module, which it sends back for the others', async () => {
    const tier = effectiveTier('baseline');
    startWorkerAhead();
    compileAhead(tier);
    expect(compilingAhead()).toBe(tier);
    // the worker's module, sent back once compiled: not compiled on this thread
    const sent = moduleAhead(tier);
    expect(sent).toBeDefined();
    expect(moduleAhead(tier === 'baseline' ? 'optimizing' : 'baseline')).toBeUndefined();
    // two engines at once (a dry run and a proof): the first takes the worker and runs its module, the second gets
    // that module from it
    const [first, second] = await Promise.all([
      PgliteShadow.open({ tier: 'baseline' }),
      PgliteShadow.open({ tier: 'baseline' }),
    ]);
    try {
      expect(await sent).toBeInstanceOf((globalThis as any).WebAssembly.Module);
      expect(await compileEngine('baseline')).toBe(await sent);
      for (const sh of [first, second]) {
        expect(sh.wasmShared).toBe(true);
        await sh.exec('CREATE TABLE t (x int); INSERT INTO t SELECT generate_series(1, 10)');
        expect(await sh.query('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 10 }]);
      }
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
