/** Seeding from column types, respecting NOT NULL, unique keys, foreign keys and CHECKs; and snapshots. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareData, diffSchemas } from '../../src/shadow/compare.js';
import { runTraced, seed, snapshotData, snapshotSchema, type Shadow } from './kernel.js';
import { eachEngine } from './engines.js';

const SCHEMA = `
CREATE TYPE status AS ENUM ('active', 'banned', 'deleted');
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE TABLE orgs (id serial PRIMARY KEY, slug varchar(40) NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id int NOT NULL REFERENCES orgs (id),
  email text NOT NULL,
  nickname text,
  status status NOT NULL,
  rating int NOT NULL CHECK (rating BETWEEN 1 AND 5),
  kind text NOT NULL CHECK (kind IN ('human', 'bot')),
  score numeric(4, 2),
  weight positive NOT NULL,
  tags text[] NOT NULL,
  meta jsonb NOT NULL,
  manager_id bigint REFERENCES users (id),
  ip inet,
  token uuid NOT NULL,
  born date,
  active boolean NOT NULL,
  CONSTRAINT users_email_org UNIQUE (org_id, email)
);
CREATE TABLE profiles (user_id bigint PRIMARY KEY REFERENCES users (id), bio text NOT NULL);
-- a two-column foreign key: each row's pair must be one parent row's pair
CREATE TABLE invites (id serial PRIMARY KEY, org_id int NOT NULL, email text NOT NULL,
  FOREIGN KEY (org_id, email) REFERENCES users (org_id, email));
CREATE TABLE "Session" (id text PRIMARY KEY, "userId" bigint NOT NULL, expires timestamp(3) NOT NULL);
CREATE TABLE impossible (id int PRIMARY KEY, v int NOT NULL CHECK (v > 0 AND v < 0));
-- rows a migration inserted: the generated names 'name_1' and 'name_2' collide with them
CREATE TABLE tags (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
INSERT INTO tags (name) VALUES ('name_1'), ('name_2');
CREATE TYPE action AS ENUM ('ban', 'note', 'purge');
CREATE TABLE modlog (
  id serial PRIMARY KEY, kind action NOT NULL, person_id int, post_id int,
  CHECK ((kind = 'ban' AND num_nonnulls (person_id) = 1 AND num_nonnulls (post_id) = 0)
      OR (kind = 'note' AND num_nonnulls (person_id, post_id) = 2)
      OR (kind = 'purge' AND num_nonnulls (person_id, post_id) = 0))
);
`;

eachEngine('seeding and snapshots', (engine) => {
  let shadow: Shadow;
  let result: Awaited<ReturnType<typeof seed>>;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    shadow = await engine.open();
    const r = await runTraced(shadow, { path: 'schema.sql', sql: SCHEMA });
    expect(r.error).toBeNull();
    result = await seed(shadow, { rows: 300, onProgress: (done, total, table) => progress.push([done, total, table]) });
  });
  afterAll(async () => {
    await shadow?.close();
  });

  it('fills every table it can, parents before children, and reports the one it cannot', () => {
    expect(result.rows.get('orgs')).toBe(300);
    expect(result.rows.get('users')).toBe(300);
    expect(result.rows.get('Session')).toBe(300);
    // one profile per user at most (its key is the foreign key)
    expect(result.rows.get('profiles')).toBe(300);
    expect(result.rows.get('invites')).toBe(300);
    expect(result.failures.map((f) => [f.table, f.code])).toEqual([['impossible', '23514']]);
    expect(result.rows.get('impossible')).toBe(0);
  });

  it('reports progress before each table, parents first', () => {
    expect(progress.map(([done]) => done)).toEqual([...Array(result.tables).keys()]);
    expect(progress.every(([, total]) => total === result.tables)).toBe(true);
    const at = (t: string) => progress.findIndex(([, , table]) => table === t);
    expect(at('orgs')).toBeLessThan(at('users'));
    expect(at('users')).toBeLessThan(at('profiles'));
  });

  it('a generated key that collides with a row the migrations inserted skips that row, nothing else', async () => {
    // plain INSERT fails on 'name_1'; the retry with ON CONFLICT DO NOTHING keeps the other 298
    expect(result.rows.get('tags')).toBe(300);
    const [r] = await shadow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tags WHERE name IN ('name_1', 'name_2')`,
    );
    expect(r!.n).toBe(2);
  });

  it("a CHECK that ties columns to a kind (lemmy's modlog) is met by filtering random candidates", async () => {
    expect(result.rows.get('modlog')).toBe(300);
    const kinds = await shadow.query<{ kind: string; n: number }>(
      `SELECT kind::text AS kind, count(*)::int AS n FROM modlog GROUP BY 1 ORDER BY 1`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['ban', 'note', 'purge']);
  });

  it('respects foreign keys, NOT NULL, unique keys, enums, domains and CHECKs', async () => {
    const [x] = await shadow.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE o.id IS NULL)::int AS orphans,
             (SELECT count(*) FROM profiles p LEFT JOIN users u ON u.id = p.user_id WHERE u.id IS NULL)::int AS orphan_profiles,
             (SELECT count(*) FROM invites i LEFT JOIN users u ON (u.org_id, u.email) = (i.org_id, i.email) WHERE u.id IS NULL)::int AS orphan_invites,
             (SELECT count(DISTINCT (org_id, email)) FROM users)::int AS distinct_keys,
             (SELECT count(DISTINCT status) FROM users)::int AS statuses,
             (SELECT count(*) FROM users WHERE rating NOT BETWEEN 1 AND 5 OR kind NOT IN ('human', 'bot'))::int AS bad_checks,
             (SELECT count(*) FROM users WHERE nickname IS NULL)::int AS null_nicknames,
             (SELECT count(*) FROM users WHERE email IS NULL OR meta IS NULL OR tags IS NULL)::int AS null_required,
             (SELECT count(*) FROM users WHERE manager_id IS NOT NULL AND manager_id <> id)::int AS foreign_managers`);
    expect(x).toEqual({
      orphans: 0,
      orphan_profiles: 0,
      orphan_invites: 0,
      distinct_keys: 300,
      statuses: 3,
      bad_checks: 0,
      // nullable columns without a default get some NULLs, as real data has
      null_nicknames: 30,
      null_required: 0,
      foreign_managers: 0,
    });
  });

  it('an undeclared `userId` next to a table with that primary key gets real parent keys', async () => {
    // "Session"."userId" has no foreign key, but its values exist in users.id (Prisma naming: userId → "User"/users)
    const [r] = await shadow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Session" s JOIN users u ON u.id = s."userId"`,
    );
    expect(r!.n).toBe(300);
  });

  it('snapshotSchema / diffSchemas see type, nullability, default, index and constraint changes', async () => {
    const before = await snapshotSchema(shadow);
    expect(before.get('column public.users.rating')).toMatch(/^integer NOT NULL/);
    expect(before.get('enum public.status')).toBe('active, banned, deleted');
    expect(diffSchemas(before, before)).toEqual([]);
    const r = await runTraced(shadow, {
      path: 'm.sql',
      sql: `ALTER TABLE users ALTER COLUMN rating TYPE bigint;
            ALTER TABLE users ALTER COLUMN nickname SET DEFAULT 'anon';
            CREATE INDEX users_born ON users (born);
            ALTER TABLE profiles ADD CONSTRAINT bio_len CHECK (length(bio) < 1000) NOT VALID;
            ALTER TYPE status ADD VALUE 'archived';`,
    });
    expect(r.error).toBeNull();
    const after = await snapshotSchema(shadow);
    const diff = (a: Map<string, string>, b: Map<string, string>) =>
      diffSchemas(a, b)
        .map((d) => d.text)
        .sort();
    expect(diff(before, after)).toEqual(
      [
        "column public.users.nickname: original text; plan text DEFAULT 'anon'::text",
        `column public.users.rating: original ${before.get('column public.users.rating')}; plan ${after.get('column public.users.rating')}`,
        'constraint public.profiles.bio_len: only after the plan (CHECK ((length(bio) < 1000)) NOT VALID (NOT VALIDATED))',
        'enum public.status: original active, banned, deleted; plan active, banned, deleted, archived',
        'index public.users_born: only after the plan (CREATE INDEX users_born ON public.users USING btree (born))',
      ].sort(),
    );
    expect(after.get('column public.users.rating')).toMatch(/^bigint NOT NULL/);
    await runTraced(shadow, { path: 'v.sql', sql: 'ALTER TABLE profiles VALIDATE CONSTRAINT bio_len;' });
    const validated = await snapshotSchema(shadow);
    expect(diff(after, validated)).toEqual([
      'constraint public.profiles.bio_len: original CHECK ((length(bio) < 1000)) NOT VALID (NOT VALIDATED); plan CHECK ((length(bio) < 1000))',
    ]);
  });

  it('snapshotData keys rows by primary key, independently of row order', async () => {
    const a = await snapshotData(shadow);
    expect(a.get('public.users')!.size).toBe(300);
    expect(compareData(a, await snapshotData(shadow), new Set())).toEqual([]);
    // rewriting every row with the same values changes the physical order, not the contents
    await shadow.exec('UPDATE orgs SET slug = slug');
    expect(compareData(a, await snapshotData(shadow), new Set())).toEqual([]);
    await shadow.exec(`UPDATE users SET nickname = 'x' WHERE id = (SELECT min(id) FROM users)`);
    const diffs = compareData(a, await snapshotData(shadow), new Set());
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatch(/^data public\.users\.nickname for key \[\d+\]: original .*, plan "x"$/);
    // a column left out (volatile in the original) is not compared
    expect(compareData(a, await snapshotData(shadow), new Set(['public.users.nickname']))).toEqual([]);
  });
});
