/**
 * Checks the ALTER COLUMN … TYPE cost table of src/rules/types.ts against a
 * real PostgreSQL (PGlite): for each change, a new pg_class.relfilenode of the
 * table means a rewrite, a new relfilenode of the index on the column means an
 * index rebuild.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadParser, parseSql } from '../../../src/dialects/postgres/parse.js';
import { typeRef } from '../../../src/dialects/postgres/typenames.js';
import { typeChangeCost, type TypeChangeCost } from '../../../src/dialects/postgres/column-types.js';

const cases: [from: string, to: string, seed: string][] = [
  ['varchar(10)', 'varchar(20)', "'a'"],
  ['varchar(10)', 'varchar', "'a'"],
  ['varchar(10)', 'text', "'a'"],
  ['varchar(20)', 'varchar(10)', "'a'"],
  ['text', 'varchar', "'a'"],
  ['text', 'varchar(10)', "'a'"],
  ['text', 'bpchar', "'a'"],
  ['char(5)', 'char(10)', "'a'"],
  ['char(5)', 'bpchar', "'a'"],
  ['char(5)', 'text', "'a'"],
  ['numeric(10,2)', 'numeric(12,2)', '1'],
  ['numeric(10,2)', 'numeric(12,3)', '1'],
  ['numeric(10,2)', 'numeric(8,2)', '1'],
  ['numeric(10,2)', 'numeric', '1'],
  ['numeric', 'numeric(10,2)', '1'],
  ['numeric(10)', 'numeric(12)', '1'],
  ['varbit(5)', 'varbit(10)', "B'1'"],
  ['varbit(10)', 'varbit(5)', "B'1'"],
  ['bit(5)', 'varbit', "B'10101'"],
  ['bit(5)', 'bit(10)', 'NULL'],
  ['timestamp(3)', 'timestamp(6)', 'now()'],
  ['timestamp(3)', 'timestamp', 'now()'],
  ['timestamp', 'timestamp(3)', 'now()'],
  ['timestamptz(6)', 'timestamptz(3)', 'now()'],
  ['time(3)', 'time', 'now()'],
  ['time', 'timetz', 'now()'],
  ['interval(3)', 'interval', "'1 day'"],
  ['cidr', 'inet', "'10.0.0.0/8'"],
  ['inet', 'cidr', "'10.0.0.0/8'"],
  ['integer', 'bigint', '1'],
  ['bigint', 'integer', '1'],
  ['smallint', 'integer', '1'],
  ['integer', 'oid', '1'],
  ['real', 'double precision', '1'],
  ['varchar(10)[]', 'varchar(20)[]', 'NULL'],
  ['varchar(10)[]', 'text[]', 'NULL'],
  ['integer[]', 'bigint[]', 'NULL'],
  ['date', 'timestamp', "'2020-01-01'"],
  ['varchar(10)', 'varchar(10)', "'a'"],
  ['uuid', 'uuid', 'NULL'],
];

const typeOf = (sql: string) => typeRef(parseSql(`CREATE TABLE x (c ${sql})`)[0]!.ast.tableElts[0].ColumnDef.typeName);

let db: PGlite;
beforeAll(async () => {
  await loadParser();
  db = new PGlite();
  await db.waitReady;
}, 120_000);
afterAll(async () => {
  await db?.close();
});

async function measure(from: string, to: string, seed: string, tz = 'UTC'): Promise<TypeChangeCost> {
  await db.exec(
    `SET TimeZone = '${tz}'; DROP TABLE IF EXISTS t; CREATE TABLE t (id int, c ${from}); INSERT INTO t VALUES (1, ${seed}); CREATE INDEX t_c_idx ON t (c);`,
  );
  const q = `SELECT (SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass) AS t, (SELECT relfilenode FROM pg_class WHERE oid = 't_c_idx'::regclass) AS i`;
  const before = (await db.query<{ t: number; i: number }>(q)).rows[0]!;
  await db.exec(`ALTER TABLE t ALTER COLUMN c TYPE ${to}`);
  const after = (await db.query<{ t: number; i: number }>(q)).rows[0]!;
  if (after.t !== before.t) return 'rewrite';
  return after.i !== before.i ? 'index' : 'none';
}

describe('typeChangeCost matches PostgreSQL', () => {
  for (const [from, to, seed] of cases) {
    it(`${from} → ${to}`, async () => {
      expect(await measure(from, to, seed)).toBe(typeChangeCost(typeOf(from), typeOf(to)));
    });
  }
  it('timestamp → timestamptz: only the index is rebuilt under UTC, the table is rewritten elsewhere', async () => {
    expect(typeChangeCost(typeOf('timestamp'), typeOf('timestamptz'))).toBe('timezone');
    expect(await measure('timestamp', 'timestamptz', 'now()', 'UTC')).toBe('index');
    expect(await measure('timestamp', 'timestamptz', 'now()', 'America/New_York')).toBe('rewrite');
    expect(await measure('timestamptz', 'timestamp', 'now()', 'Europe/Paris')).toBe('rewrite');
  });
});
