/**
 * The dry run seeds only what the migrations under review work on: the relations they name, the
 * tables those reach through triggers and views, their parents, and the children a statement acts
 * on through foreign keys. What cannot be read from the statements seeds every table.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postgresProbes } from '../../src/dialects/postgres/shadow/probes.js';
import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { migration } from '../helpers.js';
import { eachEngine } from './engines.js';
import { runTraced, seed, type Shadow } from './kernel.js';

const SCHEMA = `
CREATE TABLE orgs (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE users (id serial PRIMARY KEY, org_id int NOT NULL REFERENCES orgs (id), name text NOT NULL);
CREATE TABLE posts (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE, title text NOT NULL);
CREATE TABLE comments (id serial PRIMARY KEY, post_id int NOT NULL REFERENCES posts (id) ON DELETE CASCADE, body text NOT NULL);
CREATE TABLE post_stats (post_id int PRIMARY KEY, n int NOT NULL DEFAULT 0);
CREATE FUNCTION count_post() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO post_stats (post_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; RETURN NEW; END $$;
CREATE TRIGGER posts_count AFTER INSERT ON posts FOR EACH ROW EXECUTE FUNCTION count_post();
CREATE TABLE tags (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE unrelated (id serial PRIMARY KEY, v text);
CREATE MATERIALIZED VIEW tag_names AS SELECT name FROM tags;
CREATE FUNCTION touch_everything() RETURNS void LANGUAGE sql AS 'UPDATE unrelated SET v = v';
`;

const scopeOf = (sql: string) => {
  const parsed = postgresProbes.parse(migration(sql));
  return postgresProbes.seedScope!(parsed.statements as PgStatement[]);
};

eachEngine('seeding only what the migration touches', (engine) => {
  let shadow: Shadow;
  beforeAll(async () => {
    shadow = await engine.open();
    const r = await runTraced(shadow, { path: 'schema.sql', sql: SCHEMA });
    expect(r.error).toBeNull();
  });
  afterAll(async () => {
    await shadow?.close();
  });

  const seeded = async (sql: string) => {
    const scope = scopeOf(sql);
    const r = await seed(shadow, { rows: 5, ...(scope ? { scope } : {}) });
    // leave the tables empty for the next case
    await shadow.exec(
      'TRUNCATE orgs, users, posts, comments, post_stats, tags, unrelated RESTART IDENTITY CASCADE; REFRESH MATERIALIZED VIEW tag_names',
    );
    return { tables: [...r.rows.keys()].sort(), of: r.of, failures: r.failures };
  };

  it('an ALTER TABLE: the table, its parents, and what its triggers write; not its children', async () => {
    const r = await seeded('ALTER TABLE posts ADD COLUMN draft boolean NOT NULL DEFAULT false;');
    expect(r).toEqual({ tables: ['orgs', 'post_stats', 'posts', 'users'], of: 7, failures: [] });
  });

  it('a DELETE reaches the children, and their children through the cascade', async () => {
    const r = await seeded('DELETE FROM users WHERE id % 2 = 0;');
    expect(r.tables).toEqual(['comments', 'orgs', 'post_stats', 'posts', 'users']);
  });

  it('an UPDATE reaches the children only when it sets a referenced column', async () => {
    expect((await seeded("UPDATE users SET name = 'x';")).tables).toEqual(['orgs', 'users']);
    expect((await seeded('UPDATE users SET id = id + 1000;')).tables).toEqual([
      'comments',
      'orgs',
      'post_stats',
      'posts',
      'users',
    ]);
  });

  it('an index and a materialized view name the tables behind them', async () => {
    expect((await seeded('REFRESH MATERIALIZED VIEW tag_names;')).tables).toEqual(['tags']);
    expect((await seeded('CREATE INDEX CONCURRENTLY unrelated_v ON unrelated (v);')).tables).toEqual(['unrelated']);
  });

  it('a user function, a DO block, or a function the migration creates and calls: every table', async () => {
    for (const sql of [
      'SELECT touch_everything();',
      'DO $$ BEGIN UPDATE unrelated SET v = v; END $$;',
      "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS 'SELECT 1'; SELECT f();",
    ]) {
      const r = await seeded(sql);
      expect(r.of, sql).toBeUndefined();
      expect(r.tables, sql).toHaveLength(7);
    }
  });

  it('a built-in function does not widen the scope', async () => {
    const r = await seeded('UPDATE tags SET name = lower(name) || now()::text;');
    expect(r.tables).toEqual(['tags']);
  });
});
