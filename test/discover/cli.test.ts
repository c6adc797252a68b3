/** `zerodown lint` without paths (auto-discovery), with --since (changed-only) and --framework, run in-process. */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli as run } from '../cli-harness.js';
import { scratchCopy } from './helpers.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
const copy = (fixture: string) => {
  const s = scratchCopy(fixture);
  cleanups.push(s.cleanup);
  return s.dir;
};
type JsonFile = { path: string; findings: { rule: string; line: number }[] };

describe('zerodown lint and migration tools', () => {
  it('without paths it finds the migrations itself and names the tool in the text summary', async () => {
    const dir = copy('goose');
    const r = await run(dir, 'lint', '--no-color');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/framework: goose/);
    expect(r.stdout).toMatch(/migrations\/00003_email\.sql:3:\d+/);
    expect(r.code).toBe(1); // CONCURRENTLY inside goose's transaction
  });

  it('--since lints only what changed since the ref, with the earlier files as history', async () => {
    const dir = copy('dbmate');
    const git = (...a: string[]) =>
      execFileSync('git', a, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    mkdirSync(path.join(dir, 'db', 'migrations'), { recursive: true });
    writeFileSync(
      path.join(dir, 'db', 'migrations', '20240201090000_users_email_lower.sql'),
      '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_email_lower_idx ON users (lower(email));\n\n-- migrate:down\nDROP INDEX users_email_lower_idx;\n',
    );
    const r = await run(dir, 'lint', '--since', 'main', '--format', 'json');
    const files = JSON.parse(r.stdout).files as JsonFile[];
    expect(files.map((f) => f.path)).toEqual(['db/migrations/20240201090000_users_email_lower.sql']);
    expect(files[0]!.findings.filter((f) => f.rule === 'ban-concurrent-index-creation-in-transaction')).toEqual([]);
    expect(r.code).toBe(0);
    // untracked files count as changed
    const none = await run(dir, 'lint', '--since', 'HEAD', '--format', 'json');
    expect(JSON.parse(none.stdout).files.map((f: JsonFile) => f.path)).toEqual([
      'db/migrations/20240201090000_users_email_lower.sql',
    ]);
    git('add', '.');
    git('commit', '-q', '-m', 'index');
    const clean = await run(dir, 'lint', '--since', 'HEAD', '--format', 'json');
    expect(JSON.parse(clean.stdout).files).toEqual([]); // nothing to review, nothing replayed
    expect(clean.code).toBe(0);
    const bad = await run(dir, 'lint', '--since', 'no-such-branch');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^zerodown: --since no-such-branch: no such commit, branch or tag/);
  });

  it('--framework overrides detection: as plain SQL the goose Down section is linted as forward SQL', async () => {
    const dir = copy('goose');
    writeFileSync(
      path.join(dir, 'migrations', '00020_comment.sql'),
      "-- +goose Up\nCOMMENT ON TABLE orders IS 'orders';\n\n-- +goose Down\nDROP TABLE orders;\n",
    );
    const rulesOf = (out: string) =>
      (JSON.parse(out).files as JsonFile[]).at(-1)!.findings.map((f) => `${f.rule}@${f.line}`);
    expect(rulesOf((await run(dir, 'lint', 'migrations', '--format', 'json')).stdout)).toEqual([]);
    expect(
      rulesOf((await run(dir, 'lint', 'migrations', '--framework', 'plain', '--format', 'json')).stdout),
    ).toContain('ban-drop-table@5');
  });
});
