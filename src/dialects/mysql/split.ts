/**
 * Splits MySQL/MariaDB source text into statements the way the `mysql` / `mariadb` command-line
 * client does, giving each its exact offsets (MySQL reference manual, 6.5.1.2 "mysql Client
 * Commands" for DELIMITER; 11.7 "Comments" for the comment forms; 11.1.1 "String Literals").
 *
 * - `DELIMITER xx` at the start of a line (outside any statement) changes the terminator; the
 *   DELIMITER line itself is a client command, not a statement. A procedure or trigger body
 *   between `DELIMITER $$` lines is therefore one statement.
 * - Quotes: '…' and "…" with backslash escapes and doubled quotes; `…` identifiers (doubled backticks).
 * - Comments: `-- ` needs a space or control character (or the end of the line) after the dashes,
 *   `#` runs to the end of the line, `/* … *\/` does not nest in MySQL.
 * - `/*! … *\/` and `/*!80013 … *\/` versioned comments are code to the server: they stay in the
 *   statement text (dumps write `/*!40101 SET NAMES utf8 *\/;`), and a `;` inside one still ends
 *   nothing (the client sends the comment whole).
 */

/** One statement's place in the text: `start`/`end` are 0-based offsets, `end` before the delimiter and trailing blanks. */
export interface RawStatement {
  start: number;
  end: number;
}

/** What the splitter found: the statements, and a problem the client would stumble on. */
export interface SplitResult {
  statements: RawStatement[];
  /** an unterminated quote or comment: offset where it opened */
  unterminated?: { offset: number; what: string };
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xfeff;

/** `-- ` starts a comment only when a space, a control character or the end of text follows the dashes. */
function dashComment(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45) return false;
  if (i + 2 >= text.length) return true;
  const c = text.charCodeAt(i + 2);
  return c <= 32 || c === 127;
}

/**
 * When a comment that is NOT code starts at `i` (`-- `, `#`, `/* *\/` but not `/*!`), the offset
 * just after it; else `i`. Unterminated block comments run to `to`.
 */
export function skipMysqlComment(text: string, i: number, to = text.length): number {
  const c = text.charCodeAt(i);
  if (c === 35 || dashComment(text, i)) {
    const nl = text.indexOf('\n', i);
    return nl === -1 || nl >= to ? to : nl + 1;
  }
  if (c === 47 && text.charCodeAt(i + 1) === 42 && text.charCodeAt(i + 2) !== 33) {
    const close = text.indexOf('*/', i + 2);
    return close === -1 || close + 2 > to ? to : close + 2;
  }
  return i;
}

/** Skips blanks and (non-versioned) comments from `from`; returns the first significant offset or `to`. */
export function skipMysqlTrivia(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to) {
    if (isBlank(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const next = skipMysqlComment(text, i, to);
    if (next === i) break;
    i = next;
  }
  return i;
}

/** Offset one past the last non-blank character in [from, to). */
function trimBlankEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && isBlank(text.charCodeAt(e - 1))) e--;
  return e;
}

/** A `DELIMITER x` client command at `i` (the start of a line, outside a statement): its new delimiter and line end. */
function delimiterCommand(text: string, i: number, to: number): { delimiter: string; end: number } | undefined {
  if (to - i < 10 || !/^delimiter[ \t]/i.test(text.slice(i, i + 10))) return undefined;
  const nl = text.indexOf('\n', i);
  const lineEnd = nl === -1 || nl > to ? to : nl;
  const arg =
    text
      .slice(i + 10, lineEnd)
      .trim()
      .split(/[ \t]/)[0] ?? '';
  if (!arg) return undefined;
  return { delimiter: arg, end: nl === -1 || nl >= to ? to : nl + 1 };
}

/** Skips a quoted run opened by `q` at `i`; returns the offset after the closing quote, or -1 when unterminated. */
function skipQuoted(text: string, i: number, to: number, q: number): number {
  let j = i + 1;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 92 && q !== 96) {
      j += 2; // backslash escape (not in `identifiers`)
      continue;
    }
    if (c === q) {
      if (text.charCodeAt(j + 1) === q) {
        j += 2; // doubled quote
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return -1;
}

/**
 * Splits `text[from, to)` into statements. Offsets are into `text`. Never throws: an unterminated
 * quote or comment ends the last statement at `to` and is reported in `unterminated`.
 */
export function splitMysql(text: string, from = 0, to = text.length): SplitResult {
  const statements: RawStatement[] = [];
  let delimiter = ';';
  let unterminated: SplitResult['unterminated'];
  let i = from;
  while (i < to) {
    // between statements: blanks, comments, DELIMITER commands
    i = skipMysqlTrivia(text, i, to);
    if (i >= to) break;
    if (onlyBlanksBefore(text, i)) {
      const cmd = delimiterCommand(text, i, to);
      if (cmd) {
        delimiter = cmd.delimiter;
        i = cmd.end;
        continue;
      }
    }
    // the client's shell escape (`\! cmd`, or `system cmd` at the start of a line) ends at the end of its
    // line with no delimiter (MySQL 8.0 manual 6.5.1.2, "mysql Client Commands"): one statement of its own
    if (text.startsWith('\\!', i) || (onlyBlanksBefore(text, i) && /^system[ \t]/i.test(text.slice(i, i + 7)))) {
      const nl = text.indexOf('\n', i);
      const e = trimBlankEnd(text, i, nl === -1 || nl >= to ? to : nl);
      statements.push({ start: i, end: e });
      i = nl === -1 || nl >= to ? to : nl + 1;
      continue;
    }
    const start = i;
    let versioned = false; // inside /*! … */
    let end = -1;
    let next = to;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (versioned && c === 42 && text.charCodeAt(i + 1) === 47) {
        versioned = false;
        i += 2;
        continue;
      }
      if (c === 39 || c === 34 || c === 96) {
        const j = skipQuoted(text, i, to, c);
        if (j < 0) {
          unterminated ??= { offset: i, what: c === 96 ? 'a `quoted` identifier' : 'a quoted string' };
          i = to;
          break;
        }
        i = j;
        continue;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 42 && text.charCodeAt(i + 2) === 33 && !versioned) {
        versioned = true;
        i += 3;
        continue;
      }
      const k = versioned ? i : skipMysqlComment(text, i, to);
      if (k !== i) {
        if (k === to && text.charCodeAt(i) === 47 && !text.startsWith('*/', to - 2))
          unterminated ??= { offset: i, what: 'a /* comment' };
        i = k;
        continue;
      }
      if (!versioned && text.startsWith(delimiter, i)) {
        end = i;
        next = i + delimiter.length;
        break;
      }
      // `delimiter` written inside a statement on its own line also ends it for the client
      if (c === 10 && delimiter !== ';') {
        const j = skipBlanksOnLine(text, i + 1, to);
        if (delimiterCommand(text, j, to)) {
          end = i;
          next = j;
          break;
        }
      }
      i++;
    }
    if (end < 0) {
      end = to;
      next = to;
      if (versioned) unterminated ??= { offset: start, what: 'a /*! versioned comment' };
    }
    const e = trimBlankEnd(text, start, end);
    if (e > start) statements.push({ start, end: e });
    i = next;
  }
  return unterminated ? { statements, unterminated } : { statements };
}

function skipBlanksOnLine(text: string, i: number, to: number): number {
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** Only spaces or tabs between the previous newline (or the start) and `i`. */
function onlyBlanksBefore(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}
