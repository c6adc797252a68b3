/**
 * A plan answers breaks-running-code only where its rewrite removes the hazard: the staged
 * NOT NULL column has a deploy gate (the app writes the column before the check goes in),
 * but an expand/contract type change keeps a narrowed type's hazard (the sync trigger copies
 * the old code's writes into the narrower column, which rejects them), so that stays "not handled".
 */
import { describe, expect, it } from 'vitest';
import { postgres } from '../../src/dialects/postgres/index.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { planMigrations } from '../../src/plan/planner.js';
import { mig } from './helpers.js';

const HISTORY = 'CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(40), note text);\n';

async function plan(sql: string) {
  const migrations = [
    mig(HISTORY, { path: 'db/0001_init.sql', review: false }),
    mig(sql, { path: 'db/0002_change.sql' }),
  ];
  const lint = await lintMigrations(migrations, {});
  const findings = lint.files.flatMap((f) => f.findings);
  return { findings, result: await planMigrations(postgres, migrations, { findings }) };
}

describe('plans and breaks-running-code', () => {
  it('a narrowed type stays not handled, although the type change is rewritten', async () => {
    const { findings, result } = await plan('ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);\n');
    expect(findings.map((f) => f.rule)).toContain('breaks-running-code');
    expect(result.plans).toHaveLength(1);
    expect(result.unhandled.map((u) => u.rule)).toEqual(['breaks-running-code']);
  });
  it('text to varchar(n) narrows too; a longer limit is nothing to handle', async () => {
    const { findings, result } = await plan('ALTER TABLE orders ALTER COLUMN note TYPE varchar(400);\n');
    expect(findings.filter((f) => f.rule === 'breaks-running-code').map((f) => f.data?.hazard)).toEqual(['narrowing']);
    expect(result.unhandled.map((u) => u.rule)).toEqual(['breaks-running-code']);
    const wide = await plan('ALTER TABLE orders ALTER COLUMN code TYPE varchar(80);\n');
    expect(wide.findings.filter((f) => f.rule === 'breaks-running-code')).toEqual([]);
    expect(wide.result.unhandled.filter((u) => u.rule === 'breaks-running-code')).toEqual([]);
  });
  it('a new NOT NULL column: the staged plan with its deploy gate answers it', async () => {
    const { findings, result } = await plan('ALTER TABLE orders ADD COLUMN region text NOT NULL;\n');
    expect(findings.map((f) => f.rule)).toContain('breaks-running-code');
    expect(result.plans).toHaveLength(1);
    expect(result.plans[0]!.phases.map((p) => p.reason ?? '').join('\n') + JSON.stringify(result.plans[0])).toMatch(
      /DEPLOY FIRST|deploy/i,
    );
    expect(result.unhandled.filter((u) => u.rule === 'breaks-running-code')).toEqual([]);
  });
});
