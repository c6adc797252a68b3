/**
 * Small server facts the online-DDL prediction needs: version arithmetic, bytes per character of
 * a charset (the VARCHAR length-prefix boundary), and the storage size of ENUM and SET columns.
 */
import type { Flavor, ServerVersion } from '../ast.js';
import { charsetMaxBytes } from '../charset.js';

/** A version as `[major, minor, patch]`. */
export type Version = readonly [number, number, number];

/** Compares a server with a version: negative when the server is older. */
export function compareVersion(server: ServerVersion, v: Version): number {
  return server.major - v[0] || server.minor - v[1] || server.patch - v[2];
}

/** The server is `v` or newer. */
export const atLeast = (server: ServerVersion, v: Version): boolean => compareVersion(server, v) >= 0;

/** `MySQL 8.0.29`, `MariaDB 10.11` (a zero patch is not printed). */
export function versionText(server: Pick<ServerVersion, 'flavor' | 'major' | 'minor' | 'patch'>): string {
  const name = server.flavor === 'mariadb' ? 'MariaDB' : 'MySQL';
  return `${name} ${server.major}.${server.minor}${server.patch ? `.${server.patch}` : ''}`;
}

/** `8.0.29` → [8, 0, 29]. */
export const v = (text: string): Version => {
  const [a = 0, b = 0, c = 0] = text.split('.').map(Number);
  return [a, b, c];
};

/** A flavor's version text, for messages: `MySQL 8.0.29`. */
export const named = (flavor: Flavor, version: Version): string =>
  versionText({ flavor, major: version[0], minor: version[1], patch: version[2] });

// Maximum bytes per character: the one table in ../charset.ts (MySQL 8.0 Reference Manual, 10.10
// "Supported Character Sets and Collations", Maxlen). VARCHAR's length prefix is one byte while
// `length × maxlen ≤ 255`, two bytes above (11.7 "Data Type Storage Requirements").

/** Bytes per character of a charset (or of a collation's charset, `utf8mb4_bin` → 4); undefined when unknown. */
export function bytesPerChar(charsetOrCollation: string | undefined): number | undefined {
  if (!charsetOrCollation) return undefined;
  const cs = charsetOrCollation.toLowerCase();
  return charsetMaxBytes(cs) ?? charsetMaxBytes(cs.split('_')[0]);
}

/** The charset a collation belongs to (`utf8mb4_general_ci` → `utf8mb4`), when it is one zerodown knows. */
export function charsetOfCollation(collation: string | undefined): string | undefined {
  if (!collation) return undefined;
  const prefix = collation.toLowerCase().split('_')[0]!;
  return charsetMaxBytes(prefix) !== undefined ? prefix : undefined;
}

/**
 * Bytes an ENUM or SET value takes (MySQL 8.0 Reference Manual, 13.7 "Data Type Storage
 * Requirements": ENUM 1 or 2 bytes by the number of members, up to 65,535; SET 1, 2, 3, 4 or 8
 * bytes for up to 8, 16, 24, 32 or 64 members).
 */
export function enumSetBytes(kind: 'enum' | 'set', members: number): number {
  if (kind === 'enum') return members <= 255 ? 1 : 2;
  if (members <= 8) return 1;
  if (members <= 16) return 2;
  if (members <= 24) return 3;
  if (members <= 32) return 4;
  return 8;
}

/** Character types whose length is in characters of the column's charset. */
export const CHAR_TYPES = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set']);
