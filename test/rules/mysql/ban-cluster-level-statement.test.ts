import rule from '../../../rules/mysql/ban-cluster-level-statement.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      name: 'CREATE TABLESPACE',
      sql: "CREATE TABLESPACE ts1 ADD DATAFILE 'ts1.ibd';",
      message: /`CREATE TABLESPACE` acts on the whole server/,
    },
    { name: 'CREATE ROLE (warning)', sql: 'CREATE ROLE reporting;', message: /`CREATE ROLE` manages accounts/ },
    { sql: 'SET GLOBAL max_connections = 2000;', message: /SET GLOBAL max_connections changes the setting/ },
    { name: 'SET PERSIST', sql: 'SET PERSIST max_connections = 500;', message: /PERSIST keeps it across restarts/ },
    { name: 'CREATE USER (warning)', sql: "CREATE USER 'report'@'%' IDENTIFIED BY 'x';", message: /manages accounts/ },
    { name: 'GRANT (warning)', sql: "GRANT SELECT ON app.* TO 'report'@'%';" },
    {
      name: 'INSTALL PLUGIN',
      sql: "INSTALL PLUGIN metadata_lock_info SONAME 'metadata_lock_info.so';",
      flavor: 'mariadb',
    },
    {
      name: 'CREATE DATABASE',
      sql: 'CREATE DATABASE IF NOT EXISTS analytics;',
      message: /CREATE DATABASE `analytics`/,
    },
    {
      name: 'DDL in a server database',
      sql: 'ALTER TABLE mysql.user ADD COLUMN x INT;',
      message: /server's own `mysql` database/,
    },
    {
      name: 'DDL in another database than USE selected',
      sql: 'USE app;\nCREATE TABLE billing.invoices (id INT);',
      line: 2,
      message: /although the file works in `app`/,
    },
    {
      name: 'qualified DDL without USE (warning)',
      sql: 'ALTER TABLE billing.invoices ADD COLUMN note TEXT;',
      message: /if `billing` is not the one they run in/,
    },
  ],
  valid: [
    { name: 'a shell command is the other rule', sql: 'SYSTEM ls;' },
    { name: 'ANALYZE TABLE', sql: 'ANALYZE TABLE users;', history },
    { name: 'session settings', sql: 'SET SESSION lock_wait_timeout = 5;\nSET NAMES utf8mb4;\nSET @x = 1;' },
    { name: 'unqualified DDL', sql: 'ALTER TABLE users ADD COLUMN note TEXT;', history },
    { name: 'qualified with the USE database', sql: 'USE app;\nALTER TABLE app.users ADD COLUMN note TEXT;' },
    { name: 'reading another database', sql: 'SELECT COUNT(*) FROM information_schema.tables;' },
  ],
});
