/**
 * The real-migration corpus (../shared/corpus/postgres: 2,874 files from 13 projects, or
 * $ZERODOWN_CORPUS/postgres) through the real CLI entry in one JSON run:
 *  - every file appears exactly once,
 *  - `syntax-error` appears exactly for the files libpg-query itself rejects, at its position,
 *  - nothing crashes and the exit code is 0 or 1.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as libpgQuery from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { JsonReport } from '../../src/report/json.js';
import { codePointToIndex } from '../../src/dialects/postgres/parse.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, process.env.ZERODOWN_CORPUS ?? '../shared/corpus');
const PG = path.join(CORPUS, 'postgres');
const present = existsSync(PG);
if (!present)
  console.warn(`corpus test skipped: ${PG} not found (set ZERODOWN_CORPUS to the folder holding postgres/)`);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.sql') ? [path.join(dir, e.name)] : [],
  );
}

describe.skipIf(!present)('corpus/postgres through `zerodown lint --format json`', () => {
  let report: JsonReport;
  let code: number;
  let stderr: string;
  let files: string[];

  beforeAll(async () => {
    files = walk(PG).sort();
    const projects = readdirSync(PG)
      .filter((d) => !d.startsWith('.'))
      .map((d) => path.join(PG, d));
    const out: string[] = [];
    const err: string[] = [];
    const ow = process.stdout.write;
    const ew = process.stderr.write;
    process.stdout.write = ((s: string | Uint8Array) => (out.push(String(s)), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string | Uint8Array) => (err.push(String(s)), true)) as typeof process.stderr.write;
    try {
      // one run, each project directory given as its own path (absolute: outside the repo)
      code = await main(['lint', ...projects, '--format', 'json', '--no-color']);
    } finally {
      process.stdout.write = ow;
      process.stderr.write = ew;
      process.exitCode = undefined;
    }
    stderr = err.join('');
    report = JSON.parse(out.join(''));
    await libpgQuery.loadModule();
  }, 120_000);

  it('runs without crashing and exits 0 or 1', () => {
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    expect(report.version).toBe(1);
  });

  it('lists every corpus file exactly once', () => {
    expect(files.length).toBeGreaterThan(2000);
    const seen = report.files.map((f) => path.resolve(f.path));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(files);
    expect(report.summary.files).toBe(files.length);
    expect(report.summary.statements).toBeGreaterThan(9_000); // 9,718 statements in the corpus as committed
  });

  it('reports syntax-error exactly for the files libpg-query rejects, at the parser position', () => {
    const rejected = new Map<string, { line: number; column: number }>();
    for (const f of files) {
      const sql = readFileSync(f, 'utf8').replace(/\uFEFF/g, ' ');
      if (!sql.trim()) continue;
      try {
        libpgQuery.parseSync(sql);
      } catch (err) {
        const cursor = codePointToIndex(sql, (err as libpgQuery.SqlError).sqlDetails?.cursorPosition ?? 0);
        const before = sql.slice(0, cursor).split('\n');
        rejected.set(f, { line: before.length, column: before.at(-1)!.length + 1 });
      }
    }
    const reported = new Map<string, { line: number; column: number }>();
    for (const file of report.files) {
      const syntax = file.findings.filter((x) => x.rule === 'syntax-error');
      expect(syntax.length).toBeLessThanOrEqual(1);
      if (syntax.length) {
        // a file that does not parse has nothing else to report
        expect(file.findings).toHaveLength(1);
        reported.set(path.resolve(file.path), { line: syntax[0]!.line, column: syntax[0]!.column });
      }
    }
    expect([...reported.keys()].sort()).toEqual([...rejected.keys()].sort());
    for (const [f, pos] of rejected) expect(reported.get(f), f).toEqual(pos);
    // what the corpus README and NOTES.md say: the rejected files are Go-template placeholders
    expect(rejected.size).toBeLessThan(100);
    for (const f of rejected.keys()) expect(readFileSync(f, 'utf8')).toMatch(/\{\{/);
  });

  it('every finding has a rule, a severity, text and a position inside its file', () => {
    const sources = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    for (const file of report.files) {
      const lines = sources.get(path.resolve(file.path))!.split('\n').length;
      for (const f of file.findings) {
        expect(['error', 'warning']).toContain(f.severity);
        expect(f.message.length).toBeGreaterThan(10);
        expect(f.help.length).toBeGreaterThan(5);
        expect(
          f.line >= 1 && f.line <= lines && f.endLine >= f.line && f.endLine <= lines,
          `${file.path}:${f.line}`,
        ).toBe(true);
        expect(f.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
