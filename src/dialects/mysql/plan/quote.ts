/**
 * Quoting for the SQL the MySQL/MariaDB planner generates. Every name, value and comment text that
 * comes from a migration goes through these, so that input stays data whatever it holds.
 *
 * Literals are written so that their meaning does not depend on `sql_mode`: with
 * NO_BACKSLASH_ESCAPES a backslash in '…' is a plain character, without it an escape, so any text
 * that is not plainly safe is written as a hex string converted to utf8mb4 instead.
 */

/** A backtick-quoted identifier (backticks doubled). MySQL identifiers cannot hold U+0000. */
export function ident(name: string): string {
  if (name.includes('\0')) throw new Error('an identifier cannot contain a NUL character');
  return `\`${name.replace(/`/g, '``')}\``;
}

/** `db`.`table`, or `table` when the database is not named. */
export function tableRef(t: { schema?: string; name: string }): string {
  return t.schema ? `${ident(t.schema)}.${ident(t.name)}` : ident(t.name);
}

/** A string literal with the same value under every sql_mode. */
export function literal(value: string): string {
  if (/^[A-Za-z0-9 _.,:;@#%+=/()-]*$/.test(value)) return `'${value}'`;
  return `CONVERT(X'${Buffer.from(value, 'utf8').toString('hex')}' USING utf8mb4)`;
}

/** A `-- ` line comment holding `text` on one line (line breaks and other control characters become spaces). */
export function comment(text: string): string {
  // U+2028/2029 and U+0085 count as line breaks for some editors and clients
  return `-- ${text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ')}`;
}
