/**
 * What the MySQL/MariaDB rules tell users about ALGORITHM and LOCK, checked against the real server
 * (the MariaDB at ZERODOWN_TEST_MYSQL_URL): for each case the rule is linted for `mariadb 10.11`, the
 * same table is created on the server, and the ALTER is tried with ALGORITHM=INSTANT, then
 * INPLACE/LOCK=NONE, INPLACE/LOCK=SHARED, COPY. A finding's `online` (the JSON contract) must name the first the
 * server accepts; a case the rule leaves alone (or flags without an online claim) must run with
 * LOCK=NONE or INSTANT. Skipped, saying why, without the URL.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/rules/api.js';
import addingAutoIncrementColumn from '../../../rules/mysql/adding-auto-increment-column.js';
import addingFulltextOrSpatialIndex from '../../../rules/mysql/adding-fulltext-or-spatial-index.js';
import addingStoredGeneratedColumn from '../../../rules/mysql/adding-stored-generated-column.js';
import banDropColumn from '../../../rules/mysql/ban-drop-column.js';
import banDropPrimaryKey from '../../../rules/mysql/ban-drop-primary-key.js';
import changingColumnType from '../../../rules/mysql/changing-column-type.js';
import charsetConversion from '../../../rules/mysql/charset-conversion.js';
import enumValueReorder from '../../../rules/mysql/enum-value-reorder.js';
import indexSameStepAsAddColumn from '../../../rules/mysql/index-same-step-as-add-column.js';
import renamingColumn from '../../../rules/mysql/renaming-column.js';
import { HISTORY, lintMysql } from './tester.js';

const URL_ = process.env.ZERODOWN_TEST_MYSQL_URL;

interface Case {
  rule: Rule;
  sql: string;
  /** the rule flags it */
  flagged: boolean;
}

const CASES: Case[] = [
  { rule: changingColumnType, sql: 'ALTER TABLE users MODIFY age BIGINT', flagged: true },
  { rule: changingColumnType, sql: 'ALTER TABLE users MODIFY age INT UNSIGNED', flagged: true },
  { rule: changingColumnType, sql: 'ALTER TABLE users MODIFY email TEXT NOT NULL', flagged: true },
  { rule: changingColumnType, sql: 'ALTER TABLE users MODIFY email VARCHAR(50) NOT NULL', flagged: true },
  { rule: changingColumnType, sql: 'ALTER TABLE orders MODIFY total DECIMAL(12,2)', flagged: true },
  { rule: changingColumnType, sql: 'ALTER TABLE orders MODIFY code VARCHAR(70)', flagged: true },
  { rule: changingColumnType, sql: 'ALTER TABLE users MODIFY name VARCHAR(300) CHARACTER SET latin1', flagged: false },
  { rule: changingColumnType, sql: 'ALTER TABLE orders MODIFY note VARCHAR(60)', flagged: false },
  { rule: changingColumnType, sql: 'ALTER TABLE orders MODIFY note2 VARCHAR(200)', flagged: false },
  { rule: changingColumnType, sql: 'ALTER TABLE users MODIFY age INT(11)', flagged: false },
  {
    rule: enumValueReorder,
    sql: "ALTER TABLE users MODIFY status ENUM('active','paused','cancelled','legacy') NOT NULL",
    flagged: true,
  },
  { rule: enumValueReorder, sql: "ALTER TABLE users MODIFY status ENUM('active','cancelled') NOT NULL", flagged: true },
  {
    rule: enumValueReorder,
    sql: "ALTER TABLE users MODIFY status ENUM('active','cancelled','legacy','paused') NOT NULL",
    flagged: false,
  },
  { rule: charsetConversion, sql: 'ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4', flagged: true },
  { rule: charsetConversion, sql: 'ALTER TABLE users MODIFY name VARCHAR(50) CHARACTER SET utf8mb4', flagged: true },
  { rule: charsetConversion, sql: 'ALTER TABLE users DEFAULT CHARSET = latin1', flagged: false },
  { rule: banDropPrimaryKey, sql: 'ALTER TABLE tags DROP PRIMARY KEY', flagged: true },
  // flagged as a warning, with no claim of a lock: the server runs it with LOCK=NONE
  { rule: banDropPrimaryKey, sql: 'ALTER TABLE tags DROP PRIMARY KEY, ADD PRIMARY KEY (id, name)', flagged: true },
  {
    rule: addingAutoIncrementColumn,
    sql: 'ALTER TABLE tags ADD COLUMN seq INT NOT NULL AUTO_INCREMENT UNIQUE',
    flagged: true,
  },
  {
    rule: addingStoredGeneratedColumn,
    sql: 'ALTER TABLE orders ADD COLUMN t2 DECIMAL(12,2) AS (total * 2) STORED',
    flagged: true,
  },
  {
    rule: addingStoredGeneratedColumn,
    sql: 'ALTER TABLE orders ADD COLUMN t2 DECIMAL(12,2) AS (total * 2) VIRTUAL',
    flagged: false,
  },
  { rule: addingFulltextOrSpatialIndex, sql: 'ALTER TABLE users ADD FULLTEXT INDEX ft_bio (bio)', flagged: true },
  { rule: addingFulltextOrSpatialIndex, sql: 'ALTER TABLE users ADD INDEX idx_name (name)', flagged: false },
  // the two rules below claim a quick metadata change on MariaDB 10.11
  { rule: banDropColumn, sql: 'ALTER TABLE users DROP COLUMN bio', flagged: true },
  { rule: renamingColumn, sql: 'ALTER TABLE users RENAME COLUMN age TO age_years', flagged: true },
  // index-same-step-as-add-column: in one ALTER the ADD COLUMN can no longer be INSTANT
  {
    rule: indexSameStepAsAddColumn,
    sql: 'ALTER TABLE orders ADD COLUMN region_id BIGINT NULL, ADD INDEX idx_region (region_id)',
    flagged: true,
  },
];

const ATTEMPTS = [
  { clause: 'ALGORITHM=INSTANT', algorithm: 'INSTANT', lock: 'NONE' },
  { clause: 'ALGORITHM=INPLACE, LOCK=NONE', algorithm: 'INPLACE', lock: 'NONE' },
  { clause: 'ALGORITHM=INPLACE, LOCK=SHARED', algorithm: 'INPLACE', lock: 'SHARED' },
  { clause: 'ALGORITHM=COPY, LOCK=SHARED', algorithm: 'COPY', lock: 'SHARED' },
] as const;

let conn: mysql.Connection | undefined;
let db = '';

describe.skipIf(!URL_)(
  `MySQL rules' ALGORITHM/LOCK claims against the real server${URL_ ? '' : ' (skipped: set ZERODOWN_TEST_MYSQL_URL)'}`,
  () => {
    beforeAll(async () => {
      conn = await mysql.createConnection({ uri: URL_!, multipleStatements: true });
      db = `zd_rules_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      await conn.query(`CREATE DATABASE \`${db}\``);
      await conn.query(`USE \`${db}\``);
    });
    afterAll(async () => {
      if (conn && db) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
      await conn?.end();
    });

    /** The first of ATTEMPTS the server accepts for `sql` on freshly created tables with a few rows. */
    async function firstAccepted(sql: string) {
      for (const a of ATTEMPTS) {
        await conn!.query('DROP TABLE IF EXISTS users, orders, tags');
        await conn!.query(HISTORY);
        await conn!.query(
          "INSERT INTO users (email, name, status, age, bio) VALUES ('a@x', 'a', 'active', 30, 'hello'), ('b@x', 'b', 'cancelled', 40, 'world'); INSERT INTO orders (user_id, total, note, code) VALUES (1, 10.5, 'n', 'c'), (2, 3, 'm', 'd'); INSERT INTO tags VALUES (1, 'x'), (2, 'y')",
        );
        try {
          await conn!.query(`${sql}, ${a.clause}`);
          return { algorithm: a.algorithm, lock: a.lock };
        } catch (e) {
          const code = (e as { code?: string }).code ?? '';
          // refused for this algorithm/lock: try the next one; anything else is a broken case
          if (!/ALTER_OPERATION_NOT_SUPPORTED/.test(code)) throw e;
        }
      }
      throw new Error(`no algorithm accepted: ${sql}`);
    }

    it('the server is MariaDB', async () => {
      const [rows] = await conn!.query('SELECT VERSION() AS v');
      expect(String((rows as { v: string }[])[0]!.v)).toMatch(/MariaDB/);
    });

    it('ban-drop-primary-key: dropping an AUTO_INCREMENT primary key is refused (error 1075), as the rule says', async () => {
      const sql = 'ALTER TABLE orders DROP PRIMARY KEY';
      const [f] = await lintMysql(banDropPrimaryKey, { sql: `${sql};`, history: HISTORY, flavor: 'mariadb' });
      expect(f?.message).toMatch(/error 1075/);
      await conn!.query('DROP TABLE IF EXISTS users, orders, tags');
      await conn!.query(HISTORY);
      await expect(conn!.query(sql)).rejects.toMatchObject({ errno: 1075 });
    });

    for (const c of CASES) {
      it(`${c.rule.meta.id}: ${c.sql}`, async () => {
        const findings = (
          await lintMysql(c.rule, { sql: `${c.sql};`, history: HISTORY, flavor: 'mariadb', version: '10.11' })
        ).filter((f) => f.rule === c.rule.meta.id);
        expect(findings.length > 0, JSON.stringify(findings)).toBe(c.flagged);
        const measured = await firstAccepted(c.sql);
        const claimed = findings.map((f) => f.online).find(Boolean);
        if (claimed) expect({ algorithm: claimed.algorithm, lock: claimed.lock }).toEqual(measured);
        else expect(measured.lock, `${c.sql} runs with ${JSON.stringify(measured)}`).toBe('NONE');
        // the words of the message agree with the server too
        for (const f of findings) {
          if (/ALGORITHM=INSTANT, metadata only|quick metadata change/.test(f.message))
            expect(measured.algorithm).toBe('INSTANT');
        }
      });
    }
  },
);
