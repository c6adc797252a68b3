/**
 * Memory stays bounded on one huge migration (issue 11, defect 12): what a file whose statements sit
 * in pieces keeps besides its text does not grow with its statement count. Two generated files, one
 * four times the other, each parsed and linted in a child process with `--expose-gc`: the heap the
 * larger leaves behind grows by much less than its text does (before, each statement kept an object
 * with its span and text: the heap grew by 1.4 times the text, some 250 bytes a statement).
 */
import { describe, expect, it } from 'vitest';
import { measureInChild } from '../heap-child.js';

type Retained = { retained: number; chars: number; statements: number; last: string };

function retainedBy(...sizes: number[]): Retained[] {
  return measureInChild('test/parse/bounded-heap.child.ts', [String(16 << 10), ...sizes.map(String)]);
}

describe('one huge migration', () => {
  it('keeps a heap that grows by much less than the text as statements are added', () => {
    // the first file warms up what every run loads once (rule tables, compiled code, the pieces kept)
    const [, small, large] = retainedBy(2_000, 2_000, 8_000) as [Retained, Retained, Retained];
    expect(small.statements).toBe(2_001);
    expect(large.statements).toBe(8_001);
    expect(large.last).toMatch(
      /^INSERT INTO t \(a, b, c\) VALUES \(8000, 'customer 8000 x+', .+ \+ interval '8000 seconds'\)$/,
    );
    const text = large.chars - small.chars;
    const heap = large.retained - small.retained;
    // the extra 6,000 statements hold where they are (10 bytes each) and their line starts, not objects
    expect(heap, `heap grew ${heap} bytes for ${text} characters of SQL`).toBeLessThan(text / 5);
  });
});
