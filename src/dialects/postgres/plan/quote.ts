/**
 * The one way text from a migration (identifiers, literals, file names, any
 * message that names them) reaches the SQL a plan generates, including its
 * comments. A pull request's SQL is untrusted: a column named
 * `"y<newline>DROP TABLE victim; --"` must stay a column name, never become a
 * statement of the plan.
 *
 *   ident('Order')           → "Order"
 *   literal("it's")          → 'it''s'       (E'…' when it holds a backslash)
 *   dollarQuote(body)        → $zerodown$…$zerodown$ with a tag that is not in the body
 *   sqlComment(text)         → -- text       (one line, whatever the text holds)
 *   blockComment(text)       → /* text *\/   (no comment end or nested start inside)
 */
import { quoteIdent, quoteRel } from '../util.js';

function noNul(text: string, what: string): void {
  if (text.includes('\0')) throw new Error(`a ${what} cannot contain a NUL character`);
}

/** An identifier, quoted when PostgreSQL needs it. */
export function ident(name: string): string {
  noNul(name, 'SQL identifier');
  return quoteIdent(name);
}

/** A (possibly schema-qualified) relation. */
export function relation(rel: { schemaname?: string; relname?: string } | string): string {
  noNul(typeof rel === 'string' ? rel : `${rel.schemaname ?? ''}${rel.relname ?? ''}`, 'SQL identifier');
  return quoteRel(rel);
}

/**
 * A string literal that means the same whatever `standard_conforming_strings` is:
 * with a backslash in it, an escape string (E'…') with the backslashes doubled.
 */
export function literal(value: string): string {
  noNul(value, 'SQL string');
  const body = value.replace(/'/g, "''");
  return value.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}

/** `$tag$body$tag$` with a tag (from `base`) that does not occur in the body, so the body cannot end the quote. */
export function dollarQuote(body: string, base = 'zerodown'): string {
  noNul(body, 'SQL body');
  let tag = `$${base}$`;
  // the first occurrence of the tag after the opening one must be the closing one
  for (let i = 1; `${body}${tag}`.indexOf(tag) !== body.length; i++) tag = `$${base}${i}$`;
  return `${tag}${body}${tag}`;
}

/** Every character that ends a line somewhere (SQL, editors, terminals), and NUL. */
const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029\0]+/g;

/** Text made safe inside any SQL comment: one line, and no `/*` or `*\/` that would open or close a block comment. */
export function commentText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\/\*/g, '/ *').replace(/\*\//g, '* /');
}

/** A `--` comment line holding `text` (never more than one line, never SQL). */
export function sqlComment(text: string): string {
  return `-- ${commentText(text)}`;
}

/** A `/* … *\/` comment holding `text`. */
export function blockComment(text: string): string {
  return `/* ${commentText(text)} */`;
}
