/** Helpers for plan tests: real parser, real planner, real PGlite. */
import { postgres } from '../../src/dialects/postgres/index.js';
import { expect } from 'vitest';
import type { Migration, TransactionMode } from '../../src/model.js';
import { planMigrations, type PlanResult } from '../../src/plan/planner.js';
import type { PlanOptions, StagedPlan, Verification } from '../../src/plan/types.js';
import { isProven, replay, seed, verifyPlan } from '../../src/plan/verify.js';
import { PgliteShadow } from '../../src/dialects/postgres/shadow/pglite.js';
import type { Shadow } from '../../src/shadow/driver.js';
import { migration as mig } from '../helpers.js';

/** A migration in memory (the shared test helper, under the name the plan tests use). */
export { mig };

export interface Planned {
  result: PlanResult;
  plan: StagedPlan;
  history: Migration[];
}

/** Plans `sql` after `history`; fails the test when no plan comes out. */
export async function planSql(
  history: string | string[],
  sql: string,
  opts: PlanOptions & { transaction?: TransactionMode } = {},
): Promise<Planned> {
  const hist = (Array.isArray(history) ? history : [history]).map((h, i) =>
    mig(h, { path: `migrations/0001_history_${i}.sql`, review: false }),
  );
  const result = await planMigrations(postgres, [...hist, mig(sql, { transaction: opts.transaction ?? 'none' })], opts);
  expect(result.failed).toEqual([]);
  expect(result.plans.length, `no plan for:\n${sql}\nnotes: unchanged=${result.unchanged}`).toBe(1);
  return { result, plan: result.plans[0]!, history: hist };
}

/** Runs the proof and asserts it holds: same schema, same data (unless `data: null`), safe locks. */
export async function expectProven(
  p: Planned,
  opts: { data?: boolean | null; seedRows?: number } = {},
): Promise<Verification> {
  const v = await verifyPlan(p.plan, p.history, { seedRows: opts.seedRows ?? 120 });
  p.plan.verified = v;
  const why = JSON.stringify(
    { differences: v.differences, error: v.error, planError: v.planError, phases: p.plan.phases.map((x) => x.sql) },
    null,
    1,
  );
  expect(v.error, why).toBeUndefined();
  expect(v.planError, why).toBeUndefined();
  expect(v.schemaEqual, why).toBe(true);
  expect(v.locksSafe, why).toBe(true);
  expect(v.dataEqual, why).toBe(opts.data === undefined ? true : opts.data);
  expect(isProven(v)).toBe(true);
  return v;
}

/** A PGlite shadow with history replayed and rows seeded; the caller closes it. */
export async function shadowWith(history: Migration[], rows = 120): Promise<Shadow> {
  const sh = await PgliteShadow.open();
  const failures = await replay(sh, history);
  expect(failures).toEqual([]);
  expect(await seed(sh, rows)).toEqual([]);
  return sh;
}

/** Runs plan phases on a shadow the way a migration tool would (transactional ones in BEGIN/COMMIT). */
export async function runPhases(sh: Shadow, plan: StagedPlan, upTo = plan.phases.length): Promise<void> {
  for (const p of plan.phases.slice(0, upTo)) {
    if (p.transactional) {
      await sh.exec('BEGIN');
      try {
        await sh.exec(p.sql);
        await sh.exec('COMMIT');
      } catch (err) {
        await sh.exec('ROLLBACK');
        throw err;
      }
    } else await sh.exec(p.sql);
  }
}

export const names = (plan: StagedPlan) => plan.phases.map((p) => p.name);
