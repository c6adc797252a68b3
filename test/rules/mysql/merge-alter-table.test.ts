import rule from '../../../rules/mysql/merge-alter-table.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE orders ADD INDEX idx_user (user_id);\nALTER TABLE orders MODIFY note VARCHAR(500);',
      history,
      line: 2,
      message: /another ALTER TABLE on `orders` after the one on line 1/,
    },
    {
      name: 'three heavy ALTERs: two findings',
      sql: 'ALTER TABLE users ADD INDEX i1 (age);\nALTER TABLE users ADD INDEX i2 (name);\nALTER TABLE users FORCE;',
      history,
      count: 2,
    },
    {
      name: 'MariaDB',
      sql: 'ALTER TABLE orders ADD INDEX idx_user (user_id);\nSET SESSION lock_wait_timeout = 5;\nALTER TABLE orders ENGINE = InnoDB;',
      history,
      flavor: 'mariadb',
    },
  ],
  valid: [
    { name: 'one ALTER', sql: 'ALTER TABLE orders ADD INDEX idx_user (user_id), MODIFY note VARCHAR(500);', history },
    {
      name: 'a metadata-only ALTER',
      sql: 'ALTER TABLE orders ADD INDEX idx_user (user_id);\nALTER TABLE orders RENAME COLUMN note TO remark;',
      history,
    },
    {
      name: 'a backfill between',
      sql: 'ALTER TABLE orders MODIFY note VARCHAR(500);\nUPDATE orders SET note = "" WHERE id BETWEEN 1 AND 1000;\nALTER TABLE orders ADD INDEX ix_note (note);',
      history,
    },
    {
      name: 'indexing a column the previous ALTER added (deliberate split)',
      sql: 'ALTER TABLE orders ADD COLUMN r INT AUTO_INCREMENT UNIQUE;\nALTER TABLE orders ADD INDEX ix_r (r);',
      history,
    },
    { name: 'different tables', sql: 'ALTER TABLE orders FORCE;\nALTER TABLE users FORCE;', history },
    {
      name: 'table created in this file',
      sql: 'CREATE TABLE t (a INT);\nALTER TABLE t ADD INDEX i (a);\nALTER TABLE t FORCE;',
    },
  ],
});
