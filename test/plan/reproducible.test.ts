/**
 * The proof runs the original migration twice only when its data may differ between runs: `reproducible`
 * (src/dialects/postgres/shadow/reproducible.ts) on real parser output, and the number of shadow engines a proof
 * really opens.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser } from '../../src/dialects/postgres/parse.js';
import { postgresShadow } from '../../src/dialects/postgres/shadow/index.js';
import { reproducible } from '../../src/dialects/postgres/shadow/reproducible.js';
import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import type { Migration } from '../../src/model.js';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import { recordingShadow } from '../shadow/engines.js';
import { planSql } from './helpers.js';

const HISTORY = readFileSync('examples/migrations/20261001120000_create_accounts.sql', 'utf8');
const HEADLINE = readFileSync('examples/migrations/20261101090000_add_plan_code.sql', 'utf8');

const statements = (source: string): PgStatement[] => {
  const m = {
    path: 'm.sql',
    absPath: '/m.sql',
    source,
    dialect: 'postgres',
    framework: 'plain',
    transaction: 'none',
    review: true,
  } as Migration;
  return postgresShadow.probes.parse(m).statements as PgStatement[];
};

beforeAll(() => loadParser());

describe('reproducible: the same data on every run from the same start', () => {
  it.each([
    "SET lock_timeout = '2s';\nCREATE INDEX accounts_email_idx ON accounts (lower(email));",
    'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
    'ALTER TABLE accounts ADD COLUMN tier int NOT NULL DEFAULT 0;',
    'ALTER TABLE accounts ALTER COLUMN id TYPE bigint;',
    'ALTER TABLE accounts ALTER COLUMN note TYPE jsonb USING note::jsonb;',
    'ALTER TABLE accounts ADD COLUMN seq bigserial;',
    'BEGIN;\nALTER TABLE accounts RENAME COLUMN name TO full_name;\nCOMMIT;',
  ])('yes: %s', (sql) => {
    expect(reproducible(statements(sql), [HISTORY])).toBe(true);
  });

  it.each([
    ['a clock', 'ALTER TABLE accounts ADD COLUMN seen timestamptz DEFAULT now();'],
    ['a clock without parentheses', 'ALTER TABLE accounts ADD COLUMN seen timestamptz DEFAULT CURRENT_TIMESTAMP;'],
    ['a volatile default', 'ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid();'],
    ['a query', 'ALTER TABLE accounts ADD CONSTRAINT c CHECK (id > (SELECT 0));'],
    [
      'a function in a CHECK (not worth telling apart)',
      'ALTER TABLE accounts ADD CONSTRAINT c CHECK (length(name) < 99);',
    ],
    ['a data change', "UPDATE accounts SET name = 'x';"],
    ['an insert', "INSERT INTO accounts (name) VALUES ('x');"],
    ['a DO block', 'DO $$ BEGIN PERFORM 1; END $$;'],
    ['a table filled by a query', 'CREATE TABLE copy AS SELECT * FROM accounts;'],
  ])('no: %s', (_why, sql) => {
    expect(reproducible(statements(sql), [HISTORY])).toBe(false);
  });

  it('no: a history with an event trigger (code that runs on DDL), or nothing to run', () => {
    const ddl = statements('CREATE INDEX accounts_email_idx ON accounts (email);');
    expect(
      reproducible(ddl, [HISTORY, 'CREATE EVENT TRIGGER audit ON ddl_command_end EXECUTE FUNCTION log_ddl();']),
    ).toBe(false);
    expect(reproducible([], [HISTORY])).toBe(false);
  });
});

describe('the proof opens one engine fewer for a reproducible original', () => {
  it('an index and a foreign key: the original runs once, every column is compared, the plan is proven', async () => {
    const p = await planSql(
      `${HISTORY}\nCREATE TABLE owners (id bigint PRIMARY KEY);\nALTER TABLE accounts ADD COLUMN owner_id bigint;`,
      'CREATE INDEX accounts_name_idx ON accounts (name);\nALTER TABLE accounts ADD CONSTRAINT accounts_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id);',
    );
    const c = recordingShadow();
    const v = await verifyPlan(p.plan, p.history, { seedRows: 30, dialect: c.dialect });
    expect(isProven(v), v.differences.join('\n')).toBe(true);
    expect(v.dataEqual).toBe(true);
    expect(v.nondeterministic).toEqual([]);
    expect(c.opened.length).toBe(2);
  });

  it('a random default: the original runs twice, and the column that differs between runs is named', async () => {
    const p = await planSql(HISTORY, HEADLINE);
    const c = recordingShadow();
    const v = await verifyPlan(p.plan, p.history, { seedRows: 30, dialect: c.dialect });
    expect(isProven(v), v.differences.join('\n')).toBe(true);
    expect(v.nondeterministic.join(' ')).toMatch(/plan_code/);
    expect(c.opened.length).toBe(3);
  });
});
