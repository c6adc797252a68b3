/**
 * The GitHub client survives passing API failures: a 5xx is retried with
 * back-off, a rate limit after the wait GitHub asks for, and a plain 403 (a
 * fork's read-only token) is not retried at all. Against a real local HTTP
 * server (github-server.ts) that answers with GitHub's status codes, headers
 * and messages; then once through the built Action.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upsertStickyComment } from '../../src/action/comment.js';
import { createOctokit } from '../../src/action/octokit.js';
import { STICKY_MARKER } from '../../src/report/markdown.js';
import { startFakeGitHub, type FakeGitHub } from './github-server.js';
import { buildActionInto, makeWorkspace, NEW_MIGRATION, pullRequestEvent, runAction } from './harness.js';

const OWNER = 'acme';
const REPO = 'shop';
const PR = 7;
const pull = { owner: OWNER, repo: REPO, number: PR };
const BODY = `${STICKY_MARKER}\nzerodown report`;

/** GitHub's answer when a secondary rate limit is hit (403 or 429, with retry-after). */
const secondary = (status: 403 | 429, retryAfter: string) => ({
  status,
  headers: { 'retry-after': retryAfter },
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:1111.',
    documentation_url:
      'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  },
});

let gh: FakeGitHub;
let log: string[];
const client = () => createOctokit('ghs_testtoken', { baseUrl: gh.url, retryBaseMs: 20, log: (m) => log.push(m) });
const posts = () => gh.requests.filter((r) => r.method === 'POST');
const patches = () => gh.requests.filter((r) => r.method === 'PATCH');

beforeAll(async () => {
  gh = await startFakeGitHub({ owner: OWNER, repo: REPO, prNumber: PR });
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.requests.length = 0;
  gh.comments.length = 0;
  gh.script.length = 0;
  gh.failWrites = undefined;
  log = [];
});

describe('the Action’s GitHub client (Octokit retry and throttling plugins)', () => {
  it('a 502 on the comment POST is retried and the comment lands once', async () => {
    gh.script.push({ method: 'POST', status: 502, body: { message: 'Server Error' } });
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out.action).toBe('created');
    expect(posts()).toHaveLength(2);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toBe(BODY);
  });

  it('a comment GitHub saved before answering 502 is found, not posted again', async () => {
    gh.script.push({ method: 'POST', status: 502, body: { message: 'Server Error' }, after: true });
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out.action).toBe('created');
    expect(posts()).toHaveLength(1);
    expect(patches()).toHaveLength(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toBe(BODY);
  });

  it('a 500 on the comment list and a 503 on the PATCH are retried; the comment is updated in place', async () => {
    gh.addComment(`${STICKY_MARKER}\nold`);
    gh.script.push({ method: 'GET', path: /\/comments$/, status: 500 });
    gh.script.push({ method: 'PATCH', status: 503 });
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out.action).toBe('updated');
    expect(patches()).toHaveLength(2);
    expect(posts()).toHaveLength(0);
    expect(gh.comments.map((c) => c.body)).toEqual([BODY]);
  });

  it('a 429 secondary rate limit with retry-after: 1 waits the second GitHub asks for, then lands once', async () => {
    gh.script.push({ method: 'POST', ...secondary(429, '1') });
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out.action).toBe('created');
    const [first, second] = posts();
    expect(posts()).toHaveLength(2);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950); // retry-after honoured (not the 20 ms back-off)
    expect(gh.comments).toHaveLength(1);
    expect(log.join('\n')).toMatch(/secondary rate limit on POST .*retrying in 1 s/);
  });

  it('a 403 secondary rate limit is retried after retry-after too', async () => {
    gh.script.push({ method: 'POST', ...secondary(403, '1') });
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out.action).toBe('created');
    const [first, second] = posts();
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(gh.comments).toHaveLength(1);
  });

  it('a 403 with x-ratelimit-remaining: 0 waits for x-ratelimit-reset', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 1;
    gh.script.push({
      method: 'POST',
      status: 403,
      headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out.action).toBe('created');
    const [, second] = posts();
    expect(second!.at).toBeGreaterThanOrEqual(reset * 1000 - 50);
    expect(gh.comments).toHaveLength(1);
  });

  it('a plain 403 (a fork’s read-only token) is not retried', async () => {
    gh.failWrites = 403;
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out).toMatchObject({ action: 'forbidden', status: 403 });
    expect(posts()).toHaveLength(1);
    expect(gh.comments).toHaveLength(0);
  });

  it('a rate limit asking for an hour is not waited for: the step goes on without the comment', async () => {
    gh.script.push({ method: 'POST', ...secondary(403, '3600') });
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out).toMatchObject({ action: 'forbidden', status: 403 });
    expect(posts()).toHaveLength(1);
    expect(log.join('\n')).toMatch(/wait 3600 s, longer than 60 s; giving up/);
  });

  it('a server that keeps failing gets 3 retries, then the failure is reported, not thrown', async () => {
    for (let i = 0; i < 10; i++) gh.script.push({ method: 'POST', status: 502 });
    const out = await upsertStickyComment(client(), pull, BODY, { createIfMissing: true });
    expect(out).toMatchObject({ action: 'failed', status: 502 });
    expect(posts()).toHaveLength(4);
  });
});

describe('the built Action', () => {
  let tmp: string;
  let indexJs: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'zd-action-api-'));
    indexJs = buildActionInto(path.join(tmp, 'action'));
  }, 180_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('posts its comment once through a 502 and a secondary rate limit', async () => {
    const ws = makeWorkspace(tmp);
    gh.files.push({ filename: NEW_MIGRATION, status: 'added' });
    gh.script.push({ method: 'POST', status: 502 });
    gh.script.push({ method: 'POST', ...secondary(403, '1') });
    const r = await runAction(indexJs, {
      workspace: ws.dir,
      eventName: 'pull_request',
      event: pullRequestEvent({ owner: OWNER, repo: REPO, number: PR, baseSha: ws.baseSha, headSha: ws.headSha }),
      apiUrl: gh.url,
      sha: ws.headSha,
      repository: `${OWNER}/${REPO}`,
      inputs: { 'dry-run': 'false' },
    });
    expect(r.code).toBe(1); // the unsafe migration fails the step
    expect(posts()).toHaveLength(3);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain(STICKY_MARKER);
    expect(r.stdout).toMatch(/secondary rate limit on POST .*retrying in 1 s/);
    expect(r.stdout).toMatch(/created the pull request comment/);
  }, 120_000);
});
