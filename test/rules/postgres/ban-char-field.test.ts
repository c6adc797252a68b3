import rule from '../../../rules/postgres/ban-char-field.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    {
      sql: 'CREATE TABLE countries (code char(2) PRIMARY KEY, name text);',
      message: /`countries.code` is char\(2\): values are blank-padded to 2 characters/,
    },
    { sql: 'CREATE TABLE t (a character(10), b CHAR);', count: 2 },
    { name: 'ADD COLUMN', sql: 'ALTER TABLE users ADD COLUMN country character(3);' },
    { name: 'ALTER COLUMN TYPE', sql: 'ALTER TABLE users ALTER COLUMN country TYPE char(2);' },
    { name: 'bpchar without length', sql: 'CREATE TABLE t (a bpchar);', message: /is bpchar: trailing spaces/ },
    { name: 'array of char', sql: 'CREATE TABLE t (a char(2)[]);' },
  ],
  valid: [
    'CREATE TABLE t (a varchar(2), b text, c character varying);',
    { name: 'the single-byte "char" type', sql: 'CREATE TABLE t (kind "char");' },
    { name: 'temporary table', sql: 'CREATE TEMP TABLE t (a char(2));' },
    { name: 'a cast in a query', sql: "SELECT 'x'::char(3);" },
    { name: 'a function parameter', sql: 'CREATE FUNCTION f(x char(2)) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' },
  ],
});
