import rule from '../../../rules/postgres/renaming-column.js';
import { ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users RENAME COLUMN email TO email_address;',
      history,
      message: /Renaming `users.email` to `email_address` breaks/,
    },
    { name: 'RENAME without COLUMN keyword', sql: 'ALTER TABLE users RENAME email TO mail;', history },
    {
      name: 'table unknown to the replay is treated as existing',
      sql: 'ALTER TABLE accounts RENAME COLUMN owner TO owner_id;',
    },
    {
      name: 'quoted Prisma names',
      sql: 'ALTER TABLE "User" RENAME COLUMN "emailAddress" TO "email";',
      history: 'CREATE TABLE "User" ("emailAddress" TEXT);',
      message: /`User.emailAddress` to `email`/,
    },
    {
      name: 'column added by an earlier migration',
      sql: 'SELECT 1;\nALTER TABLE users RENAME COLUMN nick TO handle;',
      history: [history, 'ALTER TABLE users ADD COLUMN nick text;'],
      line: 2,
    },
  ],
  valid: [
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE posts (id bigint, titel text);\nALTER TABLE posts RENAME COLUMN titel TO title;',
    },
    {
      name: 'column added in the same file',
      sql: 'ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME COLUMN nick TO handle;',
      history,
    },
    { name: 'renaming a constraint', sql: 'ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;', history },
    { name: 'renaming an index', sql: 'ALTER INDEX users_pkey RENAME TO users_pk;', history },
    { name: 'renaming a view column', sql: 'ALTER VIEW user_emails RENAME COLUMN email TO mail;' },
    { name: 'renaming the table itself', sql: 'ALTER TABLE users RENAME TO members;', history },
    { sql: '-- zerodown-ignore renaming-column\nALTER TABLE users RENAME COLUMN email TO mail;', history },
  ],
});
