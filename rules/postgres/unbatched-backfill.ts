import { defineRule, type PgRuleContext } from '../../src/dialects/postgres/rule.js';
import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { clauseSql, displayTable, names, shortSql, str } from '../../src/dialects/postgres/util.js';

/**
 * Column names that identify one row or one entity: an equality or IN-list on
 * them is a targeted fix, not a backfill. Ranges count only on these too.
 */
const ID_LIKE = /^(id|ctid|uuid|guid|pk|key|slug|code|email|username|handle|token|sku)$|(_id|_uuid|_key|Id|Uuid|ID)$/;

interface Env {
  /** single columns that are unique in the catalog (PK, UNIQUE, unique index) */
  unique: Set<string>;
  /** unique column sets with more than one column */
  composite: string[][];
  /** CTE names whose query returns a bounded set (LIMIT, VALUES, key range) */
  limitedCtes: Set<string>;
  /** FROM/USING aliases that name a bounded set */
  limitedAliases: Set<string>;
}

function colName(n: any): { name: string; qualifier?: string } | undefined {
  const ref = n?.ColumnRef;
  if (!ref) return undefined;
  const f = names(ref.fields);
  if (!f.length) return undefined;
  return { name: f[f.length - 1]!, qualifier: f.length > 1 ? f[f.length - 2] : undefined };
}

const isKey = (env: Env, c: { name: string; qualifier?: string } | undefined) =>
  !!c && (env.unique.has(c.name) || ID_LIKE.test(c.name));

/** An expression that yields one value per statement: no column references (or a scalar subquery). */
function isValue(n: any): boolean {
  if (!n || typeof n !== 'object') return true;
  if (n.ColumnRef) return false;
  if (n.SubLink) return n.SubLink.subLinkType === 'EXPR_SUBLINK';
  if (Array.isArray(n)) return n.every(isValue);
  return Object.values(n).every(isValue);
}

/** A SELECT that returns a bounded set: LIMIT n, FETCH FIRST, VALUES, a limited CTE, or a key-bounded WHERE. */
function limitedSelect(sel: any, env: Env): boolean {
  const s = sel?.SelectStmt;
  if (!s) return false;
  if (s.limitCount && !s.limitCount.A_Const?.isnull) return true;
  if (s.valuesLists?.length) return true;
  if (s.op && s.op !== 'SETOP_NONE')
    return limitedSelect({ SelectStmt: s.larg }, env) && limitedSelect({ SelectStmt: s.rarg }, env);
  for (const f of s.fromClause ?? []) if (f.RangeVar && env.limitedCtes.has(f.RangeVar.relname)) return true;
  return !!s.whereClause && bounded(s.whereClause, { ...env, unique: new Set() });
}

function bounded(n: any, env: Env): boolean {
  if (!n) return false;
  if (n.CurrentOfExpr) return true;
  if (n.BoolExpr) {
    const { boolop, args = [] } = n.BoolExpr;
    if (boolop === 'OR_EXPR') return args.length > 0 && args.every((a: any) => bounded(a, env));
    if (boolop === 'AND_EXPR')
      return args.some((a: any) => bounded(a, env)) || keyRange(args, env) || coversComposite(args, env);
    return false;
  }
  if (n.SubLink) {
    const l = n.SubLink;
    return l.subLinkType === 'ANY_SUBLINK' && limitedSelect(l.subselect, env);
  }
  const e = n.A_Expr;
  if (!e) return false;
  const op = str(e.name?.[0]);
  const left = colName(e.lexpr);
  const right = colName(e.rexpr);
  switch (e.kind) {
    case 'AEXPR_OP':
      if (op !== '=') return false;
      // key = value
      if ((isKey(env, left) && isValue(e.rexpr)) || (isKey(env, right) && isValue(e.lexpr))) return true;
      // t.key = s.key, where s is a bounded subquery or VALUES list
      return (
        (!!left?.qualifier && env.limitedAliases.has(left.qualifier) && !!right) ||
        (!!right?.qualifier && env.limitedAliases.has(right.qualifier) && !!left)
      );
    case 'AEXPR_IN':
      return op === '=' && isKey(env, left) && isValue(e.rexpr);
    case 'AEXPR_OP_ANY': {
      if (op !== '=' || !left) return false;
      const sub = e.rexpr?.SubLink;
      if (sub?.subLinkType === 'ARRAY_SUBLINK') return limitedSelect(sub.subselect, env);
      return isKey(env, left) && isValue(e.rexpr);
    }
    case 'AEXPR_BETWEEN':
    case 'AEXPR_BETWEEN_SYM':
      return isKey(env, left) && isValue(e.rexpr);
    default:
      return false;
  }
}

/** `key >= a AND key < b` (any pair of a lower and an upper bound on the same key column). */
function keyRange(args: any[], env: Env): boolean {
  const lower = new Set<string>();
  const upper = new Set<string>();
  for (const a of args) {
    const e = a.A_Expr;
    if (e?.kind !== 'AEXPR_OP') continue;
    const op = str(e.name?.[0]);
    const left = colName(e.lexpr);
    const right = colName(e.rexpr);
    let col: string | undefined;
    let dir: 'lo' | 'hi' | undefined;
    if (isKey(env, left) && isValue(e.rexpr)) {
      col = left!.name;
      dir = op === '>' || op === '>=' ? 'lo' : op === '<' || op === '<=' ? 'hi' : undefined;
    } else if (isKey(env, right) && isValue(e.lexpr)) {
      col = right!.name;
      dir = op === '<' || op === '<=' ? 'lo' : op === '>' || op === '>=' ? 'hi' : undefined;
    }
    if (col && dir === 'lo') lower.add(col);
    if (col && dir === 'hi') upper.add(col);
  }
  return [...lower].some((c) => upper.has(c));
}

/** `a = 1 AND b = 2` where (a, b) is a unique key. */
function coversComposite(args: any[], env: Env): boolean {
  const eq = new Set<string>();
  for (const a of args) {
    const e = a.A_Expr;
    if (e?.kind !== 'AEXPR_OP' || str(e.name?.[0]) !== '=') continue;
    const left = colName(e.lexpr);
    const right = colName(e.rexpr);
    if (left && isValue(e.rexpr)) eq.add(left.name);
    if (right && isValue(e.lexpr)) eq.add(right.name);
  }
  return env.composite.some((cols) => cols.every((c) => eq.has(c)));
}

function environment(ctx: PgRuleContext, ast: any): Env {
  const env: Env = { unique: new Set(), composite: [], limitedCtes: new Set(), limitedAliases: new Set() };
  const key = relKey(ast.relation);
  const table = ctx.table(ast.relation);
  const sets: string[][] = [];
  for (const c of table?.constraints.values() ?? [])
    if (c.type === 'primary' || c.type === 'unique') sets.push(c.columns);
  for (const ix of ctx.catalog.indexesOf(key))
    if (ix.unique && ix.columns.every((c) => c)) sets.push(ix.columns as string[]);
  for (const s of sets) {
    if (s.length === 1) env.unique.add(s[0]!);
    else if (s.length > 1) env.composite.push(s);
  }
  for (const cte of ast.withClause?.ctes ?? []) {
    const c = cte.CommonTableExpr;
    if (c && limitedSelect(c.ctequery, env)) env.limitedCtes.add(c.ctename);
  }
  for (const f of [...(ast.fromClause ?? []), ...(ast.usingClause ?? [])]) {
    if (f.RangeSubselect && limitedSelect(f.RangeSubselect.subquery, env)) {
      const alias = f.RangeSubselect.alias?.aliasname;
      if (alias) env.limitedAliases.add(alias);
    } else if (f.RangeVar && env.limitedCtes.has(f.RangeVar.relname)) {
      env.limitedAliases.add(f.RangeVar.alias?.aliasname ?? f.RangeVar.relname);
    }
  }
  return env;
}

const DDL = new Set(['AlterTableStmt', 'IndexStmt', 'RenameStmt']);

/**
 * DDL run earlier in the same transaction whose locks are still held: an ALTER TABLE of
 * the same table first (ACCESS EXCLUSIVE), then other DDL on it, then DDL on other tables.
 */
function heldDdl(
  ctx: PgRuleContext,
  stmt: PgStatement,
  key: string,
): { stmt: PgStatement; sameTable: boolean } | undefined {
  if (!ctx.tx.inTransaction) return undefined;
  let alter: PgStatement | undefined;
  let same: PgStatement | undefined;
  let other: PgStatement | undefined;
  for (let i = stmt.index - 1; i >= 0; i--) {
    const s = ctx.statements[i]!;
    if (s.kind === 'TransactionStmt') break;
    if (!DDL.has(s.kind)) continue;
    if (s.kind === 'IndexStmt' && s.ast.concurrent) continue;
    if (s.ast.relation && relKey(s.ast.relation) === key) {
      if (s.kind === 'AlterTableStmt') alter ??= s;
      else same ??= s;
    } else other ??= s;
  }
  const held = alter ?? same;
  if (held) return { stmt: held, sameTable: true };
  return other ? { stmt: other, sameTable: false } : undefined;
}

export default defineRule({
  meta: {
    id: 'unbatched-backfill',
    severity: 'error',
    summary:
      'UPDATE or DELETE of an unbounded set of rows of an existing table in one statement (a backfill that should run in batches).',
    kinds: ['UpdateStmt', 'DeleteStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const rel = ast.relation;
    if (!rel?.relname || rel.relpersistence === 't') return;
    // system catalogs (e.g. UPDATE pg_index SET indisready …) are tiny and not application data
    if (rel.relname.startsWith('pg_') || rel.schemaname === 'pg_catalog' || rel.schemaname === 'information_schema')
      return;
    // A table created in this migration is empty (or filled by this migration): nothing to batch.
    if (ctx.isNewTable(rel)) return;
    const where = ast.whereClause;
    if (where && bounded(where, environment(ctx, ast))) return;

    const table = displayTable(rel);
    const key = relKey(rel);
    const verb = stmt.kind === 'UpdateStmt' ? 'UPDATE' : 'DELETE';
    const whereSql = where ? clauseSql(stmt, 'WHERE', ['RETURNING']) : undefined;
    const setSql = stmt.kind === 'UpdateStmt' ? clauseSql(stmt, 'SET', ['FROM', 'WHERE', 'RETURNING']) : undefined;
    const scope = where
      ? `${verb} on \`${table}\` WHERE ${whereSql ? shortSql(whereSql) : '…'} is not bounded to one batch`
      : `${verb} on \`${table}\` has no WHERE: it ${verb === 'UPDATE' ? 'rewrites' : 'deletes'} every row in one statement`;
    const cost =
      verb === 'UPDATE'
        ? 'it holds a row lock on every row it touches until it commits (concurrent writes to those rows wait), writes a new version of each row (table and WAL bloat, replica lag), and on a large table runs for minutes'
        : 'it holds a row lock on every row it deletes until it commits (concurrent writes to those rows wait), generates WAL for each row (replica lag), and on a large table runs for minutes';
    let message = `${scope}: ${cost}.`;
    const held = heldDdl(ctx, stmt, key);
    if (held?.sameTable) {
      message += ` Worse, it runs in the same transaction as the ${held.stmt.kind === 'IndexStmt' ? 'CREATE INDEX' : 'ALTER TABLE'} at line ${held.stmt.span.line}, so that statement's ${held.stmt.kind === 'IndexStmt' ? 'SHARE lock (all writes wait)' : 'ACCESS EXCLUSIVE lock (all reads and writes wait)'} on \`${table}\` is held for the whole ${verb}.`;
    } else if (held) {
      message += ` Worse, it runs in the same transaction as the DDL at line ${held.stmt.span.line}, whose locks stay held for the whole ${verb}.`;
    }
    return {
      message,
      help: `Run it in batches of a few thousand rows by key (e.g. WHERE id >= $1 AND id < $2, or WHERE id IN (SELECT id … LIMIT 5000)), each batch in its own transaction, outside the schema migration.`,
      lock: 'RowExclusiveLock',
      table: key,
      data: {
        table: key,
        set: setSql ?? null,
        where: where ? (whereSql ?? null) : null,
        statement: verb.toLowerCase(),
        inTransactionWithDdl: held ? held.stmt.span.line : null,
      },
    };
  },
});
