/**
 * PGlite times a statement on its own worker thread (PgliteShadow.timed), for the size estimates
 * (src/dialects/postgres/shadow/scale.ts): the time is the engine's, never more than the caller waited, grows with
 * the rows the statement works on, and the statement is bounded and fails like any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteShadow } from '../../src/dialects/postgres/shadow/pglite.js';

describe('PgliteShadow.timed', () => {
  let shadow: PgliteShadow;
  beforeAll(async () => {
    shadow = await PgliteShadow.open({ timeoutMs: 2_000 });
    await shadow.exec(
      'CREATE TABLE full_t (id bigserial PRIMARY KEY, v int); INSERT INTO full_t (v) SELECT g FROM generate_series(1, 20000) g;' +
        'CREATE TABLE empty_t (id bigserial PRIMARY KEY, v int);',
    );
  });
  afterAll(async () => {
    await shadow?.close();
  });

  /** the fastest of three index builds on `table`, rolled back, and the wall time the caller waited for each */
  async function fastest(table: string): Promise<{ ms: number; waited: number[] }> {
    let ms = Infinity;
    const waited: number[] = [];
    for (let i = 0; i < 3; i++) {
      await shadow.exec('BEGIN');
      const t0 = performance.now();
      const t = await shadow.timed(`CREATE INDEX ON ${table} (v)`);
      waited.push(performance.now() - t0);
      await shadow.exec('ROLLBACK');
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThanOrEqual(waited[i]!);
      ms = Math.min(ms, t);
    }
    return { ms, waited };
  }

  it("is the engine's time: more than nothing, never more than the caller waited, more for 20,000 rows than none", async () => {
    const full = await fastest('full_t');
    const empty = await fastest('empty_t');
    expect(full.ms).toBeGreaterThan(empty.ms);
    // the statement ran: rolled back, the table has no index beyond its key
    const [n] = await shadow.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'full_t'",
    );
    expect(n!.n).toBe(1);
  });

  it('a failing statement rejects with its PostgreSQL error', async () => {
    await expect(shadow.timed('CREATE INDEX ON no_such_table (v)')).rejects.toMatchObject({ code: '42P01' });
  });

  it('is bounded like every statement: one that never returns stops the shadow', async () => {
    const other = await PgliteShadow.open({ timeoutMs: 500 });
    try {
      await expect(other.timed('SELECT pg_sleep(600)')).rejects.toThrow(/overran|0\.5 s/);
      expect(other.stopped).toMatchObject({ seconds: 0.5 });
    } finally {
      await other.close();
    }
  });
});
