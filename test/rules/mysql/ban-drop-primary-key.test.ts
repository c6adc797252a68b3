import rule from '../../../rules/mysql/ban-drop-primary-key.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      name: 'dropped and re-added in two statements',
      sql: 'ALTER TABLE tags DROP PRIMARY KEY;\nALTER TABLE tags ADD PRIMARY KEY (id, name);',
      history,
      message: /Line 2 adds a new primary key in a separate statement/,
    },
    {
      sql: 'ALTER TABLE tags DROP PRIMARY KEY;',
      history,
      message:
        /Dropping the primary key of `tags` \(`id`\) without adding another in the same ALTER copies the whole table.*Afterwards the table has no primary key/,
    },
    {
      name: 'an AUTO_INCREMENT key: the server refuses it',
      sql: 'ALTER TABLE orders DROP PRIMARY KEY;',
      history,
      message: /fails: `id` is AUTO_INCREMENT.*error 1075/,
    },
    {
      name: 'a swap is a warning',
      sql: 'ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (id, user_id);',
      history,
      message: /replaces the primary key of `orders` \(`id`\) with one on `id`, `user_id`/,
    },
    { name: 'MariaDB', sql: 'ALTER TABLE tags DROP PRIMARY KEY;', history, flavor: 'mariadb' },
  ],
  valid: [
    {
      name: 'adding a primary key later in the file is not a drop',
      sql: 'ALTER TABLE nopk ADD PRIMARY KEY (id);\nALTER TABLE nopk ADD INDEX iv (id);',
      history: 'CREATE TABLE nopk (id INT NOT NULL);',
    },
    {
      name: 'adding a primary key',
      sql: 'ALTER TABLE nopk ADD PRIMARY KEY (id);',
      history: 'CREATE TABLE nopk (id INT NOT NULL);',
    },
    {
      name: 'table created in this file',
      sql: 'CREATE TABLE t (id INT PRIMARY KEY);\nALTER TABLE t DROP PRIMARY KEY;',
    },
    { name: 'dropping another index', sql: 'ALTER TABLE users DROP INDEX idx_age;', history },
  ],
});
