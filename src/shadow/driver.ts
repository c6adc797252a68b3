/**
 * The shadow database driver contract. One small interface so that engines
 * (embedded PGlite, a PostgreSQL URL, later a MySQL URL) are interchangeable:
 * everything above this file (replay, seed, trace, snapshots) only talks SQL
 * through `exec` and `query`.
 */

export type ShadowKind = 'pglite' | 'postgresql';

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
  /** drops the database / stops the embedded engine; idempotent */
  close(): Promise<void>;
}

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
}

export function toSqlError(err: unknown): SqlError {
  const e = err as Record<string, unknown> | undefined;
  const code = typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : 'XX000';
  const out: SqlError = { code, message: String(e?.message ?? err).replace(/\s+$/, '') };
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
