/**
 * `zerodown init` on fresh copies of the Prisma and goose fixtures (the real CLI entry, in-process): what it
 * detects, that the config it writes loads with src/config.ts and makes `zerodown lint` find the migrations,
 * the GitHub workflow and the GitLab job, and that it never overwrites or half-writes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { GITLAB_INCLUDE_FILE, GITLAB_JOB } from '../../src/init/index.js';
import { runCli } from '../cli-harness.js';
import { scratchCopy } from '../discover/helpers.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A fresh copy of a fixture repository, as a git repository with an optional remote. */
function repo(fixture: string, remote?: string): string {
  const s = scratchCopy(fixture);
  cleanups.push(s.cleanup);
  execFileSync('git', ['init', '-q', s.dir]);
  if (remote) execFileSync('git', ['-C', s.dir, 'remote', 'add', 'origin', remote]);
  return s.dir;
}

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const actionInputs = Object.keys(
  (parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs,
);

/** Every file under `dir` (but .git) with its content, to check that a refused run changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

async function lintJson(dir: string) {
  const r = await runCli(dir, 'lint', '--format', 'json');
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as { files: { path: string }[] } };
}

describe('zerodown init on GitHub', () => {
  it('Prisma: writes a commented config and the workflow; the config loads and lint finds the migrations', async () => {
    const dir = repo('prisma', 'https://github.com/acme/shop.git');
    const before = await lintJson(dir); // auto-discovery, no config
    const r = await runCli(dir, 'init');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('migrations: prisma/migrations (prisma)');
    expect(r.stdout).toContain('dialect:    postgres (detected: Prisma provider "postgresql")');
    expect(r.stdout).toContain('CI:         GitHub Actions (git remote on github.com)');
    expect(r.stdout).toMatch(/^ {2}wrote zerodown\.config\.json +settings/m);
    expect(r.stdout).toMatch(/^ {2}wrote \.github\/workflows\/zerodown\.yml +GitHub Action/m);
    expect(r.stdout).toMatch(
      /next:\n {2}npx zerodown lint .*\n {2}git add zerodown\.config\.json \.github\/workflows\/zerodown\.yml/,
    );

    // commented JSON: the comments say what each key does, and it loads with the loader lint uses
    const text = read(dir, 'zerodown.config.json');
    expect(text).toMatch(/^ {2}\/\/ Migration folders/m);
    expect(text).toMatch(/^ {2}\/\/ "pgVersion": 15,$/m); // not found: left for the user, not guessed
    const { config, file } = await loadConfig(dir);
    expect(file).toBe(path.join(dir, 'zerodown.config.json'));
    expect(config).toEqual({ paths: ['prisma/migrations'], framework: 'prisma', dialect: 'postgres', failOn: 'error' });

    // lint with the written config reads the same migrations as auto-discovery did
    const after = await lintJson(dir);
    expect(after.report.files.map((f) => f.path)).toEqual(before.report.files.map((f) => f.path));
    expect(after.report.files.length).toBe(5);
    expect(after.code).toBe(before.code);

    // the workflow: the README's shape, minimal permissions, only inputs action.yml declares
    const wf = parse(read(dir, '.github/workflows/zerodown.yml')) as any;
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const steps = wf.jobs.zerodown.steps as any[];
    expect(steps[0].uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(steps[1].uses).toBe('zerodown/zerodown@v1');
    for (const key of Object.keys(steps[1].with ?? {})) expect(actionInputs).toContain(key);
  });

  it('goose with --yaml: a commented .zerodown.yml that loads; lint finds the goose migrations', async () => {
    const dir = repo('goose');
    const r = await runCli(dir, 'init', '--yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CI:         GitHub Actions (default: nothing points to GitLab)');
    const text = read(dir, '.zerodown.yml');
    expect(text).toMatch(/^# The migration tool/m);
    expect(text).toMatch(/^# pgVersion: 15$/m);
    expect((await loadConfig(dir)).config).toEqual({
      paths: ['migrations'],
      framework: 'goose',
      dialect: 'postgres',
      failOn: 'error',
    });
    const lint = await runCli(dir, 'lint', '--no-color');
    expect(lint.stdout).toMatch(/in \d+ of 5 migration files .*framework: goose/);
    expect(existsSync(path.join(dir, '.github/workflows/zerodown.yml'))).toBe(true);
  });

  it('takes the target version from the repository, and MariaDB from its image over Prisma’s "mysql"', async () => {
    const pg = repo('goose');
    writeFileSync(
      path.join(pg, 'docker-compose.yml'),
      'services:\n  db:\n    image: "postgres:16.4-alpine"\n  cache:\n    image: redis:7\n',
    );
    await runCli(pg, 'init');
    expect(read(pg, 'zerodown.config.json')).toMatch(
      /\/\/ Your production PostgreSQL version \(from docker-compose\.yml: postgres:16\.4-alpine\)/,
    );
    expect((await loadConfig(pg)).config.pgVersion).toBe(16);

    // Supabase's local database major, from supabase/config.toml
    const sb = repo('supabase');
    const sbRun = await runCli(sb, 'init');
    expect(sbRun.stdout).toContain('dialect:    postgres 15 (supabase/config.toml: [db] major_version)');
    expect((await loadConfig(sb)).config).toMatchObject({
      paths: ['supabase/migrations'],
      framework: 'supabase',
      pgVersion: 15,
    });

    // GitLab's short form of a service
    const gl = repo('goose');
    writeFileSync(path.join(gl, '.gitlab-ci.yml'), 'test:\n  services:\n    - postgres:14.11\n  script: [make test]\n');
    await runCli(gl, 'init');
    expect((await loadConfig(gl)).config.pgVersion).toBe(14);

    const maria = repo('prisma');
    const lock = path.join(maria, 'prisma/migrations/migration_lock.toml');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace('postgresql', 'mysql'));
    mkdirSync(path.join(maria, '.github/workflows'), { recursive: true });
    writeFileSync(
      path.join(maria, '.github/workflows/test.yml'),
      'jobs:\n  test:\n    services:\n      db:\n        image: mariadb:10.11\n',
    );
    const r = await runCli(maria, 'init');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dialect:    mariadb 10.11');
    expect((await loadConfig(maria)).config).toMatchObject({ dialect: 'mariadb', mysqlVersion: '10.11' });
    // MariaDB has no embedded engine: the workflow brings the server of that version as the shadow
    const wf = parse(read(maria, '.github/workflows/zerodown.yml')) as any;
    expect(wf.jobs.zerodown.services.mariadb.image).toBe('mariadb:10.11');
    const step = wf.jobs.zerodown.steps[1];
    expect(step.with['shadow-database-url']).toBe('mariadb://root:root@127.0.0.1:3306/mysql');
    for (const key of Object.keys(step.with)) expect(actionInputs).toContain(key);
    expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('refuses to overwrite: exit 2, names every file in the way, changes nothing; --force overwrites', async () => {
    const dir = repo('prisma');
    expect((await runCli(dir, 'init')).code).toBe(0);
    writeFileSync(path.join(dir, 'zerodown.config.json'), '{ "paths": ["prisma/migrations"] }\n');
    const before = snapshot(dir);
    const again = await runCli(dir, 'init');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /nothing written: zerodown\.config\.json, \.github\/workflows\/zerodown\.yml already exist\. Run init again with --force/,
    );
    expect(snapshot(dir)).toEqual(before);

    const printed = await runCli(dir, 'init', '--print');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('--- zerodown.config.json');
    expect(printed.stdout).toContain('in the way: zerodown.config.json exists (--force overwrites it)');
    expect(snapshot(dir)).toEqual(before);

    const forced = await runCli(dir, 'init', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/overwrote zerodown\.config\.json/);
    expect((await loadConfig(dir)).config.framework).toBe('prisma');
  });

  it('a repository without migrations yet: paths left commented out, and a warning saying so', async () => {
    const dir = repo('plain');
    const r = await runCli(dir, 'init');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('migrations: no migration folder yet');
    expect(r.stderr).toContain('warning: no migration folder found');
    expect(read(dir, 'zerodown.config.json')).toMatch(/^ {2}\/\/ "paths": \["db\/migrations"\],$/m);
    expect((await loadConfig(dir)).config).toEqual({ dialect: 'postgres', failOn: 'error' });
  });

  it('a write that fails leaves nothing behind: no config without its workflow, no temporary file', async () => {
    const dir = repo('goose');
    writeFileSync(path.join(dir, '.github'), 'a file where the workflow folder should be\n');
    const before = snapshot(dir);
    const r = await runCli(dir, 'init');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zerodown: nothing written: .*\.github/m);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a config in the other format is in the way even with --force (it would be read instead)', async () => {
    const dir = repo('goose');
    writeFileSync(path.join(dir, 'zerodown.config.json'), '{}\n');
    const r = await runCli(dir, 'init', '--yaml', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zerodown.config.json exists and is read before .zerodown.yml');
    expect(existsSync(path.join(dir, '.zerodown.yml'))).toBe(false);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('another workflow already running zerodown is in the way, even with --force (two would fight over the comment)', async () => {
    const dir = repo('goose');
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      path.join(dir, '.github/workflows/migrations.yml'),
      'on: pull_request\njobs:\n  z:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: zerodown/zerodown@v1\n',
    );
    const r = await runCli(dir, 'init', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.github/workflows/migrations.yml already runs zerodown/zerodown');
    expect(existsSync(path.join(dir, 'zerodown.config.json'))).toBe(false);
  });

  it('a folder name is data: quotes and control characters in it cannot break the file it is written into', async () => {
    const dir = repo('plain');
    const name = 'we"ird\u202e\x1b[2J';
    const odd = path.join(dir, name, 'migrations');
    mkdirSync(odd, { recursive: true });
    writeFileSync(path.join(odd, '001_init.sql'), 'CREATE TABLE t (id bigint);\n');
    const r = await runCli(dir, 'init');
    expect(r.code).toBe(0);
    const text = read(dir, 'zerodown.config.json');
    // shown as escapes in the comment, JSON-escaped in the value
    expect(text).toContain('// Migration folders, as found: we"ird\\u202e\\x1b[2J/migrations (plain)');
    expect(text).not.toContain('\x1b');
    expect((await loadConfig(dir)).config.paths).toEqual([`${name}/migrations`]);
    expect(r.stdout).not.toContain('\x1b');
  });
});

it('in a sub-folder of a git repository it says to run it at the root, where CI reads its files', async () => {
  const dir = repo('prisma');
  const r = await runCli(path.join(dir, 'prisma'), 'init');
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /is inside the git repository .*: zerodown init writes the config and the CI file at the repository's root/,
  );
  expect(existsSync(path.join(dir, 'prisma', 'zerodown.config.json'))).toBe(false);
});

// docs/gitlab.md (the gitlab command's page) shows the job init writes: the same text, from one constant
it('docs/gitlab.md shows GITLAB_JOB verbatim', () => {
  expect(readFileSync(path.join(ROOT, 'docs/gitlab.md'), 'utf8')).toContain(`\`\`\`yaml\n${GITLAB_JOB}\`\`\``);
});

describe('zerodown init on GitLab', () => {
  it('a GitLab remote: writes .gitlab-ci.yml holding the contract job, verbatim', async () => {
    const dir = repo('goose', 'git@gitlab.com:acme/shop.git');
    const r = await runCli(dir, 'init');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CI:         GitLab CI (git remote on gitlab.com)');
    expect(r.stdout).toContain('ZERODOWN_GITLAB_TOKEN');
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
    const text = read(dir, '.gitlab-ci.yml');
    expect(text.endsWith(GITLAB_JOB)).toBe(true);
    const ci = parse(text) as any;
    expect(Object.keys(ci)).toEqual(['zerodown']);
    expect(ci.zerodown).toEqual({
      stage: 'test',
      image: 'node:20',
      rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }],
      variables: { GIT_DEPTH: '0' },
      script: ['npx --yes zerodown gitlab'],
      artifacts: { when: 'always', reports: { codequality: 'gl-code-quality-report.json' } },
    });
    expect((await loadConfig(dir)).config.framework).toBe('goose');
  });

  it('an existing .gitlab-ci.yml is never edited: the job goes to its own file, with the include to add', async () => {
    const dir = repo('goose');
    const own = 'stages: [build, deploy]\nbuild:\n  stage: build\n  script: [make]\n';
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), own);
    const r = await runCli(dir, 'init', '--force');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CI:         GitLab CI (.gitlab-ci.yml)');
    expect(read(dir, '.gitlab-ci.yml')).toBe(own);
    expect(parse(read(dir, GITLAB_INCLUDE_FILE)).zerodown).toEqual(parse(GITLAB_JOB).zerodown);
    expect(r.stdout).toContain(`include:\n      - local: ${GITLAB_INCLUDE_FILE}`);
    expect(r.stdout).toContain('stages: [build, deploy] without "test"');
    // the include it prints, added to the file, is valid YAML naming the file init wrote
    const included = parse(`${own}include:\n  - local: ${GITLAB_INCLUDE_FILE}\n`) as any;
    expect(existsSync(path.join(dir, included.include[0].local))).toBe(true);
  });

  it('--ci gitlab wins over a GitHub remote', async () => {
    const dir = repo('prisma', 'https://github.com/acme/shop.git');
    // from the parent directory, with --dir: the next steps start with the cd to make
    const r = await runCli(path.dirname(dir), 'init', '--ci', 'gitlab', '--dir', path.basename(dir));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`next:\n  cd ${path.basename(dir)}\n  npx zerodown lint`);
    expect(r.stdout).toContain('CI:         GitLab CI (--ci)');
    expect(read(dir, '.gitlab-ci.yml')).toContain(GITLAB_JOB);
  });
});
