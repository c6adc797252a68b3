/** Changed-only mode against a real git repository: what changed since a ref, and what that means for discovery. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { changedFiles, discover } from '../../src/discover/index.js';

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
const put = (rel: string, body: string) => {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), body);
};
const goose = (sql: string) => `-- +goose Up\n${sql}\n\n-- +goose Down\nSELECT 1;\n`;

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'zerodown-git-'));
  git('init', '-q', '-b', 'main');
  put('db/migrations/00001_users.sql', goose('CREATE TABLE users (id bigint PRIMARY KEY, name text);'));
  put('db/migrations/00002_orders.sql', goose('CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);'));
  put('README.md', 'shop\n');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
  git('checkout', '-q', '-b', 'feature');
  put('db/migrations/00003_email.sql', goose('ALTER TABLE users ADD COLUMN email text;'));
  git('add', '.');
  git('commit', '-q', '-m', 'email');
  // main moves on after the branch point: its new files are not this branch's changes
  git('checkout', '-q', 'main');
  put('db/migrations/00002_zz_main_only.sql', goose('SELECT 1;'));
  git('add', '.');
  git('commit', '-q', '-m', 'main only');
  git('checkout', '-q', 'feature');
  put('db/migrations/00004 name index.sql', goose('CREATE INDEX CONCURRENTLY users_name_idx ON users (name);')); // untracked, with a space
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('changedFiles', () => {
  it('lists files added since the merge base with the ref, plus untracked ones, as absolute paths', () => {
    expect([...changedFiles(repo, 'main')].sort()).toEqual([
      path.join(repo, 'db/migrations/00003_email.sql'),
      path.join(repo, 'db/migrations/00004 name index.sql'),
    ]);
  });

  it('adds staged and unstaged modifications, and works from a subdirectory', () => {
    appendFileSync(path.join(repo, 'db/migrations/00001_users.sql'), '-- touched\n');
    try {
      const changed = changedFiles(path.join(repo, 'db'), 'main');
      expect([...changed].map((f) => path.basename(f)).sort()).toEqual([
        '00001_users.sql',
        '00003_email.sql',
        '00004 name index.sql',
      ]);
    } finally {
      git('checkout', '-q', '--', 'db/migrations/00001_users.sql');
    }
  });

  it('a bad ref is a usage error that says what to do', () => {
    expect(() => changedFiles(repo, 'origin/nope')).toThrow(
      /--since origin\/nope: no such commit, branch or tag in this repository \(fetch it first/,
    );
    expect(() => changedFiles(repo, 'origin/nope')).toThrow(expect.objectContaining({ name: 'DiscoveryError' }));
  });

  it('feeds discovery: earlier migrations become history, the changed ones are reviewed', async () => {
    const ms = await discover(['db/migrations'], { cwd: repo, reviewOnly: changedFiles(repo, 'main') });
    expect(ms.map((m) => [path.basename(m.path), m.review])).toEqual([
      ['00001_users.sql', false],
      ['00002_orders.sql', false],
      ['00003_email.sql', true],
      ['00004 name index.sql', true],
    ]);
  });
});
