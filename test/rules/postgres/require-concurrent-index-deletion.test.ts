import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/require-concurrent-index-deletion.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'DROP INDEX users_email_idx;',
      history,
      message: /DROP INDEX `users_email_idx` takes an ACCESS EXCLUSIVE lock on `users`/,
    },
    { sql: 'DROP INDEX IF EXISTS users_email_idx;', history },
    {
      name: 'index unknown to the replay counts as existing',
      sql: 'DROP INDEX accounts_owner_idx;',
      message: /on its table/,
    },
    {
      name: 'schema-qualified',
      sql: 'DROP INDEX app.users_email_idx;',
      history:
        'CREATE SCHEMA app; CREATE TABLE app.users (email text); CREATE INDEX users_email_idx ON app.users (email);',
      message: /`app.users`/,
    },
    {
      sql: '-- clean up\nDROP INDEX users_email_idx, other_idx CASCADE;',
      history,
      line: 2,
      message: /DROP INDEX `users_email_idx`, `other_idx` takes/,
    },
  ],
  valid: [
    { sql: 'DROP INDEX CONCURRENTLY users_email_idx;', history },
    { sql: 'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;', history },
    {
      name: 'index created earlier in the same file',
      sql: 'CREATE INDEX CONCURRENTLY tmp_idx ON users (email);\nDROP INDEX tmp_idx;',
      history,
    },
    {
      name: 'table and index created in the same file',
      sql: 'CREATE TABLE posts (title text);\nCREATE INDEX posts_title_idx ON posts (title);\nDROP INDEX posts_title_idx;',
    },
    { name: 'DROP TABLE is another rule', sql: 'DROP TABLE users;', history },
  ],
});

it('names the table and the lock', async () => {
  const [f] = await lintSql('DROP INDEX users_email_idx;', { history, ruleSet: [rule] });
  expect(f).toMatchObject({
    lock: 'AccessExclusiveLock',
    table: 'public.users',
    data: { indexes: ['users_email_idx'], ifExists: false },
  });
});
