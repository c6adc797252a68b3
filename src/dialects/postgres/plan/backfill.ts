/**
 * Batched backfills: one UPDATE split into batches by primary key (walked with
 * ORDER BY … LIMIT, so any btree-ordered key type works, uuid included), each batch
 * committed on its own, as a DO block that runs as emitted (PostgreSQL 11+;
 * it must be sent on its own, outside any transaction block).
 *
 * Restartable: the per-batch UPDATE only touches rows still to do (`pending`),
 * so a rerun after a failure skips finished rows. When no such predicate exists
 * (e.g. `SET n = n + 1`), progress is committed with each batch into a small
 * bookkeeping table (`zerodown_backfill_progress`), which also remembers that
 * the backfill finished, so even a rerun after success changes nothing.
 */
import { dollarQuote, ident as quoteIdent, literal as quoteLiteral } from './quote.js';

export interface BackfillSpec {
  /** quoted (possibly schema-qualified) relation, as written in the UPDATE */
  table: string;
  /** quoted relation name without schema, to qualify the key column */
  tableName: string;
  /** the table's single-column primary key (unquoted) */
  pk: string;
  /** the SET list, e.g. `plan_code = upper(md5(random()::text))` */
  set: string;
  /** a DELETE instead of an UPDATE (`set` unused; `from` is its USING list); deleted rows are gone, so a rerun skips them */
  delete?: boolean;
  /** alias of the table in the UPDATE, when it has one */
  alias?: string;
  /** FROM list of an UPDATE … FROM */
  from?: string;
  /** the original WHERE condition */
  where?: string;
  /** rows still to do; a rerun skips the others. Without it, progress goes to a table. */
  pending?: string;
  /**
   * Instead of `set`: fill `fill.column` with `fill.value` where it is NULL, then apply
   * `fill.then` (a SET list) to exactly the rows filled in the same batch, where `fill.where` holds.
   */
  fill?: { column: string; value: string; then: string; where?: string };
  batchSize: number;
  lockTimeout: string;
  /** name used for the progress row, unique per backfill */
  progressKey: string;
  /** when set, the block raises this exception before doing anything (a TODO a person must resolve) */
  todo?: string;
  /** a SQL condition; when it is false (e.g. run again after the contract dropped a column), the block does nothing */
  onlyIf?: string;
}

function indent(lines: string[], n: number): string[] {
  const pad = ' '.repeat(n);
  return lines.map((l) => (l ? pad + l : l));
}

/** The DO block for one batched backfill. */
export const PROGRESS_TABLE = 'zerodown_backfill_progress';

/** Snapshot keys (verify.ts) of the bookkeeping table, for the plan's expected differences. */
export function progressTableKeys(schema = 'public'): string[] {
  const t = `${schema}.${PROGRESS_TABLE}`;
  return [
    `relation ${t}`,
    `column ${t}.backfill`,
    `column ${t}.done_up_to`,
    `column ${t}.finished`,
    `column order ${t}`,
    `constraint ${t}.${PROGRESS_TABLE}_pkey`,
    // PostgreSQL 18 records NOT NULL as named constraints
    `constraint ${t}.${PROGRESS_TABLE}_backfill_not_null`,
    `constraint ${t}.${PROGRESS_TABLE}_finished_not_null`,
    `index ${schema}.${PROGRESS_TABLE}_pkey`,
  ];
}

/**
 * PostgreSQL times a DO block as ONE statement, from its start: a `statement_timeout` in
 * force when it starts (a database or role default, say) cancels it once, however small
 * each batch is, and `SET statement_timeout` inside the block cannot stop that timer.
 * The timer fires once per statement, so the block catches that one cancel: a timeout of
 * up to a minute is waited out before the first batch (the cancel could otherwise land
 * between two batches, where it cannot be caught); a longer one is caught inside the
 * batch it interrupts, which is undone and runs again. A cancel that does not come from
 * the timeout (a person, pg_cancel_backend) stops the backfill, as it should.
 */
const TIMEOUT_DECLARE = `  zd_timeout interval := nullif(current_setting('statement_timeout'), '0')::interval;`;

const WAIT_OUT_TIMEOUT = [
  `  IF zd_timeout <= interval '1 minute' THEN`,
  `    RAISE NOTICE 'zerodown: waiting out statement_timeout (%) once, so that it cannot stop the backfill half-way', zd_timeout;`,
  '    BEGIN',
  `      PERFORM pg_sleep_for(greatest(zd_timeout - (clock_timestamp() - statement_timestamp()), interval '0') + interval '200 milliseconds');`,
  '    EXCEPTION WHEN query_canceled THEN',
  '      IF clock_timestamp() - statement_timestamp() < zd_timeout THEN',
  '        RAISE;',
  '      END IF;',
  '    END;',
  '    zd_timeout := NULL;',
  '  END IF;',
];

function onTimeout(pad: string, retry: string[]): string[] {
  return [
    `${pad}EXCEPTION WHEN query_canceled THEN`,
    `${pad}  -- the statement_timeout this block started under fired (once per statement): this batch again`,
    `${pad}  IF zd_timeout IS NULL OR clock_timestamp() - statement_timestamp() < zd_timeout THEN`,
    `${pad}    RAISE;`,
    `${pad}  END IF;`,
    `${pad}  zd_timeout := NULL;`,
    ...retry.map((l) => `${pad}  ${l}`),
    `${pad}END;`,
  ];
}

export function backfillSql(spec: BackfillSpec): string {
  const pk = quoteIdent(spec.pk);
  const self = spec.alias ? quoteIdent(spec.alias) : spec.tableName;
  const key = `${self}.${pk}`;
  const keyType = `${spec.table}.${pk}%TYPE`;
  const range = `${key} BETWEEN zd_batch_start AND zd_batch_end`;
  const target = spec.alias ? `${spec.table} AS ${quoteIdent(spec.alias)}` : spec.table;
  const useProgress = !spec.pending && !spec.fill && !spec.delete;
  const progress = PROGRESS_TABLE;

  const perBatch: string[] = [];
  if (spec.fill) {
    const col = quoteIdent(spec.fill.column);
    perBatch.push(
      `WITH filled AS (`,
      `  UPDATE ${spec.table} SET ${col} = ${spec.fill.value}`,
      `   WHERE ${spec.tableName}.${pk} BETWEEN zd_batch_start AND zd_batch_end AND ${col} IS NULL`,
      `  RETURNING ${pk}`,
      `)`,
      `SELECT array_agg(${pk}::text) INTO zd_filled FROM filled;`,
      `UPDATE ${spec.table} SET ${spec.fill.then}`,
      ` WHERE ${spec.tableName}.${pk} BETWEEN zd_batch_start AND zd_batch_end AND ${spec.tableName}.${pk}::text = ANY (zd_filled)${spec.fill.where ? ` AND (${spec.fill.where})` : ''};`,
    );
  } else {
    const conds = [range];
    if (spec.where) conds.push(`(${spec.where})`);
    if (spec.pending) conds.push(spec.pending);
    if (spec.delete) {
      perBatch.push(`DELETE FROM ${target}`);
      if (spec.from) perBatch.push(`  USING ${spec.from}`);
    } else {
      perBatch.push(`UPDATE ${target} SET ${spec.set}`);
      if (spec.from) perBatch.push(`  FROM ${spec.from}`);
    }
    conds.forEach((c, i) => perBatch.push(`${i === 0 ? ' WHERE' : '   AND'} ${c}${i === conds.length - 1 ? ';' : ''}`));
  }
  if (useProgress) {
    perBatch.push(
      `INSERT INTO ${progress} (backfill, done_up_to) VALUES (${quoteLiteral(spec.progressKey)}, zd_batch_end::text)`,
      `  ON CONFLICT (backfill) DO UPDATE SET done_up_to = EXCLUDED.done_up_to;`,
    );
  }

  const tableName = spec.table;
  const lines: string[] = [];
  lines.push('DECLARE');
  lines.push(`  zd_batch_start ${keyType};`);
  lines.push(`  zd_batch_end ${keyType};`);
  lines.push(`  zd_next ${keyType};`);
  lines.push(TIMEOUT_DECLARE);
  if (spec.fill) lines.push('  zd_filled text[];');
  lines.push('BEGIN');
  if (spec.todo) lines.push(`  RAISE EXCEPTION '%', ${quoteLiteral(spec.todo)};`);
  if (spec.onlyIf)
    lines.push(
      `  IF NOT (${spec.onlyIf}) THEN`,
      `    RAISE NOTICE 'zerodown: nothing to backfill (a later phase has already run)';`,
      '    RETURN;',
      '  END IF;',
    );
  // no time limit on the whole backfill (batches are short; each waits at most lock_timeout for its locks)
  lines.push('  SET statement_timeout = 0;');
  lines.push(`  SET lock_timeout = ${quoteLiteral(spec.lockTimeout)};`);
  lines.push(...WAIT_OUT_TIMEOUT);
  if (useProgress) {
    lines.push(
      `  -- this UPDATE cannot tell done rows from pending ones: progress is kept in ${progress}`,
      `  CREATE TABLE IF NOT EXISTS ${progress} (backfill text PRIMARY KEY, done_up_to text, finished boolean NOT NULL DEFAULT false);`,
      '  COMMIT;',
      `  IF EXISTS (SELECT FROM ${progress} WHERE backfill = ${quoteLiteral(spec.progressKey)} AND finished) THEN`,
      `    RAISE NOTICE 'zerodown: backfill % already finished, nothing to do', ${quoteLiteral(spec.progressKey)};`,
      '    RESET statement_timeout;',
      '    RESET lock_timeout;',
      '    RETURN;',
      '  END IF;',
      `  zd_batch_end := (SELECT done_up_to FROM ${progress} WHERE backfill = ${quoteLiteral(spec.progressKey)});`,
      `  SELECT ${pk} INTO zd_batch_start FROM ${tableName} WHERE zd_batch_end IS NULL OR ${pk} > zd_batch_end ORDER BY ${pk} LIMIT 1;`,
    );
  } else {
    lines.push(`  SELECT ${pk} INTO zd_batch_start FROM ${tableName} ORDER BY ${pk} LIMIT 1;`);
  }
  lines.push('  WHILE zd_batch_start IS NOT NULL LOOP');
  lines.push('    BEGIN');
  lines.push(
    `      SELECT ${pk} INTO zd_batch_end FROM (SELECT ${pk} FROM ${tableName} WHERE ${pk} >= zd_batch_start ORDER BY ${pk} LIMIT ${spec.batchSize}) AS zd_batch ORDER BY ${pk} DESC LIMIT 1;`,
  );
  lines.push(...indent(perBatch, 6));
  lines.push(`      SELECT ${pk} INTO zd_next FROM ${tableName} WHERE ${pk} > zd_batch_end ORDER BY ${pk} LIMIT 1;`);
  lines.push(...onTimeout('    ', ['zd_next := zd_batch_start;']));
  lines.push('    COMMIT;');
  lines.push('    zd_batch_start := zd_next;');
  lines.push('  END LOOP;');
  if (useProgress) {
    lines.push(`  UPDATE ${progress} SET finished = true WHERE backfill = ${quoteLiteral(spec.progressKey)};`);
  }
  // the session keeps its own timeouts for whatever runs next
  lines.push('  RESET statement_timeout;');
  lines.push('  RESET lock_timeout;');
  lines.push('END');
  return `DO ${dollarQuote(`\n${lines.join('\n')}\n`)};`;
}

/**
 * For a table without a single-column primary key: the same batches, walked by
 * physical page ranges (`ctid`, TID range scans on PostgreSQL 14+), `pages` pages
 * per batch. Only for work that knows which rows are still to do (`pending`), or
 * a DELETE (one pass). An UPDATE passes over the table again, up to 5 times,
 * until no row is pending: a row an app update moves behind the walk is caught.
 */
/** Pages per batch for about `rows` rows (a page holds roughly 100 narrow rows). */
export const pagesFor = (rows: number) => Math.max(1, Math.round(rows / 100));

export function pageBackfillSql(spec: Omit<BackfillSpec, 'pk' | 'fill' | 'progressKey'> & { pages: number }): string {
  if (!spec.delete && !spec.pending) throw new Error('a page-range backfill needs a pending predicate');
  const self = spec.alias ? quoteIdent(spec.alias) : spec.tableName;
  const target = spec.alias ? `${spec.table} AS ${quoteIdent(spec.alias)}` : spec.table;
  const conds = [
    `${self}.ctid >= format('(%s,0)', zd_page)::tid`,
    `${self}.ctid < format('(%s,0)', zd_page + ${spec.pages})::tid`,
  ];
  if (spec.where) conds.push(`(${spec.where})`);
  if (spec.pending) conds.push(spec.pending);
  const left = [...(spec.where ? [`(${spec.where})`] : []), ...(spec.pending ? [spec.pending] : [])];
  const statement = spec.delete ? [`DELETE FROM ${target}`] : [`UPDATE ${target} SET ${spec.set}`];
  const lines = [
    'DECLARE',
    '  zd_page bigint;',
    '  zd_pages bigint;',
    '  zd_pass int := 0;',
    '  zd_next bigint;',
    '  zd_left boolean;',
    TIMEOUT_DECLARE,
    'BEGIN',
    ...(spec.todo ? [`  RAISE EXCEPTION '%', ${quoteLiteral(spec.todo)};`] : []),
    '  SET statement_timeout = 0;',
    `  SET lock_timeout = ${quoteLiteral(spec.lockTimeout)};`,
    ...WAIT_OUT_TIMEOUT,
    '  LOOP',
    '    zd_pass := zd_pass + 1;',
    '    zd_page := 0;',
    `    zd_pages := pg_relation_size(${quoteLiteral(spec.table)}::regclass) / current_setting('block_size')::int;`,
    '    WHILE zd_page <= zd_pages LOOP',
    `      zd_next := zd_page + ${spec.pages};`,
    '      BEGIN',
    ...statement.map((l) => `        ${l}`),
    ...conds.map((c, i) => `        ${i === 0 ? ' WHERE' : '   AND'} ${c}${i === conds.length - 1 ? ';' : ''}`),
    ...onTimeout('      ', ['zd_next := zd_page;']),
    '      COMMIT;',
    '      zd_page := zd_next;',
    '    END LOOP;',
    // a DELETE makes one pass: rows inserted after it started are not its business
    ...(spec.delete
      ? ['    EXIT;']
      : [
          '    BEGIN',
          `      zd_left := EXISTS (SELECT FROM ${target} WHERE ${left.join(' AND ')});`,
          ...onTimeout('    ', ['zd_left := true;']),
          '    EXIT WHEN NOT zd_left;',
          `    IF zd_pass >= 5 THEN`,
          `      RAISE EXCEPTION 'zerodown: rows of % keep moving under the backfill; run this phase again when writes calm down', ${quoteLiteral(spec.table)};`,
          '    END IF;',
        ]),
    '  END LOOP;',
    '  RESET statement_timeout;',
    '  RESET lock_timeout;',
    'END',
  ];
  return `DO ${dollarQuote(`\n${lines.join('\n')}\n`)};`;
}
