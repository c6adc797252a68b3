import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, parseSql } from '../../../src/dialects/postgres/parse.js';
import { Catalog } from '../../../src/dialects/postgres/catalog.js';
import { typeToSql } from '../../../src/dialects/postgres/typenames.js';

function replay(sql: string, origin = 'm1', catalog = new Catalog()): Catalog {
  for (const s of parseSql(sql)) catalog.apply(s, origin);
  return catalog;
}

beforeAll(async () => {
  await loadParser();
});

describe('Catalog replay', () => {
  it('records tables, column types, nullability, defaults and inline constraints', () => {
    const c = replay(`
      CREATE TABLE "User" (
        id bigserial PRIMARY KEY,
        email varchar(200) NOT NULL UNIQUE,
        price numeric(10, 2) DEFAULT 0,
        tags text[],
        created_at timestamp with time zone DEFAULT now(),
        org_id int REFERENCES orgs (id)
      );`);
    const t = c.table('public.User')!;
    expect(t).toBeDefined();
    expect(t.createdIn).toBe('m1');
    const col = (n: string) => t.columns.get(n)!;
    expect(typeToSql(col('id').type)).toBe('bigserial');
    expect(col('id').notNull).toBe(true);
    expect(col('email').type).toMatchObject({ name: 'varchar', mods: [200] });
    expect(col('email').notNull).toBe(true);
    expect(col('price').type).toMatchObject({ name: 'numeric', mods: [10, 2] });
    expect(col('price').default).toBeDefined();
    expect(col('tags').type).toMatchObject({ name: 'text', arrayDims: 1 });
    expect(col('created_at').type.name).toBe('timestamptz');
    expect(col('org_id').type.name).toBe('int4');
    expect([...t.constraints.values()].map((k) => [k.type, k.columns])).toEqual(
      expect.arrayContaining([
        ['primary', ['id']],
        ['unique', ['email']],
        ['foreign', ['org_id']],
      ]),
    );
    expect(
      c
        .indexesOf('public.User')
        .map((i) => i.name)
        .sort(),
    ).toEqual(['User_email_key', 'User_pkey']);
  });

  it('follows ALTER TABLE: add/drop column, type, not null, default, constraints and validation', () => {
    const c = replay(`CREATE TABLE t (id int PRIMARY KEY, a text);`, 'm1');
    replay(
      `ALTER TABLE t ADD COLUMN b int NOT NULL DEFAULT 0, ALTER COLUMN a TYPE varchar(10), ALTER COLUMN a SET NOT NULL;
       ALTER TABLE t ALTER COLUMN b DROP DEFAULT;
       ALTER TABLE t ADD CONSTRAINT b_pos CHECK (b > 0) NOT VALID;
       ALTER TABLE t DROP COLUMN id;`,
      'm2',
      c,
    );
    const t = c.table('public.t')!;
    expect(t.columns.get('b')).toMatchObject({ notNull: true, addedIn: 'm2' });
    expect(t.columns.get('b')!.default).toBeUndefined();
    expect(t.columns.get('a')).toMatchObject({ notNull: true, type: { name: 'varchar', mods: [10] } });
    expect(t.columns.has('id')).toBe(false);
    expect(t.constraints.get('t_pkey')).toBeUndefined();
    expect(t.constraints.get('b_pos')).toMatchObject({ type: 'check', validated: false, createdIn: 'm2' });
    replay('ALTER TABLE t VALIDATE CONSTRAINT b_pos;', 'm3', c);
    expect(t.constraints.get('b_pos')!.validated).toBe(true);
  });

  it('follows renames of tables, columns and indexes, and drops', () => {
    const c = replay(`CREATE TABLE a (x int); CREATE INDEX a_x ON a (x); CREATE TABLE gone (y int);`);
    replay(
      `ALTER TABLE a RENAME COLUMN x TO z; ALTER TABLE a RENAME TO b; ALTER INDEX a_x RENAME TO b_z; DROP TABLE gone;`,
      'm2',
      c,
    );
    expect(c.table('public.a')).toBeUndefined();
    expect(c.table('public.gone')).toBeUndefined();
    const b = c.table('public.b')!;
    expect([...b.columns.keys()]).toEqual(['z']);
    expect(c.indexes.get('public.b_z')).toMatchObject({ table: 'public.b', columns: ['z'] });
  });

  it('keeps schemas apart and knows enums and their order', () => {
    const c = replay(`CREATE TABLE app.t (id int); CREATE TABLE t (id bigint);
      CREATE TYPE mood AS ENUM ('sad', 'happy'); ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';`);
    expect(c.table('app.t')!.columns.get('id')!.type.name).toBe('int4');
    expect(c.table('public.t')!.columns.get('id')!.type.name).toBe('int8');
    expect(c.enums.get('public.mood')!.values).toEqual(['sad', 'ok', 'happy']);
    replay('DROP TYPE mood;', 'm2', c);
    expect(c.enums.has('public.mood')).toBe(false);
  });

  it('ignores statements it does not model without throwing', () => {
    const c = replay(`CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;
      GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader; ALTER TABLE missing ADD COLUMN c int;`);
    expect(c.tables.size).toBe(0);
  });
});
