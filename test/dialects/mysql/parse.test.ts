/**
 * MySQL/MariaDB parsing through our grammar (and node-sql-parser for DML syntax): every form
 * node-sql-parser 5.4 rejects (NOTES.md) is read in both flavors, spans are exact, and what no
 * parser reads fails closed. The forms are also run on the real MariaDB when it is there, so the
 * grammar is held to what a server accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlterTableAst, Flavor, MyAst } from '../../../src/dialects/mysql/ast.js';
import { loadMysqlParser, parseMigration, parseStatementText } from '../../../src/dialects/mysql/parse.js';
import type { Migration } from '../../../src/model.js';
import { MYSQL_URL, SKIP_NOTE, throwawayMyDb, type MyDb } from './server.js';

// node-sql-parser (which judges DML syntax) is loaded by the dialect's load(), as the pipeline does
beforeAll(loadMysqlParser);

function ast(sql: string, flavor: Flavor = 'mysql'): MyAst {
  return parseStatementText(sql, flavor).ast;
}
function alter(sql: string, flavor: Flavor = 'mysql'): AlterTableAst {
  const a = ast(sql, flavor);
  if (a.type !== 'alter_table') throw new Error(`not an ALTER: ${JSON.stringify(a)}`);
  return a;
}
function mig(source: string, flavor: Flavor = 'mysql'): Migration {
  return {
    path: 'm.sql',
    absPath: '/v/m.sql',
    source,
    dialect: flavor,
    framework: 'plain',
    transaction: 'none',
    review: true,
  };
}

/** the forms node-sql-parser 5.4.0 rejects in one or both modes, with what our AST must say */
const GAPS: { sql: string; ops: unknown[]; mariadb?: boolean; online?: Partial<AlterTableAst> }[] = [
  {
    sql: 'ALTER TABLE t ALTER COLUMN b SET DEFAULT 5',
    ops: [{ op: 'alterColumnDefault', name: 'b', default: { kind: 'literal', text: '5' } }],
    mariadb: true,
  },
  { sql: 'ALTER TABLE t ALTER b DROP DEFAULT', ops: [{ op: 'alterColumnDefault', name: 'b' }], mariadb: true },
  {
    sql: 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    ops: [{ op: 'convertCharset', charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' }],
    mariadb: true,
  },
  { sql: 'ALTER TABLE t RENAME INDEX ib TO ib2', ops: [{ op: 'renameIndex', from: 'ib', to: 'ib2' }], mariadb: true },
  { sql: 'ALTER TABLE t ALTER INDEX ib INVISIBLE', ops: [{ op: 'alterIndexVisibility', name: 'ib', visible: false }] },
  {
    sql: 'ALTER TABLE t ALTER INDEX ib2 IGNORED',
    ops: [{ op: 'alterIndexVisibility', name: 'ib2', visible: false }],
    mariadb: true,
  },
  { sql: 'ALTER TABLE t FORCE', ops: [{ op: 'force' }], mariadb: true },
  {
    sql: 'ALTER TABLE t2 PARTITION BY HASH(id) PARTITIONS 2',
    ops: [{ op: 'partition', text: 'PARTITION BY HASH(id) PARTITIONS 2' }],
    mariadb: true,
  },
  {
    sql: 'ALTER ONLINE TABLE t ADD COLUMN c2 INT',
    ops: [{ op: 'addColumn', column: { name: 'c2', type: { name: 'int', text: 'INT' } } }],
    mariadb: true,
    online: { online: true },
  },
  {
    sql: 'ALTER TABLE t WAIT 3 ADD COLUMN c3 INT',
    ops: [{ op: 'addColumn', column: { name: 'c3', type: { name: 'int', text: 'INT' } } }],
    mariadb: true,
    online: { wait: 3 },
  },
  {
    sql: 'ALTER TABLE t ADD CONSTRAINT uq_b UNIQUE (b)',
    ops: [{ op: 'addIndex', index: { name: 'uq_b', kind: 'unique', columns: [{ name: 'b' }] } }],
    mariadb: true,
  },
  {
    sql: 'ALTER TABLE t ADD UNIQUE KEY uq_c (b, id)',
    ops: [{ op: 'addIndex', index: { name: 'uq_c', kind: 'unique', columns: [{ name: 'b' }, { name: 'id' }] } }],
    mariadb: true,
  },
  {
    sql: 'ALTER TABLE t2 ADD PRIMARY KEY (id)',
    ops: [{ op: 'addIndex', index: { name: 'PRIMARY', kind: 'primary', columns: [{ name: 'id' }] } }],
    mariadb: true,
  },
  {
    sql: 'ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0)',
    ops: [{ op: 'addCheck', check: { name: 'ck', expr: 'b > 0' } }],
    mariadb: true,
  },
  {
    sql: "ALTER TABLE t ADD COLUMN IF NOT EXISTS c4 VARCHAR(10) NOT NULL DEFAULT 'x' AFTER b",
    ops: [
      {
        op: 'addColumn',
        ifNotExists: true,
        position: { after: 'b' },
        column: {
          name: 'c4',
          nullable: false,
          default: { kind: 'literal', text: "'x'" },
          type: { name: 'varchar', args: [10], text: 'VARCHAR(10)' },
        },
      },
    ],
    mariadb: true,
  },
];

describe('the forms node-sql-parser rejects', () => {
  for (const flavor of ['mysql', 'mariadb'] as const)
    for (const g of GAPS)
      it(`${flavor}: ${g.sql}`, () => {
        const a = alter(g.sql, flavor);
        expect(a.ops).toEqual(g.ops);
        if (g.online) expect(a).toMatchObject(g.online);
        // the body is the clauses as written, without ONLINE / WAIT / ALGORITHM / LOCK
        expect(g.sql.endsWith(a.body)).toBe(true);
      });

  it('ALGORITHM= and LOCK= are read and left out of the body; the other clauses keep their separators', () => {
    const a = alter('ALTER TABLE `db`.`t` ADD COLUMN x INT FIRST, ALGORITHM=INPLACE, LOCK = NONE, ADD INDEX ix (x)');
    expect(a).toMatchObject({ table: { schema: 'db', name: 't' }, algorithm: 'INPLACE', lock: 'NONE' });
    expect(a.body).toBe('ADD COLUMN x INT FIRST, ADD INDEX ix (x)');
    expect(alter('ALTER TABLE t ADD COLUMN x INT, ALGORITHM=INSTANT').algorithm).toBe('INSTANT');
  });

  it('reads column definitions fully: type args, charset, generated columns, ENUM values, expression defaults', () => {
    const a = alter(
      "ALTER TABLE t ADD COLUMN e ENUM('a','b''c') CHARACTER SET latin1 NOT NULL DEFAULT 'a', ADD COLUMN g INT AS (id * 2) STORED, ADD COLUMN u BINARY(16) DEFAULT (uuid_to_bin(uuid())), MODIFY COLUMN ts TIMESTAMP(6) NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), CHANGE COLUMN old new BIGINT UNSIGNED NOT NULL AUTO_INCREMENT",
    );
    expect(a.ops).toMatchObject([
      { op: 'addColumn', column: { type: { name: 'enum', values: ['a', "b'c"], charset: 'latin1' }, nullable: false } },
      { op: 'addColumn', column: { generated: { expr: 'id * 2', stored: true } } },
      { op: 'addColumn', column: { default: { kind: 'expression', text: '(uuid_to_bin(uuid()))' } } },
      {
        op: 'modifyColumn',
        column: {
          name: 'ts',
          type: { args: [6] },
          default: { kind: 'expression', text: 'CURRENT_TIMESTAMP(6)' },
          onUpdate: 'CURRENT_TIMESTAMP(6)',
        },
      },
      {
        op: 'changeColumn',
        from: 'old',
        column: { name: 'new', type: { name: 'bigint', unsigned: true }, autoIncrement: true },
      },
    ]);
  });

  it('reads foreign keys, drops and renames', () => {
    const a = alter(
      'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE SET NULL ON UPDATE CASCADE, DROP FOREIGN KEY fk_old, DROP INDEX ix, DROP PRIMARY KEY, DROP COLUMN IF EXISTS z, RENAME COLUMN p TO q, RENAME TO t_new',
    );
    expect(a.ops).toEqual([
      {
        op: 'addForeignKey',
        fk: {
          name: 'fk',
          columns: ['a_id'],
          refTable: { name: 'a' },
          refColumns: ['id'],
          onDelete: 'SET NULL',
          onUpdate: 'CASCADE',
        },
      },
      { op: 'dropForeignKey', name: 'fk_old' },
      { op: 'dropIndex', name: 'ix' },
      { op: 'dropPrimaryKey' },
      { op: 'dropColumn', name: 'z', ifExists: true },
      { op: 'renameColumn', from: 'p', to: 'q' },
      { op: 'renameTable', to: { name: 't_new' } },
    ]);
  });

  it('reads table options as ALTER clauses', () => {
    expect(
      alter('ALTER TABLE t ENGINE=InnoDB, ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8, DEFAULT CHARSET utf8mb4').ops,
    ).toEqual([
      { op: 'tableOption', name: 'ENGINE', value: 'InnoDB' },
      { op: 'tableOption', name: 'ROW_FORMAT', value: 'COMPRESSED' },
      { op: 'tableOption', name: 'KEY_BLOCK_SIZE', value: '8' },
      { op: 'tableOption', name: 'CHARSET', value: 'utf8mb4' },
    ]);
  });
});

describe('other statements', () => {
  it('CREATE TABLE folds inline keys into indexes and reads options', () => {
    expect(
      ast(
        'CREATE TABLE IF NOT EXISTS `u` (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE, a_id INT REFERENCES a(id), KEY ix_a (a_id), FULLTEXT KEY ft (email)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC',
      ),
    ).toMatchObject({
      type: 'create_table',
      ifNotExists: true,
      indexes: [
        { kind: 'primary', name: 'PRIMARY' },
        { kind: 'unique', name: 'email' },
        { name: 'ix_a' },
        { kind: 'fulltext', name: 'ft' },
      ],
      options: { ENGINE: 'InnoDB', CHARSET: 'utf8mb4', COLLATE: 'utf8mb4_bin', ROW_FORMAT: 'DYNAMIC' },
    });
    expect(ast('CREATE TABLE b LIKE a')).toMatchObject({ type: 'create_table', like: { name: 'a' } });
  });

  it('CREATE/DROP INDEX with online clauses; RENAME TABLE; DROP TABLE; TRUNCATE', () => {
    expect(ast('CREATE UNIQUE INDEX ux ON t (a(10), b DESC) ALGORITHM=INPLACE LOCK=NONE')).toEqual({
      type: 'create_index',
      table: { name: 't' },
      index: {
        name: 'ux',
        kind: 'unique',
        columns: [
          { name: 'a', length: 10 },
          { name: 'b', desc: true },
        ],
      },
      algorithm: 'INPLACE',
      lock: 'NONE',
    });
    expect(ast('DROP INDEX ix ON t LOCK=SHARED')).toEqual({
      type: 'drop_index',
      table: { name: 't' },
      name: 'ix',
      lock: 'SHARED',
    });
    expect(ast('RENAME TABLE a TO b, c TO d')).toMatchObject({
      pairs: [{ from: { name: 'a' } }, { to: { name: 'd' } }],
    });
    expect(ast('DROP TABLE IF EXISTS a, b')).toEqual({
      type: 'drop_table',
      tables: [{ name: 'a' }, { name: 'b' }],
      ifExists: true,
    });
    expect(ast('TRUNCATE TABLE a')).toEqual({ type: 'truncate', table: { name: 'a' } });
  });

  it('DML: tables, SET, WHERE and LIMIT as written (node-sql-parser judges the syntax)', () => {
    expect(ast("UPDATE t SET a = 'x;y', b = b + 1 WHERE id BETWEEN 1 AND 1000 LIMIT 500")).toEqual({
      type: 'update',
      tables: [{ name: 't' }],
      set: [
        { column: 'a', expr: "'x;y'" },
        { column: 'b', expr: 'b + 1' },
      ],
      where: 'id BETWEEN 1 AND 1000',
      limit: 500,
    });
    expect(ast('DELETE FROM t WHERE a IS NULL')).toEqual({
      type: 'delete',
      tables: [{ name: 't' }],
      where: 'a IS NULL',
    });
    expect(ast('INSERT INTO t (a) VALUES (1), (2)')).toEqual({
      type: 'insert',
      table: { name: 't' },
      select: false,
      rows: 2,
    });
    expect(ast("SELECT a FROM t INTO OUTFILE '/tmp/x'")).toMatchObject({ type: 'select', intoFile: '/tmp/x' });
    expect(ast('UPDATE t SET a = WHERE id = 1')).toMatchObject({ type: 'unparsed', keyword: 'UPDATE' });
    // the dump form is read by the grammar; what it does not hold goes to node-sql-parser
    expect(ast("INSERT INTO t VALUES (1, 'a', NULL), (-2, X'0f', NOW())")).toMatchObject({ type: 'insert', rows: 2 });
    expect(ast('INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1')).toMatchObject({ type: 'insert', rows: 1 });
    expect(ast('INSERT INTO t VALUES (1),')).toMatchObject({ type: 'unparsed' });
    expect(ast('INSERT INTO t VALUES (1 +)')).toMatchObject({ type: 'unparsed' });
  });

  it('SET, transactions, USE, LOAD DATA, routines, accounts, server statements', () => {
    expect(ast('SET SESSION lock_wait_timeout = 5, @@innodb_lock_wait_timeout = 3, @x = 1')).toEqual({
      type: 'set',
      vars: [
        { scope: 'session', name: 'lock_wait_timeout', value: '5' },
        { scope: 'session', name: 'innodb_lock_wait_timeout', value: '3' },
        { scope: 'user', name: 'x', value: '1' },
      ],
    });
    expect(ast('SET GLOBAL max_statement_time = 1')).toMatchObject({ vars: [{ scope: 'global' }] });
    expect(ast('/*!40101 SET NAMES utf8mb4 */')).toMatchObject({ type: 'set', vars: [{ scope: 'names' }] });
    expect(ast('START TRANSACTION')).toEqual({ type: 'transaction', action: 'begin' });
    expect(ast('COMMIT AND CHAIN')).toEqual({ type: 'transaction', action: 'commit', chain: true });
    expect(ast('USE app')).toEqual({ type: 'database', action: 'use', name: 'app' });
    expect(ast("LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t")).toEqual({
      type: 'load_data',
      local: true,
      file: '/etc/passwd',
      table: { name: 't' },
    });
    expect(ast('CREATE DEFINER=`root`@`%` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1')).toMatchObject({
      type: 'routine',
      object: 'trigger',
      table: { name: 't' },
    });
    expect(ast("CREATE USER 'u'@'%' IDENTIFIED BY 'p'")).toEqual({ type: 'account', keyword: 'CREATE USER' });
    expect(ast("INSTALL SONAME 'metadata_lock_info'")).toEqual({ type: 'server', keyword: 'INSTALL' });
    expect(ast('OPTIMIZE TABLE a, b')).toEqual({
      type: 'other',
      keyword: 'OPTIMIZE TABLE',
      tables: [{ name: 'a' }, { name: 'b' }],
    });
  });
});

describe('fail closed', () => {
  it('a statement no parser reads is Unparsed, with its leading keywords and the reason', () => {
    expect(ast('ALTER TABLE t ADD COLUMN')).toMatchObject({
      type: 'unparsed',
      keyword: 'ALTER TABLE',
      reason: 'expected a column at the end',
    });
    expect(ast('ALTER TABLE t FROBNICATE')).toMatchObject({
      type: 'unparsed',
      reason: 'unknown ALTER TABLE clause near "FROBNICATE"',
    });
    expect(ast('ALTER TABLE t ADD a INT,')).toMatchObject({ type: 'unparsed' });
    expect(ast('ALTER TABLE t ADD a INT b INT')).toMatchObject({ type: 'unparsed' });
    expect(ast('FROBNICATE everything')).toMatchObject({ type: 'unparsed', keyword: 'FROBNICATE' });
    expect(ast("SELECT 'unterminated")).toMatchObject({ type: 'unparsed', reason: 'unterminated string' });
  });

  it('hostile nesting is not analysed, never a crash', () => {
    const deep = `INSERT INTO t VALUES (${'f('.repeat(100_000)}1${')'.repeat(100_000)})`;
    expect(ast(deep).type).toBe('unparsed');
    const parens = `SELECT ${'('.repeat(50_000)}1${')'.repeat(50_000)}`;
    expect(['select', 'unparsed']).toContain(ast(parens).type);
  });

  it('parseMigration lists unparsed statements with their index, and DDL apart from the rest', () => {
    const p = parseMigration(mig('ALTER TABLE t ADD COLUMN;\nSELEC 1;\nALTER TABLE t ADD COLUMN a INT;\n'), 'mysql');
    expect(p.statements.map((s) => s.kind)).toEqual(['Unparsed', 'Unparsed', 'AlterTable']);
    expect(p.unparsed).toEqual([
      { index: 0, message: 'expected a column at the end at line 1, column 25', ddl: true },
      { index: 1, message: 'unknown statement near "SELEC" at line 2, column 1', ddl: false },
    ]);
  });
});

describe('spans and ignores', () => {
  it('gives 1-based lines and columns and 0-based UTF-16 offsets, across DELIMITER and non-ASCII text', () => {
    const src =
      "-- café ☕\nINSERT INTO t VALUES ('é');\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n  ALTER TABLE t\n    ADD b INT;";
    const p = parseMigration(mig(src), 'mysql');
    expect(p.statements.map((s) => [s.kind, s.span])).toEqual([
      ['Insert', { line: 2, column: 1, endLine: 2, endColumn: 27, offset: 10, endOffset: 36 }],
      ['Routine', { line: 4, column: 1, endLine: 4, endColumn: 41, offset: 51, endOffset: 91 }],
      ['AlterTable', { line: 6, column: 3, endLine: 7, endColumn: 14, offset: 108, endOffset: 135 }],
    ]);
    for (const s of p.statements) expect(src.slice(s.span.offset, s.span.endOffset)).toBe(s.text);
  });

  it('reads -- zerodown-ignore comments and segments', () => {
    const src = '-- zerodown-ignore some-rule\nALTER TABLE t ADD a INT;\nSELECT 1;';
    const p = parseMigration({ ...mig(src), segments: [{ start: 0, end: 53 }] }, 'mysql');
    expect(p.statements).toHaveLength(1);
    expect([...p.statements[0]!.ignored]).toEqual(['some-rule']);
  });
});

describe(`the forms on the real server${SKIP_NOTE}`, () => {
  let db: MyDb;
  beforeAll(async () => {
    if (!MYSQL_URL) return;
    db = await throwawayMyDb('parse');
    await db.exec('CREATE TABLE t (id INT NOT NULL, b INT, old INT, p INT, KEY ib (b))');
    await db.exec('CREATE TABLE t2 (id INT NOT NULL)');
  });
  afterAll(async () => db?.drop());

  it.skipIf(!MYSQL_URL)('MariaDB accepts each form our grammar reads for it, in this order', async () => {
    for (const g of GAPS.filter((x) => x.mariadb)) {
      await db.exec(g.sql);
      expect(ast(g.sql, 'mariadb').type, g.sql).toBe('alter_table');
    }
  });

  it.skipIf(!MYSQL_URL)('what MariaDB rejects as a syntax error our grammar rejects too', async () => {
    for (const bad of [
      'ALTER TABLE t ADD COLUMN',
      'ALTER TABLE t FROBNICATE',
      'ALTER TABLE t ADD z INT,',
      'ALTER TABLE t ADD a INT b INT',
    ]) {
      await expect(db.exec(bad), bad).rejects.toMatchObject({ code: 'ER_PARSE_ERROR' });
      expect(ast(bad, 'mariadb').type, bad).toBe('unparsed');
    }
  });
});
