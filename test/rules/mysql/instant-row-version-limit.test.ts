/** MySQL 8.0 Reference Manual 15.12.1 "Column Operations": 64 row versions per table (255 from 9.1), error 4092. */
import rule from '../../../rules/mysql/instant-row-version-limit.js';
import { onlineRuleTester } from './online-tester.js';

/** A table and `n` ALTERs that each add a column INSTANT (one row version each). */
const history = (n: number, extra = '') =>
  [
    'CREATE TABLE ev (id INT PRIMARY KEY) ENGINE=InnoDB;',
    ...Array.from({ length: n }, (_, i) => `ALTER TABLE ev ADD COLUMN c${i} INT;`),
    extra,
  ].join('\n');

onlineRuleTester(rule, {
  invalid: [
    {
      name: 'row version 61 of 64',
      sql: 'ALTER TABLE ev ADD COLUMN x INT;',
      history: history(60),
      version: '8.0.40',
      message: /row version 61 of 64/,
      severity: 'warning',
    },
    {
      name: 'DROP COLUMN counts too',
      sql: 'ALTER TABLE ev DROP COLUMN c1;',
      history: history(60),
      version: '8.4',
      message: /row version 61 of 64/,
    },
    {
      name: 'past 64: a rebuild, or error 4092',
      sql: 'ALTER TABLE ev ADD COLUMN x INT;',
      history: history(64),
      version: '8.0.40',
      message: /used all 64/,
      severity: 'error',
    },
    {
      name: 'MySQL 9.1: 255',
      sql: 'ALTER TABLE ev ADD COLUMN x INT;',
      history: history(230),
      version: '9.1',
      message: /231 of 255/,
    },
    {
      name: 'MySQL 8.0.30 instant-DDL bugs',
      sql: 'ALTER TABLE ev ADD COLUMN x INT;',
      history: history(1),
      version: '8.0.30',
      message: /8\.0\.30 has known bugs/,
    },
  ],
  valid: [
    { sql: 'ALTER TABLE ev ADD COLUMN x INT;', history: history(10), version: '8.0.40' },
    {
      name: 'MariaDB has no row-version limit',
      sql: 'ALTER TABLE ev ADD COLUMN x INT;',
      history: history(70),
      flavor: 'mariadb',
    },
    {
      name: 'before 8.0.29 there are no row versions',
      sql: 'ALTER TABLE ev ADD COLUMN x INT;',
      history: history(70),
      version: '8.0.28',
    },
    {
      name: 'a rebuild resets the count',
      sql: 'ALTER TABLE ev ADD COLUMN x INT;',
      history: history(62, 'ALTER TABLE ev FORCE;'),
      version: '8.0.40',
    },
    { name: 'MySQL 9.1 allows 255', sql: 'ALTER TABLE ev ADD COLUMN x INT;', history: history(64), version: '9.1' },
    {
      name: 'not INSTANT: no new row version',
      sql: 'ALTER TABLE ev ADD COLUMN x INT, ADD INDEX k (x);',
      history: history(60),
      version: '8.0.40',
    },
  ],
});
