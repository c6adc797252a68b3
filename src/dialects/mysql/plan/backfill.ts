/**
 * Batched backfills for MySQL/MariaDB: one UPDATE over a whole busy table holds row locks on every
 * row it touches until it ends, and replicates as one long event that lags every replica. The
 * plan runs the same change in batches instead, each committed on its own, from a stored procedure
 * that is created, called and dropped in one phase:
 *
 * - by primary-key ranges when the table has a one-column primary key of a type a procedure
 *   variable can hold: each batch finds the next `batch` keys (keyset, so sparse keys cost
 *   nothing) and updates that range only;
 * - otherwise `UPDATE … LIMIT batch` repeated until ROW_COUNT() = 0, bounded by the number of
 *   pending rows counted up front so that it always ends.
 *
 * Every batch only touches rows still pending (`guard`), so running the phase again after a
 * failure or to the end skips what is done and changes nothing. COMMIT after each batch (a
 * procedure may COMMIT; MySQL reference manual, "Restrictions on Stored Programs").
 *
 * The procedure body contains `;`, so the phase uses the mysql client's `DELIMITER` command, with a
 * delimiter that appears nowhere in the body; zerodown's own statement splitter reads it too.
 */
import { createHash } from 'node:crypto';
import type { MyColumn, MyTable, TableName } from '../ast.js';
import { ident, lockWaitSeconds, tableRef } from './sqltext.js';

export interface BackfillInput {
  table: TableName;
  /** the table as the catalog knows it, for its primary key */
  catalogTable?: MyTable;
  /** `col = expr` assignments, names unquoted, expressions as SQL text */
  set: { column: string; expr: string }[];
  /** SQL condition of a row still to do (the original WHERE and "not yet set"); rows outside it are never touched */
  guard: string;
  batchSize: number;
  lockTimeout: string;
}

const INT_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint']);
const CHAR_TYPES = new Set(['char', 'varchar', 'binary', 'varbinary']);

/** The type to DECLARE a variable that holds the key column, or undefined when none fits safely. */
function declaredType(c: MyColumn): string | undefined {
  const n = c.type.name.toLowerCase();
  if (INT_TYPES.has(n)) return `BIGINT${c.type.unsigned ? ' UNSIGNED' : ''}`;
  if (n === 'date' || n === 'datetime' || n === 'timestamp') return `${n.toUpperCase()}(6)`;
  const len = c.type.args?.[0];
  if (CHAR_TYPES.has(n) && Number.isInteger(len)) {
    if (n.endsWith('binary')) return `VARBINARY(${len})`;
    // the key's own charset and collation: a comparison must order exactly like the index
    if (!c.charset || !/^[a-z0-9_]+$/.test(c.charset) || (c.collation && !/^[a-z0-9_]+$/.test(c.collation)))
      return undefined;
    return `VARCHAR(${len}) CHARACTER SET ${c.charset}${c.collation ? ` COLLATE ${c.collation}` : ''}`;
  }
  return undefined;
}

/** The one-column primary key and the variable type for it, when batching by key ranges is possible. */
export function rangeKey(t: MyTable | undefined): { column: string; type: string } | undefined {
  const pk = t?.indexes.find((i) => i.kind === 'primary');
  if (!t || !pk || pk.columns.length !== 1) return undefined;
  const part = pk.columns[0]!;
  if (part.expression || part.length !== undefined) return undefined;
  const col = t.columns.find((c) => c.name.toLowerCase() === part.name.toLowerCase());
  const type = col && declaredType(col);
  return col && type ? { column: col.name, type } : undefined;
}

/** A stable procedure name from the table and the columns: safe characters only, at most 64. */
export function procedureName(table: TableName, columns: readonly string[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([table.schema ?? '', table.name, ...columns]))
    .digest('hex')
    .slice(0, 8);
  const base = `${table.name}_${columns.join('_')}`.replace(/[^A-Za-z0-9_]/g, '').slice(0, 40);
  return `zd_backfill_${base}_${hash}`;
}

/** A DELIMITER for the mysql client that occurs nowhere in `body`. */
function delimiterFor(body: string): string {
  for (const d of ['$$', '//', '$$zd$$', '@@zd@@']) if (!body.includes(d)) return d;
  let i = 0;
  while (body.includes(`$zd${i}$`)) i++;
  return `$zd${i}$`;
}

/** The procedure's local variables: a column or an expression naming one of them would read the variable instead. */
const VARIABLES = ['zd_lo', 'zd_hi', 'zd_done', 'zd_pending', 'zd_rounds', 'zd_changed'];

/** The procedure's body (BEGIN … END). */
function procedureBody(inp: BackfillInput): string {
  const texts = [inp.guard, ...inp.set.map((s) => s.expr)].join(' ').toLowerCase();
  const clash = VARIABLES.find(
    (v) => texts.includes(v) || inp.catalogTable?.columns.some((c) => c.name.toLowerCase() === v),
  );
  if (clash) throw new Error(`the table or the statement uses the name ${clash}, which the batching procedure needs`);
  const t = tableRef(inp.table);
  const set = inp.set.map((s) => `${ident(s.column)} = ${s.expr}`).join(', ');
  const n = Math.max(1, Math.floor(inp.batchSize));
  const key = rangeKey(inp.catalogTable);
  if (key) {
    const k = ident(key.column);
    return [
      'BEGIN',
      `  DECLARE zd_lo ${key.type} DEFAULT NULL;`,
      `  DECLARE zd_hi ${key.type} DEFAULT NULL;`,
      '  DECLARE zd_done INT DEFAULT 0;',
      '  WHILE zd_done = 0 DO',
      '    SET zd_hi = NULL;',
      `    SELECT MAX(zd_batch.${k}) INTO zd_hi FROM (SELECT ${k} FROM ${t} WHERE zd_lo IS NULL OR ${k} > zd_lo ORDER BY ${k} LIMIT ${n}) AS zd_batch;`,
      '    IF zd_hi IS NULL THEN',
      '      SET zd_done = 1;',
      '    ELSE',
      `      UPDATE ${t} SET ${set} WHERE (zd_lo IS NULL OR ${k} > zd_lo) AND ${k} <= zd_hi AND (${inp.guard});`,
      '      COMMIT;',
      '      SET zd_lo = zd_hi;',
      '    END IF;',
      '  END WHILE;',
      'END',
    ].join('\n');
  }
  return [
    'BEGIN',
    '  DECLARE zd_pending BIGINT DEFAULT 0;',
    '  DECLARE zd_rounds BIGINT DEFAULT 0;',
    '  DECLARE zd_changed BIGINT DEFAULT 1;',
    // bounded: a row the assignment leaves pending (e.g. an expression that gives NULL) cannot loop forever
    `  SELECT COUNT(*) INTO zd_pending FROM ${t} WHERE (${inp.guard});`,
    `  WHILE zd_changed > 0 AND zd_rounds <= zd_pending / ${n} DO`,
    `    UPDATE ${t} SET ${set} WHERE (${inp.guard}) LIMIT ${n};`,
    '    SET zd_changed = ROW_COUNT();',
    '    COMMIT;',
    '    SET zd_rounds = zd_rounds + 1;',
    '  END WHILE;',
    'END',
  ].join('\n');
}

/**
 * The whole backfill phase: time limits, the procedure created, called and dropped. Runnable with
 * the mysql client as it is (DELIMITER lines), and again after a failure.
 */
export function backfillSql(inp: BackfillInput): string {
  const name = ident(
    procedureName(
      inp.table,
      inp.set.map((s) => s.column),
    ),
  );
  const body = procedureBody(inp);
  const d = delimiterFor(body);
  const secs = lockWaitSeconds(inp.lockTimeout);
  return [
    `SET SESSION lock_wait_timeout = ${secs};`,
    `SET SESSION innodb_lock_wait_timeout = ${secs};`,
    `DROP PROCEDURE IF EXISTS ${name};`,
    `DELIMITER ${d}`,
    `CREATE PROCEDURE ${name}()`,
    `${body}${d}`,
    'DELIMITER ;',
    `CALL ${name}();`,
    `DROP PROCEDURE ${name};`,
  ].join('\n');
}

/** Whether batches go by primary-key ranges or by `LIMIT` (for the plan's notes). */
export function batchingOf(t: MyTable | undefined): 'key-range' | 'limit' {
  return rangeKey(t) ? 'key-range' : 'limit';
}
