import rule from '../../../rules/mysql/changing-column-type.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users MODIFY age BIGINT;',
      history,
      message: /Changing `age` of `users` from INT to BIGINT copies the whole table \(ALGORITHM=COPY\)/,
    },
    { name: 'INT to INT UNSIGNED', sql: 'ALTER TABLE users MODIFY age INT UNSIGNED;', history },
    { name: 'VARCHAR to TEXT', sql: 'ALTER TABLE users MODIFY email TEXT NOT NULL;', history },
    {
      name: 'shrinking a VARCHAR',
      sql: 'ALTER TABLE users MODIFY email VARCHAR(50) NOT NULL;',
      history,
      message: /fail in strict mode/,
    },
    { name: 'DECIMAL precision', sql: 'ALTER TABLE orders MODIFY total DECIMAL(12,2);', history },
    { name: 'CHANGE with a type change', sql: 'ALTER TABLE users CHANGE age age SMALLINT;', history },
    {
      name: 'MySQL: utf8mb4 VARCHAR(50) → VARCHAR(70) crosses 255 bytes',
      sql: 'ALTER TABLE orders MODIFY note VARCHAR(70);',
      history,
      message: /200 to 280 bytes in utf8mb4.*255-byte boundary/,
    },
    {
      name: 'MySQL: latin1 VARCHAR(50) → VARCHAR(300) crosses 255 bytes',
      sql: 'ALTER TABLE users MODIFY name VARCHAR(300) CHARACTER SET latin1;',
      history,
    },
    {
      name: 'MariaDB: utf8mb4 VARCHAR(60) → VARCHAR(70) (240 → 280 bytes) copies',
      sql: 'ALTER TABLE orders MODIFY code VARCHAR(70);',
      history,
      flavor: 'mariadb',
    },
    {
      name: 'charset unknown: a warning',
      sql: 'ALTER TABLE plain MODIFY v VARCHAR(100);',
      history: 'CREATE TABLE plain (id INT PRIMARY KEY, v VARCHAR(50));',
      message: /can cross, depending on its charset/,
    },
    {
      name: 'unknown table: a warning',
      sql: 'ALTER TABLE legacy MODIFY x BIGINT;',
      message: /does not know the table/,
    },
  ],
  valid: [
    { name: 'same type, NOT NULL added', sql: 'ALTER TABLE users MODIFY age INT NOT NULL;', history },
    { name: 'INT(11) is INT', sql: 'ALTER TABLE users MODIFY age INT(11);', history },
    { name: 'INTEGER is INT', sql: 'ALTER TABLE users MODIFY age INTEGER;', history },
    { name: 'widening within 255 bytes', sql: 'ALTER TABLE orders MODIFY note VARCHAR(60);', history },
    {
      name: 'MariaDB: latin1 VARCHAR(50) → VARCHAR(300) is instant (values ≤ 127 bytes keep a 1-byte prefix)',
      sql: 'ALTER TABLE users MODIFY name VARCHAR(300) CHARACTER SET latin1;',
      history,
      flavor: 'mariadb',
    },
    {
      name: 'widening beyond 255 bytes already',
      sql: 'ALTER TABLE orders MODIFY note2 VARCHAR(200);',
      history,
    },
    {
      name: 'ENUM values (enum-value-reorder)',
      sql: "ALTER TABLE users MODIFY status ENUM('active','cancelled','legacy','x') NOT NULL;",
      history,
    },
    { name: 'table created in this file', sql: 'CREATE TABLE t (a INT);\nALTER TABLE t MODIFY a BIGINT;' },
    {
      name: 'column added in this file',
      sql: 'ALTER TABLE users ADD COLUMN score INT;\nALTER TABLE users MODIFY score BIGINT;',
      history,
    },
  ],
});
