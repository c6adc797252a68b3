/**
 * Memory does not grow with the file count when `zerodown lint` streams its report (issue 15): each file's result
 * is handed to the report as soon as it is final and let go (`lintStage`'s `onFile`, src/report/stream.ts),
 * instead of every file's findings being held for one report at the end (10,000 files peaked at 412 MB). Runs of
 * 500 and 2,000 files under review, each in a child process with `--expose-gc`: the heap the run holds when its
 * last file is done grows by much less than the report does; kept for one report, it grows by more.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(ROOT, 'test/pipeline/streamed-heap.child.ts');

type Held = { retained: number; report: number; findings: number; files: number };

function heldBy(mode: 'streamed' | 'kept', ...sizes: number[]): Held[] {
  // without V8's optimizing compilers, whose code lands in the same heap whenever their background threads finish
  // (the streamed figure swung from -16 to 247 KB between runs with them, -34 to 17 KB without; test/parse/bounded-heap.test.ts)
  const args = ['--expose-gc', '--no-opt', '--no-maglev', '--import', 'tsx', CHILD, mode, ...sizes.map(String)];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe('a lint run over many files', () => {
  it('holds a heap that does not grow with the file count while it streams its report', () => {
    // the first run warms up what every run loads once (the parser, rule tables, compiled code)
    const [, small, large] = heldBy('streamed', 500, 500, 2_000) as [Held, Held, Held];
    expect([small.files, large.files]).toEqual([500, 2_000]);
    expect([small.findings, large.findings]).toEqual([1_000, 4_000]);
    const report = large.report - small.report;
    const heap = large.retained - small.retained;
    // the report of 1,500 more files is about 1.8 MB; what the run holds for them is their place in the walk
    expect(heap, `heap grew ${heap} bytes for ${report} more bytes of report`).toBeLessThan(report / 5);
  });

  it('(the same files with every result kept for one report at the end: the heap grows with the report)', () => {
    const [, small, large] = heldBy('kept', 500, 500, 2_000) as [Held, Held, Held];
    expect(large.findings).toBe(4_000);
    // what the streamed runs above wrote for the 1,500 more files: 1,200 bytes each
    expect(large.retained - small.retained).toBeGreaterThan(1_500 * 1_200);
  });
});
