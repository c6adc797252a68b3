import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/adding-foreign-key-constraint.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      history,
      message:
        /foreign key `orders_user_fk` on `orders` \(user_id → `users`\) checks every existing row while holding SHARE ROW EXCLUSIVE locks on both `orders` and `users`/,
    },
    { name: 'unnamed constraint', sql: 'ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users;', history },
    {
      name: 'tables unknown to the replay count as existing',
      sql: '-- link\nALTER TABLE invoices ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;',
      line: 2,
    },
    {
      name: 'referenced table new, referencing table existing',
      sql: 'CREATE TABLE plans (id int PRIMARY KEY);\nALTER TABLE users ADD COLUMN x int;\nALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES plans (id);',
      history,
      line: 3,
    },
    {
      name: 'two foreign keys, one statement: one finding',
      sql: 'ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users, ADD FOREIGN KEY (id) REFERENCES accounts;',
      history,
      message: /The same statement does the same for id → `accounts`\.$/,
    },
    {
      name: 'column added earlier in this file: the scan still checks every row',
      sql: 'ALTER TABLE orders ADD COLUMN payer_id bigint;\nALTER TABLE orders ADD CONSTRAINT orders_payer_fk FOREIGN KEY (payer_id) REFERENCES users (id);',
      history,
      line: 2,
    },
    {
      name: 'ADD COLUMN … REFERENCES: validated at once, and it creates no index',
      sql: 'ALTER TABLE orders ADD COLUMN payer_id bigint REFERENCES users (id);',
      history,
      message:
        /ADD COLUMN `payer_id` … REFERENCES `users` adds a foreign key that PostgreSQL validates at once.*REFERENCES builds no index/,
    },
  ],
  valid: [
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
      history,
    },
    { sql: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;', history },
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE items (id int, order_id bigint);\nALTER TABLE items ADD CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);',
      history,
    },
    {
      name: 'inline REFERENCES in CREATE TABLE',
      sql: 'CREATE TABLE items (id int, order_id bigint REFERENCES orders (id));',
      history,
    },
    {
      name: 'ADD COLUMN … REFERENCES on a table created by this migration (empty)',
      sql: 'CREATE TABLE invoices (id bigint);\nALTER TABLE invoices ADD COLUMN payer_id bigint REFERENCES users (id);',
      history,
    },
    {
      name: 'ADD COLUMN IF NOT EXISTS … REFERENCES of a column that exists does nothing',
      sql: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS id bigint REFERENCES users (id);',
      history,
    },
    { name: 'CHECK constraint is another rule', sql: 'ALTER TABLE orders ADD CONSTRAINT c CHECK (id > 0);', history },
  ],
});

it('on a partitioned table before PostgreSQL 18, suggests validating per partition', async () => {
  const hist = [history, 'CREATE TABLE events (user_id bigint, at date) PARTITION BY RANGE (at);'];
  const [f] = await lintSql(
    'ALTER TABLE events ADD CONSTRAINT events_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
    { history: hist, ruleSet: [rule] },
  );
  expect(f!.help).toContain('cannot add a NOT VALID foreign key to a partitioned table');
  const [g] = await lintSql(
    'ALTER TABLE events ADD CONSTRAINT events_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
    { history: hist, pgVersion: 18, ruleSet: [rule] },
  );
  expect(g!.help).toContain('VALIDATE CONSTRAINT events_user_fk');
});

it('suggests the exact VALIDATE statement, quoted', async () => {
  const [f] = await lintSql(
    'ALTER TABLE "Orders" ADD CONSTRAINT "Orders_user_fk" FOREIGN KEY ("userId") REFERENCES "User" (id);',
    {
      history: 'CREATE TABLE "User" (id int PRIMARY KEY); CREATE TABLE "Orders" ("userId" int);',
      ruleSet: [rule],
    },
  );
  expect(f!.help).toContain('ALTER TABLE "Orders" VALIDATE CONSTRAINT "Orders_user_fk"');
  expect(f).toMatchObject({
    lock: 'ShareRowExclusiveLock',
    table: 'public.Orders',
    data: { constraint: 'Orders_user_fk', columns: ['userId'], references: 'public.User' },
  });
});
