import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/prefer-pg-repack.js';
import { lintSql, ruleTester, type RuleCase } from '../../helpers.js';
import { history, NO_REWRITE, REWRITES } from './repack-cases.js';

const at =
  (pgVersion: number) =>
  (c: RuleCase): RuleCase => ({ ...c, pgVersion });
ruleTester(rule, {
  invalid: [...REWRITES.map(at(15)), ...REWRITES.map(at(11)).slice(0, 2), { ...REWRITES[0]!, pgVersion: 18 }],
  valid: [
    ...NO_REWRITE.map(at(15)),
    // PostgreSQL 19 has REPACK (CONCURRENTLY): prefer-repack reports these there
    ...REWRITES.map(at(19)),
  ],
});

it('names pg_repack and the version, and no REPACK statement the server does not have', async () => {
  const [f] = await lintSql('CLUSTER events USING events_created_idx;', { history, pgVersion: 16, ruleSet: [rule] });
  expect(f!.message).toMatch(/^CLUSTER rewrites `events` while holding an ACCESS EXCLUSIVE lock/);
  expect(f!.help).toMatch(/PostgreSQL 16 has no online form: run pg_repack outside the migration/);
  expect(f!.lock).toBe('AccessExclusiveLock');
  expect(f!.data).toEqual({ command: 'CLUSTER', tables: ['public.events'] });
});
