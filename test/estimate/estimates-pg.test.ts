/**
 * Issue 16's "Done when", on the real PostgreSQL at ZERODOWN_TEST_PG_URL: a 600k-row table and a 40-row
 * table in a throwaway database; `stats export` reads both; `lint --stats --dry-run` (embedded PGlite
 * shadow) estimates a volatile-default ADD COLUMN, a CREATE INDEX and an UPDATE backfill on the big table
 * within 4× of the time the same statement really takes there (timed on the server in a transaction rolled
 * back, right after the estimate, the faster of two runs), severity error; on the tiny table the findings stay, as notes.
 * `plan --stats` sizes the batched backfill. Takes about 40 s on the 2-core machine it was written on, under
 * load (600k rows to insert, the real statements twice, one dry run): the cost of the Done-when's sizes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeProject } from '../cli-harness.js';
import type { JsonReport } from '../../src/report/json.js';
import type { StatsFile } from '../../src/stats/format.js';
import { PG_URL, throwawayDb, type Db } from '../plan/pg-server.js';

const BIG = 600_000;
const STATEMENTS = {
  rewrite: 'ALTER TABLE big ADD COLUMN c text DEFAULT md5(random()::text)',
  index: 'CREATE INDEX big_v_idx ON big (v)',
  backfill: 'UPDATE big SET v = v + 1',
};

describe.skipIf(!PG_URL)(
  `estimates against the real statements${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`,
  () => {
    let db: Db;
    let project: string;
    let statsFile: string;
    let stats: StatsFile;
    let report: JsonReport;
    const real: Record<string, number> = {};

    beforeAll(async () => {
      db = await throwawayDb('s16est');
      await db.exec(`
        CREATE TABLE big (id bigserial PRIMARY KEY, v int, t text);
        INSERT INTO big (v, t) SELECT g, md5(g::text) FROM generate_series(1, ${BIG}) g;
        CREATE TABLE tiny (id bigserial PRIMARY KEY, v int, t text);
        INSERT INTO tiny (v, t) SELECT g, md5(g::text) FROM generate_series(1, 40) g;
        ANALYZE big; ANALYZE tiny;`);
      const root = mkdtempSync(path.join(tmpdir(), 'zd-s16-'));
      const tinySql = (s: string) => s.replace(/\bbig\b/g, 'tiny').replace('big_v_idx', 'tiny_v_idx');
      const lines = Object.values(STATEMENTS).flatMap((s) => [`${s};`, `${tinySql(s)};`]);
      project = writeProject(root, {
        'migrations/001_tables.sql':
          'CREATE TABLE big (id bigserial PRIMARY KEY, v int, t text);\nCREATE TABLE tiny (id bigserial PRIMARY KEY, v int, t text);\n',
        'migrations/002_change.sql': `${lines.join('\n')}\n`,
        // a lock estimated over a second is an error, even for a rule whose default is a warning
        'zerodown.config.json': JSON.stringify({ estimates: { maxLockSeconds: 0.5 } }),
      });
      statsFile = path.join(project, 'stats.json');

      const exported = await runCli(project, 'stats', 'export', '--url', db.url, '-o', statsFile);
      expect(exported.code, exported.stderr).toBe(0);
      stats = JSON.parse(readFileSync(statsFile, 'utf8'));

      const lint = await runCli(
        project,
        'lint',
        '--format',
        'json',
        '--stats',
        statsFile,
        '--dry-run',
        'migrations/002_change.sql',
      );
      expect(lint.code, lint.stderr).toBe(1);
      report = JSON.parse(lint.stdout);

      // the same statements on the server, in the same order, rolled back; twice, the faster kept (the
      // machine may be busy with other work: production runs the statement undisturbed, or should)
      const c = await db.connect();
      try {
        for (let round = 0; round < 2; round++) {
          await c.query('BEGIN');
          for (const [work, sql] of Object.entries(STATEMENTS)) {
            const t0 = performance.now();
            await c.query(sql);
            real[work] = Math.min(real[work] ?? Infinity, (performance.now() - t0) / 1000);
          }
          await c.query('ROLLBACK');
        }
      } finally {
        await c.end();
      }
    }, 180_000);

    afterAll(async () => {
      await db?.drop();
    });

    const finding = (rule: string, table: 'big' | 'tiny') => {
      const fs = report.files[0]!.findings.filter((f) => f.rule === rule);
      // the big table's statement comes first, the tiny one's on the next line
      const sorted = [...fs].sort((a, b) => a.line - b.line);
      return table === 'big' ? sorted[0] : sorted[1];
    };

    it('stats export reads both tables, names and numbers only', () => {
      const big = stats.tables.find((t) => t.table === 'public.big');
      const tiny = stats.tables.find((t) => t.table === 'public.tiny');
      expect(big?.rows).toBeGreaterThan(BIG * 0.9);
      expect(big?.rows).toBeLessThan(BIG * 1.1);
      expect(tiny?.rows).toBe(40);
      expect(big?.lastAnalyze).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(big?.indexes?.map((i) => i.name)).toEqual(['public.big_pkey']);
      expect(stats.server).toMatch(/^PostgreSQL \d+/);
      expect(report.stats?.source).toBe(statsFile);
    });

    for (const [work, rule] of [
      ['rewrite', 'adding-field-with-default'],
      ['index', 'require-concurrent-index-creation'],
      ['backfill', 'unbatched-backfill'],
    ] as const) {
      it(`${work}: the big table's estimate is within 4× of the real statement, an error; the tiny table's is a note`, () => {
        const big = finding(rule, 'big')!;
        expect(big.estimate, JSON.stringify(big)).toBeDefined();
        const ratio = big.estimate!.seconds / real[work]!;
        expect(
          ratio,
          `estimate ${big.estimate!.seconds} s (${big.estimate!.basis}), real ${real[work]} s`,
        ).toBeGreaterThan(1 / 4);
        expect(
          ratio,
          `estimate ${big.estimate!.seconds} s (${big.estimate!.basis}), real ${real[work]} s`,
        ).toBeLessThan(4);
        expect(big.severity).toBe('error');
        expect(big.estimate!.basis).toMatch(/600k rows × [\d.]+ µs\/row measured on the shadow \(10k rows, pglite/);
        const tiny = finding(rule, 'tiny')!;
        expect(tiny.severity).toBe('note');
        expect(tiny.sizeNote).toMatch(/public\.tiny is small in production \(40 rows/);
      });
    }

    it('a warning rule becomes an error when its lock is estimated over maxLockSeconds', () => {
      const big = finding('require-statement-timeout', 'big')!;
      expect(big.estimate!.seconds).toBeGreaterThan(0.5);
      expect(big.severity).toBe('error');
      expect(big.sizeNote).toMatch(/estimated over maxLockSeconds \(0\.5 s\): an error/);
      // require-lock-timeout hurts at any size: left as the rule says
      const lockTimeout = report.files[0]!.findings.filter((f) => f.rule === 'require-lock-timeout');
      expect(lockTimeout.length).toBeGreaterThan(0);
      expect(lockTimeout.every((f) => f.severity === 'warning' && !f.sizeNote)).toBe(true);
    });

    it('the text report says estimate, with its basis, next to the finding', async () => {
      const text = await runCli(project, 'lint', '--stats', statsFile, 'migrations/002_change.sql');
      // no dry run: sizes still make notes, and the output says nothing was timed
      expect(text.stdout).toMatch(/note {2}adding-field-with-default/);
      expect(text.stdout).toContain('no dry run: sizes change severities, but nothing is timed');
      expect(text.stdout).not.toContain('(estimate)');
    });

    it('plan --stats: the batched backfill gets its batch count, time and a batch size under the limit', async () => {
      writeFileSync(path.join(project, 'migrations/003_fill.sql'), 'UPDATE big SET v = v + 1;\n');
      const plan = await runCli(project, 'plan', '--no-verify', '--stats', statsFile, 'migrations/003_fill.sql');
      expect(plan.stdout).toMatch(
        /backfill of public\.big: 600k rows in 600 batches of 1,000, <0\.1 s each, ~\d+(\.\d)? s of updates in total \(estimate/,
      );
      expect(plan.stdout).toMatch(/Batches of up to [\d,k]+ rows keep each under half of maxLockSeconds \(0\.5 s\)/);
    });
  },
);
