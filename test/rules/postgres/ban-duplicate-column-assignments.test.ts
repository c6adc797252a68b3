import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/ban-duplicate-column-assignments.js';
import { lintSql, ruleTester } from '../../helpers.js';

const setup =
  'CREATE TYPE pt AS (x int, y int);\nCREATE TABLE k (id int PRIMARY KEY, a int, b int, c int[], p pt);\nCREATE TABLE j (id int, a int);';

const invalid = [
  {
    sql: 'UPDATE k SET a = 1, b = 2, a = 3;',
    message: /UPDATE … SET assigns `a` more than once on `k`.*multiple assignments to same column/,
  },
  { name: 'multi-column assignment', sql: 'UPDATE k SET (a, b) = (1, 2), a = 3;' },
  { name: 'whole and partial assignment', sql: 'UPDATE k SET p = ROW(1, 2), p.x = 3;' },
  { name: 'case folding', sql: 'UPDATE k SET a = 1, A = 2;' },
  {
    name: 'INSERT column list',
    sql: 'INSERT INTO k (id, a, a) VALUES (1, 2, 3);',
    message: /INSERT column list assigns `a`/,
  },
  {
    name: 'ON CONFLICT DO UPDATE',
    sql: 'INSERT INTO k (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1, a = 2;',
    message: /ON CONFLICT/,
  },
  { name: 'MERGE UPDATE', sql: 'MERGE INTO k USING j ON k.id = j.id WHEN MATCHED THEN UPDATE SET a = 1, a = 2;' },
  {
    name: 'CREATE TABLE',
    sql: 'CREATE TABLE t (a int, b int, a text);',
    message: /names column `a` more than once.*specified more than once/,
  },
  {
    name: 'view with inferred names',
    sql: 'CREATE VIEW v AS SELECT k.id, j.id FROM k JOIN j ON j.id = k.id;',
    message: /`id`/,
  },
  { name: 'view of constants', sql: 'CREATE VIEW v AS SELECT 1, 2;', message: /`\?column\?`/ },
  { name: 'casts are named after their type', sql: "CREATE VIEW v AS SELECT 1::int, '2'::int;", message: /`int4`/ },
  {
    name: 'function calls are named after the function',
    sql: 'CREATE VIEW v AS SELECT now(), now();',
    message: /`now`/,
  },
  {
    name: 'CREATE FOREIGN TABLE',
    sql: 'CREATE FOREIGN TABLE ft (a int, a text) SERVER s;',
    message: /CREATE FOREIGN TABLE `ft` names column `a` more than once/,
  },
  { name: 'CREATE TABLE AS', sql: 'CREATE TABLE t2 AS SELECT 1 AS a, 2 AS a;' },
  { name: 'CREATE MATERIALIZED VIEW', sql: 'CREATE MATERIALIZED VIEW mv AS SELECT a, b AS a FROM k;' },
  { name: 'SELECT INTO', sql: 'SELECT 1 AS a, 2 AS a INTO t3;' },
  { name: 'a view column list shorter than the select list', sql: 'CREATE VIEW v (a) AS SELECT 1, 2 AS a;' },
];
const valid = [
  'UPDATE k SET a = 1, b = 2;',
  { name: 'several fields of one composite', sql: 'UPDATE k SET p.x = 1, p.y = 2;' },
  { name: 'several elements of one array', sql: 'UPDATE k SET c[1] = 1, c[2] = 2;' },
  { name: 'quoted upper case is a different column', sql: 'CREATE TABLE t ("A" int, a int);' },
  { name: 'view column list renames duplicates', sql: 'CREATE VIEW v (x, y) AS SELECT 1 AS a, 2 AS a;' },
  {
    name: 'UNION takes names from its first branch',
    sql: 'CREATE VIEW v AS SELECT 1 AS a, 2 AS b UNION SELECT 3 AS b, 4 AS b;',
  },
  {
    name: 'star expansion is not guessed',
    sql: 'CREATE VIEW v AS SELECT k.*, j.* FROM k JOIN j ON j.id = k.id;',
    lintOnly: true,
  },
  { name: 'a plain SELECT may repeat names', sql: 'SELECT 1 AS a, 2 AS a;' },
  {
    name: 'the same column in different clauses',
    sql: 'INSERT INTO k (id, a) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET a = excluded.a;',
  },
];

ruleTester(rule, {
  invalid: invalid.map((c) => ({ ...c, history: setup })),
  valid: valid.map((c) => (typeof c === 'string' ? { sql: c, history: setup } : { ...c, history: setup })),
});

describe('ban-duplicate-column-assignments agrees with PostgreSQL (PGlite)', () => {
  it('every flagged statement fails, every near miss without a star runs', async () => {
    const db = new PGlite();
    await db.exec(setup);
    const run = async (sql: string) => {
      try {
        await db.exec(`BEGIN; ${sql} ROLLBACK;`);
        return 'ok';
      } catch (e) {
        await db.exec('ROLLBACK').catch(() => undefined);
        return (e as Error).message;
      }
    };
    for (const c of invalid) {
      expect(await run(c.sql), c.sql).toMatch(/multiple assignments to same column|specified more than once/);
      expect((await lintSql(c.sql, { history: setup, ruleSet: [rule] })).length, c.sql).toBeGreaterThan(0);
    }
    for (const c of valid) {
      const sql = typeof c === 'string' ? c : c.sql;
      const expected = typeof c !== 'string' && c.lintOnly ? /specified more than once/ : /^ok$/;
      expect(await run(sql), sql).toMatch(expected);
    }
    await db.close();
  });
});
