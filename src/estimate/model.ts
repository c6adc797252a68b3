/**
 * The estimate model (docs/estimates.md): a statement's cost on the shadow, scaled to the production
 * table. Pure arithmetic; the constants come from scripts/calibrate-estimates.mjs run on a real server.
 *
 *   per-row cost  = (time on the seeded table − time on the emptied table) / seeded rows   (ShadowProbes.scale)
 *   rewrite, scan = per-row × N × width      (a row copied or read; width: production bytes/row over the shadow's)
 *   backfill      = per-row × N × width      (each row updated: a new version, its index entries and WAL)
 *   index build   = per-row × N × log₂N / log₂n   (the sort), × CONCURRENT_PASSES for CONCURRENTLY
 *   × REFERENCE_MS / the reference's time    (PGlite: the engine's speed then, against its speed at calibration)
 *   × ENGINE_FACTOR[engine][work]            (the shadow engine's speed against a PostgreSQL server)
 *   + the time on the emptied table          (catalog work that does not grow with the table)
 */

/**
 * `rewrite`: the table copied (PostgreSQL's rewrite, MySQL's ALGORITHM=COPY); `rebuild`: MySQL's and MariaDB's
 * in-place rebuild (ALGORITHM=INPLACE that makes a new table: reads and writes go on with LOCK=NONE), which
 * PostgreSQL has not; `scan`: read without a copy (a validation); `index`; `backfill`: rows updated.
 */
export type Work = 'rewrite' | 'rebuild' | 'scan' | 'index' | 'index-concurrently' | 'backfill';

/** The shadow engine the per-row cost was measured on: PGlite, a PostgreSQL server, a MySQL or MariaDB server. */
export type Engine = 'pglite' | 'server' | 'mysql';

/** The engine of a dry run's `engine` text (`pglite 0.3.x`, `PostgreSQL 15.20`, `mariadb 10.11.19`, `mysql 8.0.36`). */
export function engineOf(text: string): Engine {
  const t = text.toLowerCase();
  return t.startsWith('pglite') ? 'pglite' : /^(mysql|mariadb)\b/.test(t) ? 'mysql' : 'server';
}

/**
 * Production seconds per shadow second, per kind of work, measured by scripts/calibrate-estimates.mjs on the
 * local PostgreSQL 15 (tables of 100k and 1M rows: the geometric mean of the real statement's time over the
 * estimate made with a factor of 1). docs/estimates.md has the runs, the machine's load during them and the error
 * band. PGlite's (three runs on 2026-12-07) are for its worker thread's time after a warm-up, rescaled by the
 * reference build (`REFERENCE_MS`; src/dialects/postgres/shadow/scale.ts); a server's (two runs on 2026-12-06) are for
 * wall time, and several of those URL-shadow runs fell back on SERVER_US_PER_ROW (which this factor does not touch),
 * so `server` is calibrated less well than `pglite`.
 */
export const ENGINE_FACTOR: Record<Engine, Record<Work, number>> = {
  // PostgreSQL has no in-place rebuild: `rebuild` never occurs there (the rewrite's factor stands in)
  pglite: { rewrite: 1.62, rebuild: 1.62, scan: 0.7, index: 0.61, 'index-concurrently': 0.59, backfill: 0.72 },
  server: { rewrite: 0.59, rebuild: 0.59, scan: 1.14, index: 0.39, 'index-concurrently': 0.22, backfill: 0.78 },
  // MariaDB 10.11 as a URL shadow against the same server (src/dialects/mysql/shadow/scale.ts): three runs of
  // 100k and 1M rows (docs/estimates.md); the backfill's from three more, after its width was fixed. `scan` was not calibrated (no InnoDB ALTER the probe times reads
  // without rebuilding); MySQL has no CONCURRENTLY (the index build's factor stands in). MySQL 8 not calibrated.
  mysql: { rewrite: 0.95, rebuild: 0.56, scan: 1, index: 0.59, 'index-concurrently': 0.59, backfill: 1.2 },
};

/** CREATE INDEX CONCURRENTLY over the plain build: two table scans and the wait for older snapshots. */
export const CONCURRENT_PASSES = 1.3;

/**
 * Microseconds per row on a PostgreSQL server when the shadow's two timings differ by less than its noise
 * (a fast server and a small seed), and for `plan --stats`: the calibration's real per-row cost at 1M rows
 * (index builds: before the n·log n factor), used with that basis said.
 */
export const SERVER_US_PER_ROW: Record<Work, number> = {
  rewrite: 2.2,
  rebuild: 2.2,
  scan: 0.05,
  index: 0.4,
  'index-concurrently': 0.4,
  backfill: 6.7,
};

/**
 * The same for MySQL/MariaDB (InnoDB): the calibration's real per-row cost at 1M rows on the local MariaDB 10.11
 * (a COPY, an in-place rebuild, an index build before the n·log n factor, an unbatched UPDATE; `scan` not
 * calibrated: the in-place rebuild's stands in). Used when the shadow's
 * timings are noise, and by `plan --stats` for the batched backfill procedures.
 */
export const MYSQL_US_PER_ROW: Record<Work, number> = {
  rewrite: 1.6,
  rebuild: 0.95,
  scan: 0.95,
  index: 0.43,
  'index-concurrently': 0.43,
  backfill: 1.5,
};

/** The calibrated per-row cost of `engine`'s server family. */
export const serverUsPerRow = (engine: Engine): Record<Work, number> =>
  engine === 'mysql' ? MYSQL_US_PER_ROW : SERVER_US_PER_ROW;

/** Rows of the reference workload's table (src/dialects/postgres/shadow/scale.ts): an `int` and an md5 `text`. */
export const REFERENCE_ROWS = 20_000;

/**
 * The reference workload's time at calibration, ms: `CREATE INDEX` on REFERENCE_ROWS presorted `int`s, timed on PGlite's
 * worker thread in the same rounds as the statement (the fastest kept). The shadow's per-row cost is multiplied by
 * this over the reference's time in that run: other work on the machine (another job, a neighbour on the same host)
 * slows PGlite's memory-bound code up to twofold and back within seconds, the statement and the reference alike, so
 * the ratio holds where the raw time does not (docs/estimates.md, "Speed of the shadow"). Servers have none: their
 * per-row cost is used as measured.
 */
export const REFERENCE_MS: Partial<Record<Engine, number>> = { pglite: 8.2 };

/** The timing difference below which the shadow's per-row cost is noise, ms. */
export const MIN_SIGNAL_MS = 0.5;

export interface ScaleInput {
  work: Work;
  engine: Engine;
  /** rows and heap bytes of the table on the shadow */
  shadowRows: number;
  shadowBytes: number;
  /** the statement's time on the seeded table and on the emptied one, ms */
  fullMs: number;
  emptyMs: number;
  /** the reference workload's time in the same rounds, ms (`REFERENCE_MS`), when the probe timed one */
  refMs?: number;
  /** rows and heap bytes of the production table (stats file) */
  rows: number;
  bytes: number;
}

export interface ScaleResult {
  seconds: number;
  /** the production per-row cost used, µs (shadow per-row × engine factor × width) */
  usPerRow: number;
  /** the shadow's own per-row cost, µs; undefined when under the noise (the calibrated server cost is used) */
  shadowUsPerRow?: number;
  /** the factors applied beyond rows × per-row cost, in words (`× log₂ n sort 1.9`, `width ×1.4`, …) */
  factors: string[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Production seconds for one statement, from its two shadow timings and the table's production size. */
export function scaleToProduction(x: ScaleInput): ScaleResult {
  const factors: string[] = [];
  const diff = x.fullMs - x.emptyMs;
  const measured = diff >= MIN_SIGNAL_MS && x.shadowRows > 0;
  const shadowUsPerRow = measured ? (diff * 1000) / x.shadowRows : undefined;
  const factor = ENGINE_FACTOR[x.engine][x.work];
  let usPerRow = shadowUsPerRow !== undefined ? shadowUsPerRow * factor : serverUsPerRow(x.engine)[x.work];
  const reference = REFERENCE_MS[x.engine];
  if (shadowUsPerRow !== undefined && reference && x.refMs && x.refMs > 0) {
    // the engine ran slower (or faster) than at calibration while the statement was timed
    const speed = clamp(reference / x.refMs, 0.25, 4);
    usPerRow *= speed;
    factors.push(
      `shadow speed ×${round2(speed)} (reference build ${round2(x.refMs)} ms, ${reference} ms at calibration)`,
    );
  }
  if (shadowUsPerRow !== undefined && factor !== 1)
    factors.push(`${x.engine === 'pglite' ? 'PGlite' : 'shadow'}→server ×${round2(factor)}`);
  let rows = Math.max(0, x.rows);
  if (x.work === 'index' || x.work === 'index-concurrently') {
    // a sort: n·log n, relative to the shadow's n·log n
    const sort = rows > 2 && x.shadowRows > 2 ? Math.log2(rows) / Math.log2(x.shadowRows) : 1;
    if (sort !== 1) factors.push(`sort log₂ ×${round2(sort)}`);
    rows *= sort;
    if (x.work === 'index-concurrently') {
      rows *= CONCURRENT_PASSES;
      factors.push(`CONCURRENTLY ×${CONCURRENT_PASSES}`);
    }
  } else if (x.rows > 0 && x.bytes > 0 && x.shadowRows > 0 && x.shadowBytes > 0) {
    // half of a row's cost is per row (visibility, index entries, WAL record), half per byte copied
    const width = clamp(x.bytes / x.rows / (x.shadowBytes / x.shadowRows), 0.25, 8);
    const adj = 0.5 + 0.5 * width;
    if (Math.abs(adj - 1) >= 0.05) factors.push(`row width ×${round2(adj)}`);
    usPerRow *= adj;
  }
  return {
    seconds: (rows * usPerRow) / 1e6 + Math.max(0, x.emptyMs) / 1000,
    usPerRow,
    ...(shadowUsPerRow !== undefined ? { shadowUsPerRow } : {}),
    factors,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** `~0.4 s`, `~14 s`, `~14 min`, `~2.1 h`: an estimate's duration, never more precise than it is. */
export function formatDuration(seconds: number): string {
  if (seconds < 0.1) return '<0.1 s';
  if (seconds < 10) return `~${seconds.toFixed(1)} s`;
  if (seconds < 120) return `~${Math.round(seconds)} s`;
  if (seconds < 7200) return `~${Math.round(seconds / 60)} min`;
  return `~${(seconds / 3600).toFixed(1)} h`;
}

/** `40`, `1,000`, `600k`, `52M`, `1.2B`. */
export function formatCount(n: number): string {
  if (n < 10_000) return Math.round(n).toLocaleString('en-US');
  if (n < 1e6) return `${Math.round(n / 1e3)}k`;
  if (n < 1e9) return `${n < 1e7 ? (n / 1e6).toFixed(1) : Math.round(n / 1e6)}M`;
  return `${(n / 1e9).toFixed(1)}B`;
}

/** `16 µs`, `0.4 µs`. */
export function formatMicros(us: number): string {
  return `${us < 10 ? round2(us).toString() : Math.round(us).toString()} µs`;
}

/** `52 MB` */
export function formatBytes(b: number): string {
  if (b < 1024 * 1024) return `${Math.round(b / 1024)} kB`;
  if (b < 1024 ** 3) return `${Math.round(b / 1024 ** 2)} MB`;
  return `${(b / 1024 ** 3).toFixed(1)} GB`;
}

/**
 * The batch size that keeps one batch of a backfill under `maxLockSeconds` at `usPerRow`, with half
 * the limit as headroom (a batch's rows are locked until it commits), within [100, 100,000] rows.
 */
export function batchSizeFor(usPerRow: number, maxLockSeconds: number): number {
  const fit = Math.floor(((maxLockSeconds / 2) * 1e6) / Math.max(usPerRow, 0.01));
  return clamp(fit >= 1000 ? Math.floor(fit / 1000) * 1000 : Math.floor(fit / 100) * 100, 100, 100_000);
}
