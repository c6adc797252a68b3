import rule from '../../../rules/postgres/prefer-bigint-over-smallint.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    {
      sql: 'CREATE TABLE t (id bigint, retries smallint NOT NULL DEFAULT 0);',
      message: /`t.retries` is smallint: it overflows at 32,767/,
    },
    { sql: 'CREATE TABLE t (id smallserial PRIMARY KEY);', message: /is smallserial/ },
    { sql: 'ALTER TABLE t ADD COLUMN n int2;' },
    { name: 'ALTER COLUMN TYPE', sql: 'ALTER TABLE t ALTER COLUMN n TYPE smallint;' },
  ],
  valid: [
    'CREATE TABLE t (a integer, b bigint, c numeric(4), d boolean);',
    { name: 'temporary table', sql: 'CREATE TEMP TABLE t (a smallint);' },
    { name: 'a cast in a query', sql: 'SELECT 1::smallint;' },
    { name: 'a function parameter', sql: 'CREATE FUNCTION f(x smallint) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' },
  ],
});
