import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/constraint-missing-not-valid.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE accounts (id bigint PRIMARY KEY, balance int, user_id bigint);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0);',
      history,
      message:
        /CHECK constraint `positive_balance` on `accounts` checks every existing row under an ACCESS EXCLUSIVE lock/,
    },
    { name: 'unnamed CHECK', sql: 'ALTER TABLE accounts ADD CHECK (balance >= 0);', history },
    {
      name: 'two CHECKs in one statement: one finding',
      sql: 'ALTER TABLE accounts ADD CONSTRAINT a CHECK (balance >= 0), ADD CONSTRAINT b CHECK (balance < 100);',
      history,
      message: /The same statement does the same for `b`\.$/,
    },
    {
      name: 'inline CHECK on ADD COLUMN scans too',
      sql: 'ALTER TABLE accounts ADD COLUMN limit_cents int CHECK (limit_cents >= 0);',
      history,
      message: /inline CHECK \(limit_cents >= 0\) on `accounts`/,
    },
    {
      name: 'NOT VALID then VALIDATE in one explicit transaction',
      sql: 'BEGIN;\nALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT positive_balance;\nCOMMIT;',
      history,
      line: 3,
      message: /same transaction as the NOT VALID add at line 2: that statement's ACCESS EXCLUSIVE lock/,
    },
    {
      name: 'foreign key NOT VALID then VALIDATE in a wrapped file',
      sql: 'ALTER TABLE accounts ADD CONSTRAINT accounts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT accounts_user_fk;',
      history,
      transaction: 'wrapped',
      message: /SHARE ROW EXCLUSIVE locks on `accounts` and `users`/,
    },
    { name: 'unknown table counts as existing', sql: 'ALTER TABLE ledger ADD CONSTRAINT c CHECK (amount <> 0);' },
  ],
  valid: [
    { sql: 'ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0) NOT VALID;', history },
    {
      name: 'NOT VALID, COMMIT, then VALIDATE',
      sql: 'BEGIN;\nALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0) NOT VALID;\nCOMMIT;\nALTER TABLE accounts VALIDATE CONSTRAINT positive_balance;',
      history,
    },
    {
      name: 'NOT VALID and VALIDATE without a transaction (autocommit)',
      sql: 'ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT positive_balance;',
      history,
    },
    {
      name: 'VALIDATE of a constraint added by an earlier migration',
      sql: 'ALTER TABLE accounts VALIDATE CONSTRAINT positive_balance;',
      history: [history, 'ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0) NOT VALID;'],
      transaction: 'wrapped',
    },
    {
      name: 'table created in the same file',
      sql: 'BEGIN;\nCREATE TABLE core_foo (age int);\nALTER TABLE core_foo ADD CONSTRAINT age_restriction CHECK (age >= 25);\nCOMMIT;',
    },
    {
      name: 'foreign keys belong to adding-foreign-key-constraint',
      sql: 'ALTER TABLE accounts ADD CONSTRAINT accounts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      history,
    },
    {
      name: 'UNIQUE USING INDEX',
      sql: 'ALTER TABLE accounts ADD CONSTRAINT accounts_user_key UNIQUE USING INDEX accounts_user_idx;',
      history,
    },
    {
      name: 'inline CHECK on a column whose ADD rewrites the table anyway',
      sql: 'ALTER TABLE accounts ADD COLUMN n bigserial CHECK (n > 0);',
      history,
    },
  ],
});

it('quotes the CHECK expression and suggests the VALIDATE statement', async () => {
  const [f] = await lintSql(
    'ALTER TABLE "Accounts" ADD CONSTRAINT "Positive" CHECK ((balance >= 0) AND (balance < 10)) NO INHERIT;',
    {
      history: 'CREATE TABLE "Accounts" (balance int);',
      ruleSet: [rule],
    },
  );
  expect(f!.data).toEqual({ constraint: 'Positive', check: '((balance >= 0) AND (balance < 10))' });
  expect(f!.help).toContain('ALTER TABLE "Accounts" VALIDATE CONSTRAINT "Positive"');
});
