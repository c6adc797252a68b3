/**
 * Issue 11, defect 7: "each phase can be run again" was false (`column … already
 * exists`, `constraint … does not exist`). Every rewrite kind the planner makes is
 * run on the real PostgreSQL (a throwaway database), then every phase is run a
 * second time: no error, and the same schema and data as after the first run.
 * Also: below PostgreSQL 11 a batched backfill (COMMIT in a DO block) is refused
 * plainly instead of emitted.
 */
import { postgres } from '../../src/dialects/postgres/index.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openShadow } from '../shadow/kernel.js';
import type { PlanOptions } from '../../src/plan/types.js';
import { replay, seed } from '../../src/plan/verify.js';
import { snapshotData, snapshotSchema } from '../shadow/kernel.js';
import { PG_URL } from '../shadow/engines.js';
import { planSql, runPhases } from './helpers.js';

const ACCOUNTS = `
CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  email varchar(200),
  score integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
CREATE INDEX accounts_name_idx ON accounts (name);
CREATE TABLE invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  amount numeric NOT NULL DEFAULT 1,
  status text
);
CREATE TABLE memberships (account_id bigint, team text, token text);`;

const HEADLINE = readFileSync('examples/migrations/20261101090000_add_plan_code.sql', 'utf8');
const HEADLINE_HISTORY = readFileSync('examples/migrations/20261001120000_create_accounts.sql', 'utf8');

const CASES: { title: string; sql: string; history?: string; opts?: PlanOptions }[] = [
  {
    title: 'volatile default, NOT NULL, folded UPDATE and index (the headline)',
    sql: HEADLINE,
    history: HEADLINE_HISTORY,
  },
  {
    title: 'required column with a configured backfill value',
    sql: 'ALTER TABLE invoices ADD COLUMN currency text NOT NULL;',
    opts: { backfill: { 'invoices.currency': `'EUR'` } },
  },
  {
    title: 'CREATE INDEX and CREATE UNIQUE INDEX',
    sql: 'CREATE INDEX invoices_status_idx ON invoices (status);\nCREATE UNIQUE INDEX accounts_name_key ON accounts (name);',
  },
  {
    title: 'UNIQUE constraint on an existing column',
    sql: 'ALTER TABLE invoices ADD CONSTRAINT invoices_amount_key UNIQUE (amount, id);',
  },
  {
    title: 'PRIMARY KEY on a nullable column',
    sql: 'ALTER TABLE memberships ADD PRIMARY KEY (token);',
    history: `${ACCOUNTS}\nUPDATE memberships SET token = account_id::text;`,
  },
  { title: 'idempotent UPDATE', sql: `UPDATE accounts SET score = 7 WHERE score >= 0;` },
  {
    title: 'non-idempotent UPDATE (progress table)',
    sql: 'UPDATE accounts SET score = score + 1;',
    opts: { batchSize: 10 },
  },
  { title: 'DELETE', sql: 'DELETE FROM invoices WHERE amount > 50;' },
  {
    title: 'UPDATE without a primary key (page ranges)',
    sql: `UPDATE memberships SET token = 'x' WHERE token IS NULL;`,
  },
  { title: 'FOREIGN KEY', sql: 'ALTER TABLE invoices ADD FOREIGN KEY (account_id) REFERENCES accounts (id);' },
  { title: 'CHECK', sql: 'ALTER TABLE accounts ADD CONSTRAINT score_positive CHECK (score >= 0);' },
  { title: 'SET NOT NULL', sql: 'ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;' },
  { title: 'RENAME TABLE', sql: 'ALTER TABLE invoices RENAME TO bills;' },
  { title: 'RENAME COLUMN (NOT NULL, indexed)', sql: 'ALTER TABLE accounts RENAME COLUMN name TO full_name;' },
  {
    title: 'ALTER COLUMN TYPE (unique index on it)',
    sql: 'ALTER TABLE accounts ALTER COLUMN email TYPE varchar(100);',
    opts: {},
  },
  { title: 'ALTER COLUMN TYPE int → bigint', sql: 'ALTER TABLE accounts ALTER COLUMN score TYPE bigint;' },
];

describe.skipIf(!PG_URL)(
  `every phase run twice on PostgreSQL [postgresql]${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`,
  () => {
    for (const c of CASES) {
      it(
        c.title,
        async () => {
          const p = await planSql(c.history ?? ACCOUNTS, c.sql, c.opts ?? {});
          const sh = await openShadow({ url: PG_URL! });
          try {
            expect(await replay(sh, p.history)).toEqual([]);
            expect(await seed(sh, 60)).toEqual([]);
            await runPhases(sh, p.plan);
            const schema = await snapshotSchema(sh);
            const data = await snapshotData(sh);
            // again, phase by phase: nothing fails, nothing changes
            for (const [i, phase] of p.plan.phases.entries()) {
              try {
                await runPhases(sh, { ...p.plan, phases: [phase] });
              } catch (err) {
                throw new Error(`phase ${i + 1} (${phase.name}) run again: ${(err as Error).message}\n${phase.sql}`);
              }
            }
            expect(await snapshotSchema(sh)).toEqual(schema);
            expect(await snapshotData(sh)).toEqual(data);
          } finally {
            await sh.close();
          }
        },
        120_000,
      );
    }
  },
);

describe('below PostgreSQL 11', () => {
  it('a batched backfill is refused plainly (COMMIT in a DO block needs 11), never emitted', async () => {
    const { planMigrations } = await import('../../src/plan/planner.js');
    const { mig } = await import('./helpers.js');
    const result = await planMigrations(
      postgres,
      [
        mig(ACCOUNTS, { path: 'm/0001.sql', review: false }),
        mig(
          `ALTER TABLE accounts ADD COLUMN tier text NOT NULL DEFAULT 'free';\nCREATE INDEX accounts_score_idx ON accounts (score);`,
          { path: 'm/0002.sql' },
        ),
      ],
      { pgVersion: 10 },
    );
    const plan = result.plans[0]!;
    expect(plan.phases.some((p) => /COMMIT/.test(p.sql))).toBe(false);
    expect(plan.notes.map((n) => n.message).join('\n')).toMatch(
      /below PostgreSQL 11: its safe form backfills in batches, each committed inside a DO block/,
    );
  });
});
