import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/require-concurrent-partition-detach.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');";

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE events DETACH PARTITION events_2020;',
      history,
      message: /DETACH PARTITION `events_2020` takes an ACCESS EXCLUSIVE lock on `events`/,
    },
    {
      name: 'tables unknown to the replay',
      sql: '-- archive\nALTER TABLE measurements DETACH PARTITION measurements_y2006m02;',
      line: 2,
    },
    {
      name: 'PostgreSQL 13: still flagged, as a warning',
      sql: 'ALTER TABLE events DETACH PARTITION events_2020;',
      history,
      pgVersion: 13,
      message: /PostgreSQL 13 has no DETACH PARTITION CONCURRENTLY/,
    },
  ],
  valid: [
    { sql: 'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;', history },
    { sql: 'ALTER TABLE events DETACH PARTITION events_2020 FINALIZE;', history },
    {
      name: 'partitioned table created in the same file',
      sql: "CREATE TABLE logs (at date) PARTITION BY RANGE (at);\nCREATE TABLE logs_1 PARTITION OF logs FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');\nALTER TABLE logs DETACH PARTITION logs_1;",
    },
    {
      name: 'partition created in the same file',
      sql: "CREATE TABLE events_2030 PARTITION OF events FOR VALUES FROM ('2030-01-01') TO ('2031-01-01');\nALTER TABLE events DETACH PARTITION events_2030;",
      history,
    },
    {
      name: 'ATTACH PARTITION is another matter',
      sql: "ALTER TABLE events ATTACH PARTITION events_old FOR VALUES FROM ('2010-01-01') TO ('2011-01-01');",
      history,
    },
  ],
});

it('suggests the concurrent form and severity follows the version', async () => {
  const [f] = await lintSql('ALTER TABLE app."Events" DETACH PARTITION app."Events_2020";', { ruleSet: [rule] });
  expect(f!.help).toContain('ALTER TABLE app."Events" DETACH PARTITION app."Events_2020" CONCURRENTLY');
  expect(f).toMatchObject({
    severity: 'error',
    lock: 'AccessExclusiveLock',
    table: 'app.Events',
    data: { partition: 'app.Events_2020' },
  });
  const [old] = await lintSql('ALTER TABLE events DETACH PARTITION events_2020;', { pgVersion: 12, ruleSet: [rule] });
  expect(old!.severity).toBe('warning');
});
