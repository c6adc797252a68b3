/**
 * PostgreSQL parsing with libpg-query (the real PostgreSQL parser compiled to
 * WebAssembly). One module instance is loaded per process and re-used.
 *
 * zerodown talks to libpg-query's Emscripten module directly rather than
 * through its `parseSync`: the SQL is written into WebAssembly memory with
 * `TextEncoder.encodeInto` into one re-used buffer, and the JSON parse tree is
 * read back with a native NUL search and a single decode. That halves the cost
 * of moving strings across the boundary, which on a large migration corpus is
 * a sizeable share of the whole run.
 *
 * Positions: libpg-query reports statement locations in UTF-8 bytes and error
 * cursors in characters (Unicode code points); zerodown's spans are UTF-16
 * offsets (JavaScript string indexes), converted here.
 */
import factory, { type PgQueryWasm } from 'libpg-query/wasm/libpg-query.js';
import type { ParseResult, ScanResult } from 'libpg-query';
import type { Migration, ParseError } from '../../model.js';
import type { PgParsedMigration as ParsedMigration, PgStatement as Statement } from './statement.js';
import { LineIndex, skipTrivia, trimEnd } from '../../parse/source.js';
import { readIgnores } from '../../parse/ignores.js';
import { splitSql } from '../../discover/sqlsplit.js';
import { KEPT_PIECES, Piece, type PieceBlock, PieceStatement, statementList } from './pieces.js';

export { KEPT_PIECES, pieceStatementsBuilt, piecesReparsed } from './pieces.js';

let wasm: PgQueryWasm | undefined;
let loading: Promise<void> | undefined;

/** Loads the WebAssembly parser once; every parse function needs this to have resolved. Safe to call many times. */
export function loadParser(): Promise<void> {
  loading ??= factory().then((m) => {
    wasm = m;
  });
  return loading;
}

function module(): PgQueryWasm {
  if (!wasm) throw new Error('zerodown: the PostgreSQL parser is not loaded; await loadParser() first');
  return wasm;
}

/** A statement as libpg-query returns it (offsets in UTF-8 bytes; a 0 location or missing length is omitted). */
export interface RawStmt {
  stmt?: Record<string, unknown>;
  stmt_location?: number;
  stmt_len?: number;
}

/** PostgreSQL rejected the text. `cursor` is a 0-based UTF-16 offset into the parsed text. */
export class SqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly cursor: number,
  ) {
    super(message);
    this.name = 'SqlSyntaxError';
  }
}

export interface JsonParse {
  /** the parse tree as libpg-query's JSON text: `{"version":…,"stmts":[…]}` */
  json: string;
  /** true when the text is pure ASCII, so byte offsets equal string offsets */
  ascii: boolean;
}

// One input buffer in WebAssembly memory, grown on demand and never freed.
let inPtr = 0;
let inCap = 0;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function i32(heap: Uint8Array, p: number): number {
  return heap[p]! | (heap[p + 1]! << 8) | (heap[p + 2]! << 16) | (heap[p + 3]! << 24);
}

/** Writes `text` as NUL-terminated UTF-8 into the input buffer; returns the number of bytes. */
function writeInput(m: PgQueryWasm, text: string): number {
  const need = text.length * 3 + 1; // a UTF-16 code unit is at most 3 UTF-8 bytes
  if (need > inCap) {
    if (inPtr) m._free(inPtr);
    inCap = Math.max(need, 1 << 16);
    inPtr = m._malloc(inCap);
    if (!inPtr) throw new Error('zerodown: out of WebAssembly memory for the parser input');
  }
  const heap = m.HEAPU8;
  const { written } = encoder.encodeInto(text, heap.subarray(inPtr, inPtr + inCap - 1));
  heap[inPtr + written] = 0;
  return written;
}

function readString(heap: Uint8Array, ptr: number, ascii: boolean): string {
  const end = heap.indexOf(0, ptr);
  const bytes = heap.subarray(ptr, end < 0 ? heap.length : end);
  return ascii ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1') : decoder.decode(bytes);
}

/**
 * Parses SQL and returns libpg-query's JSON text without building objects.
 * Throws `SqlSyntaxError` when PostgreSQL rejects the text.
 */
export function parseToJson(text: string): JsonParse {
  const m = module();
  const bytes = writeInput(m, text);
  const ascii = bytes === text.length;
  const result = m._wasm_parse_query_raw(inPtr);
  if (!result) throw new Error('zerodown: the PostgreSQL parser ran out of memory');
  try {
    const heap = m.HEAPU8; // re-read: parsing may have grown memory
    const tree = i32(heap, result);
    const error = i32(heap, result + 8);
    if (error) {
      const msgPtr = i32(heap, error);
      const cursorpos = i32(heap, error + 16); // 1-based, in characters; 0 when unknown
      const message = msgPtr ? readString(heap, msgPtr, false) : 'syntax error';
      throw new SqlSyntaxError(message, codePointToIndex(text, cursorpos > 0 ? cursorpos - 1 : 0));
    }
    if (!tree) return { json: '{"stmts":[]}', ascii };
    return { json: readString(heap, tree, ascii), ascii };
  } finally {
    m._wasm_free_parse_result(result);
  }
}

/** Parses SQL into libpg-query's statement list. Throws `SqlSyntaxError`. */
export function parseRaw(text: string): { stmts: RawStmt[]; ascii: boolean } {
  const { json, ascii } = parseToJson(text);
  return { stmts: (JSON.parse(json) as { stmts?: RawStmt[] }).stmts ?? [], ascii };
}

/**
 * Parses the body of a PL/pgSQL function: `text` is a whole `CREATE FUNCTION …
 * LANGUAGE plpgsql` statement. Returns libpg-query's PL/pgSQL tree (one entry per
 * function). Throws when the body does not parse. Uses the same module instance
 * as statement parsing, so rules never need to load libpg-query themselves.
 */
export function parsePlpgsql(text: string): unknown[] {
  const m = module();
  writeInput(m, text);
  const ptr = m._wasm_parse_plpgsql(inPtr);
  try {
    const s = readString(m.HEAPU8, ptr, false);
    if (!s.startsWith('{') && !s.startsWith('[')) throw new Error(s);
    const parsed = JSON.parse(s) as unknown;
    return Array.isArray(parsed) ? parsed : ((parsed as { plpgsql_funcs?: unknown[] }).plpgsql_funcs ?? [parsed]);
  } finally {
    if (ptr) m._wasm_free_string(ptr);
  }
}

/**
 * Drop-in for libpg-query's `parseSync`, on zerodown's one module instance
 * (importing `libpg-query` itself would load and compile a second copy of the
 * WebAssembly parser). Throws `SqlSyntaxError`. Await `loadParser()` first.
 */
export function parseSync(sql: string): ParseResult {
  return JSON.parse(parseToJson(sql).json) as ParseResult;
}

/** Drop-in for libpg-query's `scanSync` (token offsets in UTF-8 bytes), on zerodown's module instance. */
export function scanSync(sql: string): ScanResult {
  const m = module();
  writeInput(m, sql);
  const ptr = m._wasm_scan(inPtr);
  try {
    const s = readString(m.HEAPU8, ptr, false);
    if (!s.startsWith('{')) throw new Error(s);
    // libpg-query escapes \n, \r and \t in token text but leaves other control characters (\f, \v, …) raw,
    // which JSON forbids: a quoted identifier holding one made every scan of its statement throw
    return JSON.parse(
      s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    ) as ScanResult;
  } finally {
    if (ptr) m._wasm_free_string(ptr);
  }
}

/** Drop-in for libpg-query's `parsePlPgSQLSync` (a whole `CREATE FUNCTION … LANGUAGE plpgsql`), on zerodown's module instance. */
export function parsePlPgSQLSync(sql: string): ParseResult {
  const m = module();
  writeInput(m, sql);
  const ptr = m._wasm_parse_plpgsql(inPtr);
  try {
    const s = readString(m.HEAPU8, ptr, false);
    if (!s.startsWith('{')) throw new Error(s);
    return JSON.parse(s) as ParseResult;
  } finally {
    if (ptr) m._wasm_free_string(ptr);
  }
}

/** 0-based code point offset → UTF-16 offset. */
export function codePointToIndex(text: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

/**
 * Maps increasing UTF-8 byte offsets to UTF-16 offsets by walking the text
 * forward once (statement locations arrive in order). Going backwards restarts.
 */
export function byteOffsetMapper(text: string, ascii: boolean): (byte: number) => number {
  if (ascii) return (b) => Math.min(b, text.length);
  let byte = 0;
  let idx = 0;
  return (target) => {
    if (target < byte) {
      byte = 0;
      idx = 0;
    }
    while (byte < target && idx < text.length) {
      const c = text.charCodeAt(idx);
      if (c < 0x80) {
        byte += 1;
        idx += 1;
      } else if (c < 0x800) {
        byte += 2;
        idx += 1;
      } else if (c >= 0xd800 && c <= 0xdbff && idx + 1 < text.length) {
        byte += 4;
        idx += 2;
      } else {
        byte += 3;
        idx += 1;
      }
    }
    return idx;
  };
}

/** A byte order mark is not whitespace to PostgreSQL; editors on Windows still write one. */
function withoutBom(text: string): string {
  return text.includes('\uFEFF') ? text.replace(/\uFEFF/g, ' ') : text;
}

/** most bad-byte findings per file: the last one says how many more there are */
const MAX_BAD_BYTES = 10;

/**
 * What PostgreSQL would reject before parsing: NUL bytes (the parser, a C program, would
 * silently stop at the first one), invalid UTF-8 (discovery read it as U+FFFD), a file
 * that is not text. In file order, at most MAX_BAD_BYTES.
 */
function badBytesOf(migration: Migration, lines: LineIndex): ParseError[] {
  const at = (offset: number, message: string, help: string): ParseError => ({
    message,
    help,
    code: '22021', // character_not_in_repertoire: "invalid byte sequence for encoding"
    offset,
    ...lines.position(offset),
  });
  if (migration.notText) {
    const utf16 = migration.notText.startsWith('UTF-16');
    return [
      at(
        0,
        `This is not a SQL text file: it looks like ${migration.notText}. There is nothing zerodown can check, and the migration tool would fail on it.`,
        utf16
          ? 'Save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`).'
          : 'Remove it from the migrations, or rename it so that it does not end in .sql.',
      ),
    ];
  }
  const out: ParseError[] = [];
  const src = migration.source;
  for (let i = src.indexOf('\0'); i !== -1; i = src.indexOf('\0', i + 1)) {
    out.push(
      at(
        i,
        'A NUL byte (0x00) is here: PostgreSQL rejects it (invalid byte sequence for encoding "UTF8": 0x00), and tools that read SQL as a C string stop at it, silently skipping everything after it.',
        'Delete the byte (shown as \\x00). zerodown checked the statements around it, but runs nothing from this file on the shadow.',
      ),
    );
  }
  for (const b of migration.badBytes ?? []) {
    out.push(
      at(
        b.offset,
        `Invalid UTF-8 (${b.bytes}) is here: PostgreSQL rejects the file (invalid byte sequence for encoding "UTF8"); it was probably saved as Latin-1 or Windows-1252.`,
        'Save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`). zerodown read the bytes as U+FFFD and checked the statements, but runs nothing from this file on the shadow.',
      ),
    );
  }
  out.sort((a, b) => a.offset - b.offset);
  if (out.length > MAX_BAD_BYTES) {
    const more = out.length - MAX_BAD_BYTES;
    out.length = MAX_BAD_BYTES;
    const last = out[MAX_BAD_BYTES - 1]!;
    last.message += ` ${more} more bad byte${more === 1 ? '' : 's'} after this one ${more === 1 ? 'is' : 'are'} not listed.`;
  }
  return out;
}

/**
 * Segments longer than this many characters are parsed a piece at a time (pieces of about this
 * size, cut between statements): libpg-query's JSON for a 20 MB data migration is several times
 * the size of the SQL, and held all at once it alone costs hundreds of megabytes.
 */
export const PARSE_PIECE_CHARS = pieceCharsFromEnv() ?? 1 << 20;

/**
 * `ZERODOWN_PARSE_PIECE_CHARS`: a smaller piece size, so that the parity check
 * (scripts/lint-diff.mjs) sends every file of a corpus through the pieced, re-parsing path.
 */
function pieceCharsFromEnv(): number | undefined {
  const v = Number(process.env.ZERODOWN_PARSE_PIECE_CHARS);
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

/**
 * Parses one migration. Never throws for bad SQL: a parse failure is returned
 * as `error` with the parser's line and column (the first failing segment; the
 * file then has no statements). Bad bytes (see `badBytesOf`) are returned as
 * `badBytes`, the first also as `error`; the parser sees each NUL as a space, so
 * the statements around it are still parsed at their exact positions.
 */
export function parseMigration(
  migration: Migration,
  lines = new LineIndex(migration.source),
  pieceChars = PARSE_PIECE_CHARS,
): ParsedMigration {
  const source = migration.source.includes('\0') ? migration.source.replace(/\0/g, ' ') : migration.source;
  const segments = migration.segments ?? [{ start: 0, end: source.length }];
  const statements: Statement[] = [];
  const ignores = readIgnores(source);
  const bad = badBytesOf(migration, lines);
  const badBytes = bad.length ? { error: bad[0]!, badBytes: bad } : {};
  if (migration.notText)
    return { migration, statements, ...badBytes, ignoreFile: ignores.file, ignoreFileRules: ignores.fileRules };
  const spanOf = (offset: number, endOffset: number): Statement['span'] => {
    const a = lines.position(offset);
    const b = lines.position(Math.max(offset, endOffset - 1));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column + 1, offset, endOffset };
  };
  /** the statements of pieced segments, built into objects only when read (`statementList`) */
  const blocks: PieceBlock[] = [];
  const kinds: string[] = [];
  const kindIds = new Map<string, number>();
  let count = 0;
  /** adds the statements of `text`, the part of the file from character `base` on */
  const add = (text: string, base: number, raw: { stmts: RawStmt[]; ascii: boolean }) => {
    locate(text, base, raw, (kind, offset, endOffset, ast, at) => {
      if (ast && typeof ast === 'object') treeBase.set(ast, at);
      const span = spanOf(offset, endOffset);
      const ig = ignores.forLine(span.line);
      statements.push({
        index: count++,
        kind,
        ast,
        text: source.slice(offset, endOffset),
        span,
        ignored: ig.rules,
        ignoreAll: ig.all,
      });
    });
  };
  const addBlock = (block: PieceBlock) => {
    block.first = count;
    count += block.kinds.length;
    blocks.push(block);
  };
  const kindId = (kind: string) => {
    let id = kindIds.get(kind);
    if (id === undefined) {
      id = kinds.push(kind) - 1;
      kindIds.set(kind, id);
    }
    return id;
  };
  /** a piece's statement objects, built exactly as `add` would, their trees read from the piece */
  const build = (block: PieceBlock): Statement[] => {
    const out: Statement[] = [];
    for (let slot = 0; slot < block.kinds.length; slot++) {
      const offset = block.starts[slot]!;
      const endOffset = block.ends[slot]!;
      const span = spanOf(offset, endOffset);
      const ig = ignores.forLine(span.line);
      out.push(
        new PieceStatement(
          block.first + slot,
          kinds[block.kinds[slot]!]!,
          source.slice(offset, endOffset),
          span,
          ig.rules,
          ig.all,
          block.piece,
          slot,
        ),
      );
    }
    return out;
  };
  for (const seg of segments) {
    const text = withoutBom(source.slice(seg.start, seg.end));
    // only comments and whitespace (a `/*` still goes to the parser: an unterminated one is an error, not trivia)
    if (skipTrivia(text, 0) >= text.length && !text.includes('/*')) continue;
    if (text.length > pieceChars) {
      const pieced = blocksOf(text, seg.start, pieceChars, kindId);
      if (pieced) {
        for (const b of pieced) addBlock(b);
        continue;
      }
    }
    let raw: { stmts: RawStmt[]; ascii: boolean };
    try {
      raw = parseRaw(text);
    } catch (err) {
      if (!(err instanceof SqlSyntaxError)) throw err;
      const offset = seg.start + Math.min(err.cursor, text.length);
      const { line, column } = lines.position(offset);
      const error: ParseError = { message: err.message, line, column, offset };
      return {
        migration,
        statements: [],
        ...badBytes,
        error,
        ignoreFile: ignores.file,
        ignoreFileRules: ignores.fileRules,
      };
    }
    add(text, seg.start, raw);
  }
  // a file with no pieced segment keeps its plain array: the common path pays nothing for the pieced one
  const all = blocks.length ? statementList(statements, blocks, count, build) : statements;
  return { migration, statements: all, ...badBytes, ignoreFile: ignores.file, ignoreFileRules: ignores.fileRules };
}

/**
 * Where each statement of `text` (the part of the file from character `base` on) starts and ends in
 * the file, with its kind and tree, in order: the one place statement boundaries are worked out, for
 * whole segments and pieces alike.
 */
function locate(
  text: string,
  base: number,
  raw: { stmts: RawStmt[]; ascii: boolean },
  each: (kind: string, offset: number, endOffset: number, ast: unknown, byteStart: number) => void,
): void {
  const toChar = byteOffsetMapper(text, raw.ascii);
  for (const stmt of raw.stmts) {
    if (!stmt.stmt) continue;
    const kind = Object.keys(stmt.stmt)[0]!;
    const byteStart = stmt.stmt_location ?? 0;
    const rawStart = toChar(byteStart);
    const rawEnd = stmt.stmt_len ? toChar(byteStart + stmt.stmt_len) : text.length;
    const start = skipTrivia(text, rawStart, rawEnd);
    const end = trimEnd(text, start, rawEnd);
    // where the statement's text starts in the parsed text, in bytes (its tree's locations count from there)
    const at = raw.ascii ? start : byteStart + Buffer.byteLength(text.slice(rawStart, start), 'utf8');
    each(kind, base + start, base + end, stmt.stmt[kind], at);
  }
}

/** A statement tree → the byte offset its `location` fields count from, relative to its statement's text. */
const treeBase = new WeakMap<object, number>();

/**
 * The UTF-8 byte offset of `stmt.text` in the text the parser read, which the `location` fields of its tree count
 * from (so `location - treeOffset` is a byte offset into `stmt.text`); undefined when the tree came from elsewhere
 * (a piece parsed again, a tree built by hand).
 */
export function treeOffset(ast: unknown): number | undefined {
  return ast && typeof ast === 'object' ? treeBase.get(ast) : undefined;
}

/**
 * Parses a long segment in pieces of about `pieceChars`, cut where discovery's splitter (which
 * agrees with PostgreSQL on statement boundaries) says a statement starts. All or nothing: when a
 * piece does not parse, this returns undefined and the caller parses the segment whole, so a syntax
 * error is reported exactly as before.
 *
 * Memory: of each piece only where its statements are is kept (`PieceBlock`, 10 bytes a
 * statement); the statement objects are built when read, and their trees parsed again from the
 * piece when it is no longer among the last `KEPT_PIECES` read (`PieceStatement`). The lint engine,
 * the planner and the dry run walk a file in order, so each piece is parsed about twice in all, and
 * what a file holds besides its text is a few pieces' statements and trees, however many statements
 * it has (a 20 MB data migration kept ~175 MB of trees, then ~300 bytes a statement, before).
 */
function blocksOf(
  text: string,
  base: number,
  pieceChars: number,
  kindId: (kind: string) => number,
): PieceBlock[] | undefined {
  const cuts = [0];
  for (const r of splitSql(text)) if (r.start - cuts[cuts.length - 1]! >= pieceChars) cuts.push(r.start);
  if (cuts.length < 2) return undefined;
  cuts.push(text.length);
  const blocks: PieceBlock[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const pieceText = text.slice(cuts[i], cuts[i + 1]);
    let raw: { stmts: RawStmt[]; ascii: boolean };
    try {
      raw = parseRaw(pieceText);
    } catch (err) {
      if (err instanceof SqlSyntaxError) return undefined;
      throw err;
    }
    const piece = new Piece(pieceText, (t) => parseRaw(t).stmts);
    let n = 0;
    for (const s of raw.stmts) if (s.stmt) n++;
    const block: PieceBlock = {
      piece,
      first: 0,
      kinds: new Uint16Array(n),
      starts: new Int32Array(n),
      ends: new Int32Array(n),
    };
    let slot = 0;
    locate(pieceText, base + cuts[i]!, raw, (kind, offset, endOffset) => {
      block.kinds[slot] = kindId(kind);
      block.starts[slot] = offset;
      block.ends[slot++] = endOffset;
    });
    // the first pieces are the ones a walk reads first
    if (i < KEPT_PIECES) piece.keep(raw.stmts);
    blocks.push(block);
  }
  return blocks;
}

/** Parses a standalone SQL string (plan phases, tests). Throws on a syntax error. Await `loadParser()` first. */
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
