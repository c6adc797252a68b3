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

// squawk's constraint-missing-not-valid covers foreign keys too; zerodown reports them once, as
// adding-foreign-key-constraint, and here only when that rule is off.
const fkRules = (findings: { rule: string }[]) =>
  findings
    .map((f) => f.rule)
    .filter((r) => r === 'constraint-missing-not-valid' || r === 'adding-foreign-key-constraint');
const fkSql = 'ALTER TABLE accounts ADD CONSTRAINT accounts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);';

it('leaves a foreign key without NOT VALID to adding-foreign-key-constraint when that rule runs', async () => {
  const findings = await lintSql(fkSql, { history });
  expect(fkRules(findings)).toEqual(['adding-foreign-key-constraint']);
});

it('reports a foreign key without NOT VALID itself when adding-foreign-key-constraint is off', async () => {
  const findings = await lintSql(fkSql, { history, rules: { 'adding-foreign-key-constraint': 'off' } });
  expect(fkRules(findings)).toEqual(['constraint-missing-not-valid']);
  const fk = findings.find((f) => f.rule === 'constraint-missing-not-valid')!;
  expect(fk.message).toMatch(/Adding foreign key `accounts_user_fk` on `accounts`.*SHARE ROW EXCLUSIVE/);
  expect(fk.help).toContain('NOT VALID');
  // alone, as squawk runs one rule
  const alone = await lintSql(fkSql, { history, ruleSet: [rule] });
  expect(alone.map((f) => f.rule)).toEqual(['constraint-missing-not-valid']);
  // NOT VALID, or a table created in the same file: nothing
  expect(await lintSql(fkSql.replace(';', ' NOT VALID;'), { history, ruleSet: [rule] })).toEqual([]);
  expect(
    await lintSql(`CREATE TABLE accounts (id bigint, user_id bigint);\n${fkSql}`, {
      history: 'CREATE TABLE users (id bigint PRIMARY KEY);',
      ruleSet: [rule],
    }),
  ).toEqual([]);
});
