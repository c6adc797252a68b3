import rule from '../../../rules/postgres/ban-drop-column.js';
import { ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text);';

ruleTester(rule, {
  invalid: [
    { sql: 'ALTER TABLE users DROP COLUMN legacy;', history, message: /Dropping `users.legacy` deletes its data/ },
    { name: 'IF EXISTS on a column that exists', sql: 'ALTER TABLE users DROP COLUMN IF EXISTS legacy;', history },
    {
      name: 'two columns, two findings',
      sql: 'ALTER TABLE users DROP COLUMN legacy, DROP COLUMN email;',
      history,
      count: 2,
    },
    { name: 'unknown table', sql: 'ALTER TABLE accounts DROP COLUMN notes;' },
    {
      name: 'quoted name',
      sql: 'ALTER TABLE "User" DROP COLUMN "oldField";',
      history: 'CREATE TABLE "User" ("oldField" TEXT);',
      message: /`User.oldField`/,
    },
  ],
  valid: [
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE posts (id bigint, draft text);\nALTER TABLE posts DROP COLUMN draft;',
    },
    {
      name: 'column added in the same file',
      sql: 'ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users DROP COLUMN tmp;',
      history,
    },
    {
      name: 'IF EXISTS on a column the table never had',
      sql: 'ALTER TABLE users DROP COLUMN IF EXISTS nickname;',
      history,
    },
    { name: 'dropping a constraint', sql: 'ALTER TABLE users DROP CONSTRAINT users_pkey;', history },
    { name: 'dropping a default', sql: 'ALTER TABLE users ALTER COLUMN email DROP DEFAULT;', history },
  ],
});
