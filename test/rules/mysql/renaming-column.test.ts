import rule from '../../../rules/mysql/renaming-column.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users RENAME COLUMN email TO email_address;',
      history,
      message: /renames `email` to `email_address` on `users`/,
    },
    {
      name: 'CHANGE with a new name',
      sql: 'ALTER TABLE users CHANGE COLUMN age age_years INT;',
      history,
      message: /CHANGE COLUMN renames `age` to `age_years`/,
    },
    { name: 'MariaDB', sql: 'ALTER TABLE users CHANGE age age_years INT;', history, flavor: 'mariadb' },
  ],
  valid: [
    { name: 'CHANGE keeping the name', sql: 'ALTER TABLE users CHANGE age age BIGINT;', history },
    { name: 'table created in this file', sql: 'CREATE TABLE t (a INT);\nALTER TABLE t RENAME COLUMN a TO b;' },
    {
      name: 'column added in this file',
      sql: 'ALTER TABLE users ADD COLUMN tmp INT;\nALTER TABLE users RENAME COLUMN tmp TO score;',
      history,
    },
    { name: 'renaming an index', sql: 'ALTER TABLE users RENAME INDEX idx_age TO idx_users_age;', history },
  ],
});
