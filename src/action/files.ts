/**
 * Which files are under review for this workflow event.
 *
 * - pull_request / pull_request_target: the files the PR adds or changes, from
 *   the PR's file list through the REST API (paginated, 100 per page; GitHub
 *   lists at most 3,000 files). Falls back to `git diff base...head` when the
 *   API cannot be used.
 * - push: the files changed since the `before` commit (git), when that commit
 *   is in the checkout.
 * - anything else (workflow_dispatch, schedule, …), or when the above cannot be
 *   known: `null`, meaning "everything matched by paths".
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;
const run = promisify(execFile);

export interface ChangedFiles {
  /** absolute paths under review, or null for "everything" */
  files: Set<string> | null;
  /** how they were found, for the log */
  source: string;
}

export interface EventInfo {
  eventName: string;
  payload: any;
  owner: string;
  repo: string;
  workspace: string;
  sha?: string;
}

const ZERO_SHA = /^0+$/;

/** Paths changed between two commits, relative to the repository root (added, modified, renamed or copied). */
export async function gitChanged(workspace: string, from: string, to: string, threeDot: boolean): Promise<string[]> {
  const range = threeDot ? `${from}...${to}` : `${from}..${to}`;
  const { stdout } = await run(
    'git',
    ['-c', 'core.quotepath=off', 'diff', '--name-only', '-z', '--diff-filter=AMRC', range, '--'],
    {
      cwd: workspace,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout.split('\0').filter(Boolean);
}

/** The files a pull request adds or changes, through the REST API (every page). */
export async function pullRequestFiles(
  octokit: Octokit,
  owner: string,
  repo: string,
  pullNumber: number,
): Promise<string[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  return files.filter((f) => f.status !== 'removed' && f.status !== 'unchanged').map((f) => f.filename);
}

export async function changedFiles(
  ev: EventInfo,
  octokit: Octokit | undefined,
  log: (msg: string) => void,
): Promise<ChangedFiles> {
  const abs = (list: string[]) => new Set(list.map((f) => path.resolve(ev.workspace, f)));
  const pr = ev.payload?.pull_request;
  if (pr && typeof pr.number === 'number') {
    if (octokit) {
      try {
        const list = await pullRequestFiles(octokit, ev.owner, ev.repo, pr.number);
        if (list.length >= 3000)
          log(
            'zerodown: this pull request lists 3,000 files or more; GitHub returns at most 3,000 through the API, so some files may be missing from the review.',
          );
        return {
          files: abs(list),
          source: `the file list of pull request #${pr.number} (${list.length} added or changed files)`,
        };
      } catch (err) {
        log(
          `zerodown: could not list the files of pull request #${pr.number} through the API (${describeError(err)}); trying git instead.`,
        );
      }
    }
    const base = pr.base?.sha;
    const head = pr.head?.sha ?? ev.sha;
    if (base && head) {
      try {
        return {
          files: abs(await gitChanged(ev.workspace, base, head, true)),
          source: `git diff ${base.slice(0, 7)}...${head.slice(0, 7)}`,
        };
      } catch {
        log(
          'zerodown: git could not compare the pull request with its base (check out with `fetch-depth: 0`); reviewing every migration matched by `paths`.',
        );
      }
    }
    return { files: null, source: 'every migration (the pull request file list was not available)' };
  }
  if (ev.eventName === 'push') {
    const before = ev.payload?.before;
    const after = ev.payload?.after ?? ev.sha;
    if (typeof before === 'string' && before && !ZERO_SHA.test(before) && after) {
      try {
        return {
          files: abs(await gitChanged(ev.workspace, before, after, false)),
          source: `git diff ${before.slice(0, 7)}..${String(after).slice(0, 7)} (this push)`,
        };
      } catch {
        log(
          `zerodown: the commit before this push (${before.slice(0, 7)}) is not in the checkout (use \`fetch-depth: 0\` or \`fetch-depth: 2\` with actions/checkout); reviewing every migration matched by \`paths\`.`,
        );
      }
    }
    return { files: null, source: 'every migration (no earlier commit to compare this push with)' };
  }
  return { files: null, source: `every migration (${ev.eventName || 'manual'} run)` };
}

export function describeError(err: unknown): string {
  const e = err as { status?: number; message?: string };
  const msg = (e?.message ?? String(err)).split('\n')[0]!.slice(0, 300);
  return e?.status ? `HTTP ${e.status}: ${msg}` : msg;
}
