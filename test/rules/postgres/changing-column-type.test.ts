import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/changing-column-type.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history = `
CREATE TABLE users (
  id integer PRIMARY KEY,
  name varchar(100),
  email text,
  bio text,
  code char(5),
  price numeric(10, 2),
  flags varbit(8),
  seen_at timestamp(3),
  created_at timestamp,
  net cidr,
  tags varchar(20)[],
  status text
);
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX users_created_idx ON users (created_at);
`;

ruleTester(rule, {
  invalid: [
    {
      name: 'int → bigint rewrites',
      sql: 'ALTER TABLE users ALTER COLUMN id TYPE bigint;',
      history,
      message: /from integer to bigint rewrites the whole table/,
    },
    {
      name: 'varchar shrink rewrites, help suggests a CHECK',
      sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(50);',
      history,
      message: /varchar\(100\) to varchar\(50\) rewrites/,
    },
    { name: 'text → varchar(n) rewrites', sql: 'ALTER TABLE users ALTER COLUMN bio TYPE varchar(500);', history },
    {
      name: 'USING that computes values',
      sql: 'ALTER TABLE users ALTER COLUMN email TYPE text USING lower(email);',
      history,
      message: /USING lower\(email\) computes a new value/,
    },
    {
      name: 'text → integer with USING cast',
      sql: 'ALTER TABLE users ALTER COLUMN status TYPE integer USING status::integer;',
      history,
    },
    { name: 'numeric scale change', sql: 'ALTER TABLE users ALTER COLUMN price TYPE numeric(12, 3);', history },
    { name: 'numeric precision shrink', sql: 'ALTER TABLE users ALTER COLUMN price TYPE numeric(8, 2);', history },
    { name: 'char(n) widening pads every value', sql: 'ALTER TABLE users ALTER COLUMN code TYPE char(10);', history },
    { name: 'char → text trims every value', sql: 'ALTER TABLE users ALTER COLUMN code TYPE text;', history },
    {
      name: 'array element widening still rewrites',
      sql: 'ALTER TABLE users ALTER COLUMN tags TYPE varchar(50)[];',
      history,
    },
    { name: 'timestamp precision lowered', sql: 'ALTER TABLE users ALTER COLUMN seen_at TYPE timestamp(0);', history },
    {
      name: 'timestamp → timestamptz: rewrite unless UTC, index rebuilt',
      sql: 'ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz;',
      history,
      message: /unless the session TimeZone is UTC \(PostgreSQL 12\+ then only rebuilds index `users_created_idx`\)/,
    },
    {
      name: 'timestamp → timestamptz on PG 11 always rewrites',
      sql: 'ALTER TABLE users ALTER COLUMN seen_at TYPE timestamptz(3);',
      history,
      pgVersion: 11,
      message: /rewrites the whole table and all its indexes/,
    },
    {
      name: 'timestamp → timestamptz under UTC still rebuilds the index',
      sql: "SET TIME ZONE 'UTC';\nALTER TABLE users ALTER COLUMN created_at TYPE timestamptz;",
      history,
      line: 2,
      message: /no table rewrite, but PostgreSQL rebuilds index `users_created_idx`/,
    },
    {
      name: 'text → citext rebuilds the index',
      sql: 'ALTER TABLE users ALTER COLUMN email TYPE citext;',
      history,
      message: /rebuilds index `users_email_idx`/,
    },
    {
      name: 'collation change on an indexed column',
      sql: 'ALTER TABLE users ALTER COLUMN email TYPE text COLLATE "C";',
      history,
      message: /COLLATE "C" changes the collation/,
    },
    {
      name: 'a CHECK constraint is re-verified by a full scan',
      sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(200);',
      history: [history, 'ALTER TABLE users ADD CONSTRAINT users_name_check CHECK (length(name) > 1);'],
      message: /re-checks CHECK constraint `users_name_check` by scanning every row/,
    },
    {
      name: 'one finding per rewritten column',
      sql: 'ALTER TABLE users ALTER COLUMN id TYPE bigint, ALTER COLUMN name TYPE varchar(10), ALTER COLUMN bio TYPE text;',
      history,
      count: 2,
    },
    {
      name: 'enum → text rewrites',
      sql: 'ALTER TABLE t ALTER COLUMN s TYPE text;',
      history: "CREATE TYPE st AS ENUM ('a', 'b'); CREATE TABLE t (s st);",
    },
    {
      name: 'domain with CHECK validates every row',
      sql: 'ALTER TABLE t ALTER COLUMN n TYPE posint;',
      history: 'CREATE DOMAIN posint AS integer CHECK (VALUE > 0); CREATE TABLE t (n integer);',
      message: /domain `posint`/,
    },
    {
      name: "Prisma's enum swap: names follow ALTER TYPE … RENAME",
      sql: 'CREATE TYPE "Status_new" AS ENUM (\'A\');\nALTER TABLE "Job" ALTER COLUMN "status" TYPE "Status_new" USING ("status"::text::"Status_new");',
      history: [
        'CREATE TYPE "Status" AS ENUM (\'A\', \'B\'); CREATE TABLE "Job" ("status" "Status");',
        'CREATE TYPE "Status_new" AS ENUM (\'A\'); ALTER TABLE "Job" ALTER COLUMN "status" TYPE "Status_new" USING ("status"::text::"Status_new"); ALTER TYPE "Status" RENAME TO "Status_old"; ALTER TYPE "Status_new" RENAME TO "Status"; DROP TYPE "Status_old";',
      ],
      line: 2,
      message: /`Job.status` from Status to Status_new rewrites/,
    },
    {
      name: 'NOT NULL domain validates every row',
      sql: 'ALTER TABLE t ALTER COLUMN n TYPE req;',
      history: 'CREATE DOMAIN req AS integer NOT NULL; CREATE TABLE t (n integer);',
    },
    {
      name: 'quoted mixed-case names',
      sql: 'ALTER TABLE "User" ALTER COLUMN "loginCount" SET DATA TYPE BIGINT;',
      history: 'CREATE TABLE "User" ("loginCount" INTEGER NOT NULL);',
      message: /`User.loginCount` from integer to bigint/,
    },
    {
      name: 'unknown column type: warning',
      sql: 'ALTER TABLE accounts ALTER COLUMN balance TYPE bigint;',
      message: /current type is unknown/,
    },
  ],
  valid: [
    { name: 'varchar widening', sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(200);', history },
    { name: 'varchar → unlimited varchar', sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar;', history },
    { name: 'varchar → text', sql: 'ALTER TABLE users ALTER COLUMN name TYPE text;', history },
    {
      name: 'text → varchar without limit',
      sql: 'ALTER TABLE users ALTER COLUMN bio TYPE character varying;',
      history,
    },
    { name: 'numeric precision widening', sql: 'ALTER TABLE users ALTER COLUMN price TYPE numeric(14, 2);', history },
    { name: 'numeric → unconstrained numeric', sql: 'ALTER TABLE users ALTER COLUMN price TYPE numeric;', history },
    { name: 'varbit widening', sql: 'ALTER TABLE users ALTER COLUMN flags TYPE bit varying(16);', history },
    { name: 'timestamp precision widening', sql: 'ALTER TABLE users ALTER COLUMN seen_at TYPE timestamp(6);', history },
    { name: 'cidr → inet', sql: 'ALTER TABLE users ALTER COLUMN net TYPE inet;', history },
    { name: 'same type re-declared', sql: 'ALTER TABLE users ALTER COLUMN id TYPE int4;', history },
    {
      name: 'USING that only re-reads the column',
      sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(300) USING name::varchar(250);',
      history,
    },
    { name: 'text → citext on an unindexed column', sql: 'ALTER TABLE users ALTER COLUMN bio TYPE citext;', history },
    {
      name: 'timestamp → timestamptz under UTC, column not indexed',
      sql: "SET timezone = 'UTC';\nALTER TABLE users ALTER COLUMN seen_at TYPE timestamptz(3);",
      history,
    },
    {
      name: 'unconstrained domain over the same type',
      sql: 'ALTER TABLE t ALTER COLUMN e TYPE email;',
      history: 'CREATE DOMAIN email AS text; CREATE TABLE t (e varchar(200));',
    },
    {
      name: 'table created in the same file is empty',
      sql: 'CREATE TABLE posts (id integer);\nALTER TABLE posts ALTER COLUMN id TYPE bigint;',
    },
    {
      name: 'a NOT VALID check is not re-verified',
      sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(200);',
      history: [history, 'ALTER TABLE users ADD CONSTRAINT users_name_check CHECK (length(name) > 1) NOT VALID;'],
    },
    {
      name: 'other ALTER TABLE commands',
      sql: "ALTER TABLE users ALTER COLUMN name SET NOT NULL, ALTER COLUMN bio SET DEFAULT '';",
      history,
    },
    { sql: '-- zerodown-ignore changing-column-type\nALTER TABLE users ALTER COLUMN id TYPE bigint;', history },
  ],
});

it('changing-column-type reports from, to, USING text and rewrite in data', async () => {
  const findings = await lintSql(
    "ALTER TABLE users ALTER COLUMN status TYPE integer USING (status)::integer, ALTER COLUMN email TYPE varchar(320) USING trim(both ' ' from email);",
    {
      history,
      ruleSet: [rule],
    },
  );
  expect(findings.map((f) => f.data)).toEqual([
    {
      column: 'status',
      from: 'text',
      to: 'integer',
      using: '(status)::integer',
      rewrite: true,
      indexes: [],
      checks: [],
    },
    {
      column: 'email',
      from: 'text',
      to: 'varchar(320)',
      using: "trim(both ' ' from email)",
      rewrite: true,
      indexes: ['users_email_idx'],
      checks: [],
    },
  ]);
  expect(findings[0]!.lock).toBe('AccessExclusiveLock');
  expect(findings[0]!.table).toBe('public.users');
  expect(findings[0]!.severity).toBe('error');
});

it('changing-column-type: the unknown-type finding is a warning', async () => {
  const findings = await lintSql('ALTER TABLE accounts ALTER COLUMN balance TYPE bigint;', { ruleSet: [rule] });
  expect(findings[0]!.severity).toBe('warning');
});
