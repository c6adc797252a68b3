/**
 * MySQL/MariaDB parsing: our splitter (split.ts) gives every statement its exact span, then each
 * statement is read on its own, so one failure never hides the rest.
 *
 * Who reads what, and why: measured on ../shared/corpus/mysql (583 files, 2.4 MB, 1,217 statements),
 * Node 20, this machine, whole files per parser:
 *
 * | parser                                 | files read | time   | size (minified)               | gives                      |
 * |----------------------------------------|-----------:|-------:|-------------------------------|----------------------------|
 * | node-sql-parser 5.4.0, mysql mode      |    558/583 |  4.9 s | 272 KB (mysql) + 260 (mariadb) | AST, no ALTER/CREATE spans |
 * | dt-sql-parser 4.5.1 (ANTLR4), MySQL    |    577/583 | 15.3 s | 2.0 MB bundled (needs a bundler on Node 20) | parse tree only |
 * | @guanmingchiu/sqlparser-ts 0.62.0      |    579/583 |  2.5 s | 3.4 MB WebAssembly            | AST with spans             |
 * | this folder (grammar + node-sql-parser for DML) | 583/583 | 0.4 s warm | 39 KB + node-sql-parser's builds | `MyAst` directly |
 *
 * node-sql-parser also rejects the gap forms listed in grammar-table.ts in one or both modes;
 * sqlparser-ts rejects CONVERT TO, RENAME INDEX, FORCE, ENGINE= and PARTITION BY (NOTES.md) and the
 * corpus's `BINARY` column attribute; dt-sql-parser rejects MariaDB-only syntax and its tree would
 * still need the whole mapping to `MyAst`. ALTER TABLE is what rules read most, and our AST is our own.
 * So: a hand-written grammar (lex.ts, reader.ts, grammar*.ts, ~1,400 lines) reads the statements
 * rules and the catalog depend on (CREATE/ALTER/DROP/RENAME TABLE, CREATE/DROP INDEX, SET,
 * transactions, USE, the constant-rows INSERT of dumps) strictly, straight into `MyAst` with
 * source-text fragments, and is the judge of their syntax. For DML, SELECT, routines and the rest, whose syntax is vast and which rules
 * read only loosely (tables, WHERE, LIMIT), node-sql-parser judges the syntax (the flavor's mode,
 * then the other mode), and the grammar extracts the facts. A statement neither accepts is
 * `UnparsedAst` (fail closed), with its leading keywords.
 */
import type { Migration, ParseError, Unparsed } from '../../model.js';
import { LineIndex } from '../../parse/source.js';
import { readIgnores } from '../../parse/ignores.js';
import { KIND_OF, type Flavor, type MyAst, type MyStatement, type UnparsedAst } from './ast.js';
import { LexError, tokenize, type Token } from './lex.js';
import { GrammarError } from './reader.js';
import { leadingKeywords, readStatement } from './grammar.js';
import { splitMysql } from './split.js';
import type { ParsedMigration } from '../../model.js';

/** A parsed MySQL/MariaDB migration. */
export type MyParsedMigration = ParsedMigration<MyAst>;

interface NspParser {
  parse(sql: string, opt: { database: string }): unknown;
}

type NspBuild = { Parser: new () => NspParser };
let builds: Record<Flavor, NspBuild> | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads node-sql-parser's per-dialect builds (CommonJS; 272 KB + 260 KB, not its 2.4 MB all-dialects index).
 * Dynamic imports, so that they are a bundle chunk of their own that a PostgreSQL run never reads. The
 * dialect's `load()` calls it; parsing a DML statement before it resolves is a programming error.
 */
export function loadMysqlParser(): Promise<void> {
  loading ??= Promise.all([import('node-sql-parser/build/mysql.js'), import('node-sql-parser/build/mariadb.js')]).then(
    ([mysql, mariadb]) => {
      const build = (m: unknown) => ((m as { default?: NspBuild }).default ?? m) as NspBuild;
      builds = { mysql: build(mysql), mariadb: build(mariadb) };
    },
  );
  return loading;
}

const parsers: Partial<Record<Flavor, NspParser>> = {};
function nsp(flavor: Flavor): NspParser {
  if (!builds) throw new Error('the MySQL parser is not loaded yet: await the dialect’s load() before parsing');
  parsers[flavor] ??= new builds[flavor].Parser();
  return parsers[flavor];
}

/** node-sql-parser's verdict: undefined when the flavor's mode or the other mode accepts `sql`, else the first message. */
function nspReject(sql: string, flavor: Flavor): string | undefined {
  let first: string | undefined;
  for (const f of flavor === 'mysql' ? (['mysql', 'mariadb'] as const) : (['mariadb', 'mysql'] as const)) {
    const parser = nsp(f); // outside the try: not loaded is a programming error, not a syntax error
    try {
      parser.parse(sql, { database: f });
      return undefined;
    } catch (err) {
      first ??= cleanMessage(err instanceof Error ? err.message : String(err));
    }
  }
  return first;
}

/** node-sql-parser lists every token it expected; keep the part a person reads */
function cleanMessage(m: string): string {
  const found = /but "(.*?)"|but (end of input) found/.exec(m);
  return found ? `unexpected ${found[1] ? `"${found[1]}"` : 'end of input'}` : m.split('\n')[0]!.slice(0, 200);
}

/** Reads one statement's text into `MyAst`; never throws. `offset`: where the error is, in the text. */
export function parseStatementText(text: string, flavor: Flavor): { ast: MyAst; errorOffset?: number } {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (err) {
    if (!(err instanceof LexError)) throw err;
    return { ast: unparsed(firstWords(text), err.message), errorOffset: err.offset };
  }
  const keyword = leadingKeywords(tokens);
  try {
    const { ast, looseSyntax } = readStatement(tokens, text);
    if (looseSyntax) {
      const reject = nspReject(text, flavor);
      if (reject) return { ast: unparsed(keyword, reject) };
    }
    return { ast };
  } catch (err) {
    // hostile input: nesting deep enough to exhaust the stack is not analysed, never a crash
    if (err instanceof RangeError) return { ast: unparsed(keyword, 'the statement is nested too deeply to read') };
    if (!(err instanceof GrammarError)) throw err;
    return { ast: unparsed(keyword, err.message), errorOffset: err.offset };
  }
}

function unparsed(keyword: string, reason: string): UnparsedAst {
  return { type: 'unparsed', keyword, reason };
}

function firstWords(text: string): string {
  return (/^[\s(]*([A-Za-z_]+(?:\s+[A-Za-z_]+)?)/.exec(text)?.[1] ?? '').toUpperCase().replace(/\s+/g, ' ');
}

/** most bad-byte findings per file */
const MAX_BAD_BYTES = 10;

function badBytesOf(migration: Migration, lines: LineIndex, server: string): ParseError[] {
  const at = (offset: number, message: string, help: string): ParseError => ({
    message,
    help,
    offset,
    ...lines.position(offset),
  });
  if (migration.notText)
    return [
      at(
        0,
        `This is not a SQL text file: it looks like ${migration.notText}. There is nothing zerodown can check, and the migration tool would fail on it.`,
        'Remove it from the migrations, or save it as UTF-8 SQL text.',
      ),
    ];
  const out: ParseError[] = [];
  const src = migration.source;
  for (let i = src.indexOf('\0'); i !== -1 && out.length <= MAX_BAD_BYTES; i = src.indexOf('\0', i + 1))
    out.push(
      at(
        i,
        `A NUL byte (0x00) is here: ${server} clients that read SQL as a C string stop at it, silently skipping everything after it.`,
        'Delete the byte. zerodown checked the statements around it, but runs nothing from this file on the shadow.',
      ),
    );
  for (const b of migration.badBytes ?? [])
    out.push(
      at(
        b.offset,
        `Invalid UTF-8 (${b.bytes}) is here: with a utf8mb4 connection ${server} rejects or mangles it (error 1366, incorrect string value); the file was probably saved as Latin-1 or Windows-1252.`,
        'Save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`).',
      ),
    );
  out.sort((a, b) => a.offset - b.offset);
  if (out.length > MAX_BAD_BYTES) out.length = MAX_BAD_BYTES;
  return out;
}

/**
 * Parses one migration into statements. Never throws for bad SQL: a statement no parser reads
 * becomes an `UnparsedAst` statement at its own span (the engine reports it as not analysed).
 */
export function parseMigration(migration: Migration, flavor: Flavor): MyParsedMigration {
  const lines = new LineIndex(migration.source);
  const source = migration.source.replace(/[\0\uFEFF]/g, ' ');
  const ignores = readIgnores(source);
  const bad = badBytesOf(migration, lines, flavor === 'mysql' ? 'MySQL' : 'MariaDB');
  const base = {
    migration,
    ignoreFile: ignores.file,
    ignoreFileRules: ignores.fileRules,
    ...(bad.length ? { error: bad[0]!, badBytes: bad } : {}),
  };
  const statements: MyStatement[] = [];
  const unparsedList: Unparsed[] = [];
  if (migration.notText) return { ...base, statements, unparsed: unparsedList };
  for (const seg of migration.segments ?? [{ start: 0, end: source.length }]) {
    const split = splitMysql(source, seg.start, seg.end);
    for (const raw of split.statements) {
      const text = source.slice(raw.start, raw.end);
      const { ast, errorOffset } = parseStatementText(text, flavor);
      if (ast.type === 'unparsed' && errorOffset !== undefined)
        Object.assign(ast, lines.position(raw.start + errorOffset));
      if (
        ast.type === 'unparsed' &&
        split.unterminated &&
        split.unterminated.offset >= raw.start &&
        split.unterminated.offset < raw.end
      )
        ast.reason = `${split.unterminated.what} is never closed`;
      if (ast.type === 'unparsed') {
        const where = ast.line !== undefined ? ` at line ${ast.line}, column ${ast.column}` : '';
        unparsedList.push({
          index: statements.length,
          message: `${ast.reason}${where}`,
          ddl: isDdlKeyword(ast.keyword),
        });
      }
      const a = lines.position(raw.start);
      const b = lines.position(Math.max(raw.start, raw.end - 1));
      const ig = ignores.forLine(a.line);
      statements.push({
        index: statements.length,
        kind: KIND_OF[ast.type],
        ast,
        text,
        span: {
          line: a.line,
          column: a.column,
          endLine: b.line,
          endColumn: b.column + 1,
          offset: raw.start,
          endOffset: raw.end,
        },
        ignored: ig.rules,
        ignoreAll: ig.all,
      });
    }
  }
  return { ...base, statements, unparsed: unparsedList };
}

/** DDL changes the schema (and may lock or rewrite a table): not reading it is an error, not a warning */
export function isDdlKeyword(keyword: string): boolean {
  return /^(ALTER|CREATE|DROP|RENAME|TRUNCATE)\b/.test(keyword);
}

/** Parses a standalone SQL string (plan phases, tests). Throws when a statement does not parse. */
export function parseSql(sql: string, flavor: Flavor = 'mysql'): MyStatement[] {
  const m: Migration = {
    path: '<sql>',
    absPath: '<sql>',
    source: sql,
    dialect: flavor,
    framework: 'plain',
    transaction: 'none',
    review: true,
  };
  const parsed = parseMigration(m, flavor);
  const bad = parsed.statements.find((s) => s.ast.type === 'unparsed');
  if (bad && bad.ast.type === 'unparsed')
    throw new Error(`${bad.ast.reason} at line ${bad.span.line}, column ${bad.span.column}`);
  return parsed.statements;
}
