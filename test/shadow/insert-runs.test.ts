/**
 * A seed file of many INSERT … VALUES into one table is traced a run at a time (src/shadow/trace.ts,
 * traceInsertRun) instead of with seven round trips per statement, and reported as one record. The
 * run is only accepted when what it took is what each of its statements provably takes; anything
 * else (an error, a trigger that locks another table) is traced statement by statement as before.
 * Same suite on PGlite and on the server at ZERODOWN_TEST_PG_URL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runTraced, type Shadow, type TraceResult } from './kernel.js';
import { INSERT_RUN_MAX, INSERT_RUN_MIN } from '../../src/shadow/trace.js';
import { eachEngine } from './engines.js';

eachEngine('runs of INSERTs', (engine) => {
  let shadow: Shadow;
  let n = 0;
  const table = async (extra = (_schema: string) => ''): Promise<string> => {
    const t = `runs${++n}.t`;
    const r = await runTraced(shadow, {
      path: 'history.sql',
      sql: `CREATE SCHEMA runs${n}; CREATE TABLE ${t} (a bigint PRIMARY KEY, b text NOT NULL); ${extra(`runs${n}`)}`,
    });
    expect(r.error).toBeNull();
    return t;
  };
  const inserts = (t: string, count: number, from = 1) =>
    Array.from({ length: count }, (_, i) => `INSERT INTO ${t} (a, b) VALUES (${from + i}, 'row ${from + i}');`);
  const run = (sql: string, transaction: 'none' | 'wrapped' = 'none'): Promise<TraceResult> =>
    runTraced(shadow, { path: 'db/seed.sql', sql, transaction });
  const rows = async (t: string) => Number((await shadow.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);

  beforeAll(async () => {
    shadow = await engine.open();
  });
  afterAll(async () => {
    await shadow?.close();
  });

  it('a long run is one record: every line, the lock each INSERT takes, and the rows really inserted', async () => {
    const t = await table();
    const count = INSERT_RUN_MAX + 300;
    const r = await run(['-- seed', ...inserts(t, count)].join('\n'));
    expect(r.error).toBeNull();
    expect(r.statements).toHaveLength(1);
    const s = r.statements[0]!;
    expect(s).toMatchObject({ count, index: 0, lastIndex: count - 1, line: 2, endLine: count + 1, kind: 'InsertStmt' });
    expect(s.transaction).toBe('autocommit');
    expect(s.sql).toBe(inserts(t, 1)[0]!.slice(0, -1));
    expect(s.locks.filter((l) => l.kind === 'table')).toMatchObject([
      { relation: t, mode: 'RowExclusiveLock', blocksReads: false, blocksWrites: false, source: 'pg_locks' },
    ]);
    expect(await rows(t)).toBe(count);
  });

  it('in the transaction the tool opens, too; the run ends where another statement comes', async () => {
    const t = await table();
    const sql = [...inserts(t, 120), `UPDATE ${t} SET b = 'x' WHERE a = 1;`, ...inserts(t, 80, 500)].join('\n');
    const r = await run(sql, 'wrapped');
    expect(r.error).toBeNull();
    expect(r.statements.map((s) => [s.line, s.count, s.transaction])).toEqual([
      [1, 120, 'file'],
      [121, undefined, 'file'],
      [122, 80, 'file'],
    ]);
    expect(await rows(t)).toBe(200);
  });

  it(`a run shorter than ${INSERT_RUN_MIN} keeps a record per statement`, async () => {
    const t = await table();
    const r = await run(inserts(t, INSERT_RUN_MIN - 1).join('\n'));
    expect(r.statements).toHaveLength(INSERT_RUN_MIN - 1);
    expect(r.statements.every((s) => s.count === undefined && s.locks.some((l) => l.relation === t))).toBe(true);
  });

  it('an error inside a run is reported at its own line, after the statements before it ran', async () => {
    const t = await table();
    const sql = [...inserts(t, 699), `INSERT INTO ${t} (a, b) VALUES (5, 'duplicate');`, ...inserts(t, 300, 1000)];
    const r = await run(sql.join('\n'));
    expect(r.error).toMatchObject({ code: '23505', line: 700 });
    const failing = r.statements.find((s) => s.error)!;
    expect(failing).toMatchObject({ line: 700, index: 699 });
    expect(failing.count).toBeUndefined();
    expect(r.statements.filter((s) => s.skipped)).toHaveLength(300);
    expect(await rows(t)).toBe(699); // autocommit: each statement before the failing one committed
  });

  it('an identity column: its sequence, locked by each INSERT that uses it, does not stop the run', async () => {
    const t = await table((x) => `CREATE TABLE ${x}.ids (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, b text);`);
    const ids = t.replace(/\.t$/, '.ids');
    const one = await run(`INSERT INTO ${ids} (b) VALUES ('one');`);
    expect(one.statements[0]!.locks.map((l) => [l.mode, l.kind])).toContainEqual(['RowExclusiveLock', 'sequence']);
    const r = await run(
      Array.from({ length: 200 }, (_, i) => `INSERT INTO ${ids} (b) VALUES ('row ${i}');`).join('\n'),
    );
    expect(r.error).toBeNull();
    expect(r.statements.map((s) => s.count)).toEqual([200]);
    // what the run reports is what one such INSERT, traced alone, reports
    const shape = (x: typeof one) => x.statements[0]!.locks.map((l) => [l.relation, l.mode, l.kind, l.source]);
    expect(shape(r)).toEqual(shape(one));
    expect(await rows(ids)).toBe(201);
  });

  it('a trigger that writes to another table makes the run traced statement by statement', async () => {
    const t = await table(
      (x) => `CREATE TABLE ${x}.audit (a bigint);
       CREATE FUNCTION ${x}.audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ${x}.audit VALUES (NEW.a); RETURN NEW; END $$;
       CREATE TRIGGER audit AFTER INSERT ON ${x}.t FOR EACH ROW EXECUTE FUNCTION ${x}.audit_fn();`,
    );
    const r = await run(inserts(t, INSERT_RUN_MIN + 10).join('\n'));
    expect(r.error).toBeNull();
    expect(r.statements).toHaveLength(INSERT_RUN_MIN + 10);
    for (const s of r.statements) {
      expect(s.count).toBeUndefined();
      expect(s.locks.map((l) => l.relation)).toContain(`runs${n}.audit`);
    }
    expect(await rows(`runs${n}.audit`)).toBe(INSERT_RUN_MIN + 10);
  });
});
