import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/ban-alter-domain-validation.js';
import { lintSql, ruleTester } from '../../helpers.js';

// the lock itself is measured on PGlite in ban-alter-domain-with-add-constraint.test.ts
const history =
  'CREATE DOMAIN posint AS int;\nCREATE TABLE scores (id bigint, points posint);\nCREATE TABLE bonuses (id bigint, extra posint);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER DOMAIN posint SET NOT NULL;',
      history,
      message:
        /^ALTER DOMAIN `posint` SET NOT NULL checks every existing value of the domain, holding a SHARE lock on `scores`, `bonuses`/,
    },
    {
      name: 'VALIDATE CONSTRAINT on a domain blocks writes too (unlike on a table)',
      sql: 'ALTER DOMAIN posint VALIDATE CONSTRAINT posint_positive;',
      history,
      message: /VALIDATE CONSTRAINT posint_positive checks every existing value/,
    },
    {
      name: 'a domain the replay does not know',
      sql: 'ALTER DOMAIN app.email SET NOT NULL;',
      message: /every table with a column of this domain/,
    },
  ],
  valid: [
    {
      name: 'ADD CONSTRAINT: ban-alter-domain-with-add-constraint reports it',
      sql: 'ALTER DOMAIN posint ADD CONSTRAINT posint_positive CHECK (VALUE > 0);',
      history,
    },
    { name: 'domain created in the same file', sql: 'CREATE DOMAIN email AS text;\nALTER DOMAIN email SET NOT NULL;' },
    {
      name: 'known domain that no existing table uses',
      sql: 'ALTER DOMAIN email SET NOT NULL;',
      history: 'CREATE DOMAIN email AS text;',
    },
    {
      name: 'only tables created in this file use it',
      sql: 'CREATE TABLE fresh (v posint);\nALTER DOMAIN posint VALIDATE CONSTRAINT c;',
      history: 'CREATE DOMAIN posint AS int;',
    },
    { name: 'DROP NOT NULL checks nothing', sql: 'ALTER DOMAIN posint DROP NOT NULL;', history },
  ],
});

it('names the help: a CHECK on each table column, added NOT VALID and validated', async () => {
  const [f] = await lintSql('ALTER DOMAIN posint SET NOT NULL;', { history, ruleSet: [rule] });
  expect(f!.help).toMatch(/CHECK constraint on each table column instead: ADD CONSTRAINT … NOT VALID/);
  expect(f!.table).toBe('public.scores');
});
