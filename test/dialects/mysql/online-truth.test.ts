/**
 * The truth table: for each classic ALTER of issue 13, ask the real MariaDB at
 * ZERODOWN_TEST_MYSQL_URL which online clauses it accepts — ALGORITHM=INSTANT, then INPLACE with
 * LOCK=NONE, then INPLACE with LOCK=SHARED, then COPY — and assert that zerodown's prediction for
 * that server version (SQL parsed by our parser, the table replayed by our catalog) names the first
 * one accepted. Where INPLACE is accepted, ALGORITHM=NOCOPY tells whether the table is rebuilt.
 * Skipped, saying why, without the URL.
 */
import { createConnection, type Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlterTableAst, ServerVersion } from '../../../src/dialects/mysql/ast.js';
import { MyCatalog, parseSql } from '../../../src/dialects/mysql/index.js';
import { predictAlter } from '../../../src/dialects/mysql/online/predict.js';

const URL_ = process.env.ZERODOWN_TEST_MYSQL_URL;

/** A case: the table (and what it references), and the ALTER's clauses after `ALTER TABLE t`. */
interface Case {
  name: string;
  table: string;
  alter: string;
  /** SET foreign_key_checks for the session */
  fkc?: 0 | 1;
}

const T =
  "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b VARCHAR(50), c VARCHAR(100) CHARACTER SET latin1, b31 VARCHAR(31), e ENUM('x','y'), d DECIMAL(10,2), n INT NULL, k INT NOT NULL DEFAULT 0, tx TEXT, KEY ka (a)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
const E255 = Array.from({ length: 255 }, (_, i) => `'v${i}'`).join(',');

export const CASES: Case[] = [
  { name: 'add a column at the end', table: T, alter: 'ADD COLUMN z INT' },
  { name: 'add a column in the middle', table: T, alter: 'ADD COLUMN z INT AFTER id' },
  { name: 'add a column FIRST', table: T, alter: 'ADD COLUMN z INT FIRST' },
  { name: 'add a NOT NULL column with a default', table: T, alter: 'ADD COLUMN z INT NOT NULL DEFAULT 5' },
  {
    name: 'add a column DEFAULT CURRENT_TIMESTAMP',
    table: T,
    alter: 'ADD COLUMN z DATETIME DEFAULT CURRENT_TIMESTAMP',
  },
  { name: 'add a column with an expression default', table: T, alter: 'ADD COLUMN z VARCHAR(36) DEFAULT (uuid())' },
  { name: 'add an AUTO_INCREMENT column', table: T, alter: 'ADD COLUMN z INT AUTO_INCREMENT UNIQUE' },
  { name: 'add a STORED generated column', table: T, alter: 'ADD COLUMN z INT AS (a + 1) STORED' },
  { name: 'add a VIRTUAL generated column', table: T, alter: 'ADD COLUMN z INT AS (a + 1) VIRTUAL' },
  { name: 'add an index', table: T, alter: 'ADD INDEX kb (b)' },
  { name: 'add a unique index', table: T, alter: 'ADD UNIQUE INDEX ub (b)' },
  { name: 'add a FULLTEXT index', table: T, alter: 'ADD FULLTEXT INDEX fb (tx)' },
  { name: 'widen a VARCHAR within 255 bytes', table: T, alter: 'MODIFY b VARCHAR(63)' },
  { name: 'widen a VARCHAR across 255 bytes (utf8mb4)', table: T, alter: 'MODIFY b VARCHAR(64)' },
  { name: 'widen a VARCHAR of ≤127 bytes past 255 bytes', table: T, alter: 'MODIFY b31 VARCHAR(100)' },
  { name: 'widen a latin1 VARCHAR past 255 bytes', table: T, alter: 'MODIFY c VARCHAR(300) CHARACTER SET latin1' },
  { name: 'shrink a VARCHAR', table: T, alter: 'MODIFY b VARCHAR(40)' },
  { name: 'VARCHAR to TEXT', table: T, alter: 'MODIFY b TEXT' },
  { name: 'NULL to NOT NULL', table: T, alter: 'MODIFY n INT NOT NULL' },
  { name: 'NOT NULL to NULL', table: T, alter: 'MODIFY k INT NULL DEFAULT 0' },
  { name: 'ENUM append', table: T, alter: "MODIFY e ENUM('x','y','z')" },
  { name: 'ENUM reorder', table: T, alter: "MODIFY e ENUM('y','x')" },
  { name: 'ENUM remove a value', table: T, alter: "MODIFY e ENUM('x')" },
  {
    name: 'ENUM append past 255 members (1 → 2 bytes)',
    table: `CREATE TABLE t (id INT PRIMARY KEY, e ENUM(${E255}))`,
    alter: `MODIFY e ENUM(${E255},'v255')`,
  },
  {
    name: 'SET append past 8 members (1 → 2 bytes)',
    table: "CREATE TABLE t (id INT PRIMARY KEY, s SET('a','b','c','d','e','f','g','h'))",
    alter: "MODIFY s SET('a','b','c','d','e','f','g','h','i')",
  },
  { name: 'drop a column', table: T, alter: 'DROP COLUMN k' },
  { name: 'drop an indexed column', table: T, alter: 'DROP COLUMN a' },
  { name: 'rename a column', table: T, alter: 'RENAME COLUMN k TO kk' },
  { name: 'CHANGE a column to rename it', table: T, alter: 'CHANGE k kk INT NOT NULL DEFAULT 0' },
  { name: 'reorder a column', table: T, alter: 'MODIFY k INT NOT NULL DEFAULT 0 FIRST' },
  { name: 'set a default', table: T, alter: 'ALTER COLUMN k SET DEFAULT 3' },
  { name: 'drop a default', table: T, alter: 'ALTER COLUMN k DROP DEFAULT' },
  { name: 'charset conversion', table: T, alter: 'CONVERT TO CHARACTER SET latin1' },
  { name: "change a column's charset", table: T, alter: 'MODIFY b VARCHAR(50) CHARACTER SET latin1' },
  { name: 'DECIMAL precision', table: T, alter: 'MODIFY d DECIMAL(12,2)' },
  { name: 'INT to BIGINT', table: T, alter: 'MODIFY a BIGINT' },
  {
    name: 'foreign key, foreign_key_checks=1',
    table: T,
    alter: 'ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)',
    fkc: 1,
  },
  {
    name: 'foreign key, foreign_key_checks=0',
    table: T,
    alter: 'ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)',
    fkc: 0,
  },
  { name: 'drop the primary key', table: T, alter: 'DROP PRIMARY KEY' },
  { name: 'primary key swap', table: T, alter: 'DROP PRIMARY KEY, ADD PRIMARY KEY (id, k)' },
  { name: 'add a primary key', table: 'CREATE TABLE t (id INT NOT NULL, a INT)', alter: 'ADD PRIMARY KEY (id)' },
  { name: 'column plus index in one ALTER', table: T, alter: 'ADD COLUMN z INT, ADD INDEX kz (z)' },
  { name: 'drop an index', table: T, alter: 'DROP INDEX ka' },
  { name: 'rename an index', table: T, alter: 'RENAME INDEX ka TO kb' },
  { name: 'rename the table', table: T, alter: 'RENAME TO t2' },
  { name: 'ROW_FORMAT', table: T, alter: 'ROW_FORMAT=COMPACT' },
  { name: 'FORCE', table: T, alter: 'FORCE' },
  { name: 'ENGINE=InnoDB on InnoDB', table: T, alter: 'ENGINE=InnoDB' },
  { name: 'AUTO_INCREMENT value', table: T, alter: 'AUTO_INCREMENT=100' },
  { name: 'table comment', table: T, alter: "COMMENT='orders'" },
  { name: 'add a CHECK constraint', table: T, alter: 'ADD CONSTRAINT ck CHECK (a > 0)' },
  {
    name: 'add a column to a table with FULLTEXT',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, tx TEXT, FULLTEXT KEY f (tx))',
    alter: 'ADD COLUMN z INT',
  },
  {
    name: 'add a column to a COMPRESSED table',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, a INT) ROW_FORMAT=COMPRESSED',
    alter: 'ADD COLUMN z INT',
  },
  {
    name: 'add a column to a MyISAM table',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, a INT) ENGINE=MyISAM',
    alter: 'ADD COLUMN z INT',
  },
];

const ATTEMPTS = [
  { clause: 'ALGORITHM=INSTANT', algorithm: 'INSTANT', lock: 'NONE' },
  { clause: 'ALGORITHM=INPLACE, LOCK=NONE', algorithm: 'INPLACE', lock: 'NONE' },
  { clause: 'ALGORITHM=INPLACE, LOCK=SHARED', algorithm: 'INPLACE', lock: 'SHARED' },
  { clause: 'ALGORITHM=COPY', algorithm: 'COPY', lock: 'SHARED' },
] as const;

const PARENT = 'CREATE TABLE p (id INT PRIMARY KEY)';

describe.skipIf(!URL_)(
  `online-DDL prediction = what the real MariaDB accepts${URL_ ? '' : ' (skipped: set ZERODOWN_TEST_MYSQL_URL)'}`,
  () => {
    let conn: Connection;
    let server: ServerVersion;
    const db = `zd_online_truth_${process.pid}`;

    beforeAll(async () => {
      conn = await createConnection({ uri: URL_!, multipleStatements: true });
      const [rows] = await conn.query('SELECT VERSION() AS v');
      const version = String((rows as { v: string }[])[0]!.v);
      expect(version, 'these facts are measured on MariaDB').toMatch(/mariadb/i);
      const [major, minor, patch] = version.split(/[.-]/).map(Number) as [number, number, number];
      server = { flavor: 'mariadb', major, minor, patch };
      await conn.query(`DROP DATABASE IF EXISTS ${db}; CREATE DATABASE ${db}; USE ${db}`);
    });
    afterAll(async () => {
      await conn?.query(`DROP DATABASE IF EXISTS ${db}`);
      await conn?.end();
    });

    /** Creates the tables afresh and runs the ALTER with `clause`: true when the server accepts it. */
    async function accepts(c: Case, clause: string): Promise<boolean> {
      await conn.query(
        `SET SESSION foreign_key_checks = ${c.fkc ?? 1}; DROP TABLE IF EXISTS t, t2, p; ${PARENT}; ${c.table}`,
      );
      await conn.query('INSERT INTO p VALUES (1), (2)');
      try {
        await conn.query(`ALTER TABLE t ${c.alter}, ${clause}`);
        return true;
      } catch (e) {
        const code = (e as { errno?: number }).errno;
        // 1845/1846: ALGORITHM/LOCK not supported for this operation; anything else is a broken case
        if (code !== 1845 && code !== 1846) throw e;
        return false;
      }
    }

    for (const c of CASES) {
      it(c.name, async () => {
        let measured: (typeof ATTEMPTS)[number] | undefined;
        for (const a of ATTEMPTS) {
          if (await accepts(c, a.clause)) {
            measured = a;
            break;
          }
        }
        expect(measured, 'the server accepts the ALTER with some algorithm').toBeDefined();
        const rebuilds =
          measured!.algorithm === 'COPY' ||
          (measured!.algorithm === 'INPLACE' && !(await accepts(c, `ALGORITHM=NOCOPY, LOCK=${measured!.lock}`)));

        const catalog = new MyCatalog();
        for (const s of parseSql(`${PARENT};\n${c.table};`, 'mariadb')) catalog.apply(s, '/history.sql');
        const [stmt] = parseSql(`ALTER TABLE t ${c.alter}`, 'mariadb');
        expect(stmt!.ast.type).toBe('alter_table');
        const p = predictAlter(stmt!.ast as AlterTableAst, catalog.table('t'), server, {
          foreignKeyChecks: c.fkc !== 0,
        });
        const got = { algorithm: p.algorithm, lock: p.lock, rebuilds: p.rebuilds };
        expect(got, p.ops.map((o) => o.why).join(' | ')).toEqual({
          algorithm: measured!.algorithm,
          lock: measured!.lock,
          rebuilds,
        });
        expect(p.unknown).toEqual([]);
      });
    }
  },
);
