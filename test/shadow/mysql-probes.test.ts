/**
 * The MySQL/MariaDB shadow's statement probes (src/dialects/mysql/shadow/statements.ts) on real
 * parses (the dialect's parser): what is refused as reaching outside the throwaway database, what
 * commits by itself, transaction control, the metadata locks DML needs. No server needed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMysqlParser, parseSql } from '../../src/dialects/mysql/parse.js';
import { createMysqlProbes } from '../../src/dialects/mysql/shadow/probes.js';
import { normaliseMode } from '../../src/dialects/mysql/shadow/inspect.js';
import { parseServerVersion } from '../../src/dialects/mysql/shadow/util.js';
import { mariadb, mysql } from '../../src/dialects/mysql/index.js';

// node-sql-parser (which judges DML syntax) is loaded by the dialect's load(), as the pipeline does
beforeAll(loadMysqlParser);

const probes = createMysqlProbes('mariadb');
const one = (sql: string, flavor: 'mysql' | 'mariadb' = 'mariadb') => {
  const [s] = parseSql(sql, flavor);
  return s!;
};
/** through parseMigration, so a statement no parser reads (an unparsed one) is checked too */
const refused = (sql: string) => {
  const parsed = probes.parse({
    path: 'x.sql',
    absPath: '/x.sql',
    source: sql,
    dialect: 'mariadb',
    framework: 'plain',
    transaction: 'none',
    review: true,
  });
  return probes.refused(parsed.statements[0]!, 'mysql');
};

describe('MySQL shadow: statements that reach outside the throwaway database are not run', () => {
  it.each([
    ["LOAD DATA INFILE '/etc/passwd' INTO TABLE t", /LOAD DATA INFILE reads a file on the database server/],
    ["LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t", /LOAD DATA LOCAL INFILE reads a file on the client/],
    ["SELECT * FROM t INTO OUTFILE '/tmp/x'", /INTO OUTFILE\/DUMPFILE writes a file/],
    ["SELECT 'x' INTO DUMPFILE '/tmp/y'", /INTO OUTFILE\/DUMPFILE writes a file/],
    ['SYSTEM rm -rf /', /SYSTEM runs a program/],
    ['\\! id', /\\! runs a program/],
    ['CREATE DATABASE other', /CREATE DATABASE acts on a database other than the throwaway one/],
    ['DROP DATABASE other', /DROP DATABASE/],
    ['ALTER DATABASE other CHARACTER SET utf8mb4', /ALTER DATABASE/],
    ['USE other', /USE other switches to another database/],
    ['ALTER TABLE other.t ADD COLUMN x int', /names a table in another database \(other\.t\)/],
    ['INSERT INTO other.t VALUES (1)', /another database \(other\.t\)/],
    ['UPDATE t JOIN other.u ON t.id = u.id SET t.x = 1', /another database \(other\.u\)/],
    ['CREATE TABLE t2 (id int, FOREIGN KEY (id) REFERENCES other.p (id))', /another database \(other\.p\)/],
    ["CREATE USER 'x'@'%'", /CREATE USER manages accounts/],
    ["GRANT ALL ON *.* TO 'x'@'%'", /GRANT manages accounts/],
    ['SET GLOBAL max_connections = 1', /SET GLOBAL max_connections changes the whole server/],
    ['SET PERSIST max_connections = 1', /SET PERSIST/],
    ["INSTALL PLUGIN x SONAME 'x.so'", /INSTALL PLUGIN acts on the whole server/],
    ["CREATE TABLESPACE ts ADD DATAFILE 'ts.ibd'", /CREATE TABLESPACE acts on the whole server/],
    ["CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (HOST 'h')", /CREATE SERVER acts on the whole server/],
    ["CREATE TABLE t (id int) DATA DIRECTORY = '/tmp'", /DATA DIRECTORY places the table outside/],
    [
      "CREATE TABLE t (id int) ENGINE=FEDERATED CONNECTION='mysql://u@h/db/t'",
      /ENGINE=FEDERATED keeps the table's rows on another server/,
    ],
    ["ALTER TABLE t ENGINE=FEDERATED, CONNECTION='mysql://x'", /ENGINE=FEDERATED/],
    [
      "CREATE TABLE t (id int) ENGINE=CONNECT TABLE_TYPE=DOS FILE_NAME='/etc/passwd'",
      /storage engine that keeps rows on another server or in files/,
    ],
    ['CREATE TABLE t (id int) ENGINE=Spider COMMENT=\'wrapper "mysql", host "h"\'', /ENGINE=SPIDER/],
  ])('%s', (sql, why) => {
    expect(refused(sql)).toMatch(why);
  });

  it('checks what no parser reads too: ENGINE=CONNECT is not in the grammar', () => {
    const parsed = probes.parse({
      path: 'x.sql',
      absPath: '/x.sql',
      source: "CREATE TABLE t (id int) ENGINE=CONNECT TABLE_TYPE=DOS FILE_NAME='/etc/passwd'",
      dialect: 'mariadb',
      framework: 'plain',
      transaction: 'none',
      review: true,
    });
    expect(parsed.statements[0]!.kind).toBe('Unparsed');
  });

  it.each([
    'ALTER TABLE t ADD COLUMN x int',
    'UPDATE t SET a = 1 WHERE id < 10',
    'SELECT * FROM information_schema.TABLES',
    'SET SESSION lock_wait_timeout = 5',
    'CREATE TABLE t2 (id int PRIMARY KEY)',
    'CREATE TABLE t3 (id int) ENGINE=InnoDB ROW_FORMAT=DYNAMIC',
    'ALTER TABLE t ENGINE=InnoDB',
  ])('runs %s', (sql) => {
    expect(refused(sql)).toBeUndefined();
  });

  it('refuses file access hidden where the parse does not look (a procedure body)', () => {
    const [s] = parseSql(
      "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT LOAD_FILE('/etc/passwd'); END //\nDELIMITER ;\n",
      'mariadb',
    );
    expect(probes.refused(s!, 'mysql')).toMatch(/reads or writes files/);
  });
});

describe('MySQL shadow: transactions', () => {
  it('reads BEGIN / START TRANSACTION / COMMIT / ROLLBACK / AND CHAIN', () => {
    expect(probes.txControl(one('BEGIN'))).toBe('begin');
    expect(probes.txControl(one('START TRANSACTION'))).toBe('begin');
    expect(probes.txControl(one('COMMIT'))).toBe('commit');
    expect(probes.txControl(one('ROLLBACK'))).toBe('rollback');
    expect(probes.txControl(one('COMMIT AND CHAIN'))).toBe('commit-chain');
    expect(probes.txControl(one('UPDATE t SET a = 1'))).toBeUndefined();
  });

  it('DDL commits by itself (implicit commit); DML and CREATE TEMPORARY TABLE do not', () => {
    for (const sql of [
      'ALTER TABLE t ADD COLUMN b int',
      'CREATE TABLE x (id int)',
      'DROP TABLE x',
      'RENAME TABLE a TO b',
      'TRUNCATE TABLE t',
      'CREATE INDEX i ON t (a)',
    ])
      expect(probes.notInTransaction(one(sql), 101100)).toMatch(/commits by itself/);
    for (const sql of [
      'UPDATE t SET a = 1',
      'INSERT INTO t VALUES (1)',
      'CREATE TEMPORARY TABLE tt (x int)',
      'SELECT 1',
    ])
      expect(probes.notInTransaction(one(sql), 101100)).toBeUndefined();
  });

  it('never batches: the driver sends one statement per call', () => {
    expect(probes.breaksBatch(one('UPDATE t SET a = 1'), 101100)).toBe(true);
    expect(probes.insertTarget(one('INSERT INTO t VALUES (1), (2)'))).toBeUndefined();
  });
});

describe('MySQL shadow: locks and versions', () => {
  it('DML needs SHARED_WRITE on what it writes, a read SHARED_READ', () => {
    expect(probes.statementLocks(one('UPDATE t SET a = 1'), 0)).toEqual([{ relation: 't', mode: 'SHARED_WRITE' }]);
    expect(probes.statementLocks(one('SELECT * FROM t'), 0)).toEqual([{ relation: 't', mode: 'SHARED_READ' }]);
  });

  it("names MySQL's and MariaDB's metadata lock types the dialect's way, and ranks them with its table", () => {
    expect(normaliseMode('MDL_SHARED_WRITE')).toBe('SHARED_WRITE');
    expect(normaliseMode('SHARED')).toBe('MDL_SHARED'); // the MDL type, not the LOCK=SHARED clause
    expect(probes.lockEffect('SHARED_NO_WRITE')).toEqual({ blocksReads: false, blocksWrites: true });
    expect(probes.lockEffect('EXCLUSIVE')).toEqual({ blocksReads: true, blocksWrites: true });
    expect(probes.lockEffect('SHARED_UPGRADABLE')).toEqual({ blocksReads: false, blocksWrites: false });
    expect(probes.lockEffect('SOMETHING_NEW')).toEqual({ blocksReads: true, blocksWrites: true });
    expect(probes.lockStrength('EXCLUSIVE')).toBeGreaterThan(probes.lockStrength('SHARED_UPGRADABLE'));
  });

  it('reads the flavor and version from SELECT VERSION()', () => {
    expect(parseServerVersion('10.11.19-MariaDB-0+deb12u1')).toEqual({
      flavor: 'mariadb',
      major: 10,
      minor: 11,
      patch: 19,
    });
    expect(parseServerVersion('8.0.36')).toEqual({ flavor: 'mysql', major: 8, minor: 0, patch: 36 });
  });

  it('each dialect carries a shadow with no embedded engine', async () => {
    await Promise.all([mysql.loadParts!(), mariadb.loadParts!()]);
    expect(mysql.shadow?.embeddedEngine).toBeUndefined();
    expect(mariadb.shadow?.probes.online).toBeTypeOf('function');
  });
});
