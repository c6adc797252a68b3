/**
 * Rewrites that are local edits (`Step.local`, collected in `StagedPlan.edits`, used by `zerodown lsp`'s
 * quick fix): CREATE INDEX and DROP INDEX CONCURRENTLY, ADD FOREIGN KEY / CHECK as NOT VALID then
 * VALIDATE. The DROP INDEX rewrite is proven here the way `zerodown plan` proves it.
 */
import { describe, expect, it } from 'vitest';
import { expectProven, names, planSql } from './helpers.js';

const HISTORY = `CREATE TABLE accounts (id bigint PRIMARY KEY, name text, email text, plan_id bigint);
CREATE TABLE plans (id bigint PRIMARY KEY);
CREATE INDEX accounts_name_idx ON accounts (name);
CREATE INDEX accounts_email_idx ON accounts (email);`;

describe('local edits', () => {
  it('DROP INDEX: CONCURRENTLY IF EXISTS in its own phase, proven, and a local edit', async () => {
    const p = await planSql(HISTORY, 'DROP INDEX accounts_name_idx;');
    expect(names(p.plan)).toEqual(['index']);
    expect(p.plan.phases[0]!.transactional).toBe(false);
    expect(p.plan.phases[0]!.sql).toBe('DROP INDEX CONCURRENTLY IF EXISTS accounts_name_idx;');
    expect(p.plan.rewrites.map((r) => r.rule)).toEqual(['require-concurrent-index-deletion']);
    expect(p.plan.edits).toEqual([
      {
        statementIndex: 0,
        line: 1,
        rules: ['require-concurrent-index-deletion'],
        sql: 'DROP INDEX CONCURRENTLY IF EXISTS accounts_name_idx;',
      },
    ]);
    await expectProven(p);
  });

  it('DROP INDEX of two indexes, or CASCADE: no automatic plan, said in a note', async () => {
    for (const sql of ['DROP INDEX accounts_name_idx, accounts_email_idx;', 'DROP INDEX accounts_name_idx CASCADE;']) {
      const p = await planSql(HISTORY, `${sql}\nCREATE INDEX accounts_plan_idx ON accounts (plan_id);`);
      expect(p.plan.rewrites.map((r) => r.rule)).toEqual(['require-concurrent-index-creation']);
      expect(p.plan.notes.some((n) => n.line === 1 && /one index per statement/.test(n.message))).toBe(true);
      expect(p.plan.edits?.map((e) => e.statementIndex)).toEqual([1]);
    }
  });

  it('ADD FOREIGN KEY: the plain NOT VALID and VALIDATE statements, in order; the phases keep their re-run guards', async () => {
    const p = await planSql(
      HISTORY,
      'ALTER TABLE accounts ADD CONSTRAINT accounts_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id);',
    );
    expect(p.plan.edits?.[0]?.sql).toBe(
      'ALTER TABLE accounts ADD CONSTRAINT accounts_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT accounts_plan_fk;',
    );
    expect(p.plan.phases.map((x) => x.sql).join('\n')).toContain('DO $zd$');
  });

  it('a rewrite with a backfill, or an index on a column the file adds, is no local edit', async () => {
    const p = await planSql(
      HISTORY,
      'ALTER TABLE accounts ADD COLUMN region text;\nCREATE INDEX accounts_region_idx ON accounts (region);\nALTER TABLE accounts ALTER COLUMN name SET NOT NULL;',
    );
    expect(p.plan.rewrites.length).toBeGreaterThan(0);
    expect(p.plan.edits).toBeUndefined();
  });
});
