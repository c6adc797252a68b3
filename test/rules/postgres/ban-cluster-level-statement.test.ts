import rule from '../../../rules/postgres/ban-cluster-level-statement.js';
import { lintSql, ruleTester } from '../../helpers.js';
import { expect, it } from 'vitest';

ruleTester(rule, {
  invalid: [
    { sql: 'CREATE DATABASE analytics;', message: /CREATE DATABASE acts on a whole database/ },
    { sql: `ALTER DATABASE app SET timezone TO 'UTC';`, message: /ALTER DATABASE/ },
    { sql: 'ALTER DATABASE app RENAME TO app_old;', message: /RENAME/ },
    { sql: `ALTER SYSTEM SET work_mem = '64MB';`, message: /ALTER SYSTEM rewrites the server's configuration file/ },
    { sql: `CREATE TABLESPACE fast LOCATION '/mnt/ssd';`, message: /CREATE TABLESPACE/ },
    { sql: 'DROP TABLESPACE fast;', message: /DROP TABLESPACE/ },
    {
      sql: `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app';`,
      message: /pg_terminate_backend\(\) acts on the whole server/,
    },
    { sql: 'SELECT 1;\nCREATE ROLE reporting NOLOGIN;', line: 2, message: /CREATE ROLE changes roles/ },
    { sql: `CREATE USER app PASSWORD 'x';`, message: /CREATE USER/ },
    { sql: 'ALTER ROLE app SET statement_timeout = 0;', message: /ALTER ROLE/ },
    { sql: 'DROP ROLE IF EXISTS reporting;', message: /DROP ROLE/ },
    { sql: 'GRANT reporting TO app;', message: /GRANT role membership/ },
  ],
  valid: [
    // ban-drop-database owns DROP DATABASE
    'DROP DATABASE analytics;',
    'CREATE SCHEMA analytics;',
    'GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;',
    'ALTER TABLE users OWNER TO app;',
    'CREATE TABLE t (id int) TABLESPACE pg_default;',
    'SET statement_timeout = 0;',
    `SELECT pg_cancel_backend_fake(1);`,
    // programs and files are ban-server-program-or-file-access's
    `COPY users FROM PROGRAM 'id';`,
  ],
});

it('roles are a warning (server-wide, but often deliberate); databases and cluster settings an error', async () => {
  const f = await lintSql('CREATE ROLE reporting;\nCREATE DATABASE analytics;\nALTER SYSTEM SET work_mem = 1;', {
    ruleSet: [rule],
  });
  const mine = f.filter((x) => x.rule === 'ban-cluster-level-statement');
  expect(mine.map((x) => [x.line, x.severity])).toEqual([
    [1, 'warning'],
    [2, 'error'],
    [3, 'error'],
  ]);
});
