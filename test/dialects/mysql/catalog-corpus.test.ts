/**
 * The catalog replay of each real project in ../shared/corpus/mysql, statement by statement, next
 * to the same statements run on the real MariaDB: every table, its columns (name, type,
 * nullability, in order) and its index names must match information_schema. Statements the server
 * refuses (MySQL-only functions) are left out of both. Skipped without the server or the corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MyCatalog } from '../../../src/dialects/mysql/catalog.js';
import { loadMysqlParser, parseMigration } from '../../../src/dialects/mysql/parse.js';
import { naturalCompare } from '../../../src/discover/index.js';
import { MYSQL_URL, SKIP_NOTE, throwawayMyDb } from './server.js';

// node-sql-parser (which judges DML syntax) is loaded by the dialect's load(), as the pipeline does
beforeAll(loadMysqlParser);

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MY = path.join(path.resolve(ROOT, process.env.ZERODOWN_CORPUS ?? '../shared/corpus'), 'mysql');
const present = existsSync(MY);
const projects = present
  ? readdirSync(MY)
      .filter((d) => !d.startsWith('.'))
      .sort()
  : [];

/** MariaDB stores JSON as LONGTEXT (MariaDB KB "JSON Data Type"); INTEGER and BOOL are aliases */
const typeName = (t: string) => ({ json: 'longtext', integer: 'int', bool: 'tinyint', boolean: 'tinyint' })[t] ?? t;

describe(`catalog replay of corpus/mysql against MariaDB${SKIP_NOTE}${present ? '' : ' (skipped: no corpus)'}`, () => {
  for (const project of projects)
    it.skipIf(!MYSQL_URL)(
      project,
      async () => {
        const db = await throwawayMyDb('corpus');
        try {
          const cat = new MyCatalog();
          const files = readdirSync(path.join(MY, project))
            .filter((f) => f.endsWith('.sql'))
            .sort(naturalCompare);
          for (const f of files) {
            const source = readFileSync(path.join(MY, project, f), 'utf8');
            const parsed = parseMigration(
              {
                path: f,
                absPath: f,
                source,
                dialect: 'mariadb',
                framework: 'plain',
                transaction: 'none',
                review: true,
              },
              'mariadb',
            );
            for (const s of parsed.statements) {
              try {
                await db.exec(s.text);
              } catch {
                continue;
              }
              cat.apply(s, f);
            }
          }
          const tables = await db.query<{ TABLE_NAME: string }>(
            'SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME',
            [db.name],
          );
          expect([...cat.tables()].map((t) => t.name.toLowerCase()).sort()).toEqual(
            tables.map((t) => t.TABLE_NAME.toLowerCase()).sort(),
          );
          for (const { TABLE_NAME } of tables) {
            const t = cat.table(TABLE_NAME)!;
            const cols = await db.query<{ COLUMN_NAME: string; DATA_TYPE: string; IS_NULLABLE: string }>(
              'SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
              [db.name, TABLE_NAME],
            );
            expect(
              t.columns.map((c) => `${c.name}:${typeName(c.type.name)}:${c.nullable}`.toLowerCase()),
              TABLE_NAME,
            ).toEqual(cols.map((c) => `${c.COLUMN_NAME}:${c.DATA_TYPE}:${c.IS_NULLABLE === 'YES'}`.toLowerCase()));
            const idx = await db.query<{ INDEX_NAME: string }>(
              'SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
              [db.name, TABLE_NAME],
            );
            expect(t.indexes.map((i) => i.name.toLowerCase()).sort(), TABLE_NAME).toEqual(
              idx.map((i) => i.INDEX_NAME.toLowerCase()).sort(),
            );
          }
        } finally {
          await db.drop();
        }
      },
      120_000,
    );
});
