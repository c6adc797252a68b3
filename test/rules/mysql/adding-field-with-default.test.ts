/** MariaDB facts measured by test/dialects/mysql/online-truth.test.ts; MySQL's from its manual 15.12.1. */
import rule from '../../../rules/mysql/adding-field-with-default.js';
import { onlineRuleTester } from './online-tester.js';

const FULLTEXT = 'CREATE TABLE docs (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY f (body)) ENGINE=InnoDB;';

onlineRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE orders ADD COLUMN token VARCHAR(36) DEFAULT (uuid());',
      message: /computed for every existing row/,
      severity: 'error',
    },
    { sql: 'ALTER TABLE orders ADD COLUMN token VARCHAR(36) DEFAULT (uuid());', flavor: 'mariadb', severity: 'error' },
    {
      sql: 'ALTER TABLE orders ADD COLUMN n INT NOT NULL DEFAULT 0 AFTER id;',
      version: '8.0.28',
      message: /INSTANT only from MySQL 8\.0\.29/,
      severity: 'warning',
    },
    {
      sql: 'ALTER TABLE orders ADD COLUMN n INT NOT NULL DEFAULT 0 FIRST;',
      flavor: 'mariadb',
      version: '10.3',
      severity: 'warning',
    },
    {
      sql: "ALTER TABLE orders ADD COLUMN s VARCHAR(10) NOT NULL DEFAULT 'x';",
      version: '5.7',
      message: /MySQL 5\.7/,
      severity: 'warning',
    },
    {
      name: 'a table with a FULLTEXT index cannot add columns INSTANT',
      sql: 'ALTER TABLE docs ADD COLUMN n INT DEFAULT 0;',
      history: FULLTEXT,
      message: /FULLTEXT/,
      severity: 'error',
    },
    {
      name: 'two such columns, two findings',
      sql: 'ALTER TABLE orders ADD COLUMN a VARCHAR(36) DEFAULT (uuid()), ADD COLUMN b INT DEFAULT (1 + 1);',
      count: 2,
    },
  ],
  valid: [
    'ALTER TABLE orders ADD COLUMN n INT NOT NULL DEFAULT 0;',
    { sql: "ALTER TABLE orders ADD COLUMN s VARCHAR(10) NOT NULL DEFAULT 'x' AFTER id;", version: '8.0.29' },
    { sql: "ALTER TABLE orders ADD COLUMN s VARCHAR(10) NOT NULL DEFAULT 'x' AFTER id;", flavor: 'mariadb' },
    'ALTER TABLE orders ADD COLUMN seen_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    { sql: 'ALTER TABLE orders ADD COLUMN seen_at TIMESTAMP(6) NULL DEFAULT CURRENT_TIMESTAMP(6);', flavor: 'mariadb' },
    { name: 'DEFAULT NULL, even on 5.7', sql: 'ALTER TABLE orders ADD COLUMN n INT DEFAULT NULL;', version: '5.7' },
    { name: 'no default, even on 5.7', sql: 'ALTER TABLE orders ADD COLUMN n INT;', version: '5.7' },
    { name: 'SET DEFAULT only affects new rows', sql: 'ALTER TABLE orders ALTER COLUMN note SET DEFAULT (uuid());' },
    {
      name: 'a table created in the same file is empty',
      sql: 'CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b VARCHAR(36) DEFAULT (uuid());',
    },
  ],
});
