/**
 * What MariaDB does was measured (test/dialects/mysql/online-truth.test.ts runs the same changes on the
 * real server); what MySQL does is the MySQL 8.0 Reference Manual 15.12.1 "Online DDL Operations".
 */
import { expect, it } from 'vitest';
import rule from '../../../rules/mysql/alter-table-not-online.js';
import { lintOnline, onlineRuleTester, ORDERS } from './online-tester.js';

const FULLTEXT = 'CREATE TABLE docs (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY f (body)) ENGINE=InnoDB;';

onlineRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE orders MODIFY total DECIMAL(12,2);',
      message: /needs ALGORITHM=COPY, LOCK=SHARED, which copies the table/,
    },
    { sql: 'ALTER TABLE orders MODIFY total DECIMAL(12,2);', flavor: 'mariadb', message: /MariaDB 10\.11/ },
    { sql: 'ALTER TABLE orders MODIFY note VARCHAR(64);', flavor: 'mariadb', message: /200 → 256 bytes in utf8mb4/ },
    { sql: "ALTER TABLE orders MODIFY status ENUM('paid','new') NOT NULL DEFAULT 'new';", message: /reorder/ },
    { sql: 'ALTER TABLE orders CONVERT TO CHARACTER SET latin1;', flavor: 'mariadb' },
    {
      sql: 'ALTER TABLE orders ADD FULLTEXT INDEX f (body);',
      message: /ALGORITHM=INPLACE, LOCK=SHARED, which blocks writes/,
    },
    { sql: 'CREATE FULLTEXT INDEX f ON orders (body);', flavor: 'mariadb' },
    { sql: 'ALTER TABLE orders DROP PRIMARY KEY;', flavor: 'mariadb' },
    { sql: 'ALTER TABLE orders ADD COLUMN n INT AUTO_INCREMENT UNIQUE;', message: /AUTO_INCREMENT/ },
    {
      name: 'a rebuild of a table with a FULLTEXT index needs LOCK=SHARED',
      sql: 'ALTER TABLE docs ADD COLUMN n INT AFTER id;',
      history: FULLTEXT,
      version: '8.0.40',
      message: /FULLTEXT/,
    },
    {
      name: 'unknown table: a warning that says what zerodown does not know',
      sql: 'ALTER TABLE ghosts MODIFY x BIGINT;',
      severity: 'warning',
      message: /not in the replayed history/,
    },
    {
      name: 'an explicit ALGORITHM=INSTANT the server refuses',
      sql: 'ALTER TABLE orders ADD COLUMN n INT AFTER id, ALGORITHM=INSTANT;',
      version: '8.0.28',
      message: /fails on MySQL 8\.0\.28.*ALGORITHM=INSTANT is not possible/,
    },
  ],
  valid: [
    'ALTER TABLE orders ADD COLUMN n INT;',
    { sql: 'ALTER TABLE orders ADD COLUMN n INT AFTER id;', flavor: 'mariadb' },
    'ALTER TABLE orders ADD INDEX k_note (note);',
    'CREATE INDEX k_note ON orders (note);',
    'DROP INDEX k_user ON orders;',
    { sql: 'ALTER TABLE orders MODIFY note VARCHAR(60);', flavor: 'mariadb' },
    {
      sql: "ALTER TABLE orders MODIFY status ENUM('new','paid','refunded') NOT NULL DEFAULT 'new';",
      flavor: 'mariadb',
    },
    {
      name: 'NULL → NOT NULL is INPLACE with LOCK=NONE',
      sql: 'ALTER TABLE orders MODIFY total DECIMAL(10,2) NOT NULL;',
      flavor: 'mariadb',
    },
    'ALTER TABLE orders RENAME COLUMN note TO remark;',
    'ALTER TABLE orders ALTER COLUMN note SET DEFAULT NULL;',
    {
      name: 'primary key swap is INPLACE, LOCK=NONE',
      sql: 'ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (id, user_id);',
      flavor: 'mariadb',
    },
    {
      name: 'a table created in the same file is empty',
      sql: 'CREATE TABLE t (a INT);\nALTER TABLE t MODIFY a BIGINT;',
    },
    {
      name: 'explicit COPY of an online change is ban-explicit-copy-or-lock',
      sql: 'ALTER TABLE orders ADD INDEX k (note), ALGORITHM=COPY;',
    },
  ],
});

it('carries online {algorithm, lock, basis} on the finding and in data, and the reason per clause', async () => {
  const [f] = await lintOnline(rule, {
    sql: 'ALTER TABLE orders MODIFY total DECIMAL(12,2), ADD INDEX k (note);',
    flavor: 'mariadb',
    history: ORDERS,
  });
  expect(f!.online).toEqual({ algorithm: 'COPY', lock: 'SHARED', basis: 'predicted' });
  expect(f!.data!.online).toEqual(f!.online);
  expect(f!.lock).toBe('SHARED');
  expect((f!.data!.ops as { kind: string; algorithm: string }[]).map((o) => [o.kind, o.algorithm])).toEqual([
    ['changeType', 'COPY'],
    ['addIndex', 'INPLACE'],
  ]);
});
