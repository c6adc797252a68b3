/**
 * The time bound on every shadow statement (issue 11: a pull request's SQL is
 * untrusted). A statement that never returns must end the run, on PGlite (its
 * worker thread is terminated) and on a server (pg_cancel_backend, then
 * pg_terminate_backend), even after the migration turned statement_timeout off;
 * the statement is reported as timed out at its file:line, what follows as not
 * run, and the shadow still closes (on a server: its database is dropped).
 */
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { Migration } from '../../src/model.js';
import { dryRun } from '../../src/shadow/dryrun.js';
import { PgliteShadow } from '../../src/dialects/postgres/shadow/pglite.js';
import { openShadow, replayHistory, runTraced, type Shadow } from './kernel.js';
import { eachEngine, PG_URL } from './engines.js';

const BOUND_MS = 3_000; // room for the legitimate statements around the loops on a loaded machine
/** generous: the bound plus the stop (cancel, 1 s, terminate) plus a loaded machine */
const HANG_LIMIT_MS = 15_000;

const LOOPS = {
  'an endless PL/pgSQL loop': 'DO $$BEGIN LOOP END LOOP; END$$',
  'pg_sleep(600)': 'SELECT pg_sleep(600)',
  'a loop after SET statement_timeout = 0': 'SET statement_timeout = 0; DO $$BEGIN LOOP PERFORM 1; END LOOP; END$$',
};

function mig(path: string, source: string, review: boolean): Migration {
  return { path, absPath: `/x/${path}`, source, dialect: 'postgres', framework: 'plain', transaction: 'none', review };
}

async function databaseExists(name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

eachEngine('time bound per statement', (engine) => {
  let shadow: Shadow | undefined;
  afterEach(async () => {
    await shadow?.close();
    shadow = undefined;
  });
  const open = () => openShadow({ ...(engine.name === 'postgresql' ? { url: PG_URL! } : {}), timeoutMs: BOUND_MS });

  for (const [what, sql] of Object.entries(LOOPS)) {
    it(`stops ${what} and refuses further work, then closes`, async () => {
      shadow = await open();
      const t0 = performance.now();
      const err = await shadow.exec(sql).then(
        () => undefined,
        (e: Error & { code?: string; timedOut?: boolean }) => e,
      );
      const elapsed = performance.now() - t0;
      console.log(`[${engine.name}] ${what}: stopped after ${Math.round(elapsed)} ms (bound ${BOUND_MS} ms)`);
      expect(err?.name).toBe('ShadowTimeoutError');
      expect(err).toMatchObject({ code: '57014', timedOut: true });
      expect(err!.message).toBe(
        'did not finish within 3 s on the shadow: stopped; raise --shadow-timeout if it is legitimately slow',
      );
      expect(elapsed).toBeGreaterThanOrEqual(BOUND_MS - 50);
      expect(elapsed).toBeLessThan(HANG_LIMIT_MS);
      expect(shadow.stopped).toMatchObject({ seconds: 3 });
      await expect(shadow.query('SELECT 1')).rejects.toMatchObject({ name: 'ShadowStoppedError' });
      const db = engine.name === 'postgresql' ? (shadow as unknown as { database: string }).database : undefined;
      await shadow.close();
      if (db) expect(await databaseExists(db)).toBe(false);
    });
  }

  it('a statement that finishes in time is not affected', async () => {
    shadow = await open();
    await shadow.exec('SELECT pg_sleep(0.2)');
    expect(await shadow.query('SELECT 1 AS x')).toEqual([{ x: 1 }]);
    expect(shadow.stopped).toBeUndefined();
  });

  it('traced: the looping statement is reported at its line as timed out, the rest as not run', async () => {
    shadow = await open();
    const r = await runTraced(shadow, {
      path: 'db/002_loop.sql',
      sql: 'CREATE TABLE t (id int);\n\nDO $$\nBEGIN LOOP END LOOP; END\n$$;\nCREATE INDEX t_id ON t (id);\n',
    });
    expect(r.stopped).toBe(true);
    expect(r.statements.map((s) => [s.line, !!s.timedOut, !!s.skipped, s.error?.code ?? null])).toEqual([
      [1, false, false, null],
      [3, true, false, '57014'],
      [6, false, true, null],
    ]);
    expect(r.error).toMatchObject({ path: 'db/002_loop.sql', line: 3, code: '57014', timedOut: true });
    expect(r.error!.message).toMatch(/^did not finish within 3 s on the shadow: stopped; raise --shadow-timeout/);
  });

  it('history replay (its batch fast path included) stops at the file that overran and replays no more', async () => {
    shadow = await open();
    const r = await replayHistory(shadow, [
      mig('001_a.sql', 'CREATE TABLE a (id int);\n', false),
      // batchable: runs in the one-transaction fast path together with its neighbours
      mig('002_sleep.sql', 'CREATE TABLE b (id int);\nSELECT pg_sleep(600);\n', false),
      mig('003_c.sql', 'CREATE TABLE c (id int);\n', false),
      mig('004_d.sql', 'CREATE TABLE d (id int);\n', false),
    ]);
    expect(r.stopped).toBe(true);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ code: '57014', timedOut: true });
    expect(r.failures[0]!.message).toMatch(/did not finish within 3 s on the shadow/);
    expect(r.notRun).toBeGreaterThan(0);
  });

  it('dryRun: a timeout in the history leaves the files under review not run, and says so', async () => {
    // a history file runs as one batch (the replay's fast path): which of its statements overran
    // is unknown once the engine is stopped, so the file and its first line carry it, and say so
    const d = await dryRun(
      [
        mig('db/001_a.sql', 'CREATE TABLE a (id int);\nDO $$BEGIN LOOP END LOOP; END$$;\n', false),
        mig('db/002_b.sql', 'ALTER TABLE a ADD COLUMN b int;\n', true),
      ],
      { ...(engine.name === 'postgresql' ? { url: PG_URL! } : {}), timeoutMs: BOUND_MS, seedRows: 10 },
    );
    expect(d.stopped).toMatchObject({ phase: 'history', path: 'db/001_a.sql', line: 1 });
    expect(d.stopped!.message).toMatch(
      /^history db\/001_a\.sql:1: this file \(run in one batch on the shadow\) did not finish within 3 s/,
    );
    expect(d.statements).toEqual([expect.objectContaining({ path: 'db/002_b.sql', line: 1, skipped: true })]);
  });

  it('dryRun: a timeout in a file under review stops the run; later files are not run', async () => {
    const d = await dryRun(
      [
        mig('db/001_a.sql', 'CREATE TABLE a (id int);\n', false),
        mig('db/002_b.sql', 'ALTER TABLE a ADD COLUMN b int;\nSELECT pg_sleep(600);\nSELECT 1;\n', true),
        mig('db/003_c.sql', 'ALTER TABLE a ADD COLUMN c int;\n', true),
      ],
      { ...(engine.name === 'postgresql' ? { url: PG_URL! } : {}), timeoutMs: BOUND_MS, seedRows: 10 },
    );
    expect(d.stopped).toMatchObject({ phase: 'run', path: 'db/002_b.sql', line: 2 });
    expect(d.files.map((f) => [f.path, f.error?.code ?? null])).toEqual([
      ['db/002_b.sql', '57014'],
      ['db/003_c.sql', null],
    ]);
    expect(d.statements.map((s) => [s.path, s.line, !!s.timedOut, !!s.skipped])).toEqual([
      ['db/002_b.sql', 1, false, false],
      ['db/002_b.sql', 2, true, false],
      ['db/002_b.sql', 3, false, true],
      ['db/003_c.sql', 1, false, true],
    ]);
  });
});

it('COPY … FROM PROGRAM on embedded PGlite ends within the bound, and the shadow closes', async () => {
  const shadow = await PgliteShadow.open({ timeoutMs: BOUND_MS });
  try {
    await shadow.exec('CREATE TABLE c (t text)');
    const t0 = performance.now();
    // on the main thread it used to spin for ever; in the worker it either returns or is stopped
    const outcome = await shadow.exec("COPY c FROM PROGRAM 'id'").then(
      () => 'returned',
      (e: Error) => e.name,
    );
    const elapsed = performance.now() - t0;
    console.log(`[pglite] COPY FROM PROGRAM: ${outcome} after ${Math.round(elapsed)} ms`);
    expect(['returned', 'ShadowTimeoutError', 'Error']).toContain(outcome);
    expect(elapsed).toBeLessThan(HANG_LIMIT_MS);
  } finally {
    await shadow.close();
  }
});
