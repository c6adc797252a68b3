import { expect, it } from 'vitest';
import rule from '../../../rules/mysql/ban-explicit-copy-or-lock.js';
import { lintOnline, onlineRuleTester } from './online-tester.js';

onlineRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE orders ADD INDEX k (note), ALGORITHM=COPY;',
      message: /Without it, MySQL 8\.0\.46 would run this change with ALGORITHM=INPLACE, LOCK=NONE/,
    },
    {
      sql: 'ALTER TABLE orders ADD COLUMN n INT, LOCK=EXCLUSIVE;',
      flavor: 'mariadb',
      message: /blocks reads and writes/,
    },
    { sql: 'ALTER TABLE orders ADD INDEX k (note), ALGORITHM=INPLACE, LOCK=SHARED;', message: /LOCK=SHARED/ },
    {
      name: 'COPY of a change that copies anyway',
      sql: 'ALTER TABLE orders MODIFY total DECIMAL(12,2), ALGORITHM=COPY;',
      message: /^(?!.*Without it)/,
    },
  ],
  valid: [
    'ALTER TABLE orders ADD INDEX k (note), ALGORITHM=INPLACE, LOCK=NONE;',
    'ALTER TABLE orders ADD COLUMN n INT, ALGORITHM=INSTANT;',
    'ALTER TABLE orders ADD COLUMN n INT, ALGORITHM=DEFAULT, LOCK=DEFAULT;',
    'ALTER TABLE orders ADD INDEX k (note);',
    {
      name: 'a table created in the same file is empty',
      sql: 'CREATE TABLE t (a INT);\nALTER TABLE t ADD INDEX k (a), ALGORITHM=COPY;',
    },
  ],
});

it('says what the server then does (online) and what it could do (data.couldBe)', async () => {
  const [f] = await lintOnline(rule, {
    sql: 'ALTER TABLE orders ADD INDEX k (note), ALGORITHM=COPY;',
    flavor: 'mariadb',
  });
  expect(f!.online).toEqual({ algorithm: 'COPY', lock: 'SHARED', basis: 'predicted' });
  expect(f!.data!.couldBe).toEqual({ algorithm: 'INPLACE', lock: 'NONE', basis: 'predicted' });
});
