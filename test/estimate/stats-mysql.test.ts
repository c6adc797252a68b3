/**
 * MySQL/MariaDB: `stats export` from the server at ZERODOWN_TEST_MYSQL_URL writes the same file format (the URL's
 * database only), and `lint --stats` sizes the findings: the tiny table's size-scaled findings become notes, the
 * big table's keep their severity. (Time estimates on MySQL/MariaDB: estimates-mysql.test.ts.)
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeProject } from '../cli-harness.js';
import type { JsonReport } from '../../src/report/json.js';
import { validateStats } from '../../src/stats/load.js';
import { MYSQL_URL, mysqlAdmin, mysqlSuite } from '../shadow/mysql-env.js';

const DB = `zd_s16stats_${process.pid}`;

describe.skipIf(!MYSQL_URL)(mysqlSuite('stats export and size-based severity'), () => {
  let admin: mysql.Connection;
  let project: string;
  let url: string;

  beforeAll(async () => {
    admin = await mysqlAdmin();
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.query(`CREATE TABLE ${DB}.big (id bigint AUTO_INCREMENT PRIMARY KEY, v int, t text)`);
    await admin.query(`CREATE TABLE ${DB}.tiny (id bigint AUTO_INCREMENT PRIMARY KEY, v int, t text)`);
    // 40 rows, then 40 × 2^9 = 20,480 rows by doubling
    await admin.query(
      `INSERT INTO ${DB}.tiny (v, t) VALUES ${Array.from({ length: 40 }, (_, i) => `(${i}, md5(${i}))`).join(',')}`,
    );
    await admin.query(`INSERT INTO ${DB}.big (v, t) SELECT v, t FROM ${DB}.tiny`);
    for (let i = 0; i < 9; i++) await admin.query(`INSERT INTO ${DB}.big (v, t) SELECT v, t FROM ${DB}.big`);
    await admin.query(`ANALYZE TABLE ${DB}.big, ${DB}.tiny`);
    const u = new URL(MYSQL_URL!);
    u.pathname = `/${DB}`;
    url = u.toString();
    project = writeProject(mkdtempSync(path.join(tmpdir(), 'zd-s16my-')), {
      'migrations/001_tables.sql':
        'CREATE TABLE big (id bigint AUTO_INCREMENT PRIMARY KEY, v int, t text);\nCREATE TABLE tiny (id bigint AUTO_INCREMENT PRIMARY KEY, v int, t text);\n',
      'migrations/002_change.sql': 'UPDATE big SET v = v + 1;\nUPDATE tiny SET v = v + 1;\n',
    });
  }, 60_000);

  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS ${DB}`);
    await admin?.end();
  });

  it('exports the URL database in the stats format, and the findings are sized by it', async () => {
    const file = path.join(project, 'stats.json');
    const out = await runCli(project, 'stats', 'export', '--url', url, '-o', file);
    expect(out.code, out.stderr).toBe(0);
    const stats = validateStats(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(stats.dialect).toMatch(/^(mysql|mariadb)$/);
    expect(stats.tables.map((t) => t.table)).toEqual([`${DB}.big`, `${DB}.tiny`]);
    expect(stats.tables[1]!.rows).toBe(40);
    expect(stats.tables[0]!.rows).toBeGreaterThan(10_000); // InnoDB's estimate of 20,480

    const lint = await runCli(
      project,
      'lint',
      '--dialect',
      stats.dialect,
      '--format',
      'json',
      '--stats',
      file,
      'migrations/002_change.sql',
    );
    const report = JSON.parse(lint.stdout) as JsonReport;
    const backfills = report.files[0]!.findings.filter((f) => f.rule === 'unbatched-backfill');
    expect(backfills.map((f) => [f.line, f.severity])).toEqual([
      [1, 'error'],
      [2, 'note'],
    ]);
    expect(backfills[1]!.sizeNote).toMatch(/^tiny is small in production \(40 rows/);
    expect(report.stats?.notes).toContain(
      'no dry run: sizes change severities, but nothing is timed (add --dry-run for estimates)',
    );
  });
});
