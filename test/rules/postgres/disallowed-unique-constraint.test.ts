import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/disallowed-unique-constraint.js';
import fk from '../../../rules/postgres/adding-foreign-key-constraint.js';
import check from '../../../rules/postgres/constraint-missing-not-valid.js';
import notNull from '../../../rules/postgres/adding-not-nullable-field.js';
import pk from '../../../rules/postgres/adding-serial-primary-key-field.js';
import dropIndex from '../../../rules/postgres/require-concurrent-index-deletion.js';
import reindex from '../../../rules/postgres/require-concurrent-reindex.js';
import detach from '../../../rules/postgres/require-concurrent-partition-detach.js';
import backfill from '../../../rules/postgres/unbatched-backfill.js';
import fieldDefault from '../../../rules/postgres/adding-field-with-default.js';
import required from '../../../rules/postgres/adding-required-field.js';
import type { Rule } from '../../../src/rules/api.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, tenant int);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
      history,
      message:
        /UNIQUE constraint `users_email_key` on `users` \(email\) builds its index while ALTER TABLE holds an ACCESS EXCLUSIVE lock/,
    },
    { name: 'unnamed, multi-column', sql: 'ALTER TABLE users ADD UNIQUE (tenant, email);', history },
    {
      name: 'table unknown to the replay counts as existing',
      sql: '\nALTER TABLE table_name ADD CONSTRAINT field_name_constraint UNIQUE (field_name);',
      line: 2,
    },
    {
      name: 'column added by an earlier migration is not new',
      sql: 'ALTER TABLE users ADD CONSTRAINT users_code_key UNIQUE (code);',
      history: [history, 'ALTER TABLE users ADD COLUMN code text;'],
    },
    {
      name: 'UNIQUE on a column added earlier in this file: still built under the lock (index-same-step-as-add-column reports the timing too)',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nALTER TABLE users ADD CONSTRAINT users_code_key UNIQUE (code);',
      history,
      line: 2,
    },
    {
      name: 'inline UNIQUE on ADD COLUMN builds the same index under the same lock',
      sql: 'ALTER TABLE users ADD COLUMN code text CONSTRAINT users_code_uq UNIQUE;',
      history,
      message: /UNIQUE constraint `users_code_uq` on `users` \(code\)/,
    },
  ],
  valid: [
    {
      name: 'attach an index built concurrently',
      sql: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;',
      history,
    },
    {
      name: 'table created in the same file',
      sql: 'BEGIN;\nCREATE TABLE products (id bigint, sku text NOT NULL);\nALTER TABLE products ADD CONSTRAINT sku_constraint UNIQUE (sku);\nCOMMIT;',
    },
    {
      name: 'inline UNIQUE on a table created by this migration (empty)',
      sql: 'CREATE TABLE codes (id bigint);\nALTER TABLE codes ADD COLUMN code text UNIQUE;',
    },
    {
      name: 'PRIMARY KEY is adding-serial-primary-key-field',
      sql: 'ALTER TABLE users ADD PRIMARY KEY (email);',
      history,
    },
    { sql: 'ALTER TABLE users DROP CONSTRAINT users_email_key;', history },
  ],
});

it('writes the concurrent replacement with quoted names', async () => {
  const [f] = await lintSql('ALTER TABLE "Users" ADD CONSTRAINT "Users_email_key" UNIQUE ("Email");', {
    history: 'CREATE TABLE "Users" ("Email" text);',
    ruleSet: [rule],
  });
  expect(f!.help).toContain('CREATE UNIQUE INDEX CONCURRENTLY "Users_email_key_idx" ON "Users" ("Email")');
  expect(f!.help).toContain(
    'ALTER TABLE "Users" ADD CONSTRAINT "Users_email_key" UNIQUE USING INDEX "Users_email_key_idx"',
  );
  expect(f).toMatchObject({
    lock: 'AccessExclusiveLock',
    table: 'public.Users',
    data: { constraint: 'Users_email_key', columns: ['Email'], index: 'Users_email_key_idx' },
  });
});

// One PGlite boot checks the lock every batch-A rule reports against what PostgreSQL takes.
describe('batch A lock claims match pg_locks (PGlite 18)', () => {
  const setup = `CREATE TABLE users (id bigint PRIMARY KEY, email text, code text);
    CREATE INDEX users_email_idx ON users (email);
    CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total int);
    CREATE TABLE items (id bigint, n int);
    CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
    CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');`;
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.exec(setup);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });
  const cases: [Rule, string][] = [
    [rule, 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)'],
    [fk, 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)'],
    [check, 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)'],
    [notNull, 'ALTER TABLE users ALTER COLUMN email SET NOT NULL'],
    [pk, 'ALTER TABLE items ADD PRIMARY KEY (id)'],
    [dropIndex, 'DROP INDEX users_email_idx'],
    [reindex, 'REINDEX INDEX users_email_idx'],
    [detach, 'ALTER TABLE events DETACH PARTITION events_2020'],
    [backfill, "UPDATE users SET code = 'x'"],
    [fieldDefault, 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()'],
    [required, 'ALTER TABLE users ADD COLUMN plan text NOT NULL'],
  ];
  for (const [r, sql] of cases) {
    it(`${r.meta.id}: ${sql}`, async () => {
      const [f] = await lintSql(`${sql};`, { history: setup, ruleSet: [r] });
      expect(f, 'rule must flag it').toBeDefined();
      await db.exec('BEGIN');
      await db.exec(sql);
      const { rows } = await db.query<{ relname: string; mode: string }>(
        "SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = pg_backend_pid() AND c.relnamespace = 'public'::regnamespace",
      );
      await db.exec('ROLLBACK');
      const onTable = rows.filter((x) => `public.${x.relname}` === f!.table).map((x) => x.mode);
      if (r === reindex) {
        // the table gets SHARE, the index being rebuilt ACCESS EXCLUSIVE
        expect(rows).toContainEqual({ relname: 'users', mode: 'ShareLock' });
        expect(rows).toContainEqual({ relname: 'users_email_idx', mode: f!.lock });
      } else {
        expect(onTable).toContain(f!.lock);
      }
      if (r === fk) expect(rows).toContainEqual({ relname: 'users', mode: 'ShareRowExclusiveLock' });
    });
  }
});
