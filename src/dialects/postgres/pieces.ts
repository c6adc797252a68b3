/**
 * The pieces of a long segment (parse.ts `addInPieces`) and their statements, which keep no parse
 * tree of their own: `PieceStatement.ast` reads it from its `Piece`, parsed again when it is not
 * among the last `KEPT_PIECES` pieces read. The lint engine, the planner and the dry run walk a file
 * in order, so each piece is parsed about once more per walk, and the trees in memory at any moment
 * are those of a few pieces, however many statements the file has (issue 11, defect 12: a 20 MB data
 * migration kept ~175 MB of trees).
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
    if (this.asts) {
      if (kept[kept.length - 1] !== this) this.touch();
    } else {
      reparsedPieces++;
      // the same text parsed before, so it parses again: a syntax error here is a bug
      this.asts = innerNodes(this.parse(this.text));
      this.touch();
    }
    return this.asts[slot];
  }

  private touch(): void {
    const at = kept.indexOf(this);
    if (at >= 0) kept.splice(at, 1);
    kept.push(this);
    while (kept.length > KEPT_PIECES) kept.shift()!.asts = undefined;
  }
}

function innerNodes(stmts: RawStmt[]): unknown[] {
  const out: unknown[] = [];
  for (const s of stmts) if (s.stmt) out.push(s.stmt[Object.keys(s.stmt)[0]!]);
  return out;
}

/**
 * A statement of a long segment: everything but its parse tree is kept, and `ast` is read from its
 * piece (parsed again when it is no longer in memory). A getter on the prototype, so that a statement
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
