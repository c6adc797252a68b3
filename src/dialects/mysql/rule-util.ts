/**
 * What several MySQL/MariaDB rules (rules/mysql/*.ts) share: naming tables the way the catalog keys
 * them, telling what this migration file created or added, and the server versions in words. A rule
 * never imports another rule; logic two rules share lives here.
 */
import type { OnlineDdl } from '../../model.js';
import type {
  AlterOp,
  AlterTableAst,
  ColumnDef,
  ColumnType,
  CreateIndexAst,
  MyAst,
  MyStatement,
  MyTable,
  ServerVersion,
  TableName,
} from './ast.js';
import { predictAlter, predictCreateIndex } from './online/predict.js';

/** The relation key rules hand to `ctx.table`/`ctx.isNewTable`: `schema.table` or `table`, lower case. */
export function relKey(t: TableName): string {
  return (t.schema ? `${t.schema}.${t.name}` : t.name).toLowerCase();
}

/** A table as messages show it: `` `schema.table` `` without the backticks doubled. */
export function showTable(t: TableName): string {
  return t.schema ? `${t.schema}.${t.name}` : t.name;
}

/** `` `a`, `b` `` */
export function list(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Two table names denote the same table (an unqualified name matches any schema's table of that name). */
export function sameTable(a: TableName, b: TableName): boolean {
  if (!same(a.name, b.name)) return false;
  return !a.schema || !b.schema || same(a.schema, b.schema);
}

/** The statement's AST narrowed to one type, or undefined. */
export function astOf<T extends MyAst['type']>(stmt: MyStatement, type: T): Extract<MyAst, { type: T }> | undefined {
  return stmt.ast.type === type ? (stmt.ast as Extract<MyAst, { type: T }>) : undefined;
}

/** The statements of the file before `stmt`. */
export function before(statements: readonly MyStatement[], stmt: MyStatement): readonly MyStatement[] {
  return statements.slice(0, stmt.index);
}

/**
 * True when `table` was created by a statement of this file before `stmt` (CREATE TABLE, also
 * `CREATE TABLE … LIKE` and `… AS SELECT`, and a RENAME of such a table): it is new, so empty or
 * at least unknown to the running code. The catalog says the same for what it replays
 * (`ctx.isNewTable`); this also covers tables the catalog could not replay.
 */
export function createdInFile(statements: readonly MyStatement[], stmt: MyStatement, table: TableName): boolean {
  let created = false;
  for (const s of before(statements, stmt)) {
    const a = s.ast;
    if (a.type === 'create_table' && sameTable(a.table, table)) created = true;
    else if (a.type === 'drop_table' && a.tables.some((t) => sameTable(t, table))) created = false;
    else if (a.type === 'rename_table') {
      for (const p of a.pairs) {
        if (sameTable(p.to, table)) created = createdInFile(statements, s, p.from);
        else if (sameTable(p.from, table)) created = false;
      }
    } else if (a.type === 'alter_table') {
      for (const op of a.ops) {
        if (op.op !== 'renameTable') continue;
        if (sameTable(op.to, table)) created = createdInFile(statements, s, a.table);
        else if (sameTable(a.table, table)) created = false;
      }
    }
  }
  return created;
}

/** The part of a rule context these helpers read. */
export interface NewTableContext {
  statements: readonly MyStatement[];
  isNewTable(rel: string): boolean;
}

/** The table is new in this file (created here: empty, and no running code uses it yet). */
export function isNew(ctx: NewTableContext, stmt: MyStatement, table: TableName): boolean {
  return ctx.isNewTable(relKey(table)) || createdInFile(ctx.statements, stmt, table);
}

/**
 * The ALTER TABLE a rule checks: `stmt` when it alters a table that existed before this file (a table
 * this migration creates has no rows and no readers yet), with the table's catalog key and its name
 * as messages show it. `undefined` for anything else.
 */
export function alterOfExisting(
  stmt: MyStatement,
  ctx: NewTableContext,
): { ast: AlterTableAst; key: string; t: string } | undefined {
  const ast = stmt.ast;
  if (ast.type !== 'alter_table' || isNew(ctx, stmt, ast.table)) return undefined;
  return { ast, key: relKey(ast.table), t: showTable(ast.table) };
}

/** The ADD COLUMN definition of `column` on `table` in a statement of this file before `stmt`, with its statement. */
export function addedEarlier(
  statements: readonly MyStatement[],
  stmt: MyStatement,
  table: TableName,
  column: string,
): { stmt: MyStatement; column: ColumnDef } | undefined {
  let found: { stmt: MyStatement; column: ColumnDef } | undefined;
  for (const s of before(statements, stmt)) {
    const a = astOf(s, 'alter_table');
    if (!a || !sameTable(a.table, table)) continue;
    for (const op of a.ops) {
      if (op.op === 'addColumn' && same(op.column.name, column)) found = { stmt: s, column: op.column };
      else if (op.op === 'dropColumn' && same(op.name, column)) found = undefined;
    }
  }
  return found;
}

/** The ops of an ALTER TABLE of a given kind. */
export function opsOf<K extends AlterOp['op']>(ast: AlterTableAst, op: K): Extract<AlterOp, { op: K }>[] {
  return ast.ops.filter((o): o is Extract<AlterOp, { op: K }> => o.op === op);
}

/** `MySQL 8.0.35` / `MariaDB 10.11` */
export function serverText(v: ServerVersion): string {
  const name = v.flavor === 'mariadb' ? 'MariaDB' : 'MySQL';
  return `${name} ${v.major}.${v.minor}${v.flavor === 'mysql' && v.patch ? `.${v.patch}` : ''}`;
}

/** The server is at least `major.minor[.patch]` (the dialect's own comparison). */
export { atLeast } from './version.js';

/**
 * Bytes per character of a charset (its maximum), for the 255-byte VARCHAR length-prefix boundary;
 * undefined for a charset we do not know. MySQL 8.0 reference manual 10.10 "Supported Character
 * Sets and Collations" (maxlen column).
 */
export function bytesPerChar(charset: string | undefined): number | undefined {
  if (!charset) return undefined;
  const cs = charset.toLowerCase();
  if (cs === 'utf8mb4' || cs === 'utf16' || cs === 'utf16le' || cs === 'utf32' || cs === 'gb18030') return 4;
  if (cs === 'utf8' || cs === 'utf8mb3' || cs === 'ujis' || cs === 'eucjpms') return 3;
  if (
    cs === 'ucs2' ||
    cs === 'big5' ||
    cs === 'gbk' ||
    cs === 'gb2312' ||
    cs === 'sjis' ||
    cs === 'cp932' ||
    cs === 'euckr'
  )
    return 2;
  if (
    cs === 'binary' ||
    /^(latin\d|ascii|cp12\d\d|cp8\d\d|koi8[ru]|hebrew|greek|tis620|armscii8|swe7|dec8|hp8|keybcs2|macce|macroman|geostd8|cp1250|cp1251|cp1256|cp1257)$/.test(
      cs,
    )
  )
    return 1;
  return undefined;
}

const ALIASES: Record<string, string> = {
  integer: 'int',
  bool: 'tinyint',
  boolean: 'tinyint',
  dec: 'decimal',
  numeric: 'decimal',
  fixed: 'decimal',
  real: 'double',
  'double precision': 'double',
  'character varying': 'varchar',
  character: 'char',
  nvarchar: 'varchar',
  nchar: 'char',
};
const INTEGER = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint']);

/** A type's base name with MySQL's synonyms folded (INTEGER is INT, BOOL is TINYINT, NUMERIC is DECIMAL). */
export function baseType(t: ColumnType): string {
  const n = t.name.toLowerCase();
  return ALIASES[n] ?? n;
}

/**
 * The data type differs (charset, collation, ENUM/SET values and integer display widths aside: other
 * rules and nobody's data care about those).
 */
export function typeDiffers(a: ColumnType, b: ColumnType): boolean {
  const x = baseType(a);
  const y = baseType(b);
  if (x !== y) return true;
  if (!!a.unsigned !== !!b.unsigned) return true;
  if (INTEGER.has(x) || x === 'enum' || x === 'set') return false;
  return (a.args ?? []).join(',') !== (b.args ?? []).join(',');
}

/** A name quoted for SQL shown in a message's help: backticks, a backtick inside doubled. */
export function ident(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A table name quoted for SQL shown in help text. */
export function identTable(t: TableName): string {
  return t.schema ? `${ident(t.schema)}.${ident(t.name)}` : ident(t.name);
}

/** The statement text with string literals, quoted identifiers and comments blanked, for keyword searches. */
export function codeOnly(text: string): string {
  return text.replace(
    /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`|--[^\n]*|#[^\n]*|\/\*(?!!)[\s\S]*?\*\//g,
    ' ',
  );
}

/**
 * The JSON contract's `online` for a finding about this ALTER TABLE / CREATE INDEX: the online
 * prediction (online/predict.ts) for the whole statement on the target server, or undefined when it
 * runs with LOCK=NONE (then no finding may claim a stronger lock).
 */
export function onlineOf(
  ast: AlterTableAst | CreateIndexAst,
  table: MyTable | undefined,
  server: ServerVersion,
): OnlineDdl | undefined {
  const p = ast.type === 'alter_table' ? predictAlter(ast, table, server) : predictCreateIndex(ast, table, server);
  return p.lock === 'NONE' ? undefined : { algorithm: p.algorithm, lock: p.lock, basis: 'predicted' };
}
