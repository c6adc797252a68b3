/**
 * History replay: each file the way its tool runs it, failures recorded per file
 * (file, line, SQLSTATE) without aborting, extensions loaded, and no cascade
 * from an extension the engine cannot provide.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Migration, TransactionMode } from '../../src/model.js';
import { extensionsIn, openShadow, replayHistory, type Shadow } from './kernel.js';
import { eachEngine } from './engines.js';

function mig(path: string, source: string, transaction: TransactionMode = 'none'): Migration {
  return { path, absPath: `/x/${path}`, source, dialect: 'postgres', framework: 'plain', transaction, review: false };
}

eachEngine('history replay', (engine) => {
  let shadow: Shadow | undefined;
  afterEach(async () => {
    await shadow?.close();
    shadow = undefined;
  });

  it('records a failing file with its line and SQLSTATE and goes on with the next files', async () => {
    shadow = await engine.open();
    const progress: string[] = [];
    const r = await replayHistory(
      shadow,
      [
        mig('001_users.sql', 'CREATE TABLE users (id serial PRIMARY KEY, name text);\n'),
        mig(
          '002_bad.sql',
          '-- comment\nALTER TABLE users ADD COLUMN age int;\n\nALTER TABLE userz ADD COLUMN x int;\nALTER TABLE users ADD COLUMN after_error int;\n',
        ),
        mig('003_more.sql', 'CREATE INDEX users_name ON users (name);\nALTER TABLE users ADD COLUMN email text;\n'),
      ],
      (done, total, path) => progress.push(`${done}/${total} ${path}`),
    );
    expect(r.files).toBe(3);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({
      path: '002_bad.sql',
      line: 4,
      code: '42P01',
      statement: 'ALTER TABLE userz ADD COLUMN x int',
    });
    expect(progress).toEqual(['1/3 001_users.sql', '2/3 002_bad.sql', '3/3 003_more.sql']);
    // autocommit file: the statement before the error stays, the one after never ran; the next file ran
    const cols = (
      await shadow.query<{ c: string }>(
        `SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position`,
      )
    ).map((x) => x.c);
    expect(cols).toEqual(['id', 'name', 'age', 'email']);
  });

  it("a deferred check fails in its own file, as that file's COMMIT would, though a later file would satisfy it", async () => {
    shadow = await engine.open();
    const r = await replayHistory(shadow, [
      mig(
        '001_tables.sql',
        `CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);`,
        'wrapped',
      ),
      mig('002_orphan.sql', 'INSERT INTO child VALUES (1, 7);\n', 'wrapped'),
      mig('003_parent.sql', 'INSERT INTO parent VALUES (7);\n', 'wrapped'),
      mig('004_more.sql', 'INSERT INTO parent VALUES (8);\nINSERT INTO child VALUES (2, 8);\n', 'wrapped'),
    ]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ path: '002_orphan.sql', code: '23503' });
    const rows = await shadow.query<{ n: number }>('SELECT count(*)::int AS n FROM child');
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('a file the tool wraps in a transaction leaves nothing behind when it fails', async () => {
    shadow = await engine.open();
    const r = await replayHistory(shadow, [
      mig('001.sql', 'CREATE TABLE a (id int);\n'),
      mig('002.sql', 'ALTER TABLE a ADD COLUMN b int;\nALTER TABLE a ADD COLUMN b int;\n', 'wrapped'),
    ]);
    expect(r.failures).toMatchObject([{ path: '002.sql', line: 2, code: '42701' }]);
    expect(
      await shadow.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'a' AND column_name = 'b'`),
    ).toHaveLength(0);
  });

  it('runs statements that cannot share a transaction the way the tool does (new enum value, CONCURRENTLY, DO … COMMIT)', async () => {
    shadow = await engine.open();
    const r = await replayHistory(shadow, [
      mig('001.sql', "CREATE TYPE mood AS ENUM ('sad');\nCREATE TABLE p (id int PRIMARY KEY, m mood);\n"),
      // the new value is used right after being added: fine in autocommit mode, an error in one transaction
      mig(
        '002.sql',
        "ALTER TYPE mood ADD VALUE 'happy';\nINSERT INTO p VALUES (1, 'happy');\nCREATE INDEX CONCURRENTLY p_m ON p (m);\n",
      ),
      mig(
        '003.sql',
        'CREATE TABLE q (i int);\nDO $$ BEGIN INSERT INTO q VALUES (1); COMMIT; INSERT INTO q VALUES (2); END $$;\n',
      ),
    ]);
    expect(r.failures).toEqual([]);
    expect(await shadow.query(`SELECT m::text FROM p`)).toEqual([{ m: 'happy' }]);
    expect((await shadow.query<{ n: number }>(`SELECT count(*)::int AS n FROM q`))[0]!.n).toBe(2);
  });

  it('loads the extensions the migrations create (pgcrypto, pg_trgm, ltree, citext, uuid-ossp, hstore, btree_gin)', async () => {
    const history = [
      mig(
        '001_ext.sql',
        'CREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE EXTENSION IF NOT EXISTS ltree;\n' +
          'CREATE EXTENSION IF NOT EXISTS citext;\nCREATE EXTENSION IF NOT EXISTS "uuid-ossp";\nCREATE EXTENSION IF NOT EXISTS hstore;\nCREATE EXTENSION IF NOT EXISTS btree_gin;\n',
      ),
      mig(
        '002_use.sql',
        'CREATE TABLE t (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), u uuid DEFAULT uuid_generate_v4(), path ltree, email citext, attrs hstore, name text);\n' +
          "CREATE INDEX t_name_trgm ON t USING gin (name gin_trgm_ops);\nCREATE INDEX t_path ON t USING gist (path);\nINSERT INTO t (path, email, attrs, name) VALUES ('a.b', 'X@Y', 'k=>v', 'hello');\n",
      ),
    ];
    const wanted = extensionsIn(history.map((m) => m.source));
    expect(wanted).toEqual(['btree_gin', 'citext', 'hstore', 'ltree', 'pg_trgm', 'pgcrypto', 'uuid-ossp']);
    shadow = await engine.open(wanted);
    const r = await replayHistory(shadow, history);
    expect(r.failures).toEqual([]);
    expect(r.limits).toEqual([]);
    const [row] = await shadow.query<{ ok: boolean }>(`SELECT email = 'x@y' AND path <@ 'a' AS ok FROM t`);
    expect(row!.ok).toBe(true);
  });

  it('an extension the engine cannot provide is one engine limit, and what follows from it is labelled, not a cascade', async () => {
    // `vector` is bundled neither with PGlite nor installed on the test server
    const history = [
      mig('001.sql', 'CREATE EXTENSION IF NOT EXISTS vector;\n'),
      mig('002.sql', 'CREATE TABLE docs (id int PRIMARY KEY, embedding vector(3));\n'),
      mig('003.sql', 'CREATE TABLE other (id int PRIMARY KEY);\n'),
    ];
    shadow = await engine.open(extensionsIn(history.map((m) => m.source)));
    const r = await replayHistory(shadow, history);
    expect(r.limits.map((l) => [l.id, l.subject])).toEqual([['extension-unavailable', 'vector']]);
    expect(r.failures.map((f) => f.path)).toEqual(['001.sql', '002.sql']);
    expect(r.failures[0]!.limit).toContain('vector');
    expect(r.failures[1]).toMatchObject({ code: '42704', consequenceOf: 'extension "vector" unavailable' });
  });

  it('an extension named only in a comment is no engine limit', async () => {
    const history = [
      mig('001.sql', '-- we used to CREATE EXTENSION postgis here\nCREATE TABLE places (id int PRIMARY KEY);\n'),
    ];
    shadow = await engine.open(extensionsIn(history.map((m) => m.source)));
    const r = await replayHistory(shadow, history);
    expect(r.failures).toEqual([]);
    expect(r.limits).toEqual([]);
  });
});

describe('history replay [pglite]: the write-ahead log', () => {
  it('PGlite has no checkpointer: a long history is checkpointed as it goes, so its WAL does not pile up in memory', async () => {
    // 60 files of DDL, 1,500 statements: PostgreSQL logs each new table's and index's catalog rows
    const history = Array.from({ length: 60 }, (_, f) =>
      mig(
        `${String(f).padStart(3, '0')}.sql`,
        Array.from({ length: 12 }, (_, i) => {
          const t = `t_${f}_${i}`;
          return `CREATE TABLE ${t} (id bigint PRIMARY KEY, a text NOT NULL DEFAULT '', b int, c timestamptz DEFAULT now());\nCREATE INDEX ${t}_a ON ${t} (a, b);\n`;
        }).join('') + `COMMENT ON TABLE t_${f}_0 IS 'file ${f}';\n`,
      ),
    );
    const shadow = await openShadow({});
    try {
      const wal = async () =>
        (await shadow.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_ls_waldir()'))[0]!.n;
      const lsn = async () =>
        (
          await shadow.query<{ mb: number }>(
            "SELECT ((pg_current_wal_insert_lsn() - '0/0'::pg_lsn) / 1048576)::float8 AS mb",
          )
        )[0]!.mb;
      const start = await lsn();
      const r = await replayHistory(shadow, history);
      expect(r.failures).toEqual([]);
      const [tables] = await shadow.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_class WHERE relkind = 'r' AND relname LIKE 't\\_%'`,
      );
      expect(tables!.n).toBe(720);
      // the log the replay wrote, in 1 MB segments: without checkpoints all of it stays (over 20 segments); with them,
      // what the last checkpoint kept plus the segments since (14 measured on 2026-12-07). The engine boots with one
      // segment (the shipped data directory keeps none ahead of its checkpoint's: pglite-engine.ts
      // `checkpointAndTrimWal`); this bound was `before + 10` when it booted with five
      expect((await lsn()) - start).toBeGreaterThan(20);
      expect(await wal()).toBeLessThanOrEqual(15);
    } finally {
      await shadow.close();
    }
  }, 120_000);
});
