/**
 * End-to-end for a MySQL/MariaDB repository: the BUILT dist/index.js, run as the runner runs it,
 * against the local fake GitHub API. The same Action, unchanged: it detects the dialect, predicts
 * the online DDL, writes the plan's gh-ost / pt-online-schema-change commands into the comment,
 * and with a server URL measures the algorithm on a real MariaDB.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STICKY_MARKER } from '../../src/report/markdown.js';
import { startFakeGitHub, type FakeGitHub } from './github-server.js';
import { buildActionInto, git, runOnPullRequest, write } from './harness.js';

const MYSQL_URL = process.env.ZERODOWN_TEST_MYSQL_URL;
const OWNER = 'acme';
const REPO = 'shop-mysql';
const PR = 7;
const NEW = 'db/migrations/20261102000000_orders_total.sql';

const HISTORY = `CREATE TABLE \`orders\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`user_id\` bigint unsigned NOT NULL,
  \`total\` decimal(10,2) NOT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
`;
// line 2 copies the table (DECIMAL precision change: COPY, LOCK=SHARED); line 3 is INSTANT
const UNSAFE = `SET SESSION lock_wait_timeout = 5;
ALTER TABLE \`orders\` MODIFY \`total\` decimal(12,2) NOT NULL;
ALTER TABLE \`orders\` ADD COLUMN \`note\` varchar(100) NULL;
`;

let tmp: string;
let indexJs: string;
let gh: FakeGitHub;
let dir: string;
let baseSha: string;
let headSha: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zd-action-mysql-'));
  indexJs = buildActionInto(path.join(tmp, 'action'));
  dir = mkdtempSync(path.join(tmp, 'ws-'));
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, 'db/migrations/20260101000000_create_orders.sql', HISTORY);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'history');
  baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'feature');
  write(dir, NEW, UNSAFE);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'wider total');
  headSha = git(dir, 'rev-parse', 'HEAD');
  gh = await startFakeGitHub({ owner: OWNER, repo: REPO, prNumber: PR });
  gh.files.push({ filename: NEW, status: 'added' });
}, 120_000);

afterAll(async () => {
  await gh?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const run = (inputs: Record<string, string>, env?: Record<string, string>) =>
  runOnPullRequest(
    indexJs,
    { workspace: dir, apiUrl: gh.url, owner: OWNER, repo: REPO, number: PR, baseSha, headSha },
    inputs,
    env,
  );

const comment = () => gh.comments.filter((c) => c.user.type === 'Bot' && c.body.includes(STICKY_MARKER)).at(-1)!.body;

describe('zerodown GitHub Action on a MySQL repository (built dist/index.js)', () => {
  it(
    'detects MySQL, annotates the copying ALTER, and the comment shows the predicted algorithm, lock and tool commands',
    { timeout: 240_000 },
    async () => {
      const r = await run({ 'dry-run': 'false' });
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toMatch(/dialect MySQL 8\.0\.\d+ \(detected: /);
      // the copying ALTER is an error at its line; the INSTANT one is not
      const anns = [...r.stdout.matchAll(/^::error ([^:\n]*)::/gm)].map((m) => {
        const props = Object.fromEntries(m[1]!.split(',').map((kv) => kv.split('=') as [string, string]));
        return `${props.file}:${props.line}`;
      });
      expect(anns).toContain(`${NEW}:2`);
      expect(anns).not.toContain(`${NEW}:3`);
      const body = comment();
      expect(body).toContain('ALGORITHM=COPY');
      expect(body).toContain('LOCK=SHARED');
      expect(body).toContain('gh-ost');
      expect(body).toContain('pt-online-schema-change');
      expect(body).toContain('ALGORITHM=INSTANT');
    },
  );

  it(
    'on a GitHub-hosted Ubuntu runner with no URL, it starts the runner’s MySQL with a fixed command (no shell), and stays static when that fails',
    { timeout: 240_000 },
    async () => {
      // a stand-in `sudo` first on PATH: records its arguments and fails, as on a runner without the service
      const bin = mkdtempSync(path.join(tmp, 'bin-'));
      const log = path.join(bin, 'args.log');
      writeFileSync(path.join(bin, 'sudo'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\nexit 1\n`);
      chmodSync(path.join(bin, 'sudo'), 0o755);
      const r = await run(
        {},
        {
          PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
          RUNNER_ENVIRONMENT: 'github-hosted',
          RUNNER_OS: 'Linux',
          ImageOS: 'ubuntu24',
        },
      );
      expect(r.stderr).not.toMatch(/internal error/);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['-n', 'systemctl', 'start', 'mysql.service']);
      expect(r.stdout).toMatch(/could not start the runner's MySQL/);
      expect(r.code).toBe(1);
      expect(comment()).toContain('gh-ost');
    },
  );

  it.skipIf(!MYSQL_URL)(
    `with a MariaDB shadow URL, the comment shows the algorithm measured on the server${MYSQL_URL ? '' : ' (skipped: set ZERODOWN_TEST_MYSQL_URL)'}`,
    { timeout: 240_000 },
    async () => {
      const r = await run({ dialect: 'mariadb', 'shadow-database-url': MYSQL_URL! });
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const body = comment();
      if (process.env.ZERODOWN_DEBUG) writeFileSync('/tmp/zd-mysql-comment.md', body);
      expect(body).toMatch(/measured/i);
      expect(body).toContain('ALGORITHM=COPY');
      expect(body).toMatch(/verified on MariaDB/);
    },
  );
});
