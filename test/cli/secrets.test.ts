/**
 * The shadow URL's password reaches no output of the CLI: a table of URL shapes
 * (most of them refused or unreachable, so the error paths print them) through
 * `lint --dry-run`, `dry-run` and `plan` in every format, plus a real PostgreSQL
 * run with a password in the URL when ZERODOWN_TEST_PG_URL is set.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetSecrets } from '../../src/secrets.js';
import { runCli, writeProject } from '../cli-harness.js';
import { SHAPES } from '../secret-shapes.js';
import { PG_URL } from '../shadow/engines.js';

const HISTORY = 'CREATE TABLE users (id bigserial PRIMARY KEY, email text);\n';
const CHANGE = 'ALTER TABLE users ADD COLUMN score float8 DEFAULT random();\n';
/** any fragment of any test password: every one starts with S3c and ends with PW<n> */
const LEAK = /S3c|PW\d/;

let tmp: string;
let dir: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-secrets-'));
  dir = writeProject(tmp, { 'migrations/001_init.sql': HISTORY, 'migrations/002_change.sql': CHANGE });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// each run registers its secrets itself (as a fresh process would), nothing carried over from the run before
beforeEach(() => forgetSecrets());

const COMMANDS: string[][] = [
  ['lint', '--dry-run', '--format', 'text'],
  ['lint', '--dry-run', '--format', 'json'],
  ['lint', '--dry-run', '--format', 'sarif'],
  ['lint', '--dry-run', '--format', 'github'],
  ['dry-run', '--format', 'text'],
  ['dry-run', '--format', 'json'],
  ['dry-run', '--format', 'markdown'],
  ['plan', '--format', 'text'],
  ['plan', '--format', 'json'],
  ['plan', '--format', 'markdown'],
  ['plan', '--format', 'sql'],
];

describe('the shadow URL password is in no CLI output', () => {
  SHAPES.forEach(([shape, url], i) => {
    // every shape through the three commands, the formats taken in turn
    const cmds = [COMMANDS[i % 4]!, COMMANDS[4 + (i % 3)]!, COMMANDS[7 + (i % 4)]!];
    it(`${shape}: ${url}`, async () => {
      for (const cmd of cmds) {
        const r = await runCli(dir, ...cmd, '--shadow-url', url, 'migrations/002_change.sql');
        const all = r.stdout + r.stderr;
        expect(all, `${cmd.join(' ')}`).not.toMatch(LEAK);
        // and the run still says what went wrong with the shadow, naming it without its password
        expect(all, `${cmd.join(' ')}`).toMatch(/shadow/);
        expect(r.code, `${cmd.join(' ')}: ${all}`).toBeGreaterThan(0);
      }
    });
  });

  it('--shadow-url=… (one argument), the config file, ZERODOWN_SHADOW_URL and --output are covered too', async () => {
    const url = 'postgres://u:S3cretPW20@127.0.0.1:99999/test';
    let r = await runCli(dir, 'dry-run', `--shadow-url=${url}`, 'migrations/002_change.sql');
    expect(r.stderr).toContain('postgres://u:***@127.0.0.1:99999/test');
    expect(r.stdout + r.stderr).not.toMatch(LEAK);

    forgetSecrets();
    const withConfig = writeProject(tmp, {
      'migrations/001_init.sql': HISTORY,
      'migrations/002_change.sql': CHANGE,
      'zerodown.config.json': JSON.stringify({
        dryRun: { shadowUrl: 'postgres://u@127.0.0.1:1/t?password=S3cretPW21' },
      }),
    });
    r = await runCli(withConfig, 'lint', '--dry-run', '--format', 'json', 'migrations/002_change.sql');
    expect(r.stderr).toContain('password=***');
    expect(r.stdout + r.stderr).not.toMatch(LEAK);
    r = await runCli(withConfig, 'plan', '--format', 'json', 'migrations/002_change.sql');
    expect(r.stdout).toContain('password=***');
    expect(r.stdout + r.stderr).not.toMatch(LEAK);

    forgetSecrets();
    process.env.ZERODOWN_SHADOW_URL = 'postgres://u:S3c%2FretPW22@127.0.0.1:1/test';
    try {
      r = await runCli(dir, 'dry-run', '--format', 'json', 'migrations/002_change.sql');
    } finally {
      delete process.env.ZERODOWN_SHADOW_URL;
    }
    expect(r.stderr).toMatch(/cannot connect to the shadow server postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/test/);
    expect(r.stdout + r.stderr).not.toMatch(LEAK);
  });
});

describe.skipIf(!PG_URL)(
  `a real PostgreSQL shadow with a password in its URL${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`,
  () => {
    // the local server trusts its clients, so the run succeeds whatever the password: it must still not show
    const withPassword = () => {
      const u = new URL(PG_URL!);
      u.password = 'S3c@ret/PW30';
      return u.href;
    };
    const withQuery = () => {
      const u = new URL(PG_URL!);
      u.searchParams.set('password', 'S3cretPW31');
      return u.href;
    };

    it('lint --dry-run, dry-run and plan run, and print the password nowhere (also not in --output files)', async () => {
      for (const url of [withPassword(), withQuery()]) {
        for (const cmd of [COMMANDS[1]!, COMMANDS[5]!, COMMANDS[8]!, COMMANDS[0]!]) {
          forgetSecrets();
          const r = await runCli(dir, ...cmd, '--shadow-url', url, 'migrations/002_change.sql');
          expect(r.stdout + r.stderr, cmd.join(' ')).not.toMatch(LEAK);
          // it really ran on the server: the engine is named, or lint's findings are confirmed by the shadow
          expect(r.stdout, cmd.join(' ')).toMatch(/postgresql 1\d|"confirmed":true|confirmed/i);
        }
        forgetSecrets();
        const out = path.join(tmp, 'report.json');
        const r = await runCli(
          dir,
          'dry-run',
          '--format',
          'json',
          '--shadow-url',
          url,
          '-o',
          out,
          'migrations/002_change.sql',
        );
        expect(r.code).toBe(0);
        expect(readFileSync(out, 'utf8')).not.toMatch(LEAK);
      }
    }, 120_000);
  },
);
