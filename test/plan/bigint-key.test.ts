/** The int → bigint primary key plan (src/dialects/postgres/plan/bigint-key.ts), proven on PGlite. */
import { describe, expect, it } from 'vitest';
import { postgres } from '../../src/dialects/postgres/index.js';
import { planMigrations } from '../../src/plan/planner.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { IDENTITY_HISTORY, SERIAL_HISTORY } from './bigint-key-fixtures.js';
import { expectProven, mig, names, planSql, runPhases, shadowWith } from './helpers.js';

const ALTER = 'ALTER TABLE orders ALTER COLUMN id TYPE bigint;';

describe('int → bigint primary key', () => {
  it('identity key, referenced three ways: the full expand/contract plan, proven on PGlite', async () => {
    const p = await planSql(IDENTITY_HISTORY, ALTER);
    expect(names(p.plan)).toEqual([
      'expand',
      'backfill',
      'backfill',
      'backfill',
      'validate',
      'index',
      'index',
      'contract',
      'validate',
      'contract',
    ]);
    const all = p.plan.phases.map((x) => x.sql).join('\n');
    expect(all).toContain('ALTER TABLE orders ADD COLUMN IF NOT EXISTS id_zd_new bigint');
    expect(all).toContain('ALTER TABLE order_items ADD COLUMN IF NOT EXISTS order_id_zd_new bigint');
    expect(all).toContain('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_id_zd_new_key ON orders (id_zd_new);');
    expect(all).toContain('ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_zd_new_key;');
    const swap = p.plan.phases[7]!;
    expect(swap.transactional).toBe(true);
    expect(swap.sql).toMatch(/ADD CONSTRAINT %I %s NOT VALID/);
    const last = p.plan.phases.at(-1)!;
    expect(last.deploy).toMatch(/deploy \(or restart\) the app/);
    expect(last.sql).toContain('ALTER TABLE orders DROP COLUMN IF EXISTS id_zd_old;');
    // shipments.order_id is bigint already: re-pointed, not widened
    expect(all).not.toContain('shipments ADD COLUMN');
    const v = await expectProven(p);
    expect(v.expected.join('\n')).toMatch(/order_items\.order_id, refunds\.order_id are bigint too/);
  });

  it('serial key: the sequence moves to the new column (and to bigint)', async () => {
    const p = await planSql(SERIAL_HISTORY, ALTER);
    expect(p.plan.phases.map((x) => x.sql).join('\n')).toContain(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS order_items_order_id_idx_zd_new ON order_items (order_id_zd_new) WHERE qty > 0',
    );
    await expectProven(p);
    const sh = await shadowWith(p.history, 30);
    try {
      await runPhases(sh, p.plan);
      await sh.exec(`INSERT INTO orders (note) VALUES ('after')`);
      expect(
        await sh.query(
          `SELECT format_type(seqtypid, NULL) AS t, (SELECT max(id) FROM orders) > 30 AS fresh FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('orders', 'id')::regclass`,
        ),
      ).toEqual([{ t: 'bigint', fresh: true }]);
    } finally {
      await sh.close();
    }
  });

  it('writes during the plan keep both columns equal, phase by phase (PGlite)', async () => {
    const p = await planSql(IDENTITY_HISTORY, ALTER);
    const sh = await shadowWith(p.history, 20);
    try {
      for (let i = 0; i < p.plan.phases.length; i++) {
        await runPhases(sh, { ...p.plan, phases: [p.plan.phases[i]!] });
        await sh.exec(`INSERT INTO orders DEFAULT VALUES`);
        await sh.exec(
          `INSERT INTO order_items (order_id, sku) SELECT max(id), 'p${i}' FROM orders; INSERT INTO refunds (order_id) SELECT max(id) FROM orders`,
        );
      }
      expect(await sh.query(`SELECT count(*)::int AS n FROM order_items WHERE sku LIKE 'p%'`)).toEqual([
        { n: p.plan.phases.length },
      ]);
      expect(
        await sh.query(
          `SELECT count(*)::int AS n FROM order_items i LEFT JOIN orders o ON o.id = i.order_id WHERE o.id IS NULL`,
        ),
      ).toEqual([{ n: 0 }]);
    } finally {
      await sh.close();
    }
  });
});

describe('int → bigint primary key: names that need quoting', () => {
  it('mixed case, spaces and quotes in table and column names stay names', async () => {
    const p = await planSql(
      `CREATE TABLE "Orders" ("Id" serial PRIMARY KEY, note text);
CREATE TABLE "Order ""Items""" (id bigint PRIMARY KEY, "Order Id" int NOT NULL REFERENCES "Orders");
CREATE INDEX "Items by order" ON "Order ""Items""" ("Order Id");`,
      'ALTER TABLE "Orders" ALTER COLUMN "Id" TYPE bigint;',
    );
    expect(p.plan.phases[0]!.sql).toContain(
      'ALTER TABLE "Order ""Items""" ADD COLUMN IF NOT EXISTS "Order Id_zd_new" bigint;',
    );
    await expectProven(p, { seedRows: 20 });
  });
});

describe('int → bigint primary key: near misses and refusals', () => {
  const plan = async (history: string, sql: string) =>
    planMigrations(postgres, [mig(history, { path: 'h.sql', review: false }), mig(sql)]);

  it('a non-key integer column to bigint gets the ordinary type-change plan, not this one', async () => {
    const r = await plan(SERIAL_HISTORY, 'ALTER TABLE order_items ALTER COLUMN qty TYPE bigint;');
    const sql = r.plans[0]!.phases.map((x) => x.sql).join('\n');
    expect(sql).toContain('qty_zd_new');
    expect(sql).not.toContain('PRIMARY KEY USING INDEX');
  });

  it('a self-referencing key is left to a person, with a note that says why', async () => {
    const r = await plan(
      'CREATE TABLE nodes (id int PRIMARY KEY, parent_id int REFERENCES nodes (id));',
      'ALTER TABLE nodes ALTER COLUMN id TYPE bigint;\nCREATE INDEX nodes_parent_idx ON nodes (parent_id);',
    );
    expect(r.plans[0]!.phases[0]!.sql).toContain('ALTER TABLE nodes ALTER COLUMN id TYPE bigint;');
    expect(r.plans[0]!.notes.map((n) => n.message).join('\n')).toMatch(
      /No automatic int → bigint plan for nodes\.id: the foreign key nodes_parent_id_fkey references its own table/,
    );
  });

  it('a referencing column that also references another table is left to a person', async () => {
    const r = await plan(
      `CREATE TABLE orders (id int PRIMARY KEY);
CREATE TABLE archived (id int PRIMARY KEY);
CREATE TABLE items (id bigint PRIMARY KEY, order_id int,
  CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders,
  CONSTRAINT items_archived_fk FOREIGN KEY (order_id) REFERENCES archived);`,
      `${ALTER}\nCREATE INDEX items_order_idx ON items (order_id);`,
    );
    expect(r.plans[0]!.notes.map((n) => n.message).join('\n')).toMatch(
      /No automatic int → bigint plan for orders\.id: the foreign constraint items_archived_fk uses items\.order_id/,
    );
  });

  it('zerodown-ignore changing-column-type keeps the ALTER as written', async () => {
    const r = await plan(IDENTITY_HISTORY, `-- zerodown-ignore changing-column-type\n${ALTER}`);
    expect(r.plans.flatMap((x) => x.phases.map((y) => y.sql)).join('\n')).not.toContain('id_zd_new');
  });
});

describe('int → bigint primary key: the plan lints clean with zerodown itself', () => {
  it.each([
    ['identity', IDENTITY_HISTORY],
    ['serial', SERIAL_HISTORY],
  ])('%s key: every phase, as the migration file it becomes, has no finding', async (_, history) => {
    const p = await planSql(history, ALTER);
    const phases = p.plan.phases.map((ph, i) =>
      mig(ph.sql, {
        path: `db/${String(i + 2).padStart(4, '0')}_${ph.name}.sql`,
        transaction: ph.transactional ? 'wrapped' : 'none',
      }),
    );
    const lint = await lintMigrations([mig(history, { path: 'db/0001_init.sql', review: false }), ...phases], {});
    const found = lint.files.flatMap((f) => f.findings.map((x) => `${f.migration.path} ${x.rule}: ${x.message}`));
    expect(found).toEqual([]);
    // the same lint run does flag the original ALTER, and a bare DROP COLUMN of the kind the plan ends with
    const control = await lintMigrations(
      [
        mig(history, { path: 'db/0001_init.sql', review: false }),
        mig(`${ALTER}\nALTER TABLE order_items DROP COLUMN IF EXISTS order_id;`, { path: 'db/0002_alter.sql' }),
      ],
      {},
    );
    expect(control.files.flatMap((f) => f.findings.map((x) => x.rule))).toEqual(
      expect.arrayContaining(['changing-column-type', 'ban-drop-column']),
    );
    // the one statement a rule would flag carries an ignore that says why
    expect(p.plan.phases.at(-1)!.sql).toMatch(
      /-- zerodown-ignore ban-drop-column: id_zd_old is the old integer id, renamed at the swap/,
    );
  });
});

describe('int → bigint primary key: the identity moves with its options', () => {
  it('INCREMENT BY 5 carries over, the next id follows the last one, the sequence is bigint', async () => {
    const history = `CREATE TABLE tickets (id int GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5) PRIMARY KEY, note text);
CREATE TABLE replies (id bigint PRIMARY KEY, ticket_id int REFERENCES tickets);`;
    const p = await planSql(history, 'ALTER TABLE tickets ALTER COLUMN id TYPE bigint;');
    await expectProven(p, { seedRows: 20 });
    const sh = await shadowWith(p.history, 0);
    try {
      await sh.exec(`INSERT INTO tickets (note) VALUES ('a'), ('b')`);
      await runPhases(sh, p.plan);
      await sh.exec(`INSERT INTO tickets (note) VALUES ('after')`);
      expect(await sh.query(`SELECT id::int AS id FROM tickets ORDER BY id`)).toEqual([
        { id: 100 },
        { id: 105 },
        { id: 110 },
      ]);
      expect(
        await sh.query(
          `SELECT format_type(seqtypid, NULL) AS t, seqincrement::int AS inc FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('tickets', 'id')::regclass`,
        ),
      ).toEqual([{ t: 'bigint', inc: 5 }]);
    } finally {
      await sh.close();
    }
  });

  it('below PostgreSQL 12 the swap would scan under ACCESS EXCLUSIVE: left to a person, with a note', async () => {
    const r = await planMigrations(
      postgres,
      [
        mig(IDENTITY_HISTORY, { path: 'h.sql', review: false }),
        mig(`${ALTER}\nCREATE INDEX orders_total_idx ON orders (total);`),
      ],
      { pgVersion: 11 },
    );
    expect(r.plans[0]!.notes.map((n) => n.message).join('\n')).toMatch(
      /No automatic int → bigint plan for orders\.id: below PostgreSQL 12/,
    );
  });
});
