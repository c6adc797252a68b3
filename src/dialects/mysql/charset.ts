/**
 * Character sets: bytes per character (MySQL 8.4 reference manual 12.10 "Supported Character Sets
 * and Collations", the Maxlen column of SHOW CHARACTER SET; MariaDB the same for these names), and
 * a collation's character set (its name up to the first `_`).
 */
const MAXLEN: Readonly<Record<string, number>> = {
  armscii8: 1, ascii: 1, big5: 2, binary: 1, cp1250: 1, cp1251: 1, cp1256: 1, cp1257: 1, cp850: 1,
  cp852: 1, cp866: 1, cp932: 2, dec8: 1, eucjpms: 3, euckr: 2, gb18030: 4, gb2312: 2, gbk: 2,
  geostd8: 1, greek: 1, hebrew: 1, hp8: 1, keybcs2: 1, koi8r: 1, koi8u: 1, latin1: 1, latin2: 1,
  latin5: 1, latin7: 1, macce: 1, macroman: 1, sjis: 2, swe7: 1, tis620: 1, ucs2: 2, ujis: 3,
  utf16: 4, utf16le: 4, utf32: 4, utf8: 3, utf8mb3: 3, utf8mb4: 4,
};

/** bytes per character of `charset` (lower case), or undefined for a name we do not know */
export function charsetMaxBytes(charset: string | undefined): number | undefined {
  return charset ? MAXLEN[charset.toLowerCase()] : undefined;
}

/** the character set a collation belongs to (`utf8mb4_unicode_ci` → `utf8mb4`) */
export function charsetOfCollation(collation: string): string {
  return collation.toLowerCase().split('_')[0]!;
}

/** byte capacity of the TEXT types, smallest first (11.3.4 "The BLOB and TEXT Types") */
const TEXT_TYPES: readonly [string, number][] = [
  ['tinytext', 255],
  ['text', 65535],
  ['mediumtext', 16777215],
  ['longtext', 4294967295],
];

/**
 * The TEXT type CONVERT TO CHARACTER SET gives a TEXT column: "a TEXT column ... converted to
 * MEDIUMTEXT" when the new charset needs more bytes for as many characters (15.1.9 "ALTER TABLE
 * Statement", Changing the Character Set). Undefined: the type stays.
 */
export function convertedTextType(type: string, from: string | undefined, to: string): string | undefined {
  const i = TEXT_TYPES.findIndex(([n]) => n === type);
  const a = charsetMaxBytes(from);
  const b = charsetMaxBytes(to);
  if (i < 0 || !a || !b || b <= a) return undefined;
  const need = Math.floor(TEXT_TYPES[i]![1] / a) * b;
  const fit = TEXT_TYPES.find(([, bytes]) => bytes >= need)?.[0] ?? 'longtext';
  return fit === type ? undefined : fit;
}
