/**
 * Type-related helpers for rules: where a statement declares column types, and
 * what `ALTER COLUMN … TYPE` really costs in PostgreSQL.
 *
 * The cost table below was measured on PostgreSQL 15 by comparing
 * `pg_class.relfilenode` of the table and of an index on the column before and
 * after each change (a new relfilenode means the relation was rewritten).
 * See docs/rules/changing-column-type.md for the list.
 */
import { relKey, type Catalog } from './catalog.js';
import { sameType, typeRef, type TypeRef } from './typenames.js';
import type { PgStatement } from './statement.js';
import { parseSync } from './parse.js'; // zerodown's one parser instance, loaded by loadParser() (libpg-query's own loads asynchronously and may not be ready)
import { alterCmds } from './util.js';
import { DEFAULT_PG_VERSION } from './version.js';

/** A place where a statement gives a column a type. */
export interface ColumnSite {
  /** the statement's RangeVar */
  rel: any;
  column: string;
  /** the raw `TypeName` node */
  typeName: any;
  type: TypeRef;
  /** the `ColumnDef` node */
  def: any;
  /** CREATE TABLE column, ADD COLUMN, or ALTER COLUMN … TYPE */
  via: 'create' | 'add' | 'alter';
}

/**
 * Column type declarations of a statement: CREATE TABLE columns, ALTER TABLE
 * ADD COLUMN and ALTER COLUMN … TYPE. Temporary tables are skipped (they never
 * reach production data), as are partitions' `WITH OPTIONS` columns (no type).
 */
export function columnSites(stmt: PgStatement): ColumnSite[] {
  const out: ColumnSite[] = [];
  const ast = stmt.ast;
  if (stmt.kind === 'CreateStmt') {
    if (ast.relation?.relpersistence === 't') return out;
    for (const elt of ast.tableElts ?? []) {
      const def = elt.ColumnDef;
      if (!def?.typeName) continue;
      out.push({
        rel: ast.relation,
        column: def.colname,
        typeName: def.typeName,
        type: typeRef(def.typeName),
        def,
        via: 'create',
      });
    }
  } else if (stmt.kind === 'AlterTableStmt') {
    if (ast.objtype && ast.objtype !== 'OBJECT_TABLE') return out;
    for (const cmd of alterCmds(ast)) {
      const def = cmd.def?.ColumnDef;
      if (!def?.typeName) continue;
      if (cmd.subtype === 'AT_AddColumn') {
        out.push({
          rel: ast.relation,
          column: def.colname,
          typeName: def.typeName,
          type: typeRef(def.typeName),
          def,
          via: 'add',
        });
      } else if (cmd.subtype === 'AT_AlterColumnType') {
        out.push({
          rel: ast.relation,
          column: cmd.name,
          typeName: def.typeName,
          type: typeRef(def.typeName),
          def,
          via: 'alter',
        });
      }
    }
  }
  return out;
}

/**
 * True for the SQL `char`/`character`/`bpchar` type. The quoted single-byte
 * internal type `"char"` is written unqualified as `char` in the AST, while the
 * keyword `char` becomes `pg_catalog.bpchar`, so the raw node tells them apart.
 */
export function isCharType(typeName: any): boolean {
  const n: string[] = (typeName?.names ?? []).map((x: any) => x?.String?.sval);
  const last = n[n.length - 1];
  if (last === 'bpchar') return n.length === 1 || n[0] === 'pg_catalog';
  if (last === 'character') return n.length === 1;
  return false;
}

/** What `ALTER COLUMN … TYPE` costs, cheapest first. */
export type TypeChangeCost =
  /** catalog-only: neither the table nor its indexes are touched */
  | 'none'
  /** no table rewrite, but indexes on the column are rebuilt (different operator class or collation) */
  | 'index'
  /** timestamp ↔ timestamptz: no rewrite only when the session TimeZone is UTC (PG 12+); indexes rebuilt */
  | 'timezone'
  /** the whole table and all its indexes are rewritten */
  | 'rewrite';

const RANK: Record<TypeChangeCost, number> = { none: 0, index: 1, timezone: 2, rewrite: 3 };
export const maxCost = (a: TypeChangeCost, b: TypeChangeCost): TypeChangeCost => (RANK[a] >= RANK[b] ? a : b);

const TIME_TYPES = new Set(['timestamp', 'timestamptz', 'time', 'timetz']);
const STRINGS = new Set(['text', 'varchar']);

/** Length limit of a type modifier list, or undefined when unconstrained. */
const limit = (t: TypeRef): number | undefined => (t.mods.length ? t.mods[0] : undefined);

/** `to` accepts every value of `from` for a length-limited type (varchar, varbit). */
function widens(from: TypeRef, to: TypeRef): boolean {
  const m = limit(to);
  if (m === undefined) return true;
  const n = limit(from);
  return n !== undefined && m >= n;
}

/**
 * The cost of changing a column from `from` to `to` when the USING clause is
 * absent or just re-reads the column. Both types must already be resolved past
 * unconstrained domains (see `resolveDomain`).
 */
export function typeChangeCost(from: TypeRef, to: TypeRef, pgVersion = DEFAULT_PG_VERSION): TypeChangeCost {
  if (sameType(from, to)) return 'none';
  // Measured: even varchar(10)[] → text[] rewrites; only an identical array type is free.
  if (from.arrayDims || to.arrayDims) return 'rewrite';
  const f = from.name;
  const t = to.name;
  // Schema-qualified user types: only citext is known to be binary-compatible with text.
  const fUser = from.schema !== undefined && f !== 'citext';
  const tUser = to.schema !== undefined && t !== 'citext';
  if (fUser || tUser) return 'rewrite';

  if (STRINGS.has(f) && t === 'text') return 'none';
  if (STRINGS.has(f) && t === 'varchar')
    return f === 'text' ? (limit(to) === undefined ? 'none' : 'rewrite') : widens(from, to) ? 'none' : 'rewrite';
  if (f === 'varbit' && t === 'varbit') return widens(from, to) ? 'none' : 'rewrite';
  if (f === 'bit' && t === 'varbit') return limit(to) === undefined ? 'index' : 'rewrite';
  // bpchar without a length does not pad, so relaxing the length is free; anything else pads or trims.
  if (f === 'bpchar' && t === 'bpchar') return limit(to) === undefined ? 'none' : 'rewrite';
  if (STRINGS.has(f) && t === 'bpchar') return limit(to) === undefined ? 'index' : 'rewrite';
  // citext is binary-compatible with text and varchar in both directions, but has its own operator class.
  if ((STRINGS.has(f) && t === 'citext') || (f === 'citext' && t === 'text')) return 'index';
  if (f === 'citext' && t === 'varchar') return limit(to) === undefined ? 'index' : 'rewrite';
  if (f === 'numeric' && t === 'numeric') {
    if (!to.mods.length) return 'none';
    if (!from.mods.length) return 'rewrite';
    const scale = (x: TypeRef) => x.mods[1] ?? 0;
    return scale(from) === scale(to) && to.mods[0]! >= from.mods[0]! ? 'none' : 'rewrite';
  }
  if (f === t && TIME_TYPES.has(f)) return widens(from, to) ? 'none' : 'rewrite';
  // interval typmods also encode the field range; only dropping all of them is known to be free.
  if (f === 'interval' && t === 'interval') return to.mods.length ? 'rewrite' : 'none';
  if ((f === 'timestamp' && t === 'timestamptz') || (f === 'timestamptz' && t === 'timestamp')) {
    if (pgVersion < 12) return 'rewrite';
    return widens(from, to) ? 'timezone' : 'rewrite';
  }
  if (f === 'cidr' && t === 'inet') return 'none';
  if ((f === 'int4' && t === 'oid') || (f === 'oid' && t === 'int4')) return 'index';
  return 'rewrite';
}

/** A domain with no CHECK or NOT NULL constraint is replaced by its base type (PostgreSQL relabels it without a rewrite). */
export function resolveDomain(t: TypeRef, catalog: Catalog): { type: TypeRef; constrainedDomain?: string } {
  if (t.arrayDims) return { type: t };
  const key = `${t.schema ?? 'public'}.${t.name}`;
  const d = catalog.domains.get(key);
  if (!d) return { type: t };
  if (d.hasCheck || d.notNull) return { type: t, constrainedDomain: t.schema ? key : t.name };
  return { type: d.base };
}

/** Smallest `location` found in a node tree (a byte offset), or -1. */
function minLocation(node: any): number {
  let min = Infinity;
  const visit = (n: any): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'location' && typeof v === 'number' && v >= 0) min = Math.min(min, v);
      else visit(v);
    }
  };
  visit(node);
  return min === Infinity ? -1 : min;
}

/**
 * Source text of the USING expression of the `cmdIndex`-th ALTER TABLE
 * command, cut from the statement text (libpg-query has no deparser). The
 * statement is re-parsed on its own so that node locations are offsets into
 * `stmt.text`; the expression runs from after its `USING` keyword to the next
 * top-level comma or the end of the statement.
 */
export function usingText(stmt: PgStatement, cmdIndex: number): string | null {
  let cmd: any;
  try {
    const parsed: any = parseSync(stmt.text);
    cmd = parsed.stmts?.[0]?.stmt?.AlterTableStmt?.cmds?.[cmdIndex]?.AlterTableCmd;
  } catch {
    return null;
  }
  const expr = cmd?.def?.ColumnDef?.raw_default;
  const loc = minLocation(expr);
  if (loc < 0) return null;
  const bytes = Buffer.from(stmt.text, 'utf8');
  const at = bytes.subarray(0, loc).toString('utf8').length;
  const before = stmt.text.slice(0, at);
  const m = /\busing\b(?![\s\S]*\busing\b)/i.exec(before);
  let i = m ? m.index + m[0].length : at;
  const start = i;
  let depth = 0;
  const text = stmt.text;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) break;
  }
  const out = text.slice(start, i).trim();
  return out || null;
}

/**
 * When a USING expression only re-reads the column, possibly through casts
 * (`USING col`, `USING col::text`, `USING (col)::varchar(20)`), returns the
 * cast types innermost first; PostgreSQL then judges the rewrite from those
 * casts alone. Returns null when the expression computes new values.
 */
export function usingCasts(expr: any, column: string): TypeRef[] | null {
  const casts: TypeRef[] = [];
  let n = expr;
  while (n?.TypeCast) {
    casts.unshift(typeRef(n.TypeCast.typeName));
    n = n.TypeCast.arg;
  }
  const fields: any[] = n?.ColumnRef?.fields ?? [];
  const last = fields[fields.length - 1]?.String?.sval;
  return last === column ? casts : null;
}

/** True when an expression tree references a column by name. */
export function mentionsColumn(expr: any, column: string): boolean {
  let found = false;
  const visit = (n: any): void => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'ColumnRef') {
        const fields: any[] = (v as any).fields ?? [];
        if (fields[fields.length - 1]?.String?.sval === column) found = true;
      } else visit(v);
    }
  };
  visit(expr);
  return found;
}

/** A foreign-key column paired with the column it references, with both types when known. */
export interface ForeignKeyPair {
  /** the referencing table's RangeVar */
  rel: any;
  column: string;
  type?: TypeRef;
  /** the referenced table's RangeVar */
  refRel: any;
  refColumn: string;
  refType?: TypeRef;
}

interface Lookup {
  column(rel: any, column: string): { type: TypeRef } | undefined;
  table(rel: any): { constraints: Map<string, { type: string; columns: string[] }> } | undefined;
}

const sameRel = (a: any, b: any) => relKey(a) === relKey(b);

/**
 * Foreign keys declared by a statement (inline REFERENCES, table-level FOREIGN
 * KEY in CREATE TABLE, ALTER TABLE … ADD [COLUMN … REFERENCES | CONSTRAINT …
 * FOREIGN KEY]), one entry per column pair. Types come from the statement's own
 * column definitions first, then from the replayed catalog.
 */
export function foreignKeyPairs(stmt: PgStatement, ctx: Lookup): ForeignKeyPair[] {
  const ast = stmt.ast;
  const rel = stmt.kind === 'CreateStmt' || stmt.kind === 'AlterTableStmt' ? ast.relation : undefined;
  if (!rel) return [];
  const own = new Map<string, TypeRef>();
  let ownPk: string[] = [];
  const fks: { con: any; inline?: string }[] = [];
  const collectDef = (def: any) => {
    if (def?.typeName) own.set(def.colname, typeRef(def.typeName));
    for (const c of def?.constraints ?? []) {
      const con = c.Constraint;
      if (con?.contype === 'CONSTR_FOREIGN') fks.push({ con, inline: def.colname });
      if (con?.contype === 'CONSTR_PRIMARY') ownPk = [def.colname];
    }
  };
  if (stmt.kind === 'CreateStmt') {
    for (const elt of ast.tableElts ?? []) {
      if (elt.ColumnDef) collectDef(elt.ColumnDef);
      const con = elt.Constraint;
      if (con?.contype === 'CONSTR_FOREIGN') fks.push({ con });
      if (con?.contype === 'CONSTR_PRIMARY') ownPk = (con.keys ?? []).map((k: any) => k.String?.sval);
    }
  } else {
    if (ast.objtype && ast.objtype !== 'OBJECT_TABLE') return [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype === 'AT_AddColumn') collectDef(cmd.def?.ColumnDef);
      const con = cmd.def?.Constraint;
      if (cmd.subtype === 'AT_AddConstraint' && con?.contype === 'CONSTR_FOREIGN') fks.push({ con });
    }
  }
  const out: ForeignKeyPair[] = [];
  for (const { con, inline } of fks) {
    const refRel = con.pktable;
    const self = sameRel(refRel, rel);
    const local: string[] = inline ? [inline] : (con.fk_attrs ?? []).map((k: any) => k.String?.sval);
    let refs: string[] = (con.pk_attrs ?? []).map((k: any) => k.String?.sval);
    if (!refs.length) {
      if (self && ownPk.length) refs = ownPk;
      else {
        const pk = [...(ctx.table(refRel)?.constraints.values() ?? [])].find((c) => c.type === 'primary');
        refs = pk?.columns ?? [];
      }
    }
    local.forEach((column, i) => {
      const refColumn = refs[i];
      if (!column || !refColumn) return;
      const pair: ForeignKeyPair = { rel, column, refRel, refColumn };
      const type = own.get(column) ?? ctx.column(rel, column)?.type;
      const refType = (self ? own.get(refColumn) : undefined) ?? ctx.column(refRel, refColumn)?.type;
      if (type) pair.type = type;
      if (refType) pair.refType = refType;
      out.push(pair);
    });
  }
  return out;
}
