/**
 * The pieces of a long segment (parse.ts `blocksOf`) and their statements. A file keeps of each
 * piece only where its statements are (`PieceBlock`); the statement objects are built when read
 * (`statementList`) and keep no parse tree of their own: `PieceStatement.ast` reads it from its
 * `Piece`, parsed again when it is not among the last `KEPT_PIECES` pieces read. The lint engine, the
 * planner and the dry run walk a file in order, so each piece is built and parsed about once more per
 * walk, and the objects and trees in memory at any moment are those of a few pieces, however many
 * statements the file has (issue 11, defect 12: a 20 MB data migration kept ~175 MB of trees, then
 * ~250 bytes a statement).
 */
import type { RawStmt } from './parse.js';
import type { PgStatement } from './statement.js';

/** how many pieces' parse trees stay in memory at once (about 8 MB each for a piece of INSERTs) */
export const KEPT_PIECES = 3;

let reparsedPieces = 0;

/** how many times a piece of a long segment was parsed again since the process started (tests, bench) */
export function piecesReparsed(): number {
  return reparsedPieces;
}

/**
 * Moves `item` to the end of `recent` (the one read last), and lets go of what falls off the front past
 * `KEPT_PIECES` (`drop`): the one rule for both what pieces keep, their trees and their statement objects.
 */
function keepRecent<T>(recent: T[], item: T, drop: (gone: T) => void): void {
  if (recent[recent.length - 1] === item) return;
  const at = recent.indexOf(item);
  if (at >= 0) recent.splice(at, 1);
  recent.push(item);
  while (recent.length > KEPT_PIECES) drop(recent.shift()!);
}

/** pieces whose trees are in memory, the one read last at the end */
const kept: Piece[] = [];

/** A piece of a long segment: its text, and its statements' parse trees while it is among the `kept`. */
export class Piece {
  /** the inner node of each statement that has one, in order; undefined when not kept */
  private asts: unknown[] | undefined;
  constructor(
    private readonly text: string,
    /** libpg-query's statement list for a text (parse.ts `parseRaw`) */
    private readonly parse: (text: string) => RawStmt[],
  ) {}

  /** keeps the trees from the first parse, so a walk that starts right away need not parse again */
  keep(stmts: RawStmt[]): void {
    this.asts = innerNodes(stmts);
    this.touch();
  }

  /** the parse tree of the piece's `slot`-th statement */
  ast(slot: number): unknown {
    if (!this.asts) {
      reparsedPieces++;
      // the same text parsed before, so it parses again: a syntax error here is a bug
      this.asts = innerNodes(this.parse(this.text));
    }
    this.touch();
    return this.asts[slot];
  }

  private touch(): void {
    keepRecent<Piece>(kept, this, (p) => {
      p.asts = undefined;
    });
  }
}

function innerNodes(stmts: RawStmt[]): unknown[] {
  const out: unknown[] = [];
  for (const s of stmts) if (s.stmt) out.push(s.stmt[Object.keys(s.stmt)[0]!]);
  return out;
}

/**
 * A statement of a long segment, built when read (`statementList`): `ast` is read from its piece
 * (parsed again when it is no longer in memory). A getter on the prototype, so that a statement
 * costs a few fields, not a closure.
 */
export class PieceStatement implements PgStatement {
  constructor(
    readonly index: number,
    readonly kind: string,
    readonly text: string,
    readonly span: PgStatement['span'],
    readonly ignored: Set<string>,
    readonly ignoreAll: boolean,
    piece: Piece,
    slot: number,
  ) {
    this.#piece = piece;
    this.#slot = slot;
  }

  // private: a statement printed shows no piece text. `ast` is a getter on the prototype, so a copy
  // made by spreading (`{ ...stmt }`) has no `ast`: pass the statement itself on.
  readonly #piece: Piece;
  readonly #slot: number;

  get ast(): any {
    return this.#piece.ast(this.#slot);
  }
}

/**
 * Where the statements of one piece are, and nothing more: 10 bytes a statement (kind, start and
 * end in typed arrays), against some 300 for a statement object with its span and text. The objects
 * (`PieceStatement`) are built from this when read, and kept while the piece is among the last
 * `KEPT_PIECES` whose statements were read.
 */
export interface PieceBlock {
  readonly piece: Piece;
  /** the file index of the piece's first statement */
  first: number;
  /** each statement's kind, an index into the file's table of kinds */
  readonly kinds: Uint16Array;
  /** each statement's start and end, offsets into the file's source */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** the statement objects, while the block is among the last `KEPT_PIECES` read (`builtBlocks`) */
  built?: unknown[];
}

/** the statements of consecutive indexes: plain objects, or a piece's, built when read */
type Run<S> =
  | { first: number; count: number; plain: S[]; block?: undefined }
  | { first: number; count: number; block: PieceBlock; plain?: undefined };

/** blocks whose statement objects are in memory (`PieceBlock.built`), the one read last at the end */
const builtBlocks: PieceBlock[] = [];

let builtStatements = 0;

/** how many statement objects of pieces were built since the process started (tests) */
export function pieceStatementsBuilt(): number {
  return builtStatements;
}

function indexOf(prop: string | symbol): number {
  if (typeof prop !== 'string') return -1;
  const c = prop.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return -1;
  const n = +prop;
  return Number.isInteger(n) && String(n) === prop ? n : -1;
}

/**
 * A file's statements when some sit in pieces: an array to every reader (index, `length`,
 * iteration, `map`, `some`, `filter`, spreading…), whose pieced statements are objects only while
 * their piece is among the last `KEPT_PIECES` read. Read again later, a statement is an equal but
 * new object: nothing may key on a pieced statement's identity across a walk (a WeakMap cache just
 * misses). Read-only: the file's statements are never written after the parse.
 */
export function statementList<S>(
  plain: S[],
  blocks: PieceBlock[],
  length: number,
  build: (block: PieceBlock) => S[],
): S[] {
  const runs: Run<S>[] = [];
  let p = 0;
  let next = 0;
  const plainUpTo = (end: number) => {
    if (end > next) runs.push({ first: next, count: end - next, plain: plain.slice(p, p + end - next) });
    p += Math.max(0, end - next);
  };
  for (const b of blocks) {
    plainUpTo(b.first);
    runs.push({ first: b.first, count: b.kinds.length, block: b });
    next = b.first + b.kinds.length;
  }
  plainUpTo(length);
  let last = runs[0]!;
  const built = (block: PieceBlock): S[] => {
    if (!block.built) {
      block.built = build(block);
      builtStatements += block.built.length;
    }
    const stmts = block.built as S[];
    keepRecent(builtBlocks, block, (b) => {
      b.built = undefined;
    });
    return stmts;
  };
  const at = (i: number): S => {
    let r = last;
    if (i < r.first || i >= r.first + r.count) {
      let lo = 0;
      let hi = runs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (runs[mid]!.first <= i) lo = mid;
        else hi = mid - 1;
      }
      last = r = runs[lo]!;
    }
    return r.block ? built(r.block)[i - r.first]! : r.plain[i - r.first]!;
  };
  const readOnly = () => {
    throw new TypeError('zerodown: a parsed file’s statements are read-only');
  };
  return new Proxy([] as S[], {
    get(target, prop, receiver) {
      if (prop === 'length') return length;
      const i = indexOf(prop);
      if (i >= 0) return i < length ? at(i) : undefined;
      return Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      const i = indexOf(prop);
      return i >= 0 ? i < length : Reflect.has(target, prop);
    },
    getOwnPropertyDescriptor(target, prop) {
      const i = indexOf(prop);
      if (i >= 0)
        return i < length ? { value: at(i), writable: true, enumerable: true, configurable: true } : undefined;
      if (prop === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    ownKeys() {
      return [...Array.from({ length }, (_, i) => String(i)), 'length'];
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
