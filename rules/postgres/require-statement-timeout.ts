import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { defineRule, type PgRuleContext } from '../../src/dialects/postgres/rule.js';
import {
  aLock,
  commandLabel,
  firstInFile,
  lastSetting,
  lockImpact,
  setsZero,
  statementLocks,
  strongerLock,
} from '../../src/dialects/postgres/locks.js';
import { resolveDomain, typeChangeCost } from '../../src/dialects/postgres/column-types.js';
import {
  alterCmds,
  columnConstraints,
  displayTable,
  names,
  volatility,
  type LockMode,
} from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { typeRef } from '../../src/dialects/postgres/typenames.js';

const ID = 'require-statement-timeout';

interface LongWork {
  /** what makes the statement slow, completing "it …" */
  work: string;
  /** `schema.table` when known */
  rel?: string;
  /** how to name it in the message, in backticks */
  display: string;
  lock: LockMode;
}

/** Why `ADD COLUMN <def>` reads or rewrites every row, or undefined when it is instant. */
function addColumnWork(def: any, ctx: PgRuleContext): string | undefined {
  const cons = columnConstraints(def);
  if (cons.some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind !== 'v'))
    return 'rewrites the table to fill a stored generated column';
  if (cons.some((c) => c.contype === 'CONSTR_IDENTITY')) return 'rewrites the table to fill an identity column';
  const tn = names(def.typeName?.names);
  if (['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8'].includes(tn[tn.length - 1] ?? ''))
    return 'rewrites the table to fill a serial column';
  const dflt = cons.find((c) => c.contype === 'CONSTR_DEFAULT');
  if (dflt) {
    if (ctx.pgVersion < 11) return 'rewrites the table to store the default in every row (before PostgreSQL 11)';
    if (volatility(dflt.raw_expr, ctx.catalog.functions) === 'volatile')
      return 'rewrites the table to evaluate a volatile default for every row';
  }
  if (cons.some((c) => c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE'))
    return 'builds a unique index over every row';
  if (cons.some((c) => c.contype === 'CONSTR_CHECK' || c.contype === 'CONSTR_FOREIGN'))
    return 'scans every row to validate the new constraint';
  return undefined;
}

/** A validated `CHECK (col IS NOT NULL)` lets SET NOT NULL skip its scan (PostgreSQL 12+). */
function hasNotNullCheck(ctx: PgRuleContext, rel: any, column: string): boolean {
  if (ctx.pgVersion < 12) return false;
  for (const con of ctx.table(rel)?.constraints.values() ?? []) {
    if (con.type !== 'check' || !con.validated) continue;
    const t = con.expr?.NullTest;
    if (t?.nulltesttype === 'IS_NOT_NULL' && names(t.arg?.ColumnRef?.fields).at(-1) === column) return true;
  }
  return false;
}

function alterTableWork(stmt: PgStatement, ctx: PgRuleContext): string | undefined {
  const rel = stmt.ast.relation;
  for (const cmd of alterCmds(stmt.ast)) {
    switch (cmd.subtype) {
      case 'AT_AlterColumnType': {
        const col = ctx.column(rel, cmd.name);
        const def = cmd.def?.ColumnDef;
        if (col && def?.typeName && !def.raw_default) {
          const from = resolveDomain(col.type, ctx.catalog);
          const to = resolveDomain(typeRef(def.typeName), ctx.catalog);
          if (!to.constrainedDomain && typeChangeCost(from.type, to.type, ctx.pgVersion) === 'none') break;
        }
        return `rewrites or re-checks every row to change the type of column ${cmd.name}`;
      }
      case 'AT_AddColumn': {
        const w = addColumnWork(cmd.def?.ColumnDef, ctx);
        if (w) return w;
        break;
      }
      case 'AT_AddConstraint': {
        const con = cmd.def?.Constraint;
        if (!con) break;
        if ((con.contype === 'CONSTR_CHECK' || con.contype === 'CONSTR_FOREIGN') && !con.skip_validation)
          return 'scans every row to validate the new constraint';
        if ((con.contype === 'CONSTR_PRIMARY' || con.contype === 'CONSTR_UNIQUE') && !con.indexname)
          return 'builds a unique index over every row';
        if (con.contype === 'CONSTR_EXCLUSION') return 'builds an exclusion index over every row';
        break;
      }
      case 'AT_SetNotNull':
        if (!hasNotNullCheck(ctx, rel, cmd.name)) return `scans every row to check that ${cmd.name} has no NULLs`;
        break;
      case 'AT_SetLogged':
      case 'AT_SetUnLogged':
      case 'AT_SetTableSpace':
      case 'AT_SetAccessMethod':
        return 'rewrites the whole table';
      case 'AT_AttachPartition':
        return `scans partition ${displayTable(cmd.def?.PartitionCmd?.name)} to check its rows fit the partition bound`;
      default:
        break;
    }
  }
  return undefined;
}

const isConstant = (n: any): boolean => !!(n?.A_Const || n?.ParamRef || (n?.TypeCast && isConstant(n.TypeCast.arg)));

/**
 * True when the WHERE clause pins a primary key or unique key of the table to
 * constants (`id = 5`, `id IN ('a', 'b')`): the statement touches a handful of rows.
 */
function pinsUniqueKey(ctx: PgRuleContext, rel: any, where: any): boolean {
  if (!where) return false;
  const conjuncts: any[] = [];
  const flatten = (n: any): void => {
    if (n?.BoolExpr?.boolop === 'AND_EXPR') n.BoolExpr.args.forEach(flatten);
    else conjuncts.push(n);
  };
  flatten(where);
  const pinned = new Set<string>();
  for (const c of conjuncts) {
    const e = c?.A_Expr;
    if (!e) continue;
    const col = (n: any) => names(n?.ColumnRef?.fields).at(-1);
    if (e.kind === 'AEXPR_OP' && names(e.name).join() === '=') {
      if (col(e.lexpr) && isConstant(e.rexpr)) pinned.add(col(e.lexpr)!);
      else if (col(e.rexpr) && isConstant(e.lexpr)) pinned.add(col(e.rexpr)!);
    } else if (e.kind === 'AEXPR_IN' && col(e.lexpr) && (e.rexpr?.List?.items ?? []).every(isConstant)) {
      pinned.add(col(e.lexpr)!);
    }
  }
  if (!pinned.size) return false;
  const key = relKey(rel);
  const keys: string[][] = [];
  for (const ix of ctx.catalog.indexesOf(key))
    if (ix.unique && ix.columns.every((c) => c !== null)) keys.push(ix.columns as string[]);
  for (const con of ctx.table(rel)?.constraints.values() ?? [])
    if (con.type === 'primary' || con.type === 'unique') keys.push(con.columns);
  return keys.some((k) => k.length > 0 && k.every((c) => pinned.has(c)));
}

/** What makes this statement run long on an existing table, or undefined. */
function longWork(stmt: PgStatement, ctx: PgRuleContext): LongWork | undefined {
  const ast = stmt.ast;
  let work: string | undefined;
  let rel: any;
  switch (stmt.kind) {
    case 'IndexStmt':
      // CONCURRENTLY builds must not be cut short by a timeout: they would leave an INVALID index
      if (!ast.concurrent) [work, rel] = ['builds an index over every row', ast.relation];
      break;
    case 'AlterTableStmt':
      if ((ast.objtype ?? 'OBJECT_TABLE') === 'OBJECT_TABLE') [work, rel] = [alterTableWork(stmt, ctx), ast.relation];
      break;
    case 'ClusterStmt':
      if (ast.relation) [work, rel] = ['rewrites the whole table in index order', ast.relation];
      break;
    case 'RefreshMatViewStmt':
      if (!ast.concurrent) [work, rel] = ['re-runs the view query and rewrites the materialized view', ast.relation];
      break;
    case 'UpdateStmt':
    case 'DeleteStmt':
      if (pinsUniqueKey(ctx, ast.relation, ast.whereClause)) return undefined;
      [work, rel] = [
        `${stmt.kind === 'DeleteStmt' ? 'deletes' : 'updates'} every matching row, locking each one until the transaction ends`,
        ast.relation,
      ];
      break;
    case 'MergeStmt':
      [work, rel] = ['merges every matching row, locking each one until the transaction ends', ast.relation];
      break;
    case 'InsertStmt': {
      const sel = ast.selectStmt?.SelectStmt;
      if (sel?.fromClause?.length) [work, rel] = ['copies every row the SELECT returns', ast.relation];
      break;
    }
    default: {
      // VACUUM FULL, REINDEX, ALTER DOMAIN … ADD CONSTRAINT: rewrite or scan under a blocking lock
      const locks = statementLocks(stmt.kind, ast, { pgVersion: ctx.pgVersion, catalog: ctx.catalog });
      if (stmt.kind === 'VacuumStmt' && locks.some((l) => l.mode === 'AccessExclusiveLock')) {
        const l = locks[0]!;
        return {
          work: 'rewrites the whole table (VACUUM FULL)',
          rel: l.rel,
          display: l.rel ? `\`${displayTable(l.rel)}\`` : l.what,
          lock: l.mode,
        };
      }
      if (stmt.kind === 'ReindexStmt' && locks.some((l) => l.mode === 'AccessExclusiveLock')) {
        const l = locks[0]!;
        return {
          work: 'rebuilds indexes from every row',
          rel: l.rel,
          display: l.rel ? `\`${displayTable(l.rel)}\`` : l.what,
          lock: l.mode,
        };
      }
      if (stmt.kind === 'AlterDomainStmt' && locks.length) {
        const l = locks[0]!;
        return {
          work: 'scans every column that uses the domain',
          rel: l.rel,
          display: l.rel ? `\`${displayTable(l.rel)}\`` : l.what,
          lock: l.mode,
        };
      }
      return undefined;
    }
  }
  if (!work || !rel?.relname || ctx.isNewTable(rel)) return undefined;
  const locks = statementLocks(stmt.kind, ast, { pgVersion: ctx.pgVersion, catalog: ctx.catalog });
  const key = relKey(rel);
  const mode = locks
    .filter((l) => l.rel === key)
    .map((l) => l.mode)
    .reduce<LockMode>(strongerLock, 'RowExclusiveLock');
  return { work, rel: key, display: `\`${displayTable(key)}\``, lock: mode };
}

export default defineRule({
  meta: {
    id: ID,
    severity: 'warning',
    summary:
      'A statement that can run for a long time on an existing table (rewrite, scan, index build, backfill) with no statement_timeout set.',
  },
  check(stmt, ctx) {
    if (ctx.tx.statementTimeout) return;
    const long = longWork(stmt, ctx);
    if (!long) return;
    const last = lastSetting(ctx.statements, stmt.index, 'statement_timeout');
    // `SET statement_timeout = 0` is a deliberate choice (long backfills), not an omission
    if (setsZero(last)) return;
    if (!firstInFile(ID, ctx, stmt)) return;
    const label = commandLabel(stmt.kind, stmt.ast);
    const table = long.display;
    const dml = ['UpdateStmt', 'DeleteStmt', 'MergeStmt', 'InsertStmt'].includes(stmt.kind);
    const holds = dml
      ? `it holds its row locks${ctx.tx.inTransaction ? ', and every lock taken earlier in this transaction,' : ''} for as long as it runs`
      : `it holds ${aLock(long.lock)} on ${table} the whole time, so ${lockImpact(long.lock)} waits`;
    return {
      message: `${label} on ${table} ${long.work}, and no statement_timeout is set: on a large table it can run for minutes or hours, and ${holds}, with nothing to stop it.`,
      help: "Set `SET statement_timeout = '…';` before it, sized for the table, so a runaway statement is cancelled instead of holding its locks (not for CONCURRENTLY builds or VALIDATE CONSTRAINT, which must not be cut short).",
      lock: long.lock,
      table: long.rel,
      data: { setting: 'statement_timeout', work: long.work },
    };
  },
});
