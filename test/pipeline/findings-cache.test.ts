/**
 * Findings reused (src/pipeline/findings-cache.ts): a file's saved result is served only when the build, the
 * settings, the file and every file before it are what they were; anything else, or a damaged cache file,
 * gives what a run without the cache gives.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport, type OutputFormat } from '../../src/cli/lint.js';
import { postgres } from '../../src/dialects/postgres/index.js';
import type { LintResult, Migration } from '../../src/model.js';
import { fileKeys, findingsFile, shardOf } from '../../src/pipeline/findings-cache.js';
import { lintStage, type LintRunOptions } from '../../src/pipeline/index.js';
import { runCli, writeProject } from '../cli-harness.js';
import { migration } from '../helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zd-findings-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FORMATS: OutputFormat[] = ['text', 'json', 'sarif', 'github', 'gitlab'];

function project(
  history = 'v int',
  last = "CREATE TABLE u (id int PRIMARY KEY, n int);\nALTER TABLE t ADD COLUMN d text DEFAULT 'x';",
) {
  return [
    migration(`CREATE TABLE t (id bigint PRIMARY KEY, ${history});`, { path: 'm/001.sql', review: false }),
    migration('ALTER TABLE t ALTER COLUMN v TYPE text;', { path: 'm/002.sql' }),
    migration(last, { path: 'm/003.sql' }),
  ];
}

/**
 * Lints with the cache in `dir`, and says which files were served from it: a served file's statements carry
 * no syntax tree (a linted file keeps the trees of the statements its findings point at).
 */
async function cached(migrations: Migration[], dir: string, options: LintRunOptions = {}) {
  const { result } = await lintStage(migrations, { ...options, findingsCache: dir });
  const served = result.files
    .filter((f) => f.statements.some((s) => s && s.ast === undefined))
    .map((f) => f.migration.path);
  return { result, served };
}

async function fresh(migrations: Migration[], options: LintRunOptions = {}): Promise<LintResult> {
  return (await lintStage(migrations, options)).result;
}

const every = (r: LintResult) => FORMATS.map((f) => formatReport(r, f, f === 'text'));
const rules = (r: LintResult) =>
  r.files.flatMap((f) => f.findings.map((x) => `${f.migration.path} ${x.rule} ${x.severity}`));

describe('findings reused from an earlier run', () => {
  it('a second run serves every file, and every format prints what a run without the cache prints', async () => {
    const dir = path.join(tmp, 'same');
    const first = await cached(project(), dir);
    expect(first.served).toEqual([]);
    const second = await cached(project(), dir);
    expect(second.served).toEqual(['m/002.sql', 'm/003.sql']);
    const none = await fresh(project());
    expect(rules(none)).toContain('m/002.sql changing-column-type error');
    expect(every(second.result)).toEqual(every(none));
    expect(every(first.result)).toEqual(every(none));
    expect(second.result.summary).toEqual(none.summary);
  });

  it('a changed rule option, severity or target version is another cache: never the saved findings', async () => {
    const dir = path.join(tmp, 'settings');
    await cached(project(), dir);
    const variants: LintRunOptions[] = [
      { ruleOptions: { 'prefer-bigint-over-int': { everyColumn: true } } },
      { rules: { 'prefer-bigint-over-int': 'error' } },
      { rules: { 'changing-column-type': 'off' } },
      { pgVersion: 10 },
    ];
    for (const options of variants) {
      const run = await cached(project(), dir, options);
      expect(run.served).toEqual([]);
      expect(every(run.result)).toEqual(every(await fresh(project(), options)));
    }
    // each did change something, so the test above could have caught a stale answer
    const base = rules(await fresh(project()));
    for (const options of variants) expect(rules(await fresh(project(), options))).not.toEqual(base);
    // and each is served on its next run
    expect((await cached(project(), dir, { pgVersion: 10 })).served).toEqual(['m/002.sql', 'm/003.sql']);
  });

  it('a changed earlier file re-lints every file after it; a changed file is linted again', async () => {
    const dir = path.join(tmp, 'history');
    await cached(project(), dir);
    // varchar(10) to text is catalog-only: the finding on 002 goes, which only a fresh replay knows
    const history = await cached(project('v varchar(10)'), dir);
    expect(history.served).toEqual([]);
    expect(every(history.result)).toEqual(every(await fresh(project('v varchar(10)'))));
    expect(rules(history.result)).not.toContain('m/002.sql changing-column-type error');

    const edited = project('v int', 'CREATE TABLE u (id int PRIMARY KEY);');
    const last = await cached(edited, dir);
    // 002 is unchanged, but the catalog 003 is checked against runs through it: it is linted again too
    expect(last.served).toEqual([]);
    expect(every(last.result)).toEqual(every(await fresh(edited)));
  });

  it('a truncated or corrupt cache file is a miss, the findings are right, and it is written again', async () => {
    const dir = path.join(tmp, 'corrupt');
    await cached(project(), dir);
    const [scope] = readdirSync(dir);
    const files = readdirSync(path.join(dir, scope!)).map((f) => path.join(dir, scope!, f));
    for (const file of files) truncateSync(file, Math.floor(readFileSync(file, 'latin1').length / 2));
    const half = await cached(project(), dir);
    expect(half.served).toEqual([]);
    expect(every(half.result)).toEqual(every(await fresh(project())));
    for (const file of files) writeFileSync(file, '{"format":2,"entries":[["x",{}]]}');
    expect(every((await cached(project(), dir)).result)).toEqual(every(await fresh(project())));
    expect((await cached(project(), dir)).served).toEqual(['m/002.sql', 'm/003.sql']);
  });

  it('a run with one file under review reads and writes again only the file that holds its entry', async () => {
    const dir = path.join(tmp, 'spread');
    const many = (last: string, reviewAll: boolean) =>
      Array.from({ length: 60 }, (_, i) =>
        migration(i === 59 ? last : `CREATE TABLE t${i} (id bigint PRIMARY KEY);`, {
          path: `m/${String(i).padStart(3, '0')}.sql`,
          review: reviewAll || i === 59,
        }),
      );
    // a whole-repository lint: its entries spread over the folder's files
    await cached(many('CREATE INDEX i ON t1 (id);', true), dir);
    const [scope] = readdirSync(dir);
    const inodes = () =>
      new Map(readdirSync(path.join(dir, scope!)).map((f) => [f, statSync(path.join(dir, scope!, f)).ino]));
    const before = inodes();
    expect(before.size).toBeGreaterThan(16);
    // the hook's run: one staged file, the rest history; another file's entries are not even read
    const staged = many('CREATE INDEX i ON t2 (id);', false);
    const key = fileKeys(staged).at(-1)!;
    const own = `${String(shardOf(key)).padStart(2, '0')}.json`;
    const other = [...before.keys()].find((f) => f !== own)!;
    writeFileSync(path.join(dir, scope!, other), 'not JSON');
    const hook = await cached(staged, dir);
    expect(every(hook.result)).toEqual(every(await fresh(staged)));
    const after = inodes();
    expect([...after].filter(([f, ino]) => before.get(f) !== ino).map(([f]) => f)).toEqual([own]);
    expect((await cached(staged, dir)).served).toEqual(['m/059.sql']);
  });

  it('a lint that hands its parses on (dry run, plan) never serves saved findings', async () => {
    const dir = path.join(tmp, 'kept');
    await cached(project(), dir);
    expect((await cached(project(), dir, { keepParsed: true })).served).toEqual([]);
  });

  it('the cache file names the build and the settings; each file key names the file and every file before it', () => {
    const file = findingsFile('/c', postgres, { ruleOptions: { a: { x: 1, y: 2 } } }, 'build-a');
    expect(findingsFile('/c', postgres, { ruleOptions: { a: { y: 2, x: 1 } } }, 'build-a')).toBe(file);
    expect(findingsFile('/c', postgres, { ruleOptions: { a: { x: 1, y: 2 } } }, 'build-b')).not.toBe(file);
    expect(
      findingsFile('/c', postgres, { ruleOptions: { a: { x: 1, y: 2 } }, assumeInTransaction: true }, 'build-a'),
    ).not.toBe(file);
    const keys = fileKeys(project());
    expect(fileKeys(project())).toEqual(keys);
    const other = fileKeys(project('v bigint'));
    expect(other.every((k, i) => k !== keys[i])).toBe(true);
    const moved = fileKeys([project()[0]!, { ...project()[1]!, review: false }, project()[2]!]);
    expect(moved[0]).toBe(keys[0]);
    expect(moved[1]).not.toBe(keys[1]);
    expect(moved[2]).not.toBe(keys[2]);
  });
});

describe('zerodown lint with the cache', () => {
  const files = {
    'migrations/001.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, v int);\n',
    'migrations/002.sql': 'ALTER TABLE t ALTER COLUMN v TYPE text;\n',
    'migrations/003.sql': 'CREATE TABLE u (id int PRIMARY KEY);\n',
  };

  async function withCache<T>(dir: string, fn: (cacheDir: string) => Promise<T>): Promise<T> {
    const cacheDir = path.join(dir, 'cache');
    process.env.ZERODOWN_CACHE_DIR = cacheDir;
    try {
      return await fn(cacheDir);
    } finally {
      delete process.env.ZERODOWN_CACHE_DIR;
    }
  }

  it('prints byte for byte what --no-cache prints, in every format, cold and warm', async () => {
    const dir = writeProject(tmp, files);
    await withCache(dir, async (cacheDir) => {
      for (const format of FORMATS) {
        const off = await runCli(dir, 'lint', '--no-cache', '--format', format);
        expect(off.stdout).toMatch(/changing-column-type/);
        const cold = await runCli(dir, 'lint', '--format', format);
        const warm = await runCli(dir, 'lint', '--format', format);
        expect(cold.stdout).toBe(off.stdout);
        expect(warm.stdout).toBe(off.stdout);
        expect([off.code, cold.code, warm.code]).toEqual([1, 1, 1]);
      }
      const saved = readdirSync(path.join(cacheDir, 'findings'));
      expect(saved.filter((f) => f.endsWith('.findings'))).toHaveLength(1);
      expect(saved.filter((f) => f.endsWith('.out'))).toHaveLength(FORMATS.length);
    });
  });

  it('--output writes the same file cold and warm', async () => {
    const dir = writeProject(tmp, files);
    await withCache(dir, async () => {
      const read = () => readFileSync(path.join(dir, 'report.sarif'), 'utf8');
      await runCli(dir, 'lint', '--no-cache', '--format', 'sarif', '--output', 'report.sarif');
      const off = read();
      await runCli(dir, 'lint', '--format', 'sarif', '--output', 'report.sarif');
      expect(read()).toBe(off);
      rmSync(path.join(dir, 'report.sarif'));
      const warm = await runCli(dir, 'lint', '--format', 'sarif', '--output', 'report.sarif');
      expect(read()).toBe(off);
      expect(warm.stdout).toBe('');
      expect(warm.code).toBe(1);
    });
  });

  it('a changed config (a rule turned off, an option) gives the findings a run without the cache gives', async () => {
    const dir = writeProject(tmp, files);
    await withCache(dir, async () => {
      const config = (c: object) => writeFileSync(path.join(dir, 'zerodown.config.json'), JSON.stringify(c));
      config({});
      expect((await runCli(dir, 'lint', '--format', 'json')).stdout).toMatch(/changing-column-type/);
      for (const c of [
        { rules: { 'changing-column-type': 'off' } },
        { rules: { 'prefer-bigint-over-int': { severity: 'error', options: { everyColumn: true } } } },
        { assumeInTransaction: true },
      ]) {
        config(c);
        const warm = await runCli(dir, 'lint', '--format', 'json');
        const off = await runCli(dir, 'lint', '--no-cache', '--format', 'json');
        expect(warm.stderr).toBe('');
        expect(warm.stdout).toBe(off.stdout);
        expect(warm.code).toBe(off.code);
      }
      config({ rules: { 'changing-column-type': 'off' } });
      expect((await runCli(dir, 'lint', '--format', 'json')).stdout).not.toMatch(/changing-column-type/);
    });
  });

  it('--no-cache neither reads nor writes it', async () => {
    const dir = writeProject(tmp, files);
    await withCache(dir, async (cacheDir) => {
      await runCli(dir, 'lint', '--no-cache');
      expect(existsSync(cacheDir)).toBe(false);
    });
  });

  it('a changed file, fail-on or a damaged saved report gives the fresh report and exit code', async () => {
    const dir = writeProject(tmp, files);
    await withCache(dir, async (cacheDir) => {
      await runCli(dir, 'lint', '--format', 'json');
      // the warning on 003 fails the run only with --fail-on warning
      writeFileSync(path.join(dir, 'migrations/002.sql'), 'ALTER TABLE t ALTER COLUMN v TYPE bigint;\n');
      const changed = await runCli(dir, 'lint', '--format', 'json');
      const changedOff = await runCli(dir, 'lint', '--no-cache', '--format', 'json');
      expect(changed.stdout).toBe(changedOff.stdout);
      writeFileSync(path.join(dir, 'migrations/002.sql'), 'ALTER TABLE t ADD COLUMN w text;\n');
      const quiet = await runCli(dir, 'lint', '--format', 'json');
      expect(quiet.code).toBe(0);
      const strict = await runCli(dir, 'lint', '--format', 'json', '--fail-on', 'warning');
      expect(strict.code).toBe(1);
      expect(strict.stdout).toBe(quiet.stdout);
      for (const f of readdirSync(path.join(cacheDir, 'findings')).filter((n) => n.endsWith('.out')))
        truncateSync(path.join(cacheDir, 'findings', f), 30);
      const again = await runCli(dir, 'lint', '--format', 'json', '--fail-on', 'warning');
      expect(again.stdout).toBe(strict.stdout);
      expect(again.code).toBe(1);
    });
  });
});
