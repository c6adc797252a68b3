/**
 * The replayed history reused (src/pipeline/history-cache.ts): a second lint of the same files starts from
 * the saved schema and reports the same findings; a changed history file, build or corrupt entry is a miss;
 * findings themselves are never cached, so rule settings always apply.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgres } from '../../src/dialects/postgres/index.js';
import { findMigrations } from '../../src/discover/index.js';
import type { LintResult, Migration } from '../../src/model.js';
import { historyCacheDir, historyKey } from '../../src/pipeline/history-cache.js';
import { lintStage, type LintRunOptions } from '../../src/pipeline/index.js';
import { runCli, writeProject } from '../cli-harness.js';
import { migration } from '../helpers.js';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, process.env.ZERODOWN_CORPUS ?? '../shared/corpus', 'postgres');
const tmp = mkdtempSync(path.join(tmpdir(), 'zd-history-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Lints, and says whether the history came from the cache: the first progress call then skips past it. */
async function lint(migrations: Migration[], dir: string, options: LintRunOptions = {}) {
  const progress: number[] = [];
  const { result } = await lintStage(migrations, {
    ...options,
    historyCache: dir,
    onProgress: (done) => progress.push(done),
  });
  const history = migrations.findIndex((m) => m.review);
  return { result, hit: progress[0] === history && history > 1 };
}

const findings = (r: LintResult) =>
  r.files.flatMap((f) => f.findings.map((x) => `${f.migration.path}:${x.line} ${x.rule}`));

function project(v: string): Migration[] {
  return [
    migration(`CREATE TABLE t (id bigint PRIMARY KEY, v ${v});`, { path: 'm/001.sql', review: false }),
    migration('CREATE TABLE other (id bigint PRIMARY KEY);', { path: 'm/002.sql', review: false }),
    migration('ALTER TABLE t ALTER COLUMN v TYPE varchar(20);', { path: 'm/003.sql' }),
  ];
}

describe('the schema replayed from an unchanged history is reused', () => {
  it('the second run starts from the saved schema and reports exactly what the first did', async () => {
    const dir = path.join(tmp, 'same');
    const first = await lint(project('varchar(10)'), dir);
    expect(first.hit).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const second = await lint(project('varchar(10)'), dir);
    expect(second.hit).toBe(true);
    // widening a varchar is catalog-only: nothing to report either way, from the replay or from the cache
    expect(findings(second.result)).toEqual(findings(first.result));
    expect(findings(second.result).filter((f) => f.includes('changing-column-type'))).toEqual([]);
  });

  it('a changed history file is a miss, and the findings follow the new history (never the saved schema)', async () => {
    const dir = path.join(tmp, 'changed');
    await lint(project('varchar(10)'), dir);
    // the same change on an integer column rewrites the table: only a fresh replay knows
    const changed = await lint(project('int'), dir);
    expect(changed.hit).toBe(false);
    expect(findings(changed.result)).toContain('m/003.sql:1 changing-column-type');
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
  });

  it('findings are not cached: a rule turned off applies on a hit', async () => {
    const dir = path.join(tmp, 'rules');
    const on = await lint(project('int'), dir);
    expect(findings(on.result)).toContain('m/003.sql:1 changing-column-type');
    const off = await lint(project('int'), dir, { rules: { 'changing-column-type': 'off' } });
    expect(off.hit).toBe(true);
    expect(findings(off.result)).not.toContain('m/003.sql:1 changing-column-type');
  });

  it('an unreadable entry is a miss, the run is right, and the entry is written again', async () => {
    const dir = path.join(tmp, 'corrupt');
    await lint(project('int'), dir);
    const [bin] = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    writeFileSync(path.join(dir, bin!), 'not a catalog');
    const again = await lint(project('int'), dir);
    expect(again.hit).toBe(false);
    expect(findings(again.result)).toContain('m/003.sql:1 changing-column-type');
    expect(readFileSync(path.join(dir, bin!), 'utf8')).not.toBe('not a catalog');
    expect((await lint(project('int'), dir)).hit).toBe(true);
  });

  it('keeps the 32 entries last used: one read stays while newer ones are saved', async () => {
    const dir = path.join(tmp, 'used');
    const bins = () => readdirSync(dir).filter((f) => f.endsWith('.bin'));
    const age = (f: string, seconds: number) => {
      const t = new Date(Date.now() - seconds * 1000);
      utimesSync(path.join(dir, f), t, t);
    };
    await lint(project('int'), dir);
    const [used] = bins();
    age(used!, 1000);
    // 31 more histories, each saved after it (later mtimes): 32 entries, the first the oldest
    for (let i = 1; i <= 31; i++) await lint(project(`varchar(${i})`), dir);
    for (const f of bins()) if (f !== used) age(f, 500);
    expect(bins()).toHaveLength(32);
    // read again: a hit, and the most recently used entry now
    expect((await lint(project('int'), dir)).hit).toBe(true);
    // one more history: the oldest entry goes, and that is not the one just read
    await lint(project('varchar(32)'), dir);
    expect(bins()).toHaveLength(32);
    expect(bins()).toContain(used);
  });

  it('the key depends on the build, the dialect version and every history file', () => {
    const h = project('int').slice(0, 2);
    const key = historyKey(postgres, 15, h, 'build-a');
    expect(historyKey(postgres, 15, h, 'build-a')).toBe(key);
    expect(historyKey(postgres, 15, h, 'build-b')).not.toBe(key);
    expect(historyKey(postgres, 16, h, 'build-a')).not.toBe(key);
    expect(historyKey(postgres, 15, project('bigint').slice(0, 2), 'build-a')).not.toBe(key);
    expect(historyKey(postgres, 15, [h[0]!, { ...h[1]!, absPath: '/elsewhere/002.sql' }], 'build-a')).not.toBe(key);
  });

  it('lives in $ZERODOWN_CACHE_DIR, else node_modules/.cache, else the user cache directory', () => {
    expect(historyCacheDir('/p', { ZERODOWN_CACHE_DIR: 'c' })).toBe('/p/c/catalog');
    expect(historyCacheDir(ROOT, {})).toBe(path.join(ROOT, 'node_modules/.cache/zerodown/catalog'));
    expect(historyCacheDir(tmp, { XDG_CACHE_HOME: '/x' })).toBe('/x/zerodown/catalog');
  });

  it('zerodown lint uses it unless --no-cache', async () => {
    const dir = writeProject(tmp, {
      'migrations/001.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, v int);\n',
      'migrations/002.sql': 'CREATE TABLE u (id bigint PRIMARY KEY);\n',
      'migrations/003.sql': 'ALTER TABLE t ALTER COLUMN v TYPE text;\n',
    });
    const cacheDir = path.join(dir, 'cache');
    process.env.ZERODOWN_CACHE_DIR = cacheDir;
    try {
      const off = await runCli(dir, 'lint', '--no-cache', 'migrations/003.sql');
      expect(existsSync(cacheDir)).toBe(false);
      const miss = await runCli(dir, 'lint', 'migrations/003.sql');
      expect(readdirSync(path.join(cacheDir, 'catalog'))).toHaveLength(1);
      const hit = await runCli(dir, 'lint', 'migrations/003.sql');
      expect(hit.stdout).toBe(miss.stdout);
      expect(hit.stdout).toBe(off.stdout);
      expect(hit.stdout).toMatch(/changing-column-type/);
      expect(hit.code).toBe(1);
    } finally {
      delete process.env.ZERODOWN_CACHE_DIR;
    }
  });
});

describe.skipIf(!existsSync(path.join(CORPUS, 'LemmyNet__lemmy')))('on a real history (lemmy, 300+ files)', () => {
  it('a new migration after the whole history: the same findings from the cache as from the replay', async () => {
    const files: Record<string, string> = {};
    for (const f of readdirSync(path.join(CORPUS, 'LemmyNet__lemmy')).filter((n) => n.endsWith('__up.sql')))
      files[`migrations/${f.slice(0, -'__up.sql'.length)}/up.sql`] = readFileSync(
        path.join(CORPUS, 'LemmyNet__lemmy', f),
        'utf8',
      );
    files['migrations/2999-01-01-000000_new/up.sql'] =
      'CREATE INDEX person_name_lower_idx ON person (lower(name));\nALTER TABLE person ADD COLUMN flair text NOT NULL;\n';
    const dir = writeProject(tmp, files);
    const { migrations } = await findMigrations([path.join(dir, 'migrations/2999-01-01-000000_new/up.sql')], {
      cwd: dir,
      history: true,
    });
    expect(migrations.length).toBeGreaterThan(300);
    const cache = path.join(tmp, 'lemmy');
    const replayed = await lint(migrations, cache);
    const cached = await lint(migrations, cache);
    expect(cached.hit).toBe(true);
    expect(findings(cached.result)).toEqual(findings(replayed.result));
    // the catalog knew `person` from the history: the NOT NULL column without a default on an existing table
    expect(findings(cached.result)).toContain('migrations/2999-01-01-000000_new/up.sql:2 adding-required-field');
  });
});
