/**
 * The proof's shadow cache (VerifyOptions.cacheDir): the replayed and seeded start of a proof is saved on disk, and
 * the next proof on the same history boots from it instead of replaying the history, with the same verdict. Real
 * parser, planner and PGlite; the cache is a temporary directory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import type { Verification } from '../../src/plan/types.js';
import { mig, planSql, type Planned } from './helpers.js';

const HISTORY = readFileSync('examples/migrations/20261001120000_create_accounts.sql', 'utf8');
// a volatile default: the proof runs the original twice (to find the columns that differ between runs) and the plan
const HEADLINE = readFileSync('examples/migrations/20261101090000_add_plan_code.sql', 'utf8');

/** What a verdict says, without the timings that differ from run to run. */
function verdict(v: Verification) {
  return {
    proven: isProven(v),
    schemaEqual: v.schemaEqual,
    dataEqual: v.dataEqual,
    locksSafe: v.locksSafe,
    differences: v.differences,
    nondeterministic: v.nondeterministic,
    expected: v.expected,
    originalViolations: v.originalViolations,
    caveats: v.caveats,
    originalError: v.originalError,
    planError: v.planError,
    error: v.error,
  };
}

const tgz = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tgz'));

describe('the proof boots from the start an earlier proof saved', () => {
  let p: Planned;
  let dir: string;
  beforeAll(async () => {
    p = await planSql(HISTORY, HEADLINE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('first a miss that saves the start, then a hit with the same verdict', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    const cold = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(cold.cache).toBe('miss');
    expect(isProven(cold), JSON.stringify(cold.differences)).toBe(true);
    // written before the proof returned
    expect(tgz(dir)).toHaveLength(1);
    const warm = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(warm.cache).toBe('hit');
    expect(verdict(warm)).toEqual(verdict(cold));
    // the volatile default is still found by the original's second run, which booted from the cached start too
    expect(warm.nondeterministic).toEqual(['public.subscriptions.plan_code']);
    expect(tgz(dir)).toHaveLength(1);
  });

  it('another history, or another seed size, is another start: a miss', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    const rows = await verifyPlan(p.plan, p.history, { seedRows: 41, cacheDir: dir });
    expect(rows.cache).toBe('miss');
    const edited = [
      mig(`${HISTORY}\nCREATE TABLE audit (id bigint PRIMARY KEY);`, { path: p.history[0]!.path, review: false }),
    ];
    const other = await verifyPlan(p.plan, edited, { seedRows: 40, cacheDir: dir });
    expect(other.cache).toBe('miss');
    expect(isProven(other)).toBe(true);
    expect(tgz(dir)).toHaveLength(3);
  });

  it('a damaged cache entry is a miss, never a failed proof', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    const [entry] = tgz(dir);
    writeFileSync(path.join(dir, entry!), 'not a gzip file');
    const v = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(v.cache).toBe('miss');
    expect(isProven(v)).toBe(true);
  });

  it('an entry whose saved facts are not what a proof saves is a miss too', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    const [entry] = tgz(dir);
    writeFileSync(path.join(dir, entry!.replace(/\.tgz$/, '.json')), '{"failures":null}');
    const v = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(v.cache).toBe('miss');
    expect(isProven(v), JSON.stringify(v.error)).toBe(true);
  });

  it('without a cache directory nothing is saved and the proof says so', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    const v = await verifyPlan(p.plan, p.history, { seedRows: 40 });
    expect(v.cache).toBe('off');
    expect(readdirSync(dir)).toEqual([]);
  });
});
