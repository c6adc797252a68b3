/**
 * The classifier of statements that reach outside the database they run in,
 * on real libpg-query parse trees: what it flags (and in which category), and
 * the near misses it must leave alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, parseSql } from '../../../src/dialects/postgres/parse.js';
import { outsideReach, type OutsideCategory } from '../../../src/dialects/postgres/outside.js';
import { refusedOnShadow } from '../../../src/dialects/postgres/shadow/statements.js';

beforeAll(async () => {
  await loadParser();
});

const one = (sql: string) => {
  const stmts = parseSql(sql);
  expect(stmts).toHaveLength(1);
  return stmts[0]!;
};

const flagged: [string, OutsideCategory, RegExp][] = [
  [`COPY t FROM PROGRAM 'id > /tmp/x'`, 'program', /COPY … FROM PROGRAM runs a shell command/],
  [`COPY (SELECT 1) TO PROGRAM 'cat > /tmp/x'`, 'program', /TO PROGRAM/],
  [`COPY t FROM '/etc/passwd'`, 'server-file', /reads a file on the database server/],
  [`COPY (SELECT * FROM t) TO '/tmp/file'`, 'server-file', /writes a file on the database server/],
  [`SELECT pg_read_file('/etc/passwd')`, 'server-file', /pg_read_file\(\)/],
  [`SELECT pg_catalog.pg_read_binary_file('x')`, 'server-file', /pg_read_binary_file\(\)/],
  // a Unicode-escaped identifier spells the name without the letters "pg_"
  ['SELECT U&"\\0070g_read_file"(\'x\')', 'server-file', /pg_read_file\(\)/],
  [`SELECT * FROM pg_ls_dir('.')`, 'server-file', /pg_ls_dir/],
  [`SELECT pg_stat_file('postgresql.conf')`, 'server-file', /pg_stat_file/],
  [`SELECT lo_import('/etc/passwd')`, 'server-file', /lo_import/],
  [`SELECT lo_export(16384, '/tmp/x')`, 'server-file', /lo_export/],
  [`INSERT INTO t (body) SELECT pg_read_file('/etc/hosts')`, 'server-file', /pg_read_file/],
  [`CREATE TABLE t (c text DEFAULT pg_read_file('/etc/hosts'))`, 'server-file', /pg_read_file/],
  [`SELECT * FROM dblink('host=evil', 'select 1') AS x(a int)`, 'connection', /dblink\(\)/],
  [`SELECT dblink_connect('host=evil')`, 'connection', /dblink_connect/],
  [`CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'evil')`, 'connection', /foreign server/],
  [`CREATE USER MAPPING FOR CURRENT_USER SERVER s OPTIONS (user 'u')`, 'connection', /user mapping/],
  [`CREATE SUBSCRIPTION sub CONNECTION 'host=evil' PUBLICATION p`, 'connection', /subscription/],
  [`IMPORT FOREIGN SCHEMA public FROM SERVER s INTO local`, 'connection', /IMPORT FOREIGN SCHEMA/],
  [`CREATE EXTENSION postgres_fdw`, 'connection', /CREATE EXTENSION postgres_fdw/],
  [`CREATE EXTENSION IF NOT EXISTS dblink`, 'connection', /dblink/],
  [`CREATE EXTENSION file_fdw`, 'server-file', /file_fdw/],
  [`CREATE EXTENSION plpython3u`, 'program', /untrusted language/],
  [`CREATE FUNCTION f() RETURNS int LANGUAGE plpython3u AS 'import os'`, 'program', /LANGUAGE plpython3u/],
  [`CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'lib', 'sym'`, 'program', /native code/],
  [`CREATE DATABASE other`, 'database', /CREATE DATABASE/],
  [`DROP DATABASE other`, 'database', /DROP DATABASE/],
  [`ALTER DATABASE other SET search_path = x`, 'database', /ALTER DATABASE/],
  [`ALTER DATABASE other RENAME TO x`, 'database', /RENAME/],
  [`ALTER DATABASE other OWNER TO u`, 'database', /OWNER/],
  [`ALTER SYSTEM SET archive_command = 'id'`, 'cluster', /ALTER SYSTEM/],
  [`LOAD 'auto_explain'`, 'program', /LOAD loads a shared library/],
  [`CREATE TABLESPACE ts LOCATION '/tmp'`, 'cluster', /CREATE TABLESPACE/],
  [`DROP TABLESPACE ts`, 'cluster', /DROP TABLESPACE/],
  [`SELECT pg_terminate_backend(pid) FROM pg_stat_activity`, 'cluster', /pg_terminate_backend/],
  [`SELECT pg_reload_conf()`, 'cluster', /pg_reload_conf/],
  [`CREATE ROLE app LOGIN`, 'role', /CREATE ROLE/],
  [`CREATE USER app`, 'role', /CREATE USER/],
  [`CREATE GROUP staff`, 'role', /CREATE GROUP/],
  [`ALTER ROLE app SUPERUSER`, 'role', /ALTER ROLE/],
  [`ALTER USER app SET search_path = x`, 'role', /ALTER ROLE/],
  [`DROP ROLE IF EXISTS app`, 'role', /DROP ROLE/],
  [`GRANT pg_execute_server_program TO app`, 'role', /GRANT role membership/],
  [`ALTER ROLE app RENAME TO app2`, 'role', /RENAME/],
  // bodies are text to the parser: scanned conservatively
  [`DO $$ BEGIN EXECUTE 'COPY t FROM PROGRAM ''id > /tmp/x'''; END $$`, 'program', /COPY … PROGRAM in a function body/],
  [`DO $$ BEGIN EXECUTE format('COPY t TO %L', '/tmp/x'); END $$`, 'server-file', /function body/],
  [
    `CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN pg_read_file('/etc/passwd'); END $$`,
    'server-file',
    /server file function in a function body/,
  ],
  [`CREATE FUNCTION f() RETURNS text LANGUAGE sql AS 'SELECT pg_read_file(''x'')'`, 'server-file', /function body/],
  [
    `CREATE FUNCTION f() RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT pg_read_file('x'); END`,
    'server-file',
    /pg_read_file\(\)/,
  ],
  [`DO $$ BEGIN PERFORM dblink_exec('host=evil', 'x'); END $$`, 'connection', /dblink in a function body/],
  [`DO LANGUAGE plperlu $$ system('id') $$`, 'program', /LANGUAGE plperlu/],
  [
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN EXECUTE 'CREATE ROLE anon NOLOGIN'; END IF; END $$`,
    'role',
    /CREATE\/ALTER\/DROP ROLE in a function body/,
  ],
];

const clean = [
  `COPY t FROM STDIN`,
  `COPY t (a, b) FROM STDIN WITH (FORMAT csv)`,
  `COPY (SELECT 1) TO STDOUT`,
  `CREATE TABLE t (program text, filename text)`,
  `SELECT program FROM t WHERE filename = '/etc/passwd'`,
  `UPDATE t SET program = 'COPY t FROM PROGRAM x'`,
  `SELECT my_pg_read_file('x')`,
  `SELECT app.pg_read_file_safe('x')`,
  `SELECT dblinkish FROM t`,
  `CREATE SCHEMA analytics`,
  `DROP SCHEMA analytics CASCADE`,
  `CREATE EXTENSION pgcrypto`,
  `CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`,
  `GRANT SELECT ON t TO app`,
  `REVOKE ALL ON t FROM PUBLIC`,
  `ALTER TABLE t OWNER TO app`,
  `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app`,
  `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$`,
  `CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
  `DO $$ BEGIN UPDATE t SET a = 1; END $$`,
  `DO $$ BEGIN EXECUTE 'COPY t FROM STDIN'; END $$`,
  `DO $$ BEGIN EXECUTE 'CREATE TABLE users (id int)'; UPDATE users SET role = 'admin'; END $$`,
  `CREATE TABLE t (a int) TABLESPACE pg_default`,
  `SET search_path = app`,
];

describe('outsideReach', () => {
  it.each(flagged)('%s → %s', (sql, category, what) => {
    const r = outsideReach(one(sql));
    expect(r.length).toBeGreaterThan(0);
    expect(r[0]!.category).toBe(category);
    expect(`${r[0]!.what} ${r[0]!.why}`).toMatch(what);
  });

  it.each(clean)('leaves alone: %s', (sql) => {
    expect(outsideReach(one(sql))).toEqual([]);
  });

  it('puts the most serious reach first when a statement has several', () => {
    const r = outsideReach(one(`DO $$ BEGIN EXECUTE 'COPY t FROM PROGRAM ''x'''; PERFORM pg_read_file('y'); END $$`));
    expect(r[0]!.category).toBe('program');
    expect(r.map((x) => x.what)).toContain('a server file function in a function body');
  });
});

describe('refusedOnShadow', () => {
  it('refuses roles on a server, where they outlive the run, but lets PGlite (a throwaway cluster) run them', () => {
    const s = one('CREATE ROLE app');
    expect(refusedOnShadow(s, 'postgresql')).toMatch(/^CREATE ROLE changes roles/);
    expect(refusedOnShadow(s, 'pglite')).toBeUndefined();
  });

  it('refuses everything else on both engines, and says why', () => {
    for (const kind of ['pglite', 'postgresql'] as const) {
      expect(refusedOnShadow(one(`COPY t FROM PROGRAM 'id'`), kind)).toBe(
        'COPY … FROM PROGRAM runs a shell command on the database server',
      );
      expect(refusedOnShadow(one('DROP DATABASE other'), kind)).toMatch(/^DROP DATABASE/);
      expect(refusedOnShadow(one('COPY t FROM STDIN'), kind)).toBeUndefined();
    }
  });
});
