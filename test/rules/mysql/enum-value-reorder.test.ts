import rule from '../../../rules/mysql/enum-value-reorder.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      name: 'a value inserted in the middle',
      sql: "ALTER TABLE users MODIFY status ENUM('active','paused','cancelled','legacy') NOT NULL;",
      history,
      message: /moves `cancelled`, `legacy`.*ALGORITHM=COPY/,
    },
    {
      name: 'a value removed',
      sql: "ALTER TABLE users MODIFY status ENUM('active','cancelled') NOT NULL;",
      history,
      message: /removes `legacy`.*fail in strict mode/,
    },
    {
      name: 'a SET member renamed',
      sql: "ALTER TABLE users MODIFY flags SET('a','c');",
      history,
      message: /SET of `flags`/,
    },
    {
      name: 'CHANGE, MariaDB',
      sql: "ALTER TABLE users CHANGE status status ENUM('cancelled','active','legacy') NOT NULL;",
      history,
      flavor: 'mariadb',
    },
  ],
  valid: [
    {
      name: 'appending at the end',
      sql: "ALTER TABLE users MODIFY status ENUM('active','cancelled','legacy','paused') NOT NULL;",
      history,
    },
    { name: 'the same list', sql: "ALTER TABLE users MODIFY status ENUM('active','cancelled','legacy');", history },
    {
      name: 'table created in this file',
      sql: "CREATE TABLE t (s ENUM('a','b'));\nALTER TABLE t MODIFY s ENUM('b','a');",
    },
    { name: 'ENUM to VARCHAR (changing-column-type)', sql: 'ALTER TABLE users MODIFY status VARCHAR(20);', history },
  ],
});
