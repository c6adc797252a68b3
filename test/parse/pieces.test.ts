/**
 * Long segments are parsed a piece at a time (src/dialects/postgres/parse.ts, PARSE_PIECE_CHARS), so a
 * 20 MB data migration never holds libpg-query's whole JSON text at once. Cut anywhere the
 * splitter says a statement starts, the pieces must give exactly the statements one whole parse
 * gives: checked on every file of the real corpus with pieces of one statement each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, parseMigration } from '../../src/dialects/postgres/parse.js';
import { LineIndex } from '../../src/parse/source.js';
import type { ParsedMigration } from '../../src/model.js';
import { migration } from '../helpers.js';

beforeAll(() => loadParser());

const CORPUS = path.resolve(
  import.meta.dirname,
  '../..',
  process.env.ZERODOWN_CORPUS ?? '../shared/corpus',
  'postgres',
);

const whole = (source: string) => parseMigration(migration(source), undefined, Infinity);
const inPieces = (source: string, chars = 1) => parseMigration(migration(source), new LineIndex(source), chars);

/** Everything a consumer reads, with AST locations dropped (they count from the parsed text's start). */
function shape(p: ParsedMigration) {
  return {
    error: p.error,
    statements: p.statements.map((s) => ({
      index: s.index,
      kind: s.kind,
      text: s.text,
      span: s.span,
      ignored: [...s.ignored],
      ignoreAll: s.ignoreAll,
      ast: JSON.stringify(s.ast, (k, v) => (/(location|list_start|list_end)$/.test(k) ? undefined : v)),
    })),
  };
}

describe('parsing a long segment in pieces', () => {
  it('gives the statements of one whole parse: spans, text, ignores, ASTs', () => {
    const source = [
      '-- zerodown-ignore require-lock-timeout',
      "INSERT INTO t (a, b) VALUES (1, 'x;y'), (2, $$;$$);",
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;',
      "/* a comment; with a semicolon */ UPDATE t SET b = E'it\\'s;' WHERE a = 1;",
      "INSERT INTO t (a, b) VALUES (3, 'é; ü')",
    ].join('\n');
    const a = shape(whole(source));
    expect(a.statements).toHaveLength(4);
    expect(shape(inPieces(source))).toEqual(a);
    expect(shape(inPieces(source, 40))).toEqual(a);
  });

  it('reports a syntax error in a later piece exactly as a whole parse does', () => {
    const source = `${"INSERT INTO t VALUES (1, 'ok');\n".repeat(50)}INSERT INTO t VALUES (2, 'broken';\nSELECT 1;\n`;
    const a = whole(source);
    expect(a.error?.line).toBe(51);
    expect(inPieces(source, 64).error).toEqual(a.error);
    expect(inPieces(source, 64).statements).toEqual([]);
  });

  it.skipIf(!existsSync(CORPUS))('agrees with a whole parse on every file of the corpus, one statement a piece', () => {
    const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(1000);
    let statements = 0;
    for (const f of files) {
      const source = readFileSync(path.join(CORPUS, f), 'utf8');
      const a = shape(whole(source));
      statements += a.statements.length;
      expect(shape(inPieces(source)), f).toEqual(a);
    }
    expect(statements).toBeGreaterThan(5000);
  });
});
