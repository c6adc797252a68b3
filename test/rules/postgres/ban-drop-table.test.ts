import rule from '../../../rules/postgres/ban-drop-table.js';
import { ruleTester } from '../../helpers.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY); CREATE TABLE sessions (id bigint); CREATE SCHEMA auth; CREATE TABLE auth.tokens (id bigint);';

ruleTester(rule, {
  invalid: [
    { sql: 'DROP TABLE sessions;', history, message: /Dropping table `sessions` deletes all its rows/ },
    { name: 'one finding per table', sql: 'DROP TABLE IF EXISTS sessions, auth.tokens;', history, count: 2 },
    { name: 'CASCADE is mentioned', sql: 'DROP TABLE users CASCADE;', history, message: /CASCADE also drops/ },
    { name: 'unknown table', sql: 'DROP TABLE legacy_events;' },
    {
      name: 'quoted name',
      sql: 'DROP TABLE "_prisma_old";',
      history: 'CREATE TABLE "_prisma_old" (id int);',
      message: /`_prisma_old`/,
    },
  ],
  valid: [
    { name: 'table created in the same file', sql: 'CREATE TABLE tmp_import (id bigint);\nDROP TABLE tmp_import;' },
    {
      name: 'temporary table created in the same file',
      sql: 'CREATE TEMP TABLE ids AS SELECT 1 AS id;\nDROP TABLE ids;',
    },
    { name: 'dropping a view', sql: 'DROP VIEW active_users;', history },
    { name: 'dropping an index', sql: 'DROP INDEX CONCURRENTLY users_email_idx;', history },
    { name: 'dropping a type', sql: 'DROP TYPE mood;' },
  ],
});
