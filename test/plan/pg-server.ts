/**
 * Plan tests on the real PostgreSQL at ZERODOWN_TEST_PG_URL: a throwaway database
 * per test, run the way a migration tool runs the phases (transactional phases in
 * BEGIN/COMMIT, the others sent alone), each phase in a new session so that
 * database-level settings apply. Skipped, saying why, when the URL is unset.
 */
import pg from 'pg';
import type { StagedPlan } from '../../src/plan/types.js';

export const PG_URL = process.env.ZERODOWN_TEST_PG_URL;

export interface Db {
  name: string;
  url: string;
  /** a new session on the database */
  connect(): Promise<pg.Client>;
  /** runs SQL in a new session without any time limit */
  exec(sql: string): Promise<pg.QueryResult[]>;
  drop(): Promise<void>;
}

export async function throwawayDb(prefix: string): Promise<Db> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const name = `zd_${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL!);
  u.pathname = `/${name}`;
  const url = u.toString();
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notice', () => {});
    await c.connect();
    return c;
  };
  return {
    name,
    url,
    connect,
    async exec(sql) {
      const c = await connect();
      try {
        await c.query('SET statement_timeout = 0');
        const r = await c.query(sql);
        return Array.isArray(r) ? r : [r];
      } finally {
        await c.end();
      }
    },
    async drop() {
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** Runs phases [from, to) the way a migration tool would, each in a session of its own. */
export async function runPlanPhases(db: Db, plan: StagedPlan, from = 0, to = plan.phases.length): Promise<void> {
  for (const [i, p] of plan.phases.slice(from, to).entries()) {
    const c = await db.connect();
    try {
      if (p.transactional) {
        await c.query('BEGIN');
        try {
          await c.query(p.sql);
          await c.query('COMMIT');
        } catch (err) {
          await c.query('ROLLBACK');
          throw err;
        }
      } else await c.query(p.sql);
    } catch (err) {
      (err as Error).message = `phase ${from + i + 1} (${p.name}): ${(err as Error).message}`;
      throw err;
    } finally {
      await c.end();
    }
  }
}
