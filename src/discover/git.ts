/**
 * Changed-only mode (`--since <ref>`): the files added or modified on this
 * branch since it left `ref`, plus uncommitted and untracked files, so a
 * pre-commit hook or a CI job on a big repository lints only new migrations
 * while the earlier ones still build the schema.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { unrecordable } from '../pipeline/rerun.js';

export class GitError extends Error {
  constructor(message: string) {
    super(message);
    // reported like a bad path: a usage problem, exit code 2
    this.name = 'DiscoveryError';
  }
}

/** Runs git in `cwd` (no shell) and returns its stdout; throws `GitError` when git is missing or fails. */
export function git(cwd: string, args: string[]): string {
  unrecordable('git'); // what git says is not stamped (src/pipeline/rerun.ts)
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new GitError(`cannot run git: ${r.error.message}`);
  if (r.status !== 0) {
    const msg = (r.stderr || r.stdout || '').trim().split('\n')[0] ?? '';
    throw new GitError(`git ${args[0]} failed: ${msg}`);
  }
  return r.stdout;
}

const entries = (s: string) => s.split('\0').filter(Boolean);

/**
 * Absolute paths of the files added or modified since `ref`: committed
 * (`git diff --name-only --diff-filter=AM <ref>...HEAD`, i.e. since the merge
 * base), staged or unstaged (`git diff HEAD`), and untracked files. Renames
 * count as additions (`--no-renames`). Deleted files are not included.
 */
export function changedFiles(cwd: string, ref: string): Set<string> {
  if (!ref || ref.startsWith('-')) throw new GitError(`--since needs a git ref such as origin/main (got "${ref}")`);
  // the top level as seen from cwd (not a realpath), so paths compare equal to discovery's
  const top = path.resolve(cwd, git(cwd, ['rev-parse', '--show-cdup']).trim() || '.');
  const verify = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, encoding: 'utf8' });
  if (verify.status !== 0)
    throw new GitError(
      `--since ${ref}: no such commit, branch or tag in this repository (fetch it first, e.g. git fetch origin main)`,
    );
  const out = new Set<string>();
  const add = (rel: string) => out.add(path.resolve(top, rel));
  for (const f of entries(git(top, ['diff', '-z', '--name-only', '--no-renames', '--diff-filter=AM', `${ref}...HEAD`])))
    add(f);
  for (const f of entries(git(top, ['diff', '-z', '--name-only', '--no-renames', '--diff-filter=AM', 'HEAD']))) add(f);
  for (const f of entries(git(top, ['ls-files', '-z', '--others', '--exclude-standard']))) add(f);
  return out;
}
