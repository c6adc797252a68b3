/**
 * The streamed reports (src/report/stream.ts: a file at a time, what `zerodown lint` writes as it goes) are byte for
 * byte the reports built whole from the same result, in every streamed format, with and without colour or indent.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, type OutputFormat } from '../../src/cli/lint.js';
import type { FileResult, LintResult, StatsUse } from '../../src/model.js';
import { lintStage } from '../../src/pipeline/index.js';
import { reportStream } from '../../src/report/stream.js';
import { migration } from '../helpers.js';
import { sampleResult } from './fixture.js';

const FILES = [
  migration('CREATE TABLE t (id int PRIMARY KEY, v varchar(20));\n', { path: 'db/0001.sql', review: false }),
  migration("ALTER TABLE t ALTER COLUMN v TYPE text;\nUPDATE t SET v = '…→ é';\n", { path: 'db/0002 ünï.sql' }),
  migration('SELECT 1;\n', { path: 'db/0003_clean.sql', framework: 'flyway' }),
  migration('ALTER TABLE t ADD COLUMN;\n', { path: 'db/0004_broken.sql' }),
  migration('CREATE INDEX i ON t (v);\nALTER TABLE t ADD COLUMN w int NOT NULL DEFAULT 1;\n', { path: 'db/0005.sql' }),
];

const CASES: [OutputFormat, boolean, boolean][] = [
  ['text', false, false],
  ['text', true, false],
  ['json', false, true],
  ['json', false, false],
  ['github', false, false],
  ['sarif', false, false],
  ['gitlab', false, false],
];

function streamed(result: LintResult, format: OutputFormat, color: boolean, pretty: boolean): string {
  const s = reportStream(format, color, pretty)!;
  return s.head() + result.files.map((f) => s.file(f)).join('') + s.end(result.summary, result.stats);
}

describe('streamed reports', () => {
  it('print what the whole report prints, for a real run', async () => {
    const { result } = await lintStage(FILES);
    expect(result.files.some((f) => f.findings.length > 1)).toBe(true);
    for (const [format, color, pretty] of CASES)
      expect(streamed(result, format, color, pretty), format).toBe(formatReport(result, format, color, pretty));
  });

  it('print what the whole report prints with one file, no file, no finding, notes and statements not analysed', async () => {
    const sample = await sampleResult();
    const one: LintResult = { files: sample.files.slice(0, 1), summary: { ...sample.summary, files: 1 } };
    const none: LintResult = { files: [], summary: { files: 0, statements: 0, errors: 0, warnings: 0 } };
    const clean: LintResult = {
      files: sample.files.map((f) => ({ ...f, findings: [] })),
      summary: { files: 3, statements: 5, errors: 0, warnings: 0, analysed: 4, notes: 2 },
    };
    for (const result of [sample, one, none, clean])
      for (const [format, color, pretty] of CASES)
        expect(streamed(result, format, color, pretty), format).toBe(formatReport(result, format, color, pretty));
  });

  it("print what the whole report prints for a MySQL run (SARIF names the rules of the first file's dialect)", async () => {
    const { result } = await lintStage([
      migration('CREATE TABLE t (id int PRIMARY KEY, v varchar(20));\n', {
        path: 'db/0001.sql',
        review: false,
        dialect: 'mysql',
      }),
      migration('ALTER TABLE t MODIFY v varchar(10);\nALTER TABLE t ADD INDEX i (v);\n', {
        path: 'db/0002.sql',
        dialect: 'mysql',
      }),
    ]);
    expect(result.files[0]?.findings.length).toBeGreaterThan(0);
    expect(streamed(result, 'sarif', false, false)).toContain('"id": "adding-auto-increment-column"');
    for (const [format, color, pretty] of CASES)
      expect(streamed(result, format, color, pretty), format).toBe(formatReport(result, format, color, pretty));
  });

  it('JSON ends with the statistics used, as the whole report does', async () => {
    const sample = await sampleResult();
    const stats: StatsUse = {
      source: 'stats.json',
      server: 'PostgreSQL 16',
      exportedAt: '2026-01-01T00:00:00Z',
      notes: ['n'],
    };
    const result: LintResult = { ...sample, stats };
    for (const pretty of [true, false])
      expect(streamed(result, 'json', false, pretty)).toBe(formatReport(result, 'json', false, pretty));
  });

  it('a run that hands each file on keeps none, and counts them all', async () => {
    const whole = (await lintStage(FILES)).result;
    const seen: FileResult[] = [];
    const { result } = await lintStage(FILES, { onFile: (f) => seen.push(f) });
    expect(result.files).toEqual([]);
    expect(result.summary).toEqual(whole.summary);
    expect(seen.map((f) => f.migration.path)).toEqual(whole.files.map((f) => f.migration.path));
    expect(seen.map((f) => f.findings)).toEqual(whole.files.map((f) => f.findings));
  });
});
