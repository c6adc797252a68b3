/**
 * The truth table: for each classic ALTER of issue 13, ask the real MariaDB at
 * ZERODOWN_TEST_MYSQL_URL which online clauses it accepts — ALGORITHM=INSTANT, then INPLACE with
 * LOCK=NONE, then INPLACE with LOCK=SHARED, then COPY — and assert that zerodown's prediction for
 * that server version (SQL parsed by our parser, the table replayed by our catalog) names the first
 * one accepted. Where INPLACE is accepted, ALGORITHM=NOCOPY tells whether the table is rebuilt.
 * Skipped, saying why, without the URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeProject } from '../../cli-harness.js';
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
  /** ALTER IGNORE TABLE */
  ignore?: boolean;
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
  { name: 'add a column DEFAULT (constant expression)', table: T, alter: "ADD COLUMN z TEXT DEFAULT ('[]')" },
  { name: 'add a column DEFAULT (arithmetic)', table: T, alter: 'ADD COLUMN z INT DEFAULT (1 + 1)' },
  {
    name: 'add a column DEFAULT (NOW() + INTERVAL)',
    table: T,
    alter: 'ADD COLUMN z DATETIME DEFAULT (NOW() + INTERVAL 1 DAY)',
  },
  { name: 'add a column DEFAULT (RAND())', table: T, alter: 'ADD COLUMN z DOUBLE DEFAULT (RAND())' },
  { name: 'add a column DEFAULT (SYSDATE())', table: T, alter: 'ADD COLUMN z DATETIME DEFAULT (SYSDATE())' },
  { name: 'add a column DEFAULT (UUID_SHORT())', table: T, alter: 'ADD COLUMN z BIGINT DEFAULT (UUID_SHORT())' },
  { name: 'add an AUTO_INCREMENT column', table: T, alter: 'ADD COLUMN z INT AUTO_INCREMENT UNIQUE' },
  { name: 'add a STORED generated column', table: T, alter: 'ADD COLUMN z INT AS (a + 1) STORED' },
  { name: 'add a VIRTUAL generated column', table: T, alter: 'ADD COLUMN z INT AS (a + 1) VIRTUAL' },
  { name: 'add an index', table: T, alter: 'ADD INDEX kb (b)' },
  { name: 'add a unique index', table: T, alter: 'ADD UNIQUE INDEX ub (b)' },
  { name: 'add a unique index with ALTER IGNORE', table: T, alter: 'ADD UNIQUE INDEX ub (b)', ignore: true },
  { name: 'add a column with ALTER IGNORE', table: T, alter: 'ADD COLUMN z INT', ignore: true },
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
  {
    name: 'foreign key on a column no index leads with, foreign_key_checks=0 (the server builds an index)',
    table: T,
    alter: 'ADD CONSTRAINT fk FOREIGN KEY (n) REFERENCES p (id)',
    fkc: 0,
  },
  {
    name: 'foreign key with its index in the same ALTER, foreign_key_checks=0',
    table: T,
    alter: 'ADD INDEX ix_n (n), ADD CONSTRAINT fk FOREIGN KEY (n) REFERENCES p (id)',
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
  { name: "change a column's collation", table: T, alter: 'MODIFY b VARCHAR(50) COLLATE utf8mb4_bin' },
  {
    name: "change an indexed column's collation",
    table: T.replace('KEY ka (a)', 'KEY ka (a), KEY kb (b)'),
    alter: 'MODIFY b VARCHAR(50) COLLATE utf8mb4_bin',
  },
  { name: 'restate a column unchanged', table: T, alter: 'MODIFY a INT' },
  {
    name: 'add a SPATIAL index',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, g GEOMETRY NOT NULL)',
    alter: 'ADD SPATIAL INDEX sg (g)',
  },
  { name: 'make an index IGNORED', table: T, alter: 'ALTER INDEX ka IGNORED' },
  {
    name: 'drop a CHECK constraint',
    table: `${T.replace(', KEY ka (a))', ', KEY ka (a), CONSTRAINT ck CHECK (k >= 0))')}`,
    alter: 'DROP CONSTRAINT ck',
  },
  {
    name: 'drop a foreign key',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, a INT, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id))',
    alter: 'DROP FOREIGN KEY fk',
  },
  { name: 'add a column with a default from another column', table: T, alter: 'ADD COLUMN z INT DEFAULT (a + 1)' },
  { name: 'add a column and drop another', table: T, alter: 'ADD COLUMN z INT, DROP COLUMN k' },
  { name: 'rename a column and add an index', table: T, alter: 'RENAME COLUMN k TO kk, ADD INDEX kb (b)' },
  { name: 'change the default charset of the table', table: T, alter: 'DEFAULT CHARSET=latin1' },
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
        await conn.query(`ALTER ${c.ignore ? 'IGNORE ' : ''}TABLE t ${c.alter}, ${clause}`);
        return true;
      } catch (e) {
        const code = (e as { errno?: number }).errno;
        // 1845/1846: ALGORITHM/LOCK not supported for this operation; anything else is a broken case
        if (code !== 1845 && code !== 1846) throw e;
        return false;
      }
    }

    /** The first of ATTEMPTS the server accepts. */
    async function measure(c: Case) {
      for (const a of ATTEMPTS) if (await accepts(c, a.clause)) return a;
      return undefined;
    }

    for (const c of CASES) {
      it(c.name, async () => {
        const measured = await measure(c);
        expect(measured, 'the server accepts the ALTER with some algorithm').toBeDefined();
        const rebuilds =
          measured!.algorithm === 'COPY' ||
          (measured!.algorithm === 'INPLACE' && !(await accepts(c, `ALGORITHM=NOCOPY, LOCK=${measured!.lock}`)));

        const catalog = new MyCatalog();
        for (const s of parseSql(`${PARENT};\n${c.table};`, 'mariadb')) catalog.apply(s, '/history.sql');
        const [stmt] = parseSql(`ALTER ${c.ignore ? 'IGNORE ' : ''}TABLE t ${c.alter}`, 'mariadb');
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

    describe('lint --dialect mariadb --mysql-version 10.11 --format json, end to end', () => {
      const root = mkdtempSync(path.join(tmpdir(), 'zd-online-'));
      afterAll(() => rmSync(root, { recursive: true, force: true }));
      const e2e = [
        'DECIMAL precision',
        'widen a VARCHAR across 255 bytes (utf8mb4)',
        'add a FULLTEXT index',
        'foreign key, foreign_key_checks=1',
        'charset conversion',
        'add a column at the end',
        'NULL to NOT NULL',
        'add an index',
      ];
      for (const name of e2e) {
        const c = CASES.find((x) => x.name === name)!;
        it(`${name}: online in the JSON is what the server does, and LOCK=NONE gets no such finding`, async () => {
          const measured = (await measure(c))!;
          const dir = writeProject(root, {
            'migrations/0001_init.sql': `${PARENT};\n${c.table};\n`,
            'migrations/0002_change.sql': `ALTER TABLE t ${c.alter};\n`,
          });
          const r = await runCli(
            dir,
            'lint',
            '--dialect',
            'mariadb',
            '--mysql-version',
            '10.11',
            '--format',
            'json',
            'migrations/0002_change.sql',
          );
          const json = JSON.parse(r.stdout) as {
            files: { path: string; findings: { rule: string; online?: unknown }[] }[];
          };
          const findings = json.files.flatMap((f) => f.findings);
          expect(findings.filter((f) => f.rule === 'syntax-error')).toEqual([]);
          const online = findings.filter((f) => f.online).map((f) => f.online);
          if (measured.lock === 'NONE') expect(online).toEqual([]);
          else {
            expect(findings.map((f) => f.rule)).toContain('alter-table-not-online');
            for (const o of online)
              expect(o).toEqual({ algorithm: measured.algorithm, lock: measured.lock, basis: 'predicted' });
          }
        });
      }
    });
  },
);
