import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/unbatched-backfill.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE, status text, tenant int, region int, UNIQUE (tenant, region));';

ruleTester(rule, {
  invalid: [
    {
      sql: "UPDATE users SET status = 'active';",
      history,
      message:
        /UPDATE on `users` has no WHERE: it rewrites every row in one statement: it holds a row lock on every row/,
    },
    { sql: 'DELETE FROM users;', history, message: /DELETE on `users` has no WHERE/ },
    {
      name: 'a filter on a non-key column is unbounded',
      sql: "UPDATE users SET status = 'active' WHERE status = 'pending';",
      history,
      message: /WHERE status = 'pending' is not bounded to one batch/,
    },
    {
      name: 'the classic backfill of a new column',
      sql: "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
      history,
      line: 2,
    },
    { name: 'one-sided key range', sql: 'DELETE FROM users WHERE id > 1000;', history },
    {
      name: 'time range is not a key range',
      sql: "DELETE FROM users WHERE created_at >= '2020-01-01' AND created_at < '2021-01-01';",
      history,
    },
    {
      name: 'OR with an unbounded branch',
      sql: "UPDATE users SET status = 'x' WHERE id = 1 OR status IS NULL;",
      history,
    },
    { name: 'NOT IN a list is unbounded', sql: 'DELETE FROM users WHERE id NOT IN (1, 2, 3);', history },
    {
      name: 'IN a subquery without LIMIT',
      sql: "UPDATE users SET status = 'x' WHERE id IN (SELECT user_id FROM bans);",
      history,
    },
    {
      name: 'join to an unbounded table',
      sql: 'UPDATE users u SET status = b.reason FROM bans b WHERE u.id = b.user_id;',
      history,
    },
    { name: 'unknown table counts as existing', sql: 'UPDATE accounts SET flag = true;' },
    {
      name: 'long multi-line WHERE is flattened in the message',
      sql: "DELETE FROM users\nWHERE status = 'x' -- old rows\n  AND email LIKE '%@example.com'\n  AND tenant NOT IN (SELECT tenant FROM orgs WHERE plan = 'free' AND region = 3);",
      history,
      message:
        /^DELETE on `users` WHERE status = 'x' AND email LIKE '%@example\.com' AND tenant NOT IN \(SELECT tenant FR… is not bounded/,
    },
    {
      name: 'same transaction as an ALTER TABLE on the table: the ACCESS EXCLUSIVE lock is held',
      sql: "BEGIN;\nALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free';\nCOMMIT;",
      history,
      line: 3,
      message:
        /same transaction as the ALTER TABLE at line 2, so that statement's ACCESS EXCLUSIVE lock \(all reads and writes wait\) on `users` is held for the whole UPDATE/,
    },
    {
      name: 'the ALTER TABLE lock is named even when a CREATE INDEX came later',
      sql: "BEGIN;\nALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX users_plan_idx ON users (plan);\nUPDATE users SET plan = 'free';\nCOMMIT;",
      history,
      message: /same transaction as the ALTER TABLE at line 2/,
    },
    {
      name: 'file wrapped in a transaction by the tool, DDL on another table',
      sql: "ALTER TABLE orders ADD COLUMN note text;\nUPDATE users SET status = 'x';",
      history: [history, 'CREATE TABLE orders (id int);'],
      transaction: 'wrapped',
      message: /same transaction as the DDL at line 1/,
    },
  ],
  valid: [
    { name: 'targeted fix by primary key', sql: "UPDATE users SET status = 'banned' WHERE id = 42;", history },
    { name: 'targeted fix by key list', sql: 'DELETE FROM users WHERE id IN (1, 2, 3);', history },
    { name: 'unique column from the catalog', sql: "UPDATE users SET status = 'x' WHERE email = 'a@b.c';", history },
    { name: 'composite unique key', sql: "UPDATE users SET status = 'x' WHERE tenant = 1 AND region = 2;", history },
    { name: 'one entity by foreign key', sql: 'DELETE FROM memberships WHERE user_id = 7;' },
    { name: 'key range batch', sql: "UPDATE users SET status = 'x' WHERE id BETWEEN 1 AND 5000;", history },
    {
      name: 'half-open key range batch',
      sql: "UPDATE users SET status = 'x' WHERE id >= $1 AND id < $2 AND status IS NULL;",
      history,
    },
    {
      name: 'LIMIT-ed subquery',
      sql: "UPDATE users SET status = 'x' WHERE id IN (SELECT id FROM users WHERE status IS NULL LIMIT 1000);",
      history,
    },
    {
      name: 'LIMIT-ed CTE',
      sql: 'WITH batch AS (SELECT id FROM users WHERE status IS NULL LIMIT 1000)\nDELETE FROM users WHERE id IN (SELECT id FROM batch);',
      history,
    },
    {
      name: 'ctid batch',
      sql: "UPDATE users SET status = 'x' WHERE ctid = ANY(ARRAY(SELECT ctid FROM users WHERE status IS NULL LIMIT 500));",
      history,
    },
    {
      name: 'join to a VALUES list',
      sql: "UPDATE users u SET status = v.s FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, s) WHERE u.id = v.id;",
      history,
    },
    { name: 'key = ANY(array)', sql: "UPDATE users SET status = 'x' WHERE id = ANY('{1,2,3}'::bigint[]);", history },
    {
      name: 'table created in the same file',
      sql: "CREATE TABLE plans (id int, name text);\nINSERT INTO plans VALUES (1, 'free');\nUPDATE plans SET name = 'basic';",
    },
    {
      name: 'statements inside DO blocks are not seen',
      sql: "DO $$ BEGIN UPDATE users SET status = 'x'; END $$;",
      history,
    },
    {
      name: 'INSERT … SELECT is not an update',
      sql: 'CREATE TABLE users_copy (id bigint);\nINSERT INTO users_copy SELECT id FROM users;',
      history,
    },
    {
      name: 'system catalog',
      sql: "UPDATE pg_index SET indisready = false WHERE indrelid = (SELECT oid FROM pg_class WHERE relname = 'post');",
    },
    { name: 'WHERE CURRENT OF a cursor', sql: "UPDATE users SET status = 'x' WHERE CURRENT OF c;", history },
  ],
});

it('gives the planner the table, SET and WHERE text', async () => {
  const findings = await lintSql(
    "UPDATE users u SET status = lower(u.email), tenant = (SELECT 1)\nFROM orgs o WHERE u.tenant = o.id AND (o.kind = 'x' OR o.kind = 'y') RETURNING u.id;",
    {
      history,
      ruleSet: [rule],
    },
  );
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    severity: 'error',
    lock: 'RowExclusiveLock',
    table: 'public.users',
    data: {
      table: 'public.users',
      set: 'status = lower(u.email), tenant = (SELECT 1)',
      where: "u.tenant = o.id AND (o.kind = 'x' OR o.kind = 'y')",
      statement: 'update',
      inTransactionWithDdl: null,
    },
  });
});

it('reports a DELETE with no WHERE with null set/where', async () => {
  const [f] = await lintSql('DELETE FROM "Users";', { history: 'CREATE TABLE "Users" (id int);', ruleSet: [rule] });
  expect(f!.data).toMatchObject({ table: 'public.Users', set: null, where: null, statement: 'delete' });
});
