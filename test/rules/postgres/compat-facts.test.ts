/**
 * The backward-compatibility rules against a real PostgreSQL (PGlite).
 *
 * breaks-running-code: for each change, the INSERT the
 * previous release makes works before it, and after it fails exactly when the rule flags
 * the change. The migration runs on an empty table, as on a fresh database, where it succeeds.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/breaks-running-code.js';
import dropDefault from '../../../rules/postgres/ban-drop-default.js';
import { lintSql } from '../../helpers.js';

const history =
  "CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(40), qty int4, big int8, price numeric(12,2), note text, memo text, status text DEFAULT 'new');";
/** what the running (previous) release writes: it never names memo, status, or any column added since */
const oldInsert =
  "INSERT INTO orders (id, code, qty, big, price, note) VALUES ($1, repeat('x', 30), 40000, 3000000000, 1234567890.12, 'hello')";

const cases: { change: string; release?: string; flagged: boolean }[] = [
  { change: 'ALTER TABLE orders ADD COLUMN region text NOT NULL;', flagged: true },
  { change: "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';", flagged: false },
  { change: 'ALTER TABLE orders ADD COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY;', flagged: false },
  { change: 'ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);', flagged: true },
  { change: 'ALTER TABLE orders ALTER COLUMN code TYPE varchar(80);', flagged: false },
  { change: 'ALTER TABLE orders ALTER COLUMN qty TYPE smallint;', flagged: true },
  { change: 'ALTER TABLE orders ALTER COLUMN qty TYPE bigint;', flagged: false },
  { change: 'ALTER TABLE orders ALTER COLUMN big TYPE integer;', flagged: true },
  { change: 'ALTER TABLE orders ALTER COLUMN price TYPE numeric(8,2);', flagged: true },
  { change: 'ALTER TABLE orders ALTER COLUMN price TYPE numeric(14,2);', flagged: false },
  { change: 'ALTER TABLE orders ALTER COLUMN note TYPE jsonb USING note::jsonb;', flagged: true },
  { change: 'ALTER TABLE orders ALTER COLUMN memo SET NOT NULL;', flagged: true },
  { change: 'ALTER TABLE orders ALTER COLUMN status SET NOT NULL;', flagged: false },
  { change: 'ALTER TABLE orders ADD CONSTRAINT memo_nn CHECK (memo IS NOT NULL) NOT VALID;', flagged: true },
  {
    change: 'ALTER TABLE orders ALTER COLUMN region SET NOT NULL;',
    release: 'ALTER TABLE orders ADD COLUMN region text;',
    flagged: true,
  },
  {
    change: 'ALTER TABLE orders ALTER COLUMN region DROP DEFAULT;',
    release: "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';",
    flagged: true,
  },
];

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe('breaks-running-code flags exactly the changes that make the old INSERT fail', () => {
  for (const c of cases) {
    it(`${c.release ? `${c.release} then ` : ''}${c.change}`, async () => {
      await db.exec(`DROP TABLE IF EXISTS orders; ${history}`);
      await db.query(oldInsert, [1]);
      await db.exec('DELETE FROM orders;');
      if (c.release) await db.exec(c.release);
      await db.exec(c.change);
      const failed = await db.query(oldInsert, [2]).then(
        () => false,
        () => true,
      );
      const findings = await lintSql(c.change, { history, release: c.release, ruleSet: [rule] });
      expect(findings.length > 0, JSON.stringify(findings)).toBe(c.flagged);
      expect(failed).toBe(c.flagged);
    });
  }
});

describe('ban-drop-default: what the old INSERT gets after the drop', () => {
  const table =
    "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'new', note text DEFAULT 'none');";
  const run = async (change: string) => {
    await db.exec(`DROP TABLE IF EXISTS orders; ${table}`);
    await db.exec(change);
    const findings = await lintSql(change, { history: table, ruleSet: [dropDefault] });
    return findings;
  };
  it('NOT NULL column: the INSERT that leaves it out fails, and the finding is an error', async () => {
    const findings = await run('ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;');
    await expect(db.query('INSERT INTO orders (id) VALUES (1)')).rejects.toThrow(/null value in column "status"/);
    expect(findings.map((f) => f.severity)).toEqual(['error']);
  });
  it('nullable column: the INSERT stores NULL instead of the default, and the finding is a warning', async () => {
    const findings = await run('ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;');
    await db.query('INSERT INTO orders (id) VALUES (1)');
    const row = await db.query<{ note: string | null }>('SELECT note FROM orders');
    expect(row.rows[0]!.note).toBeNull();
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });
});
