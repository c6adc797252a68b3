/**
 * An UPDATE over a whole busy table (unbatched-backfill) becomes the same change in batches, each
 * committed on its own, from a procedure that is dropped at the end (backfill.ts). It must be safe
 * to run again: each batch only touches rows whose target columns do not hold their new value yet
 * (`NOT (col <=> (expr))`, null-safe), which is only sound when the SET is idempotent: it reads no
 * column it writes and calls nothing volatile. Otherwise the statement is kept, and a note says why.
 */
import type { Step } from '../../../plan/schedule.js';
import type { MyStatement, UpdateAst } from '../ast.js';
import { backfillSql, batchingOf } from './backfill.js';
import { colKey, note, record, step, type MyRewriteContext } from './context.js';
import { ident } from './sqltext.js';

export const UPDATE_ANSWERS = ['unbatched-backfill'] as const;

/** Functions whose result changes between calls or rows (MySQL reference manual, "Function and Operator Reference"). */
const VOLATILE = new Set([
  'rand',
  'uuid',
  'uuid_short',
  'sys_guid',
  'now',
  'sysdate',
  'curdate',
  'curtime',
  'current_date',
  'current_time',
  'current_timestamp',
  'localtime',
  'localtimestamp',
  'utc_date',
  'utc_time',
  'utc_timestamp',
  'unix_timestamp',
  'connection_id',
  'last_insert_id',
  'found_rows',
  'row_count',
  'sleep',
  'nextval',
  'random_bytes',
]);

/** The identifiers and words of an expression, lower case, with string literals left out. */
export function wordsOf(expr: string): { names: Set<string>; userVars: boolean } {
  const names = new Set<string>();
  let userVars = false;
  const re =
    /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`((?:[^`]|``)*)`|@@?[A-Za-z0-9_$.]*|([A-Za-z_$][A-Za-z0-9_$]*)/g;
  for (const m of expr.matchAll(re)) {
    if (m[1] !== undefined) names.add(m[1].replace(/``/g, '`').toLowerCase());
    else if (m[2] !== undefined) names.add(m[2].toLowerCase());
    else if (m[0].startsWith('@')) userVars = true;
  }
  return { names, userVars };
}

/** Why the SET cannot be guarded for a rerun, or undefined when it can. */
export function notIdempotent(set: UpdateAst['set']): string | undefined {
  const targets = new Set(set.map((s) => s.column.toLowerCase()));
  for (const s of set) {
    const { names, userVars } = wordsOf(s.expr);
    const reads = [...names].find((n) => targets.has(n));
    if (reads) return `its SET reads ${reads}, a column it writes, so a second run would change rows again`;
    const vol = [...names].find((n) => VOLATILE.has(n));
    if (vol)
      return `its SET calls ${vol}(), whose value changes on every call, so zerodown cannot tell a done row from a pending one`;
    if (userVars) return 'its SET reads a variable, so zerodown cannot tell a done row from a pending one';
  }
  return undefined;
}

const ANSWERS = new Set<string>(UPDATE_ANSWERS);

/** UPDATE → batched, restartable backfill phase; undefined: kept as written (a note says why when flagged). */
export function rewriteUpdate(ctx: MyRewriteContext, stmt: MyStatement, ast: UpdateAst): Step[][] | undefined {
  const rules = ctx.flaggedBy(stmt);
  if (!rules.has('unbatched-backfill')) return undefined;
  for (const r of rules) if (!ANSWERS.has(r) || !ctx.allowed(stmt, r)) return undefined;
  const why =
    ast.tables.length !== 1
      ? 'a multi-table UPDATE has no batched form'
      : ast.limit !== undefined || ast.orderBy
        ? 'it already has ORDER BY / LIMIT of its own'
        : !ast.set.length
          ? 'zerodown could not read its SET list'
          : notIdempotent(ast.set);
  if (why) {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic plan for this UPDATE: ${why}. Run it by hand in batches of a few thousand rows by primary key, each committed on its own.`,
    );
    return undefined;
  }
  const table = ast.tables[0]!;
  const t = ctx.catalog.table(table);
  const pending = ast.set.map((s) => `NOT (${ident(s.column)} <=> (${s.expr}))`).join(' OR ');
  const guard = ast.where ? `(${ast.where}) AND (${pending})` : pending;
  const sql = backfillSql({
    table,
    catalogTable: t,
    set: ast.set,
    guard,
    batchSize: ctx.settings.batchSize,
    lockTimeout: ctx.settings.lockTimeout,
  });
  record(
    ctx,
    stmt,
    rules,
    `the same UPDATE in batches of ${ctx.settings.batchSize} ${batchingOf(t) === 'key-range' ? 'by primary-key ranges' : 'by UPDATE … LIMIT'}, each committed; a rerun skips rows already done`,
  );
  return [
    [
      step(
        'backfill',
        sql,
        ast.set.map((s) => colKey(table, s.column)),
        `update existing rows in batches of ${ctx.settings.batchSize}, each committed on its own (no long row locks, no replica lag spike; safe to run again)`,
      ),
    ],
  ];
}
