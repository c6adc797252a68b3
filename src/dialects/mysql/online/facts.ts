/**
 * Small server facts the online-DDL prediction needs: version arithmetic, bytes per character of
 * a charset (the VARCHAR length-prefix boundary), and the storage size of ENUM and SET columns.
 */
import type { Flavor, ServerVersion } from '../ast.js';

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

/**
 * Maximum bytes per character (MySQL 8.0 Reference Manual, 10.10 "Supported Character Sets and
 * Collations", the Maxlen column of SHOW CHARACTER SET; MariaDB's is the same for these). VARCHAR's
 * length prefix is one byte while `length × maxlen ≤ 255`, two bytes above (11.7 "Data Type Storage
 * Requirements").
 */
const MAXLEN: Record<string, number> = {
  armscii8: 1,
  ascii: 1,
  big5: 2,
  binary: 1,
  cp1250: 1,
  cp1251: 1,
  cp1256: 1,
  cp1257: 1,
  cp850: 1,
  cp852: 1,
  cp866: 1,
  cp932: 2,
  dec8: 1,
  eucjpms: 3,
  euckr: 2,
  gb18030: 4,
  gb2312: 2,
  gbk: 2,
  geostd8: 1,
  greek: 1,
  hebrew: 1,
  hp8: 1,
  keybcs2: 1,
  koi8r: 1,
  koi8u: 1,
  latin1: 1,
  latin2: 1,
  latin5: 1,
  latin7: 1,
  macce: 1,
  macroman: 1,
  sjis: 2,
  swe7: 1,
  tis620: 1,
  ucs2: 2,
  ujis: 3,
  utf16: 4,
  utf16le: 4,
  utf32: 4,
  utf8: 3,
  utf8mb3: 3,
  utf8mb4: 4,
};

/** Bytes per character of a charset (or of a collation's charset, `utf8mb4_bin` → 4); undefined when unknown. */
export function bytesPerChar(charsetOrCollation: string | undefined): number | undefined {
  if (!charsetOrCollation) return undefined;
  const cs = charsetOrCollation.toLowerCase();
  if (MAXLEN[cs] !== undefined) return MAXLEN[cs];
  const prefix = cs.split('_')[0]!;
  return MAXLEN[prefix];
}

/** The charset a collation belongs to (`utf8mb4_general_ci` → `utf8mb4`), when it is one zerodown knows. */
export function charsetOfCollation(collation: string | undefined): string | undefined {
  if (!collation) return undefined;
  const prefix = collation.toLowerCase().split('_')[0]!;
  return MAXLEN[prefix] !== undefined ? prefix : undefined;
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
