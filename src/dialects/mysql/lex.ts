/**
 * A MySQL/MariaDB tokenizer for one statement (MySQL reference manual 11.1 "Literal Values",
 * 11.2 "Schema Object Names", 11.7 "Comments"). The `/*!NNNNN` opener and `*\/` closer of a
 * versioned comment are blanks: what is inside is code. Offsets are into the statement text.
 */

export type TokenType =
  /** a bare word: keyword or unquoted identifier (`v` keeps its case) */
  | 'word'
  /** a `backtick` or (ANSI_QUOTES) identifier: `v` is the name, unquoted */
  | 'qident'
  /** a string literal, '…' or "…" (also X'…', B'…', N'…'): `v` is the value, unescaped */
  | 'string'
  | 'number'
  /** @user_var, @@system_var: `v` as written */
  | 'var'
  /** punctuation and operators: ( ) , ; . = etc. */
  | 'op';

export interface Token {
  type: TokenType;
  v: string;
  start: number;
  end: number;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'LexError';
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0', Z: '\x1a' };

/** the value of a quoted run from `i` (the quote) to `end` (after the closing quote) */
function unquote(text: string, i: number, end: number, q: string): string {
  const body = text.slice(i + 1, end - 1);
  if (q === '`') return body.replace(/``/g, '`');
  return body.replace(/\\(.)|(['"])\2/gs, (_m, e: string | undefined, d: string | undefined) =>
    e !== undefined ? (ESCAPES[e] ?? e) : d!,
  );
}

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c >= 0x80
  );
}

const OPS3 = ['<=>', '->>'];
const OPS2 = ['<=', '>=', '<>', '!=', ':=', '||', '&&', '<<', '>>', '->'];

/** Tokenizes one statement. Throws `LexError` on an unterminated quote or comment. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xfeff) {
      i++;
      continue;
    }
    // comments
    if (c === 35 || (c === 45 && text.charCodeAt(i + 1) === 45 && (i + 2 >= n || text.charCodeAt(i + 2) <= 32))) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl + 1;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      if (text.charCodeAt(i + 2) === 33) {
        // versioned comment: skip the opener and its version number; the content is code
        i += 3;
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
        continue;
      }
      const close = text.indexOf('*/', i + 2);
      if (close === -1) throw new LexError('unterminated /* comment', i);
      i = close + 2;
      continue;
    }
    if (c === 42 && text.charCodeAt(i + 1) === 47) {
      i += 2; // the end of a versioned comment
      continue;
    }
    // quoted
    if (c === 39 || c === 34 || c === 96) {
      let j = i + 1;
      for (;;) {
        if (j >= n) throw new LexError(c === 96 ? 'unterminated `identifier`' : 'unterminated string', i);
        const d = text.charCodeAt(j);
        if (d === 92 && c !== 96) j += 2;
        else if (d === c) {
          if (text.charCodeAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      const q = text[i]!;
      out.push({ type: c === 96 ? 'qident' : 'string', v: unquote(text, i, j + 1, q), start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    // X'..' B'..' N'..' literals
    if ((c === 120 || c === 88 || c === 98 || c === 66 || c === 110 || c === 78) && text.charCodeAt(i + 1) === 39) {
      const close = text.indexOf("'", i + 2);
      if (close === -1) throw new LexError('unterminated string', i);
      out.push({ type: 'string', v: text.slice(i + 2, close), start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (c === 64) {
      let j = i + 1;
      if (text.charCodeAt(j) === 64) j++;
      const q = text.charCodeAt(j);
      if (q === 39 || q === 34 || q === 96) {
        const close = text.indexOf(text[j]!, j + 1);
        j = close === -1 ? n : close + 1;
      } else while (j < n && (isWordChar(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      out.push({ type: 'var', v: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    // numbers: 12, 1.5, .5, 1e10, 0x1F (an identifier may also start with digits: 1abc)
    if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) {
      const m = /^(?:0x[0-9a-f]+|0b[01]+|\d*\.?\d+(?:e[+-]?\d+)?|\d+\.)(?![\w$\u0080-\uffff])/i.exec(text.slice(i, i + 64));
      if (m) {
        out.push({ type: 'number', v: m[0], start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      out.push({ type: 'word', v: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    const op = OPS3.includes(three) ? three : OPS2.includes(two) ? two : text[i]!;
    out.push({ type: 'op', v: op, start: i, end: i + op.length });
    i += op.length;
  }
  return out;
}
