/**
 * Untrusted migration SQL on the shadow: statements that reach outside the
 * throwaway database are never run (PGlite and the PostgreSQL server), and on a
 * server the migrations run as a run role made for the run, so the server
 * itself refuses what slips past (the second wall). close() leaves nothing behind.
 */
import { existsSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadSchemaDump, openShadow, replayHistory, runTraced, seed, type Shadow } from './kernel.js';
import type { PostgresShadow } from '../../src/dialects/postgres/shadow/postgres.js';
import { dryRun } from '../../src/shadow/dryrun.js';
import { formatDryRunText } from '../../src/report/dryrun-text.js';
import { formatDryRunJson } from '../../src/report/dryrun-json.js';
import { dryRunReport } from '../../src/report/markdown.js';
import { migration } from '../helpers.js';
import { eachEngine, PG_URL } from './engines.js';

const tag = () => randomBytes(4).toString('hex');
const marker = () => `/tmp/zerodown-sandbox-${tag()}`;

eachEngine('outside-reaching statements are not run', (engine) => {
  let shadow: Shadow;
  const files: string[] = [];
  beforeAll(async () => {
    shadow = await engine.open();
  });
  afterAll(async () => {
    await shadow?.close();
    for (const f of files) rmSync(f, { force: true });
  });

  it('COPY … FROM PROGRAM is refused, the file goes on, and the program never runs', async () => {
    const m = marker();
    files.push(m);
    const r = await runTraced(shadow, {
      path: 'db/0002_evil.sql',
      sql: `CREATE TABLE evil_a (line text);\nCOPY evil_a FROM PROGRAM 'id > ${m}';\nCREATE TABLE evil_b (id int);`,
    });
    expect(r.error).toBeNull();
    const copy = r.statements[1]!;
    expect(copy.refused).toBe('COPY … FROM PROGRAM runs a shell command on the database server');
    expect(copy.error).toBeNull();
    expect(r.statements[2]!.refused).toBeUndefined();
    expect(await shadow.query(`SELECT to_regclass('evil_b') IS NOT NULL AS ok`)).toEqual([{ ok: true }]);
    expect(existsSync(m)).toBe(false);
  });

  it('COPY … TO a server file is refused and no file is written', async () => {
    const m = marker();
    files.push(m);
    const r = await runTraced(shadow, { sql: `COPY (SELECT 'owned') TO '${m}'` });
    expect(r.statements[0]!.refused).toMatch(/writes a file on the database server/);
    expect(existsSync(m)).toBe(false);
  });

  it('a DO block that EXECUTEs a COPY … PROGRAM string is refused as a whole', async () => {
    const m = marker();
    files.push(m);
    const r = await runTraced(shadow, {
      sql: `CREATE TABLE evil_c (line text);\nDO $$ BEGIN EXECUTE 'COPY evil_c FROM PROGRAM ''id > ${m}'''; END $$;`,
    });
    expect(r.statements[1]!.refused).toMatch(/COPY … PROGRAM in a function body/);
    expect(existsSync(m)).toBe(false);
  });

  it('the history replay refuses them too, never batches a file holding one, and lists them', async () => {
    const m = marker();
    files.push(m);
    const history = [
      migration(`CREATE TABLE hist_a (id int);`, { path: 'db/0001_a.sql', review: false }),
      migration(`COPY hist_a FROM PROGRAM 'id > ${m}';\nCREATE TABLE hist_b (id int);`, {
        path: 'db/0002_b.sql',
        review: false,
      }),
      migration(`CREATE TABLE hist_c (id int);`, { path: 'db/0003_c.sql', review: false }),
    ];
    const r = await replayHistory(shadow, history);
    expect(r.failures).toEqual([]);
    expect(r.refused).toEqual([
      {
        path: 'db/0002_b.sql',
        line: 1,
        statement: `COPY hist_a FROM PROGRAM 'id > ${m}'`,
        why: 'COPY … FROM PROGRAM runs a shell command on the database server',
      },
    ]);
    expect(
      await shadow.query(`SELECT to_regclass('hist_b') IS NOT NULL AS b, to_regclass('hist_c') IS NOT NULL AS c`),
    ).toEqual([{ b: true, c: true }]);
    expect(existsSync(m)).toBe(false);
  });

  it('the schema-dump loader refuses them', async () => {
    const m = marker();
    files.push(m);
    const d = await loadSchemaDump(shadow, `CREATE TABLE dump_a (id int);\nCOPY dump_a TO '${m}';\n`, 'schema.sql');
    expect(d.refused).toEqual([
      { line: 2, statement: `COPY dump_a TO '${m}'`, why: expect.stringMatching(/writes a file/) },
    ]);
    expect(existsSync(m)).toBe(false);
  });

  it(
    engine.name === 'pglite'
      ? 'roles run on PGlite (a throwaway cluster in this process), so GRANTs to them keep working'
      : 'roles are refused on a server, where they outlive the run',
    async () => {
      const role = `zd_sandbox_${tag()}`;
      const r = await runTraced(shadow, { sql: `CREATE ROLE ${role};\nCREATE TABLE granted (id int);` });
      if (engine.name === 'pglite') {
        expect(r.statements[0]!.refused).toBeUndefined();
        expect(r.statements[0]!.error).toBeNull();
        const g = await runTraced(shadow, { sql: `GRANT SELECT ON granted TO ${role}` });
        expect(g.error).toBeNull();
      } else {
        expect(r.statements[0]!.refused).toMatch(/^CREATE ROLE changes roles/);
        const roles = await shadow.query(`SELECT rolname FROM pg_roles WHERE rolname = $1`, [role]);
        expect(roles).toEqual([]);
      }
    },
  );

  it('seeding switches user triggers off (also as the unprivileged run role) and leaves them as they were', async () => {
    const r = await runTraced(shadow, {
      sql: `CREATE TABLE trig_t (id int PRIMARY KEY);
            CREATE FUNCTION trig_no() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no inserts'; END $$;
            CREATE TRIGGER trig_on BEFORE INSERT ON trig_t FOR EACH ROW EXECUTE FUNCTION trig_no();
            CREATE TRIGGER trig_off BEFORE INSERT ON trig_t FOR EACH ROW EXECUTE FUNCTION trig_no();
            ALTER TABLE trig_t DISABLE TRIGGER trig_off;`,
    });
    expect(r.error).toBeNull();
    const s = await seed(shadow, { rows: 10, tables: ['trig_t'] });
    expect(s.failures).toEqual([]);
    expect(s.rows.get('trig_t')).toBe(10);
    expect(
      await shadow.query(`SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'trig_t'::regclass ORDER BY 1`),
    ).toEqual([
      { tgname: 'trig_off', tgenabled: 'D' },
      { tgname: 'trig_on', tgenabled: 'O' },
    ]);
  });

  it('the dry-run reports say "not run on the shadow" and why', async () => {
    const m = marker();
    files.push(m);
    const d = await dryRun([migration(`CREATE TABLE rep (id int);\nCOPY rep FROM PROGRAM 'id > ${m}';`)], {
      ...(engine.name === 'postgresql' ? { url: PG_URL! } : {}),
      seedRows: 0,
    });
    const why = 'COPY … FROM PROGRAM runs a shell command on the database server';
    expect(formatDryRunText(d, { color: false })).toContain(`not run on the shadow: ${why}`);
    expect(JSON.parse(formatDryRunJson(d)).statements[1].refused).toBe(why);
    const md = dryRunReport(d);
    expect(md.section.markdown).toContain(`not run on the shadow: ${why}`);
    expect(md.headline).toContain('was not run on the shadow');
    expect(existsSync(m)).toBe(false);
  });
});

/** An admin connection to the test server, for creating fixtures and looking at what is left. */
async function admin(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  return c;
}

function urlAs(role: string): string {
  const u = new URL(PG_URL!);
  u.username = role;
  u.password = '';
  return u.toString();
}

describe.skipIf(!PG_URL)(
  `the run role on a PostgreSQL server${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`,
  () => {
    let a: pg.Client;
    const cleanup: string[] = [];
    beforeAll(async () => {
      a = await admin();
    });
    afterEach(async () => {
      for (const sql of cleanup.splice(0)) await a.query(sql).catch(() => {});
    });
    afterAll(async () => {
      await a?.end();
    });
    const leftovers = async (sh: PostgresShadow) =>
      (
        await a.query(
          `SELECT (SELECT count(*) FROM pg_database WHERE datname = $1)::int AS db,
                  (SELECT count(*) FROM pg_roles WHERE rolname = $2)::int AS role`,
          [sh.database, sh.runRole],
        )
      ).rows[0];

    it('the migrations log in as a fresh unprivileged role that owns the throwaway database', async () => {
      const sh = (await openShadow({ url: PG_URL! })) as PostgresShadow;
      try {
        expect(sh.runRole).toMatch(/^zerodown_run_[0-9a-f]{12}$/);
        const [who] = await sh.query(
          `SELECT current_user, session_user, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls,
                  pg_get_userbyid(d.datdba) AS owner,
                  (SELECT count(*) FROM pg_auth_members WHERE member = r.oid)::int AS memberships
             FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`,
        );
        expect(who).toEqual({
          current_user: sh.runRole,
          session_user: sh.runRole,
          rolsuper: false,
          rolcreatedb: false,
          rolcreaterole: false,
          rolreplication: false,
          rolbypassrls: false,
          owner: sh.runRole,
          memberships: 0,
        });
        // RESET ROLE cannot climb back to the URL's role: it is a separate login
        await sh.exec('RESET ROLE');
        expect(await sh.query('SELECT current_user')).toEqual([{ current_user: sh.runRole }]);
        // trusted extensions still install (the database owner may create them on PostgreSQL 13+)
        if (sh.serverVersion >= 13) await sh.exec('CREATE EXTENSION pgcrypto');
      } finally {
        await sh.close();
      }
      expect(await leftovers(sh)).toEqual({ db: 0, role: 0 });
    });

    it('second wall: with the refusal bypassed, the run role still may not run programs, write files or drop a database', async () => {
      const other = `zd_sandbox_keep_${tag()}`;
      await a.query(`CREATE DATABASE ${other}`);
      cleanup.push(`DROP DATABASE IF EXISTS ${other}`);
      const m = marker();
      const sh = await openShadow({ url: PG_URL! });
      try {
        await sh.exec('CREATE TABLE t (line text)');
        // shadow.exec is below the refusal: this is what a statement that slipped past it would meet
        await expect(sh.exec(`COPY t FROM PROGRAM 'id > ${m}'`)).rejects.toMatchObject({ code: '42501' });
        await expect(sh.exec(`COPY (SELECT 1) TO '${m}'`)).rejects.toMatchObject({ code: '42501' });
        await expect(sh.exec(`SELECT pg_read_file('postgresql.conf')`)).rejects.toMatchObject({ code: '42501' });
        await expect(sh.exec(`DROP DATABASE ${other}`)).rejects.toMatchObject({ code: '42501' });
        await expect(sh.exec(`CREATE DATABASE zd_sandbox_new_${tag()}`)).rejects.toMatchObject({ code: '42501' });
        await expect(sh.exec(`CREATE ROLE zd_sandbox_r_${tag()}`)).rejects.toMatchObject({ code: '42501' });
        await expect(sh.exec(`ALTER SYSTEM SET work_mem = '1MB'`)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await sh.close();
      }
      expect(existsSync(m)).toBe(false);
      rmSync(m, { force: true });
      expect((await a.query('SELECT 1 FROM pg_database WHERE datname = $1', [other])).rowCount).toBe(1);
    });

    it('through the traced run: DROP DATABASE of another database is refused and that database survives; CREATE DATABASE / ROLE leave nothing', async () => {
      const other = `zd_sandbox_keep_${tag()}`;
      const made = `zd_sandbox_made_${tag()}`;
      const role = `zd_sandbox_role_${tag()}`;
      await a.query(`CREATE DATABASE ${other}`);
      cleanup.push(
        `DROP DATABASE IF EXISTS ${other}`,
        `DROP DATABASE IF EXISTS ${made}`,
        `DROP ROLE IF EXISTS ${role}`,
      );
      const sh = (await openShadow({ url: PG_URL! })) as PostgresShadow;
      let r: Awaited<ReturnType<typeof runTraced>>;
      try {
        r = await runTraced(sh, {
          sql: `DROP DATABASE ${other};\nCREATE DATABASE ${made};\nCREATE ROLE ${role};\nCREATE TABLE after_them (id int);`,
        });
      } finally {
        await sh.close();
      }
      expect(r.statements.map((s) => !!s.refused)).toEqual([true, true, true, false]);
      expect(r.error).toBeNull();
      const left = await a.query(
        `SELECT (SELECT count(*) FROM pg_database WHERE datname = $1)::int AS other,
                (SELECT count(*) FROM pg_database WHERE datname = $2)::int AS made,
                (SELECT count(*) FROM pg_roles WHERE rolname = $3)::int AS role`,
        [other, made, role],
      );
      expect(left.rows[0]).toEqual({ other: 1, made: 0, role: 0 });
      expect(await leftovers(sh)).toEqual({ db: 0, role: 0 });
    });

    it('close() drops the database and the run role after a failed statement, while a statement still runs, and twice', async () => {
      const sh = (await openShadow({ url: PG_URL! })) as PostgresShadow;
      const r = await runTraced(sh, { sql: 'CREATE TABLE x (id int);\nSELECT no_such_column FROM x;' });
      expect(r.error?.code).toBe('42703');
      // a statement still running on the migration connection
      const busy = sh.exec('SELECT pg_sleep(60)').catch((e) => e);
      await new Promise((res) => setTimeout(res, 300));
      const t0 = Date.now();
      await Promise.all([sh.close(), sh.close()]);
      expect(Date.now() - t0).toBeLessThan(15_000);
      await busy;
      expect(await leftovers(sh)).toEqual({ db: 0, role: 0 });
      await sh.close();
    });

    it('an untrusted extension is reported once as an engine limit, not as a cascade of errors', async () => {
      const sh = await openShadow({ url: PG_URL! });
      try {
        const available = await sh.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements'`);
        if (!available.length) return;
        const r = await runTraced(sh, { sql: 'CREATE EXTENSION pg_stat_statements' });
        expect(r.error?.limit).toMatch(/extension "pg_stat_statements" is not trusted/);
        await runTraced(sh, { sql: 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' });
        expect(sh.limits.filter((l) => l.subject === 'pg_stat_statements')).toHaveLength(1);
      } finally {
        await sh.close();
      }
    });

    it('a URL role with CREATEROLE (not a superuser) makes the run role too, and cleans it up', async () => {
      const boss = `zd_sandbox_boss_${tag()}`;
      await a.query(`CREATE ROLE ${boss} LOGIN CREATEDB CREATEROLE`);
      cleanup.push(`DROP ROLE IF EXISTS ${boss}`);
      const sh = (await openShadow({ url: urlAs(boss) })) as PostgresShadow;
      try {
        expect(sh.ownRunRole).toBe(true);
        expect(await sh.query('SELECT current_user')).toEqual([{ current_user: sh.runRole }]);
        const r = await runTraced(sh, { sql: 'CREATE TABLE ok (id int PRIMARY KEY)' });
        expect(r.error).toBeNull();
      } finally {
        await sh.close();
      }
      expect(await leftovers(sh)).toEqual({ db: 0, role: 0 });
    });

    it('a harmless URL role that may not create roles runs as itself, and the run says so once', async () => {
      const plain = `zd_sandbox_plain_${tag()}`;
      await a.query(`CREATE ROLE ${plain} LOGIN CREATEDB`);
      cleanup.push(`DROP ROLE IF EXISTS ${plain}`);
      const sh = (await openShadow({ url: urlAs(plain) })) as PostgresShadow;
      try {
        expect(sh.ownRunRole).toBe(false);
        expect(sh.runRole).toBe(plain);
        expect(sh.limits).toEqual([
          expect.objectContaining({ id: 'shadow-role', message: expect.stringMatching(/runs as your role/) }),
        ]);
      } finally {
        await sh.close();
      }
      expect((await leftovers(sh)).db).toBe(0);
    });

    it('a URL role that may reach server programs but not create roles is refused, unless --allow-superuser-shadow', async () => {
      const risky = `zd_sandbox_risky_${tag()}`;
      await a.query(`CREATE ROLE ${risky} LOGIN CREATEDB IN ROLE pg_execute_server_program`);
      cleanup.push(`DROP ROLE IF EXISTS ${risky}`);
      const err = await openShadow({ url: urlAs(risky) }).catch((e) => e);
      expect(err.name).toBe('ShadowSetupError');
      expect(err.message).toMatch(/member of pg_execute_server_program/);
      expect(err.message).toMatch(/CREATEROLE/);
      expect(err.message).toMatch(/--allow-superuser-shadow/);
      const sh = (await openShadow({ url: urlAs(risky), allowSuperuser: true })) as PostgresShadow;
      try {
        expect(sh.runRole).toBe(risky);
        expect(sh.limits[0]?.message).toMatch(/--allow-superuser-shadow/);
        // the refusal still stands in front of the server
        const m = marker();
        const r = await runTraced(sh, { sql: `CREATE TABLE t (l text);\nCOPY t FROM PROGRAM 'id > ${m}';` });
        expect(r.statements[1]!.refused).toBeDefined();
        expect(existsSync(m)).toBe(false);
      } finally {
        await sh.close();
      }
      expect((await leftovers(sh)).db).toBe(0);
    });
  },
);
