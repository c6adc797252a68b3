/** Small AST helpers shared by rules. Pure functions, no state. */
import volatilityData from '../../../data/pg-volatility.json' with { type: 'json' };
import { DEFAULT_SCHEMA } from './catalog.js';

const FUNCTIONS = (volatilityData as { functions: Record<string, string> }).functions;

export type Volatility = 'immutable' | 'stable' | 'volatile';

const RANK: Record<Volatility, number> = { immutable: 0, stable: 1, volatile: 2 };
const max = (a: Volatility, b: Volatility): Volatility => (RANK[a] >= RANK[b] ? a : b);

export function str(n: any): string | undefined {
  return n?.String?.sval;
}

export function names(list: any[] | undefined): string[] {
  return (list ?? []).map(str).filter((s): s is string => s !== undefined);
}

/**
 * Whether an argument count fits the arities pg_proc lists for a name: `0,2-3,1+` (a range per
 * overload; `n+` is variadic; an argument with a default may be left out).
 */
function takesArgs(spec: string, n: number): boolean {
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:(\+)|-(\d+))?$/.exec(part);
    if (!m) return true;
    const lo = Number(m[1]);
    const hi = m[2] ? Infinity : m[3] ? Number(m[3]) : lo;
    if (n >= lo && n <= hi) return true;
  }
  return false;
}

/**
 * Volatility of a built-in (or common extension) function from pg_proc; undefined when unknown, and when
 * `nargs` is given and no built-in overload of that name takes that many arguments (`now(123)` is not `now()`).
 */
export function builtinVolatility(name: string, nargs?: number): Volatility | undefined {
  const entry = FUNCTIONS[name] ?? FUNCTIONS[name.toLowerCase()];
  if (!entry) return undefined;
  const [v = '', arity] = entry.split(':');
  if (nargs !== undefined && arity && !takesArgs(arity, nargs)) return undefined;
  // overloads that differ: take the most volatile (safe side for rewrite detection)
  if (v.includes('v')) return 'volatile';
  if (v.includes('s')) return 'stable';
  return 'immutable';
}

/** A call's function name and argument count, and its volatility when known (CREATE FUNCTION in the history, or built in). */
function resolveCall(call: any, userFunctions?: Map<string, Volatility>) {
  const fn = names(call.funcname);
  const name = fn[fn.length - 1] ?? '?';
  const nargs: number = call.args?.length ?? 0;
  return { name, nargs, volatility: userFunctions?.get(name) ?? builtinVolatility(name, nargs) };
}

/**
 * Volatility of an expression, as PostgreSQL would judge it when deciding
 * whether `ADD COLUMN … DEFAULT expr` can skip the table rewrite.
 * `userFunctions` gives the volatility of functions created by earlier migrations;
 * a function known nowhere is assumed volatile, PostgreSQL's own default for CREATE FUNCTION.
 */
export function volatility(expr: any, userFunctions?: Map<string, Volatility>): Volatility {
  let result: Volatility = 'immutable';
  // iterative: an expression nested thousands of levels deep (a hostile ARRAY[ARRAY[…]]) must not overflow the stack
  const stack: any[] = [expr];
  while (stack.length && result !== 'volatile') {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'FuncCall') {
        result = max(result, resolveCall(value, userFunctions).volatility ?? 'volatile');
        stack.push((value as any).args);
      } else if (key === 'SQLValueFunction') {
        result = max(result, 'stable');
      } else if (key === 'SubLink') {
        result = 'volatile';
      } else if (key === 'NextValueExpr') {
        result = 'volatile';
      } else {
        stack.push(value);
      }
    }
  }
  return result;
}

/**
 * The calls in an expression that zerodown cannot vouch for (no CREATE FUNCTION in the history, no built-in
 * overload taking that many arguments), in source order, labelled for messages: `f()`, or `now() with 1 argument`.
 */
export function unknownCalls(expr: any, userFunctions?: Map<string, Volatility>): string[] {
  const out: string[] = [];
  // iterative, in source order (see volatility)
  const stack: any[] = [expr];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i]![1]);
    for (const [key, value] of entries) {
      if (key !== 'FuncCall') continue;
      const { name, nargs: n, volatility: known } = resolveCall(value, userFunctions);
      if (known) continue;
      const label = builtinVolatility(name) ? `${name}() with ${n} argument${n === 1 ? '' : 's'}` : `${name}()`;
      if (!out.includes(label)) out.push(label);
    }
  }
  return out;
}

/** `schema.table` for display: drops the default schema. */
export function displayTable(rel: { schemaname?: string; relname?: string } | string | undefined): string {
  if (rel === undefined) return '?';
  if (typeof rel === 'string') return rel.startsWith(`${DEFAULT_SCHEMA}.`) ? rel.slice(DEFAULT_SCHEMA.length + 1) : rel;
  return rel.schemaname && rel.schemaname !== DEFAULT_SCHEMA
    ? `${rel.schemaname}.${rel.relname}`
    : (rel.relname ?? '?');
}

/** The `AlterTableCmd` objects of an AlterTableStmt. */
export function alterCmds(ast: any): any[] {
  return (ast?.cmds ?? []).map((c: any) => c.AlterTableCmd).filter(Boolean);
}

/** Constraints (inner objects) of a ColumnDef. */
export function columnConstraints(def: any): any[] {
  return (def?.constraints ?? []).map((c: any) => c.Constraint).filter(Boolean);
}

const SAFE_IDENT = /^[a-z_][a-z0-9_$]*$/;
const RESERVED = new Set(
  'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric system_user table then to trailing true union unique user using variadic when where window with authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose'.split(
    ' ',
  ),
);

/** Quotes an identifier only when PostgreSQL needs it (mixed case, reserved word, special characters). */
export function quoteIdent(name: string): string {
  if (SAFE_IDENT.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a possibly schema-qualified relation (`schema.table` key or RangeVar). */
export function quoteRel(rel: { schemaname?: string; relname?: string } | string): string {
  if (typeof rel === 'string') {
    const i = rel.indexOf('.');
    const schema = i >= 0 ? rel.slice(0, i) : undefined;
    const name = i >= 0 ? rel.slice(i + 1) : rel;
    return schema && schema !== DEFAULT_SCHEMA ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
  }
  return rel.schemaname
    ? `${quoteIdent(rel.schemaname)}.${quoteIdent(rel.relname ?? '')}`
    : quoteIdent(rel.relname ?? '');
}

/** Quotes a string literal. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** PostgreSQL lock modes and what they block, from the documented conflict table. */
export const LOCKS = {
  AccessShareLock: { blocksReads: false, blocksWrites: false },
  RowShareLock: { blocksReads: false, blocksWrites: false },
  RowExclusiveLock: { blocksReads: false, blocksWrites: false },
  ShareUpdateExclusiveLock: { blocksReads: false, blocksWrites: false },
  ShareLock: { blocksReads: false, blocksWrites: true },
  ShareRowExclusiveLock: { blocksReads: false, blocksWrites: true },
  ExclusiveLock: { blocksReads: false, blocksWrites: true },
  AccessExclusiveLock: { blocksReads: true, blocksWrites: true },
} as const;
export type LockMode = keyof typeof LOCKS;

/** Lock modes from weakest to strongest: the conflict table's order, and LOCK TABLE's mode numbers 1–8. */
export const LOCK_MODES = Object.keys(LOCKS) as LockMode[];

/** 0 (AccessShareLock) … 7 (AccessExclusiveLock); -1 for an unknown name. */
export function lockStrength(mode: string): number {
  return LOCK_MODES.indexOf(mode as LockMode);
}

// ---------------------------------------------------------------------------
// Source text of AST parts (rule batch A). libpg-query gives node locations as
// byte offsets into the text it parsed (the whole file segment); these helpers
// map them onto `Statement.text` so rules can quote the user's own SQL.

import type { PgStatement } from './statement.js';
import { parseSync, scanSync, treeOffset } from './parse.js'; // one shared WebAssembly parser instance (see parse.ts)

interface Located {
  /** byte offset of the statement's AST locations relative to `stmt.text` (subtract it) */
  delta: number;
  tokens: { start: number; end: number; text: string; upper: string; keyword: boolean }[];
  bytes: Buffer;
}
const locatedCache = new WeakMap<PgStatement, Located | null>();

function firstLocation(node: any): number | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const n of node) {
      const l = firstLocation(n);
      if (l !== undefined) return l;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'location' && typeof v === 'number' && v >= 0) return v;
    const l = firstLocation(v);
    if (l !== undefined) return l;
  }
  return undefined;
}

function located(stmt: PgStatement): Located | null {
  let l = locatedCache.get(stmt);
  if (l !== undefined) return l;
  l = null;
  try {
    // known from the parse (treeOffset), else found by parsing the statement's text again and comparing
    let delta = treeOffset(stmt.ast);
    if (delta === undefined) {
      const again = (parseSync(stmt.text) as any).stmts?.[0]?.stmt?.[stmt.kind];
      const a = firstLocation(stmt.ast);
      const b = firstLocation(again);
      delta = a !== undefined && b !== undefined ? a - b : 0;
    }
    const bytes = Buffer.from(stmt.text, 'utf8');
    const tokens = (scanSync(stmt.text).tokens ?? []).map((t: any) => {
      const text = bytes.subarray(t.start, t.end).toString('utf8');
      return {
        start: t.start as number,
        end: t.end as number,
        text,
        upper: text.toUpperCase(),
        keyword: t.keywordKind > 0,
      };
    });
    l = { delta, tokens, bytes };
  } catch {
    l = null;
  }
  locatedCache.set(stmt, l);
  return l;
}

/** Keywords that end a column's expression in a column definition (exprSql's default `stops`). */
export const COLUMN_EXPR_STOPS: ReadonlySet<string> = new Set([
  'NOT',
  'NULL',
  'CONSTRAINT',
  'PRIMARY',
  'UNIQUE',
  'REFERENCES',
  'CHECK',
  'DEFAULT',
  'COLLATE',
  'GENERATED',
  'DEFERRABLE',
  'INITIALLY',
]);

/**
 * SQL text of an expression as the user wrote it, starting at the token at AST
 * `location` (skipping `skip` leading keywords, e.g. `DEFAULT`) and ending before
 * the first depth-0 comma, unbalanced `)`, `;` or one of `stops` (keywords, upper case).
 * Undefined when the location cannot be mapped.
 */
export function exprSql(
  stmt: PgStatement,
  location: number | undefined,
  opts: { skip?: string[]; stops?: ReadonlySet<string>; after?: string } = {},
): string | undefined {
  const l = located(stmt);
  if (!l || location === undefined || location < 0) return undefined;
  const at = location - l.delta;
  let i = l.tokens.findIndex((t) => t.start >= at);
  if (i < 0) return undefined;
  if (opts.after) {
    // start right after the first `after` keyword (e.g. CHECK in `CONSTRAINT "x" CHECK (…)`)
    const k = l.tokens.findIndex((t, j) => j >= i && t.keyword && t.upper === opts.after);
    if (k < 0) return undefined;
    i = k + 1;
  }
  while (i < l.tokens.length && opts.skip?.includes(l.tokens[i]!.upper)) i++;
  const stops = opts.stops ?? COLUMN_EXPR_STOPS;
  let depth = 0;
  let j = i;
  for (; j < l.tokens.length; j++) {
    const t = l.tokens[j]!;
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (t.text === ',' || t.text === ';')) break;
    else if (
      depth === 0 &&
      j > i &&
      t.keyword &&
      stops.has(t.upper) &&
      !(t.upper === 'NOT' && l.tokens[j - 1]?.upper === 'IS')
    )
      break;
  }
  if (j <= i) return undefined;
  return l.bytes.subarray(l.tokens[i]!.start, l.tokens[j - 1]!.end).toString('utf8');
}

/**
 * SQL text after the first depth-0 `keyword` of the statement (e.g. `WHERE`), up to
 * the first depth-0 keyword in `stops` or the end. Undefined when there is no such keyword.
 */
export function clauseSql(stmt: PgStatement, keyword: string, stops: string[] = []): string | undefined {
  const l = located(stmt);
  if (!l) return undefined;
  let depth = 0;
  let start = -1;
  let end = l.tokens.length;
  for (let j = 0; j < l.tokens.length; j++) {
    const t = l.tokens[j]!;
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth--;
    else if (depth === 0 && t.keyword) {
      if (start < 0 && t.upper === keyword) start = j + 1;
      else if (start >= 0 && stops.includes(t.upper)) {
        end = j;
        break;
      }
    }
  }
  if (start < 0 || start >= end) return undefined;
  return l.bytes.subarray(l.tokens[start]!.start, l.tokens[end - 1]!.end).toString('utf8');
}

/** Column names referenced in an expression (last field of each ColumnRef). */
export function columnRefs(expr: any): string[] {
  const out: string[] = [];
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'ColumnRef') {
        const f = names((value as any).fields);
        if (f.length) out.push(f[f.length - 1]!);
      } else visit(value);
    }
  };
  visit(expr);
  return out;
}

/**
 * True when statements `from` and `to` (indexes in `statements`, from < to) run in
 * the same transaction: the later one is inside a transaction and no BEGIN, COMMIT
 * or ROLLBACK lies between them.
 */
export function sameTransaction(
  statements: readonly PgStatement[],
  from: number,
  to: number,
  toInTransaction: boolean,
): boolean {
  if (!toInTransaction) return false;
  for (let i = from + 1; i < to; i++) if (statements[i]?.kind === 'TransactionStmt') return false;
  return true;
}

/** Why `ALTER TABLE … ADD COLUMN <def>` rewrites the whole table, or undefined when it does not. */
export type AddColumnRewrite =
  | { reason: 'generated'; expr: any }
  | { reason: 'identity' }
  | { reason: 'serial' }
  /** `unknown`: the calls zerodown cannot vouch for (see unknownCalls); empty when a known volatile function is called */
  | { reason: 'volatile-default'; expr: any; unknown: string[] }
  | { reason: 'pre-11-default'; expr: any }
  | { reason: 'domain-constraint'; domain: string };

export function addColumnRewrite(
  def: any,
  env: {
    pgVersion: number;
    functions?: Map<string, Volatility>;
    domains?: Map<string, { hasCheck: boolean; notNull?: boolean }>;
  },
): AddColumnRewrite | undefined {
  const cons = columnConstraints(def);
  const gen = cons.find((c) => c.contype === 'CONSTR_GENERATED');
  // PostgreSQL 18's virtual generated columns are computed on read: no rewrite
  if (gen && gen.generated_kind !== 'v') return { reason: 'generated', expr: gen.raw_expr };
  if (cons.some((c) => c.contype === 'CONSTR_IDENTITY')) return { reason: 'identity' };
  const typeNames = names(def.typeName?.names);
  const typeName = typeNames[typeNames.length - 1] ?? '';
  if (typeNames.length === 1 && /^(small|big)?serial[248]?$/.test(typeName)) return { reason: 'serial' };
  const dflt = cons.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
  const isNull = !!dflt?.A_Const?.isnull;
  if (dflt && !isNull) {
    if (volatility(dflt, env.functions) === 'volatile')
      return { reason: 'volatile-default', expr: dflt, unknown: unknownCalls(dflt, env.functions) };
    if (env.pgVersion < 11) return { reason: 'pre-11-default', expr: dflt };
  }
  // a domain with constraints is checked row by row: PostgreSQL (through 18 at least) rewrites
  const domainKey =
    typeNames.length > 1 ? `${typeNames[typeNames.length - 2]}.${typeName}` : `${DEFAULT_SCHEMA}.${typeName}`;
  const domain = env.domains?.get(domainKey);
  if (domain && (domain.hasCheck || domain.notNull)) return { reason: 'domain-constraint', domain: typeName };
  return undefined;
}

/**
 * The earlier statement of this file (before `stmt`) that added `column` to `rel`
 * with ALTER TABLE … ADD COLUMN, if any.
 */
export function addColumnStatement(
  statements: readonly PgStatement[],
  stmt: PgStatement,
  rel: { schemaname?: string; relname?: string },
  column: string,
): PgStatement | undefined {
  const key = `${rel.schemaname ?? DEFAULT_SCHEMA}.${rel.relname ?? ''}`;
  for (let i = stmt.index - 1; i >= 0; i--) {
    const s = statements[i]!;
    if (s.kind !== 'AlterTableStmt' || !s.ast.relation) continue;
    if (`${s.ast.relation.schemaname ?? DEFAULT_SCHEMA}.${s.ast.relation.relname ?? ''}` !== key) continue;
    if (alterCmds(s.ast).some((c) => c.subtype === 'AT_AddColumn' && c.def?.ColumnDef?.colname === column)) return s;
  }
  return undefined;
}

/**
 * True when `column` of `rel` is new in this migration on a table that already
 * existed: the replay says so, or (table unknown to the replay) an earlier
 * ALTER TABLE … ADD COLUMN of this file added it.
 */
export function isFreshColumn(
  ctx: {
    statements: readonly PgStatement[];
    isNewColumn(rel: any, c: string): boolean;
    isNewTable(rel: any): boolean;
    table(rel: any): unknown;
  },
  stmt: PgStatement,
  rel: any,
  column: string,
): boolean {
  if (ctx.isNewColumn(rel, column)) return true;
  if (ctx.table(rel)) return false;
  return !!addColumnStatement(ctx.statements, stmt, rel, column);
}

/**
 * Key columns of an ALTER TABLE constraint that are new in this migration: added by
 * an earlier ADD COLUMN of the same statement (`addedHere`) or of this file.
 */
export function freshConstraintColumns(
  ctx: Parameters<typeof isFreshColumn>[0],
  stmt: PgStatement,
  con: any,
  addedHere: ReadonlySet<string>,
): string[] {
  const cols = con.contype === 'CONSTR_FOREIGN' ? names(con.fk_attrs) : [...names(con.keys), ...names(con.including)];
  return cols.filter((c) => addedHere.has(c) || isFreshColumn(ctx, stmt, stmt.ast.relation, c));
}

/**
 * The constraints an ALTER TABLE adds to an EXISTING table, in order, each with the columns it
 * covers that this migration adds (`fresh`: such constraints are index-same-step-as-add-column's
 * to report). Empty for other objects and for tables created by this migration (they are empty).
 */
/**
 * An ALTER TABLE that changes a table existing before this migration: the only kind whose rows
 * make a lock, scan or rewrite expensive. Not ALTER INDEX/VIEW/SEQUENCE (the same AST node with
 * another `objtype`), not a table created earlier in the migration (it is empty).
 */
export function altersExistingTable(ast: any, ctx: { isNewTable(rel: any): boolean }): boolean {
  return (!ast.objtype || ast.objtype === 'OBJECT_TABLE') && !ctx.isNewTable(ast.relation);
}

export function addedConstraints(
  ctx: Parameters<typeof isFreshColumn>[0] & { isNewTable(rel: any): boolean },
  stmt: PgStatement,
  opts: { inline?: boolean } = {},
): { con: any; fresh: string[]; column?: string }[] {
  const ast = stmt.ast;
  if (!altersExistingTable(ast, ctx)) return [];
  const out: { con: any; fresh: string[]; column?: string }[] = [];
  const addedHere = new Set<string>();
  for (const cmd of alterCmds(ast)) {
    if (cmd.subtype === 'AT_AddColumn') {
      const def = cmd.def?.ColumnDef;
      if (!def?.colname) continue;
      // ADD COLUMN IF NOT EXISTS of a column that exists does nothing
      if (cmd.missing_ok && (ctx as { column?: (r: any, c: string) => unknown }).column?.(ast.relation, def.colname))
        continue;
      addedHere.add(def.colname);
      // `inline`: the column's own constraints (ADD COLUMN x int REFERENCES t, … UNIQUE), `column` set
      if (opts.inline)
        for (const con of columnConstraints(def)) out.push({ con, fresh: [def.colname], column: def.colname });
    } else if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint) {
      out.push({ con: cmd.def.Constraint, fresh: freshConstraintColumns(ctx, stmt, cmd.def.Constraint, addedHere) });
    }
  }
  return out;
}

/** True when a CHECK expression proves `column IS NOT NULL`: the test itself, or one arm of a top-level AND. */
export function checkImpliesNotNull(expr: any, column: string): boolean {
  if (expr?.NullTest) {
    const t = expr.NullTest;
    const f = names(t.arg?.ColumnRef?.fields);
    return t.nulltesttype === 'IS_NOT_NULL' && f[f.length - 1] === column;
  }
  if (expr?.BoolExpr?.boolop === 'AND_EXPR')
    return (expr.BoolExpr.args ?? []).some((a: any) => checkImpliesNotNull(a, column));
  return false;
}

/**
 * Name of a validated CHECK constraint of `table` proving `column IS NOT NULL`, which
 * lets PostgreSQL 12+ skip the full-table scan of SET NOT NULL.
 */
export function notNullProvingCheck(
  table: { constraints: Map<string, { type: string; validated: boolean; expr?: any; name: string }> } | undefined,
  column: string,
): string | undefined {
  for (const c of table?.constraints.values() ?? []) {
    if (c.type === 'check' && c.validated && checkImpliesNotNull(c.expr, column)) return c.name;
  }
  return undefined;
}

/** SQL text for a one-line message: comments dropped, whitespace collapsed, cut to `max` characters. */
export function shortSql(sql: string, max = 80): string {
  const flat = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * One finding per statement: when a multi-command ALTER TABLE raises several issues of
 * one rule, keep the first and mention the others (`label` names each one), with every
 * issue's data in `data.all`.
 */
export function mergeIssues<T extends { message: string; data?: Record<string, unknown> }>(
  issues: T[],
  label: (i: T) => string,
): T[] {
  if (issues.length < 2) return issues;
  const [first, ...rest] = issues as [T, ...T[]];
  const names = rest.map(label);
  const shown = names.length > 5 ? [...names.slice(0, 5), `${names.length - 5} more`] : names;
  return [
    {
      ...first,
      message: `${first.message} The same statement does the same for ${shown.join(', ')}.`,
      data: { ...first.data, all: issues.map((i) => i.data ?? {}) },
    },
  ];
}

/** A question about the statements before one in its file: was this key added by one of them? */
export interface EarlierKeys {
  has(key: string): boolean;
}

const firstIndexCache = new WeakMap<
  readonly PgStatement[],
  Map<(s: PgStatement) => Iterable<string> | undefined, Map<string, number>>
>();

const lastEventCache = new WeakMap<
  readonly PgStatement[],
  Map<(s: PgStatement) => unknown, Map<string, { at: number[]; values: unknown[] }>>
>();

/**
 * The value of the last event for `key` among the statements of the file before `before` (`eventsOf`
 * gives each statement's events as [key, value]; a later event of a statement wins over an earlier
 * one), or undefined. Like `keysBefore`, the file is read once per `eventsOf` function and each
 * question is a binary search, so asking it for every statement of a huge file stays linear: a
 * backward scan per statement re-read (and in a pieced file, re-parsed) the whole file before it.
 * Pass a module-level function, not a fresh closure.
 */
export function lastEventBefore<V>(
  statements: readonly PgStatement[],
  before: number,
  key: string,
  eventsOf: (s: PgStatement) => Iterable<[string, V]> | undefined,
): V | undefined {
  let byFn = lastEventCache.get(statements);
  if (!byFn) lastEventCache.set(statements, (byFn = new Map()));
  let index = byFn.get(eventsOf);
  if (!index) {
    index = new Map();
    for (let i = 0; i < statements.length; i++) {
      for (const [k, v] of eventsOf(statements[i]!) ?? []) {
        let e = index.get(k);
        if (!e) index.set(k, (e = { at: [], values: [] }));
        if (e.at[e.at.length - 1] === i) e.values[e.values.length - 1] = v;
        else {
          e.at.push(i);
          e.values.push(v);
        }
      }
    }
    byFn.set(eventsOf, index);
  }
  const e = index.get(key);
  if (!e) return undefined;
  // the last event at a statement index below `before`
  let lo = 0;
  let hi = e.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.at[mid]! < before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (e.values[lo - 1] as V) : undefined;
}

/**
 * Keys (`keysOf` of each statement) added by the statements of the file before `before`.
 * The file is read once per `keysOf` function and remembered with its statement list, so a rule
 * asking this about every statement of a 100,000-statement data migration stays linear instead
 * of re-reading the file's start each time. Pass a module-level function, not a fresh closure.
 */
export function keysBefore(
  statements: readonly PgStatement[],
  before: number,
  keysOf: (s: PgStatement) => Iterable<string> | undefined,
): EarlierKeys {
  let byFn = firstIndexCache.get(statements);
  if (!byFn) firstIndexCache.set(statements, (byFn = new Map()));
  let first = byFn.get(keysOf);
  if (!first) {
    first = new Map();
    for (let i = 0; i < statements.length; i++)
      for (const k of keysOf(statements[i]!) ?? []) if (!first.has(k)) first.set(k, i);
    byFn.set(keysOf, first);
  }
  const seen = first;
  return { has: (key) => (seen.get(key) ?? Infinity) < before };
}
