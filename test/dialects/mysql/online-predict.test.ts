/**
 * The prediction's version and clause logic, through our parser and catalog. MariaDB 10.11's answers
 * are proven on the real server by online-truth.test.ts; these tests pin what the vendors' manuals say
 * per version (MySQL 8.0 Reference Manual 15.12.1 "Online DDL Operations"; MariaDB KB "InnoDB Online
 * DDL Operations with the INSTANT Alter Algorithm") and how explicit clauses and unknowns are handled.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMysqlParser } from '../../../src/dialects/mysql/parse.js';
import type {
  AlterTableAst,
  CreateIndexAst,
  DropIndexAst,
  Flavor,
  ServerVersion,
} from '../../../src/dialects/mysql/ast.js';
import { MyCatalog, parseSql } from '../../../src/dialects/mysql/index.js';
import { foreignKeyChecksBefore } from '../../../src/dialects/mysql/online/index.js';
import { predictAlter, predictCreateIndex, predictDropIndex } from '../../../src/dialects/mysql/online/predict.js';
import { ONLINE_TABLE, type OpKind } from '../../../src/dialects/mysql/online/table.js';

// node-sql-parser (which judges DML syntax) is loaded by the dialect's load(), as the pipeline does
beforeAll(loadMysqlParser);

const HISTORY =
  "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b VARCHAR(50), e ENUM('x','y'), KEY ka (a)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;";

function server(text: string, flavor: Flavor = 'mysql'): ServerVersion {
  const [major = 0, minor = 0, patch = 0] = text.split('.').map(Number);
  return { flavor, major, minor, patch };
}

function catalogOf(history: string, flavor: Flavor = 'mysql'): MyCatalog {
  const c = new MyCatalog();
  for (const s of parseSql(history, flavor)) c.apply(s, '/h.sql');
  return c;
}

function predict(alter: string, version: string, flavor: Flavor = 'mysql', history = HISTORY) {
  const cat = catalogOf(history, flavor);
  const [s] = parseSql(alter, flavor);
  const ast = s!.ast;
  const sv = server(version, flavor);
  if (ast.type === 'create_index') return predictCreateIndex(ast as CreateIndexAst, cat.tableOf(ast.table), sv);
  if (ast.type === 'drop_index') return predictDropIndex(ast as DropIndexAst, cat.tableOf(ast.table), sv);
  return predictAlter(ast as AlterTableAst, cat.tableOf((ast as AlterTableAst).table), sv);
}

const short = (p: ReturnType<typeof predict>) => `${p.algorithm}/${p.lock}${p.rebuilds ? '/rebuild' : ''}`;

/** Every operation kind: the compiler checks this list is complete, the test that each has its rows. */
const EVERY_KIND: Record<OpKind, true> = {
  addColumnEnd: true,
  addColumnMiddle: true,
  addColumnExprDefault: true,
  addColumnConstExprDefault: true,
  addColumnAutoIncrement: true,
  addColumnStored: true,
  addColumnVirtual: true,
  dropColumn: true,
  dropColumnIndexed: true,
  dropColumnStored: true,
  dropColumnVirtual: true,
  reorderColumn: true,
  renameColumn: true,
  setDefault: true,
  dropDefault: true,
  columnComment: true,
  changeType: true,
  shrinkType: true,
  varcharExtend: true,
  varcharExtendSmall: true,
  varcharCrossPrefix: true,
  enumAppend: true,
  enumAppendGrows: true,
  enumReorder: true,
  makeNull: true,
  makeNotNull: true,
  changeCharset: true,
  changeCollation: true,
  changeCollationIndexed: true,
  columnVisibility: true,
  addIndex: true,
  addUniqueIgnore: true,
  addFulltext: true,
  addFulltextFirst: true,
  addFulltextMany: true,
  addSpatial: true,
  dropIndex: true,
  renameIndex: true,
  indexVisibility: true,
  addPrimaryKey: true,
  dropPrimaryKey: true,
  swapPrimaryKey: true,
  addForeignKey: true,
  addForeignKeyNoChecks: true,
  dropForeignKey: true,
  addCheck: true,
  dropCheck: true,
  renameTable: true,
  convertCharset: true,
  tableCharset: true,
  rebuildTable: true,
  changeEngine: true,
  autoIncrementValue: true,
  tableMetadata: true,
};

describe('the table', () => {
  it('has one row per operation and flavor, each citing its source', () => {
    const kinds = Object.keys(EVERY_KIND) as OpKind[];
    for (const k of kinds)
      for (const f of ['mysql', 'mariadb'] as const)
        expect(
          ONLINE_TABLE.filter((r) => r.op === k && r.flavor === f),
          `${f} ${k}`,
        ).toHaveLength(1);
    for (const r of ONLINE_TABLE)
      expect(r.manual).toMatch(/MySQL 8\.0 Reference Manual|MariaDB KB|measured on MariaDB/);
  });
  it('never makes an operation INSTANT that cannot run in place', () => {
    // INSTANT without an INPLACE fallback would make "weakest algorithm wins" meaningless
    for (const r of ONLINE_TABLE) if (r.instantSince) expect(r.inplace, `${r.flavor} ${r.op}`).toBeDefined();
  });
});

describe('MySQL versions (15.12.1 "Column Operations")', () => {
  it.each([
    ['ALTER TABLE t ADD COLUMN z INT', '5.7.44', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t ADD COLUMN z INT', '8.0.11', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t ADD COLUMN z INT', '8.0.12', 'INSTANT/NONE'],
    ['ALTER TABLE t ADD COLUMN z INT AFTER id', '8.0.28', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t ADD COLUMN z INT AFTER id', '8.0.29', 'INSTANT/NONE'],
    ['ALTER TABLE t ADD COLUMN z INT AFTER e', '8.0.12', 'INSTANT/NONE'],
    ['ALTER TABLE t DROP COLUMN b', '8.0.28', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t DROP COLUMN b', '8.4.3', 'INSTANT/NONE'],
    ['ALTER TABLE t RENAME COLUMN b TO c', '8.0.27', 'INPLACE/NONE'],
    ['ALTER TABLE t RENAME COLUMN b TO c', '8.0.28', 'INSTANT/NONE'],
    ['ALTER TABLE t MODIFY b VARCHAR(63)', '8.0.40', 'INPLACE/NONE'],
    ['ALTER TABLE t MODIFY b VARCHAR(64)', '8.0.40', 'COPY/SHARED/rebuild'],
    ['ALTER TABLE t MODIFY b VARCHAR(40)', '8.0.40', 'COPY/SHARED/rebuild'],
    ["ALTER TABLE t MODIFY e ENUM('x','y','z')", '8.0.40', 'INSTANT/NONE'],
    ["ALTER TABLE t MODIFY e ENUM('y','x')", '8.0.40', 'COPY/SHARED/rebuild'],
    ['ALTER TABLE t MODIFY a INT NOT NULL', '8.0.40', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t ADD INDEX kb (b)', '8.0.40', 'INPLACE/NONE'],
    ['ALTER TABLE t ADD FULLTEXT INDEX fb (b)', '8.0.40', 'INPLACE/SHARED/rebuild'],
    ['ALTER TABLE t ADD COLUMN z INT, ADD INDEX kz (z)', '8.0.40', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES t (id)', '8.0.40', 'COPY/SHARED/rebuild'],
    ['ALTER TABLE t DROP PRIMARY KEY', '8.0.40', 'COPY/SHARED/rebuild'],
    ['ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, a)', '8.0.40', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t CONVERT TO CHARACTER SET latin1', '8.0.40', 'COPY/SHARED/rebuild'],
    ['ALTER TABLE t RENAME TO u', '8.0.40', 'INSTANT/NONE'],
    ['CREATE INDEX kb ON t (b)', '8.0.40', 'INPLACE/NONE'],
    ['DROP INDEX ka ON t', '8.0.40', 'INPLACE/NONE'],
  ])('%s on %s → %s', (sql, version, expected) => {
    expect(short(predict(sql, version))).toBe(expected);
  });

  it('no INSTANT ADD COLUMN on a COMPRESSED table or one with a FULLTEXT index', () => {
    const compressed = 'CREATE TABLE t (id INT PRIMARY KEY, a INT) ROW_FORMAT=COMPRESSED;';
    expect(short(predict('ALTER TABLE t ADD COLUMN z INT', '8.0.40', 'mysql', compressed))).toBe(
      'INPLACE/NONE/rebuild',
    );
    const ft = 'CREATE TABLE t (id INT PRIMARY KEY, tx TEXT, FULLTEXT KEY f (tx));';
    expect(short(predict('ALTER TABLE t ADD COLUMN z INT', '8.0.40', 'mysql', ft))).toBe('INPLACE/SHARED/rebuild');
    // a FULLTEXT table can still rename a column instantly: the condition concerns the row format
    expect(short(predict('ALTER TABLE t RENAME COLUMN tx TO body', '8.0.40', 'mysql', ft))).toBe('INSTANT/NONE');
  });

  it('warns on 8.0.29–8.0.31 instant ADD/DROP COLUMN', () => {
    expect(predict('ALTER TABLE t ADD COLUMN z INT', '8.0.30').warnings.join()).toMatch(/known bugs/);
    expect(predict('ALTER TABLE t ADD COLUMN z INT', '8.0.32').warnings).toEqual([]);
  });
});

describe('MariaDB versions (KB "… with the INSTANT Alter Algorithm")', () => {
  it.each([
    ['ALTER TABLE t ADD COLUMN z INT', '10.2', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t ADD COLUMN z INT', '10.3', 'INSTANT/NONE'],
    ['ALTER TABLE t ADD COLUMN z INT FIRST', '10.3', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t ADD COLUMN z INT FIRST', '10.4', 'INSTANT/NONE'],
    ['ALTER TABLE t DROP COLUMN b', '10.3', 'INPLACE/NONE/rebuild'],
    ['ALTER TABLE t DROP COLUMN b', '11.4', 'INSTANT/NONE'],
  ])('%s on %s → %s', (sql, version, expected) => {
    expect(short(predict(sql, version, 'mariadb'))).toBe(expected);
  });
  it('has no row-version limit', () => {
    expect(predict('ALTER TABLE t ADD COLUMN z INT', '10.11', 'mariadb').rowVersions).toBeUndefined();
  });
});

describe('explicit ALGORITHM / LOCK', () => {
  it('the server refuses what it cannot do (error 1846)', () => {
    const p = predict('ALTER TABLE t MODIFY a BIGINT, ALGORITHM=INPLACE, LOCK=NONE', '8.0.40');
    expect(p.explicit?.requested).toBe('ALGORITHM=INPLACE, LOCK=NONE');
    expect(p.explicit?.refused).toMatch(/ALGORITHM=INPLACE is not possible: changing a column type .*1846/);
    expect(
      predict('ALTER TABLE t ADD COLUMN z INT FIRST, ALGORITHM=INSTANT', '10.3', 'mariadb').explicit?.refused,
    ).toMatch(/INSTANT/);
    expect(predict('ALTER TABLE t ADD FULLTEXT INDEX f (b), LOCK=NONE', '8.0.40').explicit?.refused).toMatch(
      /LOCK=NONE is not possible/,
    );
  });
  it('MySQL takes no LOCK clause with ALGORITHM=INSTANT (error 1221); MariaDB does', () => {
    expect(predict('ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INSTANT, LOCK=NONE', '8.0.40').explicit?.refused).toMatch(
      /1221/,
    );
    expect(
      predict('ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INSTANT, LOCK=NONE', '10.11', 'mariadb').explicit?.refused,
    ).toBeUndefined();
  });
  it('MySQL does what ALGORITHM=INPLACE says (an added column then rebuilds); MariaDB still goes INSTANT (measured)', () => {
    expect(short(predict('ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INPLACE', '8.0.40'))).toBe('INPLACE/NONE/rebuild');
    expect(short(predict('ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INPLACE', '10.11', 'mariadb'))).toBe(
      'INSTANT/NONE',
    );
  });
  it('COPY and a stronger LOCK are obeyed', () => {
    expect(short(predict('ALTER TABLE t ADD INDEX kb (b), ALGORITHM=COPY', '8.0.40'))).toBe('COPY/SHARED/rebuild');
    expect(short(predict('ALTER TABLE t ADD INDEX kb (b), LOCK=EXCLUSIVE', '10.11', 'mariadb'))).toBe(
      'INPLACE/EXCLUSIVE',
    );
  });
});

describe('what zerodown does not know, it says', () => {
  it('a table outside the replayed history: the common case, with the assumption named', () => {
    const p = predict('ALTER TABLE ghost ADD COLUMN z INT', '8.0.40');
    expect(short(p)).toBe('INSTANT/NONE');
    expect(p.unknown.join()).toMatch(/not in the replayed history: assumed InnoDB, not COMPRESSED, no FULLTEXT/);
  });
  it('a column whose definition it never saw: the worst case', () => {
    const p = predict('ALTER TABLE t MODIFY zz BIGINT', '8.0.40');
    expect(short(p)).toBe('COPY/SHARED/rebuild');
    expect(p.unknown.join()).toMatch(/column `zz` is not in the replayed history/);
  });
  it('a VARCHAR whose charset is the unknown server default: sure only when every charset agrees', () => {
    const h = 'CREATE TABLE t (id INT PRIMARY KEY, b VARCHAR(50), s VARCHAR(10));';
    const cross = predict('ALTER TABLE t MODIFY b VARCHAR(64)', '8.0.40', 'mysql', h);
    expect(short(cross)).toBe('COPY/SHARED/rebuild');
    expect(cross.unknown.join()).toMatch(/character set/);
    const small = predict('ALTER TABLE t MODIFY s VARCHAR(20)', '8.0.40', 'mysql', h);
    expect([short(small), small.unknown]).toEqual(['INPLACE/NONE', []]);
  });
});

describe('row versions (MySQL 8.0.29+)', () => {
  it('the catalog counts instant ADD/DROP COLUMN statements, and a rebuild or TRUNCATE resets them', () => {
    const steps = [
      'ALTER TABLE t ADD COLUMN c1 INT, ADD COLUMN c2 INT;',
      'ALTER TABLE t DROP COLUMN b;',
      'ALTER TABLE t RENAME COLUMN c1 TO d1;',
      'ALTER TABLE t ADD COLUMN c3 INT, ADD INDEX k3 (c3);',
      'ALTER TABLE t ADD COLUMN c4 INT;',
      'TRUNCATE TABLE t;',
    ];
    const cat = catalogOf(HISTORY);
    const seen = steps.map((sql) => {
      for (const s of parseSql(sql, 'mysql')) cat.apply(s, '/m.sql');
      return cat.table('t')!.rowVersions;
    });
    expect(seen).toEqual([1, 2, 2, 0, 1, 0]);
  });
  it('counts against the limit and falls back to a rebuild past it', () => {
    const history = [HISTORY, ...Array.from({ length: 64 }, (_, i) => `ALTER TABLE t ADD COLUMN c${i} INT;`)].join(
      '\n',
    );
    const p = predict('ALTER TABLE t ADD COLUMN z INT', '8.0.40', 'mysql', history);
    expect(p.rowVersions).toEqual({ before: 64, after: 65, limit: 64 });
    expect(short(p)).toBe('INPLACE/NONE/rebuild');
    expect(
      predict('ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INSTANT', '8.0.40', 'mysql', history).explicit?.refused,
    ).toMatch(/INSTANT/);
    expect(predict('ALTER TABLE t ADD COLUMN z INT', '9.1.0', 'mysql', history).rowVersions).toEqual({
      before: 64,
      after: 65,
      limit: 255,
    });
  });
});

it('follows SET foreign_key_checks in the file', () => {
  const stmts = parseSql(
    'SET foreign_key_checks = 0;\nSELECT 1;\nSET @@session.foreign_key_checks = ON;\nSELECT 2;',
    'mysql',
  );
  expect([1, 3].map((i) => foreignKeyChecksBefore(stmts, i))).toEqual([false, true]);
});
