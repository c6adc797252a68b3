/**
 * The pre-commit hook (.pre-commit-hooks.yaml). Its entry runs the way pre-commit runs a `language: node` hook:
 * the package's `bin` installed on PATH (here a link to bin/zerodown.js next to a dist/ built outside the
 * repository), cwd = the repository, the staged files that match the hook's `types` as arguments. The fixture is
 * a goose repository where a commit stages an unsafe migration next to SQL that is not a migration.
 *
 * With ZERODOWN_TEST_PRECOMMIT=1 and the `pre-commit` program on PATH, `pre-commit try-repo` also runs the hook from a git repository holding
 * the hook definition, package.json's bin and files, and the built dist/ (without the devDependencies, which
 * pre-commit would otherwise npm-install: about 350 MB, tried by hand).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, buildActionInto, git, write } from '../action/harness.js';
import { FIXTURES } from '../discover/helpers.js';

interface HookDef {
  id: string;
  entry: string;
  language: string;
  types?: string[];
  files?: string;
  pass_filenames?: boolean;
  require_serial?: boolean;
}

const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDef[];
const hook = hooks.find((h) => h.id === 'zerodown')!;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

let tmp: string;
/** a directory on PATH holding `zerodown`, as `npm install -g` leaves it */
let binDir: string;
/** the package as published: bin/ and a freshly built dist/ */
let pkgDir: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zd-precommit-'));
  pkgDir = path.join(tmp, 'pkg');
  buildActionInto(pkgDir);
  mkdirSync(path.join(pkgDir, 'bin'));
  copyFileSync(path.join(ROOT, 'bin/zerodown.js'), path.join(pkgDir, 'bin/zerodown.js'));
  binDir = path.join(tmp, 'global-bin');
  mkdirSync(binDir);
  symlinkSync(path.join(pkgDir, 'bin/zerodown.js'), path.join(binDir, 'zerodown'));
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A goose repository with its history committed. */
function repository(): string {
  const dir = mkdtempSync(path.join(tmp, 'repo-'));
  cpSync(path.join(FIXTURES, 'goose'), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'history');
  return dir;
}

/** The staged files pre-commit hands the hook: added, copied, modified or renamed, filtered by `types`/`files`. */
function stagedFor(dir: string, h: HookDef): string[] {
  const staged = git(dir, 'diff', '--staged', '--name-only', '--diff-filter=ACMR', '-z').split('\0').filter(Boolean);
  // identify tags a file `sql` by its .sql extension
  return staged.filter(
    (f) => (!h.types || h.types.every((t) => t === 'sql' && f.endsWith('.sql'))) && new RegExp(h.files ?? '').test(f),
  );
}

/** Runs the hook's entry as pre-commit does: argv = entry split on spaces + the files, no shell. */
function runHook(dir: string, files: string[]) {
  const [cmd, ...args] = hook.entry.split(/\s+/);
  const r = spawnSync(path.join(binDir, cmd!), [...args, ...(hook.pass_filenames === false ? [] : files)], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: `${binDir}:${process.env.PATH}`, HOME: process.env.HOME ?? tmp, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

const UNSAFE =
  '-- +goose Up\nCREATE INDEX users_email_lower_idx ON users (lower(email));\n\n-- +goose Down\nDROP INDEX users_email_lower_idx;\n';
/** an error if it were linted as a migration (ban-drop-table): the hook must not read it as one */
const NOT_A_MIGRATION = 'DROP TABLE users;\n';

describe('the hook definition', () => {
  it('is a node hook whose entry is the package’s bin, on the staged .sql files, in one process', () => {
    expect(hook.language).toBe('node');
    expect(hook.entry.split(/\s+/)[0]).toBe(Object.keys(pkg.bin)[0]);
    expect(pkg.bin[hook.entry.split(/\s+/)[0]!]).toBe('bin/zerodown.js');
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist']));
    expect(hook.entry).toContain('--only-migrations');
    expect(hook.types).toEqual(['sql']);
    expect(hook.pass_filenames).not.toBe(false);
    expect(hook.require_serial).toBe(true);
  });
});

describe('the hook’s entry on staged files', () => {
  it('lints the staged migration against the history, and leaves other SQL alone', () => {
    const dir = repository();
    write(dir, 'migrations/00011_email_lower.sql', UNSAFE);
    write(dir, 'queries/cleanup.sql', NOT_A_MIGRATION);
    write(dir, 'main.go', 'package main\n');
    git(dir, 'add', '.');
    const files = stagedFor(dir, hook);
    expect(files.sort()).toEqual(['migrations/00011_email_lower.sql', 'queries/cleanup.sql']);
    const r = runHook(dir, files);
    expect(r.code, r.out).toBe(1);
    // `users` and its `email` column come from the history in the working tree
    expect(r.out).toMatch(/migrations\/00011_email_lower\.sql:2:1/);
    expect(r.out).toMatch(/error {2}require-concurrent-index-creation/);
    expect(r.out).toContain('CREATE INDEX on `users` takes a SHARE lock');
    expect(r.out).toMatch(/in 1 of 1 migration file /);
    // neither the other SQL nor the history is reported
    expect(r.out).not.toContain('cleanup.sql');
    expect(r.out).not.toContain('ban-drop-table');
    expect(r.out).not.toContain('00001_create_users.sql');
  });

  it('passes when the staged SQL holds no migration, or a safe one', () => {
    const dir = repository();
    write(dir, 'queries/cleanup.sql', NOT_A_MIGRATION);
    git(dir, 'add', '.');
    const none = runHook(dir, stagedFor(dir, hook));
    expect(none).toEqual({ code: 0, out: '' });

    write(
      dir,
      'migrations/00011_orders_user_idx.sql',
      "-- +goose NO TRANSACTION\n-- +goose Up\nSET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx ON orders (user_id);\n",
    );
    git(dir, 'add', '.');
    const safe = runHook(dir, stagedFor(dir, hook));
    expect(safe.out).not.toMatch(/error {2}/);
    expect(safe.code, safe.out).toBe(0);
  });
});

// `pre-commit try-repo` installs the hook (nodeenv, npm pack of dist/, npm install -g): 20 to 40 s on this 2-core
// machine, so it runs on request: ZERODOWN_TEST_PRECOMMIT=1, with the pre-commit program on PATH
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const skipTryRepo = !process.env.ZERODOWN_TEST_PRECOMMIT
  ? 'set ZERODOWN_TEST_PRECOMMIT=1 to run it (it installs the hook: 20-40 s)'
  : preCommit.status !== 0
    ? 'the pre-commit program is not on PATH (Debian: apt-get install pre-commit)'
    : '';
if (skipTryRepo) console.warn(`skipping \`pre-commit try-repo\`: ${skipTryRepo}`);

describe.skipIf(!!skipTryRepo)('pre-commit try-repo (ZERODOWN_TEST_PRECOMMIT=1, pre-commit on PATH)', () => {
  it('runs the hook from a hook repository and fails the commit on the unsafe migration', { timeout: 120_000 }, () => {
    // the hook repository: what pre-commit reads and installs from zerodown's own repository
    const hookRepo = path.join(tmp, 'hook-repo');
    mkdirSync(hookRepo);
    copyFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), path.join(hookRepo, '.pre-commit-hooks.yaml'));
    const { name, version, type, bin, files, engines } = pkg;
    writeFileSync(path.join(hookRepo, 'package.json'), JSON.stringify({ name, version, type, bin, files, engines }));
    cpSync(path.join(pkgDir, 'bin'), path.join(hookRepo, 'bin'), { recursive: true });
    cpSync(path.join(pkgDir, 'dist'), path.join(hookRepo, 'dist'), { recursive: true });
    git(hookRepo, 'init', '-q', '-b', 'main');
    git(hookRepo, 'add', '.');
    git(hookRepo, 'commit', '-q', '-m', 'hook');

    const dir = repository();
    write(dir, 'migrations/00011_email_lower.sql', UNSAFE);
    write(dir, 'queries/cleanup.sql', NOT_A_MIGRATION);
    git(dir, 'add', '.');
    const r = spawnSync('pre-commit', ['try-repo', hookRepo, 'zerodown', '--color', 'never'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'), NO_COLOR: '1' },
    });
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/zerodown \(migration safety\)\.+Failed/);
    expect(out).toContain('- exit code: 1');
    expect(out).toMatch(/migrations\/00011_email_lower\.sql:2:1/);
    expect(out).not.toContain('cleanup.sql');
    expect(r.status).toBe(1);

    // the same commit without the migration passes
    git(dir, 'rm', '-q', '--cached', 'migrations/00011_email_lower.sql');
    const ok = spawnSync('pre-commit', ['try-repo', hookRepo, 'zerodown', '--color', 'never'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'), NO_COLOR: '1' },
    });
    expect(ok.stdout + ok.stderr).toMatch(/zerodown \(migration safety\)\.+Passed/);
    expect(ok.status).toBe(0);
  });
});
