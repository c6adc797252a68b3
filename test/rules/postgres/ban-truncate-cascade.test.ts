import rule from '../../../rules/postgres/ban-truncate-cascade.js';
import { ruleTester } from '../../helpers.js';

const history = `
CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
CREATE TABLE order_items (id bigint, order_id bigint);
ALTER TABLE order_items ADD CONSTRAINT order_items_order_fkey FOREIGN KEY (order_id) REFERENCES orders (id);
CREATE TABLE logs (id bigint);
`;

ruleTester(rule, {
  invalid: [
    { sql: 'TRUNCATE users CASCADE;', history, message: /also empties .*\(here: `orders`, `order_items`\)/ },
    { name: 'no known dependents still flagged', sql: 'TRUNCATE TABLE logs CASCADE;', history },
    {
      name: 'several tables',
      sql: 'TRUNCATE orders, logs CASCADE;',
      history,
      message: /TRUNCATE `orders`, `logs` CASCADE/,
    },
    { name: 'unknown table', sql: 'TRUNCATE accounts CASCADE;' },
  ],
  valid: [
    { sql: 'TRUNCATE users;', history },
    { sql: 'TRUNCATE users, orders, order_items RESTRICT;', history },
    {
      name: 'only tables created in the same file',
      sql: 'CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (a_id bigint REFERENCES a);\nTRUNCATE a CASCADE;',
    },
    { name: 'DELETE is not TRUNCATE', sql: 'DELETE FROM users;', history },
  ],
});
