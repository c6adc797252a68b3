/**
 * `plan --stats`: each backfill phase gets its size: batches, time per batch and in total, and the batch
 * size that keeps one batch's row locks under `maxLockSeconds` (a `PlanNote`, level info or warning).
 * The plan's proof does not time statements at two sizes, so the per-row cost is the calibrated server
 * cost of a backfill (`SERVER_US_PER_ROW` on PostgreSQL, `MYSQL_US_PER_ROW` for MySQL's and MariaDB's batched
 * backfill procedures), and the note says so.
 */
import type { LintResult } from '../model.js';
import type { PlanResult } from '../plan/planner.js';
import { DEFAULTS } from '../plan/types.js';
import { type StatsFile, tableStats } from '../stats/format.js';
import type { EstimateSettings } from './apply.js';
import { batchSizeFor, formatCount, formatDuration, formatMicros, serverUsPerRow } from './model.js';

/** The calibrated per-row cost of one backfilled row on the dialect's server, and where it was calibrated. */
export function backfillCost(dialectId: string): { usPerRow: number; server: string } {
  return dialectId === 'postgres'
    ? { usPerRow: serverUsPerRow('server').backfill, server: 'a PostgreSQL server' }
    : { usPerRow: serverUsPerRow('mysql').backfill, server: 'a MariaDB server' };
}

/**
 * The backfill batch size for `plan --stats`: the configured one (default 1000); when one batch of it would hold its
 * row locks longer than `maxLockSeconds`, the size that keeps a batch under half of it (`lowered` says from what). Never raised: the default
 * is small on purpose (replication lag, vacuum), whatever the lock allows.
 */
export function batchSizeUnderLimit(
  configured: number | undefined,
  settings: EstimateSettings,
  dialectId = 'postgres',
): { batchSize: number; lowered?: number; usPerRow: number } {
  const batchSize = configured ?? DEFAULTS.batchSize;
  const { usPerRow } = backfillCost(dialectId);
  if ((batchSize * usPerRow) / 1e6 <= settings.maxLockSeconds) return { batchSize, usPerRow };
  return { batchSize: batchSizeFor(usPerRow, settings.maxLockSeconds), lowered: batchSize, usPerRow };
}

export function estimatePlans(
  result: PlanResult,
  lint: LintResult,
  stats: StatsFile,
  settings: EstimateSettings,
  batchSize: number = DEFAULTS.batchSize,
  now = Date.now(),
): void {
  const { usPerRow, server } = backfillCost(lint.files[0]?.migration.dialect ?? 'postgres');
  for (const plan of result.plans) {
    if (!plan.phases.some((p) => p.name === 'backfill')) continue;
    const lines = new Set(plan.rewrites.map((r) => r.line));
    const findings = lint.files.find((f) => f.migration.path === plan.path)?.findings ?? [];
    const tables = [...new Set(findings.filter((f) => f.table && lines.has(f.line)).map((f) => f.table!))];
    for (const table of tables) {
      const state = tableStats(stats, table, settings.maxStatsAgeDays, now);
      if (state.state !== 'fresh') {
        plan.notes.push({ level: 'info', message: `backfill of ${table}: ${state.why}, so no size estimate` });
        continue;
      }
      const rows = state.stats.rows;
      const batches = Math.max(1, Math.ceil(rows / batchSize));
      const perBatch = (Math.min(rows, batchSize) * usPerRow) / 1e6;
      const fit = batchSizeFor(usPerRow, settings.maxLockSeconds);
      const over = perBatch > settings.maxLockSeconds;
      plan.notes.push({
        level: over ? 'warning' : 'info',
        message:
          `backfill of ${table}: ${formatCount(rows)} rows in ${formatCount(batches)} batches of ${formatCount(batchSize)}, ` +
          `${formatDuration(perBatch)} each, ${formatDuration(rows * usPerRow * 1e-6)} of updates in total (estimate: ` +
          `${formatMicros(usPerRow)}/row calibrated on ${server}, not measured on yours; pauses between batches not counted). ` +
          (over
            ? `Each batch would hold its row locks longer than maxLockSeconds (${settings.maxLockSeconds} s): set plan.batchSize to ${formatCount(fit)} or less.`
            : `Batches of up to ${formatCount(fit)} rows keep each under half of maxLockSeconds (${settings.maxLockSeconds} s).`),
      });
    }
  }
}
