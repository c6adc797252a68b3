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
  ],
  valid: [
    { name: 'the last statement of a file cannot be left half-applied', sql: 'ALTER TABLE users ADD COLUMN bio text;' },
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
    { name: 'temporary tables vanish with the session', sql: `CREATE TEMP TABLE scratch (id int);${next}` },
    {
      name: 'idempotent ALTERs re-run fine',
      sql: `ALTER TABLE users ALTER COLUMN bio SET NOT NULL;\nALTER TABLE users ALTER COLUMN bio SET DEFAULT '';\nALTER TABLE users ENABLE ROW LEVEL SECURITY;${next}`,
    },
    { name: 'DML is out of scope', sql: `INSERT INTO users (id) VALUES (1);\nUPDATE users SET bio = '';${next}` },
  ],
});
