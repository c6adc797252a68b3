/**
 * `zerodown gitlab` end to end, in-process (the real CLI entry), on a git repository with a merge
 * request's base and head commits, against a local fake GitLab API (./gitlab-server.ts): the sticky
 * note is created once, found again on a later page and updated in place, a missing, wrong or
 * read-only token is explained without ever being printed, and SQL from the merge request stays data.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STICKY_MARKER } from '../../src/report/markdown.js';
import { forgetSecrets } from '../../src/secrets.js';
import { runCli, type CliRun } from '../cli-harness.js';
import { git, makeWorkspace, NEW_MIGRATION, write, type Workspace } from '../action/harness.js';
import { BOT, startFakeGitLab, type FakeGitLab } from './gitlab-server.js';

const TOKEN = 'glpat-s17GitlabTestToken42';
const READ_ONLY = 'glpat-s17ReadOnlyToken0077';
const PROJECT = 7;
const IID = 12;
const PG_URL = process.env.ZERODOWN_TEST_PG_URL;

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/gitlab/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const documented = ajv.compile(fixture('code-quality-report.schema.json'));
const gitlabIssue = ajv.compile(fixture('codeclimate.json'));

let tmp: string;
let ws: Workspace;
let gl: FakeGitLab;
const saved = { ...process.env };

function ciEnv(extra: Record<string, string | undefined> = {}): void {
  for (const k of Object.keys(process.env)) if (k.startsWith('CI_') || k.startsWith('ZERODOWN_')) delete process.env[k];
  Object.assign(process.env, {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_API_V4_URL: gl.apiUrl,
    CI_PROJECT_ID: String(PROJECT),
    CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
    CI_PROJECT_DIR: ws.dir,
    CI_MERGE_REQUEST_IID: String(IID),
    CI_MERGE_REQUEST_DIFF_BASE_SHA: ws.baseSha,
    CI_COMMIT_SHA: ws.headSha,
    CI_JOB_URL: 'https://gitlab.example.com/acme/shop/-/jobs/4242',
    ZERODOWN_GITLAB_TOKEN: TOKEN,
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

const ours = () => gl.notes.filter((n) => n.body.includes(STICKY_MARKER) && n.author.id === BOT.id);
const writes = () => gl.requests.filter((r) => r.method !== 'GET');
const everything = (r: CliRun) => r.stdout + r.stderr;
const run = (...args: string[]) => runCli(ws.dir, 'gitlab', '--no-dry-run', ...args);

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zd-s17-gitlab-'));
  ws = makeWorkspace(tmp);
  gl = await startFakeGitLab({ projectId: PROJECT, iid: IID });
  gl.tokens.set(TOKEN, { user: BOT, scopes: ['api'] });
  gl.tokens.set(READ_ONLY, {
    user: { id: 901, username: 'project_7_bot_ro', name: 'ro', bot: true },
    scopes: ['read_api'],
  });
  // a reviewer quoting the marker: never edited
  gl.addNote(`quoting the bot: ${STICKY_MARKER} please ignore`, { id: 3, username: 'mallory', name: 'Mallory' });
});

afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  forgetSecrets();
});

afterAll(async () => {
  await gl?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('zerodown gitlab', () => {
  it('reviews the merge request, writes a valid Code Quality report, creates one note and fails the job', async () => {
    ciEnv();
    const r = await run();
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code, everything(r)).toBe(1);
    // the Code Quality report: valid, the new migration only, paths from the repository root
    const report = JSON.parse(readFileSync(path.join(ws.dir, 'gl-code-quality-report.json'), 'utf8'));
    expect(documented(report), JSON.stringify(documented.errors)).toBe(true);
    for (const i of report) expect(gitlabIssue(i)).toBe(true);
    expect(report.length).toBeGreaterThan(0);
    expect(report.every((i: any) => i.location.path === NEW_MIGRATION)).toBe(true);
    expect(report.some((i: any) => i.severity === 'critical' && i.location.lines.begin === 2)).toBe(true);
    // one note, by the token's user, with the PR comment's content and GitLab links to the head commit
    expect(ours()).toHaveLength(1);
    const body = ours()[0]!.body;
    expect(body.startsWith(STICKY_MARKER)).toBe(true);
    expect(body).toMatch(/### 🛑 zerodown: 1 migration would block/);
    expect(body).toContain(`](https://gitlab.example.com/acme/shop/-/blob/${ws.headSha}/${NEW_MIGRATION}#L2)`);
    expect(body).not.toContain('/blob/HEAD');
    const posts = writes();
    expect(posts.map((w) => w.method)).toEqual(['POST']);
    expect(posts[0]!.path).toBe(`/api/v4/projects/${PROJECT}/merge_requests/${IID}/notes`);
    expect(posts[0]!.token).toBe(TOKEN);
    expect(everything(r)).toContain('created the merge request note');
    expect(everything(r)).not.toContain(TOKEN);
    // the job log has the findings
    expect(r.stdout).toContain(NEW_MIGRATION);
  });

  it('the next pipeline finds its note on page 2 and updates it in place (no second note)', async () => {
    // a busy merge request: 150 notes after ours; GitLab lists the newest first, 100 a page
    for (let i = 0; i < 150; i++) gl.addNote(`LGTM @reviewer${i}`, { id: 100 + i, username: `human${i}`, name: 'h' });
    const mallory = gl.notes[0]!.body;
    const before = gl.requests.length;
    ciEnv();
    const r = await run();
    expect(r.code, everything(r)).toBe(1);
    const reqs = gl.requests.slice(before);
    const pages = reqs.filter((q) => q.method === 'GET' && q.path.endsWith('/notes')).map((q) => q.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);
    expect(reqs.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.path}`)).toEqual([
      `PUT /api/v4/projects/${PROJECT}/merge_requests/${IID}/notes/${ours()[0]!.id}`,
    ]);
    expect(ours()).toHaveLength(1);
    expect(gl.notes[0]!.body).toBe(mallory);
    expect(everything(r)).toContain('updated the merge request note');
  });

  it('without a token: still writes the report and sets the exit code, and says how to add the token', async () => {
    rmSync(path.join(ws.dir, 'gl-code-quality-report.json'));
    const before = gl.requests.length;
    ciEnv({ ZERODOWN_GITLAB_TOKEN: undefined });
    const r = await run('--code-quality', 'reports/cq.json');
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(ws.dir, 'reports/cq.json'), 'utf8')).length).toBeGreaterThan(0);
    expect(r.stderr).toContain('no ZERODOWN_GITLAB_TOKEN');
    expect(r.stderr).toMatch(
      /project access token.*scope `api`.*CI\/CD variable named ZERODOWN_GITLAB_TOKEN.*Mask variable/s,
    );
    expect(gl.requests.length).toBe(before);
  });

  it('a wrong token: a clear 401 message, the token in no output and no file', async () => {
    const bad = 'glpat-s17WrongWrongWrong99';
    ciEnv({ ZERODOWN_GITLAB_TOKEN: bad });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HTTP 401');
    expect(r.stderr).toContain('wrong, expired or revoked');
    expect(everything(r)).not.toContain(bad);
    expect(readFileSync(path.join(ws.dir, 'gl-code-quality-report.json'), 'utf8')).not.toContain(bad);
    expect(gl.requests.at(-1)!.token).toBe(bad); // it was sent, as a header
  });

  it('a read-only token: says the `api` scope is missing', async () => {
    ciEnv({ ZERODOWN_GITLAB_TOKEN: READ_ONLY });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HTTP 403');
    expect(r.stderr).toMatch(/needs the `api` scope/);
    expect(everything(r)).not.toContain(READ_ONLY);
  });

  it('a merge request that is gone: says so (404), the gate still holds', async () => {
    ciEnv({ CI_MERGE_REQUEST_IID: '999' });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HTTP 404');
    expect(r.stderr).toContain('merge request !999');
  });

  // the client retries 429 and 502 itself; zerodown asks again after a 500, 503 or 504
  it.each([502, 503])('a %i from GitLab is asked again, and the note is updated once', async (status) => {
    gl.script.push({ method: 'PUT', status });
    const before = gl.requests.length;
    ciEnv();
    const r = await run();
    expect(r.code).toBe(1);
    const puts = gl.requests.slice(before).filter((q) => q.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(everything(r)).toContain('updated the merge request note');
    expect(ours()).toHaveLength(1);
  });

  it('a note GitLab created before answering 500 is found on the next attempt and edited, not posted twice', async () => {
    const fresh = await startFakeGitLab({ projectId: PROJECT, iid: IID });
    try {
      fresh.tokens.set(TOKEN, { user: BOT, scopes: ['api'] });
      fresh.script.push({ method: 'POST', status: 500, after: true });
      ciEnv({ CI_API_V4_URL: fresh.apiUrl });
      const r = await run();
      expect(r.code, everything(r)).toBe(1);
      expect(fresh.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
      expect(fresh.requests.filter((q) => q.method === 'PUT')).toHaveLength(1);
      expect(fresh.notes).toHaveLength(1);
      expect(fresh.notes[0]!.body).toMatch(/### 🛑 zerodown/);
      expect(everything(r)).toContain('updated the merge request note');
    } finally {
      await fresh.close();
    }
  });

  it('a 403 is an answer, not asked again', async () => {
    gl.script.push({ method: 'PUT', status: 403, body: { message: '403 Forbidden' } });
    const before = gl.requests.length;
    ciEnv();
    const r = await run();
    expect(r.code).toBe(1);
    expect(gl.requests.slice(before).filter((q) => q.method === 'PUT')).toHaveLength(1);
    expect(r.stderr).toContain('HTTP 403');
  });

  it('a note GitLab refuses as too long (400) is replaced by the short form, in the same note', async () => {
    gl.maxBody = 5_000;
    try {
      ciEnv();
      const r = await run();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('GitLab refused the note');
      expect(ours()).toHaveLength(1);
      const body = ours()[0]!.body;
      expect([...body].length).toBeLessThanOrEqual(5_000);
      expect(body).toMatch(/### 🛑 zerodown/);
      expect(body).toContain('see the [job log](https://gitlab.example.com/acme/shop/-/jobs/4242)');
    } finally {
      gl.maxBody = 1_000_000;
    }
  });

  it('--fail-on never: the gate lets an unsafe merge request through (exit 0), the note still says what is wrong', async () => {
    ciEnv();
    const r = await run('--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(ours()[0]!.body).toMatch(/### 🛑 zerodown/);
  });

  it('a merge request that changes no migration gets no note, and passes', async () => {
    const other = await startFakeGitLab({ projectId: PROJECT, iid: 13 });
    try {
      other.tokens.set(TOKEN, { user: BOT, scopes: ['api'] });
      // the merge request's head is its base: nothing changed
      ciEnv({ CI_API_V4_URL: other.apiUrl, CI_MERGE_REQUEST_IID: '13', CI_MERGE_REQUEST_DIFF_BASE_SHA: ws.headSha });
      const r = await run();
      expect(r.code, everything(r)).toBe(0);
      expect(other.notes).toHaveLength(0);
      expect(other.requests.filter((q) => q.method !== 'GET')).toHaveLength(0);
      expect(r.stderr).toContain('no migration changes and no earlier zerodown note');
      expect(JSON.parse(readFileSync(path.join(ws.dir, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("a shadow URL's password reaches neither the log, the note nor the report", async () => {
    ciEnv({ ZERODOWN_SHADOW_URL: 'postgres://app:S3cretPW77@127.0.0.1:1/shadow' });
    const r = await runCli(ws.dir, 'gitlab');
    expect(r.code, everything(r)).toBe(1);
    const body = ours()[0]!.body;
    expect(body).toContain('The dry run could not run');
    for (const text of [everything(r), body, readFileSync(path.join(ws.dir, 'gl-code-quality-report.json'), 'utf8')])
      expect(text).not.toMatch(/S3c|PW77/);
  });

  it('`zerodown lint --format gitlab` writes the same Code Quality report for a job of your own', async () => {
    const r = await runCli(ws.dir, 'lint', '--format', 'gitlab', '--since', ws.baseSha);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(documented(report), JSON.stringify(documented.errors)).toBe(true);
    expect(report.map((i: any) => i.check_name)).toContain('adding-field-with-default');
    expect(report.every((i: any) => i.location.path === NEW_MIGRATION)).toBe(true);
  });

  it('a usage error exits 2 and says what to do (the base commit is not in a shallow clone)', async () => {
    ciEnv({ CI_MERGE_REQUEST_DIFF_BASE_SHA: 'f'.repeat(40) });
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('GIT_DEPTH: "0"');
  });

  // on a real PostgreSQL (a few seconds; the embedded PGlite takes longer, and the Action's tests run it)
  it.skipIf(!PG_URL)(
    'with the dry run (the default), the note carries the lock table and the staged plan proven on the shadow (needs ZERODOWN_TEST_PG_URL)',
    async () => {
      ciEnv({ ZERODOWN_SHADOW_URL: PG_URL });
      const r = await runCli(ws.dir, 'gitlab');
      expect(r.code, everything(r)).toBe(1);
      const body = ours()[0]!.body;
      expect(body).toMatch(
        /staged plan for <code>db\/migrations\/20261101090000_add_plan_code\.sql<\/code>: \d+ phases, verified on PostgreSQL/i,
      );
      expect(body).toContain('Dry-run details: locks per statement');
      expect(body).not.toContain('dry-run is off');
    },
  );

  it('hostile SQL from the merge request is neutralised in the note', async () => {
    const hostile = path.join(tmp, 'hostile');
    git(tmp, 'clone', '-q', ws.dir, hostile);
    git(hostile, 'checkout', '-q', ws.baseSha);
    git(hostile, 'checkout', '-q', '-b', 'evil');
    const name = 'db/migrations/20261201000000_evil.sql';
    write(
      hostile,
      name,
      'CREATE INDEX "idx <img src=x onerror=alert(1)> @all #1 !2 &3 [x](javascript:alert(1))" ON subscriptions (status);\n' +
        'ALTER TABLE subscriptions ADD COLUMN "c\n/close\n/approve" text NOT NULL DEFAULT md5(random()::text);\n',
    );
    git(hostile, 'add', '.');
    git(hostile, 'commit', '-q', '-m', 'evil');
    const head = git(hostile, 'rev-parse', 'HEAD');
    const before = gl.notes.length;
    ciEnv({ CI_MERGE_REQUEST_DIFF_BASE_SHA: ws.baseSha, CI_COMMIT_SHA: head, CI_PROJECT_DIR: hostile });
    const r = await runCli(hostile, 'gitlab', '--no-dry-run');
    expect(r.code, everything(r)).toBe(1);
    expect(gl.notes.length).toBe(before); // the same sticky note, updated
    const body = ours()[0]!.body;
    expect(body).toContain('idx');
    // outside code blocks and code spans (where GitLab renders nothing), the SQL's markup is inert text
    const lines: string[] = [];
    let fence = '';
    for (const line of body.split('\n')) {
      const f = /^(`{3,})/.exec(line)?.[1];
      if (f && (!fence || f.length >= fence.length)) fence = fence ? '' : f;
      else if (!fence) lines.push(line);
    }
    // no line outside a code block starts a GitLab quick action (/close, /approve)
    for (const line of lines) expect(line).not.toMatch(/^\s*\//);
    const prose = lines.join('\n').replace(/(`+)[\s\S]*?\1/g, '');
    expect(prose).toContain('idx &lt;img');
    expect(prose).not.toMatch(/<img/i);
    expect(prose).not.toMatch(/@all/);
    expect(prose).toContain('@\u200Dall');
    expect(prose).not.toMatch(/[#!&]\d/);
    expect(prose).not.toMatch(/(?<!\\)\]\(javascript:/i); // an escaped \] opens no link
  });
});
