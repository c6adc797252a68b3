import rule from '../../rules/require-concurrent-index-creation.js';
import { ruleTester } from '../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';

ruleTester(rule, {
  invalid: [
    { sql: 'CREATE INDEX users_email_idx ON users (email);', history, message: /SHARE lock/ },
    { sql: 'CREATE UNIQUE INDEX users_email_key ON users (lower(email));', history },
    { name: 'table unknown to the replay is treated as existing', sql: 'CREATE INDEX ON accounts (owner_id);' },
    { sql: '-- a comment\nSELECT 1;\nCREATE INDEX a ON users (email);', history, line: 3 },
  ],
  valid: [
    { sql: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', history },
    { name: 'table created in the same migration is empty', sql: 'CREATE TABLE posts (id bigint, user_id bigint);\nCREATE INDEX posts_user_idx ON posts (user_id);' },
    { sql: '-- zerodown-ignore require-concurrent-index-creation\nCREATE INDEX users_email_idx ON users (email);', history },
  ],
});
