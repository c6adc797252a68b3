import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/require-concurrent-reindex.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'REINDEX INDEX users_email_idx;',
      history,
      message:
        /REINDEX INDEX `users_email_idx` holds a SHARE lock on `users` \(every write waits\) and an ACCESS EXCLUSIVE lock on each index/,
    },
    { sql: 'REINDEX TABLE users;', history },
    { sql: 'REINDEX (VERBOSE) TABLE users;', history },
    { sql: 'REINDEX SCHEMA app;', message: /REINDEX SCHEMA `app` holds a SHARE lock on each table/ },
    { sql: 'REINDEX DATABASE;' },
    {
      name: 'PostgreSQL 11: no CONCURRENTLY, still a warning',
      sql: 'REINDEX INDEX users_email_idx;',
      history,
      pgVersion: 11,
      message: /PostgreSQL 11 has no REINDEX CONCURRENTLY/,
    },
  ],
  valid: [
    { sql: 'REINDEX INDEX CONCURRENTLY users_email_idx;', history },
    { name: 'REINDEX SYSTEM has no concurrent form: ban-reindex-system reports it', sql: 'REINDEX SYSTEM;' },
    { sql: 'REINDEX (CONCURRENTLY, VERBOSE) TABLE users;', history },
    {
      name: 'index created in the same file',
      sql: 'CREATE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);\nREINDEX INDEX users_id_email_idx;',
      history,
    },
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE t (id int);\nCREATE INDEX t_id_idx ON t (id);\nREINDEX TABLE t;\nREINDEX INDEX t_id_idx;',
    },
  ],
});

it('suggests the concurrent statement; warning before 12', async () => {
  const [f] = await lintSql('REINDEX TABLE "Users";', { ruleSet: [rule] });
  expect(f!.help).toContain('REINDEX TABLE CONCURRENTLY "Users"');
  expect(f).toMatchObject({ severity: 'error', lock: 'AccessExclusiveLock', table: 'public.Users' });
  const [old] = await lintSql('REINDEX TABLE users;', { pgVersion: 11, ruleSet: [rule] });
  expect(old!.severity).toBe('warning');
});
