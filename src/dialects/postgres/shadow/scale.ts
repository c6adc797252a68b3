/**
 * `ShadowProbes.scale` for PostgreSQL: how much of a statement's time on the shadow grows with its
 * table. The table is refilled by the seeder with SAMPLE_ROWS rows (ten times more signal than the dry
 * run's usual 1,000, which a loaded machine's noise drowns); then the statement runs on it and on it
 * emptied by TRUNCATE, interleaved, after one untimed run of each (WebAssembly code compiles while it
 * first runs: both sizes must see it equally warm), at least four times each and on until the fastest
 * run has not improved for three rounds (the engine has warmed up; at most twelve), each inside a
 * savepoint rolled back, so the shadow and the traced run that follows are untouched. The fastest of each size is kept
 * (the least disturbed by other work on the machine). Their difference over the sample's row count is
 * the per-row cost src/estimate/model.ts scales to the production size. When the sample cannot be seeded,
 * the table as seeded is timed instead. On PGlite a reference workload (an index build on a table of its own) is
 * timed in the same rounds: the model rescales the per-row cost to the engine speed it was calibrated at, since other
 * work on the machine slows PGlite's memory-bound code twofold and back within seconds.
 *
 * Timed: ALTER TABLE (rewrite or validation scan), CREATE INDEX (CONCURRENTLY is timed as the plain
 * build, which can run in a transaction; the model adds the second pass), UPDATE and DELETE (backfills).
 */
import { isShadowStop } from '../../../shadow/driver.js';
import type { ProbeTarget, ScaleMeasure } from '../../../shadow/probes.js';
import { MIN_SIGNAL_MS, REFERENCE_ROWS } from '../../../estimate/model.js';
import { fastestOfBoth } from '../../../shadow/scale-timing.js';
import type { PgStatement } from '../statement.js';
import { displayTable, quoteIdent } from '../util.js';
import { seed } from './seed.js';

/** timed runs per size at least, after one untimed run (WebAssembly code paths compile on their first use) */
const REPEATS = 4;
/** rounds without a 5% better run that end the timing; at most MAX_ROUNDS */
const STABLE = 3;
const MAX_ROUNDS = 12;
const SAVEPOINT = 'zerodown_scale';
const SAMPLE = 'zerodown_scale_sample';
/** the reference workload's table (and its savepoint) */
const REFERENCE = 'zerodown_scale_reference';
/** rows the statement is timed on (the seeded table when more) */
export const SAMPLE_ROWS = 10_000;

interface Target {
  rel: { schemaname?: string; relname?: string };
  work: ScaleMeasure['work'];
  sql: string;
}

function targetOf(stmt: PgStatement): Target | undefined {
  const ast = stmt.ast as any;
  switch (stmt.kind) {
    case 'AlterTableStmt':
      if (ast.objtype !== 'OBJECT_TABLE' || !ast.relation?.relname) return undefined;
      return { rel: ast.relation, work: 'alter', sql: stmt.text };
    case 'IndexStmt': {
      if (!ast.relation?.relname) return undefined;
      if (!ast.concurrent) return { rel: ast.relation, work: 'index', sql: stmt.text };
      // the plain build of the same index: CONCURRENTLY cannot run inside the savepoint
      const plain = stmt.text.replace(/^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+)CONCURRENTLY\b/i, '$1');
      return plain === stmt.text ? undefined : { rel: ast.relation, work: 'index-concurrently', sql: plain };
    }
    case 'UpdateStmt':
    case 'DeleteStmt':
      if (ast.withClause || !ast.relation?.relname) return undefined;
      return { rel: ast.relation, work: 'dml', sql: stmt.text };
    default:
      return undefined;
  }
}

/** shadows whose engine ran the warm-up workload */
const warmed = new WeakSet<object>();

/**
 * Runs the kinds of work the probe times (a rewrite, an index build, an UPDATE) on 20,000 rows of a table
 * of its own, rolled back, for about two seconds: PGlite's WebAssembly code then runs in its fast tier
 * before anything is timed (a fresh process runs it several times slower for its first seconds).
 */
async function warmUp(shadow: ProbeTarget): Promise<void> {
  if (warmed.has(shadow)) return;
  warmed.add(shadow);
  const t0 = performance.now();
  await rolledBack(shadow, 'zerodown_warm', async () => {
    await shadow.exec(
      'CREATE TABLE zerodown_warm (id bigserial PRIMARY KEY, v int, t text); INSERT INTO zerodown_warm (v, t) SELECT g, md5(g::text) FROM generate_series(1, 20000) g',
    );
    for (let i = 0; i < 10 && performance.now() - t0 < 2000; i++)
      await rolledBack(shadow, 'zerodown_warm_round', async () => {
        await shadow.exec('ALTER TABLE zerodown_warm ADD COLUMN c text DEFAULT md5(random()::text)');
        await shadow.exec('CREATE INDEX ON zerodown_warm (v)');
        await shadow.exec('UPDATE zerodown_warm SET v = v + 1');
        await shadow.exec('ALTER TABLE zerodown_warm ADD CONSTRAINT zerodown_warm_v CHECK (v > 0)');
      });
  });
}

/** `work` inside savepoint `name`, rolled back whatever happens: the shadow is left as it was. */
async function rolledBack<T>(shadow: ProbeTarget, name: string, work: () => Promise<T>): Promise<T> {
  await shadow.exec(`SAVEPOINT ${name}`);
  try {
    return await work();
  } finally {
    await shadow.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    await shadow.exec(`RELEASE SAVEPOINT ${name}`);
  }
}

/**
 * `work` inside savepoint `name`: kept when it succeeds, rolled back when it fails (a stopped shadow stops the
 * probe); whether it was kept.
 */
async function keptIfDone(shadow: ProbeTarget, name: string, work: () => Promise<unknown>): Promise<boolean> {
  await shadow.exec(`SAVEPOINT ${name}`);
  try {
    await work();
    await shadow.exec(`RELEASE SAVEPOINT ${name}`);
    return true;
  } catch (err) {
    if (isShadowStop(err)) throw err;
    await shadow.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    await shadow.exec(`RELEASE SAVEPOINT ${name}`);
    return false;
  }
}

/**
 * PGlite: the reference workload of src/estimate/model.ts `REFERENCE_MS` (an index build on REFERENCE_ROWS rows of
 * a table of its own, made inside the caller's savepoint), as a function timing one run of it rolled back, ms; undefined
 * when the table cannot be made.
 */
async function referenceOf(shadow: ProbeTarget): Promise<(() => Promise<number>) | undefined> {
  const timed = shadow.timed?.bind(shadow);
  if (!timed) return undefined;
  const made = await keptIfDone(shadow, REFERENCE, () =>
    shadow.exec(
      `CREATE TABLE ${REFERENCE} (v int, t text); INSERT INTO ${REFERENCE} (v, t) SELECT g, md5(g::text) FROM generate_series(1, ${REFERENCE_ROWS}) g`,
    ),
  );
  return made ? () => rolledBack(shadow, REFERENCE, () => timed(`CREATE INDEX ON ${REFERENCE} (v)`)) : undefined;
}

export async function scale(
  shadow: ProbeTarget,
  stmt: PgStatement,
  inTransaction: boolean,
): Promise<ScaleMeasure | undefined> {
  const target = targetOf(stmt);
  if (!target) return undefined;
  const { schemaname, relname } = target.rel;
  const table = (schemaname ? `${quoteIdent(schemaname)}.` : '') + quoteIdent(relname!);
  const name = schemaname ? `${schemaname}.${relname}` : relname!;
  if (!inTransaction) await shadow.exec('BEGIN');
  try {
    const sizeOf = async () => {
      const [size] = await shadow.query<{ rows: string; bytes: string }>(
        `SELECT count(*)::int8 AS rows, pg_relation_size('${table.replace(/'/g, "''")}'::regclass)::int8 AS bytes FROM ${table}`,
      );
      return { rows: Number(size?.rows ?? 0), bytes: Number(size?.bytes ?? 0) };
    };
    if (!(await sizeOf()).rows) return undefined;
    if (shadow.kind === 'pglite') await warmUp(shadow);
    /** one run of the statement (on the table emptied first when `empty`), rolled back; its time in ms */
    const once = (empty: boolean): Promise<number> =>
      rolledBack(shadow, SAVEPOINT, async () => {
        if (empty) await shadow.exec(`TRUNCATE ${table} CASCADE`);
        // embedded PGlite times itself, on its own thread; a server's work is in its own process: wall time
        if (shadow.timed) return await shadow.timed(target.sql);
        const t0 = performance.now();
        await shadow.exec(target.sql);
        return performance.now() - t0;
      });
    return await rolledBack(shadow, SAMPLE, async () => {
      // the sample: the table refilled with SAMPLE_ROWS rows (kept as seeded when it has more, or the seeder fails)
      const seeded = await sizeOf();
      if (seeded.rows < SAMPLE_ROWS)
        await keptIfDone(shadow, `${SAMPLE}_fill`, async () => {
          await shadow.exec(`TRUNCATE ${table} CASCADE`);
          await seed(shadow, { rows: SAMPLE_ROWS, tables: [name] });
          if ((await sizeOf()).rows <= seeded.rows) throw new Error('the sample is not larger');
        });
      const sample = await sizeOf();
      const reference = shadow.kind === 'pglite' ? await referenceOf(shadow) : undefined;
      // interleaved, after one untimed run of each: both sizes see the engine equally warm; on until the
      // fastest run on the sample has not improved by 5% for STABLE rounds (the engine's code has warmed up)
      const timed = await fastestOfBoth((full) => once(!full), {
        repeats: REPEATS,
        stable: STABLE,
        maxRounds: MAX_ROUNDS,
        minDiffMs: MIN_SIGNAL_MS,
        reference,
      });
      return { table: displayTable(target.rel), work: target.work, rows: sample.rows, bytes: sample.bytes, ...timed };
    });
  } catch (err) {
    if (isShadowStop(err)) throw err;
    return undefined; // the statement fails here: the traced run reports why
  } finally {
    if (!inTransaction) await shadow.exec('ROLLBACK').catch(() => {});
  }
}
