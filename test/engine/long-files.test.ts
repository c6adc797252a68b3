/**
 * A data migration of 100,000 INSERTs must lint in time linear in its length: no rule may
 * re-read the start of the file for every statement (require-lock-timeout, prefer-robust-stmts
 * and enum-value-in-transaction each did, which made a 20 MB seed file take minutes). Counted,
 * not timed: every read of an element of the file's statement list, over the whole run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LintEngine } from '../../src/engine/lint.js';
import { postgres } from '../../src/dialects/postgres/index.js';
import { loadParser, parseMigration } from '../../src/dialects/postgres/parse.js';
import type { ParsedMigration, TransactionMode } from '../../src/model.js';
import { migration } from '../helpers.js';

beforeAll(() => loadParser());

/** The parsed file, with its statement list counting the reads of its elements. */
function counted(sql: string, transaction: TransactionMode): { parsed: ParsedMigration; reads: () => number } {
  const parsed = parseMigration(migration(sql, { transaction }));
  let reads = 0;
  const statements = new Proxy(parsed.statements, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { parsed: { ...parsed, statements }, reads: () => reads };
}

const history = () =>
  parseMigration(
    migration('CREATE TABLE t (a bigint PRIMARY KEY, b text NOT NULL);', {
      review: false,
      path: 'migrations/0001_t.sql',
    }),
  );

const N = 3000;
const inserts = Array.from({ length: N }, (_, i) => `INSERT INTO t (a, b) VALUES (${i}, 'row ${i}');`);

describe('statement-by-statement work on a long file', () => {
  for (const [name, sql, transaction] of [
    ['autocommit INSERTs', inserts.join('\n'), 'none'],
    ['INSERTs in BEGIN … COMMIT', ['BEGIN;', ...inserts, 'COMMIT;'].join('\n'), 'none'],
    ['INSERTs the tool wraps in a transaction', inserts.join('\n'), 'wrapped'],
    ['INSERTs after SET lock_timeout', ["SET lock_timeout = '2s';", ...inserts].join('\n'), 'none'],
  ] as const) {
    it(`reads each statement a bounded number of times: ${name}`, () => {
      const engine = new LintEngine(postgres);
      engine.processFile(history());
      const { parsed, reads } = counted(sql, transaction);
      const r = engine.processFile(parsed);
      expect(r.statements.length).toBeGreaterThanOrEqual(N);
      // quadratic work would be about N²/2 = 4,500,000 reads
      expect(reads()).toBeLessThan(20 * N);
    });
  }

  it('still finds what those rules look back for', () => {
    const engine = new LintEngine(postgres);
    engine.processFile(history());
    const sql = [
      "SET lock_timeout = '2s';",
      'DROP INDEX IF EXISTS u_a_idx;',
      ...inserts.slice(0, 50),
      'RESET lock_timeout;',
      'CREATE TABLE u (a int);', // fails on a re-run
      'CREATE INDEX u_a_idx ON u (a);', // dropped above, on a table created above: neither rule
      'CREATE INDEX t_b_idx ON t (b);', // fails on a re-run, and waits for a SHARE lock on t
      'SELECT 1;',
    ].join('\n');
    const { findings } = engine.processFile(parseMigration(migration(sql)));
    const found = findings.map((f) => `${f.rule}:${f.line}`);
    expect(findings.find((f) => f.rule === 'require-lock-timeout')?.message).toContain('reset on line 53');
    expect(found.filter((f) => /^(prefer-robust-stmts|require-lock-timeout):/.test(f)).sort()).toEqual([
      'prefer-robust-stmts:54',
      'prefer-robust-stmts:56',
      'require-lock-timeout:56',
    ]);
  });
});
