import rule from '../../../rules/postgres/ban-server-program-or-file-access.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    {
      sql: `COPY users FROM PROGRAM 'curl -s https://example.com/users.csv';`,
      message: /COPY … FROM PROGRAM runs a shell command on the database server/,
    },
    { sql: `COPY (SELECT * FROM users) TO PROGRAM 'gzip > /tmp/u.gz';`, message: /TO PROGRAM/ },
    {
      sql: `COPY users FROM '/var/lib/postgresql/users.csv' WITH (FORMAT csv);`,
      message: /reads a file on the database server/,
    },
    { sql: `COPY (SELECT * FROM users) TO '/tmp/users.csv';`, message: /writes a file on the database server/ },
    {
      sql: `SELECT 1;\n\nINSERT INTO settings (body) SELECT pg_read_file('/etc/passwd');`,
      line: 3,
      message: /pg_read_file\(\)/,
    },
    { sql: `SELECT lo_import('/etc/passwd');`, message: /lo_import/ },
    {
      sql: `SELECT * FROM dblink('host=db.internal', 'SELECT 1') AS t(a int);`,
      message: /connects to another database or server/,
    },
    { sql: `CREATE EXTENSION IF NOT EXISTS postgres_fdw;`, message: /CREATE EXTENSION postgres_fdw/ },
    {
      sql: `CREATE SERVER legacy FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'legacy');`,
      message: /foreign server/,
    },
    {
      sql: `CREATE USER MAPPING FOR CURRENT_USER SERVER legacy OPTIONS (user 'app', password 'x');`,
      message: /credentials/,
    },
    { sql: `CREATE SUBSCRIPTION s CONNECTION 'host=primary' PUBLICATION p;`, message: /replicate/ },
    { sql: `CREATE FUNCTION sh() RETURNS void LANGUAGE plpython3u AS $$ import os $$;`, message: /untrusted language/ },
    { sql: `LOAD 'auto_explain';`, message: /shared library/ },
    {
      sql: `DO $$\nBEGIN\n  EXECUTE 'COPY users FROM PROGRAM ''id''';\nEND\n$$;`,
      message: /COPY … PROGRAM in a function body/,
    },
  ],
  valid: [
    'COPY users FROM STDIN;',
    'COPY users (id, email) FROM STDIN WITH (FORMAT csv, HEADER true);',
    'COPY (SELECT * FROM users) TO STDOUT;',
    'CREATE TABLE jobs (id bigint PRIMARY KEY, program text NOT NULL, filename text);',
    `UPDATE jobs SET program = 'backup' WHERE filename = '/tmp/x';`,
    `SELECT my_pg_read_file('x');`,
    'CREATE EXTENSION IF NOT EXISTS pgcrypto;',
    'CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
    // cluster-level statements are ban-cluster-level-statement's
    'CREATE DATABASE analytics;',
    'CREATE ROLE app;',
  ],
});
