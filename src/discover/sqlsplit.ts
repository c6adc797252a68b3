/**
 * A small, fast PostgreSQL statement splitter for discovery.
 *
 * Discovery needs to know where statements start and end *before* parsing:
 * to count the statements a tool sends in one query string (PostgreSQL runs a
 * multi-statement simple query in one implicit transaction), and to find the
 * statements some tools run on their own (Flyway, the Supabase CLI). The real
 * parser (libpg-query) still parses every segment afterwards; this splitter
 * only has to agree with it on statement boundaries.
 *
 * It understands what psql's lexer understands for splitting: '…' and E'…'
 * strings, "…" identifiers, $tag$…$tag$ bodies, -- and nested /* *\/ comments,
 * parentheses (CREATE RULE … DO (a; b)) and SQL-standard function bodies
 * (CREATE FUNCTION … BEGIN ATOMIC … END), where psql also counts BEGIN/CASE
 * against END.
 */
import { skipComment } from '../parse/source.js';

export interface Range {
  /** offset of the statement's first significant character */
  start: number;
  /** offset one past its last character, without the terminating `;` */
  end: number;
}

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
const isIdentChar = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff || c === 11;

/** Splits `text[from, to)` into statements. Never throws; an unterminated construct runs to `to`. */
export function splitSql(text: string, from = 0, to = text.length): Range[] {
  return scan(text, from, to, Infinity);
}

/** `splitSql`, stopping once `max` statements have begun (the last range then ends where the scan stopped). */
function scan(text: string, from: number, to: number, max: number): Range[] {
  const out: Range[] = [];
  let i = from;
  let stmtStart = -1; // first significant char of the current statement
  let lastSig = -1; // one past the last significant char
  let paren = 0;
  let block = 0; // BEGIN/CASE … END depth inside CREATE FUNCTION/PROCEDURE
  let words: string[] = []; // first words of the statement (upper-case)
  let routine = false;

  const flush = () => {
    if (stmtStart >= 0) out.push({ start: stmtStart, end: lastSig });
    stmtStart = -1;
    lastSig = -1;
    paren = 0;
    block = 0;
    words = [];
    routine = false;
  };
  const mark = (s: number, e: number) => {
    if (stmtStart < 0) stmtStart = s;
    lastSig = e;
  };

  while (i < to) {
    // a statement once begun is one (`flush` keeps it): enough of them found
    if (stmtStart >= 0 && out.length + 1 >= max) {
      flush();
      return out;
    }
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    // -- comment, /* nested comment */
    const afterComment = skipComment(text, i, to);
    if (afterComment !== i) {
      i = afterComment;
      continue;
    }
    if (c === 59) {
      // ;
      if (paren === 0 && block === 0) flush();
      i++;
      continue;
    }
    const s = i;
    if (c === 39) {
      // '…' ; E'…' handled at the identifier branch
      i = skipQuoted(text, i, to, 39, false);
      mark(s, i);
      continue;
    }
    if (c === 34) {
      i = skipQuoted(text, i, to, 34, false);
      mark(s, i);
      continue;
    }
    if (c === 36) {
      // $tag$ … $tag$ (a $1 parameter is not a dollar quote)
      const m = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, Math.min(to, i + 64)));
      if (m) {
        const tag = m[0];
        const close = text.indexOf(tag, i + tag.length);
        i = close === -1 || close + tag.length > to ? to : close + tag.length;
      } else {
        i++;
        while (i < to && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      }
      mark(s, i);
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < to && isIdentChar(text.charCodeAt(j))) j++;
      // E'…', U&'…', B'…', X'…', N'…' string prefixes
      if (text.charCodeAt(j) === 39 && j - i === 1) {
        const esc = c === 69 || c === 101; // E / e
        i = skipQuoted(text, j, to, 39, esc);
        mark(s, i);
        continue;
      }
      if (j - i === 1 && (c === 85 || c === 117) && text.charCodeAt(j) === 38 && text.charCodeAt(j + 1) === 39) {
        i = skipQuoted(text, j + 1, to, 39, false);
        mark(s, i);
        continue;
      }
      const word = text.slice(i, j).toUpperCase();
      if (words.length < 5) {
        words.push(word);
        if (words.length >= 2 && words[0] === 'CREATE') {
          const w = words.slice(1).filter((x) => x !== 'OR' && x !== 'REPLACE');
          if (w[0] === 'FUNCTION' || w[0] === 'PROCEDURE') routine = true;
        }
      }
      if (routine) {
        if (word === 'BEGIN' || word === 'CASE') block++;
        else if (word === 'END' && block > 0) block--;
      }
      i = j;
      mark(s, i);
      continue;
    }
    if (c === 40) paren++;
    else if (c === 41 && paren > 0) paren--;
    i++;
    mark(s, i);
  }
  flush();
  return out;
}

function skipQuoted(text: string, i: number, to: number, q: number, backslash: boolean): number {
  i++;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (backslash && c === 92) {
      i += 2;
      continue;
    }
    if (c === q) {
      if (text.charCodeAt(i + 1) === q) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return to;
}

/** Number of statements in `text[from, to)`, counted no further than `max`. */
export function countStatements(text: string, from = 0, to = text.length, max = Infinity): number {
  return scan(text, from, to, max).length;
}

/**
 * The statement with comments removed and whitespace collapsed to single
 * spaces, upper-cased: what Flyway's and the Supabase CLI's regexes look at.
 */
export function simplify(text: string, r: Range): string {
  return text
    .slice(r.start, r.end)
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}
