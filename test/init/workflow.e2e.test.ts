/**
 * The workflow `zerodown init` writes, run the way GitHub would run it: a fresh Prisma repository gets
 * `zerodown init`, a pull request then adds an unsafe migration, and the written workflow's zerodown step
 * (its `with:` as INPUT_* variables) runs the BUILT Action (dist/index.js, built outside the repository)
 * against the local fake GitHub API, reading the config init wrote.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STICKY_MARKER } from '../../src/report/markdown.js';
import { startFakeGitHub, type FakeGitHub } from '../action/github-server.js';
import { buildActionInto, git, runOnPullRequest, write } from '../action/harness.js';
import { runCli } from '../cli-harness.js';
import { scratchCopy } from '../discover/helpers.js';

const OWNER = 'acme';
const REPO = 'shop';
const PR = 7;
const NEW = 'prisma/migrations/20240106090000_add_plan/migration.sql';

let tmp: string;
let indexJs: string;
let gh: FakeGitHub;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zd-init-e2e-'));
  indexJs = buildActionInto(path.join(tmp, 'action'));
  gh = await startFakeGitHub({ owner: OWNER, repo: REPO, prNumber: PR });
}, 120_000);

afterAll(async () => {
  await gh?.close();
  for (const c of cleanups) c();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

it(
  'the written workflow’s zerodown step reviews the PR’s migration and fails the check',
  { timeout: 180_000 },
  async () => {
    const ws = scratchCopy('prisma');
    cleanups.push(ws.cleanup);
    const dir = ws.dir;
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'remote', 'add', 'origin', `https://github.com/${OWNER}/${REPO}.git`);
    const init = await runCli(dir, 'init');
    expect(init.code, init.stderr).toBe(0);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'zerodown init');
    const baseSha = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'checkout', '-q', '-b', 'feature');
    // Prisma runs the file in one transaction: a rewrite under ACCESS EXCLUSIVE, and an index that blocks writes
    write(
      dir,
      NEW,
      '-- AlterTable\nALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL DEFAULT md5(random()::text);\n\n-- CreateIndex\nCREATE INDEX "User_plan_idx" ON "User"("plan");\n',
    );
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'add plan');
    const headSha = git(dir, 'rev-parse', 'HEAD');
    gh.files.push({ filename: NEW, status: 'added' });

    // the zerodown step of the written workflow, its `with:` as the runner passes inputs
    const wf = parse(readFileSync(path.join(dir, '.github/workflows/zerodown.yml'), 'utf8')) as any;
    const step = (Object.values(wf.jobs) as any[])
      .flatMap((j) => j.steps)
      .find((s) => String(s.uses).startsWith('zerodown/zerodown@'));
    expect(step).toBeDefined();
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));

    const r = await runOnPullRequest(
      indexJs,
      { workspace: dir, apiUrl: gh.url, owner: OWNER, repo: REPO, number: PR, baseSha, headSha },
      inputs,
    );
    expect(r.stderr).not.toMatch(/internal error/);
    // the workflow sets no fail-on: the config's failOn ("error", as written) decides, and the new migration has errors
    expect(step.with?.['fail-on']).toBeUndefined();
    expect(r.code, r.stdout + r.stderr).toBe(1);
    // the Action read the config init wrote: its paths, and the five earlier migrations as history
    expect(r.stdout).toMatch(
      /1 migration file\(s\) under review, 5 earlier file\(s\) replayed as history \(paths: prisma\/migrations/,
    );
    expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(2);

    // one sticky comment, naming the file and what to do
    const bot = gh.comments.filter((c) => c.user.type === 'Bot' && c.body.includes(STICKY_MARKER));
    expect(bot).toHaveLength(1);
    const body = bot[0]!.body;
    expect(body).toMatch(/^### 🛑 zerodown:/m);
    expect(body).toContain(`https://github.com/${OWNER}/${REPO}/blob/${headSha}/${NEW}#L2`);
    expect(body).toContain('require-concurrent-index-creation');
    expect(body).toContain('CONCURRENTLY');

    // one place decides: failOn "never" in the config init wrote passes the same check
    const cfgFile = path.join(dir, 'zerodown.config.json');
    const cfg = readFileSync(cfgFile, 'utf8');
    expect(cfg).toContain('"failOn": "error"');
    write(dir, 'zerodown.config.json', cfg.replace('"failOn": "error"', '"failOn": "never"'));
    const relaxed = await runOnPullRequest(
      indexJs,
      { workspace: dir, apiUrl: gh.url, owner: OWNER, repo: REPO, number: PR, baseSha, headSha },
      inputs,
    );
    expect(relaxed.code, relaxed.stdout + relaxed.stderr).toBe(0);
    expect(Number(relaxed.outputs.errors)).toBeGreaterThanOrEqual(2);
  },
);
