/**
 * Issue 11, "safe on hostile input": what a pull request's migration files can make the CLI
 * print or skip. Runs the real CLI entry in-process on files written to a temp directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, writeProject } from '../cli-harness.js';
import { PG_URL } from '../shadow/engines.js';

let tmp: string;
const project = (files: Record<string, string | Uint8Array>): string => writeProject(tmp, files);

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-hostile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Any byte a terminal acts on, other than the line feeds that end lines. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/;

describe('terminal escapes in SQL are printed visibly, never obeyed', () => {
  const files = {
    'm/0001_t.sql': 'CREATE TABLE "t\x1b[2J" (a int);\n',
    'm/0002_i.sql': '-- title \x1b]0;pwned\x07 done\r\nCREATE INDEX i ON "t\x1b[2J" (a);\n',
  };

  it('lint --format text: message and code frame show \\x1b, \\x07, and the CRLF line ends are not shown', async () => {
    const r = await run(project(files), 'lint', 'm/0002_i.sql', '--no-color');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain(
      [
        // three rules flag the statement: one header and one frame, then each finding
        'm/0002_i.sql:2:1  3 findings on this statement',
        '    1 | -- title \\x1b]0;pwned\\x07 done',
        '  > 2 | CREATE INDEX i ON "t\\x1b[2J" (a);',
        '  error  require-concurrent-index-creation',
        '    CREATE INDEX on `t\\x1b[2J` takes a SHARE lock and blocks every INSERT, UPDATE and DELETE until the index is built, which takes minutes on a large table.',
      ].join('\n'),
    );
  });

  it('lint --format github: one line per annotation, escapes visible', async () => {
    const r = await run(project(files), 'lint', 'm/0002_i.sql', '--format', 'github');
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain(
      '::error file=m/0002_i.sql,line=2,col=1,endLine=2,title=zerodown require-concurrent-index-creation,endColumn=30::CREATE INDEX on `t\\x1b[2J` takes',
    );
  });

  it('a syntax error: the caret stays under the failing character after the escapes widen the line', async () => {
    const r = await run(project({ 'm/0001_x.sql': "SELECT '\x1b[31m' ~~~ ;\n" }), 'lint', 'm', '--no-color');
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain(["  > 1 | SELECT '\\x1b[31m' ~~~ ;", '      |                       ^'].join('\n'));
  });

  it('stderr: a file name with escapes is shown visibly', async () => {
    const r = await run(project({}), 'lint', 'no\x1b[2Jsuch.sql');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('zerodown: no\\x1b[2Jsuch.sql: no such file or directory\n');
  });

  it('plan --format text: a file name with escapes is shown visibly', async () => {
    const d = project({
      'm/0001_users.sql': 'CREATE TABLE users (a int);\n',
      'm/0002_\x1b[2J.sql': 'ALTER TABLE users ADD COLUMN b text NOT NULL DEFAULT md5(random()::text);\n',
    });
    const r = await run(d, 'plan', 'm', '--no-verify', '--no-color');
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('m/0002_\\x1b[2J.sql: 4 phases\n');
  });

  it('dry-run --format text: statement, locks and file name are escaped', async () => {
    const r = await run(project(files), 'dry-run', 'm/0002_i.sql', '--no-cache', '--no-color');
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toMatch(/ 2 {5}CREATE INDEX i ON "t\\x1b\[2J" \(a\) +[\d.]+ ms {2}ShareLock t\\x1b\[2J +writes/);
  }, 60_000);
});

describe('bytes PostgreSQL rejects: reported at file:line:column, never run', () => {
  const history = 'CREATE TABLE t (a int);\n';
  const nul = Buffer.from('SELECT 1\0;\nCREATE INDEX i ON t (a);\n');
  const latin1 = Buffer.concat([Buffer.from('-- caf'), Buffer.from([0xe9]), Buffer.from('\nSELECT 1;\n')]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const findings = (stdout: string) =>
    JSON.parse(stdout).files.flatMap((f: { path: string; findings: Record<string, unknown>[] }) =>
      f.findings.map((x) => `${f.path}:${x.line}:${x.column} ${x.rule}`),
    );

  it('lint: a NUL is an error at its column and the statement after it is still linted', async () => {
    const d = project({ 'm/0001_t.sql': history, 'm/0002_nul.sql': nul });
    const json = await run(d, 'lint', 'm/0002_nul.sql', '--format', 'json');
    expect(findings(json.stdout)).toEqual([
      'm/0002_nul.sql:1:9 syntax-error',
      'm/0002_nul.sql:2:1 prefer-robust-stmts',
      'm/0002_nul.sql:2:1 require-concurrent-index-creation',
      'm/0002_nul.sql:2:1 require-lock-timeout',
      'm/0002_nul.sql:2:1 require-statement-timeout',
    ]);
    const text = await run(d, 'lint', 'm/0002_nul.sql', '--no-color');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      [
        'm/0002_nul.sql:1:9  error  syntax-error',
        '  A NUL byte (0x00) is here: PostgreSQL rejects it (invalid byte sequence for encoding "UTF8": 0x00), and tools that read SQL as a C string stop at it, silently skipping everything after it.',
        '  > 1 | SELECT 1\\x00;',
        '      |         ^',
        '  fix: Delete the byte (shown as \\x00). zerodown checked the statements around it, but runs nothing from this file on the shadow.',
      ].join('\n'),
    );
    const sarif = JSON.parse((await run(d, 'lint', 'm/0002_nul.sql', '--format', 'sarif')).stdout);
    const first = sarif.runs[0].results[0];
    expect([first.ruleId, first.level, first.locations[0].physicalLocation.region]).toEqual([
      'syntax-error',
      'error',
      { startLine: 1, startColumn: 9, endLine: 1, endColumn: 10 },
    ]);
  });

  it('lint --dry-run: the NUL is reported once (the file is not run, so no dry-run-error repeats it)', async () => {
    const d = project({ 'm/0001_t.sql': history, 'm/0002_nul.sql': nul });
    const r = await run(d, 'lint', 'm/0002_nul.sql', '--dry-run', '--format', 'json');
    expect(findings(r.stdout).filter((f: string) => /error$/.test(f))).toEqual(['m/0002_nul.sql:1:9 syntax-error']);
  }, 60_000);

  it('lint: invalid UTF-8 is an error at the column of the bad byte', async () => {
    const r = await run(project({ 'm/0001_l.sql': latin1 }), 'lint', 'm', '--format', 'json');
    expect(findings(r.stdout)).toEqual(['m/0001_l.sql:1:7 syntax-error']);
    expect(JSON.parse(r.stdout).files[0].findings[0].message).toMatch(/^Invalid UTF-8 \(0xe9\) is here: /);
  });

  it('lint: a PNG named .sql is one clear error, with no garbage printed', async () => {
    const r = await run(project({ 'm/0001_logo.sql': png }), 'lint', 'm', '--no-color');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'm/0001_logo.sql:1:1  error  syntax-error',
        '  This is not a SQL text file: it looks like a PNG image. There is nothing zerodown can check, and the migration tool would fail on it.',
        '  fix: Remove it from the migrations, or rename it so that it does not end in .sql.',
        '',
        '✖ 1 error in 1 of 1 migration file (0 statements; framework: plain)',
        '',
      ].join('\n'),
    );
  });

  it('plan: the file with a NUL is not planned (it said "no plan needed"); the next file still is', async () => {
    const d = project({
      'm/0001_t.sql': history,
      'm/0002_nul.sql': Buffer.from(
        'SELECT 1\0;\nALTER TABLE t ADD COLUMN b text NOT NULL DEFAULT md5(random()::text);\n',
      ),
      'm/0003_ok.sql': 'ALTER TABLE t ADD COLUMN c text NOT NULL DEFAULT md5(random()::text);\n',
    });
    const r = await run(d, 'plan', 'm/0002_nul.sql', 'm/0003_ok.sql', '--no-verify', '--no-color');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('m/0003_ok.sql: 4 phases\n');
    expect(r.stdout).toContain(
      '✗ m/0002_nul.sql: not planned: A NUL byte (0x00) is here: PostgreSQL rejects it (invalid byte sequence for encoding "UTF8": 0x00), and tools that read SQL as a C string stop at it, silently skipping everything after it. (line 1, column 9)\n',
    );
    expect(r.stdout).not.toContain('no plan needed');
  });

  for (const engine of [
    { name: 'pglite', args: [] as string[] },
    { name: 'postgresql', args: PG_URL ? ['--shadow-url', PG_URL] : [] },
  ]) {
    it.skipIf(engine.name === 'postgresql' && !PG_URL)(
      `dry-run [${engine.name}]: the file with a NUL is reported and not run, the other file runs`,
      async () => {
        const d = project({
          'm/0001_t.sql': history,
          'm/0002_nul.sql': nul,
          'm/0003_ok.sql': 'SELECT count(*) FROM t;\n',
        });
        const r = await run(
          d,
          'dry-run',
          'm/0002_nul.sql',
          'm/0003_ok.sql',
          '--no-cache',
          '--format',
          'json',
          ...engine.args,
        );
        expect(r.code).toBe(1);
        const out = JSON.parse(r.stdout);
        expect(out.files).toEqual([
          { path: 'm/0002_nul.sql', statements: 0, ok: false },
          { path: 'm/0003_ok.sql', statements: 1, ok: true },
        ]);
        const failed = out.statements.find((s: { path: string }) => s.path === 'm/0002_nul.sql');
        expect([failed.error.code, failed.error.line, failed.error.column]).toEqual(['22021', 1, 9]);
        // nothing of the file ran: the index on line 2 was never built
        expect(out.statements.filter((s: { path: string }) => s.path === 'm/0002_nul.sql')).toHaveLength(1);
      },
      60_000,
    );
  }
});

describe('options, config and line ends', () => {
  const CLEAN = 'SELECT 1;\n';
  const loc = (stdout: string) =>
    JSON.parse(stdout).files.flatMap((f: { path: string; findings: Record<string, unknown>[] }) =>
      f.findings.map((x) => `${f.path}:${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.rule}`),
    );

  it('--pg-version takes 15, 15.4 or 13.0, not 0x10 or 1e1', async () => {
    const d = project({ 'm/0001_a.sql': CLEAN });
    for (const v of ['0x10', '1e1', '15.', 'v15', '8', '15.4.1']) {
      const r = await run(d, 'lint', 'm', '--pg-version', v);
      expect([r.code, r.stderr]).toEqual([
        2,
        `zerodown: --pg-version must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4 (got "${v}"); for MySQL or MariaDB use --mysql-version\n`,
      ]);
    }
    for (const v of ['15', '15.4', '13.0']) expect((await run(d, 'lint', 'm', '--pg-version', v)).code).toBe(0);
  });

  it('lint --shadow-url / --seed-rows without --dry-run: a warning naming each, exit code unchanged', async () => {
    const d = project({ 'm/0001_a.sql': CLEAN });
    const r = await run(
      d,
      'lint',
      'm',
      '--shadow-url',
      'postgres://u:secret@db/x',
      '--seed-rows',
      '5',
      '--shadow-timeout',
      '3',
      '--allow-superuser-shadow',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        'zerodown: warning: --shadow-url is ignored without --dry-run: lint only uses a shadow database with --dry-run (add it to confirm findings there)',
        'zerodown: warning: --seed-rows is ignored without --dry-run: lint only uses a shadow database with --dry-run (add it to confirm findings there)',
        'zerodown: warning: --shadow-timeout is ignored without --dry-run: lint only uses a shadow database with --dry-run (add it to confirm findings there)',
        'zerodown: warning: --allow-superuser-shadow is ignored without --dry-run: lint only uses a shadow database with --dry-run (add it to confirm findings there)',
        '',
      ].join('\n'),
    );
  });

  it('plan --no-verify --shadow-url / --seed-rows: a warning naming each, exit code unchanged', async () => {
    const d = project({ 'm/0001_a.sql': CLEAN });
    const r = await run(d, 'plan', 'm', '--no-verify', '--seed-rows', '5', '--shadow-url', 'postgres://u:secret@db/x');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        'zerodown: warning: --shadow-url is ignored with --no-verify: the plans are not run on a shadow database (drop --no-verify to prove them there)',
        'zerodown: warning: --seed-rows is ignored with --no-verify: the plans are not run on a shadow database (drop --no-verify to prove them there)',
        '',
      ].join('\n'),
    );
  });

  it('a byte order mark does not shift line 1: the finding is at column 1', async () => {
    const d = project({
      'm/0001_t.sql': 'CREATE TABLE t (a int);\n',
      'm/0002_bom.sql': Buffer.from('\uFEFFCREATE INDEX i ON t (a);\n'),
      'm/0003_bom.sql': Buffer.from('\uFEFFSELEC 1;\n'),
    });
    const r = await run(d, 'lint', 'm/0002_bom.sql', 'm/0003_bom.sql', '--format', 'json');
    expect(loc(r.stdout)).toEqual([
      'm/0002_bom.sql:1:1-1:24 require-concurrent-index-creation',
      'm/0002_bom.sql:1:1-1:24 require-lock-timeout',
      'm/0002_bom.sql:1:1-1:24 require-statement-timeout',
      'm/0003_bom.sql:1:1-1:2 syntax-error',
    ]);
  });

  it('CRLF files: lines and columns are those an editor shows, and no \\r reaches the frame', async () => {
    const d = project({
      'm/0001_t.sql': 'CREATE TABLE t (a int);\r\n',
      'm/0002_i.sql': 'SELECT 1;\r\n  CREATE INDEX i ON t (a);\r\n',
      'm/0003_s.sql': 'SELECT 1;\r\nSELECT (;\r\n',
    });
    const r = await run(d, 'lint', 'm/0002_i.sql', 'm/0003_s.sql', '--format', 'json');
    expect(loc(r.stdout)).toEqual([
      'm/0002_i.sql:2:3-2:26 prefer-robust-stmts',
      'm/0002_i.sql:2:3-2:26 require-concurrent-index-creation',
      'm/0002_i.sql:2:3-2:26 require-lock-timeout',
      'm/0002_i.sql:2:3-2:26 require-statement-timeout',
      'm/0003_s.sql:2:9-2:10 syntax-error',
    ]);
    const text = await run(d, 'lint', 'm/0003_s.sql', '--no-color');
    expect(text.stdout).toContain(['    1 | SELECT 1;', '  > 2 | SELECT (;', '      |         ^'].join('\n'));
  });
});
