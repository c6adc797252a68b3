/**
 * Saved results (src/shadow/cache.ts): `resultUsedSince` guesses whether an earlier run's report will answer a dry
 * run (`zerodown dry-run` starts PGlite's thread ahead only when it will not), from when reports were saved or read.
 */
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResult, resultUsedSince, writeResult } from '../../src/shadow/cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zerodown-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resultUsedSince', () => {
  it('says whether a result of that kind was saved or read since a time', () => {
    expect(resultUsedSince(path.join(dir, 'missing'), 'dryrun', 0)).toBe(false);
    writeResult(dir, 'dryrun', 'a', { version: 1 });
    const file = path.join(dir, 'a.dryrun.json');
    // saved an hour ago: used since two hours ago, not since a minute ago
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(file, hourAgo, hourAgo);
    expect(resultUsedSince(dir, 'dryrun', Date.now() - 7_200_000)).toBe(true);
    expect(resultUsedSince(dir, 'dryrun', Date.now() - 60_000)).toBe(false);
    // another kind does not count
    writeResult(dir, 'proof', 'b', { ok: true });
    expect(resultUsedSince(dir, 'dryrun', Date.now() - 60_000)).toBe(false);
    // read again: used now
    expect(readResult(dir, 'dryrun', 'a')).toEqual({ version: 1 });
    expect(resultUsedSince(dir, 'dryrun', Date.now() - 60_000)).toBe(true);
  });
});
