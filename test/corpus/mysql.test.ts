/**
 * The MySQL corpus (../shared/corpus/mysql: 583 files from 4 projects, or $ZERODOWN_CORPUS/mysql)
 * through the real CLI entry in one `lint --dialect mysql --format json` run: every file is
 * reported once, nothing crashes, and at most 5% of the files have a `syntax-error`.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';
import type { JsonReport } from '../../src/report/json.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, process.env.ZERODOWN_CORPUS ?? '../shared/corpus');
const MY = path.join(CORPUS, 'mysql');
const present = existsSync(MY);
if (!present) console.warn(`corpus test skipped: ${MY} not found (set ZERODOWN_CORPUS to the folder holding mysql/)`);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.sql') ? [path.join(dir, e.name)] : [],
  );
}

describe.skipIf(!present)('corpus/mysql through `zerodown lint --dialect mysql --format json`', () => {
  let report: JsonReport;
  let code: number;
  let files: string[];

  beforeAll(async () => {
    files = walk(MY).sort();
    // every file under review in one run, each project's files replayed in order into the catalog
    const r = await runCli(MY, 'lint', '--dialect', 'mysql', '--format', 'json', '--fail-on', 'never', ...files.map((f) => path.relative(MY, f)));
    code = r.code;
    expect(r.stderr).not.toContain('internal error');
    report = JSON.parse(r.stdout) as JsonReport;
  }, 120_000);

  it('reports every file exactly once, without a crash', () => {
    expect(code).toBe(0);
    const reported = report.files.map((f) => path.resolve(MY, f.path)).sort();
    expect(reported).toEqual(files);
  });

  it('has a syntax-error in at most 5% of the files', () => {
    const bad = report.files.filter((f) => f.findings.some((x) => x.rule === 'syntax-error'));
    console.log(`corpus/mysql: ${bad.length} of ${files.length} files with a syntax-error; analysed ${report.summary.analysed} of ${report.summary.statements} statements`);
    expect(bad.length / files.length).toBeLessThanOrEqual(0.05);
    expect(report.summary.analysed).toBeDefined();
  });
});
