import rule from '../../../rules/mysql/renaming-table.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    { sql: 'RENAME TABLE users TO members;', history, message: /Renaming `users` to `members`/ },
    { name: 'ALTER TABLE … RENAME TO', sql: 'ALTER TABLE users RENAME TO members;', history },
    { name: 'two pairs', sql: 'RENAME TABLE users TO members, orders TO purchases;', history, count: 2 },
  ],
  valid: [
    { name: 'table created in this file', sql: 'CREATE TABLE t (a INT);\nRENAME TABLE t TO t2;' },
    {
      name: 'an atomic swap keeps the name',
      sql: 'CREATE TABLE users_new LIKE users;\nRENAME TABLE users TO users_old, users_new TO users;',
      history,
    },
    { name: 'renaming a column', sql: 'ALTER TABLE users RENAME COLUMN age TO age_years;', history },
  ],
});
