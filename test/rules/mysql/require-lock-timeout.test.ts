import rule from '../../../rules/mysql/require-lock-timeout.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

// MariaDB `SET STATEMENT lock_wait_timeout = n FOR ALTER TABLE …` also counts (the rule reads the
// statement's text), but the parser does not read that form yet (a syntax-error finding): no case here.
mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users ADD COLUMN note TEXT;',
      history,
      message: /ALTER TABLE on `users` needs the table's metadata lock.*31,536,000 seconds \(one year\)/,
    },
    {
      name: 'once per file',
      sql: 'ALTER TABLE users ADD COLUMN a INT;\nALTER TABLE orders ADD COLUMN b INT;\nCREATE INDEX i ON users (a);',
      history,
      count: 1,
      line: 1,
    },
    {
      name: 'innodb_lock_wait_timeout does not count',
      sql: 'SET SESSION innodb_lock_wait_timeout = 5;\nDROP INDEX idx_age ON users;',
      history,
      line: 2,
      message: /innodb_lock_wait_timeout on line 1 only bounds row-lock waits/,
    },
    {
      name: 'set back to the default',
      sql: 'SET SESSION lock_wait_timeout = 5;\nSET SESSION lock_wait_timeout = DEFAULT;\nRENAME TABLE users TO members;',
      history,
      line: 3,
    },
    { name: 'unknown table', sql: 'TRUNCATE TABLE audit_log;' },
    { name: 'MariaDB', sql: 'DROP TABLE users;', history, flavor: 'mariadb', message: /DROP TABLE on `users`/ },
  ],
  valid: [
    {
      name: 'SET SESSION first',
      sql: 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE users ADD COLUMN note TEXT;',
      history,
    },
    { name: 'plain SET', sql: 'SET lock_wait_timeout = 10;\nALTER TABLE users DROP INDEX idx_age;', history },
    { name: '@@session', sql: 'SET @@session.lock_wait_timeout = 3;\nALTER TABLE users DROP INDEX idx_age;', history },
    {
      name: 'MariaDB WAIT n',
      sql: 'ALTER TABLE users WAIT 5 ADD COLUMN note TEXT;',
      history,
      flavor: 'mariadb',
    },
    {
      name: 'MariaDB NOWAIT',
      sql: 'ALTER TABLE users NOWAIT ADD COLUMN note TEXT;',
      history,
      flavor: 'mariadb',
    },
    { name: 'new table', sql: 'CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b INT;\nCREATE INDEX ib ON t (b);' },
    { name: 'DML only', sql: 'UPDATE users SET age = 1 WHERE id = 5;', history },
  ],
});
