/**
 * Measures how the server runs an ALTER TABLE: on a copy of the table (`CREATE TABLE … LIKE` plus
 * its rows), the ALTER's clauses (`AlterTableAst.body`) are tried with ALGORITHM=INSTANT, then
 * ALGORITHM=INPLACE with LOCK=NONE, SHARED, EXCLUSIVE, then ALGORITHM=COPY with LOCK=SHARED,
 * EXCLUSIVE; the first the server accepts is the measurement. The copy is dropped before the
 * statement itself runs (foreign key names are unique per database).
 *
 * The server refuses an algorithm or lock it cannot honour instead of silently choosing another:
 * MySQL 8.0 reference manual, 15.1.9 "ALTER TABLE Statement" (Performance and Space Requirements:
 * "If the specified ALGORITHM or LOCK is not supported, an error occurs") and 17.12.1 "Online DDL
 * Operations"; MariaDB KB "ALTER TABLE" (ALGORITHM, LOCK) and "InnoDB Online DDL Operations with
 * ALGORITHM=INSTANT/INPLACE/NOCOPY". The refusals are errors 1845 (ER_ALTER_OPERATION_NOT_SUPPORTED),
 * 1846 (…_REASON), 1221 (ER_WRONG_USAGE, e.g. INSTANT with LOCK in MySQL) and 4092
 * (ER_INNODB_MAX_ROW_VERSION, MySQL 8.0.29+: no row version left for INSTANT).
 */
import { randomBytes } from 'node:crypto';
import type { Statement } from '../../../model.js';
import type { OnlineMeasure, OnlineUnmeasured, ProbeTarget } from '../../../shadow/probes.js';
import type { AlterTableAst, MyAst } from '../ast.js';
import { asMysql } from './inspect.js';
import { errnoOf, quoteMyIdent } from './util.js';

/** The attempts, in order: the cheapest way the server might run the change first. */
export const ATTEMPTS: { algorithm: OnlineMeasure['algorithm']; lock: OnlineMeasure['lock']; clause: string }[] = [
  // INSTANT takes no LOCK clause (MySQL: error 1221 with one); it never blocks DML
  { algorithm: 'INSTANT', lock: 'NONE', clause: 'ALGORITHM=INSTANT' },
  { algorithm: 'INPLACE', lock: 'NONE', clause: 'ALGORITHM=INPLACE, LOCK=NONE' },
  { algorithm: 'INPLACE', lock: 'SHARED', clause: 'ALGORITHM=INPLACE, LOCK=SHARED' },
  { algorithm: 'INPLACE', lock: 'EXCLUSIVE', clause: 'ALGORITHM=INPLACE, LOCK=EXCLUSIVE' },
  { algorithm: 'COPY', lock: 'SHARED', clause: 'ALGORITHM=COPY, LOCK=SHARED' },
  { algorithm: 'COPY', lock: 'EXCLUSIVE', clause: 'ALGORITHM=COPY, LOCK=EXCLUSIVE' },
];

/** Server errors that mean "not with this algorithm or lock": try the next. */
const REFUSED = new Set([1845, 1846, 1221, 4092]);

/** rows copied into the probe table at most: enough for the server to meet real data, bounded in time */
export const PROBE_ROWS = 10_000;

/** Why an ALTER cannot be measured on a copy, or undefined when it can. */
export function unmeasurable(a: AlterTableAst): string | undefined {
  if (!a.body.trim()) return 'its clauses could not be told apart from the ALGORITHM/LOCK options';
  if (a.table.schema) return 'it names a table in another database';
  for (const op of a.ops) {
    if (op.op === 'renameTable')
      return 'it renames the table (RENAME is a metadata change; a copy cannot be renamed to the same name)';
    // CREATE TABLE … LIKE copies no foreign key (MySQL 8.0 manual, 15.1.20.3 "CREATE TABLE … LIKE")
    if (op.op === 'dropForeignKey') return 'it drops a foreign key, and a copy made with CREATE TABLE … LIKE has none';
    if (op.op === 'dropConstraint' && !op.check)
      return 'it drops a constraint that may be a foreign key, and a copy made with CREATE TABLE … LIKE has none';
  }
  return undefined;
}

/** The columns of `table` an `INSERT … SELECT` can copy (generated ones are the server's), quoted, comma-separated; '' when none. */
export async function copyableColumns(shadow: ProbeTarget, table: string): Promise<string> {
  const cols = await shadow.query<{ name: string }>(
    `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND EXTRA NOT LIKE '%GENERATED%'
      ORDER BY ORDINAL_POSITION`,
    [table],
  );
  return cols.map((c) => quoteMyIdent(c.name)).join(', ');
}

/** Measures an ALTER TABLE (undefined for any other statement). */
export async function measureOnline(
  target: ProbeTarget,
  stmt: Statement,
): Promise<OnlineMeasure | OnlineUnmeasured | undefined> {
  const a = (stmt as Statement<MyAst>).ast;
  if (a?.type !== 'alter_table') return undefined;
  const why = unmeasurable(a);
  if (why) return { unmeasured: `not measured: ${why}` };
  const shadow = asMysql(target);
  const table = quoteMyIdent(a.table.name);
  const probe = quoteMyIdent(`zd_probe_${randomBytes(6).toString('hex')}`);
  try {
    try {
      await shadow.exec(`CREATE TABLE ${probe} LIKE ${table}`);
    } catch {
      return undefined; // no such table (yet): the statement's own error will say so
    }
    const list = await copyableColumns(shadow, a.table.name);
    if (list) {
      try {
        await shadow.exec(`INSERT INTO ${probe} (${list}) SELECT ${list} FROM ${table} LIMIT ${PROBE_ROWS}`);
      } catch (err) {
        if (errnoOf(err) === undefined) throw err; // the shadow was stopped
        // rows the copy cannot take (a unique key on a prefix, …): measure on the empty copy
      }
    }
    for (const t of ATTEMPTS) {
      try {
        await shadow.exec(`ALTER ${a.ignore ? 'IGNORE ' : ''}TABLE ${probe} ${a.body}, ${t.clause}`);
        return { algorithm: t.algorithm, lock: t.lock, basis: 'measured', server: shadow.engine };
      } catch (err) {
        const n = errnoOf(err);
        if (n === undefined) throw err; // timeout or a lost connection: the run stops
        if (!REFUSED.has(n)) {
          return { unmeasured: `not measured: on a copy of the table the change fails (${(err as Error).message})` };
        }
      }
    }
    return { unmeasured: 'not measured: the server refused every algorithm and lock on a copy of the table' };
  } finally {
    if (!shadow.stopped) await shadow.exec(`DROP TABLE IF EXISTS ${probe}`).catch(() => {});
  }
}
