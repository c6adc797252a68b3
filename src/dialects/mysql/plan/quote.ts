/**
 * Quoting for the SQL the MySQL/MariaDB planner generates. Every name, value and comment text that
 * comes from a migration goes through these, so that input stays data whatever it holds.
 *
 * Literals are written so that their value does not depend on `sql_mode`: with
 * NO_BACKSLASH_ESCAPES a backslash in '…' is a plain character, without it an escape (the dialect's
 * `quoteLiteral` is safe in both but reads a backslash twice in one), so any text that is not
 * plainly safe is written as a hex string converted to utf8mb4 instead.
 */

/** Identifiers, `db`.`table` and comments: the dialect's own quoting (../quote.ts). */
export { quoteIdent as ident, quoteTable as tableRef, sqlComment as comment } from '../quote.js';

/** A string literal with the same value under every sql_mode. */
export function literal(value: string): string {
  if (/^[A-Za-z0-9 _.,:;@#%+=/()-]*$/.test(value)) return `'${value}'`;
  return `CONVERT(X'${Buffer.from(value, 'utf8').toString('hex')}' USING utf8mb4)`;
}
