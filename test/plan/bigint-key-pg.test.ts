/**
 * The int → bigint primary key plan on the real PostgreSQL at ZERODOWN_TEST_PG_URL: the
 * planner's proof, and the plan run phase by phase while a writer on a second connection
 * inserts orders and order items the whole time. It ends with every row the writer was
 * told was committed, no orphan, the same schema as the original ALTER (bar the
 * differences the plan declares), and a second run of every phase that changes nothing.
 * Skipped, saying why, when the URL is unset.
 */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { snapshotData, snapshotSchema } from '../../src/dialects/postgres/shadow/snapshot.js';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import { IDENTITY_HISTORY, SERIAL_HISTORY } from './bigint-key-fixtures.js';
import { planSql } from './helpers.js';
import { PG_URL, runPlanPhases, throwawayDb, type Db } from './pg-server.js';

const ALTER = 'ALTER TABLE orders ALTER COLUMN id TYPE bigint;';
const SEED = `INSERT INTO orders DEFAULT VALUES;`;

const target = (c: pg.Client) => ({
  kind: 'postgres',
  serverVersion: 150000,
  exec: async (sql: string) => {
    await c.query(sql);
  },
  query: async <T>(sql: string) => (await c.query(sql)).rows as T[],
});

async function schemaOf(db: Db) {
  const c = await db.connect();
  try {
    return await snapshotSchema(target(c));
  } finally {
    await c.end();
  }
}

/** Inserts an order and an item for it, one transaction each time, until stopped; counts what committed. */
function startWriter(db: Db) {
  const committed: number[] = [];
  const errors: string[] = [];
  let stop = false;
  const done = (async () => {
    const c = await db.connect();
    try {
      while (!stop) {
        try {
          await c.query('BEGIN');
          const r = await c.query('INSERT INTO orders DEFAULT VALUES RETURNING id');
          const id = Number(r.rows[0].id);
          await c.query('INSERT INTO order_items (order_id) VALUES ($1)', [id]);
          await c.query('COMMIT');
          committed.push(id);
        } catch (err) {
          errors.push((err as Error).message);
          await c.query('ROLLBACK').catch(() => {});
        }
      }
    } finally {
      await c.end();
    }
  })();
  return {
    committed,
    errors,
    /** resolves once `n` more rows have committed since the call */
    async progress(n: number) {
      const want = committed.length + n;
      while (committed.length < want && !errors.length) await new Promise((r) => setTimeout(r, 5));
    },
    async stop() {
      stop = true;
      await done;
    },
  };
}

describe.skipIf(!PG_URL)(
  `int → bigint primary key on PostgreSQL [postgresql]${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`,
  () => {
    it.each([
      ['identity', IDENTITY_HISTORY],
      ['serial', SERIAL_HISTORY],
    ])(
      '%s key: the planner proves its plan on the local PostgreSQL',
      async (_, history) => {
        const p = await planSql(history, ALTER);
        const v = await verifyPlan(p.plan, p.history, { shadowUrl: PG_URL!, seedRows: 50 });
        expect(v.differences).toEqual([]);
        expect(isProven(v)).toBe(true);
      },
      180_000,
    );

    it.each([
      ['identity', IDENTITY_HISTORY],
      ['serial', SERIAL_HISTORY],
    ])(
      '%s key: a writer inserts throughout the whole plan; no row lost, the original schema, a rerun changes nothing',
      async (_, history) => {
        const p = await planSql(history, ALTER);
        const orig = await throwawayDb('bigint_orig');
        const db = await throwawayDb('bigint_plan');
        try {
          await orig.exec(`${history}\n${SEED.repeat(200)}\n${ALTER}`);
          await db.exec(`${history}\n${SEED.repeat(200)}\nINSERT INTO order_items (order_id) SELECT id FROM orders;`);
          const writer = startWriter(db);
          try {
            await writer.progress(20);
            for (let i = 0; i < p.plan.phases.length; i++) {
              await runPlanPhases(db, p.plan, i, i + 1);
              // the writer goes on between phases, not only during them
              await writer.progress(20);
            }
          } finally {
            await writer.stop();
          }
          expect(writer.errors).toEqual([]);
          expect(writer.committed.length).toBeGreaterThan(20 * (p.plan.phases.length + 1) - 1);
          const [rows] = await db.exec(
            `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM order_items) AS items,
                  (SELECT count(*)::int FROM order_items i LEFT JOIN orders o ON o.id = i.order_id WHERE o.id IS NULL) AS orphans,
                  (SELECT count(*)::int FROM orders WHERE id = ANY ($1::bigint[])) AS written`.replace(
              '$1::bigint[]',
              `'{${writer.committed.join(',')}}'::bigint[]`,
            ),
          );
          expect(rows!.rows[0]).toEqual({
            orders: 200 + writer.committed.length,
            items: 200 + writer.committed.length,
            orphans: 0,
            written: writer.committed.length,
          });
          // the same schema as the original ALTER, bar the declared differences
          const want = await schemaOf(orig);
          const got = await schemaOf(db);
          const declared = new Set(p.plan.expectedDifferences.flatMap((e) => e.keys));
          const differ = [...new Set([...want.keys(), ...got.keys()])].filter(
            (k) => want.get(k) !== got.get(k) && !declared.has(k),
          );
          expect(differ.map((k) => `${k}: ${want.get(k)} → ${got.get(k)}`)).toEqual([]);
          expect(got.get('column public.orders.id')).toBe(want.get('column public.orders.id'));
          expect(got.get('column public.order_items.order_id')).toMatch(/^bigint NOT NULL/);
          // every phase run again: nothing fails, nothing changes
          const c = await db.connect();
          const data = await snapshotData(target(c));
          await c.end();
          for (let i = 0; i < p.plan.phases.length; i++) await runPlanPhases(db, p.plan, i, i + 1);
          expect(await schemaOf(db)).toEqual(got);
          const c2 = await db.connect();
          expect(await snapshotData(target(c2))).toEqual(data);
          await c2.end();
        } finally {
          await orig.drop();
          await db.drop();
        }
      },
      300_000,
    );
  },
);
