import rule from '../../../rules/mysql/unbatched-backfill.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: "UPDATE users SET status = 'active';",
      history,
      message: /This UPDATE changes every row of `users` in one statement/,
    },
    { name: 'unbounded WHERE', sql: 'UPDATE users SET age = 0 WHERE age IS NULL;', history },
    { name: 'one-sided range', sql: 'DELETE FROM orders WHERE id > 1000;', history },
    { name: 'OR with an unbounded side', sql: "UPDATE users SET age = 1 WHERE id = 5 OR status = 'legacy';", history },
    {
      name: 'IN a subquery without LIMIT',
      sql: 'DELETE FROM orders WHERE user_id IN (SELECT id FROM users WHERE age > 90);',
      history,
    },
    { name: 'NOT IN list', sql: 'DELETE FROM orders WHERE id NOT IN (1, 2, 3);', history },
    {
      name: 'multi-table UPDATE',
      sql: 'UPDATE orders o JOIN users u ON u.id = o.user_id SET o.note = u.email;',
      history,
      message: /`orders`/,
    },
    { name: 'help names the primary key', sql: 'DELETE FROM orders;', history, message: /every row of `orders`/ },
    { name: 'unknown table', sql: "UPDATE legacy SET x = 'y' WHERE created < '2020-01-01';" },
    { name: 'MariaDB', sql: 'DELETE FROM orders WHERE total = 0;', history, flavor: 'mariadb' },
  ],
  valid: [
    { name: 'LIMIT', sql: 'UPDATE users SET age = 0 WHERE age IS NULL ORDER BY id LIMIT 1000;', history },
    { name: 'DELETE … LIMIT', sql: 'DELETE FROM orders WHERE total = 0 LIMIT 500;', history },
    { name: 'key equality', sql: "UPDATE users SET status = 'active' WHERE id = 42;", history },
    { name: 'unique key equality', sql: "UPDATE users SET age = 3 WHERE email = 'a@b.c';", history },
    { name: 'id-like column', sql: 'DELETE FROM orders WHERE user_id = 7;', history },
    { name: 'key IN list', sql: 'DELETE FROM orders WHERE id IN (1, 2, 3);', history },
    { name: 'BETWEEN', sql: 'UPDATE orders SET note = NULL WHERE id BETWEEN 1 AND 1000 AND note = "";', history },
    { name: 'closed range', sql: 'UPDATE orders SET total = 0 WHERE `id` >= 1000 AND `id` < 2000;', history },
    { name: 'parenthesised', sql: 'UPDATE orders SET total = 0 WHERE (id = ? OR id = ?);', history },
    {
      name: 'IN a LIMIT-ed subquery',
      sql: 'DELETE FROM orders WHERE id IN (SELECT id FROM (SELECT id FROM orders WHERE total = 0 LIMIT 1000) x);',
      history,
    },
    { name: 'table created in this file', sql: 'CREATE TABLE t (a INT);\nUPDATE t SET a = 1;' },
  ],
});
