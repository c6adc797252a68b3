/** A real lint result to feed the formatters: real parser, real engine, real rules. */
import { lintMigrations } from '../../src/pipeline/index.js';
import type { LintResult } from '../../src/model.js';
import { migration } from '../helpers.js';
import requireConcurrentIndexCreation from '../../rules/postgres/require-concurrent-index-creation.js';

export const HISTORY =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE "Orders" (id bigint PRIMARY KEY);\n';

/**
 * Three files under review: one with an index finding, one that does not parse, one clean.
 * Only one rule runs, so the formatter tests do not change when other rules are added.
 */
export async function sampleResult(): Promise<LintResult> {
  return lintMigrations(
    [
      migration(HISTORY, { path: 'db/migrations/0001_init.sql', review: false }),
      migration('-- add an index\nCREATE INDEX users_email_idx\n  ON users (email);\n', {
        path: 'db/migrations/0002_index.sql',
      }),
      migration('SELECT 1;\nALTER TABLE users ADD COLUMN;\n', { path: 'db/migrations/0003 broken, 100%.sql' }),
      migration('CREATE TABLE posts (id bigint PRIMARY KEY);\nCREATE INDEX posts_id_idx ON posts (id);\n', {
        path: 'db/migrations/0004_clean.sql',
      }),
    ],
    { ruleSet: [requireConcurrentIndexCreation] },
  );
}
