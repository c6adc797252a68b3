/**
 * Issue 11, defect 13 (plan part): 3,000 nested ARRAY[…] crashed `zerodown plan`
 * with "Maximum call stack size exceeded" (lint and dry-run cope). The planner's
 * walks over a statement are iterative now, and a statement too deep to rewrite is
 * kept as written with a plain note (its finding reported as not handled).
 */
import { postgres } from '../../src/dialects/postgres/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, writeProject } from '../cli-harness.js';
import { planMigrations } from '../../src/plan/planner.js';
import { astDepth } from '../../src/dialects/postgres/plan/sqltext.js';
import { verifyPlan } from '../../src/plan/verify.js';
import { mig } from './helpers.js';

const nested = (n: number) => `${'ARRAY['.repeat(n)}1${']'.repeat(n)}`;
const HISTORY = 'CREATE TABLE t (id bigint PRIMARY KEY, a int[]);\n';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-deep-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('3,000 nested ARRAY[…]', () => {
  it('astDepth counts without recursion', () => {
    const deep: unknown[] = [];
    let at = deep;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      at.push(next);
      at = next;
    }
    expect(astDepth(deep, 1e9)).toBe(100_001);
    expect(astDepth({ a: [{ b: 1 }] })).toBe(3);
  });

  it('an UPDATE that deep: plan does not crash, keeps it as written and says the finding is not handled', async () => {
    const d = writeProject(tmp, {
      'db/0001_init.sql': HISTORY,
      'db/0002_deep.sql': `UPDATE t SET a = ${nested(3000)};\n`,
    });
    const r = await run(d, 'plan', 'db/0002_deep.sql', '--no-verify');
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/call stack|internal error/);
    expect(r.stdout).toMatch(
      /not handled: unbatched-backfill \(error\) at db\/0002_deep\.sql:1 — do this by hand: No automatic plan for this statement: its expression nests more than 400 levels deep/,
    );
    expect(r.code).toBe(1);
  });

  it('an ADD COLUMN whose default nests 4,208 ARRAYs deep (the fuzz case): no stack overflow in the rules', async () => {
    const d = writeProject(tmp, {
      'db/0001_init.sql': HISTORY,
      'db/0002_deep.sql': `ALTER TABLE t ADD COLUMN z int[] DEFAULT ${nested(4208)};\n`,
    });
    const r = await run(d, 'plan', 'db/0002_deep.sql', '--no-verify');
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/call stack|internal error/);
    expect([0, 1]).toContain(r.code);
  });

  it('next to a rewrite: the plan is made and proven on PGlite, the deep statement kept as written', async () => {
    const history = [mig(HISTORY, { path: 'db/0001_init.sql', review: false })];
    const result = await planMigrations(postgres, [
      ...history,
      // as deep, but an expression PostgreSQL runs (more than 6 nested ARRAYs it rejects: array dimensions)
      mig(`CREATE INDEX t_a_idx ON t (a);\nSELECT ${'1+('.repeat(3000)}1${')'.repeat(3000)};\n`, {
        path: 'db/0002_deep.sql',
      }),
    ]);
    expect(result.failed).toEqual([]);
    const plan = result.plans[0]!;
    expect(plan.phases.map((p) => p.name)).toEqual(['index', 'expand']);
    const v = await verifyPlan(plan, history, { seedRows: 20 });
    expect(v.error).toBeUndefined();
    expect(v.planError).toBeUndefined();
    expect(v.schemaEqual).toBe(true);
  });
});
