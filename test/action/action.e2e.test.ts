/**
 * End-to-end: the BUILT dist/index.js, copied outside the repository, run as a
 * child process with the environment GitHub sets, against a local HTTP server
 * standing in for the GitHub REST API.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STICKY_MARKER } from '../../src/report/markdown.js';
import { startFakeGitHub, type FakeGitHub } from './github-server.js';
import {
  NEW_MIGRATION,
  ROOT,
  buildActionInto,
  git,
  makeWorkspace,
  pullRequestEvent,
  runAction,
  write,
  type RunResult,
  type Workspace,
} from './harness.js';

const OWNER = 'acme';
const REPO = 'shop';
const PR = 42;

let tmp: string;
let indexJs: string;
let ws: Workspace;
let gh: FakeGitHub;

const annotations = (stdout: string) =>
  [...stdout.matchAll(/^::(error|warning) ([^:\n]*)::(.*)$/gm)].map((m) => ({
    level: m[1],
    props: Object.fromEntries(m[2]!.split(',').map((kv) => kv.split('=') as [string, string])),
    message: m[3]!,
  }));

const botComments = () => gh.comments.filter((c) => c.user.type === 'Bot' && c.body.includes(STICKY_MARKER));
const writes = () => gh.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH');

function prRun(
  inputs: Record<string, string> = {},
  event: object = pullRequestEvent({ owner: OWNER, repo: REPO, number: PR, baseSha: ws.baseSha, headSha: ws.headSha }),
  env?: Record<string, string>,
): Promise<RunResult> {
  return runAction(indexJs, {
    workspace: ws.dir,
    eventName: 'pull_request',
    event,
    apiUrl: gh.url,
    sha: ws.headSha,
    repository: `${OWNER}/${REPO}`,
    inputs,
    ...(env ? { env } : {}),
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zd-action-'));
  indexJs = buildActionInto(path.join(tmp, 'action'));
  ws = makeWorkspace(tmp);
  gh = await startFakeGitHub({ owner: OWNER, repo: REPO, prNumber: PR });
  // the PR's file list spans two pages: 120 other files first, then the migration, and a removed one
  for (let i = 0; i < 120; i++) gh.files.push({ filename: `src/generated/file${i}.ts`, status: 'modified' });
  gh.files.push({ filename: 'src/app.ts', status: 'modified' });
  gh.files.push({ filename: NEW_MIGRATION, status: 'added' });
  gh.files.push({ filename: 'db/migrations/20250101000000_gone.sql', status: 'removed' });
  // a busy PR: 104 human comments before ours, one of them quoting the marker (must never be edited)
  for (let i = 0; i < 103; i++)
    gh.addComment(`looks good @reviewer${i}`, { login: `human${i}`, id: 100 + i, type: 'User' });
  gh.addComment(`quoting the bot: ${STICKY_MARKER} please ignore`, { login: 'mallory', id: 666, type: 'User' });
}, 120_000);

afterAll(async () => {
  await gh?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('zerodown GitHub Action (built dist/index.js)', () => {
  let first: RunResult;

  it(
    'reviews the PR’s migration, annotates it, writes summary/outputs/SARIF, creates one comment and fails the step',
    { timeout: 240_000 },
    async () => {
      first = await prRun();
      if (process.env.ZERODOWN_DEBUG) writeFileSync('/tmp/zd-run1.log', first.stdout + first.stderr);
      expect(first.stderr).not.toMatch(/internal error/);
      expect(first.code, first.stdout + first.stderr).toBe(1);

      // the PR file list was read through the API, every page
      const fileReqs = gh.requests.filter((r) => r.path === `/repos/${OWNER}/${REPO}/pulls/${PR}/files`);
      expect(fileReqs.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
      expect(fileReqs[0]!.authorization).toBe('token ghs_testtoken123456');
      // the token only ever appears in the command that asks the runner to mask it
      expect(first.stdout).toContain('::add-mask::ghs_testtoken123456');
      expect(first.stdout.replace('::add-mask::ghs_testtoken123456', '')).not.toContain('ghs_testtoken123456');

      // annotations on the offending line of the new file, nothing on history
      const anns = annotations(first.stdout);
      // line 2 (volatile default: table rewrite) and line 4 (index build under the same lock) are errors, whichever rule names them
      const errorLines = anns
        .filter((a) => a.level === 'error' && a.props.file === NEW_MIGRATION)
        .map((a) => a.props.line);
      expect(errorLines).toContain('2');
      expect(errorLines).toContain('4');
      const idx = anns.find((a) => a.level === 'error' && a.props.line === '4')!;
      expect(idx.props.endLine).toBe('4');
      expect(idx.props.title).toMatch(/^zerodown [a-z-]+$/);
      expect(anns.every((a) => a.props.file === NEW_MIGRATION)).toBe(true);

      // outputs agree with the annotations and the SARIF file
      const errors = anns.filter((a) => a.level === 'error').length;
      const warnings = anns.filter((a) => a.level === 'warning').length;
      expect(first.outputs).toMatchObject({
        findings: String(errors + warnings),
        errors: String(errors),
        warnings: String(warnings),
        'sarif-file': 'zerodown.sarif',
      });
      const sarif = JSON.parse(readFileSync(path.join(ws.dir, 'zerodown.sarif'), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      const results = sarif.runs[0].results;
      expect(results).toHaveLength(errors + warnings);
      const r = results.find((x: any) => x.ruleId === idx.props.title!.replace('zerodown ', ''));
      expect(r.level).toBe('error');
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe(NEW_MIGRATION);
      expect(r.locations[0].physicalLocation.region.startLine).toBe(4);

      // the job summary has the full report, with the statement's SQL
      expect(first.summary).toContain('zerodown');
      expect(first.summary).toContain(idx.props.title!.replace('zerodown ', ''));
      expect(first.summary).toContain('CREATE INDEX subscriptions_plan_code_idx ON subscriptions (plan_code)');
      expect(first.summary).not.toContain(STICKY_MARKER);

      // exactly one comment created, with the verdict, the finding and a link to the line at the head commit
      expect(writes().map((w) => w.method)).toEqual(['POST']);
      expect(botComments()).toHaveLength(1);
      const body = botComments()[0]!.body;
      expect(body.startsWith(STICKY_MARKER)).toBe(true);
      expect(body).toMatch(/^### 🛑 zerodown: 1 migration would block (reads and )?writes on `subscriptions`/m);
      expect(body).toContain(`[4](https://github.com/${OWNER}/${REPO}/blob/${ws.headSha}/${NEW_MIGRATION}#L4)`);
      expect(body).toContain(`[2](https://github.com/${OWNER}/${REPO}/blob/${ws.headSha}/${NEW_MIGRATION}#L2)`);
      expect(body).toContain(idx.props.title!.replace('zerodown ', ''));
      expect(body).toContain('CONCURRENTLY');
      // the human comment quoting the marker is untouched
      expect(gh.comments.find((c) => c.user.login === 'mallory')!.body).toContain('please ignore');
      // the staged plan, proven on the shadow database, in a collapsible section with copyable SQL
      expect(body).toMatch(
        /<details><summary>✅ Safe staged plan for <code>db\/migrations\/20261101090000_add_plan_code\.sql<\/code>: \d+ phases, verified on PGlite/,
      );
      expect(body).toMatch(/```sql\n[^`]*CREATE INDEX CONCURRENTLY/);
      // the dry run: headline under the findings, and the lock table (statement, locks, blocks, rewrite, time)
      expect(body).toMatch(/\*\*Dry run\*\* on pglite 18\.\d+ \(history: 2 earlier files replayed/);
      expect(body).toMatch(/AccessExclusiveLock on `subscriptions` taken at line 2 and held until COMMIT at line 5/);
      expect(body).toContain('<details><summary>Dry-run details: locks per statement</summary>');
      expect(body).toMatch(
        /\| 2 \| `ALTER TABLE subscriptions ADD COLUMN plan_code[^|]*` \| AccessExclusiveLock `subscriptions` \| \*\*reads, writes\*\* \| `subscriptions`/,
      );
      // the findings the shadow saw are marked as such
      expect(body).toMatch(/#L2\) \| \[`adding-field-with-default`\][^\n]*\(seen in the dry run\)/);
      if (process.env.ZERODOWN_WRITE_EXAMPLE)
        writeFileSync(path.join(ROOT, 'docs/pr-comment-example.md'), exampleDoc(body));
    },
  );

  it('a second run updates the same comment in place (PATCH), never posts again', async () => {
    const before = gh.requests.length;
    const second = await prRun({ 'dry-run': 'false' });
    expect(second.code).toBe(1);
    const mine = gh.requests.slice(before);
    // listed every page of comments (the sticky one is on page 2)
    expect(
      mine
        .filter((r) => r.path.endsWith(`/issues/${PR}/comments`) && r.method === 'GET')
        .map((r) => r.query.page ?? '1'),
    ).toEqual(['1', '2']);
    const w = mine.filter((r) => r.method !== 'GET');
    expect(w.map((r) => r.method)).toEqual(['PATCH']);
    expect(w[0]!.path).toBe(`/repos/${OWNER}/${REPO}/issues/comments/${botComments()[0]!.id}`);
    expect(botComments()).toHaveLength(1);
    expect(gh.comments.filter((c) => c.body.includes(STICKY_MARKER))).toHaveLength(2); // ours + mallory's quote
  });

  it(
    'with the shadow cache kept between runs (actions/cache), the next run on the same migrations reuses the dry run and the proof',
    { timeout: 240_000 },
    async () => {
      const cache = mkdtempSync(path.join(tmp, 'shadow-cache-'));
      const env = { ZERODOWN_CACHE_DIR: cache };
      const cold = await prRun({}, undefined, env);
      expect(cold.code, cold.stdout + cold.stderr).toBe(1);
      expect(cold.stdout).toMatch(/zerodown: dry run on pglite [\d.]+: /);
      expect(cold.stdout).toMatch(
        /zerodown: staged plan for db\/migrations\/20261101090000_add_plan_code\.sql: proven \(\d+ ms\)/,
      );
      // the dry run's start (its own seed) and the proof's, each saved once
      expect(readdirSync(cache).filter((f) => f.endsWith('.state'))).toHaveLength(2);
      const coldBody = botComments()[0]!.body;

      const warm = await prRun({}, undefined, env);
      expect(warm.code, warm.stdout + warm.stderr).toBe(1);
      expect(warm.stdout).toMatch(
        /zerodown: dry run on pglite [\d.]+ \(the report an earlier run made of the same migrations and history: shadow cache\): /,
      );
      // the same migration, plan and history: the verdict is the one the first run reached
      expect(warm.stdout).toMatch(
        /zerodown: staged plan for db\/migrations\/20261101090000_add_plan_code\.sql: proven \(\d+ ms, the verdict an earlier run reached on the same migration, plan and history \(shadow cache\)\)/,
      );
      expect(readdirSync(cache).filter((f) => f.endsWith('.state'))).toHaveLength(2);
      // the same review: verdict, findings, plan and lock table (only the timings may differ)
      const timeless = (b: string) => b.replace(/\d+(\.\d+)? (ms|s)\b/g, 'T');
      expect(timeless(botComments()[0]!.body)).toEqual(timeless(coldBody));
    },
  );

  it("on Node 24 (the Action's runtime) WebAssembly stays on baseline code for the run: the same review, outputs and exit code", async () => {
    // src/wasm-tier.ts `baselineProcess`, which src/action/main.ts calls first; ZERODOWN_WASM_BASELINE=1 does it here
    const timeless = (b: string) => b.replace(/\d+(\.\d+)? (ms|s)\b/g, 'T');
    const here = await prRun({ 'dry-run': 'false' }, undefined, { ZERODOWN_WASM_BASELINE: '0', ZERODOWN_TRACE: '1' });
    const hereBody = botComments()[0]!.body;
    const baseline = await prRun({ 'dry-run': 'false' }, undefined, {
      ZERODOWN_WASM_BASELINE: '1',
      ZERODOWN_TRACE: '1',
    });
    expect(baseline.stderr).toMatch(/zerodown: WebAssembly on baseline code for this process/);
    expect(here.stderr).not.toMatch(/baseline code for this process/);
    // no dry run: no engine's worker started ahead (src/dialects/early.ts)
    expect(baseline.stderr).not.toMatch(/PGlite worker started/);
    expect([baseline.code, baseline.outputs]).toEqual([here.code, here.outputs]);
    expect(timeless(botComments()[0]!.body)).toEqual(timeless(hereBody));
  }, 240_000);

  it('a dry run on PGlite starts its engine’s worker before the rest of the Action loads, and boots on the WebAssembly that worker compiled', async () => {
    const res = await prRun({}, undefined, { ZERODOWN_TRACE: '1' });
    expect(res.code, res.stdout + res.stderr).toBe(1);
    expect(res.stderr).toMatch(/^zerodown: PGlite worker started before the rest of zerodown loads$/m);
    expect(res.stderr).toMatch(/^zerodown: PGlite boot \(.*code compiled ahead\)/m);
    expect(botComments()[0]!.body).toMatch(/dry run/i);
  }, 240_000);

  it('a job with a comment-key (one of a matrix) keeps its own comment beside the default one', async () => {
    const before = gh.requests.length;
    const keyed = await prRun({ 'dry-run': 'false', 'comment-key': 'pg-16' });
    expect(keyed.code).toBe(1);
    const w = gh.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(w.map((r) => r.method)).toEqual(['POST']);
    const keyedComments = () =>
      gh.comments.filter((c) => c.user.type === 'Bot' && c.body.includes('<!-- zerodown:sticky:pg-16 -->'));
    expect(keyedComments()).toHaveLength(1);
    expect(keyedComments()[0]!.body.startsWith('<!-- zerodown:sticky:pg-16 -->\n')).toBe(true);
    expect(botComments()).toHaveLength(1); // the default job's, untouched
    // its second run updates its own comment, not the default job's
    const again = gh.requests.length;
    await prRun({ 'dry-run': 'false', 'comment-key': 'pg-16' });
    const keyedId = keyedComments()[0]!.id;
    expect(
      gh.requests
        .slice(again)
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([`PATCH /repos/${OWNER}/${REPO}/issues/comments/${keyedId}`]);
    // later tests expect one zerodown comment: drop the keyed one
    gh.comments.splice(
      gh.comments.findIndex((c) => c.id === keyedId),
      1,
    );
  });

  it('when the PR fixes the migration, the same comment turns into a green verdict and the step passes', async () => {
    write(
      ws.dir,
      NEW_MIGRATION,
      `SET lock_timeout = '2s';\nDROP INDEX CONCURRENTLY IF EXISTS subscriptions_status_idx;\nCREATE INDEX CONCURRENTLY subscriptions_status_idx ON subscriptions (status);\n`,
    );
    git(ws.dir, 'commit', '-q', '-am', 'safe index instead');
    try {
      const fixedHead = git(ws.dir, 'rev-parse', 'HEAD');
      const before = gh.requests.length;
      const third = await prRun(
        {},
        pullRequestEvent({ owner: OWNER, repo: REPO, number: PR, baseSha: ws.baseSha, headSha: fixedHead }),
      );
      expect(third.code, third.stdout).toBe(0);
      expect(third.outputs).toMatchObject({ findings: '0', errors: '0', warnings: '0' });
      expect(annotations(third.stdout)).toHaveLength(0);
      expect(
        gh.requests
          .slice(before)
          .filter((r) => r.method !== 'GET')
          .map((r) => r.method),
      ).toEqual(['PATCH']);
      expect(botComments()).toHaveLength(1);
      expect(botComments()[0]!.body).toMatch(
        /^### ✅ zerodown: 1 migration checked, no locking or rewrite problems found$/m,
      );
      expect(botComments()[0]!.body).not.toContain('Staged plan');
    } finally {
      // put the unsafe migration back for the next tests
      git(ws.dir, 'revert', '--no-edit', 'HEAD');
    }
  });

  it('a fork PR with a read-only token (403): still annotates, sets the status, explains, does not crash', async () => {
    const saved = gh.comments.splice(0); // a fresh PR: no comments yet
    gh.failWrites = 403;
    try {
      const event = pullRequestEvent({
        owner: OWNER,
        repo: REPO,
        number: PR,
        baseSha: ws.baseSha,
        headSha: ws.headSha,
        fork: true,
      });
      const failing = await prRun({ 'dry-run': 'false' }, event);
      expect(failing.stderr).not.toMatch(/internal error|Unhandled|TypeError/);
      expect(failing.code).toBe(1); // fail-on: error still decides
      expect(annotations(failing.stdout).some((a) => a.props.file === NEW_MIGRATION && a.props.line === '4')).toBe(
        true,
      );
      expect(failing.stdout).toMatch(/did not post its pull request comment.*HTTP 403/);
      expect(failing.stdout).toMatch(/comes from a fork.*read-only GITHUB_TOKEN/);
      expect(failing.outputs.errors).not.toBe('0');
      expect(gh.comments).toHaveLength(0);

      // and with fail-on: never the step passes
      const lenient = await prRun({ 'fail-on': 'never', 'dry-run': 'false' }, event);
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toMatch(/did not post its pull request comment/);
    } finally {
      gh.failWrites = undefined;
      gh.comments.push(...saved);
    }
  });

  it('fail-on unset: the config file’s failOn decides; the input, when given, overrides it', async () => {
    const saved = gh.comments.splice(0);
    write(ws.dir, 'zerodown.config.json', '{ "failOn": "never" }\n');
    try {
      const lenient = await prRun({ 'dry-run': 'false' });
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toMatch(/nothing reaches fail-on: never/);
      expect(lenient.outputs.errors).not.toBe('0');
      const strict = await prRun({ 'fail-on': 'error', 'dry-run': 'false' });
      expect(strict.code).toBe(1);
      expect(strict.stdout).toMatch(/\(fail-on: error\)/);
    } finally {
      rmSync(path.join(ws.dir, 'zerodown.config.json'));
      gh.comments.splice(0);
      gh.comments.push(...saved);
    }
  });

  it('a huge migration degrades the comment to fit GitHub’s 65,536-character limit and points to the job summary', async () => {
    const big = ['BEGIN;'];
    for (let i = 0; i < 1500; i++)
      big.push(`CREATE INDEX subscriptions_huge_${i}_idx ON subscriptions (status, created_at, account_id, id);`);
    big.push('COMMIT;');
    const hugeFile = 'db/migrations/20261201000000_many_indexes.sql';
    write(ws.dir, hugeFile, big.join('\n') + '\n');
    gh.files.push({ filename: hugeFile, status: 'added' });
    try {
      const before = gh.requests.length;
      const res = await prRun({ 'fail-on': 'never', 'dry-run': 'false' });
      expect(res.code).toBe(0);
      expect(Number(res.outputs.errors)).toBeGreaterThanOrEqual(1501);
      // annotations stop at GitHub's per-job maximum; the log says where the rest are
      expect(annotations(res.stdout)).toHaveLength(50);
      expect(res.stdout).toMatch(/annotating the first 50 of \d+ findings/);
      const w = gh.requests.slice(before).filter((r) => r.method !== 'GET');
      expect(w.map((r) => r.method)).toEqual(['PATCH']);
      const body: string = w[0]!.body.body;
      expect([...body].length).toBeLessThanOrEqual(65_536);
      expect(body).toContain('job summary');
      expect(body).toContain('https://github.com/acme/shop/actions/runs/987654321');
      expect(body).toContain('require-concurrent-index-creation');
      expect(res.summary.length).toBeGreaterThan(body.length);
      expect(Buffer.byteLength(res.summary)).toBeLessThanOrEqual(1024 * 1024);

      // if GitHub still refuses the body (422), the bare verdict is posted instead, and the run goes on
      gh.maxBody = 20_000;
      const mark = gh.requests.length;
      const again = await prRun({ 'fail-on': 'never', 'dry-run': 'false' });
      expect(again.code).toBe(0);
      const tries = gh.requests.slice(mark).filter((r) => r.method !== 'GET');
      expect(tries.map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
      expect([...tries[0]!.body.body].length).toBeGreaterThan(20_000);
      const bare: string = tries[1]!.body.body;
      expect(bare.length).toBeLessThanOrEqual(4_000);
      expect(bare).toMatch(/^<!-- zerodown:sticky -->\n### 🛑 zerodown: /);
      expect(bare).toContain('job summary');
      expect(botComments()[0]!.body).toBe(bare);
    } finally {
      gh.maxBody = 65_536;
      gh.files.pop();
      rmSync(path.join(ws.dir, hugeFile));
    }
  });

  it('on push, reviews the files changed since `before` and makes no comment API calls', async () => {
    const before = gh.requests.length;
    const res = await runAction(indexJs, {
      workspace: ws.dir,
      eventName: 'push',
      event: {
        ref: 'refs/heads/feature',
        before: ws.baseSha,
        after: ws.headSha,
        repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER, name: OWNER } },
      },
      apiUrl: gh.url,
      sha: ws.headSha,
      repository: `${OWNER}/${REPO}`,
      inputs: { paths: 'db/migrations', 'dry-run': 'false' },
    });
    expect(res.code).toBe(1);
    expect(gh.requests.length).toBe(before);
    const anns = annotations(res.stdout);
    expect(anns.length).toBeGreaterThan(0);
    expect(anns.every((a) => a.props.file === NEW_MIGRATION)).toBe(true);
    expect(res.stdout).toContain('git diff');
  });
});

function exampleDoc(body: string): string {
  return `# Example: the zerodown PR comment

Generated from a real run of the Action's end-to-end test fixture
(\`test/action/action.e2e.test.ts\`, regenerate with \`ZERODOWN_WRITE_EXAMPLE=1 npx vitest run test/action/action.e2e.test.ts\`):
a pull request that adds \`${NEW_MIGRATION}\`:

\`\`\`sql
${readFileSync(path.join(ws.dir, NEW_MIGRATION), 'utf8').trimEnd()}
\`\`\`

Below the line is the comment exactly as the Action posted it (Markdown source rendered by GitHub).

---

${body}`;
}
