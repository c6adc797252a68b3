/**
 * Issue 11, "safe on hostile input": what a pull request's migration files can make the CLI
 * print or skip. Runs the real CLI entry in-process on files written to a temp directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, writeProject } from '../cli-harness.js';

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
        'm/0002_i.sql:2:1  error  require-concurrent-index-creation',
        '  CREATE INDEX on `t\\x1b[2J` takes a SHARE lock and blocks every INSERT, UPDATE and DELETE until the index is built, which takes minutes on a large table.',
        '    1 | -- title \\x1b]0;pwned\\x07 done',
        '  > 2 | CREATE INDEX i ON "t\\x1b[2J" (a);',
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
