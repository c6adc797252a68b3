/**
 * Bounded memory on one huge migration (issue 11, defect 12): the statements of a long segment
 * keep no parse tree; each reads its AST from its piece, parsed again when the piece is no longer
 * among the last KEPT_PIECES read (src/dialects/postgres/parse.ts). The trees really go, an in-order
 * walk parses each piece about once more, and every consumer (rules that look back and ahead, the
 * catalog, the planner walking with the engine) gives exactly what it gives on one whole parse.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KEPT_PIECES,
  loadParser,
  PARSE_PIECE_CHARS,
  parseMigration,
  pieceStatementsBuilt,
  piecesReparsed,
} from '../../src/dialects/postgres/parse.js';
import { postgres } from '../../src/dialects/postgres/index.js';
import { LintEngine } from '../../src/engine/lint.js';
import { plannerFor } from '../../src/plan/planner.js';
import type { Dialect } from '../../src/dialect.js';
import type { Finding, Migration, ParsedMigration } from '../../src/model.js';
import { LineIndex } from '../../src/parse/source.js';
import { migration } from '../helpers.js';

// the planner is read by `lintAndPlan`: loaded as a plan loads it
beforeAll(() => Promise.all([loadParser(), postgres.loadParts!()]));

const inPieces = (m: Migration, chars: number) => parseMigration(m, new LineIndex(m.source), chars);

const inserts = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `INSERT INTO audit (id, note) VALUES (${from + i}, 'row ${from + i}');`).join(
    '\n',
  );

describe('a long segment keeps no parse trees', () => {
  const source = `${inserts(400)}\n`;
  const pieceChars = 1000; // about 20 statements a piece, 20 pieces or so

  it('drops a piece trees once later pieces are read, and parses it again when read again', () => {
    const p = inPieces(migration(source), pieceChars);
    expect(p.statements).toHaveLength(400);
    const first = p.statements[0]!.ast;
    expect(first.relation.relname).toBe('audit');
    const before = piecesReparsed();
    for (const s of p.statements) expect(s.ast.relation.relname).toBe('audit');
    const walk = piecesReparsed() - before;
    const pieces = Math.ceil(source.length / pieceChars);
    // each piece at most once again in an in-order walk; the first KEPT_PIECES were kept from the parse
    expect(walk).toBeGreaterThan(0);
    expect(walk).toBeLessThanOrEqual(pieces - KEPT_PIECES + 1);
    // the first piece's trees are gone: reading it again parses it again, giving an equal tree
    const again = piecesReparsed();
    expect(p.statements[0]!.ast).toEqual(first);
    expect(p.statements[0]!.ast).not.toBe(first);
    expect(piecesReparsed()).toBe(again + 1);
    // the piece read last stays: its other statements need no parse
    expect(p.statements[1]!.ast.relation.relname).toBe('audit');
    expect(p.statements[0]!.ast).toBe(p.statements[0]!.ast);
    expect(piecesReparsed()).toBe(again + 1);
  });

  it('keeps the trees of a segment shorter than a piece on the statements, as before', () => {
    const p = parseMigration(migration(inserts(3)));
    expect(Object.getOwnPropertyNames(p.statements[0]!)).toContain('ast');
    const q = inPieces(migration(source), pieceChars);
    // a pieced statement has no tree of its own: only its piece holds one, while it is kept
    expect(Object.getOwnPropertyNames(q.statements[0]!)).not.toContain('ast');
    expect(JSON.stringify(q.statements[0])).not.toContain('row 1');
    expect(PARSE_PIECE_CHARS).toBeGreaterThanOrEqual(1 << 20);
  });
});

describe('a long segment keeps no statement objects', () => {
  const source = `${inserts(400)}\n`;

  it('builds a piece statements when read, and again once later pieces were read', () => {
    const p = inPieces(migration(source), 1000);
    const built = pieceStatementsBuilt();
    const first = p.statements[0]!;
    expect(pieceStatementsBuilt() - built).toBeGreaterThan(0);
    expect(pieceStatementsBuilt() - built).toBeLessThan(40); // one piece, not the file
    expect(p.statements[0]).toBe(first);
    for (const s of p.statements) expect(s.kind).toBe('InsertStmt');
    // a whole walk built each piece once: the first piece's objects are gone, read again they are equal ones
    expect(pieceStatementsBuilt() - built).toBe(400);
    const again = p.statements[0]!;
    expect(again).not.toBe(first);
    expect({ ...again, ast: again.ast }).toEqual({ ...first, ast: first.ast });
  });

  it('is an array to its readers, and read-only', () => {
    const whole = parseMigration(migration(source), undefined, Infinity).statements;
    const pieced = inPieces(migration(source), 1000).statements;
    expect(Array.isArray(pieced)).toBe(true);
    expect(pieced.length).toBe(400);
    expect(pieced[400]).toBeUndefined();
    expect(399 in pieced && !(400 in pieced)).toBe(true);
    // (trees differ in their `location`s, offsets into the text parsed: a piece, or the whole segment)
    const plain = (xs: typeof whole) =>
      xs.map(({ index, kind, text, span, ignored, ignoreAll }) => ({ index, kind, text, span, ignored, ignoreAll }));
    expect(plain(pieced)).toEqual(plain(whole));
    expect([...pieced].map((s) => s.index)).toEqual(whole.map((s) => s.index));
    expect(pieced.slice(398).map((s) => s.text)).toEqual(whole.slice(398).map((s) => s.text));
    expect(pieced.filter((s) => s.text.includes("'row 7'")).map((s) => s.index)).toEqual([7]);
    expect(pieced.findLast((s) => s.index < 5)?.index).toBe(4);
    expect(() => {
      (pieced as unknown[])[0] = undefined;
    }).toThrow(/read-only/);
  });
});

/** A migration whose rules look back (lock_timeout set, constraint added NOT VALID, columns added
 * earlier) and ahead (transaction nesting, a BEGIN never committed), spread over many pieces. */
const history = migration(
  [
    'CREATE TABLE accounts (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text, plan text);',
    'CREATE TABLE orders (id bigint PRIMARY KEY, account_id integer REFERENCES accounts (id), total numeric);',
    'CREATE TABLE audit (id bigint PRIMARY KEY, note text);',
    "CREATE TYPE mood AS ENUM ('ok', 'sad');",
  ].join('\n'),
  { path: 'migrations/0001_init.sql', review: false },
);
const review = migration(
  [
    'BEGIN;',
    'ALTER TABLE accounts ADD COLUMN status text;',
    inserts(30),
    'CREATE INDEX accounts_status_idx ON accounts (status);',
    inserts(30, 100),
    "ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email <> '') NOT VALID;",
    inserts(30, 200),
    'ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_check;',
    "ALTER TYPE mood ADD VALUE 'meh';",
    inserts(30, 300),
    'COMMIT;',
    "SET lock_timeout = '1s';",
    inserts(30, 400),
    'ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;',
    'ALTER TABLE accounts RENAME COLUMN plan TO tier;',
    'ALTER TABLE orders ADD COLUMN note text NOT NULL DEFAULT now()::text;',
    inserts(30, 500),
    'ALTER TABLE accounts ALTER COLUMN id TYPE bigint;',
    "UPDATE orders SET note = 'x';",
    'BEGIN;',
    inserts(30, 600),
    'BEGIN;',
    'CREATE INDEX orders_total_idx ON orders (total);',
    'COMMIT;',
    inserts(30, 700),
    'BEGIN;',
    'DROP INDEX accounts_status_idx;',
  ].join('\n'),
);

/** lint findings and the plan, the planner walking with the engine as `lint --plan` does */
function lintAndPlan(parse: (m: Migration) => ParsedMigration<unknown>) {
  const dialect = postgres as Dialect;
  const planner = plannerFor(dialect, {});
  const engine = new LintEngine(dialect, planner.observer ? { observer: planner.observer } : {});
  const findings: Finding[] = [];
  for (const m of [history, review]) findings.push(...engine.processFile(parse(m)).findings);
  return { findings, plan: JSON.stringify(planner.result([history, review])) };
}

describe('rules, catalog and planner on a pieced file', () => {
  it('find exactly what they find on one whole parse, trees dropped and parsed again between', () => {
    const whole = lintAndPlan((m) => parseMigration(m, undefined, Infinity));
    const before = piecesReparsed();
    const pieced = lintAndPlan((m) => inPieces(m, 300));
    expect(piecesReparsed() - before).toBeGreaterThan(10);
    expect(pieced.findings).toEqual(whole.findings);
    expect(pieced.plan).toBe(whole.plan);
    // the fixture does exercise the rules that look around: a test that cannot fail proves nothing
    const rules = new Set(whole.findings.map((f) => f.rule));
    expect(rules.size).toBeGreaterThanOrEqual(6);
    for (const id of [
      'transaction-nesting', // looks ahead
      'ban-uncommitted-transaction',
      'index-same-step-as-add-column', // looks back
      'constraint-missing-not-valid',
      'require-lock-timeout',
      'prefer-robust-stmts',
    ])
      expect([...rules], `${id} fires on the fixture`).toContain(id);
    expect(JSON.parse(whole.plan).plans.length).toBeGreaterThan(0);
  });
});
