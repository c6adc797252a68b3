/**
 * The proof itself must be able to say no: plans broken on purpose fail it, with
 * the difference named. And it runs on a real PostgreSQL server too.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StagedPlan } from '../../src/plan/types.js';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import { planSql, type Planned } from './helpers.js';

const HISTORY = readFileSync('examples/migrations/20261001120000_create_accounts.sql', 'utf8');
const HEADLINE = readFileSync('examples/migrations/20261101090000_add_plan_code.sql', 'utf8');
const PG_URL = process.env.ZERODOWN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function tampered(p: Planned, edit: (phases: StagedPlan['phases']) => StagedPlan['phases']): StagedPlan {
  return { ...p.plan, phases: edit(p.plan.phases.map((x) => ({ ...x }))) };
}

describe('the proof says no to a broken plan', () => {
  let p: Planned;
  beforeAll(async () => {
    p = await planSql(HISTORY, HEADLINE);
  });

  it('a missing contract phase: the schema differs (the column stays nullable, the helper CHECK stays)', async () => {
    const v = await verifyPlan(
      tampered(p, (ph) => ph.filter((x) => x.name !== 'contract')),
      p.history,
      { seedRows: 30 },
    );
    expect(v.schemaEqual).toBe(false);
    expect(isProven(v)).toBe(false);
    expect(v.differences.join('\n')).toMatch(
      /schema column public\.subscriptions\.plan_code: original text NOT NULL DEFAULT md5\(\(random\(\)\)::text\); plan text DEFAULT md5/,
    );
    expect(v.differences.join('\n')).toMatch(/subscriptions_plan_code_not_null_check: only after the plan/);
  });

  it('a missing index phase: the index is missing after the plan', async () => {
    const v = await verifyPlan(
      tampered(p, (ph) => ph.filter((x) => x.name !== 'index')),
      p.history,
      { seedRows: 30 },
    );
    expect(v.differences.join('\n')).toMatch(
      /schema index public\.subscriptions_plan_code_idx: missing after the plan/,
    );
  });

  it('a backfill that writes other values: the data differs where the original is deterministic', async () => {
    const q = await planSql(HISTORY, `UPDATE accounts SET name = 'free';`);
    const bad = tampered(q, (ph) =>
      ph.map((x) =>
        x.name === 'backfill' ? { ...x, sql: x.sql.replace("SET name = 'free'", "SET name = 'paid'") } : x,
      ),
    );
    const v = await verifyPlan(bad, q.history, { seedRows: 30 });
    expect(v.schemaEqual).toBe(true);
    expect(v.dataEqual).toBe(false);
    expect(v.differences.join('\n')).toMatch(/data public\.accounts\.name for key \[1\]: original "free", plan "paid"/);
  });

  it('a phase that scans under ACCESS EXCLUSIVE: the locks are not safe', async () => {
    const q = await planSql(HISTORY, `ALTER TABLE subscriptions ALTER COLUMN email SET NOT NULL;`);
    // the naive version: SET NOT NULL without the validated CHECK scans the whole table under the lock
    const naive = tampered(q, (ph) => [
      { ...ph.at(-1)!, sql: `SET lock_timeout = '2s';\nALTER TABLE subscriptions ALTER COLUMN email SET NOT NULL;` },
    ]);
    const v = await verifyPlan(naive, q.history, { seedRows: 30 });
    expect(v.schemaEqual).toBe(true);
    expect(v.locksSafe).toBe(false);
    expect(v.differences.join('\n')).toMatch(
      /locks: phase 1 \(contract\): ALTER TABLE subscriptions ALTER COLUMN email SET NOT NULL scanned public\.subscriptions while holding AccessExclusiveLock/,
    );
  });

  it('a phase that fails: the phase and its error', async () => {
    const v = await verifyPlan(
      tampered(p, (ph) => [ph[0]!, { ...ph[1]!, sql: 'SELECT no_such_function();' }]),
      p.history,
      { seedRows: 10 },
    );
    expect(v.planError).toEqual({
      phase: 2,
      message: expect.stringMatching(/function no_such_function\(\) does not exist/),
    });
    expect(isProven(v)).toBe(false);
  });
});

describe('on a real PostgreSQL server (--shadow-url)', async () => {
  const reachable = await (async () => {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!reachable)('proves the headline plan', async () => {
    const p = await planSql(HISTORY, HEADLINE);
    const v = await verifyPlan(p.plan, p.history, { shadowUrl: PG_URL, seedRows: 100 });
    expect(v.engine).toMatch(/^PostgreSQL \d+/);
    expect(v.differences).toEqual([]);
    expect(v.nondeterministic).toEqual(['public.subscriptions.plan_code']);
    expect(isProven(v)).toBe(true);
  });
});
