/**
 * The dry run's shadow cache (src/shadow/dryrun-open.ts, src/shadow/cache.ts) on the embedded engine: a second run
 * with the same inputs boots from the saved state, and a saved state that cannot be used is no state: not gzip, not
 * a tar archive (skipped when read), or a tar archive PGlite cannot boot (it falls back to a fresh engine). Either
 * way the history is replayed, so the run reports what a run without the cache reports.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib, { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { dryRun } from '../../src/shadow/dryrun.js';
import type { DryRun } from '../../src/shadow/dryrun-types.js';
import { migration } from '../helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zd-dryrun-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = () => [
  migration('CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);', {
    path: 'm/001_accounts.sql',
    review: false,
  }),
  migration('ALTER TABLE accounts ADD COLUMN plan text;\nCREATE INDEX accounts_plan ON accounts (plan);', {
    path: 'm/002_plan.sql',
  }),
];

/** What must not depend on the cache: each statement's outcome and locks, the seeded rows, the history's result. */
const outcome = (d: DryRun) => ({
  statements: d.statements.map((s) => [s.path, s.line, s.error?.message ?? null, s.locks.map((l) => l.mode)]),
  seeded: [d.seed.tables, d.seed.rows],
  history: { ...d.history, durationMs: undefined },
});

/**
 * Makes `dir` and its files immutable (`chattr +i`: even root may then neither write there nor touch an mtime), the
 * way a read-only mount of a restored cache is; false where chattr cannot (not root, another file system).
 */
const freeze = (dir: string, on: boolean): boolean => {
  const files = [dir, ...readdirSync(dir).map((f) => path.join(dir, f))];
  return spawnSync('chattr', [on ? '+i' : '-i', ...files], { stdio: 'ignore' }).status === 0;
};
const canFreeze = (() => {
  const probe = mkdtempSync(path.join(tmpdir(), 'zd-chattr-'));
  const ok = freeze(probe, true);
  freeze(probe, false);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

/** Drops the saved reports: the next dry run of the same files traces them again. */
const forgetReports = (dir: string) => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.dryrun.json'))) rmSync(path.join(dir, f));
};

describe('the dry run shadow cache', () => {
  it('boots the saved state the second time, and a state it cannot use is replayed instead of trusted', async () => {
    const cacheDir = path.join(tmp, 'cache');
    // a state of the format before (gzip as `<key>.tgz`), which no run reads: pruned when a state is saved
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path.join(cacheDir, 'old.tgz'), gzipSync(Buffer.alloc(1024)));
    writeFileSync(path.join(cacheDir, 'old.json'), '{}');
    const fresh = await dryRun(files(), { seedRows: 50 });
    expect(fresh.statements.every((s) => !s.error)).toBe(true);
    const first = await dryRun(files(), { seedRows: 50, cacheDir });
    expect(first.cache).toBe('miss');
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('old.'))).toEqual([]);
    // the same files under review on the same start: the first run's report, reused whole
    const again = await dryRun(files(), { seedRows: 50, cacheDir });
    expect(again).toEqual({ ...first, cache: 'result' });
    // another bound, or the files under review changed: traced again, from the saved start
    expect((await dryRun(files(), { seedRows: 50, cacheDir, timeoutMs: 60_000 })).cache).toBe('hit');
    const edited = files();
    edited[1] = migration(`${edited[1]!.source}\nCREATE INDEX accounts_email ON accounts (email);`, {
      path: 'm/002_plan.sql',
    });
    const other = await dryRun(edited, { seedRows: 50, cacheDir });
    expect([other.cache, other.statements.length]).toEqual(['hit', 3]);
    forgetReports(cacheDir);
    const second = await dryRun(files(), { seedRows: 50, cacheDir });
    expect([second.cache, second.boot]).toEqual(['hit', 'cache']);
    expect(outcome(second)).toEqual(outcome(fresh));

    const entry = path.join(
      cacheDir,
      readdirSync(cacheDir).find((f) => f.endsWith('.state'))!,
    );
    // a state as gzip (what a Node without zstd writes) is read by any Node: the format is told by its first bytes
    const saved = readFileSync(entry);
    const zstd = zlib as unknown as { zstdDecompressSync?: (b: Buffer) => Buffer };
    const zstdFrame = saved.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
    expect(zstdFrame).toBe(!!zstd.zstdDecompressSync);
    writeFileSync(entry, gzipSync(zstdFrame ? zstd.zstdDecompressSync!(saved) : gunzipSync(saved)));
    forgetReports(cacheDir);
    const fromGzip = await dryRun(files(), { seedRows: 50, cacheDir });
    expect([fromGzip.cache, fromGzip.boot]).toEqual(['hit', 'cache']);
    expect(outcome(fromGzip)).toEqual(outcome(fresh));
    // a tar archive of a folder that is no data directory: read as a state, refused by PostgreSQL when it starts
    const notPg = path.join(tmp, 'not-a-data-directory');
    mkdirSync(notPg, { recursive: true });
    writeFileSync(path.join(notPg, 'README'), 'not PostgreSQL\n');
    execFileSync('tar', ['-cf', `${notPg}.tar`, '-C', notPg, '.']);
    for (const [what, bytes] of [
      ['not gzip', Buffer.from('this is not a gzip stream')],
      // zstd's magic number and no zstd frame (or any zstd state on a Node without zstd)
      ['not zstd', Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(64, 1)])],
      ['gzip of no archive', gzipSync(Buffer.alloc(4096, 7))],
      ['an archive of no data directory', gzipSync(readFileSync(`${notPg}.tar`))],
    ] as const) {
      writeFileSync(entry, bytes);
      forgetReports(cacheDir);
      const d = await dryRun(files(), { seedRows: 50, cacheDir });
      expect(d.boot, what).not.toBe('cache');
      expect(d.cache, what).not.toBe('hit');
      // the history was replayed on the fresh engine: the review's statements run as without the cache
      expect(outcome(d), what).toEqual(outcome(fresh));
    }
    // the last run saved a good state again; the facts saved beside it are read as data: ones that are not what a
    // dry run saves are a miss, not a crash
    const meta = entry.replace(/\.state$/, '.json');
    expect(JSON.parse(readFileSync(meta, 'utf8'))).toHaveProperty('seed');
    for (const facts of [
      '{"history":null}',
      '{"history":{"source":"migrations"},"seed":{"rows":5},"limits":[]}',
      '[]',
    ]) {
      writeFileSync(meta, facts);
      forgetReports(cacheDir);
      const d = await dryRun(files(), { seedRows: 50, cacheDir });
      expect(d.cache, facts).toBe('miss');
      expect(outcome(d), facts).toEqual(outcome(fresh));
    }
  }, 180_000);

  it.skipIf(!canFreeze)(
    `a read-only cache folder is read all the same${canFreeze ? '' : ' (skipped: chattr +i is not possible here)'}`,
    async () => {
      const cacheDir = path.join(tmp, 'cache-read-only');
      const first = await dryRun(files(), { seedRows: 50, cacheDir });
      expect(freeze(cacheDir, true)).toBe(true);
      try {
        // neither the report nor the state can be touched (their mtime says "most recently used"), nor anything written
        const again = await dryRun(files(), { seedRows: 50, cacheDir });
        expect(again).toEqual({ ...first, cache: 'result' });
        freeze(cacheDir, false);
        forgetReports(cacheDir);
        expect(freeze(cacheDir, true)).toBe(true);
        const booted = await dryRun(files(), { seedRows: 50, cacheDir });
        expect([booted.cache, booted.boot]).toEqual(['hit', 'cache']);
        expect(outcome(booted)).toEqual(outcome(first));
      } finally {
        freeze(cacheDir, false);
      }
    },
    120_000,
  );

  it('a saved report that is not what a dry run returns is traced again; a stopped run is never saved', async () => {
    const cacheDir = path.join(tmp, 'cache-reports');
    const first = await dryRun(files(), { seedRows: 50, cacheDir });
    const [saved] = readdirSync(cacheDir).filter((f) => f.endsWith('.dryrun.json'));
    const report = path.join(cacheDir, saved!);
    const good = JSON.parse(readFileSync(report, 'utf8'));
    for (const damaged of [
      'not json',
      '[]',
      JSON.stringify({ ...good, statements: [{ path: 'm/002_plan.sql' }] }),
      JSON.stringify({ ...good, timings: null }),
      JSON.stringify({ ...good, stopped: { phase: 'run', message: 'the time bound' } }),
    ]) {
      writeFileSync(report, damaged);
      const d = await dryRun(files(), { seedRows: 50, cacheDir });
      expect(d.cache, damaged.slice(0, 40)).toBe('hit');
      expect(outcome(d)).toEqual(outcome(first));
    }
    // a statement over the time bound stops the run: nothing saved for it
    const slow = [files()[0]!, migration('SELECT pg_sleep(5);', { path: 'm/003_slow.sql' })];
    const stoppedDir = path.join(tmp, 'cache-stopped');
    const d = await dryRun(slow, { seedRows: 50, cacheDir: stoppedDir, timeoutMs: 300 });
    expect(d.statements.some((s) => s.timedOut)).toBe(true);
    expect(readdirSync(stoppedDir).filter((f) => f.endsWith('.dryrun.json'))).toEqual([]);
  }, 120_000);
});
