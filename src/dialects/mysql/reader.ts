/**
 * A cursor over one statement's tokens, for the hand-written MySQL/MariaDB grammar
 * (grammar-ddl.ts, grammar-misc.ts). Keywords compare case-insensitively; a miss throws
 * `GrammarError` at the token, so a statement the grammar does not know fails closed.
 */
import type { Token } from './lex.js';
import type { DefaultValue, TableName } from './ast.js';

export class GrammarError extends Error {
  constructor(
    message: string,
    /** offset in the statement text */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'GrammarError';
  }
}

export class Reader {
  pos = 0;
  constructor(
    readonly tokens: Token[],
    /** the statement text the token offsets point into */
    readonly text: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.tokens.length;
  }
  peek(k = 0): Token | undefined {
    return this.tokens[this.pos + k];
  }
  /** the current token's upper-case word, or '' when it is not a bare word */
  kw(k = 0): string {
    const t = this.tokens[this.pos + k];
    return t?.type === 'word' ? t.v.toUpperCase() : '';
  }
  /** true when the next tokens are these bare words (upper case) */
  is(...words: string[]): boolean {
    return words.every((w, k) => this.kw(k) === w);
  }
  isOp(op: string, k = 0): boolean {
    const t = this.tokens[this.pos + k];
    return t?.type === 'op' && t.v === op;
  }
  /** consumes the words when they are next */
  accept(...words: string[]): boolean {
    if (!this.is(...words)) return false;
    this.pos += words.length;
    return true;
  }
  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }
  expect(...words: string[]): void {
    if (!this.accept(...words)) this.fail(`expected ${words.join(' ')}`);
  }
  expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail(`expected "${op}"`);
  }
  next(): Token {
    const t = this.tokens[this.pos];
    if (!t) this.fail('unexpected end of statement');
    this.pos++;
    return t;
  }
  /** offset of the current token (the text's end when done) */
  offset(): number {
    return this.tokens[this.pos]?.start ?? this.text.length;
  }
  /** offset one past the previous token */
  prevEnd(): number {
    return this.pos > 0 ? this.tokens[this.pos - 1]!.end : 0;
  }
  fail(message: string): never {
    const t = this.tokens[this.pos];
    const near = t ? ` near "${this.text.slice(t.start, Math.min(t.end, t.start + 40))}"` : ' at the end';
    throw new GrammarError(`${message}${near}`, t?.start ?? this.text.length);
  }
  end(): void {
    this.acceptOp(';');
    if (!this.done) this.fail('unexpected text');
  }

  /** an identifier: bare word or `quoted` (or a "string" where MySQL takes one as a name) */
  ident(what = 'a name'): string {
    const t = this.peek();
    if (t && (t.type === 'word' || t.type === 'qident' || (t.type === 'string' && what !== 'strict'))) {
      this.pos++;
      return t.v;
    }
    this.fail(`expected ${what}`);
  }
  /** a possibly qualified name `db.t` */
  tableName(): TableName {
    const first = this.ident('a table name');
    if (this.isOp('.')) {
      this.pos++;
      return { schema: first, name: this.ident('a table name') };
    }
    return { name: first };
  }
  /** `( a, b )` of identifiers */
  identList(): string[] {
    this.expectOp('(');
    const out = [this.ident()];
    while (this.acceptOp(',')) out.push(this.ident());
    this.expectOp(')');
    return out;
  }
  /** skips a balanced run starting at `(`; returns the text inside the parentheses */
  parenthesized(): string {
    const open = this.peek();
    if (open?.type !== 'op' || open.v !== '(') this.fail('expected "("');
    let depth = 0;
    while (!this.done) {
      const t = this.next();
      if (t.type === 'op' && t.v === '(') depth++;
      else if (t.type === 'op' && t.v === ')' && --depth === 0)
        return this.text.slice(open.end, t.start).trim();
    }
    this.fail('unbalanced parentheses');
  }
  /**
   * skips an expression up to (not including) a `,` or `)` at depth 0, `;`, or a bare word in
   * `stops` at depth 0; returns its text. Throws when the expression is empty.
   */
  expression(stops: ReadonlySet<string> = NO_STOPS): string {
    const from = this.offset();
    let depth = 0;
    let n = 0;
    while (!this.done) {
      const t = this.peek()!;
      if (t.type === 'op') {
        if (t.v === '(') depth++;
        else if (t.v === ')') {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (t.v === ',' || t.v === ';')) break;
      } else if (depth === 0 && n > 0 && t.type === 'word' && stops.has(t.v.toUpperCase())) break;
      this.pos++;
      n++;
    }
    if (n === 0) this.fail('expected an expression');
    if (depth !== 0) this.fail('unbalanced parentheses');
    return this.text.slice(from, this.prevEnd());
  }
  /** `[=] value`: a word, number, string or identifier as written (strings unquoted) */
  optionValue(): string {
    this.acceptOp('=');
    const t = this.next();
    if (t.type === 'op') {
      if (t.v === '-' || t.v === '+') return t.v + this.next().v;
      this.pos--;
      this.fail('expected a value');
    }
    return t.v;
  }
  /** an unsigned integer */
  int(): number {
    const t = this.next();
    if (t.type !== 'number' || !/^\d+$/.test(t.v)) {
      this.pos--;
      this.fail('expected a number');
    }
    return Number(t.v);
  }
  /** A DEFAULT value: a literal, NULL, or any expression (function call, (expr), CURRENT_TIMESTAMP). */
  defaultValue(): DefaultValue {
    const from = this.offset();
    const t = this.peek();
    if (!t) this.fail('expected a default value');
    if (t.type === 'word' && t.v.toUpperCase() === 'NULL') {
      this.pos++;
      return { kind: 'null', text: t.v };
    }
    if (t.type === 'op' && t.v === '(') {
      this.parenthesized();
      return { kind: 'expression', text: this.text.slice(from, this.prevEnd()) };
    }
    if (t.type === 'op' && (t.v === '-' || t.v === '+') && this.peek(1)?.type === 'number') {
      this.pos += 2;
      return { kind: 'literal', text: this.text.slice(from, this.prevEnd()) };
    }
    if (t.type === 'string' || t.type === 'number') {
      this.pos++;
      // 'a' 'b' concatenation, _charset'x' COLLATE …: still a constant
      while (this.peek()?.type === 'string') this.pos++;
      return { kind: 'literal', text: this.text.slice(from, this.prevEnd()) };
    }
    if (t.type === 'word' && /^(TRUE|FALSE)$/i.test(t.v)) {
      this.pos++;
      return { kind: 'literal', text: t.v };
    }
    if (t.type === 'word' && /^_[a-z0-9]+$/i.test(t.v) && this.peek(1)?.type === 'string') {
      this.pos += 2;
      return { kind: 'literal', text: this.text.slice(from, this.prevEnd()) };
    }
    // CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(6), NOW(), uuid(), NEXTVAL(s) …
    if (t.type === 'word') {
      this.pos++;
      if (this.isOp('(')) this.parenthesized();
      return { kind: 'expression', text: this.text.slice(from, this.prevEnd()) };
    }
    this.fail('expected a default value');
  }
}

const NO_STOPS: ReadonlySet<string> = new Set();
