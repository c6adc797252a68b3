/** The stats file: loaded and checked with errors that name the file and the field; staleness by last analyze. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATS_VERSION, tableStats, type StatsFile } from '../../src/stats/format.js';
import { loadStatsFile, validateStats } from '../../src/stats/load.js';

const NOW = Date.parse('2026-12-06T08:00:00Z');

function file(over: Partial<StatsFile> = {}): StatsFile {
  return {
    zerodownStats: STATS_VERSION,
    dialect: 'postgres',
    server: 'PostgreSQL 16.4',
    exportedAt: '2026-12-06T07:00:00Z',
    tables: [
      {
        table: 'public.orders',
        rows: 52_000_000,
        tableBytes: 9e9,
        indexBytes: 2e9,
        totalBytes: 11e9,
        lastAnalyze: '2026-12-05T03:00:00Z',
        indexes: [{ name: 'public.orders_pkey', bytes: 2e9 }],
      },
      { table: 'public.tiny', rows: 40, tableBytes: 8192, indexBytes: 16384, totalBytes: 32768, lastAnalyze: null },
      {
        table: 'billing.old',
        rows: 1e6,
        tableBytes: 1e8,
        indexBytes: 0,
        totalBytes: 1e8,
        lastAnalyze: '2026-09-01T00:00:00Z',
      },
    ],
    ...over,
  };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'zd-stats-'));
function write(name: string, text: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('stats file loader', () => {
  it('reads a valid file', () => {
    const p = write('ok.json', JSON.stringify(file()));
    const s = loadStatsFile(p);
    expect(s.tables.map((t) => t.table)).toEqual(['public.orders', 'public.tiny', 'billing.old']);
  });

  it('rejects another version, saying which it reads and what to do', () => {
    const p = write('v2.json', JSON.stringify({ ...file(), zerodownStats: 2 }));
    expect(() => loadStatsFile(p)).toThrow(
      `${p}: not a zerodown stats file: zerodownStats is 2, but this zerodown reads version 1`,
    );
    expect(() => loadStatsFile(p)).toThrow(/stats export/);
  });

  it('names a missing field with its place', () => {
    const f = file();
    delete (f.tables[1] as Partial<(typeof f.tables)[number]>).rows;
    expect(() => validateStats(f, 'stats.json')).toThrow(
      'stats.json: not a zerodown stats file: tables[1]: missing "rows"',
    );
    const { server: _, ...noServer } = file();
    expect(() => validateStats(noServer, 'stats.json')).toThrow('(root): missing "server"');
  });

  it('rejects negative numbers, unknown fields and bad dates', () => {
    const neg = file();
    neg.tables[0]!.rows = -1;
    expect(() => validateStats(neg, 's.json')).toThrow(/tables\[0\]\.rows must be >= 0 \(got -1\)/);
    expect(() => validateStats({ ...file(), extra: 1 }, 's.json')).toThrow('unknown field "extra"');
    const date = file();
    date.tables[0]!.lastAnalyze = 'yesterday';
    expect(() => validateStats(date, 's.json')).toThrow('tables[0].lastAnalyze is not a date (got "yesterday")');
  });

  it('says when the file is not JSON or cannot be read', () => {
    const p = write('bad.json', '{ "zerodownStats": 1,');
    expect(() => loadStatsFile(p)).toThrow(/not JSON .*zerodown stats export/);
    expect(() => loadStatsFile(path.join(tmp, 'nope.json'))).toThrow(/cannot read --stats .*nope\.json/);
  });
});

describe('stats freshness', () => {
  const s = file();
  it('fresh stats within the age limit, found by bare name in the default schema', () => {
    const r = tableStats(s, 'orders', 30, NOW);
    expect(r.state).toBe('fresh');
    if (r.state === 'fresh') expect(r.ageDays).toBeCloseTo(29 / 24, 2);
  });
  it('stale when analysed longer ago than the limit, or never', () => {
    const old = tableStats(s, 'billing.old', 30, NOW);
    expect(old).toMatchObject({ state: 'stale' });
    if (old.state === 'stale')
      expect(old.why).toBe('the stats of billing.old are 96 days old (last analyze 2026-09-01; limit 30 days)');
    expect(tableStats(s, 'billing.old', 100, NOW).state).toBe('fresh');
    const never = tableStats(s, 'public.tiny', 30, NOW);
    expect(never).toMatchObject({ state: 'stale', why: 'public.tiny was never analysed: its row count is a guess' });
  });
  it('missing for a table the file does not hold', () => {
    expect(tableStats(s, 'public.users', 30, NOW)).toEqual({ state: 'missing', why: 'no stats for public.users' });
    expect(tableStats(s, 'users', 30, NOW)).toEqual({ state: 'missing', why: 'no stats for users' });
    // MySQL: a bare name in the one database that holds it
    expect(tableStats(s, 'old', 100, NOW)).toMatchObject({ state: 'fresh', stats: { table: 'billing.old' } });
  });
});
