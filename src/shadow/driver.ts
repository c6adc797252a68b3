/**
 * The shadow database driver contract. One small interface so that engines
 * (embedded PGlite, a PostgreSQL URL, later a MySQL URL) are interchangeable:
 * everything above this file (replay, seed, trace, snapshots) only talks SQL
 * through `exec` and `query`.
 */

import type { ShadowWork } from '../dialect.js';
import type { ShadowProbes } from './probes.js';

export type ShadowKind = 'pglite' | 'postgresql' | 'mysql';

/** Something the engine cannot do, reported once instead of as a cascade of errors. */
export interface EngineLimit {
  /** short stable id, e.g. `extension-unavailable` */
  id: string;
  /** the object concerned, e.g. the extension name */
  subject: string;
  /** one sentence for a person in a hurry */
  message: string;
}

export interface Shadow {
  readonly kind: ShadowKind;
  /** e.g. `pglite 18.6`, `postgresql 15.20` */
  readonly engine: string;
  /** server major version, e.g. 18 */
  readonly serverVersion: number;
  /** how the engine started: `datadir` (pre-initialised PGlite data directory), `initdb` (cold PGlite) or `database` (fresh server database) */
  readonly boot: string;
  /** engine limits met so far (unavailable extensions, …) */
  readonly limits: EngineLimit[];
  /** runs SQL with the simple query protocol (one statement, or several in one implicit transaction) */
  exec(sql: string): Promise<void>;
  /** runs one statement with the extended protocol; rows as objects */
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** whether `CREATE EXTENSION name` can succeed on this engine (undefined: unknown, try it) */
  extensionAvailable(name: string): boolean | undefined;
  /**
   * A second connection to the same database, for sampling `pg_locks` while a
   * statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY) runs.
   * Only real servers have one.
   */
  openSideConnection?(): Promise<SideConnection>;
  /** what the kernel asks the engine's dialect: statement classes, catalog and lock probes, seed, snapshots */
  readonly probes: ShadowProbes;
  /**
   * Embedded engines only: the whole database state as one blob, to boot a later shadow from
   * (`OpenShadowOptions.state`): the replayed and seeded start, saved once (src/shadow/cache.ts).
   */
  saveState?(): Promise<Buffer>;
  /**
   * Embedded engines whose write-ahead log stays in memory until a checkpoint (PGlite runs PostgreSQL without its
   * checkpointer process): called by the history replay between files, with the number of statements run since the
   * last call, so that the engine can free the log once enough of it has built up. Never throws.
   */
  settle?(statements: number): Promise<void>;
  /** drops the database / stops the embedded engine; idempotent. Stops a statement still running first. */
  close(): Promise<void>;
  /** wall-clock bound on each `exec` / `query`, in milliseconds (see `ShadowTimeoutError`) */
  readonly timeoutMs?: number;
  /** set once a statement overran the bound: the engine was stopped, every later call fails at once */
  readonly stopped?: ShadowStop;
}

/** The work of running `sources` (history, files under review, a schema dump) on an embedded engine, timed or not. */
export function shadowWork(sources: Iterable<string>, timed = false): ShadowWork {
  let sqlChars = 0;
  for (const s of sources) sqlChars += s.length;
  return { sqlChars, timed };
}

/** Default wall-clock bound per statement on the shadow (`--shadow-timeout`, seconds). */
export const DEFAULT_SHADOW_TIMEOUT_S = 30;
/** The longest bound one may ask for: a day (the config schema says the same). */
export const MAX_SHADOW_TIMEOUT_S = 86_400;

/**
 * The one reading of a shadow time bound, for the CLI's --shadow-timeout and the Action's
 * `shadow-timeout` input: a positive number of seconds (fractions allowed), at most a day;
 * undefined when `text` is not one (`30s`, `-5`, `1e3`).
 */
export function parseShadowTimeout(text: string): number | undefined {
  const t = text.trim();
  const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  return n > 0 && n <= MAX_SHADOW_TIMEOUT_S ? n : undefined;
}

export interface ShadowStop {
  /** the bound that was exceeded, in seconds */
  seconds: number;
  /** the SQL that was running (first 200 characters) */
  sql: string;
}

const seconds = (ms: number) => `${Math.round((ms / 1000) * 100) / 100} s`;

/**
 * A statement ran longer than the shadow's time bound: the engine stopped it
 * (PGlite: its worker was terminated; a server: pg_cancel_backend, then
 * pg_terminate_backend). The shadow cannot be used afterwards. SQLSTATE 57014
 * (query_canceled), as PostgreSQL's own statement_timeout reports it.
 */
export class ShadowTimeoutError extends Error {
  readonly code = '57014';
  readonly timedOut = true;
  constructor(
    readonly timeoutMs: number,
    readonly sql: string,
  ) {
    super(
      `did not finish within ${seconds(timeoutMs)} on the shadow: stopped; raise --shadow-timeout if it is legitimately slow`,
    );
    this.name = 'ShadowTimeoutError';
  }
}

/** A call on a shadow that an earlier timeout (or Ctrl-C) already stopped. */
export class ShadowStoppedError extends Error {
  readonly code = '57P01';
  constructor(why: string) {
    super(`the shadow database was stopped (${why}): nothing more runs on it`);
    this.name = 'ShadowStoppedError';
  }
}

/** A timeout or a call on a stopped shadow: the run must end, not record one more SQL error. */
export function isShadowStop(err: unknown): boolean {
  const name = (err as Error | undefined)?.name;
  return name === 'ShadowTimeoutError' || name === 'ShadowStoppedError';
}

/** `--shadow-timeout` seconds as milliseconds (default 30 s). */
export function timeoutMsOf(seconds?: number): number {
  return Math.round((seconds ?? DEFAULT_SHADOW_TIMEOUT_S) * 1000);
}

/**
 * Waits for `work` at most `ms` milliseconds. On time: its result (or error). Late: `onLate()`
 * runs (it stops the engine), then a ShadowTimeoutError is thrown.
 */
export async function withinBound<T>(
  work: Promise<T>,
  ms: number,
  sql: string,
  onLate: () => Promise<void>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    const r = await Promise.race([work.then((value) => ({ value })), late]);
    if (r !== LATE) return r.value;
  } finally {
    clearTimeout(timer);
  }
  work.catch(() => {}); // it fails once the engine is stopped: nobody waits for it any more
  await onLate();
  throw new ShadowTimeoutError(ms, sql);
}
const LATE = Symbol('late');

export interface SideConnection {
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A PostgreSQL error, normalised across drivers. */
export interface SqlError {
  /** SQLSTATE, e.g. `42703` */
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  /** 1-based character position in the statement text, when PostgreSQL gives one */
  position?: number;
  /** where a PL/pgSQL error happened (the CONTEXT line) */
  where?: string;
  /** the statement overran the shadow's time bound and was stopped (`ShadowTimeoutError`) */
  timedOut?: boolean;
}

export function toSqlError(err: unknown): SqlError {
  const e = err as Record<string, unknown> | undefined;
  const code = typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : 'XX000';
  const out: SqlError = { code, message: String(e?.message ?? err).replace(/\s+$/, '') };
  if (e?.timedOut === true) out.timedOut = true;
  if (typeof e?.detail === 'string' && e.detail) out.detail = e.detail;
  if (typeof e?.hint === 'string' && e.hint) out.hint = e.hint;
  if (typeof e?.where === 'string' && e.where) out.where = e.where;
  const pos = Number(e?.position);
  if (Number.isInteger(pos) && pos > 0) out.position = pos;
  return out;
}

/** Major version from `server_version` (`15.20 (Debian …)` → 15, `18.6` → 18). */
export function majorVersion(serverVersion: string): number {
  const m = /^(\d+)(?:\.(\d+))?/.exec(serverVersion.trim());
  if (!m) return 0;
  const major = Number(m[1]);
  return major >= 10 ? major : Number(`${m[1]}.${m[2] ?? 0}`);
}
