/**
 * `zerodown dry-run --dialect mariadb --shadow-url mysql://…` and `lint --dry-run` end to end,
 * through the CLI's `main(argv)`, against the real server at ZERODOWN_TEST_MYSQL_URL: history
 * replayed, rows seeded, each ALTER measured, outside-reaching statements not run, a statement
 * stopped on the time bound, and the throwaway database and user gone afterwards, also after a
 * failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { runCli as run, writeProject } from '../cli-harness.js';
import { dryRun } from '../../src/shadow/dryrun.js';
import type { Shadow } from '../../src/shadow/driver.js';
import type { Migration } from '../../src/model.js';
import type { MysqlShadow } from '../../src/dialects/mysql/shadow/server.js';
import { MYSQL_URL, mysqlAdmin, mysqlSuite, rowsOf } from './mysql-env.js';

const HISTORY = `CREATE TABLE users (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email varchar(100) NOT NULL,
  note varchar(20) NULL
) ENGINE=InnoDB;
`;
const CHANGE = `ALTER TABLE users ADD COLUMN age int NULL;
ALTER TABLE users MODIFY note varchar(10) NULL;
LOAD DATA INFILE '/etc/passwd' INTO TABLE users;
UPDATE users SET age = 1 WHERE id < 10;
`;

const m = (p: string, source: string, review: boolean): Migration => ({
  path: p,
  absPath: `/virtual/${p}`,
  source,
  dialect: 'mariadb',
  framework: 'plain',
  transaction: 'none',
  review,
});

describe.skipIf(!MYSQL_URL)(mysqlSuite('dry run on MySQL/MariaDB'), () => {
  let tmp: string;
  let admin: mysql.Connection;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-mysql-dryrun-'));
    admin = await mysqlAdmin();
  });
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await admin?.end();
  });
  const gone = async (sh: MysqlShadow) => {
    const db = await rowsOf<{ n: string }>(admin, 'SELECT COUNT(*) AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [sh.database]);
    const user = sh.runUser.slice(1, sh.runUser.indexOf("'", 1));
    const u = await rowsOf<{ n: string }>(admin, 'SELECT COUNT(*) AS n FROM mysql.user WHERE User = ?', [user]);
    return Number(db[0]!.n) === 0 && Number(u[0]!.n) === 0;
  };

  it('dry-run --format json: statements[] with path, line and the measured online DDL; the outside-reaching one not run', async () => {
    const d = writeProject(tmp, { 'migrations/001_init.sql': HISTORY, 'migrations/002_change.sql': CHANGE });
    const r = await run(d, 'dry-run', 'migrations/002_change.sql', '--dialect', 'mariadb', '--shadow-url', MYSQL_URL!, '--format', 'json', '--seed-rows', '100');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.engine).toMatch(/^mariadb \d+\.\d+\.\d+$|^mysql \d+\.\d+\.\d+$/);
    expect(j.history).toMatchObject({ source: 'migrations', files: 1, failures: [] });
    expect(j.seed).toMatchObject({ tables: 1, rows: 100 });
    const [add, shrink, load, update] = j.statements;
    expect(add).toMatchObject({ path: 'migrations/002_change.sql', line: 1, error: null, transaction: 'alone' });
    expect(add.online).toEqual({ algorithm: 'INSTANT', lock: 'NONE', basis: 'measured', server: j.engine });
    expect(add.rewrites).toEqual([]);
    expect(shrink).toMatchObject({ line: 2, error: null, rewrites: ['users'] });
    expect(shrink.online).toEqual({ algorithm: 'COPY', lock: 'SHARED', basis: 'measured', server: j.engine });
    expect(load).toMatchObject({ line: 3, refused: expect.stringMatching(/LOAD DATA INFILE reads a file/) });
    expect(load.online).toBeUndefined();
    expect(update).toMatchObject({ line: 4, error: null, kind: 'Update' });
    expect(update.online).toBeUndefined();
    expect(j.limits.map((l: { id: string }) => l.id)).toContain('not-run');
  });

  it('dry-run text and markdown show the algorithm and lock', async () => {
    const d = writeProject(tmp, { 'migrations/001_init.sql': HISTORY, 'migrations/002_change.sql': CHANGE });
    const t = await run(d, 'dry-run', 'migrations/002_change.sql', '--dialect', 'mariadb', '--shadow-url', MYSQL_URL!, '--no-color', '--seed-rows', '20');
    expect(t.stdout).toMatch(/online DDL \(measured on (mariadb|mysql) [\d.]+\): ALGORITHM=INSTANT\n/);
    expect(t.stdout).toMatch(/ALGORITHM=COPY, LOCK=SHARED \(blocks writes for the whole operation\)/);
    expect(t.stdout).toMatch(/not run on the shadow: LOAD DATA INFILE/);
    const md = await run(d, 'dry-run', 'migrations/002_change.sql', '--dialect', 'mariadb', '--shadow-url', MYSQL_URL!, '--format', 'markdown', '--seed-rows', '20');
    expect(md.stdout).toContain('| line | statement | online DDL (measured) | locks |');
    expect(md.stdout).toMatch(/`ALGORITHM=COPY, LOCK=SHARED` blocks \*\*writes\*\*/);
  });

  it('lint --dry-run: a statement that fails on the seeded shadow becomes a dry-run-error at its line', async () => {
    const d = writeProject(tmp, {
      'migrations/001_init.sql': HISTORY,
      'migrations/002_bad.sql': 'ALTER TABLE users ADD COLUMN b int NULL;\nALTER TABLE users MODIFY note varchar(20) NOT NULL;\n',
    });
    const r = await run(d, 'lint', 'migrations/002_bad.sql', '--dry-run', '--dialect', 'mariadb', '--shadow-url', MYSQL_URL!, '--format', 'json', '--fail-on', 'error');
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).files[0].findings.find((x: { rule: string }) => x.rule === 'dry-run-error');
    expect(f).toMatchObject({ line: 2, severity: 'error' });
    expect(f.message).toMatch(/Data truncated for column 'note'/);
  });

  it('a statement over the time bound is stopped and reported, and the database and user are dropped', async () => {
    let opened: Shadow | undefined;
    const dry = await dryRun(
      [m('migrations/001_init.sql', HISTORY, false), m('migrations/002_slow.sql', 'SELECT SLEEP(5);\nALTER TABLE users ADD COLUMN x int;\n', true)],
      { url: MYSQL_URL!, timeoutMs: 1000, seedRows: 10, onOpen: (s) => (opened = s) },
    );
    expect(dry.stopped).toMatchObject({ phase: 'run', path: 'migrations/002_slow.sql', line: 1 });
    expect(dry.statements[0]).toMatchObject({ timedOut: true, error: { code: '57014' } });
    expect(dry.statements[1]).toMatchObject({ skipped: true });
    expect(await gone(opened as MysqlShadow)).toBe(true);
  });

  it('a failing migration still leaves nothing behind', async () => {
    let opened: Shadow | undefined;
    const dry = await dryRun(
      [m('migrations/001_init.sql', HISTORY, false), m('migrations/002_fail.sql', 'ALTER TABLE nope ADD COLUMN x int;\n', true)],
      { url: MYSQL_URL!, seedRows: 5, onOpen: (s) => (opened = s) },
    );
    expect(dry.files[0]!.error).toMatchObject({ code: '42S02', line: 1 });
    expect(await gone(opened as MysqlShadow)).toBe(true);
  });

  it('without --shadow-url there is no embedded engine to fall back on: a usage error that says what to give', async () => {
    const d = writeProject(tmp, { 'migrations/001_init.sql': HISTORY });
    const r = await run(d, 'dry-run', 'migrations/001_init.sql', '--dialect', 'mariadb');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no embedded engine .*--shadow-url mysql:\/\//s);
  });
});
