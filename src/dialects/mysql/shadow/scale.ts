/**
 * `ShadowProbes.scale` for MySQL and MariaDB (docs/estimates.md): how much of a statement's time on the
 * shadow grows with its table, for `--stats` estimates.
 *
 * - **ALTER TABLE and CREATE INDEX** are DDL: they commit by themselves and cannot be rolled back. So they
 *   are timed on copies: a sample table (`CREATE TABLE … LIKE` the statement's table, filled by the seeder
 *   with SAMPLE_ROWS rows, or with the seeded table's rows when the seeder cannot fill it), then for each
 *   timed run a fresh copy of the sample, full or empty, that the statement (issued against the copy, with
 *   its own ALGORITHM=/LOCK= clauses) changes and that is dropped after. The table itself is untouched: the
 *   traced run that follows sees the shadow as it was. A change the server makes with ALGORITHM=INSTANT
 *   (metadata only: its time does not grow with the table) is not timed.
 * - **UPDATE and DELETE** (backfills) run on the table itself, as seeded, in a transaction (or, inside the
 *   migration's own transaction, a savepoint) rolled back; the empty-table run deletes every row first
 *   (foreign key checks off for that DELETE only), in the same transaction.
 *
 * Runs alternate between the two sizes, after one untimed run of each, at least REPEATS times each and
 * on until the fastest run on the sample has not improved by 5% for STABLE rounds (at most MAX_ROUNDS);
 * the fastest of each size is kept. Wall time: the work happens in the server's process.
 */
import { randomBytes } from 'node:crypto';
import type { Statement } from '../../../model.js';
import { isShadowStop } from '../../../shadow/driver.js';
import type { ProbeTarget, ScaleMeasure } from '../../../shadow/probes.js';
import { MIN_SIGNAL_MS } from '../../../estimate/model.js';
import { fastestOfBoth, type TimingRounds } from '../../../shadow/scale-timing.js';
import type { MyAst, OnlineClauses } from '../ast.js';
import { copyableColumns, unmeasurable } from './online.js';
import { seed } from './seed.js';
import { errnoOf, quoteMyIdent } from './util.js';

/** fewer rounds than PGlite's: a server needs no warm-up of its own code, and each run copies the sample */
const ROUNDS: TimingRounds = { repeats: 3, stable: 2, maxRounds: 8, minDiffMs: MIN_SIGNAL_MS };
/** rows the DDL is timed on (the seeded table's rows when the seeder cannot fill the sample) */
export const SAMPLE_ROWS = 10_000;
const SAVEPOINT = 'zerodown_scale';

interface DdlTarget {
  kind: 'ddl';
  table: string;
  work: ScaleMeasure['work'];
  /** the statement against another table */
  sql: (table: string) => string;
  /** the statement may run as ALGORITHM=INSTANT: try that on an empty copy first */
  instant?: (table: string) => string;
}

interface DmlTarget {
  kind: 'dml';
  table: string;
  sql: string;
}

/** `, ALGORITHM=COPY, LOCK=SHARED`: the online clauses as written (MariaDB's ONLINE is LOCK=NONE). */
function clausesOf(o: OnlineClauses): string {
  const out: string[] = [];
  if (o.algorithm && o.algorithm !== 'DEFAULT') out.push(`ALGORITHM=${o.algorithm}`);
  if (o.lock && o.lock !== 'DEFAULT') out.push(`LOCK=${o.lock}`);
  else if (o.online) out.push('LOCK=NONE');
  return out.map((c) => `, ${c}`).join('');
}

/** `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name [USING …] ON table`: the prefix, and the table as written */
const CREATE_INDEX_ON =
  /^(\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:ONLINE\s+|OFFLINE\s+)?(?:UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:`(?:[^`]|``)+`|[\w$]+)(?:\s+USING\s+\w+)?\s+ON\s+)(`(?:[^`]|``)+`|[\w$]+)/i;

const unquote = (name: string) => (name.startsWith('`') ? name.slice(1, -1).replace(/``/g, '`') : name);

function targetOf(stmt: Statement): DdlTarget | DmlTarget | undefined {
  const a = (stmt as Statement<MyAst>).ast;
  switch (a?.type) {
    case 'alter_table': {
      if (unmeasurable(a)) return undefined;
      const head = (t: string) => `ALTER ${a.ignore ? 'IGNORE ' : ''}TABLE ${quoteMyIdent(t)} ${a.body}`;
      // only secondary indexes added: an index build (its sort), not a copy of the rows
      const indexOnly = a.ops.length > 0 && a.ops.every((op) => op.op === 'addIndex' && op.index.kind !== 'primary');
      return {
        kind: 'ddl',
        table: a.table.name,
        work: indexOnly ? 'index' : 'alter',
        sql: (t) => head(t) + clausesOf(a),
        ...(!a.algorithm || a.algorithm === 'DEFAULT' || a.algorithm === 'INSTANT'
          ? { instant: (t: string) => `${head(t)}, ALGORITHM=INSTANT` }
          : {}),
      };
    }
    case 'create_index': {
      if (a.table.schema) return undefined;
      const m = CREATE_INDEX_ON.exec(stmt.text);
      if (!m || unquote(m[2]!) !== a.table.name) return undefined;
      const rest = stmt.text.slice(m[0].length);
      return { kind: 'ddl', table: a.table.name, work: 'index', sql: (t) => `${m[1]}${quoteMyIdent(t)}${rest}` };
    }
    case 'update':
    case 'delete':
      if (a.tables.length !== 1 || a.tables[0]!.schema) return undefined;
      return { kind: 'dml', table: a.tables[0]!.name, sql: stmt.text };
    default:
      return undefined;
  }
}

/** rows and data bytes of a table (InnoDB's DATA_LENGTH, as `stats export` reads production's) */
async function sizeOf(shadow: ProbeTarget, table: string): Promise<{ rows: number; bytes: number }> {
  const [c] = await shadow.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${quoteMyIdent(table)}`);
  const [b] = await shadow.query<{ b: number | string | null }>(
    'SELECT DATA_LENGTH AS b FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
    [table],
  );
  return { rows: Number(c?.n ?? 0), bytes: Number(b?.b ?? 0) };
}

/** The session's foreign_key_checks (0 or 1): the migration may have turned them off, and the probe puts them back. */
async function fkChecksOf(shadow: ProbeTarget): Promise<0 | 1> {
  const [fk] = await shadow.query<{ v: number | string }>('SELECT @@SESSION.foreign_key_checks AS v');
  return Number(fk?.v ?? 1) ? 1 : 0;
}

const probeName = () => `zd_probe_${randomBytes(6).toString('hex')}`;

async function scaleDdl(shadow: ProbeTarget, t: DdlTarget): Promise<ScaleMeasure | undefined> {
  const sample = probeName();
  const created: string[] = [];
  const create = async (name: string, like: string) => {
    await shadow.exec(`CREATE TABLE ${quoteMyIdent(name)} LIKE ${quoteMyIdent(like)}`);
    created.push(name);
  };
  const drop = async (name: string) => {
    await shadow.exec(`DROP TABLE IF EXISTS ${quoteMyIdent(name)}`);
    created.splice(created.indexOf(name), 1);
  };
  // the seeder sets the session's foreign_key_checks: the migration's own setting is put back after
  const fkChecks = await fkChecksOf(shadow);
  try {
    try {
      await create(sample, t.table);
    } catch (err) {
      if (errnoOf(err) === undefined) throw err;
      return undefined; // no such table (yet): the statement's own error will say so
    }
    const list = await copyableColumns(shadow, t.table);
    if (!list) return undefined;
    const seeded = await seed(shadow, { rows: SAMPLE_ROWS, tables: [sample] });
    if ((seeded.rows.get(sample) ?? 0) === 0) {
      // the seeder could not fill it: the table's own (seeded) rows
      await shadow.exec(
        `INSERT INTO ${quoteMyIdent(sample)} (${list}) SELECT ${list} FROM ${quoteMyIdent(t.table)} LIMIT ${SAMPLE_ROWS}`,
      );
    }
    await shadow.exec(`ANALYZE TABLE ${quoteMyIdent(sample)}`);
    const size = await sizeOf(shadow, sample);
    if (!size.rows) return undefined;
    /** a fresh copy of the sample, with its rows when `full` */
    const fresh = async (full: boolean): Promise<string> => {
      const copy = probeName();
      await create(copy, sample);
      if (full)
        await shadow.exec(`INSERT INTO ${quoteMyIdent(copy)} (${list}) SELECT ${list} FROM ${quoteMyIdent(sample)}`);
      return copy;
    };
    if (t.instant) {
      // on a copy with rows, as the server would see the table
      const copy = await fresh(true);
      try {
        await shadow.exec(t.instant(copy));
        return undefined; // metadata only: nothing grows with the table
      } catch (err) {
        if (errnoOf(err) === undefined) throw err; // not INSTANT: timed below
      } finally {
        await drop(copy);
      }
    }
    const once = async (full: boolean): Promise<number> => {
      const copy = await fresh(full);
      try {
        const t0 = performance.now();
        await shadow.exec(t.sql(copy));
        return performance.now() - t0;
      } finally {
        await drop(copy);
      }
    };
    return { table: t.table, work: t.work, ...size, ...(await fastestOfBoth(once, ROUNDS)) };
  } finally {
    if (!shadow.stopped) {
      for (const name of [...created].reverse()) await drop(name).catch(() => {});
      await shadow.exec(`SET SESSION foreign_key_checks = ${fkChecks}`).catch(() => {});
    }
  }
}

async function scaleDml(shadow: ProbeTarget, t: DmlTarget, inTransaction: boolean): Promise<ScaleMeasure | undefined> {
  const table = quoteMyIdent(t.table);
  // InnoDB's DATA_LENGTH is as of its last statistics update, often before the seeding: refreshed first. Inside
  // the migration's transaction ANALYZE would commit it, so the size in bytes is not known (no width factor)
  if (!inTransaction) await shadow.exec(`ANALYZE TABLE ${table}`);
  const counted = await sizeOf(shadow, t.table);
  if (!counted.rows) return undefined;
  const size = inTransaction ? { rows: counted.rows, bytes: 0 } : counted;
  const fkChecks = await fkChecksOf(shadow);
  const [open, undo] = inTransaction
    ? [`SAVEPOINT ${SAVEPOINT}`, `ROLLBACK TO SAVEPOINT ${SAVEPOINT}`]
    : ['START TRANSACTION', 'ROLLBACK'];
  const once = async (full: boolean): Promise<number> => {
    await shadow.exec(open);
    try {
      if (!full) {
        await shadow.exec('SET SESSION foreign_key_checks = 0');
        try {
          await shadow.exec(`DELETE FROM ${table}`);
        } finally {
          await shadow.exec(`SET SESSION foreign_key_checks = ${fkChecks}`);
        }
      }
      const t0 = performance.now();
      await shadow.exec(t.sql);
      return performance.now() - t0;
    } finally {
      await shadow.exec(undo);
    }
  };
  return { table: t.table, work: 'dml', ...size, ...(await fastestOfBoth(once, ROUNDS)) };
}

/** Times the statement at two sizes; undefined for statements whose cost does not grow with a table. */
export async function scale(
  shadow: ProbeTarget,
  stmt: Statement,
  inTransaction: boolean,
): Promise<ScaleMeasure | undefined> {
  const target = targetOf(stmt);
  if (!target) return undefined;
  try {
    return target.kind === 'ddl' ? await scaleDdl(shadow, target) : await scaleDml(shadow, target, inTransaction);
  } catch (err) {
    if (isShadowStop(err)) throw err;
    return undefined; // the statement fails here: the traced run reports why
  }
}
