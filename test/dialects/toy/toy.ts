/**
 * A toy dialect: the smallest thing that implements `Dialect` (src/dialect.ts), to show
 * (ARCHITECTURE.md, "Adding a dialect") and to test that the core needs nothing else.
 *
 * ToySQL knows one statement kind, `DROP THING <name>`; anything else is `Other`. A
 * statement ends at `;`. Its catalog records which things exist; its one rule flags a
 * DROP THING of a thing that an earlier migration made (a new one is still unused).
 */
import type { Dialect, DialectCatalog, RelArg, SessionTracker } from '../../../src/dialect.js';
import type { Migration, ParsedMigration, Statement } from '../../../src/model.js';
import { ruleDefiner, type FileContext, type RuleContext, type TxState } from '../../../src/rules/api.js';

/** the AST of a ToySQL statement */
export type ToyAst = { drop: string } | { other: string };
type ToyStatement = Statement<ToyAst>;

/** things by name, with the file that made each (`MAKE THING x` is an `Other` the catalog still reads) */
export class ToyCatalog implements DialectCatalog<{ name: string; madeIn: string }, never> {
  readonly things = new Map<string, { name: string; madeIn: string }>();
  apply(stmt: Statement, origin: string): void {
    const ast = stmt.ast as ToyAst;
    if ('drop' in ast) this.things.delete(ast.drop);
    else {
      const made = /^make\s+thing\s+(\w+)$/i.exec(ast.other);
      if (made) this.things.set(made[1]!, { name: made[1]!, madeIn: origin });
    }
  }
  table(key: string) {
    return this.things.get(key);
  }
  column(): never | undefined {
    return undefined;
  }
  createdIn(thing: { madeIn: string }) {
    return thing.madeIn;
  }
  addedIn(): string | undefined {
    return undefined;
  }
}

/** Splits at `;` and gives each statement its exact span (1-based line and column). */
function parseToy(migration: Migration): ParsedMigration<ToyAst> {
  const statements: ToyStatement[] = [];
  const src = migration.source;
  let start = 0;
  for (let i = 0; i <= src.length; i++) {
    if (i < src.length && src[i] !== ';') continue;
    const raw = src.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) {
      const offset = start + lead;
      const at = (o: number) => {
        const before = src.slice(0, o);
        return { line: before.split('\n').length, column: o - before.lastIndexOf('\n') };
      };
      const from = at(offset);
      const to = at(offset + text.length);
      const drop = /^drop\s+thing\s+(\w+)$/i.exec(text);
      statements.push({
        index: statements.length,
        kind: drop ? 'DropThing' : 'Other',
        ast: drop ? { drop: drop[1]! } : { other: text },
        text,
        span: { ...from, endLine: to.line, endColumn: to.column, offset, endOffset: offset + text.length },
        ignored: new Set(),
        ignoreAll: false,
      });
    }
    start = i + 1;
  }
  return { migration, statements, ignoreFile: false, ignoreFileRules: new Set() };
}

/** ToySQL has no transactions: every statement runs on its own. */
class ToySession implements SessionTracker {
  readonly state: TxState = {
    inTransaction: false,
    explicit: false,
    depth: 0,
    lockTimeout: false,
    statementTimeout: false,
  };
  enterRegion(): void {}
  after(): void {}
}

type ToyContext = RuleContext<ToyStatement, ToyCatalog, { name: string; madeIn: string }, never, RelArg>;

/** The one rule: dropping a thing that exists outside this migration breaks whoever still uses it. */
export const noDropThing = ruleDefiner<ToyContext, FileContext<ToyStatement, ToyCatalog>>('toy')({
  meta: {
    id: 'no-drop-thing',
    severity: 'error',
    summary: 'DROP THING of a thing made by an earlier migration.',
    kinds: ['DropThing'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast as { drop: string };
    const thing = ctx.table(ast.drop);
    if (!thing || ctx.isNewTable(ast.drop)) return;
    return {
      message: `Dropping thing \`${ast.drop}\` breaks every running copy of the app that still uses it.`,
      help: 'Stop using it in one release, then drop it in the next.',
      table: ast.drop,
    };
  },
});

export const toy: Dialect<ToyAst, ToyCatalog> = {
  id: 'toy',
  name: 'ToySQL',
  defaultVersion: 1,
  load: async () => {},
  parse: parseToy,
  newCatalog: () => new ToyCatalog(),
  relationKey: (rel) => (typeof rel === 'string' ? rel : (rel?.relname ?? '')),
  session: () => new ToySession(),
  rules: [noDropThing],
  quote: {
    ident: (name) => `"${name.replace(/"/g, '""')}"`,
    literal: (value) => `'${value.replace(/'/g, "''")}'`,
    comment: (text) => `-- ${text.replace(/[\r\n]+/g, ' ')}`,
  },
  locks: { strength: () => -1, effect: () => undefined },
};
