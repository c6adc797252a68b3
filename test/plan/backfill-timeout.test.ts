/**
 * Issue 11, defect 6: under a database-level statement_timeout the rename plan's
 * backfill was cancelled part-way, and the contract phase then dropped the old
 * column anyway: data lost. The backfill now outlives a statement_timeout it
 * started under, and the contract refuses to drop anything while a row is not
 * copied (a guard in SQL, before any DROP).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../shadow/engines.js';
import { planSql } from './helpers.js';
import { PG_URL, runPlanPhases, throwawayDb, type Db } from './pg-server.js';

const HISTORY = 'CREATE TABLE people (id bigint PRIMARY KEY, name text NOT NULL, age integer);';
const ROWS = 150_000;

let db: Db | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe.skipIf(!PG_URL)(
  `backfill under ALTER DATABASE … SET statement_timeout [postgresql]${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`,
  () => {
    it('a 200 ms database default does not cut the backfill short; every row is copied, then renamed', async () => {
      const p = await planSql(HISTORY, 'ALTER TABLE people RENAME COLUMN name TO full_name;');
      expect(p.plan.phases.map((x) => x.name)).toEqual(['expand', 'backfill', 'validate', 'contract']);
      db = await throwawayDb('timeout');
      await db.exec(`${HISTORY}
        INSERT INTO people SELECT g, 'name ' || g, g % 90 FROM generate_series(1, ${ROWS}) g;
        ALTER DATABASE ${db.name} SET statement_timeout = '200ms';`);
      // the default bites: a plain full-table statement in a new session is cancelled
      const probe = await db.connect();
      await expect(probe.query('UPDATE people SET age = age + 1')).rejects.toThrow(/statement timeout/);
      await probe.end();

      const started = Date.now();
      await runPlanPhases(db, p.plan);
      // the backfill alone took longer than the timeout, or the test proves nothing
      expect(Date.now() - started).toBeGreaterThan(200);
      const [r] = await db.exec(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE full_name = 'name ' || id)::int AS ok FROM people`,
      );
      expect(r!.rows).toEqual([{ n: ROWS, ok: ROWS }]);
      const [cols] = await db.exec(
        `SELECT attname FROM pg_attribute WHERE attrelid = 'people'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      );
      expect(cols!.rows.map((x) => x.attname)).toEqual(['id', 'age', 'full_name']);
    }, 120_000);

    it('a type change backfill too (integer → bigint), under the same database default', async () => {
      const p = await planSql(HISTORY, 'ALTER TABLE people ALTER COLUMN age TYPE bigint;');
      db = await throwawayDb('timeout');
      await db.exec(`${HISTORY}
        INSERT INTO people SELECT g, 'name ' || g, g % 90 FROM generate_series(1, ${ROWS}) g;
        ALTER DATABASE ${db.name} SET statement_timeout = '200ms';`);
      await runPlanPhases(db, p.plan);
      const [r] = await db.exec(
        `SELECT count(*) FILTER (WHERE age = id % 90)::int AS ok, format_type(atttypid, atttypmod) AS type
           FROM people, pg_attribute WHERE attrelid = 'people'::regclass AND attname = 'age' GROUP BY 2`,
      );
      expect(r!.rows).toEqual([{ ok: ROWS, type: 'bigint' }]);
    }, 120_000);
  },
);

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(
    `the contract guard [${engine.name}]${engine.skip ? ' (skipped: set ZERODOWN_TEST_PG_URL)' : ''}`,
    () => {
      it('refuses to drop the old column while a row is not copied, and drops nothing', async () => {
        const p = await planSql(HISTORY, 'ALTER TABLE people RENAME COLUMN name TO full_name;');
        const sh = await engine.open();
        try {
          await sh.exec(`${HISTORY} INSERT INTO people SELECT g, 'n' || g, g FROM generate_series(1, 50) g;`);
          const run = async (i: number) => {
            const ph = p.plan.phases[i]!;
            if (!ph.transactional) return sh.exec(ph.sql);
            await sh.exec('BEGIN');
            try {
              await sh.exec(ph.sql);
              await sh.exec('COMMIT');
            } catch (err) {
              await sh.exec('ROLLBACK');
              throw err;
            }
          };
          await run(0); // expand: the new column and its trigger, but no backfill (so no validate either)
          await expect(run(3)).rejects.toThrow(
            /zerodown: people\.full_name does not hold the value of people\.name on every row \(did the backfill phase finish\?\), so nothing is dropped/,
          );
          const cols = await sh.query<{ attname: string }>(
            `SELECT attname FROM pg_attribute WHERE attrelid = 'people'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
          );
          expect(cols.map((c) => c.attname)).toEqual(['id', 'name', 'age', 'full_name']);
          // after the backfill, the same contract goes through
          await run(1);
          await run(2);
          await run(3);
          const after = await sh.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM people WHERE full_name = 'n' || id`,
          );
          expect(after).toEqual([{ n: 50 }]);
        } finally {
          await sh.close();
        }
      }, 120_000);
    },
  );
}
