/**
 * The batched backfill of a column just added to a busy table. When the next
 * statement touching the table is an UPDATE of that column only, it is folded
 * in: existing rows get the UPDATE's result computed from the value, exactly as
 * the original's rows did.
 */
import type { PgStatement } from '../statement.js';
import { relKey } from '../catalog.js';
import { names, volatility } from '../util.js';
import { backfillSql, pageBackfillSql, pagesFor } from './backfill.js';
import { backfillReason, pageNote } from './batching.js';
import { colKey, source, step, tablesOf } from './context.js';
import { ident as q, relation } from './quote.js';
import { findNodes, refersTo, StmtSource } from './sqltext.js';
import type { RewriteContext } from './types.js';
import type { Step } from '../../../plan/schedule.js';

/** What the backfill of one new column needs. */
export interface ColumnFill {
  stmt: PgStatement;
  rel: any;
  /** the single-column primary key to batch by; page ranges without one */
  pk: string | undefined;
  column: string;
  /** SQL of the value existing rows get */
  value: string;
  /** the block raises this until a person edits it */
  todo: string | undefined;
  keys: string[];
  /** called with the UPDATE folded into the backfill, if any */
  onFused: (fused: PgStatement | undefined) => void;
}

/** Text for an expression used inside a larger one: parenthesised unless it is a single term. */
function term(text: string): string {
  const t = text.trim();
  if (/^[A-Za-z_][A-Za-z0-9_$.]*\s*\(.*\)$/s.test(t) && balanced(t)) return t;
  if (/^('(?:[^']|'')*'|-?[0-9.]+|true|false|null)(::[A-Za-z_ ]+(\([0-9, ]+\))?(\[\])?)?$/i.test(t)) return t;
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(t)) return t;
  return `(${t})`;
}

function balanced(t: string): boolean {
  // a function call whose outer parentheses close at the end: f(a)(b) or f(a) + g(b) are not single terms
  const open = t.indexOf('(');
  let depth = 0;
  let inStr = false;
  for (let i = open; i < t.length; i++) {
    const c = t[i];
    if (c === "'") inStr = !inStr;
    if (inStr) continue;
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0 && i !== t.length - 1) return false;
    }
  }
  return depth === 0;
}

/** Columns an expression (source text) reads; when it does not parse, none (it fails its own parse check later). */
export function columnsRead(expr: string): string[] {
  try {
    return [
      ...new Set(findNodes(new StmtSource(`SELECT ${expr}`).ast, 'ColumnRef').map((r) => names(r.fields).at(-1)!)),
    ];
  } catch {
    return [];
  }
}

/** True when the value (source text) calls a volatile function, or cannot be read. */
function valueIsVolatile(value: string): boolean {
  try {
    return volatility(new StmtSource(`SELECT ${value}`).ast.targetList[0].ResTarget.val) === 'volatile';
  } catch {
    return true;
  }
}

/** The next statement touching the table, if it is an UPDATE that sets only `column`. */
function findFusableUpdate(
  ctx: RewriteContext,
  stmt: PgStatement,
  key: string,
  column: string,
): PgStatement | undefined {
  for (let j = stmt.index + 1; j < ctx.statements.length; j++) {
    const s = ctx.statements[j]!;
    if (ctx.consumed.has(j)) continue;
    if (s.kind === 'TransactionStmt' || s.kind === 'VariableSetStmt') continue;
    const keys = tablesOf(s);
    if (!keys.includes(key) && !keys.includes('*')) continue;
    if (s.kind === 'UpdateStmt' && relKey(s.ast.relation) === key) {
      const targets = (s.ast.targetList ?? []).map((t: any) => t.ResTarget);
      const ok =
        !s.ignoreAll &&
        ctx.allowed(s, 'unbatched-backfill') &&
        !s.ast.fromClause?.length &&
        !s.ast.withClause &&
        !s.ast.returningList?.length &&
        targets.length === 1 &&
        targets[0]?.name === column &&
        !targets[0]?.indirection?.length &&
        !findNodes(targets[0]?.val, 'SetToDefault').length &&
        !('SetToDefault' in (targets[0]?.val ?? {}));
      return ok ? s : undefined;
    }
    if (s.kind === 'IndexStmt' || s.kind === 'CommentStmt') continue;
    return undefined;
  }
  return undefined;
}

/**
 * The backfill SQL with the UPDATE `fused` folded in, or undefined when it cannot be
 * folded: substituted into the SET value when that is safe, else applied to the rows
 * each batch fills (by primary key only).
 */
function fusedSql(
  _ctx: RewriteContext,
  f: ColumnFill,
  fused: PgStatement,
  emit: (set: string) => string,
  base: Parameters<typeof backfillSql>[0],
): string | undefined {
  const { rel, pk, column, value } = f;
  const u = source(fused);
  const target = u.ast.targetList[0].ResTarget;
  const quals = [rel.relname, ...(u.ast.relation?.alias?.aliasname ? [u.ast.relation.alias.aliasname] : [])];
  const isCol = (ref: any) => refersTo(ref, column, quals);
  const refs =
    findNodes(target.val, 'ColumnRef').filter(isCol).length +
    (u.ast.whereClause ? findNodes(u.ast.whereClause, 'ColumnRef').filter(isCol).length : 0);
  if (!u.ast.relation?.alias && (!valueIsVolatile(value) || refs <= 1)) {
    const sub = (node: any) => u.substitute(node, (ref) => (isCol(ref) ? term(value) : undefined));
    const e = sub(target.val);
    const expr = u.ast.whereClause ? `CASE WHEN ${sub(u.ast.whereClause)} THEN ${e} ELSE ${value} END` : e;
    return emit(`${q(column)} = ${expr}`);
  }
  if (pk) {
    const set = u.clause('SET', ['FROM', 'WHERE', 'RETURNING'])!;
    const where = u.ast.whereClause ? u.clause('WHERE', ['RETURNING']) : undefined;
    // biome-ignore lint/suspicious/noThenProperty: `then` is the SET that follows the fill in backfillSql, not a thenable
    return backfillSql({ ...base, set: '', fill: { column, value, then: set, ...(where ? { where } : {}) } });
  }
  return undefined;
}

/** The batched backfill step of a new column with `value` (see the module comment). */
export function columnBackfill(ctx: RewriteContext, f: ColumnFill): Step {
  const { stmt, rel, pk, column, value, todo, keys } = f;
  const key = relKey(rel);
  const common = {
    table: relation(rel),
    tableName: q(rel.relname),
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout,
    ...(todo ? { todo } : {}),
  };
  const pending = `${q(column)} IS NULL`;
  if (!pk) pageNote(ctx, stmt, rel);
  /** by primary key, or by page ranges when the table has no single-column key */
  const emit = (set: string) =>
    pk
      ? backfillSql({ ...common, pk, progressKey: `${ctx.path}:${stmt.span.line}:${column}`, set, pending })
      : pageBackfillSql({ ...common, set, pending, pages: pagesFor(ctx.batchSize) });
  const base = { ...common, pk: pk ?? '', set: '', progressKey: `${ctx.path}:${stmt.span.line}:${column}` };
  const fused = todo ? undefined : findFusableUpdate(ctx, stmt, key, column);
  let sql: string | undefined;
  if (fused) {
    try {
      sql = fusedSql(ctx, f, fused, emit, base);
      if (sql) {
        ctx.consumed.add(fused.index);
        f.onFused(fused);
      }
    } catch {
      sql = undefined;
    }
  }
  const folded = !!sql;
  sql ??= emit(`${q(column)} = ${value}`);
  const reason = backfillReason(ctx, !!pk) + (folded ? '; the UPDATE of the original is folded in' : '');
  // the batches walk the primary key, and the value may read other columns: later changes to those wait
  const reads = folded ? [key] : columnsRead(value).map((c) => colKey(key, c));
  return step('backfill', sql, [...keys, pk ? colKey(key, pk) : key, ...reads], reason, todo ? { todo: true } : {});
}
