/**
 * src/hash.ts: MurmurHash3 (x86, 32-bit) checked against the reference implementation's published vectors, so
 * that the stamp keys built from it (src/pipeline/rerun.ts) spread as the real hash does.
 */
import { describe, expect, it } from 'vitest';
import { fastHash, murmur3 } from '../src/hash.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('murmur3', () => {
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['\0\0\0\0', 0, 0x2362f9de],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['aa', 0x9747b28c, 0x5d211726],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['ab', 0x9747b28c, 0x74875592],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
  ])('%j with seed %i', (text, seed, want) => {
    expect(murmur3(bytes(text), seed)).toBe(want);
  });
});

describe('fastHash', () => {
  it('is 128 bits of four lanes, the same for the same text and different for a one-character change', () => {
    const a = fastHash('["zerodown-stamp 1","/work","lint"]');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(fastHash('["zerodown-stamp 1","/work","lint"]')).toBe(a);
    expect(fastHash('["zerodown-stamp 1","/work","lins"]')).not.toBe(a);
    // the lanes differ from each other (different seeds), so no lane repeats another
    const lanes = a.match(/.{8}/g)!;
    expect(new Set(lanes).size).toBe(4);
  });
});
