import rule from '../../../rules/mysql/ban-drop-column.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users DROP COLUMN bio;',
      history,
      message: /Dropping column `bio` of `users` deletes its data.*ALGORITHM=INSTANT/,
    },
    {
      name: 'before MySQL 8.0.29 it rebuilds the table',
      sql: 'ALTER TABLE users DROP COLUMN bio;',
      history,
      version: '8.0.28',
      message: /rebuilds the whole table .*INSTANT only from MySQL 8.0.29/,
    },
    {
      name: 'MariaDB 10.3 rebuilds, 10.4 does not',
      sql: 'ALTER TABLE users DROP bio;',
      history,
      flavor: 'mariadb',
      version: '10.3',
      message: /INSTANT only from MariaDB 10.4/,
    },
    { name: 'two columns', sql: 'ALTER TABLE users DROP COLUMN bio, DROP COLUMN age;', history, count: 2 },
    { name: 'unknown table', sql: 'ALTER TABLE legacy DROP COLUMN x;' },
  ],
  valid: [
    { name: 'table created in this file', sql: 'CREATE TABLE t (id INT, x INT);\nALTER TABLE t DROP COLUMN x;' },
    {
      name: 'column added in this file',
      sql: 'ALTER TABLE users ADD COLUMN tmp INT;\nALTER TABLE users DROP COLUMN tmp;',
      history,
    },
    { name: 'dropping an index', sql: 'ALTER TABLE users DROP INDEX idx_age;', history },
  ],
});
