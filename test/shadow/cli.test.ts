/**
 * `zerodown dry-run` and `zerodown lint --dry-run` as a user runs them, through
 * the CLI's `main(argv)` in this process (same code path as the binary).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, writeProject } from '../cli-harness.js';
import { PG_URL } from './engines.js';

const HISTORY = `CREATE TABLE users (id bigserial PRIMARY KEY, email text, name varchar(200) NOT NULL);
CREATE TABLE posts (id serial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), title text NOT NULL);
`;
const CHANGE = `ALTER TABLE users ADD COLUMN score float8 DEFAULT random();
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
BEGIN;
ALTER TABLE posts ADD COLUMN body text;
UPDATE posts SET body = title;
COMMIT;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
`;

let tmp: string;
const project = (files: Record<string, string>): string => writeProject(tmp, files);

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-dryrun-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('zerodown dry-run', () => {
  it('--format json follows the version 1 contract, with real lock modes, rewrites and the error at its line', async () => {
    const d = project({ 'migrations/001_init.sql': HISTORY, 'migrations/002_change.sql': CHANGE });
    const r = await run(d, 'dry-run', 'migrations/002_change.sql', '--format', 'json', '--seed-rows', '100');
    expect(r.code).toBe(1); // a file under review fails on the shadow
    const j = JSON.parse(r.stdout);
    expect(j.version).toBe(1);
    expect(j.engine).toMatch(/^pglite 1\d\.\d+$/);
    expect(j.boot).toBe('datadir');
    expect(j.statements).toHaveLength(7);
    const [add, cic, , alter, , , notNull] = j.statements;
    expect(Object.keys(add).slice(0, 7)).toEqual(['path', 'line', 'sql', 'durationMs', 'locks', 'rewrites', 'error']);
    expect(add).toMatchObject({ path: 'migrations/002_change.sql', line: 1, rewrites: ['users'], error: null });
    expect(add.locks).toContainEqual({
      relation: 'users',
      mode: 'AccessExclusiveLock',
      blocksReads: true,
      blocksWrites: true,
      source: 'pg_locks',
      kind: 'table',
    });
    expect(cic.locks).toContainEqual(
      expect.objectContaining({
        relation: 'users',
        mode: 'ShareUpdateExclusiveLock',
        blocksReads: false,
        blocksWrites: false,
      }),
    );
    expect(alter).toMatchObject({ line: 4, transaction: 'explicit', rewrites: [] });
    expect(notNull.error).toMatchObject({ code: '23502', line: 7 });
    expect(j.heldLocks).toEqual([
      expect.objectContaining({
        relation: 'posts',
        mode: 'AccessExclusiveLock',
        line: 4,
        untilLine: 6,
        until: 'COMMIT',
        statements: 2,
        rows: 100,
      }),
    ]);
    expect(j.history).toMatchObject({ source: 'migrations', files: 1, failures: [] });
    expect(j.seed).toMatchObject({ tables: 2, rowsPerTable: 100, rows: 200, failures: [] });
  });

  it('a data migration of more than 10,000 statements seeds every table instead of reading each statement for its reach', async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `INSERT INTO events (id) VALUES (${i + 1});`).join('\n');
    const d = project({
      'migrations/001_init.sql':
        'CREATE TABLE events (id bigint PRIMARY KEY);\nCREATE TABLE other (id bigint PRIMARY KEY);\n',
      'migrations/002_events.sql': `${rows}\n`,
      'migrations/003_small.sql': 'INSERT INTO events (id) VALUES (-1);\n',
    });
    const big = await run(d, 'dry-run', 'migrations/002_events.sql', '--seed-rows', '5', '--format', 'json');
    expect(big.code).toBe(0);
    // every table, and no "of": the scope was not read
    expect(JSON.parse(big.stdout).seed).toMatchObject({ tables: 2, failures: [] });
    expect(JSON.parse(big.stdout).seed.of).toBeUndefined();
    // the same tables in a small review: only the one it touches
    const small = await run(d, 'dry-run', 'migrations/003_small.sql', '--seed-rows', '5', '--format', 'json');
    expect(JSON.parse(small.stdout).seed).toMatchObject({ tables: 1, of: 2 });
  });

  it('--format text: a per-statement table, the held lock in words, the error with its SQLSTATE and position', async () => {
    const d = project({ 'migrations/001_init.sql': HISTORY, 'migrations/002_change.sql': CHANGE });
    const r = await run(d, 'dry-run', 'migrations/002_change.sql', '--seed-rows', '50', '--no-color');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /zerodown dry run on pglite 18\.\d+ · history: 1 earlier file replayed · seeded 2 of 2 tables with up to 50 rows each: the ones the migration touches and their foreign-key neighbours/,
    );
    expect(r.stdout).toMatch(
      /\n {2}1 +ALTER TABLE users ADD COLUMN score float8 DEF… +[\d.]+ m?s +AccessExclusiveLock users +reads and writes +users \(\+1 index\)\n/,
    );
    expect(r.stdout).toContain('ShareUpdateExclusiveLock users (documented)');
    expect(r.stdout).toContain(
      'AccessExclusiveLock on `posts` taken at line 4 and held until COMMIT at line 6, across 2 statements',
    );
    expect(r.stdout).toContain('with 50 rows: reads and writes on it wait all that time.');
    expect(r.stdout).toContain(
      '✖ 23502 column "email" of relation "users" contains null values (migrations/002_change.sql:7:1)',
    );
    expect(r.stdout).toMatch(/✖ 1 of 1 migration file failed on the shadow · 7 statements/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('--format markdown: the PR comment', async () => {
    const d = project({
      'migrations/001_init.sql': HISTORY,
      'migrations/002_ok.sql': 'CREATE INDEX users_email ON users (email);\n',
    });
    const r = await run(d, 'dry-run', 'migrations/002_ok.sql', '--format', 'markdown', '--seed-rows', '10');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('### ⚠️ zerodown dry run');
    expect(r.stdout).toContain('| line | statement | locks | blocks | rewrite | time | error |');
    expect(r.stdout).toMatch(
      /\| 1 \| `CREATE INDEX users_email ON users \(email\)` \| ShareLock on `users` \| \*\*writes\*\* \|/,
    );
  });

  it('--format markdown escapes what comes from the migration: mentions, HTML and backticks cannot escape their cells', async () => {
    const d = project({
      'migrations/001_init.sql': HISTORY,
      'migrations/002_evil.sql': 'ALTER TABLE users ADD COLUMN "x`<img src=x>" text;\nSELECT 1 FROM "@admin<b>x";\n',
    });
    const r = await run(d, 'dry-run', 'migrations/002_evil.sql', '--format', 'markdown', '--seed-rows', '5');
    expect(r.code).toBe(1);
    // the statement sits in a code span whose fence is longer than the backtick inside it
    expect(r.stdout).toContain('``ALTER TABLE users ADD COLUMN "x`<img src=x>" text``');
    // outside code spans (the server's error message names the relation) nothing is live
    const prose = r.stdout.replace(/(`+)[^`]*?(?:`(?!\1)[^`]*?)*\1/g, '');
    expect(prose).toContain('relation "@\u200Dadmin&lt;b&gt;x" does not exist');
    expect(prose).not.toMatch(/<b>|<img|@admin/);
  });

  it('--schema builds the schema from a pg_dump file (meta-commands and the emptied search_path handled)', async () => {
    const dump = `--\n-- PostgreSQL database dump\n--\n\\restrict abc123\nSET statement_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\nCREATE TABLE public.accounts (\n    id integer NOT NULL,\n    balance numeric(12,2) NOT NULL\n);\nALTER TABLE public.accounts OWNER TO nobody_here;\nALTER TABLE ONLY public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);\n\\unrestrict abc123\n`;
    const d = project({
      'schema.sql': dump,
      'migrations/010_more.sql': 'ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12,4);\n',
    });
    const r = await run(
      d,
      'dry-run',
      'migrations/010_more.sql',
      '--schema',
      'schema.sql',
      '--format',
      'json',
      '--seed-rows',
      '20',
    );
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.history).toMatchObject({ source: 'schema', path: 'schema.sql' });
    // the OWNER TO a missing role fails, like psql would say, and the load goes on
    expect(j.history.failures.map((f: { code: string; line: number }) => [f.code, f.line])).toEqual([['42704', 11]]);
    // a scale change rewrites (a precision increase alone would not)
    expect(j.statements[0]).toMatchObject({ error: null, rewrites: ['accounts'] });
    expect(r.code).toBe(0);
  });

  it('usage errors exit 2 with a plain message', async () => {
    const d = project({ 'm/001.sql': 'SELECT 1;\n' });
    const bad = await run(d, 'dry-run', 'm/001.sql', '--shadow-url', 'mysql://x@localhost/db');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shadow-url must start with postgres://');
    const down = await run(d, 'dry-run', 'm/001.sql', '--shadow-url', 'postgres://nobody@127.0.0.1:1/none');
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/cannot connect to the shadow server postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  });
});

describe('zerodown lint --dry-run', () => {
  it('marks findings confirmed when the shadow saw the predicted lock or rewrite, and reports statements that fail there', async () => {
    const d = project({
      'migrations/001_init.sql': HISTORY,
      'migrations/002_change.sql': [
        'ALTER TABLE users ADD COLUMN score float8 DEFAULT random();',
        'CREATE INDEX users_name_idx ON users (name);',
        'ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
        'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
        '',
      ].join('\n'),
    });
    const r = await run(d, 'lint', 'migrations/002_change.sql', '--dry-run', '--seed-rows', '50', '--format', 'json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings as {
      rule: string;
      line: number;
      confirmed?: boolean;
      message: string;
    }[];
    const byRule = (rule: string) => findings.find((f) => f.rule === rule);
    expect(byRule('adding-field-with-default')).toMatchObject({ line: 1, confirmed: true });
    expect(byRule('require-concurrent-index-creation')).toMatchObject({ line: 2, confirmed: true });
    expect(byRule('adding-foreign-key-constraint')).toMatchObject({ line: 3, confirmed: true });
    // seeded NULLs in users.email: the shadow run fails where production would
    expect(byRule('dry-run-error')).toMatchObject({ line: 4 });
    expect(byRule('dry-run-error')!.message).toContain('23502');
    // without --dry-run nothing is marked
    const plain = await run(d, 'lint', 'migrations/002_change.sql', '--format', 'json');
    const plainFindings = JSON.parse(plain.stdout).files[0].findings as { rule: string; confirmed?: boolean }[];
    expect(plainFindings.some((f) => f.confirmed !== undefined || f.rule === 'dry-run-error')).toBe(false);
  });

  it('lint --dry-run --no-cache neither reuses nor saves the shadow state or report; without it, both are saved', async () => {
    const d = project({ 'migrations/001_init.sql': HISTORY, 'migrations/002_change.sql': CHANGE });
    const cache = path.join(tmp, 'lint-dry-run-cache');
    // the kinds of file saved (each is named by its key)
    const saved = () => (existsSync(cache) ? readdirSync(cache).map((f) => f.replace(/^[0-9a-f]+/, '')) : []).sort();
    process.env.ZERODOWN_CACHE_DIR = cache;
    try {
      const args = ['lint', 'migrations/002_change.sql', '--dry-run', '--seed-rows', '20', '--format', 'json'];
      const off = await run(d, ...args, '--no-cache');
      expect(off.code).toBe(1);
      expect(saved()).toEqual([]);
      const on = await run(d, ...args);
      expect(JSON.parse(on.stdout)).toEqual(JSON.parse(off.stdout));
      expect(saved()).toEqual(['.dryrun.json', '.json', '.state']);
    } finally {
      delete process.env.ZERODOWN_CACHE_DIR;
    }
  });
});

describe.skipIf(!PG_URL)(`zerodown dry-run --shadow-url${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`, () => {
  const shadowDatabases = async (): Promise<string[]> => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      return (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'zerodown_shadow_%'`)).rows.map(
        (r) => r.datname,
      );
    } finally {
      await c.end();
    }
  };

  it('runs on a fresh database of the server and drops it afterwards', async () => {
    const d = project({ 'migrations/001_init.sql': HISTORY, 'migrations/002_change.sql': CHANGE });
    const before = new Set(await shadowDatabases());
    const r = await run(
      d,
      'dry-run',
      'migrations/002_change.sql',
      '--format',
      'json',
      '--shadow-url',
      PG_URL!,
      '--seed-rows',
      '100',
    );
    const j = JSON.parse(r.stdout);
    expect(j.engine).toMatch(/^postgresql \d+\.\d+$/);
    expect(j.boot).toBe('database');
    expect(j.statements[0]).toMatchObject({ rewrites: ['users'] });
    expect(j.statements[6].error).toMatchObject({ code: '23502', line: 7 });
    const after = (await shadowDatabases()).filter((x) => !before.has(x));
    expect(after).toEqual([]);
  });

  it('a role without CREATEDB is told so plainly, with the fix', async () => {
    const role = `zd_nocreatedb_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN NOCREATEDB`);
      const u = new URL(PG_URL!);
      u.username = role;
      u.password = '';
      const d = project({ 'm/001.sql': 'SELECT 1;\n' });
      const r = await run(d, 'dry-run', 'm/001.sql', '--shadow-url', u.toString());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`role "${role}" may not create databases`);
      expect(r.stderr).toContain(`ALTER ROLE ${role} CREATEDB`);
    } finally {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });

  it('a role a migration creates is not created on the server (roles outlive the run), and the GRANT that needs it says why it fails', async () => {
    const role = `zd_mig_role_${process.pid}`;
    const d = project({
      'm/001.sql': `CREATE ROLE ${role};\nCREATE TABLE t (id int);\nGRANT SELECT ON t TO ${role};\n`,
    });
    const r = await run(d, 'dry-run', 'm/001.sql', '--format', 'json', '--shadow-url', PG_URL!);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.statements[0].refused).toMatch(/^CREATE ROLE changes roles/);
    expect(j.statements[2].error).toMatchObject({
      code: '42704',
      consequenceOf: expect.stringContaining('m/001.sql:1'),
    });
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      expect((await c.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role])).rows).toEqual([]);
    } finally {
      await c.end();
    }
  });

  it('a URL role that cannot make the run role and may run server programs is refused (exit 2) unless --allow-superuser-shadow', async () => {
    const role = `zd_risky_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN CREATEDB IN ROLE pg_execute_server_program`);
      const u = new URL(PG_URL!);
      u.username = role;
      u.password = '';
      const d = project({ 'm/001.sql': 'CREATE TABLE t (id int);\n' });
      const refused = await run(d, 'dry-run', 'm/001.sql', '--shadow-url', u.toString());
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`role "${role}" of --shadow-url is a member of pg_execute_server_program`);
      expect(refused.stderr).toContain('--allow-superuser-shadow');
      const allowed = await run(d, 'dry-run', 'm/001.sql', '--shadow-url', u.toString(), '--allow-superuser-shadow');
      expect(allowed.code).toBe(0);
      expect(allowed.stdout).toContain('--allow-superuser-shadow');
      const lint = await run(
        d,
        'lint',
        'm/001.sql',
        '--dry-run',
        '--shadow-url',
        u.toString(),
        '--allow-superuser-shadow',
      );
      expect(lint.code).toBe(0);
    } finally {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});
