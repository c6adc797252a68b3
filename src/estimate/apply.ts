/**
 * `--stats`: the production size of each table sizes the findings on it (docs/estimates.md).
 *
 * - A finding whose harm grows with its table (`SIZE_RULES`, or a predicted rewrite) on a table the stats
 *   show below both `minRows` and `minBytes` is kept as a `note`: never a failure.
 * - With a dry run, the statement's per-row cost on the shadow (`TracedStatement.scale`) is scaled to the
 *   production table: `Finding.estimate`. A lock that blocks reads or writes (or a backfill's row locks)
 *   estimated over `maxLockSeconds` makes the finding an error, whatever the rule's default.
 * - Stats missing for a table, or older than `maxStatsAgeDays` since its last analyze: the finding keeps its
 *   static severity and `LintResult.stats.notes` says why.
 */
import { dialectFor } from '../dialects/index.js';
import { summarize } from '../engine/lint.js';
import type { Estimate, Finding, LintResult, OnlineDdl } from '../model.js';
import { displayConnection } from '../secrets.js';
import type { DryRun } from '../shadow/dryrun-types.js';
import { tracedLookup } from '../shadow/dryrun-confirm.js';
import type { TracedStatement } from '../shadow/trace-types.js';
import { type StatsFile, tableStats, type TableStats } from '../stats/format.js';
import { engineOf, formatBytes, formatCount, formatMicros, scaleToProduction, type Work } from './model.js';

export interface EstimateSettings {
  /** a blocking lock estimated longer than this is an error (seconds) */
  maxLockSeconds: number;
  /** below both of these (rows, and table + index bytes), a size-scaled finding is a note */
  minRows: number;
  minBytes: number;
  /** stats whose last analyze is older than this (days) are not used */
  maxStatsAgeDays: number;
}

export const ESTIMATE_DEFAULTS: EstimateSettings = {
  maxLockSeconds: 5,
  minRows: 10_000,
  minBytes: 10 * 1024 * 1024,
  maxStatsAgeDays: 30,
};

/**
 * Rules whose harm grows with the table's size (a rewrite, a scan, an index build, a backfill, a lock
 * held for as long as those take). The rest (lock_timeout, robustness, naming, drops) hurt at any size.
 * The ids are the same in both dialects where the rule means the same.
 */
export const SIZE_RULES: ReadonlySet<string> = new Set([
  'adding-field-with-default',
  'adding-foreign-key-constraint',
  'adding-not-nullable-field',
  'adding-serial-primary-key-field',
  'adding-auto-increment-column',
  'adding-stored-generated-column',
  'adding-fulltext-or-spatial-index',
  'alter-table-not-online',
  'ban-explicit-copy-or-lock',
  'changing-column-type',
  'charset-conversion',
  'constraint-missing-not-valid',
  'disallowed-unique-constraint',
  'index-same-step-as-add-column',
  'prefer-pg-repack',
  'prefer-repack',
  'require-concurrent-index-creation',
  'require-concurrent-reindex',
  'require-statement-timeout',
  'unbatched-backfill',
]);

/**
 * Rules whose statement scans every table in `data.tables` under one lock (an ALTER DOMAIN checks every column of
 * the domain): sized by all of those tables together, never timed (the probe times one table's statement).
 */
export const MULTI_TABLE_SIZE_RULES: ReadonlySet<string> = new Set([
  'ban-alter-domain-validation',
  'ban-alter-domain-with-add-constraint',
]);

/** Where the stats came from, for the report: the file as given, or the URL with its password masked. */
export function statsSource(given: { file?: string; url?: string }): string {
  return given.file ?? (given.url ? displayConnection(given.url) : 'stats');
}

/** `AccessExclusiveLock` → `ACCESS EXCLUSIVE`; other names as they are. */
export function lockName(mode: string): string {
  if (!/^[A-Z][a-zA-Z]+Lock$/.test(mode)) return mode;
  return mode
    .slice(0, -4)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}

/** The kind of work a traced statement did, from what the shadow measured and saw (and its ALGORITHM, on MySQL). */
function workOf(s: TracedStatement, table: string, online?: Pick<OnlineDdl, 'algorithm'>): Work | undefined {
  const m = s.scale;
  if (!m) return undefined;
  if (m.work === 'alter') {
    if (!s.rewrites.includes(table) && !s.rewrites.includes(m.table)) return 'scan';
    return online?.algorithm === 'INPLACE' ? 'rebuild' : 'rewrite';
  }
  if (m.work === 'dml') return 'backfill';
  return m.work;
}

/**
 * MySQL/MariaDB: the lock an ALTER is estimated under is its ALGORITHM and LOCK (measured on the shadow, else
 * predicted): `LOCK=SHARED, ALGORITHM=COPY (writes blocked)`.
 */
function onlineLock(o: Pick<OnlineDdl, 'algorithm' | 'lock'>): string {
  const who =
    o.lock === 'NONE'
      ? 'reads and writes go on; an exclusive metadata lock only briefly at its start and end'
      : o.lock === 'SHARED'
        ? 'writes blocked'
        : 'reads and writes blocked';
  return `LOCK=${o.lock}, ALGORITHM=${o.algorithm} (${who})`;
}

/** MySQL/MariaDB: why a statement the server runs with ALGORITHM=INSTANT gets no time estimate. */
export const INSTANT_NO_ESTIMATE =
  'ALGORITHM=INSTANT: a metadata change, its time does not grow with the table: no time estimate';

/** The statement's ALGORITHM and LOCK: measured on the shadow, else the finding's prediction. */
const onlineOf = (s: TracedStatement | undefined, f?: Finding): Pick<OnlineDdl, 'algorithm' | 'lock'> | undefined =>
  s?.online ?? f?.online;

/** The estimate for a finding on `stats`' table, from its statement's shadow timings; undefined without them. */
export function estimateFor(
  lockMode: string | undefined,
  s: TracedStatement | undefined,
  stats: TableStats,
  engine: string,
  online?: Pick<OnlineDdl, 'algorithm' | 'lock'>,
): Estimate | undefined {
  if (!s?.scale || s.error || s.skipped) return undefined;
  if (online?.algorithm === 'INSTANT') return undefined;
  const work = workOf(s, s.scale.table, online);
  if (!work) return undefined;
  const eng = engineOf(engine);
  const r = scaleToProduction({
    work,
    engine: eng,
    shadowRows: s.scale.rows,
    shadowBytes: s.scale.bytes,
    fullMs: s.scale.fullMs,
    emptyMs: s.scale.emptyMs,
    ...(s.scale.refMs !== undefined ? { refMs: s.scale.refMs } : {}),
    rows: stats.rows,
    bytes: stats.tableBytes,
  });
  const perRow =
    r.shadowUsPerRow !== undefined
      ? `${formatMicros(r.shadowUsPerRow)}/row measured on the shadow (${formatCount(s.scale.rows)} rows, ${engine})`
      : `${formatMicros(r.usPerRow)}/row calibrated on a ${eng === 'mysql' ? 'MariaDB' : 'PostgreSQL'} server (the shadow's ${formatCount(s.scale.rows)} rows were too few to time)`;
  const what = {
    rewrite: 'rewrite',
    rebuild: 'in-place rebuild',
    scan: 'scan',
    index: 'index build',
    'index-concurrently': 'index build',
    backfill: 'backfill',
  }[work];
  const basis = `${what}: ${formatCount(stats.rows)} rows × ${perRow}${r.factors.length ? `, ${r.factors.join(', ')}` : ''}`;
  const lock =
    work === 'backfill'
      ? 'row locks on every row it updates'
      : work === 'index-concurrently'
        ? 'SHARE UPDATE EXCLUSIVE (reads and writes go on)'
        : online
          ? onlineLock(online)
          : lockMode || strongestLock(s, s.scale.table)
            ? lockName(lockMode ?? strongestLock(s, s.scale.table)!)
            : eng === 'mysql'
              ? // MariaDB shows the shadow no metadata locks without its plugin: unknown is not "none"
                'an ALGORITHM and LOCK not measured (the dry run measures those of ALTER TABLE only)'
              : 'no lock that blocks reads or writes';
  return { seconds: Math.round(r.seconds * 1000) / 1000, basis, lock };
}

function strongestLock(s: TracedStatement, table: string): string | undefined {
  return s.locks.find((l) => l.relation === table && (l.blocksWrites || l.blocksReads))?.mode;
}

/**
 * Sizes the findings of `result` by `stats` (and, with `dry`, estimates their time). Changes severities
 * in place, recounts the summary, and records in `result.stats` what the stats could not answer.
 */
export function applyStats(
  result: LintResult,
  stats: StatsFile,
  settings: EstimateSettings,
  source: string,
  dry?: DryRun,
  now = Date.now(),
): void {
  const notes = new Set<string>();
  const traced = dry ? tracedLookup(dry) : undefined;
  if (!dry) notes.add('no dry run: sizes change severities, but nothing is timed (add --dry-run for estimates)');
  const dialect = result.files[0] ? dialectFor(result.files[0].migration.dialect) : undefined;
  // MySQL and MariaDB stats size each other's tables alike; PostgreSQL's do not size theirs
  const family = (id: string) => (id === 'postgres' ? 'postgres' : 'mysql');
  if (dialect && family(stats.dialect) !== family(dialect.id))
    notes.add(`the stats come from ${stats.server}, the migrations are ${dialect.name}: sizes may not match`);
  for (const file of result.files) {
    for (const f of file.findings) {
      if (MULTI_TABLE_SIZE_RULES.has(f.rule)) {
        sizeByTables(f, stats, settings, now, notes);
        continue;
      }
      if (!f.table || !(SIZE_RULES.has(f.rule) || f.data?.rewrite === true)) continue;
      const t = freshStats(f, f.table, stats, settings, now, notes);
      if (!t) continue;
      const s = traced?.(f.path, f.statementIndex);
      const online = onlineOf(s, f);
      const estimate = estimateFor(f.lock, s, t, dry?.engine ?? 'shadow', online);
      if (estimate) f.estimate = estimate;
      else if (dry && online?.algorithm === 'INSTANT') notes.add(`${f.path}:${f.line}: ${INSTANT_NO_ESTIMATE}`);
      else if (dry && s && !s.error && !s.skipped && !s.scale)
        notes.add(`${f.path}:${f.line}: the shadow could not time this statement at two sizes: no estimate`);
      const size = `${formatCount(t.rows)} rows, ${formatBytes(t.totalBytes)}`;
      if (isSmall(t.rows, t.totalBytes, settings)) {
        f.severity = 'note';
        f.sizeNote = `${f.table} is small in production (${size}; under ${smallLimits(settings)}): kept as a note.`;
      } else if (estimate && estimate.seconds > settings.maxLockSeconds && blocks(f, s, dialect)) {
        if (f.severity !== 'error')
          f.sizeNote = `${f.table} (${size}): the lock is estimated over maxLockSeconds (${settings.maxLockSeconds} s): an error.`;
        else f.sizeNote = `${f.table} (${size}): estimated over maxLockSeconds (${settings.maxLockSeconds} s).`;
        f.severity = 'error';
      } else {
        f.sizeNote = `${f.table} (${size})${online?.algorithm === 'INSTANT' ? ': ALGORITHM=INSTANT, metadata only: no time estimate' : ''}.`;
      }
    }
  }
  result.summary = {
    ...summarize(result.files),
    ...(result.summary.analysed !== undefined ? { analysed: result.summary.analysed } : {}),
  };
  result.stats = { source, server: stats.server, exportedAt: stats.exportedAt, notes: [...notes] };
}

/**
 * The stats of `table` when they are fresh; else undefined, with the finding's size note and the run's notes saying
 * why its severity stays.
 */
function freshStats(
  f: Finding,
  table: string,
  stats: StatsFile,
  settings: EstimateSettings,
  now: number,
  notes: Set<string>,
): TableStats | undefined {
  const state = tableStats(stats, table, settings.maxStatsAgeDays, now);
  if (state.state === 'fresh') return state.stats;
  notes.add(`${state.why}: findings on it keep their static severity`);
  f.sizeNote = `${state.why}; severity not changed by size.`;
  return undefined;
}

/** Under both `minRows` and `minBytes`: small in production, where the finding is kept as a note. */
const isSmall = (rows: number, bytes: number, settings: EstimateSettings) =>
  rows < settings.minRows && bytes < settings.minBytes;
const smallLimits = (settings: EstimateSettings) =>
  `${formatCount(settings.minRows)} rows and ${formatBytes(settings.minBytes)}`;

/**
 * A finding on every table of `data.tables` (MULTI_TABLE_SIZE_RULES): a note when the stats show each of them small,
 * the rule's severity otherwise; stats missing or stale for any of them keep the severity and say why.
 */
function sizeByTables(f: Finding, stats: StatsFile, settings: EstimateSettings, now: number, notes: Set<string>): void {
  const tables = Array.isArray(f.data?.tables) ? (f.data.tables as unknown[]).filter((t) => typeof t === 'string') : [];
  if (!tables.length) return;
  const sized: [string, TableStats][] = [];
  for (const table of tables) {
    const t = freshStats(f, table, stats, settings, now, notes);
    if (!t) return;
    sized.push([table, t]);
  }
  const rows = sized.reduce((n, [, t]) => n + t.rows, 0);
  const bytes = sized.reduce((n, [, t]) => n + t.totalBytes, 0);
  const each = sized
    .map(([name, t]) => `${name}: ${formatCount(t.rows)} rows, ${formatBytes(t.totalBytes)}`)
    .join('; ');
  if (isSmall(rows, bytes, settings)) {
    f.severity = 'note';
    f.sizeNote = `every table it scans is small in production (${each}; together under ${smallLimits(settings)}): kept as a note.`;
  } else f.sizeNote = `the tables it scans: ${each}.`;
}

/** The statement keeps others waiting while it runs: its lock blocks reads or writes, or it holds every row's lock. */
function blocks(
  f: Finding,
  s: TracedStatement | undefined,
  dialect: ReturnType<typeof dialectFor> | undefined,
): boolean {
  if (s?.scale?.work === 'dml') return true;
  if (s?.scale?.work === 'index-concurrently') return false;
  // MySQL/MariaDB: LOCK=NONE lets reads and writes go on while the table is rebuilt or indexed
  const online = onlineOf(s, f);
  if (online) return online.lock !== 'NONE';
  const mode = f.lock ?? (s?.scale ? strongestLock(s, s.scale.table) : undefined);
  if (!mode) return false;
  const e = dialect?.locks.effect(mode);
  return !!e && (e.blocksReads || e.blocksWrites);
}

/**
 * `dry-run --stats`: each statement the shadow timed at two sizes gets its estimate at the production size
 * (`TracedStatement.estimate`). Returns what the stats could not answer.
 */
export function estimateDryRun(dry: DryRun, stats: StatsFile, settings: EstimateSettings, now = Date.now()): string[] {
  const notes = new Set<string>();
  for (const s of dry.statements) {
    if (s.online?.algorithm === 'INSTANT') {
      notes.add(`${s.path}:${s.line}: ${INSTANT_NO_ESTIMATE}`);
      continue;
    }
    if (!s.scale) continue;
    const state = tableStats(stats, s.scale.table, settings.maxStatsAgeDays, now);
    if (state.state !== 'fresh') {
      notes.add(`${state.why}: no estimate`);
      continue;
    }
    const e = estimateFor(undefined, s, state.stats, dry.engine, s.online);
    if (e) s.estimate = e;
  }
  return [...notes];
}
