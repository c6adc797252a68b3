import rule from '../../../rules/postgres/prefer-text-field.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    {
      name: 'ALTER COLUMN … TYPE varchar(n) on a column without history (it may be text today)',
      sql: 'ALTER TABLE accounts ALTER COLUMN name TYPE varchar(200) USING name::varchar(200);',
    },
    { sql: 'CREATE TABLE users (id bigint, name varchar(100) NOT NULL);', message: /`users.name` is varchar\(100\)/ },
    { sql: 'ALTER TABLE users ADD COLUMN nick character varying(30);' },
    {
      name: 'introducing a limit on a text column',
      sql: 'ALTER TABLE users ALTER COLUMN bio TYPE varchar(500);',
      history: 'CREATE TABLE users (bio text);',
    },
    {
      name: 'Prisma VARCHAR(191)',
      sql: 'CREATE TABLE "User" ("email" VARCHAR(191) NOT NULL, "name" VARCHAR(255));',
      count: 2,
    },
    { name: 'array', sql: 'CREATE TABLE t (tags varchar(20)[]);' },
  ],
  valid: [
    'CREATE TABLE users (name text, nick varchar, bio character varying);',
    {
      name: 'widening an existing varchar',
      sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(200);',
      history: 'CREATE TABLE users (name varchar(100));',
    },
    { name: 'char(n) is ban-char-field, not this rule', sql: 'CREATE TABLE t (a char(2));' },
    { name: 'temporary table', sql: 'CREATE TEMP TABLE t (a varchar(10));' },
    { name: 'a cast in a query', sql: "SELECT 'x'::varchar(3);" },
  ],
});
