/** Small helpers the MySQL shadow's files share: quoting, the server version, driver errors. */
import type { ServerVersion } from '../ast.js';

export { quoteIdent as quoteMyIdent, quoteLiteral as quoteMyLiteral } from '../quote.js';

/** `SELECT VERSION()` → flavor and version: `10.11.19-MariaDB-0+deb12u1` is MariaDB 10.11.19, `8.0.36` MySQL. */
export function parseServerVersion(text: string): ServerVersion {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  const flavor = /mariadb/i.test(text) ? 'mariadb' : 'mysql';
  return { flavor, major: Number(m?.[1] ?? 0), minor: Number(m?.[2] ?? 0), patch: Number(m?.[3] ?? 0) };
}

/** `a` is at least version `major.minor[.patch]`. */
export function atLeast(a: ServerVersion, major: number, minor: number, patch = 0): boolean {
  if (a.major !== major) return a.major > major;
  if (a.minor !== minor) return a.minor > minor;
  return a.patch >= patch;
}

/** A server error as the kernel reads errors (src/shadow/driver.ts `toSqlError`): SQLSTATE in `code`, the server's number kept. */
export interface MysqlError extends Error {
  /** SQLSTATE, e.g. `42S02` (HY000 when the server gives none) */
  code: string;
  /** the server's error number, e.g. 1146 */
  errno?: number;
}

/**
 * mysql2 errors carry `code: 'ER_NO_SUCH_TABLE'`, `errno: 1146`, `sqlState: '42S02'`: the kernel wants
 * the SQLSTATE in `code`. The message keeps the server's number, as the mysql client prints it.
 */
export function normaliseError(err: unknown): MysqlError {
  const e = err as { message?: string; sqlState?: string; errno?: number; sqlMessage?: string; name?: string };
  if (e?.name === 'ShadowTimeoutError' || e?.name === 'ShadowStoppedError') return err as MysqlError;
  const errno = typeof e?.errno === 'number' ? e.errno : undefined;
  const sqlState = typeof e?.sqlState === 'string' && /^[0-9A-Z]{5}$/.test(e.sqlState) ? e.sqlState : 'HY000';
  const text = e?.sqlMessage ?? e?.message ?? String(err);
  const out = new Error(errno !== undefined ? `${text} (error ${errno})` : text) as MysqlError;
  out.name = 'MysqlError';
  // connection-level failures (the server went away, the connection was killed): SQLSTATE class 08
  out.code = errno === undefined ? '08006' : sqlState;
  if (errno !== undefined) out.errno = errno;
  return out;
}

/** The server's error number of a normalised error, if any. */
export function errnoOf(err: unknown): number | undefined {
  const n = (err as { errno?: unknown })?.errno;
  return typeof n === 'number' ? n : undefined;
}

/**
 * A stable number for a table name: the kernel keys relations by a number that survives a rebuild
 * (`RelInfo.oid`), and MySQL has none (the InnoDB table id changes when the table is rebuilt, which
 * is what `filenode` is for). 32-bit FNV-1a of `schema.table`, lower case.
 */
export function nameId(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name.toLowerCase()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
