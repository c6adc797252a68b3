import rule from '../../../rules/postgres/ban-drop-type.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    { sql: 'DROP TYPE order_status;', message: /Dropping the type `order_status` breaks every query/ },
    { name: 'CASCADE drops columns', sql: 'DROP TYPE order_status CASCADE;', message: /drops every table column/ },
    { name: 'domain', sql: 'DROP DOMAIN email_address;', message: /domain/ },
    { name: 'schema-qualified, IF EXISTS', sql: 'DROP TYPE IF EXISTS billing.currency;', message: /billing.currency/ },
    {
      name: 'enum of the history',
      sql: 'DROP TYPE mood;',
      history: "CREATE TYPE mood AS ENUM ('ok');",
    },
  ],
  valid: [
    { name: 'enum created earlier in the file', sql: "CREATE TYPE mood AS ENUM ('ok');\nDROP TYPE mood;" },
    { name: 'composite type created earlier', sql: 'CREATE TYPE pair AS (a int, b int);\nDROP TYPE pair;' },
    { name: 'range type created earlier', sql: 'CREATE TYPE r AS RANGE (subtype = int4);\nDROP TYPE r;' },
    { name: 'domain created earlier', sql: 'CREATE DOMAIN d AS text;\nDROP DOMAIN d;' },
    { name: 'DROP TABLE is another rule', sql: 'DROP TABLE t;' },
  ],
});
