import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/shadow/scale-timing.ts
async function fastestOfBoth(run, rounds) {
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
  const us = (ms) => Math.round(ms * 1e3) / 1e3;
  return { fullMs: us(fullMs), emptyMs: us(emptyMs), ...refMs < Infinity ? { refMs: us(refMs) } : {} };
}

export {
  fastestOfBoth
};
