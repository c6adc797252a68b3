import rule from '../../../rules/postgres/ban-drop-view.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    { sql: 'DROP VIEW active_users;', message: /Dropping the view `active_users` makes every query/ },
    { name: 'IF EXISTS, two views', sql: 'DROP VIEW IF EXISTS a.v, w;', count: 2 },
    { name: 'materialized view', sql: 'DROP MATERIALIZED VIEW daily_totals;', message: /materialized view/ },
    { name: 'CASCADE says what else goes', sql: 'DROP VIEW v CASCADE;', message: /CASCADE also drops/ },
    {
      name: 'CREATE OR REPLACE earlier does not prove the view is new',
      sql: 'CREATE OR REPLACE VIEW v AS SELECT 1 AS x;\nDROP VIEW v;',
      line: 2,
    },
    {
      name: 'recreated outside a transaction: a window where it is missing',
      sql: 'DROP VIEW v;\nCREATE VIEW v AS SELECT 1 AS x;',
      message: /Dropping the view/,
    },
    {
      name: 'recreated after a COMMIT: not the same transaction',
      sql: 'BEGIN;\nDROP VIEW v;\nCOMMIT;\nCREATE VIEW v AS SELECT 1 AS x;',
      message: /Dropping the view/,
    },
    {
      name: 'recreated in the same transaction: a warning to check the new definition',
      sql: 'BEGIN;\nDROP VIEW v;\nCREATE VIEW v AS SELECT 1 AS x;\nCOMMIT;',
      message: /dropped and created again in the same transaction \(line 3\)/,
    },
    {
      name: 'a view created in another schema is another view',
      sql: 'CREATE VIEW reporting.v AS SELECT 1 AS x;\nDROP VIEW v;',
    },
  ],
  valid: [
    { name: 'view created earlier in the same file', sql: 'CREATE VIEW v AS SELECT 1 AS x;\nDROP VIEW v;' },
    {
      name: 'materialized view created earlier in the same file',
      sql: 'CREATE MATERIALIZED VIEW m AS SELECT 1 AS x;\nDROP MATERIALIZED VIEW m;',
    },
    { name: 'DROP TABLE is another rule', sql: 'DROP TABLE t;' },
    { name: 'DROP FUNCTION is another rule', sql: 'DROP FUNCTION f();' },
  ],
});
