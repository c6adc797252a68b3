/** `zerodown lint --only-migrations <files>` (the pre-commit hook's command), in-process: which files count. */
import { afterAll, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCli, writeProject } from '../cli-harness.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const project = (files: Record<string, string>) => {
  const d = writeProject(tmpdir(), files);
  dirs.push(d);
  return d;
};

const HISTORY = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n';
const UNSAFE = 'CREATE INDEX users_email_idx ON users (email);\n';

it('config `paths` decides which folders hold migrations: the same SQL elsewhere is not linted', async () => {
  const dir = project({
    'zerodown.config.json': '{ "paths": ["db/migrations"] }',
    'db/migrations/001_users.sql': HISTORY,
    'db/migrations/002_email_idx.sql': UNSAFE,
    // a folder auto-discovery would take, left out of the config's paths
    'legacy/migrations/001_users.sql': HISTORY,
    'legacy/migrations/002_email_idx.sql': UNSAFE,
  });
  const r = await runCli(
    dir,
    'lint',
    '--only-migrations',
    '--format',
    'json',
    'db/migrations/002_email_idx.sql',
    'legacy/migrations/002_email_idx.sql',
  );
  expect(r.code).toBe(1);
  const files = (JSON.parse(r.stdout) as { files: { path: string; findings: { rule: string }[] }[] }).files;
  // the reviewed file only (history is replayed, not reported), and the rule saw `users` from the history
  expect(files.map((f) => f.path)).toEqual(['db/migrations/002_email_idx.sql']);
  expect(files[0]!.findings.map((f) => f.rule)).toContain('require-concurrent-index-creation');
});

it('files that are no migrations, or a repository without migrations, pass silently', async () => {
  const dir = project({ 'db/migrations/001_users.sql': HISTORY, 'queries/report.sql': 'DROP TABLE users;\n' });
  expect(await runCli(dir, 'lint', '--only-migrations', 'queries/report.sql', 'README.md')).toEqual({
    code: 0,
    stdout: '',
    stderr: '',
  });
  const none = project({ 'sql/report.sql': 'DROP TABLE users;\n' });
  expect(await runCli(none, 'lint', '--only-migrations', 'sql/report.sql')).toEqual({
    code: 0,
    stdout: '',
    stderr: '',
  });
});

it('--only-migrations with --since is a usage error', async () => {
  const dir = project({ 'db/migrations/001_users.sql': HISTORY });
  const r = await runCli(dir, 'lint', '--only-migrations', '--since', 'main', 'db/migrations/001_users.sql');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--only-migrations and --since exclude each other');
});
