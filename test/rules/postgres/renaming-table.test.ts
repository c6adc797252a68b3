import rule from '../../../rules/postgres/renaming-table.js';
import { ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';

ruleTester(rule, {
  invalid: [
    { sql: 'ALTER TABLE users RENAME TO members;', history, message: /Renaming table `users` to `members` breaks/ },
    {
      name: 'schema-qualified',
      sql: 'ALTER TABLE auth.users RENAME TO accounts;',
      history: 'CREATE SCHEMA auth; CREATE TABLE auth.users (id bigint);',
      message: /`auth.users`/,
    },
    { name: 'IF EXISTS on an unknown table', sql: 'ALTER TABLE IF EXISTS legacy RENAME TO legacy_old;' },
    {
      name: 'a view created under another name does not help',
      sql: 'ALTER TABLE users RENAME TO members;\nCREATE VIEW people AS SELECT * FROM members;',
      history,
    },
  ],
  valid: [
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE tmp_users (id bigint);\nALTER TABLE tmp_users RENAME TO users2;',
    },
    {
      name: 'a view keeps the old name working',
      sql: 'ALTER TABLE users RENAME TO members;\nCREATE VIEW users AS SELECT * FROM members;',
      history,
    },
    { name: 'renaming a view', sql: 'ALTER VIEW user_emails RENAME TO emails;' },
    { name: 'renaming an index', sql: 'ALTER INDEX users_pkey RENAME TO users_pk;', history },
    { name: 'renaming a column', sql: 'ALTER TABLE users RENAME COLUMN email TO mail;', history },
  ],
});
