/**
 * Target server versions. The core carries a dialect's target version as one number
 * (`Settings.pgVersion`, "the dialect's target version"); MySQL and MariaDB encode it as
 * major*10000 + minor*100 + patch: 8.0.35 → 80035, 8.4 → 80400, MariaDB 10.11 → 101100.
 */
import type { Flavor, ServerVersion } from './ast.js';

/**
 * MySQL 8.0's last release: "As of April 2026, with version 8.0.46, MySQL 8.0 reaches End of Life"
 * (MySQL 8.0 Release Notes). `--mysql-version 8.0` means it, and it is the default target.
 */
export const MYSQL_80_LATEST_PATCH = 46;
export const DEFAULT_MYSQL_VERSION = 80000 + MYSQL_80_LATEST_PATCH;
/** MariaDB 10.11, the long-term release the local test server runs */
export const DEFAULT_MARIADB_VERSION = 101100;

/** majors each flavor has released (MySQL 5.x, 8.x, 9.x; MariaDB 5.5, 10.x, 11.x, 12.x) */
const MAJORS: Record<Flavor, ReadonlySet<number>> = {
  mysql: new Set([5, 8, 9]),
  mariadb: new Set([5, 10, 11, 12]),
};

/**
 * Reads `5.7`, `8.0.35`, `8.4` (MySQL) or `10.6`, `10.11`, `11.4.2` (MariaDB); undefined when
 * `text` is not a version of that flavor. A bare `8.0` means the last 8.0 release (8.0.46): give
 * the patch for an older 8.0 server, whose INSTANT support differs (8.0.12, 8.0.29).
 */
export function parseMysqlVersion(text: string, flavor: Flavor): number | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (!MAJORS[flavor].has(major)) return undefined;
  if (flavor === 'mysql' && major === 5 && (minor < 5 || minor > 7)) return undefined;
  if (flavor === 'mariadb' && major === 5 && minor !== 5) return undefined;
  let patch = m[3] === undefined ? 0 : Number(m[3]);
  if (flavor === 'mysql' && major === 8 && minor === 0 && m[3] === undefined) patch = MYSQL_80_LATEST_PATCH;
  return major * 10000 + minor * 100 + patch;
}

/** the encoded number as a version */
export function serverVersionOf(n: number, flavor: Flavor): ServerVersion {
  return { flavor, major: Math.floor(n / 10000), minor: Math.floor(n / 100) % 100, patch: n % 100 };
}

/** `8.0.35`, `8.4`, `10.11` (the patch only when it is not 0) */
export function mysqlVersionText(n: number): string {
  const v = serverVersionOf(n, 'mysql');
  return v.patch ? `${v.major}.${v.minor}.${v.patch}` : `${v.major}.${v.minor}`;
}

/** true when `v` is at least major.minor.patch */
export function atLeast(v: ServerVersion, major: number, minor = 0, patch = 0): boolean {
  return v.major * 10000 + v.minor * 100 + v.patch >= major * 10000 + minor * 100 + patch;
}
