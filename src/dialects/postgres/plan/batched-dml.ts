/**
 * UPDATE or DELETE over many rows of a busy table (unbatched-backfill): the same
 * statement in batches, each committed on its own, by primary key (or by page
 * ranges when the table has no single-column key and the UPDATE can tell done
 * rows from pending ones).
 */
import type { PgStatement } from '../statement.js';
import { relKey, type Table } from '../catalog.js';
import { names, volatility } from '../util.js';
import { backfillSql, pageBackfillSql, pagesFor, PROGRESS_TABLE, progressTableKeys } from './backfill.js';
import { backfillReason, pageNote } from './batching.js';
import { isNewTable, note, primaryKey, record, step, typeSqlOf } from './context.js';
import { ident as q, relation } from './quote.js';
import { findNodes, refersTo, type StmtSource } from './sqltext.js';
import type { Group, RewriteContext, StatementRewrite } from './types.js';

/** `pk = constant`, `pk IN (constants)`, or an AND holding one: the statement touches a handful of rows. */
function isPkEquality(where: any, pk: string, quals: string[]): boolean {
  if (!where) return false;
  const e = where.A_Expr;
  const isPk = (n: any) => !!n?.ColumnRef && refersTo(n.ColumnRef, pk, quals);
  const isConst = (n: any) =>
    !!(n?.A_Const || n?.ParamRef || (n?.TypeCast && (n.TypeCast.arg?.A_Const || n.TypeCast.arg?.ParamRef)));
  if (
    e?.kind === 'AEXPR_OP' &&
    names(e.name)[0] === '=' &&
    ((isPk(e.lexpr) && isConst(e.rexpr)) || (isPk(e.rexpr) && isConst(e.lexpr)))
  )
    return true;
  if (
    e?.kind === 'AEXPR_IN' &&
    isPk(e.lexpr) &&
    Array.isArray(e.rexpr?.List?.items) &&
    e.rexpr.List.items.every(isConst)
  )
    return true;
  const b = where.BoolExpr;
  if (b?.boolop === 'AND_EXPR') return (b.args ?? []).some((a: any) => isPkEquality(a, pk, quals));
  return false;
}

/** The statement needs batches: flagged by the lint run, or not a primary-key lookup; and not ignored. */
function needsBatches(stmt: PgStatement, ctx: RewriteContext, pk: string | undefined, rel: any): boolean {
  const quals = [rel.relname, ...(rel.alias?.aliasname ? [rel.alias.aliasname] : [])];
  const flagged = ctx.flaggedBy(stmt).has('unbatched-backfill');
  if (!flagged && pk && isPkEquality(stmt.ast.whereClause, pk, quals)) return false;
  return ctx.allowed(stmt, 'unbatched-backfill');
}

/** WITH, RETURNING and WHERE CURRENT OF have no batched form. */
function unbatchable(ast: any): boolean {
  return !!(ast.withClause || ast.returningList?.length || findNodes(ast.whereClause, 'CurrentOfExpr').length);
}

/**
 * For an idempotent SET (no target column read, nothing volatile, no FROM): applying it again
 * to a row gives the same values, so rows already at their target value are done. The SQL
 * condition of a row still to do, or undefined when there is none.
 */
function pendingCondition(ast: any, table: Table | undefined, src: StmtSource, self: string): string | undefined {
  const targets = (ast.targetList ?? []).map((t: any) => t.ResTarget);
  const simple = targets.every(
    (t: any) =>
      t?.name && !t.indirection?.length && t.val && !('SetToDefault' in t.val) && !('MultiAssignRef' in t.val),
  );
  if (!simple) return undefined;
  const targetNames = targets.map((t: any) => t.name as string);
  const readsTarget = targets.some((t: any) =>
    findNodes(t.val, 'ColumnRef').some((r) => targetNames.includes(names(r.fields).at(-1)!)),
  );
  const volatile = targets.some((t: any) => volatility(t.val) === 'volatile') || findNodes(ast, 'SubLink').length > 0;
  const types = targetNames.map((n: string) => table?.columns.get(n)?.type);
  if (readsTarget || volatile || !types.every((t: unknown) => t && (t as { name: string }).name !== 'unknown'))
    return undefined;
  try {
    // compared as the column's type: the SET assigns with a cast, a comparison would not
    const exprs = targets.map((t: any, i: number) => `CAST(${src.expr(t.val)} AS ${typeSqlOf(types[i]!)})`);
    return targets.length === 1
      ? `${self}.${q(targetNames[0]!)} IS DISTINCT FROM ${exprs[0]!}`
      : `ROW(${targetNames.map((n: string) => `${self}.${q(n)}`).join(', ')}) IS DISTINCT FROM ROW(${exprs.join(', ')})`;
  } catch {
    return undefined;
  }
}

function update(stmt: PgStatement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return undefined;
  const table = ctx.catalog.table(key);
  if (unbatchable(ast)) return undefined;
  const pk = primaryKey(table);
  if (!needsBatches(stmt, ctx, pk?.name, rel)) return undefined;
  const set = src.clause('SET', ['FROM', 'WHERE', 'RETURNING']);
  if (!set) return undefined;
  const from = ast.fromClause?.length ? src.clause('FROM', ['WHERE', 'RETURNING']) : undefined;
  const where = ast.whereClause ? src.clause('WHERE', ['RETURNING']) : undefined;
  const alias: string | undefined = rel.alias?.aliasname;
  const self = alias ? q(alias) : q(rel.relname);
  // the WHERE may read the targets: a row it selects again only gets the same values again
  const pending = from ? undefined : pendingCondition(ast, table, src, self);
  if (!pk && !pending) {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic plan for this UPDATE: ${rel.relname} has no single-column primary key to batch by, and the UPDATE cannot tell done rows from pending ones (it reads what it writes, or calls a volatile function), so page-range batches could apply it twice.`,
    );
    return undefined;
  }
  const shared = {
    table: relation(rel),
    tableName: q(rel.relname),
    set,
    ...(alias ? { alias } : {}),
    ...(from ? { from } : {}),
    ...(where ? { where } : {}),
    ...(pending ? { pending } : {}),
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout,
  };
  if (!pk) pageNote(ctx, stmt, rel);
  const sql = pk
    ? backfillSql({ ...shared, pk: pk.name, progressKey: `${ctx.path}:${stmt.span.line}` })
    : pageBackfillSql({ ...shared, pages: pagesFor(ctx.batchSize) });
  if (!pending && !ctx.expected.some((e) => e.keys.includes(progressTableKeys()[0]!))) {
    ctx.expected.push({
      keys: progressTableKeys(),
      why: `${PROGRESS_TABLE} remembers which batches are done, so that running the backfill again never applies the UPDATE twice; drop it once the migration has run everywhere`,
    });
  }
  record(
    ctx,
    stmt,
    'unbatched-backfill',
    `the same UPDATE in batches of ${pk ? `${ctx.batchSize} rows by ${pk.name}` : `${pagesFor(ctx.batchSize)} pages`}, each committed on its own${pending ? '' : ` (progress kept in ${PROGRESS_TABLE}, so a rerun resumes)`}`,
  );
  return [[step('backfill', sql, [key], backfillReason(ctx, !!pk))]];
}

function deleteRows(stmt: PgStatement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return undefined;
  if (unbatchable(ast)) return undefined;
  const table = ctx.catalog.table(key);
  const pk = primaryKey(table);
  if (!needsBatches(stmt, ctx, pk?.name, rel)) return undefined;
  const using = ast.usingClause?.length ? src.clause('USING', ['WHERE', 'RETURNING']) : undefined;
  const where = ast.whereClause ? src.clause('WHERE', ['RETURNING']) : undefined;
  const alias: string | undefined = rel.alias?.aliasname;
  const shared = {
    table: relation(rel),
    tableName: q(rel.relname),
    set: '',
    delete: true,
    ...(alias ? { alias } : {}),
    ...(using ? { from: using } : {}),
    ...(where ? { where } : {}),
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout,
  };
  if (!pk && using) {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic plan for this DELETE … USING: ${rel.relname} has no single-column primary key to batch by.`,
    );
    return undefined;
  }
  if (!pk) pageNote(ctx, stmt, rel);
  const sql = pk
    ? backfillSql({ ...shared, pk: pk.name, progressKey: `${ctx.path}:${stmt.span.line}` })
    : pageBackfillSql({ ...shared, pages: pagesFor(ctx.batchSize) });
  const how = pk ? `${ctx.batchSize} rows by ${pk.name}` : `${pagesFor(ctx.batchSize)} pages`;
  record(ctx, stmt, 'unbatched-backfill', `the same DELETE in batches of ${how}, each committed on its own`);
  return [
    [
      step(
        'backfill',
        sql,
        [key],
        `delete in batches of ${how}, each committed on its own (no transaction; safe to run again)`,
      ),
    ],
  ];
}

export const batchedUpdateRewrite: StatementRewrite = {
  id: 'batched-update',
  kind: 'UpdateStmt',
  answers: ['unbatched-backfill'],
  rewrite: update,
};

export const batchedDeleteRewrite: StatementRewrite = {
  id: 'batched-delete',
  kind: 'DeleteStmt',
  answers: ['unbatched-backfill'],
  rewrite: deleteRows,
};
