/**
 * The shadow's online-DDL measurement (src/dialects/mysql/shadow/online.ts) against the real server
 * at ZERODOWN_TEST_MYSQL_URL: for a few ALTERs, the measured algorithm matches what the server then
 * does with the statement as written, told by two signs the measurement does not use: a table copy
 * reports every row as affected (in-place and instant changes report none), and an instant change
 * keeps the InnoDB table id while a rebuild makes a new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import type { ResultSetHeader } from 'mysql2';
import { loadMysqlParser, parseSql } from '../../src/dialects/mysql/parse.js';
import { createMysqlProbes } from '../../src/dialects/mysql/shadow/probes.js';
import { MysqlShadow } from '../../src/dialects/mysql/shadow/server.js';
import type { OnlineMeasure } from '../../src/shadow/probes.js';
import { MYSQL_URL, mysqlAdmin, mysqlSuite } from './mysql-env.js';

// node-sql-parser (which judges DML syntax) is loaded by the dialect's load(), as the pipeline does
beforeAll(loadMysqlParser);

const probes = createMysqlProbes('mariadb');
const ROWS = 200;

describe.skipIf(!MYSQL_URL)(mysqlSuite('online DDL measured on the shadow'), () => {
  let shadow: MysqlShadow;
  let admin: mysql.Connection;
  let n = 0;
  beforeAll(async () => {
    shadow = await MysqlShadow.open(MYSQL_URL!, probes);
    admin = await mysqlAdmin();
    await admin.query(`USE \`${shadow.database}\``);
  });
  afterAll(async () => {
    await admin?.end();
    await shadow?.close();
  });

  /** A fresh seeded table; the ALTER measured, then run as written (on the admin connection, to read its result). */
  async function measureThenRun(body: string) {
    const t = `t${++n}`;
    await shadow.exec(
      `CREATE TABLE ${t} (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(100) NOT NULL, note varchar(20) NULL, status enum('active','banned') NOT NULL DEFAULT 'active')`,
    );
    await probes.seed(shadow, { rows: ROWS, tables: [t] });
    const stmt = parseSql(`ALTER TABLE ${t} ${body}`, shadow.server.flavor)[0]!;
    const measured = await probes.online!(shadow, stmt);
    const idOf = async () => [...(await probes.relations(shadow)).values()].find((r) => r.name === t)!.filenode;
    const before = await idOf();
    const [res] = await admin.query<ResultSetHeader>(stmt.text);
    const after = await idOf();
    return { measured: measured as OnlineMeasure, affected: res.affectedRows, rebuilt: before !== after };
  }

  it.each([
    // [ALTER clauses, algorithm and lock MariaDB 10.11 accepted first (asked on the local server)]
    ['ADD COLUMN age int NULL', 'INSTANT', 'NONE'],
    ['ADD INDEX idx_email (email)', 'INPLACE', 'NONE'],
    ['MODIFY note varchar(10) NULL', 'COPY', 'SHARED'],
    ["MODIFY status enum('banned','active') NOT NULL DEFAULT 'active'", 'COPY', 'SHARED'],
    ['ADD FULLTEXT INDEX ft_email (email)', 'INPLACE', 'SHARED'],
    ['DROP COLUMN note', 'INSTANT', 'NONE'],
  ])('%s: measured %s / LOCK=%s, and the server then runs it that way', async (body, algorithm, lock) => {
    const r = await measureThenRun(body);
    expect(r.measured).toEqual({ algorithm, lock, basis: 'measured', server: shadow.engine });
    // a copy reports every row affected; in-place and instant changes none
    expect(r.affected).toBe(algorithm === 'COPY' ? ROWS : 0);
    if (algorithm === 'INSTANT') expect(r.rebuilt).toBe(false);
    if (algorithm === 'COPY') expect(r.rebuilt).toBe(true);
  });

  it('leaves no probe table behind', async () => {
    const names = [...(await probes.relations(shadow)).values()].map((r) => r.name);
    expect(names.filter((x) => x.startsWith('zd_probe_'))).toEqual([]);
  });

  it('says why when it cannot measure: the change fails on the copy, a foreign key to drop, a rename', async () => {
    await shadow.exec('CREATE TABLE nn (id int PRIMARY KEY, v int NULL)');
    await shadow.exec('INSERT INTO nn VALUES (1, NULL)');
    const fails = await probes.online!(shadow, parseSql('ALTER TABLE nn MODIFY v int NOT NULL', 'mariadb')[0]!);
    expect(fails).toEqual({
      unmeasured: expect.stringMatching(/^not measured: on a copy of the table the change fails \(.*error 1265\)\)$/),
    });
    const fk = await probes.online!(shadow, parseSql('ALTER TABLE nn DROP FOREIGN KEY fk_x', 'mariadb')[0]!);
    expect(fk).toEqual({ unmeasured: expect.stringMatching(/drops a foreign key/) });
    const rename = await probes.online!(shadow, parseSql('ALTER TABLE nn RENAME TO nn2', 'mariadb')[0]!);
    expect(rename).toEqual({ unmeasured: expect.stringMatching(/renames the table/) });
    expect(await probes.online!(shadow, parseSql('UPDATE nn SET v = 1', 'mariadb')[0]!)).toBeUndefined();
  });
});
