import rule from '../../../rules/postgres/prefer-robust-stmts.js';
import { ruleTester } from '../../helpers.js';

const next = '\nSELECT 1;';

ruleTester(rule, {
  invalid: [
    {
      sql: `CREATE TABLE users (id bigint);${next}`,
      message: /if a later statement fails.*"relation users already exists"/,
    },
    { sql: `ALTER TABLE users ADD COLUMN bio text;${next}`, message: /column bio of relation users already exists/ },
    { sql: `ALTER TABLE users DROP COLUMN bio;${next}`, message: /does not exist/ },
    { sql: `ALTER TABLE users DROP CONSTRAINT users_bio_check;${next}` },
    { sql: `DROP TABLE users;${next}` },
    { sql: `DROP INDEX CONCURRENTLY users_email_idx;${next}` },
    {
      name: 'ADD CONSTRAINT has no IF NOT EXISTS',
      sql: `ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);${next}`,
      message: /constraint users_email_key/,
    },
    {
      name: 'unnamed CHECK duplicates on re-run',
      sql: `ALTER TABLE users ADD CHECK (id > 0);${next}`,
      message: /duplicate constraint/,
    },
    {
      name: 'CREATE TYPE has no IF NOT EXISTS',
      sql: `CREATE TYPE mood AS ENUM ('a', 'b');${next}`,
      message: /type mood already exists/,
    },
    { sql: `ALTER TYPE mood ADD VALUE 'c';${next}`, message: /enum label c already exists/ },
    {
      sql: `ALTER TABLE users RENAME COLUMN email TO email_address;${next}`,
      message: /already renamed to email_address/,
    },
    { sql: `CREATE VIEW v AS SELECT 1;${next}` },
    { sql: `CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION f();${next}` },
    {
      name: 'a concurrent build is not atomic even as the last statement',
      sql: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
      message: /not atomic.*INVALID index `users_email_idx` behind.*already exists/,
    },
    {
      name: 'an unnamed concurrent build duplicates on re-run',
      sql: 'CREATE INDEX CONCURRENTLY ON users (email);',
      message: /duplicate index/,
    },
    {
      name: 'statements after an explicit transaction block',
      sql: 'CREATE TABLE a (id int);\nBEGIN;\nCREATE TABLE b (id int);\nCOMMIT;',
      line: 1,
    },
    {
      name: 'the later failing statement can be anywhere after it',
      sql: `CREATE SEQUENCE s;\nSET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);`,
    },
    {
      name: 'the last statement of several: the run can stop before the tool records the migration',
      sql: 'SELECT 1;\nALTER TABLE users ADD COLUMN bio text;',
      line: 2,
      message: /before the tool records the migration as applied.*column bio of relation users already exists/,
    },
    { name: 'DROP COLUMN without IF EXISTS, last', sql: 'SELECT 1;\nALTER TABLE users DROP COLUMN bio;', line: 2 },
    {
      name: 'DROP INDEX CONCURRENTLY without IF EXISTS, last',
      sql: 'SELECT 1;\nDROP INDEX CONCURRENTLY users_bio;',
      line: 2,
    },
    {
      name: 'a constraint added twice after one DROP … IF EXISTS: the second ADD is not covered',
      sql: `ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_uq;
ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE USING INDEX users_email_idx;
ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE USING INDEX users_email_idx;`,
      line: 3,
    },
    {
      name: 'a temporary table outlives the statement in its session (poolers hand sessions on)',
      sql: 'SELECT 1;\nCREATE TEMP TABLE scratch (id int);',
      message: /relation scratch already exists" when it runs on the same session/,
    },
  ],
  valid: [
    { name: 'a file of one statement is applied whole or not at all', sql: 'ALTER TABLE users ADD COLUMN bio text;' },
    {
      name: 'one statement with only SET/RESET around it',
      sql: "SET lock_timeout = '1s';\nALTER TABLE users ADD COLUMN bio text;\nRESET lock_timeout;",
    },
    {
      name: 'ENABLE ROW LEVEL SECURITY twice does no harm',
      sql: 'CREATE TABLE IF NOT EXISTS t ();\nALTER TABLE t ENABLE ROW LEVEL SECURITY;',
    },
    {
      name: 'a temporary table ON COMMIT DROP is gone with its transaction',
      sql: 'SELECT 1;\nCREATE TEMP TABLE scratch (id int) ON COMMIT DROP;',
    },
    { name: 'trailing SETs do not count', sql: 'CREATE TABLE users (id bigint);\nRESET lock_timeout;' },
    {
      name: 'a transactional migration rolls back fully',
      sql: `BEGIN;\nCREATE TABLE users (id bigint);\nDROP TABLE old;\nALTER TABLE x ADD COLUMN y int;\nCOMMIT;`,
    },
    {
      name: 'files the tool wraps in a transaction',
      sql: `CREATE TABLE users (id bigint);${next}`,
      transaction: 'wrapped',
    },
    {
      sql: `CREATE TABLE IF NOT EXISTS users (id bigint);\nALTER TABLE users ADD COLUMN IF NOT EXISTS bio text;\nALTER TABLE users DROP COLUMN IF EXISTS age;\nDROP TABLE IF EXISTS old;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_bio ON users (bio);\nCREATE OR REPLACE VIEW v AS SELECT 1;\nCREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\nALTER TYPE mood ADD VALUE IF NOT EXISTS 'c';${next}`,
    },
    {
      name: 'drop-then-add of a constraint',
      sql: `ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key;\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;${next}`,
    },
    {
      name: 'drop-then-create of a concurrent index',
      sql: `DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);${next}`,
    },
    {
      name: 'idempotent ALTERs re-run fine',
      sql: `ALTER TABLE users ALTER COLUMN bio SET NOT NULL;\nALTER TABLE users ALTER COLUMN bio SET DEFAULT '';\nALTER TABLE users ENABLE ROW LEVEL SECURITY;${next}`,
    },
    { name: 'DML is out of scope', sql: `INSERT INTO users (id) VALUES (1);\nUPDATE users SET bio = '';${next}` },
  ],
});
