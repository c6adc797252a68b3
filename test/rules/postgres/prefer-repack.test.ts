import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/prefer-repack.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz);\nCREATE TABLE logs (id bigint);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'VACUUM FULL events;',
      history,
      message: /^VACUUM FULL rewrites `events` while holding an ACCESS EXCLUSIVE lock/,
    },
    { name: 'option list', sql: 'VACUUM (FULL) events;', history },
    {
      name: 'FULL with other options, two tables',
      sql: 'VACUUM (FULL, ANALYZE) events, logs;',
      history,
      message: /`events`, `logs`/,
    },
    { name: 'FULL TRUE', sql: 'VACUUM (FULL TRUE) events;', history },
    { name: 'bare VACUUM FULL: the whole database', sql: 'VACUUM FULL;', message: /every table of the database/ },
    { name: 'CLUSTER', sql: 'CLUSTER events;', history, message: /^CLUSTER rewrites `events`/ },
    { name: 'CLUSTER … USING', sql: 'CLUSTER events USING events_pkey;', history },
    { name: 'the old CLUSTER index ON table form', sql: 'CLUSTER events_pkey ON events;', history },
    { name: 'bare CLUSTER', sql: 'CLUSTER;', message: /every table that was clustered before/ },
    { name: 'on PostgreSQL 19 too', sql: 'VACUUM FULL events;', history, pgVersion: 19 },
    {
      name: 'a table of an earlier migration among new ones',
      sql: 'CREATE TABLE t (id int);\nVACUUM FULL t, events;',
      history,
      message: /rewrites `events` while/,
    },
  ],
  valid: [
    { name: 'plain VACUUM', sql: 'VACUUM events;', history },
    { name: 'VACUUM ANALYZE', sql: 'VACUUM ANALYZE events;', history },
    { name: 'VACUUM FREEZE', sql: 'VACUUM FREEZE events;', history },
    { name: 'FULL FALSE', sql: 'VACUUM (FULL FALSE) events;', history },
    { name: 'FULL off', sql: 'VACUUM (FULL off) events;', history },
    { name: 'ANALYZE', sql: 'ANALYZE events;', history },
    {
      name: 'a table created earlier in the same file',
      sql: 'CREATE TABLE t (id int);\nCLUSTER t USING t_pkey;\nVACUUM FULL t;',
    },
  ],
});

it('names REPACK (CONCURRENTLY) from PostgreSQL 19, pg_repack before', async () => {
  const [on19] = await lintSql('CLUSTER events USING events_created_idx;', { history, pgVersion: 19, ruleSet: [rule] });
  expect(on19!.help).toContain('REPACK (CONCURRENTLY) events USING INDEX events_created_idx');
  expect(on19!.lock).toBe('AccessExclusiveLock');
  expect(on19!.data).toEqual({ command: 'CLUSTER', tables: ['public.events'] });
  const [on15] = await lintSql('VACUUM FULL events;', { history, pgVersion: 15, ruleSet: [rule] });
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
