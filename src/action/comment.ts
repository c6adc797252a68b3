/**
 * The sticky PR comment: one per pull request, found again through the hidden
 * marker and updated in place (PATCH) on every run, never posted twice.
 *
 * Finding it: list the PR's comments (every page), keep those containing the
 * marker, and only trust a comment written by the token's own identity. With
 * the workflow's GITHUB_TOKEN that identity is a bot (github-actions[bot], or an
 * app's bot); with a personal token it is that user, learnt from GET /user. A
 * marker pasted into someone else's comment is ignored, so nobody's comment can
 * be overwritten.
 */
import type { Octokit } from './files.js';
import { describeError } from './files.js';
import { retryPauseMs } from './octokit.js';
import { STICKY_MARKER } from '../report/markdown.js';

export interface PullRef {
  owner: string;
  repo: string;
  number: number;
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; url?: string }
  | { action: 'skipped'; reason: string }
  | { action: 'forbidden' | 'failed'; status?: number; reason: string };

interface CommentLike {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

/** Finds zerodown's sticky comment on a PR (the one carrying `marker`), or undefined. */
export async function findStickyComment(
  octokit: Octokit,
  pr: PullRef,
  marker = STICKY_MARKER,
): Promise<CommentLike | undefined> {
  const comments = (await octokit.paginate(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  })) as CommentLike[];
  const marked = comments.filter((c) => (c.body ?? '').includes(marker));
  if (!marked.length) return undefined;
  const bots = marked.filter((c) => c.user?.type === 'Bot');
  const ours = bots.find((c) => c.user?.login === 'github-actions[bot]') ?? bots[0];
  if (ours) return ours;
  // a personal access token comments as its user: ask who that is
  try {
    const { data: me } = await octokit.rest.users.getAuthenticated();
    return marked.find((c) => c.user?.login === me.login);
  } catch {
    return undefined; // an installation token cannot call GET /user; its comments are Bot comments
  }
}

/**
 * Creates or updates the sticky comment. Never throws: a read-only token (fork
 * PRs) or any API failure comes back as an outcome the caller explains.
 * `createIfMissing: false` only updates an existing comment (nothing to say on a
 * PR that never touched a migration).
 */
export async function upsertStickyComment(
  octokit: Octokit,
  pr: PullRef,
  body: string,
  opts: { createIfMissing: boolean; marker?: string },
): Promise<CommentOutcome> {
  let existing: CommentLike | undefined;
  try {
    existing = await findStickyComment(octokit, pr, opts.marker);
  } catch (err) {
    return failure(err, 'listing the comments');
  }
  try {
    if (existing) return { action: 'updated', ...(await edit(octokit, pr, existing.id, body)) };
    if (!opts.createIfMissing)
      return { action: 'skipped', reason: 'no migration changes and no earlier zerodown comment' };
  } catch (err) {
    return failure(err, 'updating the comment');
  }
  return createOnce(octokit, pr, body, opts.marker);
}

/** Replaces the body of comment `id`: its id and address. */
async function edit(octokit: Octokit, pr: PullRef, id: number, body: string): Promise<{ id: number; url: string }> {
  const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body });
  return { id: data.id, url: data.html_url };
}

/** Retries of the comment POST after a 5xx or a dropped connection (the client's own retries are off for it). */
const CREATE_RETRIES = 3;

/**
 * Posts the sticky comment, once. A POST is not retried blind: GitHub may have saved the comment before failing
 * to say so (a 502 from its proxy), and a second POST would leave two. After a 5xx or a dropped connection it
 * looks for the comment again: found, it is edited (or left as it is); not found, posted again.
 */
async function createOnce(octokit: Octokit, pr: PullRef, body: string, marker?: string): Promise<CommentOutcome> {
  for (let retry = 0; ; retry++) {
    try {
      if (retry > 0) {
        const saved = await findStickyComment(octokit, pr, marker);
        if (saved)
          return {
            action: 'created',
            ...(saved.body === body ? { id: saved.id } : await edit(octokit, pr, saved.id, body)),
          };
      }
      const { data } = await octokit.rest.issues.createComment({
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        body,
        request: { retries: 0 },
      });
      return { action: 'created', id: data.id, url: data.html_url };
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (retry >= CREATE_RETRIES || (status !== undefined && status < 500))
        return failure(err, 'creating the comment');
      await new Promise((resolve) => setTimeout(resolve, retryPauseMs(octokit, retry + 1)));
    }
  }
}

function failure(err: unknown, doing: string): CommentOutcome {
  const status = (err as { status?: number }).status;
  const reason = `${doing} failed (${describeError(err)})`;
  if (status === 403 || status === 401 || status === 404) return { action: 'forbidden', status, reason };
  return { action: 'failed', status, reason };
}

/** A log paragraph that says why no comment was posted, and what still happened. */
export function explainNoComment(outcome: CommentOutcome, isFork: boolean): string {
  if (outcome.action !== 'forbidden' && outcome.action !== 'failed') return '';
  const lines = [`zerodown did not post its pull request comment: ${outcome.reason}.`];
  if (outcome.action === 'forbidden') {
    lines.push(
      isFork
        ? 'This pull request comes from a fork, and GitHub gives workflows triggered by fork pull requests a read-only GITHUB_TOKEN, so commenting is not allowed. This is expected.'
        : 'The token cannot write to pull requests. Give the job `permissions: pull-requests: write` (and `contents: read`), or pass a token that can.',
    );
  }
  lines.push(
    'The findings are still reported as annotations on the changed lines, in the job summary and the SARIF file, and through the exit status of this step.',
  );
  return lines.join('\n');
}
