/**
 * `zerodown dry-run --dialect mariadb --shadow-url mysql://…` and `lint --dry-run` end to end,
 * through the CLI's `main(argv)`, against the real server at ZERODOWN_TEST_MYSQL_URL: history
 * replayed, rows seeded, each ALTER measured, outside-reaching statements not run, a statement
 * stopped on the time bound, and the throwaway database and user gone afterwards, also after a
 * failure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { runCli as run, writeProject } from '../cli-harness.js';
import { confirmFindings, dryRun } from '../../src/shadow/dryrun.js';
import { mariadb } from '../../src/dialects/mysql/index.js';
import { dryRunReport } from '../../src/report/markdown.js';
import type { Shadow } from '../../src/shadow/driver.js';
import type { Finding, LintResult, Migration } from '../../src/model.js';
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
    const db = await rowsOf<{ n: string }>(
      admin,
      'SELECT COUNT(*) AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [sh.database],
    );
    const user = sh.runUser.slice(1, sh.runUser.indexOf("'", 1));
    const u = await rowsOf<{ n: string }>(admin, 'SELECT COUNT(*) AS n FROM mysql.user WHERE User = ?', [user]);
    return Number(db[0]!.n) === 0 && Number(u[0]!.n) === 0;
  };

  it('dry-run --format json: statements[] with path, line and the measured online DDL; the outside-reaching one not run', async () => {
    const d = writeProject(tmp, { 'migrations/001_init.sql': HISTORY, 'migrations/002_change.sql': CHANGE });
    const r = await run(
      d,
      'dry-run',
      'migrations/002_change.sql',
      '--dialect',
      'mariadb',
      '--shadow-url',
      MYSQL_URL!,
      '--format',
      'json',
      '--seed-rows',
      '100',
    );
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
    const t = await run(
      d,
      'dry-run',
      'migrations/002_change.sql',
      '--dialect',
      'mariadb',
      '--shadow-url',
      MYSQL_URL!,
      '--no-color',
      '--seed-rows',
      '20',
    );
    expect(t.stdout).toMatch(/online DDL \(measured on (mariadb|mysql) [\d.]+\): ALGORITHM=INSTANT\n/);
    expect(t.stdout).toMatch(/ALGORITHM=COPY, LOCK=SHARED \(blocks writes for the whole operation\)/);
    expect(t.stdout).toMatch(/not run on the shadow: LOAD DATA INFILE/);
    const md = await run(
      d,
      'dry-run',
      'migrations/002_change.sql',
      '--dialect',
      'mariadb',
      '--shadow-url',
      MYSQL_URL!,
      '--format',
      'markdown',
      '--seed-rows',
      '20',
    );
    expect(md.stdout).toContain('| line | statement | online DDL (measured) | locks |');
    expect(md.stdout).toMatch(/`ALGORITHM=COPY, LOCK=SHARED` blocks \*\*writes\*\*/);
  });

  it('lint --dry-run: a statement that fails on the seeded shadow becomes a dry-run-error at its line', async () => {
    const d = writeProject(tmp, {
      'migrations/001_init.sql': HISTORY,
      'migrations/002_bad.sql':
        'ALTER TABLE users ADD COLUMN b int NULL;\nALTER TABLE users MODIFY note varchar(20) NOT NULL;\n',
    });
    const r = await run(
      d,
      'lint',
      'migrations/002_bad.sql',
      '--dry-run',
      '--dialect',
      'mariadb',
      '--shadow-url',
      MYSQL_URL!,
      '--format',
      'json',
      '--fail-on',
      'error',
    );
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).files[0].findings.find((x: { rule: string }) => x.rule === 'dry-run-error');
    expect(f).toMatchObject({ line: 2, severity: 'error' });
    expect(f.message).toMatch(/Data truncated for column 'note'/);
  });

  it('the PR comment names the measured algorithm and lock, and does not claim "no lock" where the server hides them', async () => {
    const dry = await dryRun(
      [m('migrations/001_init.sql', HISTORY, false), m('migrations/002_change.sql', CHANGE, true)],
      {
        url: MYSQL_URL!,
        seedRows: 20,
      },
    );
    const { headline, section } = dryRunReport(dry);
    expect(headline).toContain(
      `\`migrations/002_change.sql:2\` runs with \`ALGORITHM=COPY, LOCK=SHARED\` (measured on ${dry.engine}): writes wait for the whole operation`,
    );
    expect(section.markdown).toContain('| line | statement | online DDL (measured) | locks |');
    expect(section.markdown).toMatch(/\| `ALGORITHM=INSTANT` \| (not visible|[A-Z_]+ `users`)/);
    if (dry.limits.some((l) => l.id === 'metadata-locks-invisible'))
      expect(headline + section.markdown).not.toMatch(/no statement took a lock/);
  });

  it('lint --dry-run confirms a predicted ALGORITHM/LOCK only when the shadow measured the same', async () => {
    const review = m('migrations/002_change.sql', CHANGE, true);
    const dry = await dryRun([m('migrations/001_init.sql', HISTORY, false), review], { url: MYSQL_URL!, seedRows: 20 });
    const finding = (statementIndex: number, extra: Record<string, unknown>): Finding => ({
      rule: 'r',
      severity: 'warning',
      message: '',
      help: '',
      path: review.path,
      line: statementIndex + 1,
      column: 1,
      endLine: statementIndex + 1,
      endColumn: 1,
      statementIndex,
      ...extra,
    });
    const right = finding(1, { online: { algorithm: 'COPY', lock: 'SHARED', basis: 'predicted' } });
    const wrong = finding(0, { online: { algorithm: 'COPY', lock: 'SHARED', basis: 'predicted' } });
    const lockOnly = finding(3, { lock: 'SHARED_WRITE' });
    const result: LintResult = {
      files: [{ migration: review, statements: [], findings: [right, wrong, lockOnly] }],
      summary: { files: 1, statements: 4, errors: 0, warnings: 3 },
    };
    await mariadb.loadParts!();
    const c = confirmFindings(result, dry, mariadb.shadow);
    expect(right.confirmed).toBe(true);
    expect(wrong.confirmed).toBe(false); // measured INSTANT
    if (dry.limits.some((l) => l.id === 'metadata-locks-invisible')) {
      expect(lockOnly.confirmed).toBeUndefined(); // the server hides its locks: neither seen nor denied
      expect(c).toEqual({ confirmed: 1, unconfirmed: 1 });
    }
  });

  it('--schema: a mysqldump file builds the schema (its DEFINER accounts dropped), then the files under review run on it', async () => {
    const dump = readFileSync(new URL('../fixtures/mysql/schema-dump.sql', import.meta.url), 'utf8');
    expect(dump).toMatch(/DEFINER=`root`@/);
    const dry = await dryRun(
      [m('migrations/002_change.sql', 'ALTER TABLE t ADD COLUMN b int;\nSELECT COUNT(*) FROM v;\n', true)],
      { url: MYSQL_URL!, seedRows: 10, schema: { path: 'schema.sql', sql: dump } },
    );
    expect(dry.history).toMatchObject({ source: 'schema', path: 'schema.sql', errors: [], refused: [] });
    expect(dry.seed).toMatchObject({ tables: 2, rows: 20 });
    expect(dry.statements.map((s) => s.error)).toEqual([null, null]);
    expect(dry.statements[0]!.online).toMatchObject({ algorithm: 'INSTANT' });
  });

  it('a statement over the time bound is stopped and reported, and the database and user are dropped', async () => {
    let opened: Shadow | undefined;
    const dry = await dryRun(
      [
        m('migrations/001_init.sql', HISTORY, false),
        m('migrations/002_slow.sql', 'SELECT SLEEP(5);\nALTER TABLE users ADD COLUMN x int;\n', true),
      ],
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
      [
        m('migrations/001_init.sql', HISTORY, false),
        m('migrations/002_fail.sql', 'ALTER TABLE nope ADD COLUMN x int;\n', true),
      ],
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
