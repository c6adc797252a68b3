/**
 * End-to-end harness for the GitHub Action: builds dist/ into a temp directory
 * outside the repository (the way GitHub runs an action from its own checkout),
 * creates a workspace git repository, and runs the built dist/index.js as a
 * child process with the environment the runner sets.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

/** Builds the bundles with the repository's build script into `<dir>/dist` and copies action.yml next to it. */
export function buildActionInto(dir: string): string {
  execFileSync(process.execPath, ['scripts/gen-rules-index.mjs'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', path.join(dir, 'dist')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  copyFileSync(path.join(ROOT, 'action.yml'), path.join(dir, 'action.yml'));
  return path.join(dir, 'dist', 'index.js');
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'dev',
      GIT_AUTHOR_EMAIL: 'dev@example.com',
      GIT_COMMITTER_NAME: 'dev',
      GIT_COMMITTER_EMAIL: 'dev@example.com',
    },
  }).trim();
}

export function write(root: string, rel: string, text: string): void {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

export const HISTORY = `-- the schema as it is in production today
CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subscriptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  status text NOT NULL DEFAULT 'active',
  created_at timestamptz NOT NULL DEFAULT now()
);
`;

export const HISTORY_2 = `CREATE INDEX CONCURRENTLY subscriptions_account_id_idx ON subscriptions (account_id);
`;

/** The headline example of shared/PR-COMMENT.md: one transaction that blocks writes on `subscriptions`. */
export const UNSAFE = `BEGIN;
ALTER TABLE subscriptions ADD COLUMN plan_code text NOT NULL DEFAULT md5(random()::text);
UPDATE subscriptions SET plan_code = upper(plan_code);
CREATE INDEX subscriptions_plan_code_idx ON subscriptions (plan_code);
COMMIT;
`;

export const NEW_MIGRATION = 'db/migrations/20261101090000_add_plan_code.sql';

export interface Workspace {
  dir: string;
  baseSha: string;
  headSha: string;
}

/** A git repository with a migration history (base commit) and one new unsafe migration (head commit). */
export function makeWorkspace(parent: string): Workspace {
  const dir = mkdtempSync(path.join(parent, 'ws-'));
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, 'db/migrations/20260101000000_create_accounts.sql', HISTORY);
  write(dir, 'db/migrations/20260102000000_index_account_id.sql', HISTORY_2);
  write(dir, 'src/app.ts', 'export const app = 1;\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'history');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'feature');
  write(dir, NEW_MIGRATION, UNSAFE);
  write(dir, 'src/app.ts', 'export const app = 2;\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'add plan code');
  return { dir, baseSha, headSha: git(dir, 'rev-parse', 'HEAD') };
}

/** A pull_request event payload shaped like GitHub's (the fields that matter, and a few that don't). */
export function pullRequestEvent(opts: {
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
  fork?: boolean;
}) {
  const full = `${opts.owner}/${opts.repo}`;
  const headRepo = opts.fork ? `contributor/${opts.repo}` : full;
  return {
    action: 'synchronize',
    number: opts.number,
    before: opts.baseSha,
    after: opts.headSha,
    pull_request: {
      url: `https://api.github.com/repos/${full}/pulls/${opts.number}`,
      id: 1,
      number: opts.number,
      state: 'open',
      title: 'Add a plan code to subscriptions',
      user: { login: 'contributor', id: 2, type: 'User' },
      head: {
        label: 'contributor:feature',
        ref: 'feature',
        sha: opts.headSha,
        repo: {
          id: 3,
          name: opts.repo,
          full_name: headRepo,
          fork: !!opts.fork,
          owner: { login: headRepo.split('/')[0] },
        },
      },
      base: {
        label: `${opts.owner}:main`,
        ref: 'main',
        sha: opts.baseSha,
        repo: { id: 4, name: opts.repo, full_name: full, fork: false, owner: { login: opts.owner } },
      },
      draft: false,
      merged: false,
    },
    repository: {
      id: 4,
      name: opts.repo,
      full_name: full,
      private: false,
      owner: { login: opts.owner, id: 5, type: 'Organization' },
    },
    sender: { login: 'contributor', id: 2, type: 'User' },
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIMITER\nvalue\nDELIMITER`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

/** Runs dist/index.js as the runner does: cwd = workspace, env = GITHUB_* and INPUT_* only (plus PATH/HOME). */
export async function runAction(
  indexJs: string,
  opts: {
    workspace: string;
    eventName: string;
    event: unknown;
    apiUrl: string;
    sha: string;
    repository: string;
    inputs?: Record<string, string>;
    /** more runner environment (e.g. RUNNER_ENVIRONMENT), over the defaults */
    env?: Record<string, string>;
    /** the Node that runs it (default: this one; the bench also times action.yml's `node24`) */
    node?: string;
  },
): Promise<RunResult> {
  const runner = mkdtempSync(path.join(tmpdir(), 'zd-runner-'));
  const eventPath = path.join(runner, 'event.json');
  const outputPath = path.join(runner, 'output');
  const summaryPath = path.join(runner, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(opts.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runner,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: opts.repository,
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_SHA: opts.sha,
    GITHUB_REF: 'refs/pull/42/merge',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_GRAPHQL_URL: `${opts.apiUrl}/graphql`,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_RUN_ID: '987654321',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: runner,
    ...opts.env,
  };
  const inputs = {
    'github-token': 'ghs_testtoken123456',
    'fail-on': '', // action.yml's default: the config's failOn, else error
    'dry-run': 'true',
    comment: 'true',
    'sarif-file': 'zerodown.sarif',
    paths: '',
    'pg-version': '',
    'shadow-database-url': '',
    ...opts.inputs,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const child = spawn(opts.node ?? process.execPath, [indexJs], {
    cwd: opts.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  try {
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
    };
  } finally {
    // the runner's temporary directory, as GitHub empties RUNNER_TEMP after each job
    rmSync(runner, { recursive: true, force: true });
  }
}

/** The pull request a run reviews: the workspace holding it, its repository and commits, and the fake API's URL. */
export interface PullRequestRun {
  workspace: string;
  apiUrl: string;
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
}

/** Runs dist/index.js on a `pull_request` event of `pr`, with these inputs (and more runner environment). */
export function runOnPullRequest(
  indexJs: string,
  pr: PullRequestRun,
  inputs: Record<string, string> = {},
  env?: Record<string, string>,
  node?: string,
): Promise<RunResult> {
  const { workspace, apiUrl, owner, repo, number, baseSha, headSha } = pr;
  return runAction(indexJs, {
    workspace,
    eventName: 'pull_request',
    event: pullRequestEvent({ owner, repo, number, baseSha, headSha }),
    apiUrl,
    sha: headSha,
    repository: `${owner}/${repo}`,
    inputs,
    ...(env ? { env } : {}),
    ...(node ? { node } : {}),
  });
}
