/**
 * Issue 14: `ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id)` got no
 * plan. Inline, PostgreSQL scans orders to check the new foreign key while it holds ACCESS
 * EXCLUSIVE on orders and SHARE ROW EXCLUSIVE on coupons. The plan: the column alone, the
 * foreign key NOT VALID, VALIDATE in its own phase, and an index on the column built
 * CONCURRENTLY (every DELETE on coupons looks up orders through it). Proven on PGlite and on
 * the local PostgreSQL; the near misses get no foreign-key plan.
 */
import { expect, it } from 'vitest';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import { eachEngine, PG_URL } from '../shadow/engines.js';
import { names, planSql } from './helpers.js';
import { planMigrations } from '../../src/plan/planner.js';
import { postgres } from '../../src/dialects/postgres/index.js';
import { mig } from './helpers.js';
import { lintMigrations } from '../../src/pipeline/index.js';

const HISTORY = `CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, total int NOT NULL DEFAULT 0);
INSERT INTO coupons SELECT g, 'c' || g FROM generate_series(1, 50) g;`;

const ISSUE = 'ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);';

it('the issue example: column, NOT VALID foreign key, VALIDATE in its own phase, index CONCURRENTLY', async () => {
  const { plan } = await planSql(HISTORY, ISSUE);
  expect(names(plan)).toEqual(['expand', 'validate', 'index']);
  const [expand, validate, index] = plan.phases.map((p) => p.sql);
  expect(expand).toContain('ALTER TABLE orders ADD COLUMN IF NOT EXISTS coupon_id bigint;');
  expect(expand).toMatch(
    /ALTER TABLE orders ADD CONSTRAINT orders_coupon_id_fkey FOREIGN KEY \(coupon_id\) REFERENCES coupons \(id\) NOT VALID;/,
  );
  expect(expand).not.toContain('VALIDATE');
  expect(validate).toContain('ALTER TABLE orders VALIDATE CONSTRAINT orders_coupon_id_fkey;');
  expect(plan.phases[2]!.transactional).toBe(false);
  expect(index).toMatch(/CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_coupon_id_idx ON orders \(coupon_id\);$/);
  expect(plan.expectedDifferences.map((e) => e.keys)).toEqual([['index public.orders_coupon_id_idx']]);
  expect(plan.rewrites.map((r) => r.rule)).toEqual(['adding-foreign-key-constraint']);
});

it('ON DELETE, a named constraint and a later CREATE INDEX on the column: kept, and no second index', async () => {
  const { plan } = await planSql(
    HISTORY,
    `ALTER TABLE orders ADD COLUMN coupon_id bigint CONSTRAINT orders_coupon_fk REFERENCES coupons (id) ON DELETE SET NULL;
CREATE INDEX orders_coupon_idx ON orders (coupon_id);`,
  );
  const sql = plan.phases.map((p) => p.sql).join('\n');
  expect(sql).toMatch(
    /ADD CONSTRAINT orders_coupon_fk FOREIGN KEY \(coupon_id\) REFERENCES coupons \(id\) ON DELETE SET NULL NOT VALID/,
  );
  expect(sql).toContain('VALIDATE CONSTRAINT orders_coupon_fk');
  // the migration's own index, built CONCURRENTLY, serves the foreign key: the plan adds none
  expect(sql.match(/CREATE INDEX CONCURRENTLY/g)).toHaveLength(1);
  expect(sql).toContain('orders_coupon_idx');
  expect(plan.expectedDifferences).toEqual([]);
});

it('UNIQUE REFERENCES: the unique index serves the foreign key, no second index', async () => {
  const { plan } = await planSql(
    HISTORY,
    'ALTER TABLE orders ADD COLUMN coupon_id bigint UNIQUE REFERENCES coupons (id);',
  );
  const sql = plan.phases.map((p) => p.sql).join('\n');
  expect(sql).toContain(
    'ADD CONSTRAINT orders_coupon_id_fkey FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID',
  );
  expect(sql).toContain('VALIDATE CONSTRAINT orders_coupon_id_fkey');
  expect(sql.match(/CREATE (UNIQUE )?INDEX CONCURRENTLY/g)).toEqual(['CREATE UNIQUE INDEX CONCURRENTLY']);
  expect(plan.expectedDifferences).toEqual([]);
});

it('a new NOT NULL column with a volatile default and REFERENCES: backfilled first, then the foreign key validated', async () => {
  const { plan } = await planSql(
    HISTORY,
    'ALTER TABLE orders ADD COLUMN coupon_id bigint NOT NULL DEFAULT (1 + floor(random() * 50))::bigint REFERENCES coupons (id);',
  );
  expect(names(plan)).toEqual(['expand', 'backfill', 'validate', 'index', 'contract']);
  expect(plan.phases[0]!.sql).toContain('NOT VALID');
  expect(plan.phases[2]!.sql).toContain('VALIDATE CONSTRAINT orders_coupon_id_fkey');
});

it('near misses: a table created in the migration, and a column without REFERENCES, get no foreign-key plan', async () => {
  const r = await planMigrations(
    postgres,
    [
      mig(HISTORY, { path: 'm/0001.sql', review: false }),
      mig(
        `CREATE TABLE refunds (id bigint PRIMARY KEY);
ALTER TABLE refunds ADD COLUMN coupon_id bigint REFERENCES coupons (id);
ALTER TABLE orders ADD COLUMN note text;`,
        { path: 'm/0002.sql' },
      ),
    ],
    {},
  );
  expect(r.failed).toEqual([]);
  expect(r.plans).toEqual([]);
});

it('a partitioned table: no plan (no CONCURRENTLY there), and the finding says what to do by hand', async () => {
  const migrations = [
    mig(`${HISTORY}\nCREATE TABLE sales (id bigint, at date) PARTITION BY RANGE (at);`, {
      path: 'm/0001.sql',
      review: false,
    }),
    mig('ALTER TABLE sales ADD COLUMN coupon_id bigint REFERENCES coupons (id);', { path: 'm/0002.sql' }),
  ];
  const findings = (await lintMigrations(migrations, {})).files.flatMap((f) => f.findings);
  expect(findings.map((f) => f.rule)).toContain('adding-foreign-key-constraint');
  const r = await planMigrations(postgres, migrations, { findings });
  expect(r.failed).toEqual([]);
  expect(r.plans).toEqual([]);
  expect(r.unhandled.map((u) => u.advice).join('\n')).toMatch(
    /the table is partitioned, where CREATE INDEX CONCURRENTLY does not work/,
  );
});

eachEngine('the foreign-key column plan is proven', (engine) => {
  for (const [title, sql] of [
    ['the issue example', ISSUE],
    [
      'NOT NULL with a volatile default and REFERENCES',
      'ALTER TABLE orders ADD COLUMN coupon_id bigint NOT NULL DEFAULT (1 + floor(random() * 50))::bigint REFERENCES coupons (id) ON DELETE CASCADE;',
    ],
  ] as const) {
    it(
      title,
      async () => {
        const p = await planSql(HISTORY, sql);
        const v = await verifyPlan(p.plan, p.history, {
          seedRows: 80,
          ...(engine.name === 'postgresql' ? { shadowUrl: PG_URL! } : {}),
        });
        const why = JSON.stringify({ v, phases: p.plan.phases.map((x) => x.sql) }, null, 1);
        expect(v.error, why).toBeUndefined();
        expect(v.planError, why).toBeUndefined();
        expect(v.schemaEqual, why).toBe(true);
        expect(v.locksSafe, why).toBe(true);
        expect(isProven(v), why).toBe(true);
        // the one schema difference is the index the plan adds on purpose, and the proof says so
        expect(v.expected.join('\n')).toMatch(
          /index orders_coupon_id_idx on orders \(coupon_id\) is added by the plan/,
        );
      },
      120_000,
    );
  }
});
