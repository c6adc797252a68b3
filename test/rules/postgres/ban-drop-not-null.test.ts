import rule from '../../../rules/postgres/ban-drop-not-null.js';
import { ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, nick text);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;',
      history,
      message: /Dropping NOT NULL on `users.email`/,
    },
    { name: 'unknown table', sql: 'ALTER TABLE accounts ALTER COLUMN owner_id DROP NOT NULL;' },
    { name: 'among other commands', sql: 'ALTER TABLE users ADD COLUMN x text, ALTER email DROP NOT NULL;', history },
    {
      name: 'quoted name',
      sql: 'ALTER TABLE "User" ALTER COLUMN "name" DROP NOT NULL;',
      history: 'CREATE TABLE "User" ("name" TEXT NOT NULL);',
      message: /`User.name`/,
    },
  ],
  valid: [
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE posts (id bigint, title text NOT NULL);\nALTER TABLE posts ALTER COLUMN title DROP NOT NULL;',
    },
    {
      name: 'column added in the same file',
      sql: 'ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0;\nALTER TABLE users ALTER COLUMN age DROP NOT NULL;',
      history,
    },
    { name: 'column already nullable', sql: 'ALTER TABLE users ALTER COLUMN nick DROP NOT NULL;', history },
    { name: 'SET NOT NULL', sql: 'ALTER TABLE users ALTER COLUMN nick SET NOT NULL;', history },
    { name: 'dropping a default', sql: 'ALTER TABLE users ALTER COLUMN email DROP DEFAULT;', history },
  ],
});
