/**
 * The sticky-comment and file-list logic in process, with the real octokit
 * (@actions/github) talking to the local GitHub stand-in over HTTP: the cases
 * that would each need another full Action run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getOctokit } from '@actions/github';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { explainNoComment, findStickyComment, upsertStickyComment } from '../../src/action/comment.js';
import { changedFiles } from '../../src/action/files.js';
import { selectMigrations } from '../../src/review/index.js';
import { STICKY_MARKER, stickyMarker } from '../../src/report/markdown.js';
import { readInputs } from '../../src/action/inputs.js';
import { startFakeGitHub, type FakeGitHub } from './github-server.js';
import { NEW_MIGRATION, makeWorkspace, type Workspace } from './harness.js';

let gh: FakeGitHub;
let tmp: string;
let ws: Workspace;
const pr = { owner: 'acme', repo: 'shop', number: 7 };
const octokit = () => getOctokit('ghp_personal', { baseUrl: gh.url });

beforeAll(async () => {
  gh = await startFakeGitHub({ owner: pr.owner, repo: pr.repo, prNumber: pr.number });
  tmp = mkdtempSync(path.join(tmpdir(), 'zd-comment-'));
  ws = makeWorkspace(tmp);
});
afterAll(async () => {
  await gh.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  gh.comments.splice(0);
  gh.requests.splice(0);
  gh.files.splice(0);
  gh.failWrites = gh.failFiles = undefined;
  gh.tokenUser = undefined;
});

describe('sticky comment', () => {
  it('does not create a comment on a PR without migration changes, but updates an existing one', async () => {
    const skipped = await upsertStickyComment(octokit(), pr, `${STICKY_MARKER}\nnothing`, { createIfMissing: false });
    expect(skipped.action).toBe('skipped');
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);

    const ours = gh.addComment(`${STICKY_MARKER}\nold findings`);
    const updated = await upsertStickyComment(octokit(), pr, `${STICKY_MARKER}\n✅ fixed`, { createIfMissing: false });
    expect(updated).toMatchObject({ action: 'updated', id: ours.id });
    expect(gh.comments.find((c) => c.id === ours.id)!.body).toContain('✅ fixed');
  });

  it('with a personal token, finds its own comment through GET /user and never edits someone else’s marker', async () => {
    gh.tokenUser = 'alice';
    gh.addComment(`${STICKY_MARKER} copied by mallory`, { login: 'mallory', id: 9, type: 'User' });
    const alice = gh.addComment(`${STICKY_MARKER}\nalice's zerodown comment`, { login: 'alice', id: 10, type: 'User' });
    const found = await findStickyComment(octokit(), pr);
    expect(found?.id).toBe(alice.id);
    expect(gh.requests.some((r) => r.path === '/user')).toBe(true);

    // an installation token cannot call GET /user: a human's marker is then never taken as ours
    gh.tokenUser = undefined;
    gh.comments.splice(gh.comments.indexOf(alice), 1);
    const out = await upsertStickyComment(octokit(), pr, `${STICKY_MARKER}\nnew`, { createIfMissing: true });
    expect(out.action).toBe('created');
    expect(gh.comments.find((c) => c.user.login === 'mallory')!.body).toBe(`${STICKY_MARKER} copied by mallory`);
  });

  it('jobs with a comment-key (a matrix) keep one comment each, and leave the default comment alone', async () => {
    const plain = gh.addComment(`${STICKY_MARKER}\nthe default job`);
    const pg15 = stickyMarker('pg-15');
    const pg16 = stickyMarker('pg-16');
    const a = await upsertStickyComment(octokit(), pr, `${pg15}\nfirst`, { createIfMissing: true, marker: pg15 });
    const b = await upsertStickyComment(octokit(), pr, `${pg16}\nfirst`, { createIfMissing: true, marker: pg16 });
    expect([a.action, b.action]).toEqual(['created', 'created']);
    const again = await upsertStickyComment(octokit(), pr, `${pg15}\nsecond`, { createIfMissing: true, marker: pg15 });
    expect(again).toMatchObject({ action: 'updated', id: (a as { id: number }).id });
    expect(gh.comments).toHaveLength(3);
    expect(gh.comments.find((c) => c.id === plain.id)!.body).toBe(`${STICKY_MARKER}\nthe default job`);
    expect(gh.comments.find((c) => c.id === (b as { id: number }).id)!.body).toBe(`${pg16}\nfirst`);
  });

  it('a comment-key that could break out of its HTML comment is refused with the input named', () => {
    const saved = process.env['INPUT_COMMENT-KEY'];
    try {
      process.env['INPUT_COMMENT-KEY'] = 'pg-15 --> <img src=x>';
      expect(() => readInputs()).toThrow(/input "comment-key" may hold/);
      process.env['INPUT_COMMENT-KEY'] = 'postgres/15';
      expect(readInputs().commentKey).toBe('postgres/15');
    } finally {
      if (saved === undefined) delete process.env['INPUT_COMMENT-KEY'];
      else process.env['INPUT_COMMENT-KEY'] = saved;
    }
  });

  it('pg-version takes 16, 16.4 or 13.0, as the CLI does; 0x10 and 1e1 are refused with the input named', () => {
    const saved = process.env['INPUT_PG-VERSION'];
    try {
      for (const v of ['0x10', '1e1', '20']) {
        process.env['INPUT_PG-VERSION'] = v;
        expect(() => readInputs()).toThrow(
          `input "pg-version" must be a PostgreSQL major version from 9 to 19, such as 16 or 16.4 (got "${v}")`,
        );
      }
      process.env['INPUT_PG-VERSION'] = '16.4';
      expect(readInputs().pgVersion).toBe(16);
      process.env['INPUT_PG-VERSION'] = '13.0';
      expect(readInputs().pgVersion).toBe(13);
    } finally {
      if (saved === undefined) delete process.env['INPUT_PG-VERSION'];
      else process.env['INPUT_PG-VERSION'] = saved;
    }
  });

  it('shadow-timeout is a positive number of seconds, named when it is not', () => {
    const saved = process.env['INPUT_SHADOW-TIMEOUT'];
    try {
      for (const bad of ['0', '-5', '30s', 'soon']) {
        process.env['INPUT_SHADOW-TIMEOUT'] = bad;
        expect(() => readInputs()).toThrow(
          `input "shadow-timeout" must be a positive number of seconds, e.g. 30 (got "${bad}")`,
        );
      }
      process.env['INPUT_SHADOW-TIMEOUT'] = '2.5';
      expect(readInputs().shadowTimeout).toBe(2.5);
      process.env['INPUT_SHADOW-TIMEOUT'] = '';
      expect(readInputs().shadowTimeout).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env['INPUT_SHADOW-TIMEOUT'];
      else process.env['INPUT_SHADOW-TIMEOUT'] = saved;
    }
  });

  it('turns API failures into outcomes with an explanation instead of throwing', async () => {
    gh.failWrites = 403;
    const forbidden = await upsertStickyComment(octokit(), pr, 'x', { createIfMissing: true });
    expect(forbidden).toMatchObject({ action: 'forbidden', status: 403 });
    expect(explainNoComment(forbidden, true)).toMatch(/comes from a fork.*read-only GITHUB_TOKEN/s);
    expect(explainNoComment(forbidden, false)).toMatch(/pull-requests: write/);

    gh.failWrites = undefined;
    const tooLong = await upsertStickyComment(octokit(), pr, 'x'.repeat(70_000), { createIfMissing: true });
    expect(tooLong).toMatchObject({ action: 'failed', status: 422 });
    expect(explainNoComment(tooLong, false)).toMatch(/still reported as annotations/);
  });
});

describe('files under review', () => {
  const prEvent = () => ({
    eventName: 'pull_request',
    owner: pr.owner,
    repo: pr.repo,
    workspace: ws.dir,
    payload: { pull_request: { number: pr.number, base: { sha: ws.baseSha }, head: { sha: ws.headSha } } },
  });

  it('reads the PR file list through the API, every page, without removed files', async () => {
    for (let i = 0; i < 250; i++) gh.files.push({ filename: `docs/page${i}.md`, status: 'modified' });
    gh.files.push({ filename: NEW_MIGRATION, status: 'added' }, { filename: 'db/old.sql', status: 'removed' });
    const got = await changedFiles(prEvent(), octokit(), () => {});
    expect(got.files?.size).toBe(251);
    expect(got.files?.has(path.join(ws.dir, NEW_MIGRATION))).toBe(true);
    expect(got.files?.has(path.join(ws.dir, 'db/old.sql'))).toBe(false);
    expect(gh.requests.filter((r) => r.path.endsWith('/files')).map((r) => r.query.page ?? '1')).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('falls back to git diff base...head when the API fails, and says so', async () => {
    gh.failFiles = 500;
    const log: string[] = [];
    const got = await changedFiles(prEvent(), octokit(), (m) => log.push(m));
    expect([...got.files!].map((f) => path.relative(ws.dir, f)).sort()).toEqual([NEW_MIGRATION, 'src/app.ts']);
    expect(got.source).toMatch(/^git diff/);
    expect(log.join('\n')).toMatch(/HTTP 500/);
  });

  it('on push compares with `before`; without a usable `before` it reviews everything', async () => {
    const push = {
      eventName: 'push',
      owner: pr.owner,
      repo: pr.repo,
      workspace: ws.dir,
      payload: { before: ws.baseSha, after: ws.headSha },
    };
    const got = await changedFiles(push, undefined, () => {});
    expect([...got.files!].map((f) => path.relative(ws.dir, f)).sort()).toEqual([NEW_MIGRATION, 'src/app.ts']);
    const created = await changedFiles(
      { ...push, payload: { before: '0'.repeat(40), after: ws.headSha } },
      undefined,
      () => {},
    );
    expect(created.files).toBeNull();
    const log: string[] = [];
    const missing = await changedFiles(
      { ...push, payload: { before: 'f'.repeat(40), after: ws.headSha } },
      undefined,
      (m) => log.push(m),
    );
    expect(missing.files).toBeNull();
    expect(log.join('\n')).toMatch(/fetch-depth/);
    const manual = await changedFiles({ ...push, eventName: 'workflow_dispatch', payload: {} }, undefined, () => {});
    expect(manual.files).toBeNull();
  });
});

describe('migrations under review', () => {
  it('auto-discovers the layout, reviews only the changed migration and replays the earlier ones as history', async () => {
    const sel = await selectMigrations(
      ws.dir,
      [],
      new Set([path.join(ws.dir, NEW_MIGRATION), path.join(ws.dir, 'src/app.ts')]),
    );
    expect(sel.migrations.map((m) => [m.path, m.review])).toEqual([
      ['db/migrations/20260101000000_create_accounts.sql', false],
      ['db/migrations/20260102000000_index_account_id.sql', false],
      [NEW_MIGRATION, true],
    ]);
    expect(sel.how).toMatch(/auto-discovered db\/migrations/);
  });

  it('reviews nothing when the PR changes no migration, and everything on a manual run', async () => {
    const none = await selectMigrations(ws.dir, ['db/migrations'], new Set([path.join(ws.dir, 'src/app.ts')]));
    expect(none.migrations.filter((m) => m.review)).toHaveLength(0);
    const all = await selectMigrations(ws.dir, ['db/migrations'], null);
    expect(all.migrations.map((m) => m.review)).toEqual([true, true, true]);
  });
});
