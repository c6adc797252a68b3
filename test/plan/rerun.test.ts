/**
 * Issue 11, defect 7: "each phase can be run again" was false (`column … already
 * exists`, `constraint … does not exist`). Every rewrite kind the planner makes is
 * run on the real PostgreSQL (a throwaway database), then every phase is run a
 * second time: no error, and the same schema and data as after the first run. That end
 * state is also the original migration's (schema, apart from what the plan declares).
 * Also: below PostgreSQL 11 a batched backfill (COMMIT in a DO block) is refused
 * plainly instead of emitted.
 */
import { postgres } from '../../src/dialects/postgres/index.js';
import { describe, expect, it } from 'vitest';
import { openShadow } from '../shadow/kernel.js';
import { replay, seed } from '../../src/plan/verify.js';
import { snapshotData, snapshotSchema } from '../shadow/kernel.js';
import { PG_URL } from '../shadow/engines.js';
import { diffSchemas } from '../../src/shadow/compare.js';
import { planSql, runPhases } from './helpers.js';
import { ACCOUNTS, PLAN_CASES } from './plan-cases.js';

describe.skipIf(!PG_URL)(
  `every phase run twice on PostgreSQL [postgresql]${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`,
  () => {
    for (const c of PLAN_CASES) {
      it(
        c.title,
        async () => {
          const p = await planSql(c.history ?? ACCOUNTS, c.sql, c.opts ?? {});
          const sh = await openShadow({ url: PG_URL! });
          try {
            expect(await replay(sh, p.history)).toEqual([]);
            expect(await seed(sh, 60)).toEqual([]);
            await runPhases(sh, p.plan);
            const schema = await snapshotSchema(sh);
            const data = await snapshotData(sh);
            // again, phase by phase: nothing fails, nothing changes
            for (const [i, phase] of p.plan.phases.entries()) {
              try {
                await runPhases(sh, { ...p.plan, phases: [phase] });
              } catch (err) {
                throw new Error(`phase ${i + 1} (${phase.name}) run again: ${(err as Error).message}\n${phase.sql}`);
              }
            }
            expect(await snapshotSchema(sh)).toEqual(schema);
            expect(await snapshotData(sh)).toEqual(data);
            // and that end state is the original's (on empty tables: some originals cannot run on rows),
            // apart from the differences the plan declares
            const orig = await openShadow({ url: PG_URL! });
            try {
              expect(await replay(orig, p.history)).toEqual([]);
              await orig.exec(p.plan.migration.source);
              const declared = p.plan.expectedDifferences.flatMap((e) => e.keys);
              const diffs = diffSchemas(await snapshotSchema(orig), schema).filter((d) => !declared.includes(d.key));
              expect(diffs.map((d) => d.text)).toEqual([]);
            } finally {
              await orig.close();
            }
          } finally {
            await sh.close();
          }
        },
        120_000,
      );
    }
  },
);

describe('below PostgreSQL 11', () => {
  it('a batched backfill is refused plainly (COMMIT in a DO block needs 11), never emitted', async () => {
    const { planMigrations } = await import('../../src/plan/planner.js');
    const { mig } = await import('./helpers.js');
    const result = await planMigrations(
      postgres,
      [
        mig(ACCOUNTS, { path: 'm/0001.sql', review: false }),
        mig(
          `ALTER TABLE accounts ADD COLUMN tier text NOT NULL DEFAULT 'free';\nCREATE INDEX accounts_score_idx ON accounts (score);`,
          { path: 'm/0002.sql' },
        ),
      ],
      { pgVersion: 10 },
    );
    const plan = result.plans[0]!;
    expect(plan.phases.some((p) => /COMMIT/.test(p.sql))).toBe(false);
    expect(plan.notes.map((n) => n.message).join('\n')).toMatch(
      /below PostgreSQL 11: its safe form backfills in batches, each committed inside a DO block/,
    );
  });
});
