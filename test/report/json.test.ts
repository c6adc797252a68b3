import { beforeAll, describe, expect, it } from 'vitest';
import { formatJson, toJson } from '../../src/report/json.js';
import type { LintResult } from '../../src/model.js';
import { sampleResult } from './fixture.js';

let result: LintResult;
beforeAll(async () => {
  result = await sampleResult();
});

describe('JSON contract v1', () => {
  it('has exactly the documented shape', () => {
    const report = JSON.parse(formatJson(result));
    expect(Object.keys(report)).toEqual(['version', 'files', 'summary']);
    expect(report.version).toBe(1);
    expect(Object.keys(report.summary)).toEqual(['files', 'statements', 'errors', 'warnings']);
    for (const file of report.files) {
      expect(Object.keys(file)).toEqual(['path', 'findings']);
      for (const f of file.findings) {
        expect(Object.keys(f)).toEqual([
          'rule',
          'severity',
          'message',
          'help',
          'line',
          'column',
          'endLine',
          'endColumn',
        ]);
        expect(['error', 'warning']).toContain(f.severity);
        for (const k of ['line', 'column', 'endLine', 'endColumn'])
          expect(Number.isInteger(f[k]) && f[k] >= 1).toBe(true);
      }
    }
  });

  it('lists every file under review in order, with or without findings; history files are not listed', () => {
    const report = toJson(result);
    expect(report.files.map((f) => [f.path, f.findings.map((x) => x.rule)])).toEqual([
      ['db/migrations/0002_index.sql', ['require-concurrent-index-creation']],
      ['db/migrations/0003 broken, 100%.sql', ['syntax-error']],
      ['db/migrations/0004_clean.sql', []],
    ]);
  });

  it('positions and the summary are right', () => {
    const report = toJson(result);
    expect(report.files[0]!.findings[0]).toMatchObject({ line: 2, column: 1, endLine: 3, endColumn: 19 });
    expect(report.files[1]!.findings[0]).toMatchObject({ line: 2, column: 29, endLine: 2, endColumn: 30 });
    // 1 statement in 0002, none in the unparsable 0003, 2 in 0004
    expect(report.summary).toEqual({ files: 3, statements: 3, errors: 2, warnings: 0 });
  });

  it('carries `confirmed` only when a dry run set it', () => {
    const copy = structuredClone(result);
    copy.files[0]!.findings[0]!.confirmed = true;
    expect(toJson(copy).files[0]!.findings[0]!.confirmed).toBe(true);
    expect('confirmed' in toJson(result).files[0]!.findings[0]!).toBe(false);
  });
});
