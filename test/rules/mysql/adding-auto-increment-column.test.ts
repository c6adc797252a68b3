import rule from '../../../rules/mysql/adding-auto-increment-column.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE nopk ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST;',
      history: 'CREATE TABLE nopk (v INT);',
      message: /Adding AUTO_INCREMENT column `id` to `nopk`.*LOCK=SHARED/,
    },
    {
      name: 'MariaDB',
      sql: 'ALTER TABLE users ADD seq INT NOT NULL AUTO_INCREMENT UNIQUE;',
      history,
      flavor: 'mariadb',
    },
  ],
  valid: [
    { name: 'a plain column', sql: 'ALTER TABLE users ADD COLUMN seq INT NULL;', history },
    { name: 'setting the counter', sql: 'ALTER TABLE users AUTO_INCREMENT = 1000;', history },
    {
      name: 'table created in this file',
      sql: 'CREATE TABLE t (v INT);\nALTER TABLE t ADD id INT AUTO_INCREMENT PRIMARY KEY;',
    },
  ],
});
