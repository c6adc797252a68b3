/**
 * `zerodown lint` as a user runs it. Most cases call the CLI's `main(argv)` in this process
 * (same code path as the binary, minus process start-up); the end-to-end block at the bottom
 * runs the real bundle built from these sources, as a child process, from outside the repo.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, type CliRun as Run, writeProject } from '../cli-harness.js';
import { progressReporter, useColor } from '../../src/cli/lint.js';
import { exitCodeFor } from '../../src/errors.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ANSI = /\x1b\[[0-9;]*m/;

const CLEAN = 'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\n';
const WARN_ONLY = 'CREATE TABLE w (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(20));\n';
const UNSAFE = 'BEGIN;\nCREATE INDEX CONCURRENTLY t_name_idx ON t (name);\nCOMMIT;\n';

let tmp: string;
const project = (files: Record<string, string>): string => writeProject(tmp, files);

const json = (r: Run) => JSON.parse(r.stdout);
const rules = (r: Run) =>
  json(r).files.flatMap((f: { path: string; findings: { rule: string }[] }) =>
    f.findings.map((x) => `${f.path}:${x.rule}`),
  );

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('exit codes', () => {
  it('0 when nothing reaches --fail-on, 1 when something does', async () => {
    const d = project({ 'm/1_clean.sql': CLEAN, 'm/2_warn.sql': WARN_ONLY, 'm/3_unsafe.sql': UNSAFE });
    expect((await run(d, 'lint', 'm/1_clean.sql', '--format', 'json')).code).toBe(0);
    // warnings only: default --fail-on error passes, --fail-on warning fails
    expect((await run(d, 'lint', 'm/2_warn.sql', '--no-history', '--format', 'json')).code).toBe(0);
    expect(
      (await run(d, 'lint', 'm/2_warn.sql', '--no-history', '--format', 'json', '--fail-on', 'warning')).code,
    ).toBe(1);
    const all = await run(d, 'lint', 'm', '--format', 'json');
    expect(all.code).toBe(1);
    expect(rules(all)).toContain('m/3_unsafe.sql:ban-concurrent-index-creation-in-transaction');
    expect((await run(d, 'lint', 'm', '--format', 'json', '--fail-on', 'never')).code).toBe(0);
  });

  it('2 with one clear line on stderr for usage, config and I/O errors', async () => {
    const d = project({
      'm/1.sql': CLEAN,
      'bad/zerodown.config.json': '{"failOn":"sometimes"}',
      'typo/.zerodown.yml': 'pgVersoin: 14\n',
    });
    const cases: [string[], RegExp, string?][] = [
      [['lint', 'nope/'], /^zerodown: nope\/: no such file or directory$/],
      [
        ['lint', 'm', '--format', 'xml'],
        /^error: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif, github, gitlab\.$/,
      ],
      [
        ['lint', 'm', '--pg-version', 'fifteen'],
        /^zerodown: --pg-version must be a PostgreSQL major version from 9 to 19, such as 15 or 15\.4 \(got "fifteen"\); for MySQL or MariaDB use --mysql-version$/,
      ],
      [['lint', 'm', '--fail-on', 'sometimes'], /^error: option '--fail-on <level>' argument 'sometimes' is invalid/],
      [['lint', 'm', '--framework', 'rails'], /^zerodown: unknown framework "rails"/],
      [
        ['lint', 'm', '--dialect', 'oracle'],
        /^error: option '--dialect <id>' argument 'oracle' is invalid\. Allowed choices are postgres, mysql, mariadb\.$/,
      ],
      [
        ['dry-run', 'm/1.sql', '--pg-version', '8'],
        /^zerodown: --pg-version must be a PostgreSQL major version from 9 to 19, such as 15 or 15\.4 \(got "8"\); for MySQL or MariaDB use --mysql-version$/,
      ],
      [['lint', 'm', '--config', 'missing.json'], /^zerodown: cannot read config .*missing\.json/],
      [['lint', 'm', '--bogus'], /^error: unknown option '--bogus'$/],
      [
        ['lint', '../m'],
        /^zerodown: zerodown\.config\.json: "failOn" must be one of "error", "warning", "never" \(got "sometimes"\)$/,
        'bad',
      ],
      [['lint', '../m'], /^zerodown: \.zerodown\.yml: unknown key "pgVersoin" \(did you mean "pgVersion"\?\)$/, 'typo'],
      [['lint'], /^zerodown: no migrations given/],
    ];
    for (const [args, message, sub] of cases) {
      const r = await run(sub ? path.join(d, sub) : d, ...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('--help and --version exit 0', async () => {
    const d = project({});
    const help = await run(d, 'lint', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--assume-in-transaction');
    expect(help.stdout).toContain('--dialect <id>');
    expect((await run(d, 'dry-run', '--help')).stdout).toContain('--pg-version <major>');
    expect((await run(d, '--version')).code).toBe(0);
  });

  it('exitCodeFor follows --fail-on', () => {
    const r = (errors: number, warnings: number) => ({
      files: [],
      summary: { files: 1, statements: 1, errors, warnings },
    });
    expect(exitCodeFor(r(0, 0), 'error')).toBe(0);
    expect(exitCodeFor(r(0, 3), 'error')).toBe(0);
    expect(exitCodeFor(r(0, 3), 'warning')).toBe(1);
    expect(exitCodeFor(r(2, 0), 'error')).toBe(1);
    expect(exitCodeFor(r(2, 3), 'never')).toBe(0);
  });
});

describe('options', () => {
  it('--format json lists every file with paths as given, relative to the working directory', async () => {
    const r = await run(ROOT, 'lint', 'examples/migrations', '--format', 'json');
    expect(r.code).toBe(1);
    const report = json(r);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'examples/migrations/20261001120000_create_accounts.sql',
      'examples/migrations/20261101090000_add_plan_code.sql',
      'examples/migrations/20261102090000_tidy_up.sql',
      'examples/migrations/20261103090000_safe_index.sql',
    ]);
    expect(report.summary.files).toBe(4);
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('--pg-version decides version-dependent rules', async () => {
    const d = project({ 'm/1.sql': CLEAN, 'm/2.sql': 'ALTER TABLE t ADD COLUMN flag boolean DEFAULT false;\n' });
    expect(rules(await run(d, 'lint', 'm/2.sql', '--format', 'json'))).not.toContain(
      'm/2.sql:adding-field-with-default',
    );
    expect(rules(await run(d, 'lint', 'm/2.sql', '--format', 'json', '--pg-version', '10'))).toContain(
      'm/2.sql:adding-field-with-default',
    );
    expect(rules(await run(d, 'lint', 'm/2.sql', '--format', 'json', '--pg-version', '10.23'))).toContain(
      'm/2.sql:adding-field-with-default',
    );
  });

  it('--assume-in-transaction treats each file as wrapped by the migration tool', async () => {
    const d = project({ 'm/1.sql': CLEAN, 'm/2.sql': 'CREATE INDEX CONCURRENTLY t_name_idx ON t (name);\n' });
    expect(rules(await run(d, 'lint', 'm', '--format', 'json'))).not.toContain(
      'm/2.sql:ban-concurrent-index-creation-in-transaction',
    );
    expect(rules(await run(d, 'lint', 'm', '--format', 'json', '--assume-in-transaction'))).toContain(
      'm/2.sql:ban-concurrent-index-creation-in-transaction',
    );
  });

  it('the config file sets rules, failOn, pgVersion and paths; flags win over it', async () => {
    const d = project({
      'db/1.sql': CLEAN,
      'db/2.sql': 'ALTER TABLE t ADD COLUMN flag boolean DEFAULT false;\n' + UNSAFE,
      'zerodown.config.json': JSON.stringify({
        paths: ['db'],
        pgVersion: 10,
        failOn: 'never',
        rules: { 'ban-concurrent-index-creation-in-transaction': 'off' },
      }),
    });
    const r = await run(d, 'lint', '--format', 'json');
    expect(r.code).toBe(0); // failOn: never
    expect(rules(r)).toContain('db/2.sql:adding-field-with-default'); // pgVersion 10
    expect(rules(r)).not.toContain('db/2.sql:ban-concurrent-index-creation-in-transaction'); // off
    expect((await run(d, 'lint', '--format', 'json', '--fail-on', 'error')).code).toBe(1);
    expect(rules(await run(d, 'lint', '--format', 'json', '--pg-version', '15'))).not.toContain(
      'db/2.sql:adding-field-with-default',
    );
  });

  it('a rule can be downgraded to a warning in YAML config', async () => {
    const d = project({
      'm/1.sql': CLEAN,
      'm/2.sql': UNSAFE,
      '.zerodown.yml': 'rules:\n  ban-concurrent-index-creation-in-transaction: warning\n',
    });
    const r = await run(d, 'lint', 'm', '--format', 'json');
    const f = json(r).files[1].findings.find(
      (x: { rule: string }) => x.rule === 'ban-concurrent-index-creation-in-transaction',
    );
    expect(f.severity).toBe('warning');
  });

  it('--framework overrides detection', async () => {
    const d = project({
      'prisma/migrations/20240101000000_init/migration.sql': CLEAN,
      'prisma/migrations/20240102000000_idx/migration.sql': 'CREATE INDEX t_name_idx ON t (name);\n',
    });
    const r = await run(d, 'lint', 'prisma/migrations', '--format', 'text', '--no-color');
    expect(r.stdout).toMatch(/framework: prisma\)/);
    expect(r.stdout).toContain('require-concurrent-index-creation');
    const forced = await run(d, 'lint', 'prisma/migrations', '--framework', 'plain', '--format', 'text', '--no-color');
    expect(forced.stdout).toMatch(/framework: plain\)/);
  });

  it('ignore comments work through the CLI', async () => {
    const d = project({
      'm/1.sql': CLEAN,
      'm/2.sql':
        '-- zerodown-ignore ban-concurrent-index-creation-in-transaction\nBEGIN;\nCREATE INDEX CONCURRENTLY a ON t (name);\nCOMMIT;\n',
      'm/3.sql': `-- zerodown-ignore-file\n${UNSAFE}`,
    });
    const r = await run(d, 'lint', 'm', '--format', 'json');
    // the ignore in 2.sql sits above BEGIN, not above the CREATE INDEX: it must not hide it
    expect(rules(r)).toContain('m/2.sql:ban-concurrent-index-creation-in-transaction');
    expect(rules(r).filter((x: string) => x.startsWith('m/3.sql'))).toEqual([]);
    const moved = project({
      'm/1.sql': CLEAN,
      'm/2.sql':
        'BEGIN;\n-- zerodown-ignore ban-concurrent-index-creation-in-transaction\nCREATE INDEX CONCURRENTLY a ON t (name);\nCOMMIT;\n',
    });
    expect(rules(await run(moved, 'lint', 'm', '--format', 'json'))).not.toContain(
      'm/2.sql:ban-concurrent-index-creation-in-transaction',
    );
  });

  it('an unparsable file gives one syntax-error and the other files are still linted', async () => {
    const d = project({ 'm/1.sql': CLEAN, 'm/2.sql': 'CREATE TABLE {{ .Schema }}.x (id int);\n', 'm/3.sql': UNSAFE });
    const r = await run(d, 'lint', 'm', '--format', 'json');
    expect(r.code).toBe(1);
    const files = json(r).files;
    expect(files.map((f: { path: string }) => f.path)).toEqual(['m/1.sql', 'm/2.sql', 'm/3.sql']);
    expect(
      files[1].findings.map((f: { rule: string; line: number; column: number }) => [f.rule, f.line, f.column]),
    ).toEqual([['syntax-error', 1, 14]]);
    expect(files[2].findings.map((f: { rule: string }) => f.rule)).toContain(
      'ban-concurrent-index-creation-in-transaction',
    );
  });

  it('--output writes the report to a file, without colours', async () => {
    const d = project({ 'm/1.sql': CLEAN, 'm/2.sql': UNSAFE });
    const r = await run(d, 'lint', 'm', '--format', 'sarif', '--output', 'out/report.sarif');
    expect(r.code).toBe(2); // out/ does not exist
    expect(r.stderr).toMatch(/^zerodown: cannot write out\/report\.sarif: ENOENT/);
    mkdirSync(path.join(d, 'out'));
    const ok = await run(d, 'lint', 'm', '--output', 'out/report.txt');
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe('');
    const text = readFileSync(path.join(d, 'out/report.txt'), 'utf8');
    expect(text).toContain('ban-concurrent-index-creation-in-transaction');
    expect(text).not.toMatch(ANSI);
  });

  it('every format works on the same run', async () => {
    const d = project({ 'm/1.sql': CLEAN, 'm/2.sql': UNSAFE });
    const text = await run(d, 'lint', 'm', '--no-color');
    expect(text.stdout).toMatch(/m\/2\.sql:2:1 {2}error {2}ban-concurrent-index-creation-in-transaction/);
    const sarif = JSON.parse((await run(d, 'lint', 'm', '--format', 'sarif')).stdout);
    expect(sarif.version).toBe('2.1.0');
    const gh = (await run(d, 'lint', 'm', '-f', 'github')).stdout;
    expect(gh).toMatch(/^::error file=m\/2\.sql,line=2,col=1,/m);
  });
});

describe('colours and progress', () => {
  it('useColor: flag, then NO_COLOR, then FORCE_COLOR, then TTY (not TERM=dumb)', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(useColor(undefined, tty, {})).toBe(true);
    expect(useColor(undefined, pipe, {})).toBe(false);
    expect(useColor(undefined, tty, { TERM: 'dumb' })).toBe(false);
    expect(useColor(undefined, tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(undefined, tty, { NO_COLOR: '' })).toBe(true); // empty NO_COLOR does not count
    expect(useColor(undefined, pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(undefined, pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(useColor(undefined, tty, { FORCE_COLOR: '0' })).toBe(true); // FORCE_COLOR=0 does not force; the TTY decides
    expect(useColor(undefined, pipe, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(undefined, pipe, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(useColor(true, pipe, { NO_COLOR: '1' })).toBe(true);
    expect(useColor(false, tty, { FORCE_COLOR: '1' })).toBe(false);
  });

  it('progress appears only on a terminal, only for long runs, throttled, and is erased', () => {
    const writes: string[] = [];
    let t = 0;
    const p = progressReporter({ isTTY: true, write: (s: string) => writes.push(s) }, () => t);
    p.tick(1, 3000); // at 0 ms: too early
    t = 600;
    p.tick(200, 3000);
    t = 650;
    p.tick(210, 3000); // 50 ms later: throttled
    t = 800;
    p.tick(400, 3000);
    p.end();
    expect(writes).toEqual([
      '\r\x1b[Kzerodown: linting 200/3000 migration files…',
      '\r\x1b[Kzerodown: linting 400/3000 migration files…',
      '\r\x1b[K',
    ]);
    const none: string[] = [];
    const q = progressReporter({ isTTY: false, write: (s: string) => none.push(s) }, () => (t += 1000));
    q.tick(1, 2);
    q.end();
    expect(none).toEqual([]);
    const quick: string[] = [];
    const r = progressReporter({ isTTY: true, write: (s: string) => quick.push(s) }, () => 10);
    r.tick(1, 2);
    r.end();
    expect(quick).toEqual([]); // a fast run never shows (nor erases) anything
  });

  it('a long file shows which statement the lint is at, on a terminal only', () => {
    const writes: string[] = [];
    let t = 600;
    const p = progressReporter({ isTTY: true, write: (s: string) => writes.push(s) }, () => t);
    t = 1200;
    p.statements(5000, 109000, 'db/migrations/002_seed.sql');
    p.end();
    expect(writes).toEqual([
      '\r\x1b[Kzerodown: linting db/migrations/002_seed.sql, statement 5,000 of 109,000…',
      '\r\x1b[K',
    ]);
    const none: string[] = [];
    const q = progressReporter({ isTTY: false, write: (s: string) => none.push(s) }, () => (t += 1000));
    q.statements(5000, 109000, 'db/migrations/002_seed.sql');
    q.end();
    expect(none).toEqual([]);
  });
});

describe('the built CLI, end to end', () => {
  let cli: string;
  beforeAll(() => {
    // build from these sources into a temp dir outside the repo, the way users get dist/
    const out = path.join(tmp, 'dist');
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: ROOT, stdio: 'pipe' });
    const moved = path.join(tmp, 'installed', 'dist');
    cpSync(out, moved, { recursive: true });
    cli = path.join(moved, 'cli.js');
  }, 120_000);

  const exec = (cwd: string, args: string[], env: Record<string, string> = {}) => {
    const base = { ...process.env };
    delete base.FORCE_COLOR;
    delete base.NO_COLOR;
    return spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  };

  it('lints the examples: findings on stdout, exit 1, no colours in a pipe', () => {
    const r = exec(ROOT, ['lint', 'examples/migrations']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('examples/migrations/20261101090000_add_plan_code.sql:');
    expect(r.stdout).toMatch(/fix: /);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).toBe('');
  });

  it('colours with FORCE_COLOR or --color, never with NO_COLOR', () => {
    expect(exec(ROOT, ['lint', 'examples/migrations'], { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
    expect(exec(ROOT, ['lint', 'examples/migrations', '--color']).stdout).toMatch(ANSI);
    expect(exec(ROOT, ['lint', 'examples/migrations'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(ANSI);
  });

  it('JSON from the bundle; a bad path exits 2 with one line', () => {
    const d = project({ 'm/1.sql': CLEAN, 'm/2.sql': "SELECT 'Zoë 😀' FROM;\n", 'm/3.sql': UNSAFE });
    const r = exec(d, ['lint', 'm', '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files[1].findings).toMatchObject([{ rule: 'syntax-error', line: 1, column: 21 }]); // the ';' after an emoji (two UTF-16 units)
    const bad = exec(d, ['lint', 'm/missing.sql']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('zerodown: m/missing.sql: no such file or directory\n');
  });

  // what a run loads only when it needs it (the config reader with ajv and yaml, the stats check, yaml for a
  // Liquibase changelog, the MySQL dialect) is a chunk of its own in the bundle: each still works from there
  it('--version loads no dialect; a config, YAML changelog, stats file and MySQL project load what they need', () => {
    expect(exec(ROOT, ['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const yml = project({
      '.zerodown.yml': 'rules:\n  ban-drop-table:\n    options:\n      max: 3\n',
      'm/1.sql': CLEAN,
    });
    const bad = exec(yml, ['lint', 'm']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'zerodown: .zerodown.yml:4:7: rule "ban-drop-table" takes no options: remove "rules.ban-drop-table.options"\n',
    );
    // a YAML config is read: failOn never makes a failing run exit 0
    expect(exec(project({ 'm/1.sql': UNSAFE }), ['lint', 'm']).status).toBe(1);
    expect(exec(project({ '.zerodown.yml': 'failOn: never\n', 'm/1.sql': UNSAFE }), ['lint', 'm']).status).toBe(0);
    // the master changelog (YAML) leaves 003-not-included.sql out
    const lb = exec(ROOT, ['lint', '--no-cache', 'test/fixtures/frameworks/liquibase', '--format', 'json']);
    expect(JSON.parse(lb.stdout).files.map((f: { path: string }) => path.basename(f.path))).toEqual([
      '001-create-users.sql',
      '002-users-indexes.sql',
    ]);
    const stats = project({ 'm/1.sql': CLEAN, 'stats.json': '{"zerodownStats": 1}' });
    const st = exec(stats, ['lint', 'm', '--stats', 'stats.json']);
    expect(st.status).toBe(2);
    expect(st.stderr).toMatch(/^zerodown: \S*stats\.json: not a zerodown stats file: \(root\): missing "dialect"\n$/);
    const my = project({ 'm/1.sql': 'ALTER TABLE `users` ADD COLUMN `age` INT NOT NULL, ALGORITHM=COPY;\n' });
    const r = exec(my, ['lint', 'm', '--no-cache']);
    expect(r.stdout).toMatch(/^dialect: MySQL .*\(detected: MySQL syntax in the SQL/);
    expect(r.stdout).toContain('ban-explicit-copy-or-lock');
  });

  it('a closed pipe does not crash', () => {
    const d = project(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`m/${i}.sql`, UNSAFE])));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" lint m --no-history | head -c 10`], {
      cwd: d,
      encoding: 'utf8',
    });
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('a closed pipe does not crash a run answered from its stamp either', () => {
    const d = project(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`m/${i}.sql`, UNSAFE])));
    const env = { ...process.env, ZERODOWN_CACHE_DIR: mkdtempSync(path.join(tmp, 'cache-')) };
    const lint = `"${process.execPath}" "${cli}" lint m --no-history`;
    // the first run stamps; the second is served (src/pipeline/rerun.ts) and its reader stops after 10 bytes
    const full = spawnSync('sh', ['-c', lint], { cwd: d, encoding: 'utf8', env });
    expect(full.stdout.length).toBeGreaterThan(1 << 16);
    const findings = path.join(env.ZERODOWN_CACHE_DIR, 'findings');
    const stamp = path.join(
      findings,
      readdirSync(findings).find((f) => f.endsWith('.stamp'))!,
    );
    const ino = statSync(stamp).ino;
    // zerodown's own exit code (1: the findings), not head's
    const r = spawnSync('bash', ['-c', `${lint} | head -c 10; echo " exit \${PIPESTATUS[0]}"`], {
      cwd: d,
      encoding: 'utf8',
      env,
    });
    expect(r.stdout).toBe(`${full.stdout.slice(0, 10)} exit 1\n`);
    // served from the stamp: a run that did its work would have stamped itself again (a new file)
    expect(statSync(stamp).ino).toBe(ino);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('lint loads no more of Node than it needs: no engine modules; from its stamp no crypto, child processes or v8 serialiser', async () => {
    const d = project({ 'm/1.sql': UNSAFE, 'm/2.sql': CLEAN });
    // files changed within 2 s of a run are stamped by their content, which the next run hashes (with node:crypto)
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const env = { ...process.env, ZERODOWN_CACHE_DIR: mkdtempSync(path.join(tmp, 'cache-')) };
    // what Node loaded, written as the process exits
    const list = path.join(d, 'modules.txt');
    const preload = path.join(d, 'preload.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`,
    );
    const lint = () =>
      spawnSync(process.execPath, ['--require', preload, cli, 'lint', 'm', '--format', 'json'], {
        cwd: d,
        env,
        encoding: 'utf8',
      });
    const first = lint();
    expect(first.status).toBe(1);
    // the run that did its work loaded them (so the check below can fail), but no engine's modules: lint never
    // starts a shadow nor reads a saved state
    const linted = readFileSync(list, 'utf8').split('\n');
    expect(linted).toContain('NativeModule crypto');
    for (const engine of ['NativeModule worker_threads', 'NativeModule zlib']) expect(linted).not.toContain(engine);
    const again = lint();
    expect([again.status, again.stdout, again.stderr]).toEqual([1, first.stdout, first.stderr]);
    const loaded = readFileSync(list, 'utf8').split('\n');
    for (const heavy of ['NativeModule crypto', 'NativeModule child_process', 'NativeModule v8'])
      expect(loaded).not.toContain(heavy);
  });
});

describe('one target version for every stage', () => {
  it('--pg-version (or the config pgVersion) reaches dry-run: Flyway runs ADD VALUE before PostgreSQL 12 outside a transaction', async () => {
    const d = project({
      'db/migration/V1__enum.sql': "CREATE TYPE mood AS ENUM ('a');\n",
      'db/migration/V2__add.sql': "ALTER TYPE mood ADD VALUE 'b';\n",
      'old/zerodown.config.json': '{"pgVersion": 11}',
    });
    const modes = async (cwd: string, ...extra: string[]) => {
      const r = await run(cwd, 'dry-run', ...extra, '--framework', 'flyway', '--format', 'json', '--no-cache');
      expect(r.stderr).toBe('');
      return json(r).statements.map((s: { transaction: string }) => s.transaction);
    };
    expect(await modes(d, 'db/migration/V2__add.sql')).toEqual(['file']);
    expect(await modes(d, 'db/migration/V2__add.sql', '--pg-version', '11')).toEqual(['autocommit']);
    expect(await modes(path.join(d, 'old'), '../db/migration/V2__add.sql')).toEqual(['autocommit']);
  }, 60_000);
});
