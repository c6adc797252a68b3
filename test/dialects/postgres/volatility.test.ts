/**
 * data/pg-volatility.json against the PostgreSQL it was generated from (PGlite): a call zerodown
 * takes for a built-in must exist there with that number of arguments, and one it does not must
 * fail as "function … does not exist". Volatility letters are checked against pg_proc too.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinVolatility, volatility } from '../../../src/dialects/postgres/util.js';
import { loadParser, parseRaw } from '../../../src/dialects/postgres/parse.js';

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await loadParser();
});
afterAll(() => db.close());

// argument lists each built-in's overloads can take: typed so that PostgreSQL resolves the call
const CALLS: [string, string[]][] = [
  ['now', []],
  ['now', ['1']],
  ['random', []],
  ['random', ['1', '6']],
  ['random', ['1']],
  ['make_interval', []],
  ['make_interval', ['1', '2']],
  ['date_trunc', ["'day'"]],
  ['date_trunc', ["'day'", 'now()']],
  ['date_trunc', ["'day'", 'now()', "'UTC'"]],
  ['concat', ["'a'"]],
  ['concat', ["'a'", "'b'", "'c'", "'d'"]],
  ['btrim', ["' x '"]],
  ['gen_random_uuid', ["'x'"]],
  ['md5', ["'x'"]],
  ['md5', []],
];

describe('built-in functions: name, argument count and volatility', () => {
  it.each(CALLS)('%s with %j', async (name, args) => {
    const known = builtinVolatility(name, args.length) !== undefined;
    const run = db.query(`SELECT ${name}(${args.join(', ')})`);
    if (known) await expect(run).resolves.toBeDefined();
    else await expect(run).rejects.toThrow(/does not exist/);
  });

  it('the letters are pg_proc.provolatile', async () => {
    const { rows } = await db.query<{ proname: string; v: string }>(
      "SELECT proname, string_agg(DISTINCT provolatile::text, '') AS v FROM pg_proc WHERE proname IN ('now', 'random', 'md5', 'date_trunc') GROUP BY proname",
    );
    const word = { i: 'immutable', s: 'stable', v: 'volatile' } as const;
    for (const r of rows) {
      const most = r.v.includes('v') ? 'v' : r.v.includes('s') ? 's' : 'i';
      expect(builtinVolatility(r.proname), r.proname).toBe(word[most]);
    }
  });

  it('an expression with a call no overload takes counts as volatile', () => {
    const expr = (sql: string) => {
      const [raw] = parseRaw(`SELECT ${sql}`).stmts;
      return volatility((raw!.stmt as any).SelectStmt.targetList[0].ResTarget.val);
    };
    expect(expr('now()')).toBe('stable');
    expect(expr('now(123)')).toBe('volatile');
    expect(expr("date_trunc('day', now())")).toBe('stable');
    expect(expr('md5(1, 2)')).toBe('volatile');
  });
});
