/**
 * The proof's shadow cache (VerifyOptions.cacheDir): the replayed and seeded start of a proof is saved on disk, and
 * the next proof on the same history boots from it instead of replaying the history, with the same verdict; the
 * verdict is saved too, and the same plan of the same migration on the same start is not proven again. Real
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

const states = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.state'));
const verdicts = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.proof.json'));
/** Drops the saved verdicts: the next proof of the same plan runs again (from the saved start, when there is one). */
const forgetVerdicts = (dir: string) => {
  for (const f of verdicts(dir)) rmSync(path.join(dir, f));
};

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
    expect(states(dir)).toHaveLength(1);
    forgetVerdicts(dir);
    const warm = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(warm.cache).toBe('hit');
    expect(verdict(warm)).toEqual(verdict(cold));
    // the volatile default is still found by the original's second run, which booted from the cached start too
    expect(warm.nondeterministic).toEqual(['public.subscriptions.plan_code']);
    expect(states(dir)).toHaveLength(1);
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
    expect(states(dir)).toHaveLength(3);
  });

  it('a damaged cache entry is a miss, never a failed proof', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    forgetVerdicts(dir);
    const [entry] = states(dir);
    writeFileSync(path.join(dir, entry!), 'not a gzip file');
    const v = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(v.cache).toBe('miss');
    expect(isProven(v)).toBe(true);
  });

  it('an entry whose saved facts are not what a proof saves is a miss too', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    forgetVerdicts(dir);
    const [entry] = states(dir);
    writeFileSync(path.join(dir, entry!.replace(/\.state$/, '.json')), '{"failures":null}');
    const v = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(v.cache).toBe('miss');
    expect(isProven(v), JSON.stringify(v.error)).toBe(true);
  });

  it('the same plan of the same migration on the same start: the verdict is reused, nothing runs', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    const cold = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(verdicts(dir)).toHaveLength(1);
    const again = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    expect(again).toEqual({ ...cold, cache: 'proof' }); // timings included: they are the first run's
    // a plan of another migration on the same history is proven, from the saved start
    const other = await planSql(HISTORY, 'ALTER TABLE accounts ADD COLUMN note text DEFAULT md5(random()::text);');
    const o = await verifyPlan(other.plan, other.history, { seedRows: 40, cacheDir: dir });
    expect(o.cache).toBe('hit');
    expect(isProven(o), JSON.stringify(o.differences)).toBe(true);
    expect(verdicts(dir)).toHaveLength(2);
    // the same plan with another seed size, or another target version, is another proof
    expect((await verifyPlan(p.plan, p.history, { seedRows: 41, cacheDir: dir })).cache).toBe('miss');
    expect((await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir, pgVersion: 13 })).cache).toBe('hit');
  });

  it('a saved verdict that is not what a proof returns is not reused; a proof that could not run is not saved', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
    const [saved] = verdicts(dir);
    for (const damaged of ['not json', '{"schemaEqual":"yes","differences":[]}', 'null', '[]']) {
      writeFileSync(path.join(dir, saved!), damaged);
      const v = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir });
      expect(v.cache, damaged).toBe('hit');
      expect(isProven(v)).toBe(true);
    }
    // a saved verdict may not claim a proof that could not run
    const failed = JSON.parse(readFileSync(path.join(dir, saved!), 'utf8'));
    writeFileSync(path.join(dir, saved!), JSON.stringify({ ...failed, error: 'the shadow stopped' }));
    expect((await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: dir })).cache).toBe('hit');
    // a history that fails to boot is an error, and never saved as a verdict
    const other = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    try {
      const v = await verifyPlan(p.plan, p.history, { seedRows: 40, cacheDir: other, shadowTimeoutMs: 1 });
      expect(v.error).toBeDefined();
      expect(verdicts(other)).toEqual([]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('without a cache directory nothing is saved and the proof says so', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zd-proof-cache-'));
    const v = await verifyPlan(p.plan, p.history, { seedRows: 40 });
    expect(v.cache).toBe('off');
    expect(readdirSync(dir)).toEqual([]);
  });
});
