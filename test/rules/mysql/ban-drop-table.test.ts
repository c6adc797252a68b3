import rule from '../../../rules/mysql/ban-drop-table.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    { sql: 'DROP TABLE users;', history, message: /Dropping table `users` deletes all its rows/ },
    { name: 'one finding per table', sql: 'DROP TABLE IF EXISTS users, orders;', history, count: 2 },
    { name: 'qualified and backticked', sql: 'DROP TABLE `app`.`legacy_events`;', message: /`app.legacy_events`/ },
    { name: 'MariaDB', sql: 'DROP TABLE users;', history, flavor: 'mariadb' },
  ],
  valid: [
    { name: 'table created in the same file', sql: 'CREATE TABLE tmp_import (id INT);\nDROP TABLE tmp_import;' },
    { name: 'temporary table', sql: 'DROP TEMPORARY TABLE IF EXISTS tmp_ids;', history },
    { name: 'dropping an index', sql: 'DROP INDEX idx_age ON users;', history },
    { name: 'dropping a view', sql: 'DROP VIEW active_users;', history },
  ],
});
