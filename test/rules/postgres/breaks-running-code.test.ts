import { describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/breaks-running-code.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  "CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(40), qty int4, big int8, price numeric(12,2), total numeric, note text, status text DEFAULT 'new', ratio float8);";

ruleTester(rule, {
  invalid: [
    // required column that running code does not write
    {
      name: 'new NOT NULL column without a default',
      sql: 'ALTER TABLE orders ADD COLUMN region text NOT NULL;',
      history,
      message: /New column `orders.region` is NOT NULL with no DEFAULT/,
    },
    { name: 'unknown table', sql: 'ALTER TABLE invoices ADD COLUMN region text NOT NULL;' },
    {
      name: 'SET NOT NULL on a column this file added (no default)',
      sql: 'ALTER TABLE orders ADD COLUMN region text;\nALTER TABLE orders ALTER COLUMN region SET NOT NULL;',
      history,
      message: /a column added in this release with no DEFAULT/,
      line: 2,
    },
    {
      name: 'SET NOT NULL on a column an earlier file of this release added',
      sql: 'ALTER TABLE orders ALTER COLUMN region SET NOT NULL;',
      history,
      release: 'ALTER TABLE orders ADD COLUMN region text;',
      message: /added in this release/,
    },
    {
      name: 'CHECK (col IS NOT NULL) NOT VALID on a column this release added: new rows are checked too',
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_region_nn CHECK (region IS NOT NULL) NOT VALID;',
      history,
      release: 'ALTER TABLE orders ADD COLUMN region text;',
      message: /CHECK \(region IS NOT NULL\) on `orders.region`, a column added in this release/,
    },
    {
      name: 'SET NOT NULL on an older column without a default (a warning)',
      sql: 'ALTER TABLE orders ALTER COLUMN note SET NOT NULL;',
      history,
      message: /if the release running now leaves it out of an INSERT/,
    },
    {
      name: 'dropping the default of a NOT NULL column this release added',
      sql: "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';\nALTER TABLE orders ALTER COLUMN region DROP DEFAULT;",
      history,
      line: 2,
      message: /Dropping the default of `orders.region`, a NOT NULL column added in this release/,
    },
    // narrowing
    {
      name: 'varchar(40) to varchar(20)',
      sql: 'ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);',
      history,
      message: /from varchar\(40\) to varchar\(20\) narrows it: values longer than 20 characters/,
    },
    { name: 'text to varchar(n)', sql: 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(100);', history },
    {
      name: 'bigint to integer',
      sql: 'ALTER TABLE orders ALTER COLUMN big TYPE integer;',
      history,
      message: /from bigint to integer narrows it: numbers beyond the range of integer/,
    },
    { name: 'int to smallint', sql: 'ALTER TABLE orders ALTER COLUMN qty TYPE smallint;', history },
    {
      name: 'numeric(12,2) to numeric(8,2)',
      sql: 'ALTER TABLE orders ALTER COLUMN price TYPE numeric(8,2);',
      history,
      message: /more than 6 digits before the decimal point/,
    },
    { name: 'numeric to numeric(10,2)', sql: 'ALTER TABLE orders ALTER COLUMN total TYPE numeric(10,2);', history },
    { name: 'float8 to float4', sql: 'ALTER TABLE orders ALTER COLUMN ratio TYPE real;', history },
    {
      name: 'numeric to integer',
      sql: 'ALTER TABLE orders ALTER COLUMN total TYPE integer USING total::int;',
      history,
    },
    {
      name: 'text to a non-text type',
      sql: 'ALTER TABLE orders ALTER COLUMN note TYPE jsonb USING note::jsonb;',
      history,
      message: /text that does not read as jsonb/,
    },
    {
      name: 'two hazards in one statement, two findings',
      sql: 'ALTER TABLE orders ALTER COLUMN code TYPE varchar(10), ADD COLUMN region text NOT NULL;',
      history,
      count: 2,
    },
  ],
  valid: [
    {
      name: 'new NOT NULL column with a default',
      sql: "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';",
      history,
    },
    { name: 'new nullable column', sql: 'ALTER TABLE orders ADD COLUMN region text;', history },
    {
      name: 'new NOT NULL identity column',
      sql: 'ALTER TABLE orders ADD COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY;',
      history,
    },
    { name: 'new bigserial column', sql: 'ALTER TABLE orders ADD COLUMN seq bigserial;', history },
    {
      name: 'a table created in this file',
      sql: 'CREATE TABLE carts (id bigint);\nALTER TABLE carts ADD COLUMN owner bigint NOT NULL;\nALTER TABLE carts ALTER COLUMN id TYPE int;',
    },
    {
      name: 'a table created earlier in this release',
      sql: 'ALTER TABLE carts ADD COLUMN owner bigint NOT NULL;',
      history,
      release: 'CREATE TABLE carts (id bigint);',
    },
    {
      name: 'SET NOT NULL on a column with a default',
      sql: 'ALTER TABLE orders ALTER COLUMN status SET NOT NULL;',
      history,
    },
    {
      name: 'SET NOT NULL with a default set by the same statement',
      sql: "ALTER TABLE orders ALTER COLUMN note SET DEFAULT '', ALTER COLUMN note SET NOT NULL;",
      history,
    },
    {
      name: 'dropping the default of a NOT NULL column of an older release (ban-drop-default says it)',
      sql: 'ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;',
      history: [history, 'ALTER TABLE orders ALTER COLUMN status SET NOT NULL;'],
    },
    {
      name: 'dropping the default of a nullable column this release added',
      sql: "ALTER TABLE orders ADD COLUMN region text DEFAULT 'eu';\nALTER TABLE orders ALTER COLUMN region DROP DEFAULT;",
      history,
    },
    {
      name: 'another CHECK on a column this release added',
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_region_len CHECK (char_length(region) < 10) NOT VALID;',
      history,
      release: 'ALTER TABLE orders ADD COLUMN region text;',
    },
    {
      name: 'CHECK (col IS NOT NULL) on a column with a default',
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL) NOT VALID;',
      history,
    },
    // widening, or a column of this release
    { name: 'varchar(40) to varchar(80)', sql: 'ALTER TABLE orders ALTER COLUMN code TYPE varchar(80);', history },
    { name: 'varchar(40) to text', sql: 'ALTER TABLE orders ALTER COLUMN code TYPE text;', history },
    { name: 'int to bigint', sql: 'ALTER TABLE orders ALTER COLUMN qty TYPE bigint;', history },
    {
      name: 'numeric(12,2) to numeric(14,2)',
      sql: 'ALTER TABLE orders ALTER COLUMN price TYPE numeric(14,2);',
      history,
    },
    { name: 'int to numeric(20,0)', sql: 'ALTER TABLE orders ALTER COLUMN qty TYPE numeric;', history },
    {
      name: 'narrowing a column this release added',
      sql: 'ALTER TABLE orders ALTER COLUMN region TYPE varchar(2);',
      history,
      release: 'ALTER TABLE orders ADD COLUMN region text;',
    },
    { name: 'type change on an unknown column', sql: 'ALTER TABLE invoices ALTER COLUMN x TYPE int;' },
    { name: 'dropping a column is ban-drop-column', sql: 'ALTER TABLE orders DROP COLUMN note;', history },
  ],
});

describe('breaks-running-code severity', () => {
  it('an older column without a default getting NOT NULL is a warning; a column of this release, an error', async () => {
    const old = await lintSql('ALTER TABLE orders ALTER COLUMN note SET NOT NULL;', { history, ruleSet: [rule] });
    expect(old.map((f) => f.severity)).toEqual(['warning']);
    const fresh = await lintSql('ALTER TABLE orders ALTER COLUMN region SET NOT NULL;', {
      history,
      release: 'ALTER TABLE orders ADD COLUMN region text;',
      ruleSet: [rule],
    });
    expect(fresh.map((f) => f.severity)).toEqual(['error']);
  });
});
