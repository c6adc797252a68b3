/**
 * The timing loop the size estimates share (src/shadow/scale-timing.ts), driven by scripted timings: how many
 * rounds it takes, that it keeps timing while the full and empty runs differ by less than the noise floor, and the
 * reference workload timed in the same rounds.
 */
import { describe, expect, it } from 'vitest';
import { fastestOfBoth } from '../../src/shadow/scale-timing.js';

/** A run function that answers from two scripts (the last value repeats), counting its calls. */
function scripted(full: number[], empty: number[]) {
  const calls = { full: 0, empty: 0 };
  const run = async (isFull: boolean) => {
    const list = isFull ? full : empty;
    const i = isFull ? calls.full++ : calls.empty++;
    return list[Math.min(i, list.length - 1)]!;
  };
  return { run, calls };
}

describe('fastestOfBoth', () => {
  it('one untimed run of each, then `repeats` rounds when the fastest full run settles at once', async () => {
    const s = scripted([9, 3, 3, 3, 3, 3, 3], [9, 1, 1, 1, 1, 1, 1]);
    const r = await fastestOfBoth(s.run, { repeats: 4, stable: 3, maxRounds: 12 });
    expect(r).toEqual({ fullMs: 3, emptyMs: 1 });
    expect(s.calls).toEqual({ full: 5, empty: 5 });
  });

  it('on while the fastest full run still improves by 5%, at most maxRounds', async () => {
    const s = scripted([9, 10, 9, 8, 7, 6, 5, 4, 3, 2], [1]);
    const r = await fastestOfBoth(s.run, { repeats: 2, stable: 2, maxRounds: 6 });
    expect(s.calls.full).toBe(7);
    expect(r.fullMs).toBe(5);
  });

  it('on while full and empty differ by less than minDiffMs: a disturbed empty run no longer hides the work', async () => {
    // the empty runs of the first rounds were slowed by other work; its fastest comes in round 6
    const full = [5, 3, 3, 3, 3, 3, 3, 3, 3];
    const empty = [5, 2.8, 2.9, 2.8, 2.7, 2.9, 0.5, 0.5, 0.5];
    const without = scripted(full, empty);
    const a = await fastestOfBoth(without.run, { repeats: 4, stable: 3, maxRounds: 12 });
    expect(a.fullMs - a.emptyMs).toBeLessThan(0.5);
    const withFloor = scripted(full, empty);
    const b = await fastestOfBoth(withFloor.run, { repeats: 4, stable: 3, maxRounds: 12, minDiffMs: 0.5 });
    expect(b).toEqual({ fullMs: 3, emptyMs: 0.5 });
    expect(withFloor.calls.full).toBe(7);
  });

  it('a reference workload runs once untimed, then once in every round; its fastest is returned', async () => {
    const s = scripted([9, 3, 3, 3, 3, 3, 3], [9, 1, 1, 1, 1, 1, 1]);
    const refs = [20, 9, 7.5, 8, 11];
    let calls = 0;
    const reference = async () => refs[Math.min(calls++, refs.length - 1)]!;
    const r = await fastestOfBoth(s.run, { repeats: 4, stable: 3, maxRounds: 12, reference });
    expect(r).toEqual({ fullMs: 3, emptyMs: 1, refMs: 7.5 });
    expect(calls).toBe(s.calls.full); // the untimed run and one per round, like the statement's
    // without one, no refMs at all (a server shadow): the model then uses the per-row cost as measured
    expect(await fastestOfBoth(scripted([3], [1]).run, { repeats: 1, stable: 1, maxRounds: 2 })).not.toHaveProperty(
      'refMs',
    );
  });

  it('a difference that really is under the floor costs maxRounds, no more', async () => {
    const s = scripted([1], [0.9]);
    const r = await fastestOfBoth(s.run, { repeats: 4, stable: 3, maxRounds: 12, minDiffMs: 0.5 });
    expect(s.calls).toEqual({ full: 13, empty: 13 });
    expect(r.fullMs - r.emptyMs).toBeCloseTo(0.1);
  });
});
