/**
 * How the embedded engine's code is compiled for what it will run (src/wasm-tier.ts, pglite-files.ts `tierFor`):
 * V8's baseline code only for a short run, optimized code for a long one or one that times statements for
 * estimates; and how large its shared buffers are (`buffersFor`). The dry run and the proof tell the engine what they will run (`ShadowOpenOptions.work`): the history
 * unless the engine boots from a saved state, and the files under review or the plan. What it costs and saves is
 * in `npm run bench` (scripts/bench-action.mjs, bench-dryrun.mjs), not here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShadowWork } from '../../src/dialect.js';
import { compileEngine, PgliteShadow } from '../../src/dialects/postgres/shadow/pglite.js';
import { BASELINE_MAX_SQL_CHARS, buffersFor, tierFor } from '../../src/dialects/postgres/shadow/pglite-files.js';
import { openShadow } from '../../src/dialects/postgres/shadow/open.js';
import type { StagedPlan } from '../../src/plan/types.js';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import { shadowWork } from '../../src/shadow/driver.js';
import { dryRun } from '../../src/shadow/dryrun.js';
import { compileAt, effectiveTier } from '../../src/wasm-tier.js';
import { migration } from '../helpers.js';
import { recordingShadow } from './engines.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'zerodown-engine-tier-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HISTORY = 'CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n';
const CHANGE = 'ALTER TABLE accounts ADD COLUMN note text;\n';

describe('the embedded engine is compiled for its work', () => {
  it('baseline for a short run; optimized for a long one, a timed one, or one nobody described', () => {
    expect(tierFor(shadowWork([HISTORY, CHANGE]))).toBe('baseline');
    expect(tierFor({ sqlChars: BASELINE_MAX_SQL_CHARS, timed: false })).toBe('baseline');
    expect(tierFor({ sqlChars: BASELINE_MAX_SQL_CHARS + 1, timed: false })).toBe('optimizing');
    expect(tierFor(shadowWork([CHANGE], true))).toBe('optimizing');
    expect(tierFor(undefined)).toBe('optimizing');
    expect(shadowWork(['ab', 'cde'])).toEqual({ sqlChars: 5, timed: false });
  });

  it('boots with small shared buffers unless its statements are timed for estimates or its work is not known', async () => {
    expect(buffersFor(shadowWork([HISTORY, CHANGE]))).toBe('small');
    expect(buffersFor({ sqlChars: BASELINE_MAX_SQL_CHARS + 1, timed: false })).toBe('small');
    expect(buffersFor(shadowWork([CHANGE], true))).toBe('calibrated');
    expect(buffersFor(undefined)).toBe('calibrated');
    for (const [work, size] of [
      [shadowWork([CHANGE]), '4MB'],
      [shadowWork([CHANGE], true), '16MB'],
      [undefined, '16MB'],
    ] as const) {
      const sh = await openShadow(work ? { work } : {});
      try {
        expect(await sh.query('SHOW shared_buffers')).toEqual([{ shared_buffers: size }]);
      } finally {
        await sh.close();
      }
    }
  });

  it('compiles once per tier, and engines of both tiers run SQL side by side', async () => {
    const baseline = await compileEngine('baseline');
    expect(baseline).toBeInstanceOf((globalThis as any).WebAssembly.Module);
    expect(await compileEngine('baseline')).toBe(baseline);
    // in a baseline-only process (Node 24: src/wasm-tier.ts `baselineProcess`), every module gets baseline code
    const optimizing = await compileEngine('optimizing');
    if (effectiveTier('optimizing') === effectiveTier('baseline')) expect(optimizing).toBe(baseline);
    else expect(optimizing).not.toBe(baseline);
    const shadows = await Promise.all([PgliteShadow.open({ tier: 'baseline' }), PgliteShadow.open()]);
    try {
      for (const [i, sh] of shadows.entries()) {
        expect(sh.wasmShared).toBe(true);
        await sh.exec(`CREATE TABLE t (x int); INSERT INTO t SELECT g FROM generate_series(1, ${100 * (i + 1)}) g`);
        expect(await sh.query('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 100 * (i + 1) }]);
      }
    } finally {
      await Promise.all(shadows.map((sh) => sh.close()));
    }
  });

  it('baselineProcess: on Node 24, or with ZERODOWN_WASM_BASELINE=1, every module of the process is baseline from then on', () => {
    const tier = pathToFileURL(path.resolve(import.meta.dirname, '../../src/wasm-tier.ts')).href;
    const run = (env: Record<string, string>) => {
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { baselineProcess, effectiveTier, RUNTIME_WASM_FLAGS } from ${JSON.stringify(tier)};
           const before = effectiveTier('optimizing');
           const set = baselineProcess(JSON.parse(process.env.ZD_ENV));
           console.log(JSON.stringify({ before, set, after: effectiveTier('optimizing'), again: baselineProcess({}), runtime: RUNTIME_WASM_FLAGS }));`,
        ],
        { encoding: 'utf8', env: { ...process.env, ZD_ENV: JSON.stringify(env) } },
      );
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { before: string; set: boolean; after: string; again: boolean; runtime: boolean };
    };
    const runtime = Number(process.versions.v8.split('.')[0]) < 13;
    // by default: only where a flag set around one compile does not do (V8 13, Node 24)
    expect(run({})).toEqual({
      before: 'optimizing',
      set: !runtime,
      after: runtime ? 'optimizing' : 'baseline',
      again: !runtime,
      runtime,
    });
    // forced on this Node (the tests of the CLI and the Action use it), and left alone
    expect(run({ ZERODOWN_WASM_BASELINE: '1' })).toEqual({
      before: 'optimizing',
      set: true,
      after: 'baseline',
      again: true,
      runtime,
    });
    expect(run({ ZERODOWN_WASM_BASELINE: '0' })).toMatchObject({
      set: false,
      after: 'optimizing',
    });
  });

  it('ZERODOWN_TRACE names the code an engine booted with', async () => {
    const lines: string[] = [];
    const write = process.stderr.write;
    process.env.ZERODOWN_TRACE = '1';
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      for (const tier of ['baseline', 'optimizing'] as const) await (await PgliteShadow.open({ tier })).close();
    } finally {
      process.stderr.write = write;
      delete process.env.ZERODOWN_TRACE;
    }
    const boots = lines.filter((l) => l.startsWith('zerodown: PGlite boot'));
    // (in a baseline-only process both are baseline: src/wasm-tier.ts `baselineProcess`)
    expect(boots.map((l) => /\(\w+, (\w+) code\)/.exec(l)?.[1])).toEqual([
      effectiveTier('baseline'),
      effectiveTier('optimizing'),
    ]);
    if (effectiveTier('baseline') !== effectiveTier('optimizing')) expect(boots[0]).toMatch(/baseline code/);
  });

  it('runs compiles one at a time, so that a baseline compile never lends its flag to another', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const first = compileAt('baseline', async () => {
      events.push('baseline start');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('baseline end');
      return 1;
    });
    const second = compileAt('optimizing', async () => {
      events.push('optimizing start');
      return 2;
    });
    // a failed compile does not stop the ones queued after it
    const failing = compileAt('baseline', () => Promise.reject(new Error('no such file')));
    const third = compileAt('baseline', async () => 3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['baseline start']);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    await expect(failing).rejects.toThrow('no such file');
    expect(await third).toBe(3);
    expect(events).toEqual(['baseline start', 'baseline end', 'optimizing start']);
  });

  it('the dry run describes the history and the files under review, and only those from a saved state', async () => {
    const files = () => [
      migration(HISTORY, { path: 'm/001_accounts.sql', review: false }),
      migration(CHANGE, { path: 'm/002_note.sql' }),
    ];
    const cacheDir = path.join(tmp, 'dry-run-cache');
    const cold = recordingShadow();
    const d = await dryRun(files(), { dialect: cold.dialect, seedRows: 10, cacheDir });
    expect(d.statements.every((s) => !s.error)).toBe(true);
    expect(cold.opened.map((o) => o.work)).toEqual([{ sqlChars: HISTORY.length + CHANGE.length, timed: false }]);
    // the same history again, another file under review: booted from the saved state, which runs only that file
    const next = 'CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n';
    const warm = recordingShadow();
    const w = await dryRun([files()[0]!, migration(next, { path: 'm/002_index.sql' })], {
      dialect: warm.dialect,
      seedRows: 10,
      cacheDir,
    });
    expect([w.cache, w.boot]).toEqual(['hit', 'cache']);
    expect(warm.opened.map((o) => o.work)).toEqual([{ sqlChars: next.length, timed: false }]);
    // --stats times statements: optimized code, the speed the estimates were calibrated at
    const timed = recordingShadow();
    await dryRun(files(), { dialect: timed.dialect, seedRows: 10, estimate: true });
    const work = timed.opened[0]!.work as ShadowWork;
    expect([work.timed, tierFor(work)]).toEqual([true, 'optimizing']);
  });

  it('the proof describes the history for the engine that replays it, the migration and plan for those booting from its start', async () => {
    const original = migration(CHANGE, { path: 'm/002_note.sql' });
    const plan: StagedPlan = {
      path: original.path,
      migration: original,
      phases: [{ name: 'expand', transactional: true, reason: 'as written', sql: CHANGE }],
      rewrites: [],
      notes: [],
      expectedDifferences: [],
    };
    const { dialect, opened } = recordingShadow();
    const v = await verifyPlan(plan, [migration(HISTORY, { path: 'm/001_accounts.sql', review: false })], {
      dialect,
      seedRows: 10,
    });
    expect(isProven(v)).toBe(true);
    const fresh = opened.filter((o) => !o.state).map((o) => o.work);
    const fromStart = opened.filter((o) => o.state).map((o) => o.work);
    expect(fresh).toEqual([{ sqlChars: HISTORY.length + 2 * CHANGE.length, timed: false }]);
    expect(fromStart.length).toBeGreaterThan(0);
    for (const w of fromStart) expect(w).toEqual({ sqlChars: 2 * CHANGE.length, timed: false });
  });
});
