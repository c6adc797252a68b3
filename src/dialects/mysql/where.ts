/**
 * Does a WHERE clause (source text, as MySQL's UpdateAst/DeleteAst keep it) bound one batch of rows?
 * Used by `unbatched-backfill`. It reads the text with a small tokenizer: top-level AND/OR, and the
 * forms that pin a key: `key = v`, `key IN (v, …)`, `key BETWEEN a AND b`, `key >= a AND key < b`,
 * `key IN (SELECT … LIMIT n)`. Anything else is unbounded (we never call a statement batched that we
 * did not see is batched).
 */

/** Column names that identify one row or entity: an equality on them is a targeted fix, not a backfill. */
const ID_LIKE = /^(id|uuid|guid|pk|key|slug|code|email|username|handle|token|sku)$|(_id|_uuid|_key|Id|Uuid|ID)$/;

type Tok = { t: 'word' | 'num' | 'str' | 'ident' | 'op' | 'open' | 'close' | 'comma' | 'param'; v: string };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  const re =
    /\s+|(--[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*")|(`(?:[^`]|``)*`)|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(@@?[\w.$]+|\?|:\w+)|([A-Za-z_$][\w$]*)|(<=>|<=|>=|<>|!=|=|<|>)|(\()|(\))|(,)|(\.)|(\S)/gy;
  for (let m = re.exec(s); m && m[0] !== ''; m = re.exec(s)) {
    if (m[2]) out.push({ t: 'str', v: m[2] });
    else if (m[3]) out.push({ t: 'ident', v: m[3].slice(1, -1).replace(/``/g, '`') });
    else if (m[4]) out.push({ t: 'num', v: m[4] });
    else if (m[5]) out.push({ t: 'param', v: m[5] });
    else if (m[6]) out.push({ t: 'word', v: m[6] });
    else if (m[7]) out.push({ t: 'op', v: m[7] });
    else if (m[8]) out.push({ t: 'open', v: '(' });
    else if (m[9]) out.push({ t: 'close', v: ')' });
    else if (m[10]) out.push({ t: 'comma', v: ',' });
    else if (m[11]) out.push({ t: 'op', v: '.' });
    else if (m[12]) out.push({ t: 'op', v: m[12] });
  }
  return out;
}

const kw = (tok: Tok | undefined, w: string) => tok?.t === 'word' && tok.v.toUpperCase() === w;

/** Splits on a top-level keyword (AND/OR), minding parentheses and BETWEEN … AND. */
function split(toks: Tok[], word: 'AND' | 'OR'): Tok[][] {
  const parts: Tok[][] = [[]];
  let depth = 0;
  let between = false;
  for (const tok of toks) {
    if (tok.t === 'open') depth++;
    else if (tok.t === 'close') depth--;
    if (depth === 0 && kw(tok, 'BETWEEN')) between = true;
    if (depth === 0 && kw(tok, word)) {
      if (word === 'AND' && between && kw(tok, 'AND')) {
        between = false;
      } else {
        parts.push([]);
        continue;
      }
    }
    parts.at(-1)!.push(tok);
  }
  return parts.filter((p) => p.length);
}

/** Strips one pair of wrapping parentheses. */
function unwrap(toks: Tok[]): Tok[] {
  while (toks.length >= 2 && toks[0]!.t === 'open' && toks.at(-1)!.t === 'close') {
    let depth = 0;
    let closesAtEnd = true;
    for (let i = 0; i < toks.length; i++) {
      if (toks[i]!.t === 'open') depth++;
      else if (toks[i]!.t === 'close') depth--;
      if (depth === 0 && i < toks.length - 1) closesAtEnd = false;
    }
    if (!closesAtEnd) break;
    toks = toks.slice(1, -1);
  }
  return toks;
}

/** A column reference at the start: `col`, `t.col`, `` `t`.`col` `` → its last name, and how many tokens it took. */
function column(toks: Tok[], at: number): { name: string; next: number } | undefined {
  let i = at;
  let name: string | undefined;
  for (;;) {
    const tok = toks[i];
    if (!tok || (tok.t !== 'word' && tok.t !== 'ident')) return undefined;
    name = tok.v;
    i++;
    if (toks[i]?.t === 'op' && toks[i]!.v === '.') i++;
    else break;
  }
  return { name, next: i };
}

const isValue = (tok: Tok | undefined) =>
  !!tok && (tok.t === 'num' || tok.t === 'str' || tok.t === 'param' || kw(tok, 'TRUE') || kw(tok, 'FALSE'));

/** A value: a literal, a parameter, `-1`, or a parenthesised subquery with LIMIT. */
function valueLen(toks: Tok[], at: number): number {
  if (toks[at]?.t === 'op' && toks[at]!.v === '-' && toks[at + 1]?.t === 'num') return 2;
  if (isValue(toks[at])) return 1;
  return 0;
}

/** `(SELECT … LIMIT n)` */
function limitedSubquery(toks: Tok[]): boolean {
  return kw(toks[0], 'SELECT') && toks.some((t) => kw(t, 'LIMIT'));
}

export interface KeyFacts {
  /** columns the catalog knows are unique on their own (lower case) */
  unique: ReadonlySet<string>;
}

const isKey = (name: string, facts: KeyFacts) => facts.unique.has(name.toLowerCase()) || ID_LIKE.test(name);

type Range = { col: string; side: 'lo' | 'hi' };

/** One comparison: bounded by itself, a half of a key range, or neither. */
function atom(toks: Tok[], facts: KeyFacts): boolean | Range {
  toks = unwrap(toks);
  const c = column(toks, 0);
  if (!c || !isKey(c.name, facts)) {
    // `value = key`
    const n = valueLen(toks, 0);
    if (n && toks[n]?.t === 'op' && (toks[n]!.v === '=' || toks[n]!.v === '<=>')) {
      const r = column(toks, n + 1);
      return !!r && r.next === toks.length && isKey(r.name, facts);
    }
    return false;
  }
  let i = c.next;
  const op = toks[i];
  if (op?.t === 'op') {
    const n = valueLen(toks, i + 1);
    if (!n || i + 1 + n !== toks.length) return false;
    if (op.v === '=' || op.v === '<=>') return true;
    if (op.v === '>' || op.v === '>=') return { col: c.name.toLowerCase(), side: 'lo' };
    if (op.v === '<' || op.v === '<=') return { col: c.name.toLowerCase(), side: 'hi' };
    return false;
  }
  if (kw(op, 'BETWEEN')) {
    i++;
    const a = valueLen(toks, i);
    if (!a || !kw(toks[i + a], 'AND')) return false;
    const b = valueLen(toks, i + a + 1);
    return !!b && i + a + 1 + b === toks.length;
  }
  if (kw(op, 'IN') && toks[i + 1]?.t === 'open' && toks.at(-1)?.t === 'close') {
    const inner = toks.slice(i + 2, -1);
    if (limitedSubquery(inner)) return true;
    return inner.every((t, k) => (k % 2 === 0 ? isValue(t) : t.t === 'comma')) && inner.length > 0;
  }
  return false;
}

/** True when the WHERE clause bounds the rows to one batch (a key value, list, or closed key range). */
export function boundedWhere(where: string, facts: KeyFacts): boolean {
  return bounded(tokenize(where), facts);
}

function bounded(toks: Tok[], facts: KeyFacts): boolean {
  toks = unwrap(toks);
  const ors = split(toks, 'OR');
  if (ors.length > 1) return ors.every((p) => bounded(p, facts));
  const ands = split(toks, 'AND');
  if (ands.length === 1) {
    const a = atom(ands[0]!, facts);
    return a === true;
  }
  const ranges: Range[] = [];
  for (const part of ands) {
    const inner = unwrap(part);
    if (split(inner, 'OR').length > 1 || split(inner, 'AND').length > 1) {
      if (bounded(inner, facts)) return true;
      continue;
    }
    const a = atom(inner, facts);
    if (a === true) return true;
    if (a) ranges.push(a);
  }
  return ranges.some((r) => r.side === 'lo' && ranges.some((s) => s.side === 'hi' && s.col === r.col));
}
