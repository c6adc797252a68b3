/**
 * `--format gitlab`: the GitLab Code Quality report, validated with ajv against GitLab's own per-issue
 * schema and against the documented report format (both in test/fixtures/gitlab/, sources in SOURCE.md),
 * on a real lint result with several findings (real parser, engine and rules).
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCodeQuality, toCodeQuality } from '../../src/report/gitlab.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import type { LintResult } from '../../src/model.js';
import { migration } from '../helpers.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/gitlab/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const gitlabIssue = ajv.compile(fixture('codeclimate.json'));
const documented = ajv.compile(fixture('code-quality-report.schema.json'));

const HISTORY =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE orders (id bigint PRIMARY KEY);\n';
// the same unsafe statement twice in one file, another statement, a file that does not parse
const UNSAFE = `CREATE INDEX users_email_idx ON users (email);
ALTER TABLE orders ADD COLUMN note text NOT NULL DEFAULT md5(random()::text);
CREATE INDEX users_email_idx2 ON users (email);
CREATE INDEX users_email_idx ON users (email);
`;
const run = (unsafe: string): Promise<LintResult> =>
  lintMigrations([
    migration(HISTORY, { path: 'db/migrations/0001_init.sql', review: false }),
    migration(unsafe, { path: 'db/migrations/0002_unsafe.sql' }),
    migration('ALTER TABLE users ADD COLUMN;\n', { path: 'db/migrations/0003 broken.sql' }),
  ]);

let result: LintResult;
beforeAll(async () => {
  result = await run(UNSAFE);
});

describe('GitLab Code Quality report', () => {
  it('the validators reject what GitLab would drop (so the checks below mean something)', () => {
    const [first] = toCodeQuality(result) as any[];
    expect(gitlabIssue(first)).toBe(true);
    expect(gitlabIssue({ ...first, fingerprint: undefined })).toBe(false);
    expect(gitlabIssue({ ...first, location: { path: 'a.sql', lines: { begin: '3' } } })).toBe(false);
    expect(documented([{ ...first, severity: 'error' }])).toBe(false);
    expect(documented([{ ...first, check_name: undefined }])).toBe(false);
    expect(documented([{ ...first, location: { path: 'a.sql' } }])).toBe(false);
    expect(documented([{ ...first, location: { path: 'a.sql', lines: { begin: 0 } } }])).toBe(false);
    expect(documented({})).toBe(false);
  });

  it('a real lint result with several findings validates against both schemas', () => {
    const text = formatCodeQuality(result);
    expect(text.charCodeAt(0)).not.toBe(0xfeff); // GitLab's parser refuses a byte order mark
    const report = JSON.parse(text);
    expect(documented(report), JSON.stringify(documented.errors, null, 1)).toBe(true);
    for (const issue of report) expect(gitlabIssue(issue), JSON.stringify(gitlabIssue.errors)).toBe(true);
    expect(report.length).toBe(result.summary.errors + result.summary.warnings);
    expect(report.length).toBeGreaterThanOrEqual(5);

    const rules = new Set(report.map((i: any) => i.check_name));
    expect(rules).toContain('require-concurrent-index-creation');
    expect(rules).toContain('syntax-error');
    const idx = report.filter((i: any) => i.check_name === 'require-concurrent-index-creation');
    expect(idx.map((i: any) => i.location.lines.begin)).toEqual([1, 3, 4]);
    expect(idx.every((i: any) => i.location.path === 'db/migrations/0002_unsafe.sql')).toBe(true);
    expect(idx[0].severity).toBe('critical');
    expect(report.find((i: any) => i.check_name === 'syntax-error').location.path).toBe(
      'db/migrations/0003 broken.sql',
    );
    const warning = report.find((i: any) =>
      result.files.some((f) => f.findings.some((x) => x.rule === i.check_name && x.severity === 'warning')),
    );
    if (warning) expect(warning.severity).toBe('minor');
    expect(idx[0].description).toContain('Instead:');
  });

  it('fingerprints are unique per finding, even for the same statement twice in a file', () => {
    const prints = toCodeQuality(result).map((i) => i.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    expect(prints.every((p) => /^[0-9a-f]{32}$/.test(p))).toBe(true);
  });

  it('fingerprints stay the same across runs and when the statements move to other lines', async () => {
    const again = toCodeQuality(await run(UNSAFE));
    expect(again).toEqual(toCodeQuality(result));
    const moved = toCodeQuality(await run(`-- a comment and a blank line on top\n\n${UNSAFE}`));
    const key = (i: { check_name: string; fingerprint: string }) => `${i.check_name} ${i.fingerprint}`;
    expect(moved.map(key).sort()).toEqual(toCodeQuality(result).map(key).sort());
    const lines = (r: typeof moved) =>
      r.filter((i) => i.check_name === 'require-concurrent-index-creation').map((i) => i.location.lines.begin);
    expect(lines(moved)).toEqual([3, 5, 6]);
  });

  it('paths are relative to the repository root with forward slashes', () => {
    const abs = structuredClone(result);
    for (const f of abs.files) for (const x of f.findings) x.path = `/repo/${x.path}`;
    const paths = toCodeQuality(abs, { root: '/repo' }).map((i) => i.location.path);
    expect(paths).toContain('db/migrations/0002_unsafe.sql');
    expect(paths.every((p) => !p.startsWith('/'))).toBe(true);
    // run from a subdirectory of the repository: the paths still start at the root
    const sub = toCodeQuality(result, { root: '/repo', cwd: '/repo/backend' }).map((i) => i.location.path);
    expect(sub).toContain('backend/db/migrations/0002_unsafe.sql');
  });

  it('terminal escapes in identifiers are written as text', async () => {
    const r = await lintMigrations([
      migration('CREATE TABLE "t\u001b[2J" (id int);\n', { path: 'db/0001.sql', review: false }),
      migration('CREATE INDEX i ON "t\u001b[2J" (id);\n', { path: 'db/0002.sql' }),
    ]);
    const [i] = toCodeQuality(r);
    expect(i!.description).not.toContain('\u001b');
    expect(i!.description).toContain('\\x1b');
  });
});
