/**
 * Source-text surgery on one statement, so that generated SQL keeps the user's
 * own expressions exactly as written (libpg-query has no deparser here).
 *
 * Locations in libpg-query ASTs are UTF-8 byte offsets into the parsed text.
 * `StmtSource` re-parses a statement's text on its own, so every location is
 * relative to that text, and finds the exact source extent of an AST node by
 * re-parsing candidate slices until one yields the same AST.
 */
import { parseSync, scanSync } from '../parse.js'; // zerodown's one parser instance, loaded by loadParser() (libpg-query's own loads asynchronously and may not be ready)
import { names } from '../util.js';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** upper-case text for keywords, else the raw text */
  word: string;
  keyword: boolean;
}

/**
 * Deepest nesting the planner's recursive walks accept (objects and arrays counted).
 * Hand-written migrations stay far below; 3,000 nested ARRAY[…] reach 9,000 and would
 * overflow the stack, so such a statement is kept as written instead of rewritten.
 */
export const MAX_AST_DEPTH = 400;

/** The nesting depth of a parsed tree, counted without recursion; stops counting past `limit`. */
export function astDepth(node: unknown, limit = MAX_AST_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[node, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (!n || typeof n !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const v of Array.isArray(n) ? n : Object.values(n)) if (v && typeof v === 'object') stack.push([v, d + 1]);
  }
  return max;
}

/** Strips `location` fields so that ASTs from different texts compare equal. */
export function stripLocations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripLocations);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'location' || k === 'stmt_location' || k === 'stmt_len') continue;
    out[k] = stripLocations(v);
  }
  return out;
}

export function sameAst(a: unknown, b: unknown): boolean {
  return JSON.stringify(stripLocations(a)) === JSON.stringify(stripLocations(b));
}

/** Every `location` in a subtree (non-negative ones). */
function locations(node: unknown, out: number[] = []): number[] {
  if (Array.isArray(node)) {
    for (const n of node) locations(n, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'location' && typeof v === 'number' && v >= 0) out.push(v);
      else locations(v, out);
    }
  }
  return out;
}

/** Finds every node of a kind (e.g. `ColumnRef`) in a subtree, returning the inner objects. */
export function findNodes(node: unknown, kind: string, out: any[] = []): any[] {
  if (Array.isArray(node)) {
    for (const n of node) findNodes(n, kind, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === kind && v && typeof v === 'object') out.push(v);
      findNodes(v, kind, out);
    }
  }
  return out;
}

type Template = { prefix: string; suffix: string; pick: (parsed: any) => unknown };

const EXPR: Template = {
  prefix: 'SELECT ',
  suffix: '',
  pick: (p) =>
    p.stmts?.[0]?.stmt?.SelectStmt?.targetList?.length === 1
      ? p.stmts[0].stmt.SelectStmt.targetList[0].ResTarget?.val
      : undefined,
};
const TYPE: Template = {
  prefix: 'SELECT NULL::',
  suffix: '',
  pick: (p) => p.stmts?.[0]?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val?.TypeCast?.typeName,
};

/** A ColumnRef names `column`, bare or qualified by one of `qualifiers` (the table's name or alias). */
export function refersTo(ref: any, column: string, qualifiers: string[]): boolean {
  const f = names(ref.fields);
  if (f[f.length - 1] !== column) return false;
  return f.length === 1 || qualifiers.includes(f[f.length - 2]!);
}

export class StmtSource {
  readonly bytes: Buffer;
  readonly tokens: Token[];
  /** the inner AST of the re-parsed statement */
  readonly ast: any;
  readonly kind: string;

  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
    const parsed = parseSync(text) as any;
    const stmt = parsed.stmts?.[0]?.stmt ?? {};
    this.kind = Object.keys(stmt)[0] ?? '';
    this.ast = stmt[this.kind];
    const scanned = scanSync(text) as { tokens: { start: number; end: number; text: string; keywordKind: number }[] };
    this.tokens = scanned.tokens
      .filter((t) => !/^(--|\/\*)/.test(t.text))
      .map((t) => ({
        start: t.start,
        end: t.end,
        text: t.text,
        word: t.keywordKind ? t.text.toUpperCase() : t.text,
        keyword: t.keywordKind > 0,
      }));
  }

  slice(start: number, end: number): string {
    return this.bytes.subarray(start, end).toString('utf8');
  }

  /** index of the first token starting at or after a byte offset */
  tokenAt(offset: number): number {
    const i = this.tokens.findIndex((t) => t.start >= offset);
    return i < 0 ? this.tokens.length : i;
  }

  /**
   * The exact source text range [start, end) of an expression (or, with `kind: 'type'`, a TypeName).
   * Throws when no slice of the text reproduces the node.
   */
  range(node: unknown, kind: 'expr' | 'type' = 'expr'): [number, number] {
    const tpl = kind === 'type' ? TYPE : EXPR;
    const locs = locations(node);
    if (!locs.length) throw new Error('node has no location');
    const first = this.tokenAt(Math.min(...locs));
    const lastLoc = Math.max(...locs);
    let last = this.tokens.findIndex((t) => t.start >= lastLoc);
    if (last < 0) last = this.tokens.length - 1;
    const want = JSON.stringify(stripLocations(node));
    // a leading "(" may belong to the expression: try up to 4 of them
    const starts: number[] = [first];
    for (let s = first - 1; s >= 0 && starts.length < 5 && this.tokens[s]!.text === '('; s--) starts.push(s);
    for (const s of starts) {
      let depth = 0;
      for (let i = s; i < this.tokens.length; i++) {
        const t = this.tokens[i]!.text;
        if (t === '(' || t === '[') depth++;
        else if (t === ')' || t === ']') depth--;
        if (depth < 0) break;
        if (i < last) continue;
        if (depth === 0 && (t === ',' || t === ';')) break;
        if (depth !== 0) continue;
        const candidate = this.slice(this.tokens[s]!.start, this.tokens[i]!.end);
        let got: unknown;
        try {
          got = tpl.pick(parseSync(tpl.prefix + candidate + tpl.suffix));
        } catch {
          continue;
        }
        if (got !== undefined && JSON.stringify(stripLocations(got)) === want)
          return [this.tokens[s]!.start, this.tokens[i]!.end];
      }
    }
    throw new Error(`cannot find the source text of a ${Object.keys(node as object)[0] ?? 'node'}`);
  }

  /** The exact source text of an expression node (the wrapper, e.g. `{FuncCall: …}`). */
  expr(node: unknown): string {
    const [a, b] = this.range(node);
    return this.slice(a, b);
  }

  /** The exact source text of a TypeName (inner object). */
  type(typeName: unknown): string {
    const [a, b] = this.range(typeName, 'type');
    return this.slice(a, b);
  }

  /**
   * An expression's text with some column references replaced, e.g. `upper(plan_code)`
   * with `plan_code` → `(md5(random()::text))`. `replace` gets each ColumnRef (inner) and
   * returns the new text, or undefined to keep it.
   */
  substitute(node: unknown, replace: (ref: any) => string | undefined): string {
    const [start, end] = this.range(node);
    const edits: { a: number; b: number; text: string }[] = [];
    for (const ref of findNodes(node, 'ColumnRef')) {
      const text = replace(ref);
      if (text === undefined) continue;
      const [a, b] = this.range({ ColumnRef: ref });
      edits.push({ a, b, text });
    }
    edits.sort((x, y) => x.a - y.a);
    let out = '';
    let at = start;
    for (const e of edits) {
      out += this.slice(at, e.a) + e.text;
      at = e.b;
    }
    return out + this.slice(at, end);
  }

  /**
   * Top-level clauses: the text between a keyword at paren depth 0 and the next of
   * `stops` at depth 0. Returns undefined when the keyword is absent.
   */
  clause(keyword: string, stops: string[], from = 0): string | undefined {
    const r = this.clauseRange(keyword, stops, from);
    return r && this.slice(r[0], r[1]).trim();
  }

  clauseRange(keyword: string, stops: string[], from = 0): [number, number] | undefined {
    let depth = 0;
    let begin = -1;
    for (let i = this.tokenAt(from); i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.text === '(' || t.text === '[') depth++;
      else if (t.text === ')' || t.text === ']') depth--;
      if (depth !== 0) continue;
      if (begin < 0) {
        if (t.keyword && t.word === keyword) begin = i + 1;
        continue;
      }
      if (t.keyword && stops.includes(t.word)) return [this.tokens[begin]?.start ?? t.start, this.tokens[i - 1]!.end];
      if (t.text === ';') return [this.tokens[begin]?.start ?? t.start, this.tokens[i - 1]!.end];
    }
    if (begin < 0) return undefined;
    return [this.tokens[begin]?.start ?? this.bytes.length, this.tokens[this.tokens.length - 1]!.end];
  }

  /**
   * For ALTER TABLE: the header (`ALTER TABLE [IF EXISTS] [ONLY] name [*]`) and one text per
   * sub-command, split at top-level commas. Undefined when the split does not match the AST.
   */
  alterTableParts(): { header: string; cmds: { text: string; start: number; end: number }[] } | undefined {
    const rel = this.ast?.relation;
    if (!rel || typeof rel.location !== 'number') return undefined;
    let i = this.tokenAt(rel.location);
    // relation name: ident (. ident)*
    i++;
    while (i + 1 < this.tokens.length && this.tokens[i]!.text === '.') i += 2;
    if (this.tokens[i]?.text === '*') i++;
    const headerEnd = this.tokens[i - 1]!.end;
    const cmds: { text: string; start: number; end: number }[] = [];
    let depth = 0;
    let segStart = i;
    for (let k = i; k <= this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t && (t.text === '(' || t.text === '[')) depth++;
      else if (t && (t.text === ')' || t.text === ']')) depth--;
      if (!t || (depth === 0 && (t.text === ',' || t.text === ';'))) {
        if (k > segStart) {
          const start = this.tokens[segStart]!.start;
          const end = this.tokens[k - 1]!.end;
          cmds.push({ text: this.slice(start, end), start, end });
        }
        segStart = k + 1;
        if (!t || t.text === ';') break;
      }
    }
    if (cmds.length !== (this.ast.cmds ?? []).length) return undefined;
    return { header: this.slice(0, headerEnd), cmds };
  }

  /** Inserts text after the first top-level keyword token (e.g. ` CONCURRENTLY` after `INDEX`). */
  insertAfterKeyword(keyword: string, insert: string): string | undefined {
    const t = this.tokens.find((x) => x.keyword && x.word === keyword);
    if (!t) return undefined;
    return this.slice(0, t.end) + insert + this.slice(t.end, this.bytes.length);
  }
}
