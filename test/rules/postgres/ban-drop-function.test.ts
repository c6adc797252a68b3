import rule from '../../../rules/postgres/ban-drop-function.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    { sql: 'DROP FUNCTION calc_total(int);', message: /Dropping the function `calc_total` makes every call/ },
    { name: 'no argument list', sql: 'DROP FUNCTION IF EXISTS calc_total;' },
    { name: 'procedure', sql: 'DROP PROCEDURE archive_orders;', message: /procedure/ },
    { name: 'routine', sql: 'DROP ROUTINE archive_orders;', message: /routine/ },
    { name: 'two functions', sql: 'DROP FUNCTION f(int), g(text);', count: 2 },
    { name: 'CASCADE', sql: 'DROP FUNCTION f() CASCADE;', message: /CASCADE also drops the triggers/ },
    {
      name: 'another overload was created in this file',
      sql: "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select 1';\nDROP FUNCTION f(int, int);",
    },
    {
      name: 'CREATE OR REPLACE earlier: the function may have existed',
      sql: "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\nDROP FUNCTION f();",
    },
    {
      name: 'dropped and recreated with a new signature in one transaction',
      sql: "BEGIN;\nDROP FUNCTION f(int);\nCREATE FUNCTION f(a int, b int) RETURNS int LANGUAGE sql AS 'select 1';\nCOMMIT;",
      message: /Dropping the function/,
    },
  ],
  valid: [
    {
      name: 'function created earlier in the same file',
      sql: "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select 1';\nDROP FUNCTION f(int);",
    },
    {
      name: 'procedure created earlier, dropped without arguments',
      sql: "CREATE PROCEDURE p() LANGUAGE sql AS 'select 1';\nDROP PROCEDURE p;",
    },
    { name: 'DROP VIEW is another rule', sql: 'DROP VIEW v;' },
  ],
});
