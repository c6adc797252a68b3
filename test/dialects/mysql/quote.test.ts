/**
 * Quoting for generated MySQL SQL: names, values and comment text from the input stay data. On the
 * real server (when there): a quoted value reads back as written in the default SQL mode, and
 * cannot end its literal under NO_BACKSLASH_ESCAPES either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysql, mariadb } from '../../../src/dialects/mysql/index.js';
import { quoteIdent, quoteLiteral, sqlComment } from '../../../src/dialects/mysql/quote.js';
import { lockEffect, lockStrength } from '../../../src/dialects/mysql/locks.js';
import { loadMysqlParser, parseSql } from '../../../src/dialects/mysql/parse.js';
import { MYSQL_URL, SKIP_NOTE, throwawayMyDb, type MyDb } from './server.js';

// node-sql-parser (which judges DML syntax) is loaded by the dialect's load(), as the pipeline does
beforeAll(loadMysqlParser);

const HOSTILE = [
  "o'brien",
  'back\\slash',
  "\\'; DROP TABLE t; -- ",
  'tab\tnew\nline',
  '`tick`',
  '*/ /*! DROP */',
  'ünïcödé ☕',
];

describe('quote', () => {
  it('both dialect objects use these helpers', () => {
    for (const d of [mysql, mariadb]) {
      expect(d.quote.ident('a`b')).toBe('`a``b`');
      expect(d.quote.literal("it's")).toBe("'it''s'");
    }
  });

  it('identifiers: always backticks, backticks doubled; NUL refused', () => {
    expect(quoteIdent('users')).toBe('`users`');
    expect(quoteIdent('we`ird')).toBe('`we``ird`');
    expect(() => quoteIdent('a\0b')).toThrow('NUL');
  });

  it('literals: quotes and backslashes doubled, and our own parser reads back the value', () => {
    expect(quoteLiteral("\\'")).toBe("'\\\\'''");
    for (const v of HOSTILE) {
      const [stmt] = parseSql(`SET @x = ${quoteLiteral(v)}`);
      expect(stmt!.ast).toMatchObject({ type: 'set', vars: [{ name: 'x' }] });
    }
  });

  it('comments: one line, no comment opener or closer', () => {
    for (const v of HOSTILE) {
      const c = sqlComment(v);
      expect(c.startsWith('-- ')).toBe(true);
      expect(c).not.toMatch(/[\n\r]|\/\*|\*\//);
      // a comment alone is no statement, and a statement after it still is one
      expect(parseSql(`${c}\nSELECT 1`).map((s) => s.kind)).toEqual(['Select']);
    }
  });

  it('locks: LOCK clauses and metadata lock types ranked, with whom they block', () => {
    expect(lockStrength('NONE')).toBeLessThan(lockStrength('SHARED'));
    expect(lockStrength('LOCK=SHARED')).toBeLessThan(lockStrength('EXCLUSIVE'));
    expect(lockStrength('SHARED_UPGRADABLE')).toBe(lockStrength('NONE'));
    expect(lockStrength('MDL_SHARED_NO_WRITE')).toBe(lockStrength('SHARED'));
    expect(lockStrength('AccessExclusiveLock')).toBe(-1);
    expect(lockEffect('SHARED')).toEqual({ blocksReads: false, blocksWrites: true });
    expect(lockEffect('EXCLUSIVE')).toEqual({ blocksReads: true, blocksWrites: true });
    expect(lockEffect('SHARED_WRITE')).toEqual({ blocksReads: false, blocksWrites: false });
    expect(mysql.locks.strength('NONE')).toBe(lockStrength('NONE'));
  });
});

describe(`quote on the real server${SKIP_NOTE}`, () => {
  let db: MyDb;
  beforeAll(async () => {
    if (MYSQL_URL) db = await throwawayMyDb('quote');
  });
  afterAll(async () => db?.drop());

  it.skipIf(!MYSQL_URL)(
    'a quoted value reads back as written; with NO_BACKSLASH_ESCAPES it still stays one literal',
    async () => {
      for (const v of HOSTILE) {
        await db.exec("SET SESSION sql_mode = ''");
        const [row] = await db.query<{ v: string; n: number }>(`SELECT ${quoteLiteral(v)} AS v, 1 AS n`);
        expect(row).toEqual({ v, n: 1 });
        await db.exec("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'");
        const [raw] = await db.query<{ v: string; n: number }>(`SELECT ${quoteLiteral(v)} AS v, 1 AS n`);
        // each backslash reads twice, but the value never ends early and nothing after it runs
        expect(raw).toEqual({ v: v.replace(/\\/g, '\\\\'), n: 1 });
      }
    },
  );

  it.skipIf(!MYSQL_URL)('a quoted name is that name', async () => {
    await db.exec("SET SESSION sql_mode = ''");
    for (const name of ['we`ird', "o'brien", 'sp ace', 'select']) {
      await db.exec(`CREATE TABLE ${quoteIdent(name)} (${quoteIdent(name)} INT)`);
      const [row] = await db.query<{ TABLE_NAME: string; COLUMN_NAME: string }>(
        'SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
        [db.name, name],
      );
      expect(row).toEqual({ TABLE_NAME: name, COLUMN_NAME: name });
    }
  });
});
