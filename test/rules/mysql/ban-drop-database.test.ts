import rule from '../../../rules/mysql/ban-drop-database.js';
import { mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    { sql: 'DROP DATABASE app_old;', message: /DROP DATABASE `app_old` deletes every table/ },
    { name: 'DROP SCHEMA IF EXISTS', sql: 'DROP SCHEMA IF EXISTS `legacy`;', message: /`legacy`/ },
    { name: 'MariaDB', sql: 'DROP DATABASE app_old;', flavor: 'mariadb' },
  ],
  valid: ['CREATE DATABASE IF NOT EXISTS app;', 'DROP TABLE IF EXISTS app_old;', 'USE app;'],
});
