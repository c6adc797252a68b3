import { beforeAll, describe, expect, it } from 'vitest';
import {
  byteOffsetMapper,
  codePointToIndex,
  loadParser,
  parseMigration,
  parsePlpgsql,
  parseSql,
  parseSync,
  parseToJson,
  scanSync,
  SqlSyntaxError,
} from '../../../src/dialects/postgres/parse.js';
import * as libpgQuery from 'libpg-query';
import { lintMigrations } from '../../../src/pipeline/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { migration } from '../../helpers.js';

beforeAll(() => loadParser());

const parse = (source: string, segments?: { start: number; end: number }[]) => {
  const m = migration(source);
  if (segments) m.segments = segments;
  return parseMigration(m);
};

/** Every statement's text must be exactly what its span points at, and the span's line/column must agree with the offset. */
function expectConsistentSpans(source: string) {
  const parsed = parse(source);
  expect(parsed.error).toBeUndefined();
  const lines = source.split('\n');
  for (const s of parsed.statements) {
    expect(source.slice(s.span.offset, s.span.endOffset)).toBe(s.text);
    const before = source.slice(0, s.span.offset).split('\n');
    expect(s.span.line).toBe(before.length);
    expect(s.span.column).toBe(before.at(-1)!.length + 1);
    expect(lines[s.span.line - 1]!.slice(s.span.column - 1)).toContain(s.text.split('\n')[0]!.replace(/\r$/, ''));
  }
  return parsed.statements;
}

describe('statement spans', () => {
  it('keeps exact line, column and text for several statements on several lines', () => {
    const sql = 'CREATE TABLE a (id int);\n\n  ALTER TABLE a\n    ADD COLUMN b text;\nSELECT 1; SELECT 2;\n';
    const st = expectConsistentSpans(sql);
    expect(st.map((s) => s.kind)).toEqual(['CreateStmt', 'AlterTableStmt', 'SelectStmt', 'SelectStmt']);
    expect(st[1]!.span).toMatchObject({ line: 3, column: 3, endLine: 4, endColumn: 22 });
    expect(st[1]!.text).toBe('ALTER TABLE a\n    ADD COLUMN b text');
    expect(st[3]!.span).toMatchObject({ line: 5, column: 11, endLine: 5, endColumn: 19 });
  });

  it('starts a statement after the comments that precede it (line, block and nested block comments)', () => {
    const sql =
      '-- header\n/* block /* nested */ still comment */\n-- another\nCREATE INDEX i ON t (c); -- trailing\n/* x */ DROP INDEX i;';
    const st = expectConsistentSpans(sql);
    expect(st.map((s) => [s.kind, s.span.line, s.span.column])).toEqual([
      ['IndexStmt', 4, 1],
      ['DropStmt', 5, 9],
    ]);
  });

  it('a file of only comments has no statements and no error', () => {
    const parsed = parse('-- nothing to do\n/* really */\n');
    expect(parsed.error).toBeUndefined();
    expect(parsed.statements).toEqual([]);
    expect(parse('').statements).toEqual([]);
  });

  it('a file that is only an unterminated /* comment is a syntax error, not an empty file (it hid the rest)', () => {
    const r = parse('/*\nDROP TABLE sentinel;\n');
    expect(r.statements).toEqual([]);
    expect(r.error).toMatchObject({ line: 1, column: 1 });
    expect(r.error!.message).toMatch(/unterminated \/\* comment/);
    // a terminated one (even holding `/*` inside a line comment) is still just a comment
    expect(parse('/* ok */\n-- a /* in a line comment\n').error).toBeUndefined();
  });

  it('maps UTF-8 byte offsets to string offsets with non-ASCII text before and inside statements', () => {
    const sql =
      '-- Größe für Kunden 😀 ✓\nCREATE TABLE "Kundenstamm_ü" (name text DEFAULT \'Zoë 🐘\');\nCOMMENT ON TABLE "Kundenstamm_ü" IS \'表\';\nALTER TABLE "Kundenstamm_ü" ADD COLUMN c int;';
    const st = expectConsistentSpans(sql);
    expect(st.map((s) => s.kind)).toEqual(['CreateStmt', 'CommentStmt', 'AlterTableStmt']);
    expect(st[2]!.span).toMatchObject({ line: 4, column: 1 });
    expect(st[0]!.text).toBe('CREATE TABLE "Kundenstamm_ü" (name text DEFAULT \'Zoë 🐘\')');
  });

  it('handles CRLF line endings: lines count correctly and spans never include the \\r', () => {
    const sql = 'CREATE TABLE a (id int);\r\n-- c\r\nALTER TABLE a\r\n  ADD COLUMN b int;\r\n';
    const st = expectConsistentSpans(sql);
    expect(st[1]!.span).toMatchObject({ line: 3, column: 1, endLine: 4, endColumn: 19 });
    expect(st[1]!.text).toBe('ALTER TABLE a\r\n  ADD COLUMN b int');
  });

  it('keeps a $$ function body with semicolons as one statement', () => {
    const sql = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE t SET x = 1; -- not a statement of the migration
  COMMIT;
  RETURN NEW;
END;
$$;
CREATE FUNCTION g() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;`;
    const st = expectConsistentSpans(sql);
    expect(st.map((s) => s.kind)).toEqual(['CreateFunctionStmt', 'CreateFunctionStmt']);
    expect(st[0]!.span).toMatchObject({ line: 1, endLine: 7 });
  });

  it('a DO block containing COMMIT is one DoStmt, never transaction control', () => {
    const sql =
      'DO $$\nBEGIN\n  FOR i IN 1..10 LOOP\n    UPDATE t SET x = i WHERE id = i;\n    COMMIT;\n  END LOOP;\nEND\n$$;\nBEGIN;\nCOMMIT;';
    const st = expectConsistentSpans(sql);
    expect(st.map((s) => s.kind)).toEqual(['DoStmt', 'TransactionStmt', 'TransactionStmt']);
    expect(st[1]!.ast.kind).toBe('TRANS_STMT_BEGIN');
  });

  it('treats a byte order mark as whitespace', () => {
    const st = parse('\uFEFFCREATE TABLE a (id int);').statements;
    expect(st).toHaveLength(1);
    expect(st[0]!.span).toMatchObject({ line: 1, column: 2 });
  });

  it('parses only the given segments and reports file positions', () => {
    const sql = '-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n';
    const start = sql.indexOf('CREATE');
    const end = sql.indexOf('-- +goose Down');
    const st = parse(sql, [{ start, end }]).statements;
    expect(st.map((s) => [s.kind, s.span.line, s.span.column, s.text])).toEqual([
      ['CreateStmt', 2, 1, 'CREATE TABLE a (id int)'],
    ]);
  });
});

describe('syntax errors', () => {
  it('reports the parser line and column', () => {
    const parsed = parse('CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN;\n');
    expect(parsed.statements).toEqual([]);
    expect(parsed.error).toMatchObject({ line: 2, column: 25, message: 'syntax error at or near ";"' });
  });

  it('converts the character cursor to string offsets after astral characters', () => {
    // PostgreSQL counts characters (code points); 😀 is two UTF-16 code units
    const parsed = parse("SELECT '😀😀', 'é' FROM;");
    expect(parsed.error).toMatchObject({ line: 1, column: 24 });
    expect("SELECT '😀😀', 'é' FROM;"[23]).toBe(';');
  });

  it('reports the position in a CRLF file and in a later segment', () => {
    expect(parse('SELECT 1;\r\nSELEC 2;\r\n').error).toMatchObject({ line: 2, column: 1 });
    const sql = 'SELECT 1;\n-- down\nnot sql at all;\n-- up\nSELECT 2 +;\n';
    const a = sql.indexOf('-- up');
    expect(
      parse(sql, [
        { start: 0, end: 9 },
        { start: a, end: sql.length },
      ]).error,
    ).toMatchObject({ line: 5, column: 11 });
  });

  it('rejects Go template placeholders like the ones in supabase/auth', () => {
    const parsed = parse('CREATE TABLE IF NOT EXISTS {{ index .Options "Namespace" }}.users (id uuid);');
    expect(parsed.error?.line).toBe(1);
    expect(parsed.error?.column).toBe(28);
  });

  it('parseSql and parseToJson throw with the position', () => {
    expect(() => parseSql('SELECT 1;\nDROP TABLEX a;')).toThrow(/line 2, column 6/);
    expect(() => parseToJson('SELEC 1')).toThrow(SqlSyntaxError);
    expect(parseSql('SELECT 1').map((s) => s.kind)).toEqual(['SelectStmt']);
  });

  it('one unparsable file yields exactly one syntax-error finding and the other files are still linted', async () => {
    const bad = migration('CREATE TABLE a (id int);\nCREATE INDEX ON a (id;\n', { path: 'm/0002_bad.sql' });
    const good = migration('CREATE INDEX i ON accounts (id);', { path: 'm/0003_good.sql' });
    const first = migration('CREATE INDEX j ON accounts (id);', { path: 'm/0001_first.sql' });
    const result = await lintMigrations([first, bad, good]);
    expect(result.files.map((f) => f.migration.path)).toEqual([
      'm/0001_first.sql',
      'm/0002_bad.sql',
      'm/0003_good.sql',
    ]);
    const badFindings = result.files[1]!.findings;
    expect(badFindings).toHaveLength(1);
    expect(badFindings[0]).toMatchObject({ rule: 'syntax-error', severity: 'error', line: 2, column: 22 });
    expect(result.files[0]!.findings.map((f) => f.rule)).toContain('require-concurrent-index-creation');
    expect(result.files[2]!.findings.map((f) => f.rule)).toContain('require-concurrent-index-creation');
    expect(result.files[2]!.findings.every((f) => f.rule !== 'syntax-error')).toBe(true);
  });
});

describe('offset helpers', () => {
  it('codePointToIndex and byteOffsetMapper agree with Buffer byte lengths', () => {
    const text = 'aé😀表b\u{1F418}c';
    for (let i = 0; i <= text.length; i++) {
      if (i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue; // inside a pair
      const bytes = Buffer.byteLength(text.slice(0, i));
      expect(byteOffsetMapper(text, false)(bytes)).toBe(i);
      expect(codePointToIndex(text, [...text.slice(0, i)].length)).toBe(i);
    }
    // a mapper can go backwards
    const map = byteOffsetMapper(text, false);
    expect(map(Buffer.byteLength(text))).toBe(text.length);
    expect(map(1)).toBe(1);
  });
});

describe('drop-in parseSync and scanSync', () => {
  it('return exactly what libpg-query itself returns', async () => {
    await libpgQuery.loadModule();
    for (const sql of [
      'SELECT 1',
      'ALTER TABLE "User" ADD COLUMN "näme" text DEFAULT \'Zoë 😀\' NOT NULL; CREATE INDEX CONCURRENTLY i ON t (c)',
      'DO $$ BEGIN COMMIT; END $$; UPDATE t SET a = 1 WHERE id BETWEEN 1 AND 1000',
      'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, x numeric(10,2) CHECK (x > 0))',
    ]) {
      expect(parseSync(sql)).toEqual(libpgQuery.parseSync(sql));
      expect(scanSync(sql)).toEqual(libpgQuery.scanSync(sql));
    }
    expect(() => parseSync('SELEC 1')).toThrow(/syntax error at or near "SELEC"/);
  });

  it('re-uses one input buffer for inputs of very different sizes', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `ALTER TABLE t${i} ADD COLUMN c${i} text DEFAULT 'ü${i}';`).join(
      '\n',
    );
    expect(parseSync(big).stmts).toHaveLength(3000);
    expect(parseSync('SELECT 2').stmts).toHaveLength(1);
    expect(parse(big).statements.at(-1)!.span).toMatchObject({ line: 3000, column: 1 });
  });
});

describe('PL/pgSQL bodies', () => {
  it('parsePlpgsql parses a function body with the same module', () => {
    const funcs = parsePlpgsql(
      'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN UPDATE t SET x = 1; END $$;',
    );
    expect(JSON.stringify(funcs)).toContain('PLpgSQL_stmt_execsql');
  });
});

describe('one parser instance', () => {
  it('no source file imports libpg-query itself (it would load a second, not awaited, module instance)', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : [],
      );
    const offenders = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'rules'))]
      .filter((f) => !f.includes(`${path.sep}src${path.sep}parse${path.sep}`))
      .filter((f) => /^import\s+(?!type\b)[^;]*from\s+'libpg-query'/m.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    // use parseSync / scanSync / parsePlPgSQLSync from src/dialects/postgres/parse.ts instead
    expect(offenders).toEqual([]);
  });
});

describe('bytes PostgreSQL rejects', () => {
  it('a NUL is reported at its line and column, and the statements after it are still parsed at exact positions', () => {
    const source = 'SELECT 1;\nSELECT 2\0;\nCREATE INDEX i ON t (a);\n';
    const parsed = parse(source);
    expect(parsed.badBytes?.map((e) => [e.line, e.column, e.code])).toEqual([[2, 9, '22021']]);
    expect(parsed.error).toBe(parsed.badBytes![0]);
    expect(parsed.statements.map((s) => [s.kind, s.span.line, s.span.column, s.text])).toEqual([
      ['SelectStmt', 1, 1, 'SELECT 1'],
      ['SelectStmt', 2, 1, 'SELECT 2'],
      ['IndexStmt', 3, 1, 'CREATE INDEX i ON t (a)'],
    ]);
  });
  it('invalid UTF-8 found by discovery is reported where the U+FFFD stands', () => {
    const m = migration("SELECT 'caf\uFFFD';\n\n  SELECT \uFFFD;");
    m.badBytes = [
      { offset: m.source.indexOf('\uFFFD'), bytes: '0xe9' },
      { offset: m.source.lastIndexOf('\uFFFD'), bytes: '0xff' },
    ];
    const parsed = parseMigration(m);
    expect(parsed.badBytes?.map((e) => [e.line, e.column])).toEqual([
      [1, 12],
      [3, 10],
    ]);
    expect(parsed.badBytes![0]!.message).toContain('Invalid UTF-8 (0xe9)');
    expect(parsed.statements).toHaveLength(2);
  });
  it('at most 10 are listed; the last one says how many more there are', () => {
    const parsed = parse(`SELECT '${'\0'.repeat(13)}';`);
    expect(parsed.badBytes).toHaveLength(10);
    expect(parsed.badBytes![9]!.message).toMatch(/ 3 more bad bytes after this one are not listed\.$/);
  });
  it('a syntax error next to a NUL: both are reported, the file has no statements', () => {
    const parsed = parse('SELECT 1\0;\nSELEC 2;');
    expect(parsed.badBytes?.map((e) => e.line)).toEqual([1]);
    expect(parsed.error?.message).toBe('syntax error at or near "SELEC"');
    expect(parsed.statements).toEqual([]);
  });
});
