/**
 * The timing loop both dialects' `ShadowProbes.scale` share: a statement's time on its table full and emptied,
 * interleaved (both sizes see the engine and the machine alike), after one untimed run of each, at least
 * `repeats` times each and on until the fastest run on the full table has not improved by 5% for `stable`
 * rounds, and while the two fastest runs differ by less than `minDiffMs` (at most `maxRounds` in all). The
 * fastest of each size is kept: the run least disturbed by other work. A `reference` workload, when given, is timed
 * in the same rounds (its fastest kept too): the engine's speed at that moment, which the model divides out.
 */
export interface TimingRounds {
  repeats: number;
  stable: number;
  maxRounds: number;
  /**
   * A difference under this is noise (the estimate then falls back to a calibrated cost): keep timing while the
   * difference is smaller, since on a busy machine one disturbed round can hide it (an empty-table run slowed by
   * other work, which the fastest of later rounds no longer is)
   */
  minDiffMs?: number;
  /**
   * A fixed workload timed once in each round, ms: the engine's speed while the statement was timed (other work on
   * the machine slows a memory-bound engine twofold and back within seconds; both timings move together)
   */
  reference?: () => Promise<number>;
}

/** The fastest time of `run` on the full and on the emptied table, ms (rounded to µs). */
export async function fastestOfBoth(
  run: (full: boolean) => Promise<number>,
  rounds: TimingRounds,
): Promise<{ fullMs: number; emptyMs: number; refMs?: number }> {
  await run(true);
  await run(false);
  await rounds.reference?.();
  let fullMs = Infinity;
  let emptyMs = Infinity;
  let refMs = Infinity;
  let still = 0;
  const noise = () => fullMs - emptyMs < (rounds.minDiffMs ?? 0);
  for (let i = 0; i < rounds.maxRounds && (i < rounds.repeats || still < rounds.stable || noise()); i++) {
    const ms = await run(true);
    still = ms < fullMs * 0.95 ? 0 : still + 1;
    fullMs = Math.min(fullMs, ms);
    emptyMs = Math.min(emptyMs, await run(false));
    if (rounds.reference) refMs = Math.min(refMs, await rounds.reference());
  }
  const us = (ms: number) => Math.round(ms * 1000) / 1000;
  return { fullMs: us(fullMs), emptyMs: us(emptyMs), ...(refMs < Infinity ? { refMs: us(refMs) } : {}) };
}
