/**
 * A compressed state's own word for its size (src/shadow/unpacked-size.ts), used to inflate it into one buffer of
 * its own: gzip's trailer and the zstd frame header Node writes, read from real zlib output; a wrong word must
 * still inflate to the right bytes.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateOptions, unpackedSize } from '../../src/shadow/unpacked-size.js';

const z = zlib as typeof zlib & {
  zstdCompressSync?: (b: Buffer, o?: object) => Buffer;
  zstdDecompressSync?: (b: Buffer, o?: object) => Buffer;
};
/** 3 MB that compress but are not all alike */
const data = Buffer.from(Array.from({ length: 150_000 }, (_, i) => `row ${i * 7919} ok\n`).join(''));
const whole = (b: Buffer) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;

describe('unpackedSize', () => {
  it('reads the size of a gzip member from its trailer, and inflating by it gives one whole buffer', () => {
    const gz = gzipSync(data, { level: 1 });
    expect(unpackedSize(gz)).toBe(data.length);
    const out = gunzipSync(gz, inflateOptions(gz));
    expect(out.equals(data)).toBe(true);
    expect(whole(out)).toBe(true);
  });

  it.skipIf(!z.zstdCompressSync)(
    `reads the size of a zstd frame from its header${z.zstdCompressSync ? '' : ' (skipped: this Node has no zstd)'}`,
    () => {
      const zs = z.zstdCompressSync!(data);
      expect(unpackedSize(zs)).toBe(data.length);
      const out = z.zstdDecompressSync!(zs, inflateOptions(zs));
      expect(out.equals(data)).toBe(true);
      expect(whole(out)).toBe(true);
      // small content: a one- or two-byte size field
      for (const n of [100, 300, 70_000]) expect(unpackedSize(z.zstdCompressSync!(data.subarray(0, n)))).toBe(n);
    },
  );

  it('a size that is wrong (a damaged trailer) is only a hint: the output is still the data', () => {
    for (const claimed of [100, data.length - 1, data.length * 2]) {
      const gz = Buffer.from(gzipSync(data, { level: 1 }));
      gz.writeUInt32LE(claimed, gz.length - 4);
      expect(unpackedSize(gz)).toBe(claimed);
      // zlib checks the trailer: a wrong one is an error, as without the hint, never other bytes
      expect(() => gunzipSync(gz, inflateOptions(gz))).toThrow();
      expect(() => gunzipSync(gz)).toThrow();
    }
  });

  it('says nothing for what is neither, too short, or too small a chunk for zlib', () => {
    expect(unpackedSize(Buffer.from('not compressed at all, just text'))).toBeUndefined();
    expect(unpackedSize(Buffer.alloc(5))).toBeUndefined();
    expect(unpackedSize(gzipSync(Buffer.from('tiny')))).toBeUndefined();
    expect(inflateOptions(Buffer.from('plain text, twenty-odd bytes'))).toEqual({});
  });
});
