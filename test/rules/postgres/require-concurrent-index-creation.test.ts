import rule from '../../../rules/postgres/require-concurrent-index-creation.js';
import { describe, expect, it } from 'vitest';
import { lintSql, ruleTester } from '../../helpers.js';

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
    {
      name: 'an index on a column the same migration adds (not backfilled yet): its build lock is still its own hazard',
      sql: 'ALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX users_plan_idx ON users (plan);',
      history,
      line: 2,
      message: /SHARE lock/,
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
  ],
});

describe('require-concurrent-index-creation next to index-same-step-as-add-column (all rules, real engine)', () => {
  const sql = 'ALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX users_plan_idx ON users (plan);';
  const pair = ['index-same-step-as-add-column', 'require-concurrent-index-creation'];
  // every rule runs (require-statement-timeout also has something to say: not this test's business)
  const onIndex = async (rules?: Record<string, 'off'>) =>
    (await lintSql(sql, { history, rules }))
      .filter((f) => f.line === 2 && pair.includes(f.rule))
      .map((f) => f.rule)
      .sort();

  it('with index-same-step-as-add-column off, the plain CREATE INDEX is still reported', async () => {
    expect(await onIndex({ 'index-same-step-as-add-column': 'off' })).toEqual(['require-concurrent-index-creation']);
  });

  it('with both on, each reports its own hazard', async () => {
    expect(await onIndex()).toEqual(['index-same-step-as-add-column', 'require-concurrent-index-creation']);
  });

  it('with require-concurrent-index-creation off, index-same-step-as-add-column still reports', async () => {
    expect(await onIndex({ 'require-concurrent-index-creation': 'off' })).toEqual(['index-same-step-as-add-column']);
  });
});
