/**
 * Issue 14: the expand/contract rewrites whose contract carries zerodown-ignore comments now,
 * proven on PGlite and on the local PostgreSQL with the issue's own example
 * (`payload text → jsonb USING payload::jsonb`) and a column rename. Rows come from the
 * history (valid JSON text); no rows are seeded, since a seeded text is not JSON and would make
 * both the original and the plan fail.
 */
import { expect, it } from 'vitest';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import { eachEngine, PG_URL } from '../shadow/engines.js';
import { names, planSql } from './helpers.js';

const HISTORY = `CREATE TABLE events (id bigint PRIMARY KEY, payload text, kind text NOT NULL DEFAULT 'x');
INSERT INTO events SELECT g, json_build_object('n', g)::text, 'k' || g FROM generate_series(1, 300) g;
INSERT INTO events (id, payload) VALUES (301, NULL);`;

eachEngine('the issue 14 expand/contract rewrites are proven', (engine) => {
  for (const [title, sql, phases] of [
    [
      'payload text → jsonb USING payload::jsonb',
      'ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;',
      ['expand', 'backfill', 'contract'],
    ],
    ['RENAME COLUMN kind TO category', 'ALTER TABLE events RENAME COLUMN kind TO category;', undefined],
  ] as const) {
    it(
      title,
      async () => {
        const p = await planSql(HISTORY, sql);
        if (phases) expect(names(p.plan)).toEqual(phases);
        expect(p.plan.phases.at(-1)!.sql).toMatch(/-- zerodown-ignore ban-drop-column: /);
        const v = await verifyPlan(p.plan, p.history, {
          seedRows: 0,
          ...(engine.name === 'postgresql' ? { shadowUrl: PG_URL! } : {}),
        });
        const why = JSON.stringify({ v, phases: p.plan.phases.map((x) => x.sql) }, null, 1);
        expect(v.error, why).toBeUndefined();
        expect(v.planError, why).toBeUndefined();
        expect(v.schemaEqual, why).toBe(true);
        expect(v.dataEqual, why).toBe(true);
        expect(v.locksSafe, why).toBe(true);
        expect(isProven(v), why).toBe(true);
      },
      180_000,
    );
  }
});
