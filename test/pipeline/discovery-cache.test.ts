/**
 * A discovery reused when only the files under review changed (src/pipeline/discovery-cache.ts): the pre-commit
 * hook's run again after an edit of the staged migration answers as a run that discovers everything, and anything
 * else that changes (a history file, a folder, the config) makes the run discover again.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { discoveryKey, lastReuse, reuseDiscovery, saveDiscovery } from '../../src/pipeline/discovery-cache.js';
import { noteInspected, recordRead, replaySaved, startRecording, stopRecording } from '../../src/pipeline/rerun.js';
import { readReport } from '../../src/pipeline/saved-report.js';
import { DiscoveryError, findMigrations } from '../../src/discover/index.js';
import { forgetSecrets } from '../../src/secrets.js';
import { runCli, withCacheIn, writeProject } from '../cli-harness.js';

const tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'zd-discovery-cache-')));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeEach(() => forgetSecrets());

/** `fn` with the lint caches in a folder of their own, outside the project. */
const withCache = <T>(fn: (cacheDir: string) => Promise<T>) => withCacheIn(tmp, fn);
const entries = (cacheDir: string) =>
  readdirSync(path.join(cacheDir, 'findings')).filter((f) => f.endsWith('.discovery'));
/** what was written less than 2 s before a run is stamped by its content, and not saved for reuse: wait it out */
const settle = () => new Promise((r) => setTimeout(r, 2100));

/** 45 plain migrations (more than the 40 files tool detection looks into), `users` created first */
function history(dir = 'db/migrations'): Record<string, string> {
  const files: Record<string, string> = {
    [`${dir}/001_users.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
  };
  for (let i = 2; i <= 45; i++)
    files[`${dir}/${String(i).padStart(3, '0')}_t${i}.sql`] = `CREATE TABLE t${i} (id bigint PRIMARY KEY);\n`;
  return files;
}
const STAGED = 'db/migrations/100_email_idx.sql';
const UNSAFE = 'CREATE INDEX users_email_idx ON users (email);\n';
const hook = (dir: string, ...more: string[]) =>
  runCli(dir, 'lint', '--only-migrations', '--format', 'json', ...more, STAGED, 'queries/report.sql');

describe('the hook run again after an edit of the staged file', () => {
  it('reuses the discovery, and says what a run that discovers everything says', async () => {
    const dir = writeProject(tmp, { ...history(), [STAGED]: UNSAFE, 'queries/report.sql': 'DROP TABLE users;\n' });
    await settle();
    await withCache(async (cacheDir) => {
      const first = await hook(dir);
      expect(lastReuse()).toBe('missed');
      expect(first.code).toBe(1);
      expect(entries(cacheDir)).toHaveLength(1);
      // edits of the staged file, each reusing what the first run found
      for (const sql of [
        'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n',
        'ALTER TABLE users ADD COLUMN score int NOT NULL DEFAULT 0;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n',
        // a table the history does not have: the reused history's schema is the one the findings see
        'ALTER TABLE ghosts ADD COLUMN x int;\n',
      ]) {
        writeFileSync(path.join(dir, STAGED), sql);
        const again = await hook(dir);
        expect(lastReuse()).toBe('reused');
        const fresh = await hook(dir, '--no-cache');
        expect(again).toEqual(fresh);
      }
      // the same for a file named on the command line, without --only-migrations
      const named = await runCli(dir, 'lint', '--format', 'json', STAGED);
      expect(lastReuse()).toBe('missed');
      writeFileSync(path.join(dir, STAGED), UNSAFE);
      const namedAgain = await runCli(dir, 'lint', '--format', 'json', STAGED);
      expect(lastReuse()).toBe('reused');
      expect(namedAgain).toEqual(await runCli(dir, 'lint', '--no-cache', '--format', 'json', STAGED));
      expect(named.stdout).not.toBe(namedAgain.stdout);
    });
  });

  it('a run that reused it stamps all it depended on: its saved report is not served once a history file changes', async () => {
    const dir = writeProject(tmp, { ...history(), [STAGED]: UNSAFE, 'queries/report.sql': 'DROP TABLE users;\n' });
    await settle();
    await withCache(async () => {
      await hook(dir);
      writeFileSync(path.join(dir, STAGED), `${UNSAFE}-- edited\n`);
      const reused = await hook(dir);
      expect(lastReuse()).toBe('reused');
      // the command line's first step (src/cli/bin.ts) answers the same command from the stamp that run saved
      const argv = ['lint', '--only-migrations', '--format', 'json', STAGED, 'queries/report.sql'];
      const served = replaySaved(argv, dir, process.env, false);
      expect(served && readReport(served.report).toString('utf8')).toBe(reused.stdout);
      appendFileSync(path.join(dir, 'db/migrations/001_users.sql'), '-- edited\n');
      expect(replaySaved(argv, dir, process.env, false)).toBeUndefined();
    });
  });

  it('discovers again when anything else it read changes: a file added, a history file edited, a config file', async () => {
    const dir = writeProject(tmp, { ...history(), [STAGED]: UNSAFE, 'queries/report.sql': 'DROP TABLE users;\n' });
    await settle();
    await withCache(async () => {
      await hook(dir);
      await hook(dir);
      expect(lastReuse()).toBe('reused');
      const changes: [string, () => void][] = [
        // `users` dropped before the staged file: its index now fails on a table that does not exist
        ['a migration added', () => writeFileSync(path.join(dir, 'db/migrations/050_drop.sql'), 'DROP TABLE users;\n')],
        ['a history file edited', () => appendFileSync(path.join(dir, 'db/migrations/001_users.sql'), '-- edited\n')],
        ['a config file', () => writeFileSync(path.join(dir, 'zerodown.config.json'), '{ "framework": "plain" }\n')],
        ['a history file removed', () => rmSync(path.join(dir, 'db/migrations/050_drop.sql'))],
      ];
      for (const [what, change] of changes) {
        change();
        const r = await hook(dir);
        expect(r.code, what).toBe(1);
        expect(lastReuse(), what).toBe('missed');
        expect(r, what).toEqual(await hook(dir, '--no-cache'));
        // settled again, the next run reuses what this one found
        await settle();
        await hook(dir);
        await hook(dir);
        expect(lastReuse(), what).toBe('reused');
      }
    });
  });

  it("reads the staged file's tool markers again (goose's NO TRANSACTION)", async () => {
    const goose = (i: number) => `-- +goose Up\nCREATE TABLE g${i} (id bigint PRIMARY KEY);\n`;
    const files: Record<string, string> = {};
    for (let i = 1; i <= 45; i++) files[`migrations/${String(i).padStart(3, '0')}_g${i}.sql`] = goose(i);
    const staged = 'migrations/100_idx.sql';
    const wrapped = '-- +goose Up\nCREATE INDEX CONCURRENTLY g1_id ON g1 (id);\n';
    const alone = `-- +goose NO TRANSACTION\n${wrapped}`;
    const dir = writeProject(tmp, { ...files, [staged]: wrapped });
    const run = (...more: string[]) => runCli(dir, 'lint', '--only-migrations', '--format', 'json', ...more, staged);
    await settle();
    await withCache(async () => {
      const inTx = await run();
      // goose runs the file in a transaction, where CONCURRENTLY fails
      expect(inTx.stdout).toContain('goose');
      for (const sql of [alone, wrapped, alone]) {
        writeFileSync(path.join(dir, staged), sql);
        const r = await run();
        expect(lastReuse()).toBe('reused');
        expect(r).toEqual(await run('--no-cache'));
      }
      expect((await run()).stdout).not.toBe(inTx.stdout);
    });
  });

  it("discovers again when the staged file's text changes what tool the folder is (SQLx's -- no-transaction)", async () => {
    const dir = writeProject(tmp, { ...history(), [STAGED]: UNSAFE, 'queries/report.sql': 'DROP TABLE users;\n' });
    await settle();
    // the text report names the tool (`framework: …`)
    const run = (...more: string[]) => runCli(dir, 'lint', '--only-migrations', ...more, STAGED);
    await withCache(async () => {
      const plain = await run();
      await run();
      expect(lastReuse()).toBe('reused');
      // the only file with the directive: the folder is now SQLx's, which runs this file outside a transaction
      writeFileSync(path.join(dir, STAGED), `-- no-transaction\n${UNSAFE}`);
      const sqlx = await run();
      expect(lastReuse()).toBe('missed');
      expect(sqlx).toEqual(await run('--no-cache'));
      expect(sqlx.stdout).toContain('framework: sqlx');
      expect(plain.stdout).not.toContain('framework: sqlx');
    });
  });

  it('saves nothing when discovery read a file under review whole, for anything but a named marker', async () => {
    const dir = writeProject(tmp, { ...history(), [STAGED]: UNSAFE });
    await settle();
    await withCache(async (cacheDir) => {
      const argv = ['lint', '--only-migrations', STAGED];
      const found = await findMigrations(['db/migrations'], {
        cwd: dir,
        reviewOnly: new Set([path.join(dir, STAGED)]),
      });
      const save = (whole: boolean) => {
        const record = startRecording();
        try {
          for (const m of found.migrations) recordRead(m.absPath, () => m.source);
          if (whole) noteInspected(path.join(dir, STAGED));
          else noteInspected(path.join(dir, STAGED), ['dialect', '']);
          saveDiscovery(
            path.join(cacheDir, 'findings'),
            discoveryKey(argv, dir, process.env),
            record,
            undefined,
            found,
          );
        } finally {
          stopRecording();
        }
      };
      save(true);
      expect(existsSync(path.join(cacheDir, 'findings'))).toBe(false);
      save(false);
      expect(entries(cacheDir)).toHaveLength(1);
    });
  });

  it('a save through a temporary file and a rename (as editors do) still reuses it; a new migration folder does not', async () => {
    const files: Record<string, string> = {};
    for (const [i, name] of ['2020-01-01-000000_users', '2020-01-02-000000_posts'].entries())
      files[`migrations/${name}/up.sql`] =
        i === 0 ? 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n' : 'CREATE TABLE posts (id bigint);\n';
    const staged = 'migrations/2999-01-01-000000_email/up.sql';
    const dir = writeProject(tmp, { ...files, [staged]: UNSAFE });
    const run = (...more: string[]) => runCli(dir, 'lint', '--only-migrations', '--format', 'json', ...more, staged);
    await settle();
    await withCache(async () => {
      const first = await run();
      const tmpFile = path.join(dir, `${staged}.swp`);
      writeFileSync(tmpFile, 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n');
      renameSync(tmpFile, path.join(dir, staged));
      const r = await run();
      expect(lastReuse()).toBe('reused');
      expect(r).toEqual(await run('--no-cache'));
      expect(r.stdout).not.toBe(first.stdout);
      // a migration folder added between the history and the staged one: the order may change, discover again
      mkdirSync(path.join(dir, 'migrations/2021-01-01-000000_drop'));
      writeFileSync(path.join(dir, 'migrations/2021-01-01-000000_drop/up.sql'), 'DROP TABLE users;\n');
      const after = await run();
      expect(lastReuse()).toBe('missed');
      expect(after).toEqual(await run('--no-cache'));
    });
  });

  it("reads the history's files when its schema is no longer cached, and stops if one changed meanwhile", async () => {
    const dir = writeProject(tmp, { ...history(), [STAGED]: UNSAFE, 'queries/report.sql': 'DROP TABLE users;\n' });
    await settle();
    await withCache(async (cacheDir) => {
      const first = await hook(dir);
      rmSync(path.join(cacheDir, 'catalog'), { recursive: true });
      expect(await hook(dir)).toEqual(first);
      expect(lastReuse()).toBe('reused');
      // the module's own view: a reused history file whose text changed after the check is not read as it is now
      const argv = ['lint', '--only-migrations', STAGED];
      await runCli(dir, ...argv);
      const record = startRecording();
      try {
        const reused = reuseDiscovery(path.join(cacheDir, 'findings'), discoveryKey(argv, dir, process.env));
        const revived = await reused?.revive(17);
        expect(record.seen.size).toBeGreaterThan(45);
        const users = revived!.migrations.find((m) => m.path === 'db/migrations/001_users.sql')!;
        const posts = revived!.migrations.find((m) => m.path === 'db/migrations/002_t2.sql')!;
        expect(posts.source).toBe('CREATE TABLE t2 (id bigint PRIMARY KEY);\n');
        appendFileSync(path.join(dir, 'db/migrations/001_users.sql'), '-- changed meanwhile\n');
        expect(() => users.source).toThrow(DiscoveryError);
      } finally {
        stopRecording();
      }
    });
  });

  it('a commit of SQL files that are no migrations: saved as such, and answered again without discovery', async () => {
    const dir = writeProject(tmp, { ...history(), 'db/scripts/100_drop.sql': 'DROP TABLE users;\n' });
    await settle();
    await withCache(async () => {
      const run = () => runCli(dir, 'lint', '--only-migrations', 'db/scripts/100_drop.sql');
      expect(await run()).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(await run()).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(lastReuse()).toBe('reused');
      // a config that names the folder: now the file is a migration
      writeFileSync(path.join(dir, 'zerodown.config.json'), '{ "paths": ["db/migrations", "db/scripts"] }\n');
      const named = await run();
      expect(lastReuse()).toBe('missed');
      expect(named.code).toBe(1);
      expect(named.stdout).toContain('100_drop.sql');
    });
  });
});
