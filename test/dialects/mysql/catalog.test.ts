/**
 * Catalog replay: what MyCatalog models after a migration history, compared with what the real
 * MariaDB has after running the same statements (information_schema), when the server is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyCatalog } from '../../../src/dialects/mysql/catalog.js';
import type { MyTable } from '../../../src/dialects/mysql/ast.js';
import { loadMysqlParser, parseMigration } from '../../../src/dialects/mysql/parse.js';
import type { Migration } from '../../../src/model.js';
import { MYSQL_URL, SKIP_NOTE, throwawayMyDb, type MyDb } from './server.js';

// node-sql-parser (which judges DML syntax) is loaded by the dialect's load(), as the pipeline does
beforeAll(loadMysqlParser);

const HISTORY = [
  "CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(191) NOT NULL, name VARCHAR(50) DEFAULT 'x', KEY (email)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  'CREATE TABLE orgs (id BIGINT UNSIGNED NOT NULL, title TEXT CHARACTER SET latin1, PRIMARY KEY (id)) ROW_FORMAT=COMPRESSED',
  'ALTER TABLE users ADD COLUMN org_id BIGINT UNSIGNED NULL AFTER id, ADD CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES orgs (id)',
  'ALTER TABLE users ADD INDEX (email, name), ADD UNIQUE KEY uq_name (name)',
  "ALTER TABLE users MODIFY name VARCHAR(80) NOT NULL DEFAULT 'y' FIRST",
  'ALTER TABLE users CHANGE COLUMN email mail VARCHAR(191) NOT NULL',
  'ALTER TABLE users RENAME INDEX uq_name TO uq_name2',
  "ALTER TABLE users ALTER COLUMN mail SET DEFAULT 'm@x'",
  'CREATE TABLE users_copy LIKE users',
  'ALTER TABLE users_copy DROP COLUMN name',
  'CREATE INDEX ix_org ON users_copy (org_id)',
  'DROP INDEX ix_org ON users_copy',
  'RENAME TABLE users_copy TO users_old',
  'ALTER TABLE orgs CONVERT TO CHARACTER SET utf8mb4',
  'CREATE TABLE gone (id INT)',
  'DROP TABLE gone',
  'CREATE TRIGGER tr_users BEFORE INSERT ON users FOR EACH ROW SET NEW.name = LOWER(NEW.name)',
];

function replay(statements: string[]): MyCatalog {
  const cat = new MyCatalog();
  const m: Migration = {
    path: 'h.sql',
    absPath: '/v/h.sql',
    source: statements.join(';\n'),
    dialect: 'mysql',
    framework: 'plain',
    transaction: 'none',
    review: false,
  };
  const parsed = parseMigration(m, 'mysql');
  expect(parsed.unparsed).toEqual([]);
  for (const s of parsed.statements) cat.apply(s, m.absPath);
  return cat;
}

/** the facts both sides can state */
function shape(t: MyTable) {
  return {
    columns: t.columns.map((c) => ({
      name: c.name,
      type: c.type.name,
      nullable: c.nullable,
      charset: c.charset ?? null,
    })),
    indexes: t.indexes
      .map((i) => ({
        name: i.name,
        unique: i.kind === 'primary' || i.kind === 'unique',
        columns: i.columns.map((c) => c.name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: t.foreignKeys.map((f) => f.name ?? null),
    engine: t.engine,
    rowFormat: t.rowFormat,
    triggers: t.triggers,
  };
}

describe('MyCatalog', () => {
  it('replays tables, columns, indexes, foreign keys, options, renames and drops', () => {
    const cat = replay(HISTORY);
    expect(cat.table('gone')).toBeUndefined();
    expect(cat.table('users_copy')).toBeUndefined();
    const users = cat.table('users')!;
    expect(shape(users)).toEqual({
      columns: [
        { name: 'name', type: 'varchar', nullable: false, charset: 'utf8mb4' },
        { name: 'id', type: 'int', nullable: false, charset: null },
        { name: 'org_id', type: 'bigint', nullable: true, charset: null },
        { name: 'mail', type: 'varchar', nullable: false, charset: 'utf8mb4' },
      ],
      indexes: [
        { name: 'email', unique: false, columns: ['mail'] },
        { name: 'email_2', unique: false, columns: ['mail', 'name'] },
        { name: 'fk_org', unique: false, columns: ['org_id'] },
        { name: 'PRIMARY', unique: true, columns: ['id'] },
        { name: 'uq_name2', unique: true, columns: ['name'] },
      ],
      foreignKeys: ['fk_org'],
      engine: 'INNODB',
      rowFormat: 'DYNAMIC',
      triggers: ['tr_users'],
    });
    expect(cat.column(users, 'MAIL')?.default).toEqual({ kind: 'literal', text: "'m@x'" });
    expect(cat.column(users, 'org_id')?.addedIn).toBe('/v/h.sql');
    // LIKE copies columns and indexes, not foreign keys or triggers
    const old = cat.table('users_old')!;
    expect(shape(old).foreignKeys).toEqual([]);
    expect(shape(old).triggers).toEqual([]);
    expect(shape(old).columns.map((c) => c.name)).toEqual(['id', 'org_id', 'mail']);
    const orgs = cat.table('orgs')!;
    expect(orgs.rowFormat).toBe('COMPRESSED');
    expect(orgs.charset).toBe('utf8mb4');
    expect(cat.column(orgs, 'title')?.charset).toBe('utf8mb4');
  });

  it('resolves db.table against USE', () => {
    const cat = replay(['USE app', 'CREATE TABLE t (id INT)', 'CREATE TABLE other.u (id INT)']);
    expect(cat.table('t')).toBeDefined();
    expect(cat.table('app.t')).toBeDefined();
    expect(cat.table('other.t')).toBeUndefined();
    expect(cat.table('other.u')).toBeDefined();
  });
});

describe(`MyCatalog against the real server${SKIP_NOTE}`, () => {
  let db: MyDb;
  beforeAll(async () => {
    if (!MYSQL_URL) return;
    db = await throwawayMyDb('catalog');
    for (const s of HISTORY) await db.exec(s);
  });
  afterAll(async () => db?.drop());

  it.skipIf(!MYSQL_URL)(
    'has the columns, nullability, charsets, indexes, foreign keys, engine and row format MariaDB has',
    async () => {
      const cat = replay(HISTORY);
      const tables = await db.query<{ TABLE_NAME: string; ENGINE: string; ROW_FORMAT: string }>(
        'SELECT TABLE_NAME, ENGINE, ROW_FORMAT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME',
        [db.name],
      );
      expect(tables.map((t) => t.TABLE_NAME)).toEqual(['orgs', 'users', 'users_old']);
      for (const t of tables) {
        const cols = await db.query<{
          COLUMN_NAME: string;
          DATA_TYPE: string;
          IS_NULLABLE: string;
          CHARACTER_SET_NAME: string | null;
        }>(
          'SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
          [db.name, t.TABLE_NAME],
        );
        const idx = await db.query<{ INDEX_NAME: string; NON_UNIQUE: number; COLUMN_NAME: string }>(
          'SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX',
          [db.name, t.TABLE_NAME],
        );
        const fks = await db.query<{ CONSTRAINT_NAME: string }>(
          "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_TYPE = 'FOREIGN KEY'",
          [db.name, t.TABLE_NAME],
        );
        const trg = await db.query<{ TRIGGER_NAME: string }>(
          'SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?',
          [db.name, t.TABLE_NAME],
        );
        const indexes = new Map<string, { name: string; unique: boolean; columns: string[] }>();
        for (const r of idx) {
          const e = indexes.get(r.INDEX_NAME) ?? {
            name: r.INDEX_NAME,
            unique: Number(r.NON_UNIQUE) === 0,
            columns: [],
          };
          e.columns.push(r.COLUMN_NAME);
          indexes.set(r.INDEX_NAME, e);
        }
        const server = {
          columns: cols.map((c) => ({
            name: c.COLUMN_NAME,
            type: c.DATA_TYPE,
            nullable: c.IS_NULLABLE === 'YES',
            charset: c.CHARACTER_SET_NAME,
          })),
          indexes: [...indexes.values()].sort((a, b) => a.name.localeCompare(b.name)),
          foreignKeys: fks.map((f) => f.CONSTRAINT_NAME),
          engine: t.ENGINE.toUpperCase(),
          rowFormat: t.ROW_FORMAT.toUpperCase(),
          triggers: trg.map((x) => x.TRIGGER_NAME),
        };
        expect(shape(cat.table(t.TABLE_NAME)!), t.TABLE_NAME).toEqual(server);
      }
    },
  );
});
