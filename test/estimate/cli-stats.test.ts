/** `stats export` and `--stats`/`--stats-url` at the command line: usage errors exit 2, and a URL's password never shows. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeProject } from '../cli-harness.js';

const dir = writeProject(mkdtempSync(path.join(tmpdir(), 'zd-s16cli-')), {
  'm/001.sql': 'CREATE TABLE t (id int);\n',
  'm/002.sql': 'CREATE INDEX t_id ON t (id);\n',
  'v2.json': '{"zerodownStats": 2}',
});

describe('stats on the command line', () => {
  it('masks the password of --stats-url and of stats export --url, even in a connection error', async () => {
    for (const args of [
      ['lint', '--stats-url', 'postgres://app:hunter2secret@127.0.0.1:1/db', 'm/002.sql'],
      ['stats', 'export', '--url', 'mysql://app:hunter2secret@127.0.0.1:1/db'],
    ]) {
      const r = await runCli(dir, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot connect to (postgres|mysql):\/\/app:\*\*\*@127\.0\.0\.1:1\/db/);
      expect(r.stdout + r.stderr).not.toContain('hunter2secret');
    }
  });

  it('says what is missing or wrong, exit 2', async () => {
    const none = await runCli(dir, 'stats', 'export');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('stats export needs --url');
    const both = await runCli(
      dir,
      'lint',
      '--stats',
      'v2.json',
      '--stats-url',
      'postgres://x@127.0.0.1:1/db',
      'm/002.sql',
    );
    expect(both.stderr).toContain('give --stats FILE or --stats-url URL, not both');
    const v2 = await runCli(dir, 'lint', '--stats', 'v2.json', 'm/002.sql');
    expect(v2.code).toBe(2);
    expect(v2.stderr).toContain(
      'v2.json: not a zerodown stats file: zerodownStats is 2, but this zerodown reads version 1',
    );
    expect(v2.stdout).toBe(''); // nothing half-written
  });

  it('the config section `estimates` is checked like the rest of the config', async () => {
    for (const [estimates, message] of [
      [{ maxLockSecs: 3 }, 'unknown key "estimates.maxLockSecs" (did you mean "maxLockSeconds"?)'],
      [{ maxLockSeconds: 0 }, '"estimates.maxLockSeconds" must be > 0 (got 0)'],
    ] as const) {
      const p = writeProject(dir, { 'zerodown.config.json': JSON.stringify({ estimates }), 'a.sql': 'SELECT 1;\n' });
      const r = await runCli(p, 'lint', 'a.sql');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
