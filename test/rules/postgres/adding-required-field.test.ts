import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/adding-required-field.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;',
      history,
      message: /NOT NULL column `plan` to `users` without a DEFAULT fails with "column contains null values"/,
    },
    {
      name: 'one finding per statement',
      sql: 'ALTER TABLE users ADD COLUMN a int NOT NULL, ADD COLUMN b int NOT NULL, ADD COLUMN c int;',
      history,
      message: /NOT NULL columns `a`, `b` to `users`/,
    },
    { name: 'inline PRIMARY KEY implies NOT NULL', sql: 'ALTER TABLE users ADD COLUMN uid uuid PRIMARY KEY;', history },
    {
      name: 'NOT NULL domain without a default',
      sql: 'ALTER TABLE users ADD COLUMN score nn_int;',
      history: [history, 'CREATE DOMAIN nn_int AS int NOT NULL;'],
    },
    {
      name: 'unknown table counts as existing',
      sql: '\nALTER TABLE accounts ADD COLUMN owner bigint NOT NULL;',
      line: 2,
    },
    {
      name: 'DEFAULT set later does not help the ADD itself',
      sql: "ALTER TABLE users ADD COLUMN plan text NOT NULL;\nALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free';",
      history,
      line: 1,
    },
  ],
  valid: [
    { sql: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';", history },
    { sql: 'ALTER TABLE users ADD COLUMN plan text;', history },
    {
      name: 'identity column fills itself',
      sql: 'ALTER TABLE users ADD COLUMN n bigint NOT NULL GENERATED ALWAYS AS IDENTITY;',
      history,
    },
    { name: 'serial fills itself', sql: 'ALTER TABLE users ADD COLUMN n bigserial NOT NULL;', history },
    {
      name: 'stored generated column fills itself',
      sql: 'ALTER TABLE users ADD COLUMN n int NOT NULL GENERATED ALWAYS AS (id * 2) STORED;',
      history,
    },
    {
      name: 'domain with a default',
      sql: 'ALTER TABLE users ADD COLUMN score nn_int NOT NULL;',
      history: [history, 'CREATE DOMAIN nn_int AS int NOT NULL DEFAULT 0;'],
    },
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE posts (id bigint);\nALTER TABLE posts ADD COLUMN title text NOT NULL;',
    },
    {
      name: 'IF NOT EXISTS on an existing column',
      sql: 'ALTER TABLE users ADD COLUMN IF NOT EXISTS email text NOT NULL;',
      history,
    },
    { name: 'SET NOT NULL is another rule', sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', history },
  ],
});

it('reports the lock and the nullable form of the column for the planner', async () => {
  const [f] = await lintSql('ALTER TABLE "Users" ADD COLUMN "Plan" varchar(20) NOT NULL;', {
    history: 'CREATE TABLE "Users" (id int);',
    ruleSet: [rule],
  });
  expect(f).toMatchObject({
    lock: 'AccessExclusiveLock',
    table: 'public.Users',
    data: { column: 'Plan', type: 'varchar(20)', sql: 'ALTER TABLE "Users" ADD COLUMN "Plan" varchar(20)' },
  });
  expect(f!.data!.columns).toHaveLength(1);
});
