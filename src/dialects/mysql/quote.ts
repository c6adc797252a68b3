/**
 * Quoting for generated MySQL/MariaDB SQL: every name, value or comment text from the input goes
 * through these (MySQL 8.4 reference manual 11.2 "Schema Object Names", 11.1.1 "String Literals",
 * 11.7 "Comments").
 */

function noNul(text: string, what: string): void {
  if (text.includes('\0')) throw new Error(`a ${what} cannot contain a NUL character`);
}

/** A `backtick` identifier, backticks inside doubled. Always quoted: no reserved-word list to keep up to date. */
export function quoteIdent(name: string): string {
  noNul(name, 'MySQL identifier');
  return `\`${name.replace(/`/g, '``')}\``;
}

/** `db`.`t` or `t` */
export function quoteTable(t: { schema?: string; name: string }): string {
  return t.schema ? `${quoteIdent(t.schema)}.${quoteIdent(t.name)}` : quoteIdent(t.name);
}

/**
 * A string literal. `'` is doubled (the same in every SQL mode) and `\` is doubled: with the
 * default SQL mode the server reads back exactly `value`; with NO_BACKSLASH_ESCAPES it reads each
 * backslash twice, but nothing in `value` can end the literal in either mode.
 */
export function quoteLiteral(value: string): string {
  noNul(value, 'MySQL string');
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Every character that ends a line somewhere (SQL, editors, terminals), and NUL. */
const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029\0]+/g;

/** Text made safe inside any MySQL comment: one line, no `/*` or `*\/` (which would also open a `/*!` versioned comment). */
export function commentText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\/\*/g, '/ *').replace(/\*\//g, '* /');
}

/** A `-- ` comment line holding `text` (MySQL needs the space after the dashes). */
export function sqlComment(text: string): string {
  return `-- ${commentText(text)}`;
}
