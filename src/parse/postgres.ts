/**
 * PostgreSQL parsing with libpg-query (the real PostgreSQL parser compiled to
 * WebAssembly). One module instance is loaded per process and re-used.
 */
import { loadModule, parseSync } from 'libpg-query';
import type { Migration, ParsedMigration, ParseError, Statement } from '../model.js';
import { LineIndex, byteToCharMapper, skipTrivia, trimEnd } from './source.js';
import { readIgnores } from './ignores.js';

let loaded: Promise<void> | undefined;

/** Loads the WebAssembly parser once; every parse function awaits this first. */
export function loadParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

interface RawStmt {
  stmt?: Record<string, unknown>;
  stmt_location?: number;
  stmt_len?: number;
}

/**
 * Parses one migration. Never throws for bad SQL: a parse failure is returned
 * as `error` with the parser's line and column.
 */
export function parseMigration(migration: Migration, lines = new LineIndex(migration.source)): ParsedMigration {
  const source = migration.source;
  const segments = migration.segments ?? [{ start: 0, end: source.length }];
  const statements: Statement[] = [];
  const ignores = readIgnores(source);
  for (const seg of segments) {
    const text = source.slice(seg.start, seg.end);
    if (skipTrivia(text, 0) >= text.length) continue; // only comments
    let stmts: RawStmt[];
    try {
      stmts = (parseSync(text) as { stmts?: RawStmt[] }).stmts ?? [];
    } catch (err) {
      return { migration, statements: [], error: toParseError(err, text, seg.start, lines), ignoreFile: ignores.file, ignoreFileRules: ignores.fileRules };
    }
    const toChar = byteToCharMapper(text);
    for (const raw of stmts) {
      if (!raw.stmt) continue;
      const kind = Object.keys(raw.stmt)[0]!;
      const byteStart = raw.stmt_location ?? 0;
      const rawStart = toChar(byteStart);
      const rawEnd = raw.stmt_len ? toChar(byteStart + raw.stmt_len) : text.length;
      const start = skipTrivia(text, rawStart, rawEnd);
      const end = trimEnd(text, start, rawEnd);
      const offset = seg.start + start;
      const endOffset = seg.start + end;
      const a = lines.position(offset);
      const b = lines.position(Math.max(offset, endOffset - 1));
      const ig = ignores.forLine(a.line);
      statements.push({
        index: statements.length,
        kind,
        node: raw.stmt as Statement['node'],
        ast: raw.stmt[kind],
        text: source.slice(offset, endOffset),
        span: { line: a.line, column: a.column, endLine: b.line, endColumn: b.column + 1, offset, endOffset },
        ignored: ig.rules,
        ignoreAll: ig.all,
      });
    }
  }
  return { migration, statements, ignoreFile: ignores.file, ignoreFileRules: ignores.fileRules };
}

function toParseError(err: unknown, text: string, base: number, lines: LineIndex): ParseError {
  const e = err as { message?: string; sqlDetails?: { cursorPosition?: number; message?: string } };
  const message = e.sqlDetails?.message ?? e.message ?? String(err);
  // cursorPosition is a 0-based character offset into the parsed text.
  const cursor = Math.min(Math.max(e.sqlDetails?.cursorPosition ?? 0, 0), text.length);
  const offset = base + cursor;
  const { line, column } = lines.position(offset);
  return { message, line, column, offset };
}

/** Parses a standalone SQL string (plan phases, tests). Throws on a syntax error. */
export function parseSql(sql: string): Statement[] {
  const m: Migration = {
    path: '<sql>',
    absPath: '<sql>',
    source: sql,
    dialect: 'postgres',
    framework: 'plain',
    transaction: 'none',
    review: true,
  };
  const parsed = parseMigration(m);
  if (parsed.error) {
    throw new Error(`${parsed.error.message} at line ${parsed.error.line}, column ${parsed.error.column}`);
  }
  return parsed.statements;
}
