/**
 * `ShadowProbes.scale` for PostgreSQL: how much of a statement's time on the shadow grows with its
 * table. The statement runs on the table emptied by TRUNCATE, then on the table refilled by the seeder
 * with SAMPLE_ROWS rows (ten times more signal than the dry run's usual 1,000, which a loaded machine's
 * noise drowns), each inside a savepoint rolled back (so the shadow and the traced run that follows are
 * untouched), four times each after one untimed run; the fastest of each is kept (the least disturbed by other work on the
 * machine). Their difference over the sample's row count is the per-row cost src/estimate/model.ts
 * scales to the production size. When the sample cannot be seeded, the table as seeded is timed instead.
 *
 * Timed: ALTER TABLE (rewrite or validation scan), CREATE INDEX (CONCURRENTLY is timed as the plain
 * build, which can run in a transaction; the model adds the second pass), UPDATE and DELETE (backfills).
 */
import { isShadowStop } from '../../../shadow/driver.js';
import type { ProbeTarget, ScaleMeasure } from '../../../shadow/probes.js';
import type { PgStatement } from '../statement.js';
import { displayTable, quoteIdent } from '../util.js';
import { seed } from './seed.js';

/** timed runs per size, after one untimed run (WebAssembly code paths compile on their first use) */
const REPEATS = 4;
const SAVEPOINT = 'zerodown_scale';
const SAMPLE = 'zerodown_scale_sample';
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

/** The statement timed on the table refilled with SAMPLE_ROWS seeded rows. */
function sampleRun(
  shadow: ProbeTarget,
  target: Target,
  onRefilled: (fill: () => Promise<void>) => Promise<{ rows: number; bytes: number; ms: number }>,
) {
  const name = target.rel.schemaname ? `${target.rel.schemaname}.${target.rel.relname}` : target.rel.relname!;
  return onRefilled(async () => {
    await seed(shadow, { rows: SAMPLE_ROWS, tables: [name] });
  });
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
  if (!inTransaction) await shadow.exec('BEGIN');
  try {
    const sizeOf = async () => {
      const [size] = await shadow.query<{ rows: string; bytes: string }>(
        `SELECT count(*)::int8 AS rows, pg_relation_size('${table.replace(/'/g, "''")}'::regclass)::int8 AS bytes FROM ${table}`,
      );
      return { rows: Number(size?.rows ?? 0), bytes: Number(size?.bytes ?? 0) };
    };
    const seeded = await sizeOf();
    if (!seeded.rows) return undefined;
    /** fastest of REPEATS runs of the statement, each rolled back */
    const fastest = async (): Promise<number> => {
      let best = Infinity;
      for (let i = 0; i <= REPEATS; i++) {
        await shadow.exec(`SAVEPOINT ${SAVEPOINT}`);
        try {
          const t0 = performance.now();
          await shadow.exec(target.sql);
          if (i > 0) best = Math.min(best, performance.now() - t0);
        } finally {
          await shadow.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
          await shadow.exec(`RELEASE SAVEPOINT ${SAVEPOINT}`);
        }
      }
      return best;
    };
    /** runs `fill` (on the table emptied) and times the statement there, all rolled back */
    const onRefilled = async (fill: () => Promise<void>) => {
      await shadow.exec(`SAVEPOINT ${SAMPLE}`);
      try {
        await shadow.exec(`TRUNCATE ${table} CASCADE`);
        await fill();
        const size = await sizeOf();
        return { ...size, ms: await fastest() };
      } finally {
        await shadow.exec(`ROLLBACK TO SAVEPOINT ${SAMPLE}`);
        await shadow.exec(`RELEASE SAVEPOINT ${SAMPLE}`);
      }
    };
    const empty = await onRefilled(async () => {});
    let full =
      seeded.rows >= SAMPLE_ROWS
        ? undefined
        : await sampleRun(shadow, target, onRefilled).catch((err) => {
            if (isShadowStop(err)) throw err;
            return undefined; // the sample could not be seeded: the table as seeded instead
          });
    if (!full || full.rows <= seeded.rows) full = { ...seeded, ms: await fastest() };
    return {
      table: displayTable(target.rel),
      work: target.work,
      rows: full.rows,
      bytes: full.bytes,
      fullMs: Math.round(full.ms * 1000) / 1000,
      emptyMs: Math.round(empty.ms * 1000) / 1000,
    };
  } catch (err) {
    if (isShadowStop(err)) throw err;
    return undefined; // the statement fails here: the traced run reports why
  } finally {
    if (!inTransaction) await shadow.exec('ROLLBACK').catch(() => {});
  }
}
