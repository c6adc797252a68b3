import rule from '../../../rules/mysql/drop-index-without-invisible.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      name: 'dropped and built again later in the file',
      sql: 'DROP INDEX idx_age ON users;\nCREATE INDEX idx_age ON users (age, id);',
      history,
      message: /dropped here and built again on line 2/,
    },
    {
      name: 'replaced by an index on other leading columns',
      sql: 'ALTER TABLE users DROP INDEX idx_age, ADD INDEX idx_name_age (name, age);',
      history,
    },
    {
      sql: 'ALTER TABLE users DROP INDEX idx_age;',
      history,
      message: /Dropping index `idx_age` of `users` without first making it INVISIBLE/,
    },
    { name: 'DROP INDEX … ON', sql: 'DROP INDEX idx_age ON users;', history },
    {
      name: 'MariaDB 10.6+: IGNORED',
      sql: 'ALTER TABLE users DROP KEY idx_age;',
      history,
      flavor: 'mariadb',
      message: /IGNORED/,
    },
    {
      name: 'made invisible in the same file: no time to watch',
      sql: 'ALTER TABLE users ALTER INDEX idx_age INVISIBLE;\nALTER TABLE users DROP INDEX idx_age;',
      history,
      line: 2,
      message: /right after making it INVISIBLE in the same migration/,
    },
  ],
  valid: [
    {
      name: 'redefined under the same name in the same ALTER',
      sql: 'ALTER TABLE users DROP INDEX idx_age, ADD INDEX idx_age (age, id);',
      history,
    },
    {
      name: 'replaced by an index with the same leading columns',
      sql: 'ALTER TABLE users DROP INDEX idx_age, ADD INDEX idx_age_name (age, name);',
      history,
    },
    {
      name: 'made invisible by an earlier migration',
      sql: 'ALTER TABLE users DROP INDEX idx_age;',
      history: [history, 'ALTER TABLE users ALTER INDEX idx_age INVISIBLE;'],
    },
    {
      name: 'made ignored by an earlier migration (MariaDB)',
      sql: 'ALTER TABLE users DROP INDEX idx_age;',
      history: [history, 'ALTER TABLE users ALTER INDEX idx_age IGNORED;'],
      flavor: 'mariadb',
    },
    {
      name: 'MySQL 5.7 has no invisible indexes',
      sql: 'ALTER TABLE users DROP INDEX idx_age;',
      history,
      version: '5.7',
    },
    {
      name: 'MariaDB 10.5 has no ignored indexes',
      sql: 'ALTER TABLE users DROP INDEX idx_age;',
      history,
      flavor: 'mariadb',
      version: '10.5',
    },
    {
      name: 'index added in this file',
      sql: 'ALTER TABLE users ADD INDEX idx_tmp (age);\nALTER TABLE users DROP INDEX idx_tmp;',
      history,
    },
    { name: 'table created in this file', sql: 'CREATE TABLE t (a INT, KEY ia (a));\nDROP INDEX ia ON t;' },
    { name: 'the primary key', sql: 'ALTER TABLE users DROP INDEX `PRIMARY`;', history },
  ],
});
