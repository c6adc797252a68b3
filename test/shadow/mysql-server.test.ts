/**
 * The MySQL/MariaDB shadow server (src/dialects/mysql/shadow/server.ts) against the real server at
 * ZERODOWN_TEST_MYSQL_URL: a throwaway database and user made for the run and dropped on close
 * (also after a failure and on a timeout), the run user confined to its database, every statement
 * bounded in time, the URL's password never in a message, and no embedded engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { MysqlShadow, parseMysqlUrl } from '../../src/dialects/mysql/shadow/server.js';
import { createMysqlProbes } from '../../src/dialects/mysql/shadow/probes.js';
import { mysqlShadowFor, NO_EMBEDDED_ENGINE } from '../../src/dialects/mysql/shadow/index.js';
import { closeAllShadows, openShadowCount } from '../../src/shadow/registry.js';
import { MYSQL_URL, mysqlAdmin, mysqlSuite, rowsOf } from './mysql-env.js';

const probes = createMysqlProbes('mariadb');

describe('the MySQL shadow without a server', () => {
  it('has no embedded engine: open() without a URL is a usage error that says to give --shadow-url', async () => {
    const shadow = mysqlShadowFor('mysql');
    expect(shadow.embeddedEngine).toBeUndefined();
    await expect(shadow.open({})).rejects.toMatchObject({ name: 'UsageError', message: NO_EMBEDDED_ENGINE });
    expect(NO_EMBEDDED_ENGINE).toContain('--shadow-url mysql://');
  });

  it('reads mysql:// and mariadb:// URLs, and refuses others without showing the password', () => {
    expect(parseMysqlUrl('mariadb://app:p%40ss@db.example:3307/shop')).toEqual({
      host: 'db.example',
      port: 3307,
      user: 'app',
      password: 'p@ss',
      database: 'shop',
    });
    expect(() => parseMysqlUrl('postgres://app:hunter22@db/x')).toThrow(/must start with mysql:\/\/ or mariadb:\/\//);
    let message = '';
    try {
      parseMysqlUrl('mysql://app:hunter22@db:99999999/x');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('is not a URL');
    expect(message).not.toContain('hunter22');
  });

  it('says it cannot connect, without the password', async () => {
    const err = await MysqlShadow.open('mysql://zd:sekret-pw-123@127.0.0.1:1/x', probes).catch((e: Error) => e);
    expect((err as Error).name).toBe('ShadowSetupError');
    expect((err as Error).message).toMatch(/^cannot connect to the shadow server mysql:\/\/zd:\*\*\*@127\.0\.0\.1:1\/x/);
    expect((err as Error).message).not.toContain('sekret-pw-123');
  });
});

describe.skipIf(!MYSQL_URL)(mysqlSuite('the MySQL shadow server'), () => {
  let admin: mysql.Connection;
  beforeAll(async () => {
    admin = await mysqlAdmin();
  });
  afterAll(async () => {
    await admin?.end();
  });

  const exists = async (shadow: MysqlShadow) => {
    const dbs = await rowsOf<{ n: number }>(admin, 'SELECT COUNT(*) AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
      shadow.database,
    ]);
    const name = shadow.runUser.slice(1, shadow.runUser.indexOf("'", 1));
    const users = await rowsOf<{ n: number }>(admin, 'SELECT COUNT(*) AS n FROM mysql.user WHERE User = ?', [name]);
    return { database: Number(dbs[0]!.n) === 1, user: Number(users[0]!.n) === 1 };
  };

  it('creates a fresh database and a user for the run, reads the version, and drops both on close', async () => {
    const shadow = await MysqlShadow.open(MYSQL_URL!, probes);
    try {
      expect(shadow.database).toMatch(/^zerodown_[0-9a-f]{16}$/);
      expect(shadow.ownRunUser).toBe(true);
      expect(shadow.runUser).toMatch(/^'zerodown_[0-9a-f]{16}'@'/);
      const [v] = await rowsOf<{ v: string }>(admin, 'SELECT VERSION() AS v');
      expect(shadow.versionText).toBe(v!.v);
      expect(shadow.engine).toMatch(/^(mysql|mariadb) \d+\.\d+\.\d+$/);
      expect(await exists(shadow)).toEqual({ database: true, user: true });
      // the migrations' connection is the run user, in the throwaway database
      const [who] = await shadow.query<{ u: string; db: string }>('SELECT CURRENT_USER() AS u, DATABASE() AS db');
      expect(who!.db).toBe(shadow.database);
      expect(`'${who!.u.replace('@', "'@'")}'`).toBe(shadow.runUser);
      expect(openShadowCount()).toBeGreaterThan(0);
    } finally {
      await shadow.close();
    }
    expect(await exists(shadow)).toEqual({ database: false, user: false });
  });

  it('the run user holds privileges on its database only: no other database, no FILE, SUPER or PROCESS', async () => {
    const other = `zd_other_${Date.now().toString(36)}`;
    await admin.query(`CREATE DATABASE ${other}`);
    await admin.query(`CREATE TABLE ${other}.secret (x int)`);
    const shadow = await MysqlShadow.open(MYSQL_URL!, probes);
    try {
      const grants = (await shadow.query<Record<string, string>>('SHOW GRANTS')).map((r) => Object.values(r)[0]!);
      expect(grants.join('\n')).not.toMatch(/\bON \*\.\*.*\b(ALL|FILE|SUPER|PROCESS)\b/);
      await expect(shadow.query(`SELECT * FROM ${other}.secret`)).rejects.toMatchObject({ code: '42000' });
      await expect(shadow.exec(`CREATE TABLE ${other}.planted (x int)`)).rejects.toMatchObject({ code: '42000' });
      // FILE: reading a server file is denied (NULL without the privilege, or an error)
      const read = await shadow.query<{ f: unknown }>("SELECT LOAD_FILE('/etc/passwd') AS f").catch(() => [{ f: null }]);
      expect(read[0]!.f).toBeNull();
      await expect(shadow.exec("SELECT 1 INTO OUTFILE '/tmp/zd-never'")).rejects.toThrow(/denied/i);
      await expect(shadow.exec('CREATE DATABASE zd_never_made')).rejects.toThrow(/denied/i);
      await expect(shadow.exec("CREATE USER 'zd_never'@'%'")).rejects.toThrow(/denied/i);
      await expect(shadow.exec('SET GLOBAL max_connections = 1000')).rejects.toThrow(/SUPER|denied|privilege/i);
      // the client never offers LOCAL INFILE
      await shadow.exec('CREATE TABLE t (x text)');
      await expect(shadow.exec("LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE t")).rejects.toThrow();
      expect(Number((await shadow.query<{ n: string }>('SELECT COUNT(*) AS n FROM t'))[0]!.n)).toBe(0);
      // and one statement per call
      await expect(shadow.exec('SELECT 1; DROP TABLE t')).rejects.toMatchObject({ code: '42000' });
      expect(await shadow.query('SHOW TABLES')).toHaveLength(1);
    } finally {
      await shadow.close();
      await admin.query(`DROP DATABASE ${other}`);
    }
  });

  it('bounds every statement: SELECT SLEEP(5) with a 1 s bound is stopped (KILL QUERY) and reported as a timeout', async () => {
    const shadow = await MysqlShadow.open(MYSQL_URL!, probes, { timeoutMs: 1000 });
    try {
      const t0 = Date.now();
      const err = await shadow.exec('SELECT SLEEP(5)').catch((e: Error) => e);
      expect(Date.now() - t0).toBeLessThan(4000);
      expect(err).toMatchObject({ name: 'ShadowTimeoutError', code: '57014', timedOut: true });
      expect((err as Error).message).toMatch(/did not finish within 1 s on the shadow/);
      expect(shadow.stopped?.seconds).toBe(1);
      // nothing of the run still runs on the server
      const running = await rowsOf<{ n: number }>(
        admin,
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID = ? AND COMMAND = 'Query'",
        [shadow.connectionId],
      );
      expect(Number(running[0]!.n)).toBe(0);
      await expect(shadow.exec('SELECT 1')).rejects.toMatchObject({ name: 'ShadowStoppedError' });
    } finally {
      await shadow.close();
    }
    expect(await exists(shadow)).toEqual({ database: false, user: false });
  });

  it('closes from the registry (Ctrl-C, SIGTERM) even with a statement still running', async () => {
    const shadow = await MysqlShadow.open(MYSQL_URL!, probes, { timeoutMs: 30_000 });
    const running = shadow.exec('SELECT SLEEP(20)').catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    await closeAllShadows();
    expect(Date.now() - t0).toBeLessThan(5000);
    await running;
    expect(await exists(shadow)).toEqual({ database: false, user: false });
  });

  it('a failed statement leaves the shadow usable, and close still drops everything', async () => {
    const shadow = await MysqlShadow.open(MYSQL_URL!, probes);
    try {
      const err = await shadow.exec('SELECT * FROM no_such_table').catch((e: Error) => e);
      expect(err).toMatchObject({ code: '42S02' });
      expect((err as Error).message).toMatch(/doesn't exist \(error 1146\)$/);
      expect(await shadow.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await shadow.close();
      await shadow.close(); // idempotent
    }
    expect(await exists(shadow)).toEqual({ database: false, user: false });
  });

  it('refuses to run as a URL user that may not create users, unless told to accept the risk', async () => {
    const name = `zd_weak_${Date.now().toString(36)}`;
    const pw = 'weak-pw-5678';
    const u = new URL(MYSQL_URL!);
    await admin.query(`CREATE USER '${name}'@'${u.hostname === 'localhost' ? 'localhost' : '%'}' IDENTIFIED BY '${pw}'`);
    await admin.query(`GRANT CREATE, DROP ON *.* TO '${name}'@'${u.hostname === 'localhost' ? 'localhost' : '%'}'`);
    u.username = name;
    u.password = pw;
    try {
      const err = await MysqlShadow.open(u.toString(), probes).catch((e: Error) => e);
      expect((err as Error).name).toBe('ShadowSetupError');
      expect((err as Error).message).toMatch(/may not create users .*--allow-superuser-shadow/s);
      expect((err as Error).message).not.toContain(pw);
      const shadow = await MysqlShadow.open(u.toString(), probes, { allowSuperuser: true });
      try {
        expect(shadow.ownRunUser).toBe(false);
        expect(shadow.limits.map((l) => l.id)).toContain('shadow-role');
        await shadow.exec('CREATE TABLE t (x int)');
      } finally {
        await shadow.close();
      }
      expect(await exists(shadow).then((e) => e.database)).toBe(false);
    } finally {
      await admin.query(`DROP USER IF EXISTS '${name}'@'${u.hostname === 'localhost' ? 'localhost' : '%'}'`);
    }
  });
});
