// VACUUM FULL / CLUSTER cases shared by prefer-repack (PostgreSQL 19+) and prefer-pg-repack (before 19).
import type { RuleCase } from '../../helpers.js';

export const history =
  'CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz);\nCREATE TABLE logs (id bigint);';

/** VACUUM FULL and CLUSTER forms, flagged on the versions each rule covers (prefer-pg-repack.test.ts runs them before 19). */
export const REWRITES: RuleCase[] = [
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
  {
    name: 'a table of an earlier migration among new ones',
    sql: 'CREATE TABLE t (id int);\nVACUUM FULL t, events;',
    history,
    message: /rewrites `events` while/,
  },
];

/** VACUUM and ANALYZE forms that rewrite nothing, and tables with no traffic yet. */
export const NO_REWRITE: RuleCase[] = [
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
];
