/**
 * Child of bounded-heap.test.ts (run with `node --expose-gc --import tsx`): lints generated files
 * of `n` INSERTs (one per size given) parsed in pieces of `pieceChars`, and prints how much heap the file's parse
 * and walk leave behind, besides its text, while the result is still held.
 */
import { loadParser, parseMigration } from '../../src/dialects/postgres/parse.js';
import { postgres } from '../../src/dialects/postgres/index.js';
import type { Dialect } from '../../src/dialect.js';
import { LintEngine } from '../../src/engine/lint.js';
import { LineIndex } from '../../src/parse/source.js';
import { migration } from '../helpers.js';

const pieceChars = Number(process.argv[2]);
const sizes = process.argv.slice(3).map(Number);
const gc = (globalThis as { gc?: () => void }).gc!;

await loadParser();

/** the JavaScript heap and the ArrayBuffers outside it (typed arrays, the parser's WebAssembly memory) */
function used(): number {
  const u = process.memoryUsage();
  return u.heapUsed + u.arrayBuffers;
}

function lintOne(n: number) {
  const lines = ['CREATE TABLE t (a bigint PRIMARY KEY, b text NOT NULL, c timestamptz);'];
  for (let i = 1; i <= n; i++)
    lines.push(
      `INSERT INTO t (a, b, c) VALUES (${i}, 'customer ${i} ${'x'.repeat(42 + (i % 37))}', '2026-01-01 00:00:00+00'::timestamptz + interval '${i} seconds');`,
    );
  const m = migration(`${lines.join('\n')}\n`);
  lines.length = 0;
  gc();
  const base = used();
  const parsed = parseMigration(m, new LineIndex(m.source), pieceChars);
  const result = new LintEngine(postgres as Dialect).processFile(parsed);
  gc();
  gc();
  const retained = used() - base;
  return { retained, chars: m.source.length, statements: result.statements.length, last: result.statements[n]!.text };
}

// one after the other in one process (the first file's result is dropped before the second is read)
process.stdout.write(JSON.stringify(sizes.map(lintOne)));
