import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/adding-not-nullable-field.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text NOT NULL);';
const validated = [
  history,
  'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;',
  'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;',
];

const stagedOneFile = `BEGIN;
ALTER TABLE foo ADD COLUMN bar BIGINT;
ALTER TABLE foo ADD CONSTRAINT bar_not_null CHECK (bar IS NOT NULL) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE foo VALIDATE CONSTRAINT bar_not_null;
ALTER TABLE foo ALTER COLUMN bar SET NOT NULL;
ALTER TABLE foo DROP CONSTRAINT bar_not_null;
COMMIT;`;

ruleTester(rule, {
  invalid: [
    {
      name: 'unknown table: the file validates a CHECK on a different column',
      sql: `ALTER TABLE foo ADD CONSTRAINT baz_not_null CHECK (baz IS NOT NULL) NOT VALID;
ALTER TABLE foo VALIDATE CONSTRAINT baz_not_null;
ALTER TABLE foo ALTER COLUMN bar SET NOT NULL;`,
      pgVersion: 12,
      line: 3,
    },
    {
      name: 'unknown table: the file adds the CHECK NOT VALID but never validates it',
      sql: `ALTER TABLE foo ADD CONSTRAINT bar_not_null CHECK (bar IS NOT NULL) NOT VALID;
ALTER TABLE foo ALTER COLUMN bar SET NOT NULL;`,
      pgVersion: 12,
    },
    {
      name: 'unknown table: validating a constraint whose name does not name the column proves nothing',
      sql: `ALTER TABLE foo VALIDATE CONSTRAINT foo_fk;
ALTER TABLE foo ALTER COLUMN bar SET NOT NULL;`,
    },
    {
      name: 'unknown table: the staged pattern does not help before PostgreSQL 12',
      sql: stagedOneFile,
      pgVersion: 11,
    },
    {
      name: 'unknown table: the validated CHECK was dropped before SET NOT NULL',
      sql: `ALTER TABLE foo VALIDATE CONSTRAINT foo_bar_not_null;
ALTER TABLE foo DROP CONSTRAINT foo_bar_not_null;
ALTER TABLE foo ALTER COLUMN bar SET NOT NULL;`,
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history,
      message:
        /SET NOT NULL on `users`.`email` scans the whole table to look for NULLs while holding an ACCESS EXCLUSIVE lock/,
    },
    {
      name: 'CHECK added NOT VALID but never validated',
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [history, 'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;'],
    },
    {
      name: 'validated CHECK does not help before PostgreSQL 12',
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: validated,
      pgVersion: 11,
      message: /PostgreSQL 11 cannot use a CHECK constraint/,
    },
    {
      name: 'CHECK on another column',
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [history, 'ALTER TABLE users ADD CONSTRAINT c CHECK (name IS NOT NULL);'],
    },
    {
      name: 'CHECK that does not imply NOT NULL (OR)',
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [history, "ALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL OR name = 'x');"],
    },
    {
      name: 'column added and backfilled in this file',
      sql: "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE id = 1;\nALTER TABLE users ALTER COLUMN plan SET NOT NULL;",
      history,
      line: 3,
    },
    {
      name: 'unknown table counts as existing; one finding per statement',
      sql: 'ALTER TABLE accounts ALTER COLUMN owner SET NOT NULL, ALTER COLUMN kind SET NOT NULL;',
      message: /The same statement does the same for `kind`\.$/,
    },
    {
      name: 'PostgreSQL 18 NOT NULL table constraint scans too',
      sql: 'ALTER TABLE users ADD CONSTRAINT users_email_nn NOT NULL email;',
      history,
      pgVersion: 18,
    },
  ],
  valid: [
    {
      name: 'staged NOT NULL in one file, two transactions, table unknown to the catalog',
      sql: stagedOneFile,
      pgVersion: 12,
    },
    { name: 'staged NOT NULL in one file on PostgreSQL 16', sql: stagedOneFile, pgVersion: 16 },
    {
      name: 'CHECK added by an earlier migration zerodown was not given: VALIDATE, SET NOT NULL, DROP',
      sql: `ALTER TABLE foo VALIDATE CONSTRAINT foo_bar_not_null;
ALTER TABLE foo ALTER COLUMN bar SET NOT NULL;
ALTER TABLE foo DROP CONSTRAINT foo_bar_not_null;`,
      pgVersion: 12,
    },
    {
      name: 'cross-file staged pattern with the history: CHECK added earlier, validated here',
      sql: `ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;`,
      history: [history, 'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;'],
    },

    {
      name: 'PostgreSQL 18 NOT NULL constraint added NOT VALID',
      sql: 'ALTER TABLE users ADD CONSTRAINT users_email_nn NOT NULL email NOT VALID;',
      history,
      pgVersion: 18,
    },
    {
      name: 'validated CHECK (col IS NOT NULL), PostgreSQL 12+',
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: validated,
    },
    {
      name: 'CHECK validated at creation',
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [history, 'ALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL AND length(email) > 3);'],
    },
    { name: 'column is already NOT NULL', sql: 'ALTER TABLE users ALTER COLUMN name SET NOT NULL;', history },
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE posts (title text);\nALTER TABLE posts ALTER COLUMN title SET NOT NULL;',
    },
    { name: 'DROP NOT NULL', sql: 'ALTER TABLE users ALTER COLUMN name DROP NOT NULL;', history },
    {
      name: 'the full safe sequence in one file (autocommit)',
      sql: 'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history,
    },
  ],
});

it('suggests a quoted CHECK constraint', async () => {
  const [f] = await lintSql('ALTER TABLE "Users" ALTER COLUMN "Email" SET NOT NULL;', {
    history: 'CREATE TABLE "Users" ("Email" text);',
    ruleSet: [rule],
  });
  expect(f!.help).toContain(
    'ALTER TABLE "Users" ADD CONSTRAINT "Users_Email_not_null" CHECK ("Email" IS NOT NULL) NOT VALID',
  );
  expect(f).toMatchObject({ lock: 'AccessExclusiveLock', table: 'public.Users', data: { column: 'Email' } });
});
