/**
 * Memory does not grow with the file count when `zerodown lint` streams its report, in any format (issue 15): each file's result
 * is handed to the report as soon as it is final and let go (`lintStage`'s `onFile`, src/report/stream.ts),
 * instead of every file's findings being held for one report at the end (10,000 files peaked at 412 MB). Runs of
 * 500 and 2,000 files under review, each in a child process with `--expose-gc`: the heap the run holds when its
 * last file is done grows by much less than the report does; kept for one report, it grows by more.
 */
import { describe, expect, it } from 'vitest';
import { measureInChild } from '../heap-child.js';

type Held = { retained: number; report: number; findings: number; files: number };

function heldBy(mode: 'streamed' | 'kept', format: string, ...sizes: number[]): Held[] {
  return measureInChild('test/pipeline/streamed-heap.child.ts', [mode, format, ...sizes.map(String)]);
}

describe('a lint run over many files', () => {
  it('holds a heap that does not grow with the file count while it streams its report', () => {
    // the first run warms up what every run loads once (the parser, rule tables, compiled code)
    const [, small, large] = heldBy('streamed', 'json', 500, 500, 2_000) as [Held, Held, Held];
    expect([small.files, large.files]).toEqual([500, 2_000]);
    expect([small.findings, large.findings]).toEqual([1_000, 4_000]);
    const report = large.report - small.report;
    const heap = large.retained - small.retained;
    // the report of 1,500 more files is about 1.8 MB; what the run holds for them is their place in the walk
    expect(heap, `heap grew ${heap} bytes for ${report} more bytes of report`).toBeLessThan(report / 5);
  });

  it('holds a heap that does not grow with the file count in SARIF and GitLab Code Quality too', () => {
    for (const format of ['sarif', 'gitlab']) {
      const [, small, large] = heldBy('streamed', format, 500, 500, 2_000) as [Held, Held, Held];
      expect(large.findings, format).toBe(4_000);
      const report = large.report - small.report;
      const heap = large.retained - small.retained;
      // a SARIF result is about 1,000 bytes, a Code Quality issue 600: megabytes of report, kilobytes of heap
      expect(report, format).toBeGreaterThan(1_500 * 500);
      expect(heap, `${format}: heap grew ${heap} bytes for ${report} more bytes of report`).toBeLessThan(report / 5);
    }
  });

  it('(the same files with every result kept for one report at the end: the heap grows with the report)', () => {
    const [, small, large] = heldBy('kept', 'json', 500, 500, 2_000) as [Held, Held, Held];
    expect(large.findings).toBe(4_000);
    // what the streamed runs above wrote for the 1,500 more files: 1,200 bytes each
    expect(large.retained - small.retained).toBeGreaterThan(1_500 * 1_200);
  });
});
