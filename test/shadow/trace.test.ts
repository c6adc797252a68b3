/**
 * The classic cases: the lock modes and rewrites the shadow reports must be the
 * ones PostgreSQL's documentation gives and a real server shows. Same suite on
 * PGlite and on the server at ZERODOWN_TEST_PG_URL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runTraced, seed, type Shadow, type TraceResult, type TracedStatement } from './kernel.js';
import { eachEngine } from './engines.js';

const modesOn = (s: TracedStatement, relation: string) =>
  s.locks.filter((l) => l.relation === relation).map((l) => l.mode);

eachEngine('traced statements', (engine) => {
  let shadow: Shadow;
  let n = 0;
  /** a fresh `users`-like table (and optionally a child) with seeded rows, unique per test */
  async function fixture(rows = 200): Promise<{ t: string; c: string; schema: string }> {
    const schema = `case${++n}`;
    const t = `${schema}.users`;
    const c = `${schema}.posts`;
    const r = await runTraced(shadow, {
      path: 'history.sql',
      sql: `CREATE SCHEMA ${schema};
            CREATE TABLE ${t} (id bigserial PRIMARY KEY, email text, name varchar(200) NOT NULL, n int NOT NULL);
            CREATE TABLE ${c} (id serial PRIMARY KEY, user_id bigint NOT NULL, title text NOT NULL);`,
    });
    expect(r.error).toBeNull();
    const s = await seed(shadow, { rows, tables: [t, c] });
    expect(s.failures).toEqual([]);
    return { t, c, schema };
  }
  const run = (sql: string, transaction: 'none' | 'wrapped' = 'none'): Promise<TraceResult> =>
    runTraced(shadow, { path: 'db/migrations/0002_change.sql', sql, transaction });

  beforeAll(async () => {
    shadow = await engine.open();
  });
  afterAll(async () => {
    await shadow?.close();
  });

  it('ADD COLUMN with a volatile default rewrites the table under AccessExclusiveLock', async () => {
    const { t } = await fixture();
    const r = await run(`ALTER TABLE ${t} ADD COLUMN score float8 DEFAULT random()`);
    const s = r.statements[0]!;
    expect(s.error).toBeNull();
    expect(s.rewrites).toEqual([t]);
    expect(modesOn(s, t)).toContain('AccessExclusiveLock');
    const l = s.locks.find((x) => x.relation === t && x.mode === 'AccessExclusiveLock')!;
    expect(l).toMatchObject({ blocksReads: true, blocksWrites: true, source: 'pg_locks', kind: 'table' });
  });

  it('inside one transaction, a rewrite is reported by the statement that did it, not by the ones after it', async () => {
    const { t } = await fixture();
    const r = await run(
      `BEGIN;\nALTER TABLE ${t} ADD COLUMN code text DEFAULT md5(random()::text);\nUPDATE ${t} SET code = upper(code);\nCREATE INDEX ON ${t} (code);\nCOMMIT;`,
    );
    expect(r.error).toBeNull();
    const byLine = new Map(r.statements.map((s) => [s.line, s]));
    expect(byLine.get(2)!.rewrites).toEqual([t]);
    expect(byLine.get(3)!.rewrites).toEqual([]);
    expect(byLine.get(4)!.rewrites).toEqual([]);
  });

  it('a rewrite rolled back is neither reported again nor by the ROLLBACK that undid it', async () => {
    // each statement's relations before it are those the one before left, unless that one rolled something back
    const { t } = await fixture();
    const r = await run(
      [
        'BEGIN;',
        `ALTER TABLE ${t} ALTER COLUMN n TYPE bigint;`,
        'ROLLBACK;',
        `ALTER TABLE ${t} ADD COLUMN note text;`,
        'BEGIN;',
        'SAVEPOINT s;',
        `ALTER TABLE ${t} ALTER COLUMN n TYPE bigint;`,
        'ROLLBACK TO SAVEPOINT s;',
        `ALTER TABLE ${t} ADD COLUMN tag text;`,
        'COMMIT;',
        `ALTER TABLE ${t} ALTER COLUMN n TYPE bigint;`,
        `ALTER TABLE ${t} ADD COLUMN flag boolean;`,
      ].join('\n'),
    );
    expect(r.error).toBeNull();
    const rewrote = r.statements.filter((s) => s.rewrites.length).map((s) => [s.line, s.rewrites]);
    expect(rewrote).toEqual([
      [2, [t]],
      [7, [t]],
      [11, [t]],
    ]);
  });

  it('ADD COLUMN with a constant default does not rewrite', async () => {
    const { t } = await fixture();
    const r = await run(`ALTER TABLE ${t} ADD COLUMN flag boolean NOT NULL DEFAULT false`);
    const s = r.statements[0]!;
    expect(s.error).toBeNull();
    expect(s.rewrites).toEqual([]);
    expect(modesOn(s, t)).toEqual(['AccessExclusiveLock']);
  });

  it('CREATE INDEX takes ShareLock (blocks writes, not reads)', async () => {
    const { t } = await fixture();
    const s = (await run(`CREATE INDEX users_email_idx ON ${t} (email)`)).statements[0]!;
    expect(s.error).toBeNull();
    expect(modesOn(s, t)).toEqual(['ShareLock']);
    expect(s.locks[0]).toMatchObject({ blocksReads: false, blocksWrites: true });
    // the new index itself is invisible to other sessions until commit: not reported
    expect(s.locks.some((l) => l.relation.endsWith('_email_idx'))).toBe(false);
  });

  it('CREATE INDEX CONCURRENTLY runs outside a transaction, under ShareUpdateExclusiveLock', async () => {
    const { t, schema } = await fixture();
    const s = (await run(`CREATE INDEX CONCURRENTLY users_name_idx ON ${t} (name)`)).statements[0]!;
    expect(s.error).toBeNull();
    expect(s.transaction).toBe('alone');
    expect(modesOn(s, t)).toContain('ShareUpdateExclusiveLock');
    expect(modesOn(s, t)).not.toContain('ShareLock');
    expect(s.locks.find((l) => l.mode === 'ShareUpdateExclusiveLock')).toMatchObject({
      blocksReads: false,
      blocksWrites: false,
    });
    const [idx] = await shadow.query<{ valid: boolean }>(
      `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = '${schema}.users_name_idx'::regclass`,
    );
    expect(idx!.valid).toBe(true);
  });

  it('CREATE INDEX CONCURRENTLY inside BEGIN fails with 25001 at its line', async () => {
    const { t } = await fixture(10);
    const r = await run(`BEGIN;\nCREATE INDEX CONCURRENTLY users_x ON ${t} (n);\nCOMMIT;`);
    expect(r.error).toMatchObject({ code: '25001', line: 2, path: 'db/migrations/0002_change.sql' });
    expect(r.statements[2]!.skipped).toBe(true);
  });

  it('ADD FOREIGN KEY takes ShareRowExclusiveLock on both tables; VALIDATE takes ShareUpdateExclusiveLock', async () => {
    const { t, c } = await fixture();
    const r = await run(
      `ALTER TABLE ${c} ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES ${t} (id) NOT VALID;\n` +
        `ALTER TABLE ${c} VALIDATE CONSTRAINT posts_user_fk;`,
    );
    const [add, validate] = r.statements;
    expect(add!.error).toBeNull();
    expect(modesOn(add!, c)).toContain('ShareRowExclusiveLock');
    expect(modesOn(add!, t)).toContain('ShareRowExclusiveLock');
    // seeded child rows point at seeded parent rows: validation succeeds on real data
    expect(validate!.error).toBeNull();
    expect(modesOn(validate!, c)).toContain('ShareUpdateExclusiveLock');
    expect(modesOn(validate!, c)).not.toContain('AccessExclusiveLock');
    expect(modesOn(validate!, t)).toContain('RowShareLock');
  });

  it('ALTER COLUMN TYPE int to bigint rewrites; varchar widening and varchar to text do not', async () => {
    const { t, schema } = await fixture();
    const r = await run(
      `ALTER TABLE ${t} ALTER COLUMN n TYPE bigint;\nALTER TABLE ${t} ALTER COLUMN name TYPE varchar(500);\nALTER TABLE ${t} ALTER COLUMN name TYPE text;`,
    );
    const [big, widen, text] = r.statements;
    expect(big!.rewrites).toEqual([t]);
    expect(big!.rebuiltIndexes).toEqual([`${schema}.users_pkey`]);
    expect(modesOn(big!, t)).toContain('AccessExclusiveLock');
    expect(widen!.error).toBeNull();
    expect(widen!.rewrites).toEqual([]);
    expect(modesOn(widen!, t)).toContain('AccessExclusiveLock');
    expect(text!.rewrites).toEqual([]);
  });

  it('a missing column is reported with SQLSTATE 42703 at the file and line of the error', async () => {
    const { t } = await fixture(10);
    const r = await run(
      `-- add a column\nALTER TABLE ${t} ADD COLUMN a int;\nUPDATE ${t}\n   SET a = 1\n WHERE nope = 2;\nSELECT 1;`,
    );
    expect(r.error).toMatchObject({ code: '42703', path: 'db/migrations/0002_change.sql', line: 5 });
    expect(r.error!.message).toContain('nope');
    // the statement before it ran (autocommit); the one after did not (tools stop at the first error)
    expect(r.statements[0]!.error).toBeNull();
    expect(r.statements[2]).toMatchObject({ skipped: true, line: 6 });
  });

  it('SET NOT NULL fails on the NULLs seeding put in a nullable column (23502, right line)', async () => {
    const { t } = await fixture();
    const [{ nulls }] = await shadow.query<{ nulls: number }>(
      `SELECT count(*)::int AS nulls FROM ${t} WHERE email IS NULL`,
    );
    expect(Number(nulls)).toBeGreaterThan(0);
    const r = await run(`ALTER TABLE ${t} ADD COLUMN b int;\n\nALTER TABLE ${t} ALTER COLUMN email SET NOT NULL;`);
    expect(r.error).toMatchObject({ code: '23502', line: 3, column: 1 });
    expect(r.error!.message).toContain('email');
  });

  it('reports an AccessExclusiveLock held across an explicit transaction', async () => {
    const { t } = await fixture();
    const r = await run(
      `SET lock_timeout = '5s';\nBEGIN;\nALTER TABLE ${t} ADD COLUMN c int;\nUPDATE ${t} SET c = n;\nSELECT count(*) FROM ${t};\nCOMMIT;`,
    );
    expect(r.error).toBeNull();
    expect(r.statements.slice(2, 5).every((s) => s.transaction === 'explicit')).toBe(true);
    expect(r.heldLocks).toHaveLength(1);
    expect(r.heldLocks[0]).toMatchObject({
      relation: t,
      mode: 'AccessExclusiveLock',
      blocksReads: true,
      line: 3,
      until: 'COMMIT',
      untilLine: 6,
      statements: 3,
    });
    expect(r.heldLocks[0]!.heldMs).toBeGreaterThan(0);
  });

  it('a rewrite held across a transaction is one entry for the table, its rebuilt indexes listed with it', async () => {
    const { t, schema } = await fixture(50);
    await run(`CREATE INDEX users_name ON ${t} (name);`);
    const r = await run(
      `ALTER TABLE ${t} ADD COLUMN s float8 DEFAULT random();\nUPDATE ${t} SET n = n + 1;`,
      'wrapped',
    );
    expect(r.statements[0]!.rebuiltIndexes.sort()).toEqual([`${schema}.users_name`, `${schema}.users_pkey`]);
    // the indexes are locked AccessExclusive too, but the table's entry already says who waits
    expect(r.heldLocks).toHaveLength(1);
    expect(r.heldLocks[0]).toMatchObject({ relation: t, mode: 'AccessExclusiveLock', statements: 2 });
    expect(r.heldLocks[0]!.alsoLocked).toEqual([
      { relation: `${schema}.users_name`, kind: 'index' },
      { relation: `${schema}.users_pkey`, kind: 'index' },
    ]);
  });

  it('a lock the transaction already holds is reported as held since its line, not as no lock', async () => {
    const { t } = await fixture(50);
    const r = await run(
      `ALTER TABLE ${t} ADD COLUMN k text DEFAULT md5(random()::text);\nCREATE INDEX ON ${t} (k);`,
      'wrapped',
    );
    expect(r.error).toBeNull();
    // CREATE INDEX needs ShareLock on the table; AccessExclusiveLock from line 1 covers it, so pg_locks has no new row
    expect(r.statements[1]!.locks).toContainEqual(
      expect.objectContaining({ relation: t, mode: 'ShareLock', source: 'held', heldSince: 1, blocksWrites: true }),
    );
    // out of a transaction, the same statement's lock is read from pg_locks
    const alone = await run(`CREATE INDEX ON ${t} (n);`);
    expect(alone.statements[0]!.locks).toContainEqual(
      expect.objectContaining({ relation: t, mode: 'ShareLock', source: 'pg_locks' }),
    );
  });

  it('an index locked harder than its table (REINDEX INDEX) keeps its own held-lock entry', async () => {
    const { t, schema } = await fixture(50);
    await run(`CREATE INDEX users_email ON ${t} (email);`);
    const r = await run(`REINDEX INDEX ${schema}.users_email;\nUPDATE ${t} SET n = n + 1;`, 'wrapped');
    const held = new Map(r.heldLocks.map((h) => [h.relation, h.mode]));
    expect(held.get(`${schema}.users_email`)).toBe('AccessExclusiveLock');
    expect(r.heldLocks.find((h) => h.relation === `${schema}.users_email`)!.alsoLocked).toBeUndefined();
  });

  it('a file the tool wraps in one transaction: locks are held to the end, and an error undoes the whole file', async () => {
    const { t, schema } = await fixture(50);
    const ok = await run(`ALTER TABLE ${t} ADD COLUMN d int;\nUPDATE ${t} SET d = 1;`, 'wrapped');
    expect(ok.statements.map((s) => s.transaction)).toEqual(['file', 'file']);
    expect(ok.heldLocks[0]).toMatchObject({
      relation: t,
      mode: 'AccessExclusiveLock',
      until: 'end of file',
      statements: 2,
    });
    const bad = await run(`ALTER TABLE ${t} ADD COLUMN e int;\nALTER TABLE ${t} ADD COLUMN e int;`, 'wrapped');
    expect(bad.error).toMatchObject({ code: '42701', line: 2 });
    const cols = await shadow.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = '${schema}' AND table_name = 'users' AND column_name = 'e'`,
    );
    expect(cols).toHaveLength(0);
    // the same file in autocommit mode keeps its first statement
    const auto = await run(`ALTER TABLE ${t} ADD COLUMN e int;\nALTER TABLE ${t} ADD COLUMN e int;`, 'none');
    expect(auto.error).toMatchObject({ code: '42701', line: 2 });
    expect(
      await shadow.query(
        `SELECT 1 FROM information_schema.columns WHERE table_schema = '${schema}' AND table_name = 'users' AND column_name = 'e'`,
      ),
    ).toHaveLength(1);
    // and CREATE INDEX CONCURRENTLY cannot run inside the tool's transaction
    const cic = await run(`CREATE INDEX CONCURRENTLY users_e ON ${t} (e);`, 'wrapped');
    expect(cic.error).toMatchObject({ code: '25001', line: 1 });
  });

  it('a file run partly in a transaction (goose NO TRANSACTION block, dbmate sections): each region as the tool runs it', async () => {
    const { t, schema } = await fixture(20);
    const source = `ALTER TABLE ${t} ADD COLUMN f int;\nUPDATE ${t} SET f = 1;\nCREATE INDEX CONCURRENTLY users_f ON ${t} (f);\n`;
    const second = source.indexOf('CREATE INDEX');
    const r = await runTraced(shadow, {
      path: 'db/migrations/00003_goose.sql',
      absPath: '/x/00003_goose.sql',
      source,
      dialect: 'postgres',
      framework: 'goose',
      transaction: 'wrapped',
      segments: [
        { start: 0, end: second, transaction: 'wrapped' },
        { start: second, end: source.length, transaction: 'none' },
      ],
      review: true,
    });
    expect(r.error).toBeNull();
    expect(r.statements.map((s) => s.transaction)).toEqual(['file', 'file', 'alone']);
    expect(r.heldLocks[0]).toMatchObject({ relation: t, until: 'end of file', untilLine: 2, statements: 2 });
    const [idx] = await shadow.query<{ valid: boolean }>(
      `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = '${schema}.users_f'::regclass`,
    );
    expect(idx!.valid).toBe(true);
  });

  it('a syntax error is reported at its line without running anything', async () => {
    const r = await run(`SELECT 1;\nALTER TABLE x ADD COLUMN;\n`);
    expect(r.error).toMatchObject({ code: '42601', line: 2 });
    expect(r.statements).toHaveLength(1);
  });
});
