/**
 * The MySQL/MariaDB options end to end: --dialect, --mysql-version, config `dialect` and
 * `mysqlVersion`, version options meant for the other dialect, detection, the "analysed N of M"
 * summary, and the target server reaching the rules as `ctx.server`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeProject } from '../../cli-harness.js';
import { lintSql } from '../../helpers.js';
import { defineRule } from '../../../src/dialects/mysql/rule.js';
import { parseMysqlVersion, serverVersionOf } from '../../../src/dialects/mysql/version.js';
import { resolveSettings } from '../../../src/pipeline/settings.js';
import { loadConfig } from '../../../src/config.js';
import { detectDialect } from '../../../src/discover/dialect.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-mysql-opts-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const project = (files: Record<string, string>) => writeProject(tmp, files);

const MYSQL_SQL =
  'CREATE TABLE `users` (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\nALTER TABLE users ADD COLUMN b INT;\n';

describe('versions', () => {
  it('reads MySQL and MariaDB versions into one number, and refuses junk', () => {
    expect(parseMysqlVersion('8.0.35', 'mysql')).toBe(80035);
    expect(parseMysqlVersion('8.4', 'mysql')).toBe(80400);
    expect(parseMysqlVersion('5.7', 'mysql')).toBe(50700);
    expect(parseMysqlVersion('8.0', 'mysql')).toBe(80046); // the last 8.0 release
    expect(parseMysqlVersion('10.11', 'mariadb')).toBe(101100);
    expect(parseMysqlVersion('11.4.2', 'mariadb')).toBe(110402);
    for (const junk of ['8', 'v8.0', '8.0.35.1', '10.11', 'x', '', '8.0.'])
      expect(parseMysqlVersion(junk, 'mysql'), junk).toBeUndefined();
    expect(parseMysqlVersion('8.0', 'mariadb')).toBeUndefined();
    expect(serverVersionOf(80035, 'mysql')).toEqual({ flavor: 'mysql', major: 8, minor: 0, patch: 35 });
  });

  it("resolves the target: option, else config, else the default; the other dialect's option is a usage error naming the right one", () => {
    expect(resolveSettings({ dialect: 'mysql' }, {}).pgVersion).toBe(80046);
    expect(resolveSettings({ dialect: 'mariadb' }, {}).pgVersion).toBe(101100);
    expect(resolveSettings({ dialect: 'mysql', mysqlVersion: '5.7' }, { mysqlVersion: '8.4' }).pgVersion).toBe(50700);
    expect(resolveSettings({ dialect: 'mariadb' }, { mysqlVersion: '10.6' }).pgVersion).toBe(100600);
    expect(() => resolveSettings({ dialect: 'mysql', pgVersion: 15 }, {})).toThrow(
      '--pg-version is for PostgreSQL; for MySQL use --mysql-version',
    );
    expect(() => resolveSettings({ mysqlVersion: '8.0' }, {})).toThrow(
      '--mysql-version is for --dialect mysql or mariadb; for PostgreSQL use --pg-version',
    );
    expect(() => resolveSettings({ dialect: 'mariadb', mysqlVersion: '8.0.35' }, {})).toThrow(
      '--mysql-version must be a MariaDB version such as 10.6, 10.11 or 11.4 (got "8.0.35")',
    );
  });

  it('config: mysqlVersion keeps what was written (10.10 is not 10.1), and a bad one is an error at its line and column', async () => {
    const ok = project({ '.zerodown.yml': 'dialect: mariadb\nmysqlVersion: 10.10\n' });
    expect((await loadConfig(ok)).config.mysqlVersion).toBe('10.10');
    const bad = project({ 'zerodown.config.json': '{\n  "dialect": "mysql",\n  "mysqlVersion": 7.1\n}\n' });
    await expect(loadConfig(bad)).rejects.toThrow(
      'zerodown.config.json:3:19: "mysqlVersion" must be a MySQL version, such as 5.7, 8.0.35 or 8.4 (got 7.1)',
    );
    const mixed = project({ 'zerodown.config.json': '{ "dialect": "mysql", "pgVersion": 15 }' });
    await expect(loadConfig(mixed)).rejects.toThrow(
      '"pgVersion" is for PostgreSQL; with dialect "mysql" use "mysqlVersion"',
    );
  });
});

describe('the CLI', () => {
  it('lint --dialect mysql --mysql-version 8.0.35 says the target; --pg-version with it is a usage error', async () => {
    const dir = project({ 'migrations/001.sql': MYSQL_SQL });
    const r = await runCli(dir, 'lint', '--dialect', 'mysql', '--mysql-version', '8.0.35', '--no-color', 'migrations');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dialect: MySQL 8\.0\.35 \(--dialect\)\n/);
    const bad = await runCli(dir, 'lint', '--dialect', 'mysql', '--pg-version', '15', 'migrations');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pg-version is for PostgreSQL; for MySQL use --mysql-version');
    const junk = await runCli(dir, 'lint', '--dialect', 'mariadb', '--mysql-version', 'latest', 'migrations');
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain(
      '--mysql-version must be a MariaDB version such as 10.6, 10.11 or 11.4 (got "latest")',
    );
  });

  it('says "analysed N of M statements" and fails on unanalysed DDL; JSON has summary.analysed', async () => {
    const dir = project({ 'migrations/001.sql': 'ALTER TABLE t FROBNICATE;\nUPDATE t SET a = 1 WHERE id = 1;\n' });
    const r = await runCli(dir, 'lint', '--dialect', 'mysql', '--no-color', 'migrations');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('migrations/001.sql:1:1  error  syntax-error');
    expect(r.stdout).toContain(
      'not analysed: zerodown cannot read this statement as MySQL (unknown ALTER TABLE clause near "FROBNICATE" at line 1, column 15)',
    );
    expect(r.stdout).toContain('(analysed 1 of 2 statements; framework: plain)');
    const j = await runCli(dir, 'lint', '--dialect', 'mysql', '--format', 'json', 'migrations');
    expect(JSON.parse(j.stdout).summary).toEqual({ files: 1, statements: 2, errors: 1, warnings: 0, analysed: 1 });
  });
});

describe('detection', () => {
  it('Prisma provider, folder and file names, then the SQL; PostgreSQL evidence or none keeps the default', async () => {
    const prisma = project({
      'prisma/migrations/migration_lock.toml': 'provider = "mysql"\n',
      'prisma/migrations/2024_a/migration.sql': 'CREATE TABLE a (id INT);\n',
    });
    expect(await detectDialect([], prisma)).toEqual({ dialect: 'mysql', reason: 'Prisma provider "mysql"' });
    const pgPrisma = project({
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      'prisma/migrations/2024_a/migration.sql': 'CREATE TABLE `a` (id INT);\n',
    });
    expect((await detectDialect([], pgPrisma))?.dialect).toBe('postgres');
    const folder = project({ 'db/migrations/mysql/001.sql': 'CREATE TABLE a (id INT);\n' });
    expect(await detectDialect(['db/migrations/mysql'], folder)).toEqual({
      dialect: 'mysql',
      reason: 'file names (db/migrations/mysql/001.sql)',
    });
    const popx = project({ 'm/1.mysql.up.sql': 'x', 'm/1.postgres.up.sql': 'y' });
    expect(await detectDialect(['m'], popx)).toBeUndefined();
    const sql = project({ 'migrations/001.sql': MYSQL_SQL });
    expect(await detectDialect([], sql)).toEqual({
      dialect: 'mysql',
      reason: 'MySQL syntax in the SQL (backticks, ENGINE=, AUTO_INCREMENT)',
    });
    const pg = project({
      'migrations/001.sql': 'CREATE TABLE a (id SERIAL);\n',
      'migrations/002.sql': 'ALTER TABLE a ADD COLUMN `b` INT;\n',
    });
    expect(await detectDialect([], pg)).toBeUndefined();
    const quoted = project({ 'migrations/001.sql': "INSERT INTO notes VALUES ('use `backticks` and ENGINE=x');\n" });
    expect(await detectDialect([], quoted)).toBeUndefined();
  });

  it('the CLI says what it detected; --dialect and config `dialect` win over detection', async () => {
    const dir = project({ 'migrations/001.sql': MYSQL_SQL });
    const r = await runCli(dir, 'lint', '--no-color');
    expect(r.stdout).toMatch(
      /^dialect: MySQL 8\.0\.46 \(detected: MySQL syntax in the SQL \(backticks, ENGINE=, AUTO_INCREMENT\)\)\n/,
    );
    const forced = await runCli(dir, 'lint', '--no-color', '--dialect', 'mariadb');
    expect(forced.stdout).toMatch(/^dialect: MariaDB 10\.11 \(--dialect\)\n/);
  });
});

describe('rules see the target server', () => {
  it('ctx.server carries the flavor and version of the run', async () => {
    const seen: unknown[] = [];
    const probe = defineRule({
      meta: { id: 'probe', severity: 'warning', summary: 'records ctx.server', kinds: ['AlterTable'] },
      check(stmt, ctx) {
        seen.push(
          ctx.server,
          stmt.ast.type,
          ctx.table(stmt.ast.type === 'alter_table' ? stmt.ast.table : undefined)?.columns.length,
        );
      },
    });
    await lintSql('ALTER TABLE t ADD b INT', {
      dialect: 'mariadb',
      pgVersion: 100600,
      history: 'CREATE TABLE t (a INT)',
      ruleSet: [probe],
    });
    expect(seen).toEqual([{ flavor: 'mariadb', major: 10, minor: 6, patch: 0 }, 'alter_table', 1]);
  });
});
