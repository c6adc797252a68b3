import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import rule, { truncateIdentifier } from '../../../rules/postgres/identifier-too-long.js';
import { lintSql, ruleTester } from '../../helpers.js';

const long = (prefix: string) => `${prefix}_${'x'.repeat(70 - prefix.length)}`; // 71 bytes
const exactly63 = 'a'.repeat(63);
const emoji = '"' + '👨‍👩‍👧‍👦'.repeat(3) + '"'; // 75 bytes

ruleTester(rule, {
  invalid: [
    {
      sql: `CREATE TABLE ${long('table')} (id bigint);`,
      message: /table name `table_x+` is 71 bytes.*creates it as `table_x{57}`/,
    },
    {
      name: 'column and constraint in one CREATE TABLE',
      sql: `CREATE TABLE t (${long('col')} int CONSTRAINT ${long('con')} CHECK (true));`,
      count: 2,
    },
    { sql: `CREATE INDEX ${long('idx')} ON t (c);`, message: /index name/ },
    { sql: `ALTER TABLE t ADD COLUMN ${long('col')} int;`, message: /column name/ },
    {
      sql: `ALTER TABLE t ADD CONSTRAINT ${long('fk')} FOREIGN KEY (a) REFERENCES b (id);`,
      message: /constraint name/,
    },
    { sql: `ALTER TABLE t RENAME COLUMN a TO ${long('renamed')};`, message: /column name/ },
    {
      name: 'mixed case unquoted names are folded before counting',
      sql: `CREATE TABLE ${long('Table').toUpperCase()} (id int);`,
      message: /`table_x+`/,
    },
    {
      name: 'quoted identifiers keep their case',
      sql: `CREATE TABLE "${long('MixedCase')}" (id int);`,
      message: /`MixedCase_x+`/,
    },
    { name: 'multi-byte characters count in bytes', sql: `CREATE TABLE ${emoji} (id int);`, message: /75 bytes/ },
    { name: 'view column alias', sql: `CREATE VIEW v AS SELECT 1 AS ${long('alias')};`, message: /column name/ },
    { sql: `CREATE SEQUENCE ${long('seq')};` },
    { sql: `CREATE FUNCTION ${long('fn')}() RETURNS int LANGUAGE sql AS 'select 1';`, message: /function name/ },
  ],
  valid: [
    { name: 'exactly 63 bytes', sql: `CREATE TABLE ${exactly63} (id bigint);` },
    {
      name: 'a reference to a long name is truncated the same way and still matches',
      sql: `SELECT * FROM ${long('table')};\nDROP TABLE ${long('table')};\nALTER TABLE ${long('table')} ADD COLUMN c int;`,
    },
    {
      name: 'long string literals are not identifiers',
      sql: `INSERT INTO t (c) VALUES ('${'y'.repeat(100)}');\nCOMMENT ON TABLE t IS '${'z'.repeat(100)}';`,
    },
    {
      name: 'long names inside a function body are the body’s business',
      sql: `CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1 as ${long('inner')}';`,
    },
    'CREATE TABLE users (id bigint PRIMARY KEY, email text);',
  ],
});

describe('identifier-too-long matches what PostgreSQL does (PGlite)', () => {
  it('PostgreSQL keeps exactly the truncated name the message shows', async () => {
    const db = new PGlite();
    const names = [long('table'), '👨‍👩‍👧‍👦'.repeat(3), `é${'x'.repeat(62)}`];
    for (const n of names) await db.exec(`CREATE TABLE "${n}" (id int);`);
    const r = await db.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY oid",
    );
    expect(r.rows.map((x) => x.relname)).toEqual(names.map(truncateIdentifier));
    const f = await lintSql(names.map((n) => `CREATE TABLE "${n}" (id int);`).join('\n'), { ruleSet: [rule] });
    expect(f.map((x) => x.data?.truncated)).toEqual(names.map(truncateIdentifier));
    await db.close();
  });
});
