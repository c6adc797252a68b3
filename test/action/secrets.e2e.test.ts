/**
 * The BUILT Action, given a shadow database URL of many shapes (refused or
 * unreachable, so the error paths report it): the password is in no log line,
 * annotation, output, job summary, SARIF file or comment body; the runner is
 * told to mask it too (`::add-mask::`).
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './github-server.js';
import { buildActionInto, makeWorkspace, pullRequestEvent, runAction, type Workspace } from './harness.js';
import { SHAPES } from '../secret-shapes.js';

const OWNER = 'acme';
const REPO = 'shop';
const PR = 42;
/** any fragment of any test password: every one starts with S3c and ends with PW<n> */
const LEAK = /S3c|PW\d/;

let tmp: string;
let indexJs: string;
let ws: Workspace;
let gh: FakeGitHub;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zd-action-secrets-'));
  indexJs = buildActionInto(path.join(tmp, 'action'));
  ws = makeWorkspace(tmp);
  gh = await startFakeGitHub({ owner: OWNER, repo: REPO, prNumber: PR });
  gh.files.push({ filename: 'db/migrations/20261101090000_add_plan_code.sql', status: 'added' });
}, 180_000);

afterAll(async () => {
  await gh?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function run(inputs: Record<string, string>) {
  const requestsBefore = gh.requests.length;
  const r = await runAction(indexJs, {
    workspace: ws.dir,
    eventName: 'pull_request',
    event: pullRequestEvent({ owner: OWNER, repo: REPO, number: PR, baseSha: ws.baseSha, headSha: ws.headSha }),
    apiUrl: gh.url,
    sha: ws.headSha,
    repository: `${OWNER}/${REPO}`,
    inputs,
  });
  const sent = gh.requests.slice(requestsBefore).map((q) => JSON.stringify(q.body ?? ''));
  const masks = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
  // what a person can read: the log without the masking commands meant for the runner
  const log = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const sarif = readFileSync(path.join(ws.dir, 'zerodown.sarif'), 'utf8');
  return { ...r, log, masks, sent, sarif };
}

// the shapes a user is likely to paste into a secret (every one of the CLI table is covered by test/cli/secrets.test.ts)
const ACTION_SHAPES = SHAPES.filter(([name]) =>
  [
    'port out of range',
    'raw @ : / in the password',
    'percent-encoded @ : /',
    '?password=',
    'key=value DSN',
    'broken IPv6 host',
  ].includes(name),
);

describe('the Action never shows the shadow database password', () => {
  for (const [shape, url, password] of ACTION_SHAPES) {
    it(`${shape}: ${url}`, async () => {
      const r = await run({ 'shadow-database-url': url });
      expect(r.log).not.toMatch(LEAK);
      expect(r.stderr).not.toMatch(LEAK);
      expect(r.summary).not.toMatch(LEAK);
      expect(JSON.stringify(r.outputs)).not.toMatch(LEAK);
      expect(r.sarif).not.toMatch(LEAK);
      for (const body of r.sent) expect(body).not.toMatch(LEAK);
      for (const c of gh.comments) expect(c.body).not.toMatch(LEAK);
      // the report still says the dry run could not reach the shadow database
      expect(r.summary).toMatch(/dry run could not run/i);
      expect(r.log).toMatch(/could not run the dry run/);
      // and the runner masks the URL and its password in anything else the job prints
      expect(r.masks).toContain(`::add-mask::${url.replace(/%/g, '%25')}`);
      expect(r.masks.some((m) => m.includes(password.replace(/%/g, '%25')))).toBe(true);
    }, 120_000);
  }

  it('a URL from zerodown.config.json is protected the same way', async () => {
    const config = path.join(ws.dir, 'zerodown.config.json');
    writeFileSync(config, JSON.stringify({ dryRun: { shadowUrl: 'postgres://u@127.0.0.1:1/t?password=S3cretPW40' } }));
    try {
      const r = await run({});
      expect(r.summary).toContain('password=\\*\\*\\*'); // shown, password masked (Markdown-escaped asterisks)
      for (const text of [r.log, r.stderr, r.summary, r.sarif, ...r.sent]) expect(text).not.toMatch(LEAK);
    } finally {
      unlinkSync(config);
    }
  }, 120_000);
});
