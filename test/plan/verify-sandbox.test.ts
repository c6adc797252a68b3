/**
 * The plan proof runs the pull request's SQL too (the original, twice, and the
 * plan's phases built from it): a statement that reaches outside the throwaway
 * database is never run there either, on PGlite and on the server, and the
 * proof says so in a caveat.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { verifyPlan } from '../../src/plan/verify.js';
import { eachEngine, PG_URL } from '../shadow/engines.js';
import { planSql } from './helpers.js';

const HISTORY = readFileSync('examples/migrations/20261001120000_create_accounts.sql', 'utf8');
const markers: string[] = [];
afterAll(() => {
  for (const m of markers) rmSync(m, { force: true });
});

eachEngine('the plan proof never runs outside-reaching statements', (engine) => {
  it('COPY … TO PROGRAM in the migration is not run by the original nor by the plan, and the proof says so', async () => {
    const m = `/tmp/zerodown-verify-${randomBytes(4).toString('hex')}`;
    markers.push(m);
    const p = await planSql(
      HISTORY,
      // a volatile default: rewritten into phases (a constant one below PostgreSQL 11 is refused, not planned)
      `ALTER TABLE accounts ADD COLUMN tier text NOT NULL DEFAULT md5(random()::text);\nCOPY (SELECT 1) TO PROGRAM 'id > ${m}';`,
    );
    expect(p.plan.phases.map((x) => x.sql).join('\n')).toContain('PROGRAM');
    const v = await verifyPlan(p.plan, p.history, {
      seedRows: 20,
      ...(engine.name === 'postgresql' ? { shadowUrl: PG_URL! } : {}),
    });
    expect(v.error).toBeUndefined();
    expect(v.caveats).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^not run on the shadow, because it reaches outside the throwaway database: migrations\/0002_change\.sql:2: COPY … TO PROGRAM runs a shell command/,
        ),
        expect.stringMatching(
          /^not run on the shadow, because it reaches outside the throwaway database: phase \d+ \(/,
        ),
      ]),
    );
    expect(existsSync(m)).toBe(false);
  });
});
