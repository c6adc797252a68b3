/**
 * Staged plans: the safe version of an unsafe migration, proven on the shadow.
 *
 *   const result = await planMigrations(postgres, migrations, { findings, backfill, batchSize });
 *   for (const plan of result.plans) plan.verified = await verifyPlan(plan, historyBefore(plan), { shadowUrl });
 *   isProven(plan.verified)          // same schema, same data where comparable, no lock across a rewrite or scan
 *   planSection(plan)                // src/report/plan-markdown.ts: the PR comment section
 */
export { planMigrations, type PlanResult } from './planner.js';
export { isProven, verifyPlan, DEFAULT_SEED_ROWS, type VerifyOptions } from './verify.js';
export type {
  ExpectedDifference,
  Phase,
  PhaseName,
  PlanNote,
  PlanOptions,
  Rewrite,
  StagedPlan,
  Verification,
} from './types.js';
