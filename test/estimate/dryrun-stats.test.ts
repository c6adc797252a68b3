/**
 * `--stats` without a server: `dry-run --stats` on embedded PGlite puts an estimate (with its basis) on each timed
 * statement; stale stats fall back to static severity and the output says why.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeProject } from '../cli-harness.js';
import { STATS_VERSION } from '../../src/stats/format.js';

const dir = writeProject(mkdtempSync(path.join(tmpdir(), 'zd-s16dry-')), {
  'm/001.sql': 'CREATE TABLE orders (id bigserial PRIMARY KEY, v int, t text);\n',
  'm/002.sql': 'UPDATE orders SET v = v + 1;\n',
  // the probe's sample and its reference table are rolled back: the statements after it see the shadow as it was
  'm/003.sql': `DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_class WHERE relname LIKE 'zerodown%') THEN RAISE 'the probe left a table behind'; END IF;
  IF (SELECT count(*) FROM orders) > 1000 THEN RAISE 'the probe left its sample behind'; END IF;
END $$;\n`,
});

function stats(file: string, lastAnalyze: string | null): string {
  const p = path.join(dir, file);
  writeFileSync(
    p,
    JSON.stringify({
      zerodownStats: STATS_VERSION,
      dialect: 'postgres',
      server: 'PostgreSQL 16.4',
      exportedAt: new Date().toISOString(),
      tables: [{ table: 'public.orders', rows: 5e6, tableBytes: 4e8, indexBytes: 1e8, totalBytes: 5e8, lastAnalyze }],
    }),
  );
  return p;
}

describe('--stats on the embedded shadow', () => {
  it('dry-run --stats: the UPDATE gets a production estimate, marked as one, with its basis', async () => {
    const file = stats('fresh.json', new Date().toISOString());
    const json = await runCli(
      dir,
      'dry-run',
      '--no-cache',
      '--format',
      'json',
      '--stats',
      file,
      'm/002.sql',
      'm/003.sql',
    );
    expect(json.code, json.stderr).toBe(0);
    const [s, after] = JSON.parse(json.stdout).statements;
    expect(after.error, JSON.stringify(after)).toBeNull();
    expect(s.estimate.seconds).toBeGreaterThan(0);
    expect(s.estimate.lock).toBe('row locks on every row it updates');
    // the per-row cost as measured, then rescaled by the reference build timed in the same rounds
    const basis =
      /^backfill: 5\.0M rows × ([\d.]+) µs\/row measured on the shadow \(10k rows, pglite [\d.]+\), shadow speed ×([\d.]+) \(reference build ([\d.]+) ms, ([\d.]+) ms at calibration\), PGlite→server ×/;
    expect(s.estimate.basis).toMatch(basis);
    const [, , speed, refMs, calibrated] = basis.exec(s.estimate.basis)!.map(Number);
    expect(refMs).toBeGreaterThan(0);
    expect(speed).toBeCloseTo(Math.min(4, Math.max(0.25, calibrated! / refMs!)), 1);
    const text = await runCli(dir, 'dry-run', '--no-cache', '--no-color', '--stats', file, 'm/002.sql');
    expect(text.stdout).toMatch(
      /production: ~?[<\d.]+ (s|min|h) \(estimate\) under row locks on every row it updates: backfill: 5\.0M rows/,
    );
  }, 60_000);

  it('stale stats: the static severity stays, and the output says how old they are', async () => {
    const file = stats('stale.json', '2026-01-01T00:00:00Z');
    const r = await runCli(dir, 'lint', '--format', 'json', '--stats', file, 'm/002.sql');
    const report = JSON.parse(r.stdout);
    const f = report.files[0].findings.find((x: { rule: string }) => x.rule === 'unbatched-backfill');
    expect(f.severity).toBe('error');
    expect(f.estimate).toBeUndefined();
    expect(f.sizeNote).toMatch(
      /^the stats of public\.orders are \d+ days old \(last analyze 2026-01-01; limit 30 days\); severity not changed by size\.$/,
    );
    expect(report.stats.notes.join('\n')).toMatch(/days old .*: findings on it keep their static severity/);
    const never = await runCli(dir, 'lint', '--no-color', '--stats', stats('never.json', null), 'm/002.sql');
    expect(never.stdout).toContain(
      'stats: public.orders was never analysed: its row count is a guess: findings on it keep their static severity',
    );
  });
});
