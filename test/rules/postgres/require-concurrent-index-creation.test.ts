import rule from '../../../rules/postgres/require-concurrent-index-creation.js';
import { ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';

ruleTester(rule, {
  invalid: [
    { sql: 'CREATE INDEX users_email_idx ON users (email);', history, message: /SHARE lock/ },
    { sql: 'CREATE UNIQUE INDEX users_email_key ON users (lower(email));', history },
    { name: 'table unknown to the replay is treated as existing', sql: 'CREATE INDEX ON accounts (owner_id);' },
    { sql: '-- a comment\nSELECT 1;\nCREATE INDEX a ON users (email);', history, line: 3 },
    {
      name: 'a column added with a constant default already holds its values: only the build lock matters',
      sql: "ALTER TABLE users ADD COLUMN tier text DEFAULT 'free';\nCREATE INDEX users_tier_idx ON users (tier);",
      history,
      line: 2,
    },
  ],
  valid: [
    { sql: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', history },
    {
      name: 'table created in the same migration is empty',
      sql: 'CREATE TABLE posts (id bigint, user_id bigint);\nCREATE INDEX posts_user_idx ON posts (user_id);',
    },
    {
      sql: '-- zerodown-ignore require-concurrent-index-creation\nCREATE INDEX users_email_idx ON users (email);',
      history,
    },
    {
      name: 'an index on a column added (not yet backfilled) by the same migration is left to index-same-step-as-add-column',
      sql: 'ALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX users_plan_idx ON users (plan);',
      history,
    },
  ],
});
