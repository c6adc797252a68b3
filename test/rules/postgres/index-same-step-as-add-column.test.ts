import { describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/index-same-step-as-add-column.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE orders (id bigint PRIMARY KEY, total int);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users ADD COLUMN code text;\nCREATE INDEX users_code_idx ON users (code);',
      history,
      line: 2,
      message:
        /index `users_code_idx` on `users` covers `code`, which this migration only adds at line 1: the build blocks every write/,
    },
    {
      name: 'same explicit transaction: the ADD COLUMN lock is held over the build',
      sql: 'BEGIN;\nALTER TABLE users ADD COLUMN code text;\nCREATE INDEX users_code_idx ON users (code);\nCOMMIT;',
      history,
      line: 3,
      message: /added at line 2 in the same transaction: the ACCESS EXCLUSIVE lock/,
    },
    {
      name: 'file wrapped in a transaction by the migration tool',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nCREATE UNIQUE INDEX users_code_key ON users (code);',
      history,
      transaction: 'wrapped',
      message: /same transaction/,
    },
    {
      name: 'CONCURRENTLY still comes before the backfill',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nCREATE INDEX CONCURRENTLY users_code_idx ON users (code);',
      history,
      message: /backfill update the index for every row/,
    },
    {
      name: 'expression index',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nCREATE UNIQUE INDEX ON users (lower(code));',
      history,
    },
    {
      name: 'multi-column index with one new column',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nCREATE INDEX ON users (email, code);',
      history,
    },
    {
      name: 'INCLUDE column',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nCREATE INDEX ON users (email) INCLUDE (code);',
      history,
    },
    {
      name: 'inline UNIQUE on ADD COLUMN',
      sql: 'ALTER TABLE users ADD COLUMN code text UNIQUE;',
      history,
      message: /UNIQUE constraint on `users` builds its index on `code`, a column added in this same statement/,
    },
    {
      name: 'inline PRIMARY KEY on ADD COLUMN',
      sql: 'ALTER TABLE orders ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT orders_uid_pk PRIMARY KEY;',
      history: 'CREATE TABLE orders (total int);',
      message: /PRIMARY KEY constraint `orders_uid_pk`/,
    },
    {
      name: 'ADD CONSTRAINT UNIQUE in a later statement',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nALTER TABLE users ADD CONSTRAINT users_code_key UNIQUE (code);',
      history,
      line: 2,
      message: /added at line 1/,
    },
    {
      name: 'ADD CONSTRAINT UNIQUE in the same statement',
      sql: 'ALTER TABLE users ADD COLUMN code text, ADD CONSTRAINT users_code_key UNIQUE (code);',
      history,
    },
    {
      name: 'several new unique columns in one statement: one finding (their REFERENCES are not indexes)',
      sql: 'ALTER TABLE orders ADD COLUMN a_id bigint REFERENCES users, ADD COLUMN b_id bigint UNIQUE, ADD COLUMN c_id bigint UNIQUE;',
      history,
      message: /on `b_id`.*The same statement does the same for `c_id`\.$/,
    },
    {
      name: 'schema-qualified and quoted names',
      sql: 'ALTER TABLE app."Users" ADD COLUMN "Code" text;\nCREATE INDEX ON app."Users" ("Code");',
      history: 'CREATE SCHEMA app; CREATE TABLE app."Users" (id int);',
      message: /`app.Users` covers `Code`/,
    },
    {
      name: 'column filled by a default, but the build holds the ADD COLUMN lock in the same transaction',
      sql: 'BEGIN;\nALTER TABLE users ADD COLUMN score int NOT NULL DEFAULT 0;\nCREATE INDEX users_score_idx ON users (score);\nCOMMIT;',
      history,
      message: /held for the whole index build, so every read and write on `users` waits\.$/,
    },
    {
      name: 'UNIQUE on a column filled by a default still builds under ACCESS EXCLUSIVE',
      sql: 'ALTER TABLE users ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid();\nALTER TABLE users ADD CONSTRAINT users_uid_key UNIQUE (uid);',
      history,
      message: /waits\.$/,
    },
    {
      name: 'table unknown to the replay: the ADD COLUMN is still in this file',
      sql: 'ALTER TABLE accounts ADD COLUMN code text;\nCREATE INDEX CONCURRENTLY ON accounts (code);',
    },
  ],
  valid: [
    {
      name: 'inline REFERENCES builds no index (adding-foreign-key-constraint reports its scan and locks)',
      sql: 'ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id);',
      history,
    },
    {
      name: 'a validated foreign key on the new column builds no index either',
      sql: 'ALTER TABLE orders ADD COLUMN user_id bigint;\nALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      history,
    },
    {
      name: 'index on a column that already existed',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
      history,
    },
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE posts (id bigint);\nALTER TABLE posts ADD COLUMN slug text UNIQUE;\nCREATE INDEX ON posts (slug);',
    },
    {
      name: 'column added by an earlier migration',
      sql: 'CREATE INDEX CONCURRENTLY users_code_idx ON users (code);',
      history: [history, 'ALTER TABLE users ADD COLUMN code text;'],
    },
    {
      name: 'foreign key added NOT VALID (the safe first step)',
      sql: 'ALTER TABLE orders ADD COLUMN user_id bigint;\nALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
      history,
    },
    {
      name: 'constraint attached to an index built elsewhere',
      sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;',
      history,
    },
    { name: 'CHECK constraint is not an index', sql: 'ALTER TABLE users ADD COLUMN age int CHECK (age > 0);', history },
    {
      name: 'partial index only filtering on the new column',
      sql: 'ALTER TABLE users ADD COLUMN deleted_at timestamptz;\nCREATE INDEX CONCURRENTLY ON users (email) WHERE deleted_at IS NULL;',
      history,
    },
    {
      name: 'column filled by a constant default, index built concurrently',
      sql: 'ALTER TABLE users ADD COLUMN score int NOT NULL DEFAULT 0;\nCREATE INDEX CONCURRENTLY users_score_idx ON users (score);',
      history,
    },
    {
      name: 'column filled by a default, plain index outside a transaction: require-concurrent-index-creation covers the lock',
      sql: 'ALTER TABLE users ADD COLUMN score int NOT NULL DEFAULT 0;\nCREATE INDEX users_score_idx ON users (score);',
      history,
    },
    {
      name: 'index on a different table',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nCREATE INDEX CONCURRENTLY ON orders (total);',
      history,
    },
  ],
});

it('warns (not errors) for a concurrent build outside a transaction, and tells the planner where the column came from', async () => {
  const findings = await lintSql(
    '\nALTER TABLE users ADD COLUMN code text;\nCREATE INDEX CONCURRENTLY users_code_idx ON users (code);',
    { history, ruleSet: [rule] },
  );
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    severity: 'warning',
    lock: 'ShareUpdateExclusiveLock',
    table: 'public.users',
    data: {
      columns: ['code'],
      index: 'users_code_idx',
      kind: 'index',
      addedAtLine: 2,
      concurrent: true,
      backfilled: false,
    },
  });
});

describe('one hazard does not hide another (all rules, real engine)', () => {
  const base = 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY);';
  // [the other rule, SQL, the line of both findings, index-same-step-as-add-column reports there too]
  const cases: [string, string, number, boolean][] = [
    [
      'adding-foreign-key-constraint',
      'ALTER TABLE orders ADD COLUMN payer_id bigint;\nALTER TABLE orders ADD CONSTRAINT orders_payer_fk FOREIGN KEY (payer_id) REFERENCES users (id);',
      2,
      false, // a foreign key builds no index
    ],
    ['adding-foreign-key-constraint', 'ALTER TABLE orders ADD COLUMN payer_id bigint REFERENCES users (id);', 1, false],
    [
      'disallowed-unique-constraint',
      'ALTER TABLE orders ADD COLUMN code text;\nALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);',
      2,
      true,
    ],
    ['disallowed-unique-constraint', 'ALTER TABLE orders ADD COLUMN code text UNIQUE;', 1, true],
    [
      'require-concurrent-index-creation',
      'ALTER TABLE orders ADD COLUMN code text;\nCREATE INDEX orders_code_idx ON orders (code);',
      2,
      true,
    ],
  ];
  for (const [rule, sql, line, indexToo] of cases)
    it(`${rule} reports line ${line} of ${sql.split('\n').at(-1)}`, async () => {
      const on = (await lintSql(sql, { history: base })).filter((f) => f.line === line).map((f) => f.rule);
      expect(on).toContain(rule);
      expect(on.includes('index-same-step-as-add-column')).toBe(indexToo);
      const off = await lintSql(sql, { history: base, rules: { 'index-same-step-as-add-column': 'off' } });
      expect(off.filter((f) => f.line === line).map((f) => f.rule)).toContain(rule);
    });
});
