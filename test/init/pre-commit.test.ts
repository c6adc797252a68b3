/**
 * The pre-commit hooks (.pre-commit-hooks.yaml). Each entry runs the way pre-commit runs it: for `zerodown`
 * (`language: node`) the package's `bin` installed on PATH, for `zerodown-system-node` (`language: script`) the
 * entry's path inside the hook repository (here bin/zerodown.js next to a dist/ built outside the repository);
 * cwd = the repository, the staged files that match the hook's `types` as arguments. The fixture is a goose
 * repository where a commit stages an unsafe migration next to SQL that is not a migration.
 *
 * With the `pre-commit` program on PATH, `pre-commit try-repo` also runs the hooks from a git repository holding
 * the hook definitions, package.json's bin and files, and the built dist/: `zerodown-system-node` always (nothing
 * to install), `zerodown` with ZERODOWN_TEST_PRECOMMIT=1 (pre-commit installs it: 20 to 40 s here; the real
 * repository also has its devDependencies npm-installed, about 350 MB, which was tried by hand).
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
const hookById = (id: string) => hooks.find((h) => h.id === id)!;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

let tmp: string;
/** a directory on PATH holding `zerodown`, as `npm install -g` leaves it */
let binDir: string;
/** the package as published (bin/ and a freshly built dist/): also what pre-commit clones for a script hook */
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

/**
 * Runs a hook's entry as pre-commit does: argv = the entry split on spaces + the files, no shell; the command is
 * found on PATH for a node hook, and inside the hook repository for a script hook.
 */
function runHook(h: HookDef, dir: string, files: string[]) {
  const [cmd, ...args] = h.entry.split(/\s+/);
  const exe = h.language === 'script' ? path.join(pkgDir, cmd!) : path.join(binDir, cmd!);
  const r = spawnSync(exe, [...args, ...(h.pass_filenames === false ? [] : files)], {
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

describe('the hook definitions', () => {
  it('zerodown: a node hook whose entry is the package’s bin, on the staged .sql files, in one process', () => {
    const hook = hookById('zerodown');
    expect(hook.language).toBe('node');
    expect(hook.entry.split(/\s+/)[0]).toBe(Object.keys(pkg.bin)[0]);
    expect(pkg.bin[hook.entry.split(/\s+/)[0]!]).toBe('bin/zerodown.js');
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist']));
    expect(hook.entry).toContain('--only-migrations');
    expect(hook.types).toEqual(['sql']);
    expect(hook.pass_filenames).not.toBe(false);
    expect(hook.require_serial).toBe(true);
  });

  it('zerodown-system-node: the same command run from the hook repository, an executable committed file', () => {
    const node = hookById('zerodown');
    const script = hookById('zerodown-system-node');
    expect(script.language).toBe('script');
    const [cmd, ...args] = script.entry.split(/\s+/);
    expect(cmd).toBe(pkg.bin.zerodown);
    expect(args).toEqual(node.entry.split(/\s+/).slice(1));
    expect(git(ROOT, 'ls-files', '-s', cmd!)).toMatch(/^100755 /);
    expect({ ...script, id: '', entry: '', language: '', description: '' }).toEqual({
      ...node,
      id: '',
      entry: '',
      language: '',
      description: '',
    });
  });
});

describe.each(['zerodown', 'zerodown-system-node'])('the %s hook’s entry on staged files', (id) => {
  const hook = () => hookById(id);

  it('lints the staged migration against the history, and leaves other SQL alone', () => {
    const dir = repository();
    write(dir, 'migrations/00011_email_lower.sql', UNSAFE);
    write(dir, 'queries/cleanup.sql', NOT_A_MIGRATION);
    write(dir, 'main.go', 'package main\n');
    git(dir, 'add', '.');
    const files = stagedFor(dir, hook());
    expect(files.sort()).toEqual(['migrations/00011_email_lower.sql', 'queries/cleanup.sql']);
    const r = runHook(hook(), dir, files);
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
    const none = runHook(hook(), dir, stagedFor(dir, hook()));
    expect(none).toEqual({ code: 0, out: '' });

    write(
      dir,
      'migrations/00011_orders_user_idx.sql',
      "-- +goose NO TRANSACTION\n-- +goose Up\nSET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx ON orders (user_id);\n",
    );
    git(dir, 'add', '.');
    const safe = runHook(hook(), dir, stagedFor(dir, hook()));
    expect(safe.out).not.toMatch(/error {2}/);
    expect(safe.code, safe.out).toBe(0);
  });
});

const havePreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!havePreCommit)
  console.warn(
    'skipping `pre-commit try-repo`: the pre-commit program is not on PATH (Debian: apt-get install pre-commit)',
  );
else if (!process.env.ZERODOWN_TEST_PRECOMMIT)
  console.warn(
    'skipping `pre-commit try-repo` of the node hook: set ZERODOWN_TEST_PRECOMMIT=1 (it installs the hook: 20-40 s)',
  );

/** A git repository holding what pre-commit reads from zerodown's: the hook definitions, package.json's bin and files. */
function hookRepository(): string {
  const hookRepo = mkdtempSync(path.join(tmp, 'hook-repo-'));
  copyFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), path.join(hookRepo, '.pre-commit-hooks.yaml'));
  const { name, version, type, bin, files, engines } = pkg;
  writeFileSync(path.join(hookRepo, 'package.json'), JSON.stringify({ name, version, type, bin, files, engines }));
  cpSync(path.join(pkgDir, 'bin'), path.join(hookRepo, 'bin'), { recursive: true });
  // the hook lints without a shadow database: PGlite's assets (about 25 MB that try-repo would clone each time) stay out
  cpSync(path.join(pkgDir, 'dist'), path.join(hookRepo, 'dist'), {
    recursive: true,
    filter: (f) => !/(pglite|initdb)[^/]*\.(wasm|data|tgz)$|\.tar\.gz$/.test(f),
  });
  git(hookRepo, 'init', '-q', '-b', 'main');
  git(hookRepo, 'add', '.');
  git(hookRepo, 'commit', '-q', '-m', 'hook');
  return hookRepo;
}

describe.each([
  { id: 'zerodown-system-node', run: havePreCommit },
  { id: 'zerodown', run: havePreCommit && !!process.env.ZERODOWN_TEST_PRECOMMIT },
])('pre-commit try-repo, hook $id', ({ id, run }) => {
  it.skipIf(!run)('fails the commit on the unsafe migration, and passes it without', { timeout: 120_000 }, () => {
    const hookRepo = hookRepository();
    const dir = repository();
    write(dir, 'migrations/00011_email_lower.sql', UNSAFE);
    write(dir, 'queries/cleanup.sql', NOT_A_MIGRATION);
    git(dir, 'add', '.');
    const tryRepo = () =>
      spawnSync('pre-commit', ['try-repo', hookRepo, id, '--color', 'never'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'), NO_COLOR: '1' },
      });
    const r = tryRepo();
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/zerodown \(migration safety\)\.+Failed/);
    expect(out).toContain('- exit code: 1');
    expect(out).toMatch(/migrations\/00011_email_lower\.sql:2:1/);
    expect(out).not.toContain('cleanup.sql');
    expect(r.status).toBe(1);

    // the same commit without the migration passes
    git(dir, 'rm', '-q', '--cached', 'migrations/00011_email_lower.sql');
    const ok = tryRepo();
    expect(ok.stdout + ok.stderr).toMatch(/zerodown \(migration safety\)\.+Passed/);
    expect(ok.status).toBe(0);
  });
});
