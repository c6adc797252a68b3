import rule from '../../../rules/mysql/index-same-step-as-add-column.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      name: 'same ALTER, filled by a default: the ADD COLUMN is no longer instant',
      sql: 'ALTER TABLE orders ADD COLUMN r INT NOT NULL DEFAULT 0, ADD INDEX ir (r);',
      history,
      message: /can be instant, now waits for a build/,
    },
    {
      name: 'column and index in one ALTER',
      sql: 'ALTER TABLE orders ADD COLUMN region_id BIGINT NULL, ADD INDEX idx_region (region_id);',
      history,
      message:
        /index `idx_region` on `orders` covers `region_id`, which this migration adds in this same ALTER TABLE.*not backfilled yet/,
    },
    {
      name: 'a later statement of the same file',
      sql: 'ALTER TABLE orders ADD COLUMN region_id BIGINT NULL;\nCREATE INDEX idx_region ON orders (region_id);',
      history,
      line: 2,
      message: /which this migration adds at line 1/,
    },
    {
      name: 'a backfill between does not help: still the same migration',
      sql: 'ALTER TABLE orders ADD COLUMN region_id BIGINT NULL;\nUPDATE orders SET region_id = 1 WHERE id BETWEEN 1 AND 100;\nALTER TABLE orders ADD INDEX idx_region (region_id);',
      history,
      line: 3,
    },
    {
      name: 'inline UNIQUE with a default',
      sql: "ALTER TABLE users ADD COLUMN handle VARCHAR(30) NOT NULL DEFAULT '' UNIQUE;",
      history,
      message: /same default value, so the unique key fails/,
    },
    {
      name: 'MariaDB',
      sql: 'ALTER TABLE orders ADD COLUMN r INT, ADD KEY (r);',
      history,
      flavor: 'mariadb',
    },
  ],
  valid: [
    {
      name: 'a later statement, the column filled by its default: nothing to backfill',
      sql: 'ALTER TABLE orders ADD COLUMN r INT NOT NULL DEFAULT 0;\nALTER TABLE orders ADD INDEX ir (r);',
      history,
    },
    { name: 'index on an existing column', sql: 'ALTER TABLE orders ADD INDEX idx_user (user_id);', history },
    {
      name: 'table created in this file',
      sql: 'CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b INT, ADD INDEX ib (b);',
    },
    { name: 'column only', sql: 'ALTER TABLE orders ADD COLUMN region_id BIGINT NULL;', history },
  ],
});
