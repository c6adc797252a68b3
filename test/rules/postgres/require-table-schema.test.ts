import { describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/require-table-schema.js';
import { lintSql, ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    { sql: 'CREATE TABLE posts (id bigint);', message: /^Table `posts` is not schema-qualified/ },
    { name: 'CREATE TABLE AS', sql: 'CREATE TABLE posts AS SELECT 1;' },
    {
      name: 'ALTER TABLE',
      sql: 'ALTER TABLE posts ADD COLUMN title text;',
      history: 'CREATE TABLE public.posts (id bigint);',
    },
    { name: 'ALTER TABLE IF EXISTS ONLY', sql: 'ALTER TABLE IF EXISTS ONLY posts ADD COLUMN title text;' },
    { name: 'DROP TABLE', sql: 'DROP TABLE posts;', history: 'CREATE TABLE public.posts (id bigint);' },
    { name: 'DROP TABLE of two, one qualified', sql: 'DROP TABLE IF EXISTS public.a, b;', message: /^Table `b` is/ },
    { name: 'unlogged table', sql: 'CREATE UNLOGGED TABLE cache (k text);' },
  ],
  valid: [
    'CREATE TABLE public.posts (id bigint);',
    'CREATE TABLE public.posts AS SELECT 1;',
    'ALTER TABLE public.posts ADD COLUMN title text;',
    'DROP TABLE public.posts;',
    {
      name: 'temporary tables',
      sql: 'CREATE TEMP TABLE m (id int4) ON COMMIT DROP;\nCREATE TEMPORARY TABLE o (id int4);\nCREATE TEMP TABLE m2 AS SELECT 1;',
    },
    {
      name: 'views and indexes are not tables',
      sql: 'CREATE VIEW v AS SELECT 1;\nCREATE MATERIALIZED VIEW mv AS SELECT 1;\nCREATE INDEX i ON public.t (a);\nDROP VIEW v;',
    },
  ],
});

describe('require-table-schema is opt-in', () => {
  it('is off with the default rules and on when the config names it', async () => {
    const sql = 'CREATE TABLE posts (id bigint);';
    expect((await lintSql(sql)).filter((f) => f.rule === 'require-table-schema')).toEqual([]);
    const on = (await lintSql(sql, { rules: { 'require-table-schema': 'error' } })).filter(
      (f) => f.rule === 'require-table-schema',
    );
    expect(on).toHaveLength(1);
    expect(on[0]!.severity).toBe('error');
    expect(on[0]!.help).toBe('Write `public.posts` (or the schema you mean).');
  });
});
