/** Shared wording for the dry-run formatters. Pure functions. */
import type { DryRun } from '../shadow/dryrun.js';
import type { HeldLock, LockInfo, TracedStatement } from '../shadow/trace.js';
import { dialectFor } from '../dialects/index.js';

/** a lock on an index or a sequence, which a table lock of the same statement already explains */
const isAuxiliary = (kind: string | undefined) => kind === 'index' || kind === 'sequence';

/**
 * The locks worth showing a person: per relation the strongest mode; index and
 * sequence locks only when they are stronger than every table lock of the
 * statement (a plain DROP INDEX), since a table lock already says who waits.
 */
export function shownLocks(s: TracedStatement, dialect: string): LockInfo[] {
  const strength = dialectFor(dialect).locks.strength;
  const best = new Map<string, LockInfo>();
  for (const l of s.locks) {
    const cur = best.get(l.relation);
    if (!cur || strength(l.mode) > strength(cur.mode)) best.set(l.relation, l);
  }
  const all = [...best.values()];
  const tableMax = Math.max(-1, ...all.filter((l) => !isAuxiliary(l.kind)).map((l) => strength(l.mode)));
  return all
    .filter((l) => !isAuxiliary(l.kind) || strength(l.mode) > tableMax)
    .sort((a, b) => strength(b.mode) - strength(a.mode) || a.relation.localeCompare(b.relation));
}

/** What qualifies a lock in a cell: " (documented)", " (held since line 2)", or nothing. */
export function lockNote(l: LockInfo): string {
  if (l.source === 'documented') return ' (documented)';
  if (l.source === 'held') return ` (held since line ${l.heldSince})`;
  return '';
}

export function blocksText(l: { blocksReads: boolean; blocksWrites: boolean }): string {
  if (l.blocksReads) return 'reads and writes';
  if (l.blocksWrites) return 'writes';
  return 'nothing';
}

/** `1.2 s`, `85 ms`, `0.4 ms` */
export function ms(v: number): string {
  if (v >= 1000) return `${(v / 1000).toFixed(1)} s`;
  if (v >= 10) return `${Math.round(v)} ms`;
  return `${v.toFixed(1)} ms`;
}

export function firstLine(sql: string, max = 60): string {
  const one = sql.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** "AccessExclusiveLock on `users` taken at line 2 and held until COMMIT at line 9, across 3 statements, for 1.2 s on the shadow with 1000 rows" */
export function heldSentence(h: HeldLock, tick = '`'): string {
  const until =
    h.until === 'end of file'
      ? `the end of the file (the tool commits there, line ${h.untilLine})`
      : h.until === 'error'
        ? `the error at line ${h.untilLine}`
        : `${h.until} at line ${h.untilLine}`;
  const rows = h.rows !== undefined ? ` with ${h.rows} row${h.rows === 1 ? '' : 's'}` : '';
  return `${h.mode} on ${tick}${h.relation}${tick}${alsoText(h)} taken at line ${h.line} and held until ${until}, across ${h.statements} statement${h.statements === 1 ? '' : 's'}, for ${ms(h.heldMs)} on the shadow${rows}: ${blocksText(h)} on it wait all that time.`;
}

/** " (and its 11 indexes)", " (and its 2 indexes and 1 sequence)" */
function alsoText(h: HeldLock): string {
  const also = h.alsoLocked ?? [];
  if (!also.length) return '';
  const count = (kind: string, one: string, many: string) => {
    const n = also.filter((a) => a.kind === kind).length;
    return n ? `${n} ${n === 1 ? one : many}` : '';
  };
  const parts = [count('index', 'index', 'indexes'), count('sequence', 'sequence', 'sequences')].filter(Boolean);
  return ` (and its ${parts.join(' and ')})`;
}

/**
 * A statement's rewrites for a table cell: the rewritten tables and how many indexes were rebuilt
 * with them ("person (+11 indexes)"); indexes rebuilt on their own are named.
 */
export function rewriteCell(
  s: Pick<TracedStatement, 'rewrites' | 'rebuiltIndexes'>,
  name: (rel: string) => string,
): string {
  const n = s.rebuiltIndexes.length;
  if (!s.rewrites.length) return s.rebuiltIndexes.map((i) => `${name(i)} (index)`).join(', ');
  return s.rewrites.map(name).join(', ') + (n ? ` (+${n} ${n === 1 ? 'index' : 'indexes'})` : '');
}

export function historyLine(d: DryRun): string {
  const h = d.history;
  if (h.source === 'schema') {
    return `schema from ${h.path} (${h.statements} statements${h.errors.length ? `, ${h.errors.length} failed` : ''})`;
  }
  if (!h.files) return 'no earlier migrations to replay';
  // `refused` may be missing from a shadow cache written by an older zerodown
  const refused = h.refused?.length ?? 0;
  return `history: ${h.files} earlier file${h.files === 1 ? '' : 's'} replayed${h.failures.length ? `, ${h.failures.length} failed` : ''}${refused ? `, ${refused} statement${refused === 1 ? '' : 's'} not run (reach outside the shadow)` : ''}`;
}

export function seedLine(d: DryRun): string {
  const s = d.seed;
  if (!s.tables) return s.of ? `seeded none of ${s.of} tables: the migration touches none` : 'no tables to seed';
  const failed = s.failures.length ? ` (${s.failures.length} could not be seeded)` : '';
  if (s.of !== undefined)
    return `seeded ${s.tables} of ${s.of} tables with up to ${s.rowsPerTable} rows each: the ones the migration touches and their foreign-key neighbours${failed}`;
  return `seeded ${s.tables} table${s.tables === 1 ? '' : 's'} with up to ${s.rowsPerTable} rows each${failed}`;
}

/** Statements a record stands for: 1, or the length of a run of INSERTs traced together. */
export function statementCount(s: TracedStatement): number {
  return s.count ?? 1;
}

/** The line cell: `12`, or `3–109002` for a run of INSERTs traced together. */
export function lineCell(s: TracedStatement): string {
  return s.count ? `${s.line}–${s.endLine}` : String(s.line);
}

/** The statement cell's text: the SQL's first line, or for a run "109,000 INSERTs like: INSERT INTO t …". */
export function statementCell(s: TracedStatement, max: number): string {
  if (!s.count) return firstLine(s.sql, max);
  const head = `${s.count.toLocaleString('en-US')} INSERTs like: `;
  return head + firstLine(s.sql, Math.max(10, max - head.length));
}

/** Why a statement did not run: an earlier error of its file, or the run stopped (time bound). */
export function notRunText(d: Pick<DryRun, 'stopped'>): string {
  return d.stopped
    ? 'not run: the dry run stopped (a statement overran --shadow-timeout)'
    : 'not run: an earlier statement of this file failed';
}

/** One sentence for a dry run that stopped on the time bound, e.g. `stopped: db/1.sql:3: did not finish within 30 s …`. */
export function stoppedLine(d: Pick<DryRun, 'stopped'>): string | undefined {
  return d.stopped ? `the dry run stopped: ${d.stopped.message}` : undefined;
}

/**
 * When the shadow runs another major version than the one the migration targets (`--pg-version`,
 * default 15; PGlite is 18): " · target PostgreSQL 15, shadow 18: what changed between them is not proven".
 */
export function versionNote(
  v: { shadowVersion?: number; targetVersion?: number },
  dialect: string | undefined,
): string {
  if (v.shadowVersion === undefined || v.targetVersion === undefined || v.shadowVersion === v.targetVersion) return '';
  const d = dialectFor(dialect);
  const text = (n: number) => d.versionText?.(n) ?? String(n);
  return ` · target ${d.name} ${text(v.targetVersion)}, shadow ${text(v.shadowVersion)}: behaviour that differs between them is not proven`;
}

/**
 * How the server runs the statement online, as the shadow measured it (MySQL/MariaDB ALTER):
 * `ALGORITHM=INPLACE, LOCK=NONE`, `ALGORITHM=INSTANT`; the reason when it could not be measured;
 * undefined for statements that were not measured.
 */
export function onlineText(s: Pick<TracedStatement, 'online' | 'unmeasured'>): string | undefined {
  if (s.online)
    return `ALGORITHM=${s.online.algorithm}${s.online.algorithm === 'INSTANT' ? '' : `, LOCK=${s.online.lock}`}`;
  return s.unmeasured;
}

/** The measured online lock blocks writes (LOCK=SHARED) or reads too (LOCK=EXCLUSIVE) for the whole operation. */
export function onlineBlocks(s: Pick<TracedStatement, 'online'>): 'writes' | 'reads and writes' | undefined {
  if (s.online?.lock === 'SHARED') return 'writes';
  if (s.online?.lock === 'EXCLUSIVE') return 'reads and writes';
  return undefined;
}

/** The shadow's server shows no locks (MariaDB without metadata_lock_info, …): "none" would be a claim it cannot make. */
export function locksHidden(d: Pick<DryRun, 'limits'>): boolean {
  return d.limits.some((l) => l.id === 'metadata-locks-invisible');
}
