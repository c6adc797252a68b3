import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/prefer-repack.js';
import before19 from '../../../rules/postgres/prefer-pg-repack.js';
import { lintSql, ruleTester, type RuleCase } from '../../helpers.js';
import { history, NO_REWRITE, REWRITES } from './repack-cases.js';

const at =
  (pgVersion: number) =>
  (c: RuleCase): RuleCase => ({ ...c, pgVersion });
ruleTester(rule, {
  invalid: [...REWRITES.map(at(19)), ...REWRITES.map(at(20)).slice(0, 2)],
  valid: [
    ...NO_REWRITE.map(at(19)),
    // squawk's prefer-repack is quiet before 19 too; prefer-pg-repack reports these there
    ...REWRITES.map(at(18)),
    { ...REWRITES[0]!, pgVersion: 11 },
  ],
});

it('names REPACK (CONCURRENTLY) on PostgreSQL 19; prefer-pg-repack names pg_repack before', async () => {
  const [on19] = await lintSql('CLUSTER events USING events_created_idx;', { history, pgVersion: 19, ruleSet: [rule] });
  expect(on19!.help).toContain('REPACK (CONCURRENTLY) events USING INDEX events_created_idx');
  expect(on19!.lock).toBe('AccessExclusiveLock');
  expect(on19!.data).toEqual({ command: 'CLUSTER', tables: ['public.events'] });
  const [on15] = await lintSql('VACUUM FULL events;', { history, pgVersion: 15, ruleSet: [before19] });
  expect(on15!.help).toMatch(/PostgreSQL 15 has no online form: run pg_repack/);
  expect(on15!.help).not.toContain('REPACK (CONCURRENTLY) events');
});

it('quotes the names it suggests', async () => {
  const [f] = await lintSql('VACUUM FULL "Events";', {
    history: 'CREATE TABLE "Events" (id int);',
    pgVersion: 19,
    ruleSet: [rule],
  });
  expect(f!.help).toContain('REPACK (CONCURRENTLY) "Events"');
});
