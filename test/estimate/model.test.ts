/** The estimate model's arithmetic (src/estimate/model.ts): per-row scaling, the sort, CONCURRENTLY, width, batches. */
import { describe, expect, it } from 'vitest';
import { batchSizeUnderLimit } from '../../src/estimate/plan.js';
import { ESTIMATE_DEFAULTS } from '../../src/estimate/apply.js';
import {
  batchSizeFor,
  CONCURRENT_PASSES,
  engineOf,
  ENGINE_FACTOR,
  formatCount,
  formatDuration,
  MIN_SIGNAL_MS,
  MYSQL_US_PER_ROW,
  REFERENCE_MS,
  scaleToProduction,
  SERVER_US_PER_ROW,
  type ScaleInput,
} from '../../src/estimate/model.js';

const base: ScaleInput = {
  work: 'rewrite',
  engine: 'server',
  shadowRows: 10_000,
  shadowBytes: 1_000_000, // 100 B/row
  fullMs: 170,
  emptyMs: 10, // 160 ms for 10k rows: 16 µs/row
  rows: 52_000_000,
  bytes: 5_200_000_000, // 100 B/row: same width
};

describe('scaleToProduction', () => {
  it('rewrite: rows × the shadow per-row cost × the engine factor, plus the fixed part', () => {
    const r = scaleToProduction(base);
    expect(r.shadowUsPerRow).toBeCloseTo(16, 6);
    const f = ENGINE_FACTOR.server.rewrite;
    expect(r.usPerRow).toBeCloseTo(16 * f, 6);
    expect(r.seconds).toBeCloseTo(52e6 * 16e-6 * f + 0.01, 6);
  });

  it('the engine factor is the calibrated PGlite one on PGlite', () => {
    const r = scaleToProduction({ ...base, engine: 'pglite' });
    expect(r.usPerRow).toBeCloseTo(16 * ENGINE_FACTOR.pglite.rewrite, 6);
  });

  it("PGlite's per-row cost is rescaled by the reference build timed in the same rounds, and the basis says so", () => {
    const ref = REFERENCE_MS.pglite!;
    const pglite = { ...base, engine: 'pglite' as const };
    // the engine ran twice as slowly as at calibration: the statement's per-row cost counts half
    const busy = scaleToProduction({ ...pglite, refMs: ref * 2 });
    expect(busy.usPerRow).toBeCloseTo(16 * ENGINE_FACTOR.pglite.rewrite * 0.5, 6);
    expect(busy.shadowUsPerRow).toBeCloseTo(16, 6); // the basis shows what was measured, then the factors
    expect(busy.factors[0]).toBe(`shadow speed ×0.5 (reference build ${ref * 2} ms, ${ref} ms at calibration)`);
    const fast = scaleToProduction({ ...pglite, refMs: ref / 1.25 });
    expect(fast.usPerRow).toBeCloseTo(16 * ENGINE_FACTOR.pglite.rewrite * 1.25, 6);
    // a reference 100 times slower is a stalled machine, not a speed: clamped at ×0.25
    expect(scaleToProduction({ ...pglite, refMs: ref * 100 }).usPerRow).toBeCloseTo(
      16 * ENGINE_FACTOR.pglite.rewrite * 0.25,
      6,
    );
    // without a reference (an older cached dry run), or on a server, the per-row cost stands as measured
    expect(scaleToProduction(pglite).factors.join()).not.toMatch(/shadow speed/);
    const server = scaleToProduction({ ...base, refMs: ref * 2 });
    expect(server.usPerRow).toBeCloseTo(16 * ENGINE_FACTOR.server.rewrite, 6);
    // under the noise the calibrated server cost is used: no shadow speed applies to it
    const noise = scaleToProduction({ ...pglite, fullMs: base.emptyMs, refMs: ref * 2 });
    expect(noise.usPerRow).toBeCloseTo(SERVER_US_PER_ROW.rewrite, 6);
  });

  it('wider production rows cost more per row: half per row, half per byte', () => {
    const r = scaleToProduction({ ...base, bytes: base.bytes * 3 }); // 300 B/row against 100
    expect(r.usPerRow).toBeCloseTo(16 * ENGINE_FACTOR.server.rewrite * (0.5 + 0.5 * 3), 6);
    expect(r.factors).toContain('row width ×2');
    // clamped at 8× so a bloated table cannot run away with the estimate
    const wide = scaleToProduction({ ...base, bytes: base.bytes * 100 });
    expect(wide.usPerRow).toBeCloseTo(16 * ENGINE_FACTOR.server.rewrite * 4.5, 6);
  });

  it('an index build grows as n·log n from the shadow sample', () => {
    const r = scaleToProduction({ ...base, work: 'index' });
    const sort = Math.log2(52e6) / Math.log2(10_000);
    expect(r.seconds).toBeCloseTo(52e6 * sort * 16e-6 * ENGINE_FACTOR.server.index + 0.01, 6);
    expect(r.factors.join()).toMatch(/sort log₂ ×1\.93/);
  });

  it('CONCURRENTLY adds its second pass to the plain build', () => {
    const plain = scaleToProduction({ ...base, work: 'index' });
    const conc = scaleToProduction({ ...base, work: 'index-concurrently' });
    const f = ENGINE_FACTOR.server['index-concurrently'] / ENGINE_FACTOR.server.index;
    expect(conc.seconds - 0.01).toBeCloseTo((plain.seconds - 0.01) * CONCURRENT_PASSES * f, 6);
  });

  it('a timing difference under the noise falls back on the calibrated server cost, and says so', () => {
    const r = scaleToProduction({ ...base, fullMs: base.emptyMs + MIN_SIGNAL_MS / 2, work: 'backfill' });
    expect(r.shadowUsPerRow).toBeUndefined();
    expect(r.usPerRow).toBeCloseTo(SERVER_US_PER_ROW.backfill, 6);
  });

  it('a tiny table costs almost nothing', () => {
    const r = scaleToProduction({ ...base, rows: 40, bytes: 4000 });
    expect(r.seconds).toBeLessThan(0.02);
  });
});

describe('batches and words', () => {
  it('a batch size that keeps each batch under half the lock limit', () => {
    expect(batchSizeFor(10, 5)).toBe(100_000); // 250k rows fit: capped
    expect(batchSizeFor(100, 5)).toBe(25_000);
    expect(batchSizeFor(700, 2)).toBe(1_000); // 1,428 rows fit: rounded down to a thousand
    expect(batchSizeFor(50_000, 1)).toBe(100); // never below 100
  });
  it('durations and counts are never more precise than an estimate', () => {
    expect(formatDuration(0.04)).toBe('<0.1 s');
    expect(formatDuration(2.345)).toBe('~2.3 s');
    expect(formatDuration(840)).toBe('~14 min');
    expect(formatDuration(3 * 3600)).toBe('~3.0 h');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(600_000)).toBe('600k');
    expect(formatCount(52_000_000)).toBe('52M');
  });
  it('plan --stats lowers a configured batch size only when one batch would hold its locks over the limit', () => {
    const limit = { ...ESTIMATE_DEFAULTS, maxLockSeconds: 5 };
    const usPerRow = SERVER_US_PER_ROW.backfill;
    expect(batchSizeUnderLimit(undefined, limit)).toEqual({ batchSize: 1000, usPerRow }); // the default, never raised
    const fits = Math.floor(5e6 / usPerRow);
    expect(batchSizeUnderLimit(fits, limit)).toEqual({ batchSize: fits, usPerRow });
    expect(batchSizeUnderLimit(fits * 2, limit)).toEqual({
      batchSize: batchSizeFor(usPerRow, 5),
      lowered: fits * 2,
      usPerRow,
    });
  });
  it("MySQL's batched backfill procedures are sized with InnoDB's calibrated cost", () => {
    const limit = { ...ESTIMATE_DEFAULTS, maxLockSeconds: 5 };
    const usPerRow = MYSQL_US_PER_ROW.backfill;
    const fits = Math.floor(5e6 / usPerRow);
    expect(batchSizeUnderLimit(fits, limit, 'mariadb')).toEqual({ batchSize: fits, usPerRow });
    expect(batchSizeUnderLimit(fits * 2, limit, 'mysql')).toEqual({
      batchSize: batchSizeFor(usPerRow, 5),
      lowered: fits * 2,
      usPerRow,
    });
  });
  it('a MySQL or MariaDB shadow is its own engine: its factors, and its calibrated cost under the noise', () => {
    expect(engineOf('mariadb 10.11.19')).toBe('mysql');
    expect(engineOf('mysql 8.0.36')).toBe('mysql');
    expect(engineOf('pglite 0.3.2')).toBe('pglite');
    expect(engineOf('PostgreSQL 15.20')).toBe('server');
    const r = scaleToProduction({
      ...base,
      engine: 'mysql',
      fullMs: base.emptyMs + MIN_SIGNAL_MS / 2,
      work: 'rebuild',
    });
    expect(r.shadowUsPerRow).toBeUndefined();
    expect(r.usPerRow).toBeCloseTo(MYSQL_US_PER_ROW.rebuild, 6);
    const measured = scaleToProduction({ ...base, engine: 'mysql', work: 'rebuild' });
    expect(measured.factors).toContain(`shadow→server ×${ENGINE_FACTOR.mysql.rebuild}`);
  });
});
