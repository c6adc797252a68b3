import rule from '../../../rules/mysql/adding-stored-generated-column.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE orders ADD COLUMN total_x2 DECIMAL(12,2) AS (total * 2) STORED;',
      history,
      message: /STORED generated column `total_x2` to `orders`.*ALGORITHM=COPY/,
    },
    {
      name: 'MariaDB PERSISTENT',
      sql: 'ALTER TABLE orders ADD COLUMN total_x2 DECIMAL(12,2) AS (total * 2) PERSISTENT;',
      history,
      flavor: 'mariadb',
    },
  ],
  valid: [
    { name: 'VIRTUAL', sql: 'ALTER TABLE orders ADD COLUMN total_x2 DECIMAL(12,2) AS (total * 2) VIRTUAL;', history },
    {
      name: 'default is VIRTUAL',
      sql: 'ALTER TABLE orders ADD COLUMN total_x3 DECIMAL(12,2) AS (total * 3);',
      history,
    },
    {
      name: 'table created in this file',
      sql: 'CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b INT AS (a + 1) STORED;',
    },
  ],
});
