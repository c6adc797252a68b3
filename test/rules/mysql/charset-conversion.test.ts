import rule from '../../../rules/mysql/charset-conversion.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
      history,
      message: /CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci rewrites every text column of `users`/,
    },
    {
      name: "a column's charset",
      sql: 'ALTER TABLE users MODIFY name VARCHAR(50) CHARACTER SET utf8mb4;',
      history,
      message: /changes from CHARACTER SET latin1 to utf8mb4/,
    },
    { name: 'MariaDB', sql: 'ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4;', history, flavor: 'mariadb' },
    { name: 'unknown table', sql: 'ALTER TABLE legacy CONVERT TO CHARACTER SET utf8mb4;' },
  ],
  valid: [
    { name: 'the default charset only', sql: 'ALTER TABLE users DEFAULT CHARSET = utf8mb4;', history },
    {
      name: 'the same charset',
      sql: 'ALTER TABLE users MODIFY name VARCHAR(60) CHARACTER SET latin1;',
      history,
    },
    {
      name: 'table created in this file',
      sql: 'CREATE TABLE t (a TEXT);\nALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;',
    },
  ],
});
