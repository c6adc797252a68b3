/**
 * The plans the planner makes, one case per rewrite kind, shared by the checks that run over
 * all of them: rerun.test.ts (every phase run twice on PostgreSQL changes nothing) and
 * lint-clean.test.ts (every plan lints clean with zerodown itself).
 */
import { readFileSync } from 'node:fs';
import type { PlanOptions } from '../../src/plan/types.js';

const ACCOUNTS_SRC = `
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

export const ACCOUNTS = ACCOUNTS_SRC;

const HEADLINE = readFileSync('examples/migrations/20261101090000_add_plan_code.sql', 'utf8');
const HEADLINE_HISTORY = readFileSync('examples/migrations/20261001120000_create_accounts.sql', 'utf8');

export const PLAN_CASES: { title: string; sql: string; history?: string; opts?: PlanOptions }[] = [
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
  { title: 'DROP INDEX', sql: 'DROP INDEX accounts_name_idx;' },
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
  // issue 14: the rewrites added since, and the type change of the issue
  {
    title: 'ALTER COLUMN TYPE text → jsonb USING (expand/contract)',
    sql: 'ALTER TABLE invoices ALTER COLUMN status TYPE jsonb USING to_jsonb(status);',
  },
  {
    title: 'ADD COLUMN … REFERENCES (NOT VALID, VALIDATE, concurrent index)',
    sql: 'ALTER TABLE invoices ADD COLUMN payer_id bigint REFERENCES accounts (id);',
  },
  {
    title: 'ADD COLUMN NOT NULL with a volatile default and REFERENCES',
    sql: 'ALTER TABLE invoices ADD COLUMN owner_id bigint NOT NULL DEFAULT (1 + floor(random() * 10))::bigint REFERENCES accounts (id) ON DELETE CASCADE;',
    history: `${ACCOUNTS_SRC}\nINSERT INTO accounts (name) SELECT 'a' || g FROM generate_series(1, 10) g;`,
  },
  {
    title: 'RENAME COLUMN of a nullable column with a default',
    sql: 'ALTER TABLE invoices RENAME COLUMN amount TO total;',
  },
];
