import { describe, expect, it } from 'vitest';
import { decodeSource, decodeText, invalidUtf8, notTextKind } from '../../src/discover/decode.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** Offsets of the U+FFFD that Node's own decoder wrote, skipping real U+FFFD characters in the input. */
function replacementOffsets(buf: Buffer, real: number[] = []): number[] {
  const text = buf.toString('utf8');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '\uFFFD' && !real.includes(i)) out.push(i);
  return out;
}

describe('invalidUtf8', () => {
  it.each([
    ['a Latin-1 é', bytes('caf', [0xe9], ' ok')],
    ['a truncated 3-byte sequence then ASCII', bytes('x', [0xe2, 0x82], 'y')],
    ['an overlong encoding', bytes([0xc0, 0xaf], 'z')],
    ['a UTF-16 surrogate encoded in UTF-8', bytes('a', [0xed, 0xa0, 0x80], 'b')],
    ['bytes above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80])],
    ['emoji and accents around bad bytes', bytes('😀é', [0xff], '日本', [0xf0, 0x9f, 0x98], '😀', [0x80])],
    ['a sequence cut off at the end of the file', bytes('end ', [0xf0, 0x9f])],
  ])('%s: one entry per U+FFFD Node writes, at the same character offset', (_name, buf) => {
    const found = invalidUtf8(buf);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((b) => b.offset)).toEqual(replacementOffsets(buf));
  });

  it('names the bytes, and leaves a real U+FFFD alone', () => {
    const buf = bytes('\uFFFD ', [0xe2, 0x82], ' ', [0xe9]);
    expect(invalidUtf8(buf)).toEqual([
      { offset: 2, bytes: '0xe2 0x82' },
      { offset: 4, bytes: '0xe9' },
    ]);
  });
});

describe('decodeSource', () => {
  it('valid UTF-8: the text, no bad bytes; a leading byte order mark is dropped', () => {
    expect(decodeSource(bytes('SELECT 1;\n'))).toEqual({ text: 'SELECT 1;\n' });
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'SELECT 1;'))).toEqual({ text: 'SELECT 1;' });
  });
  it('a stray NUL or a Latin-1 byte keeps the file as text', () => {
    expect(decodeSource(bytes('SELECT 1', [0], ';'))).toEqual({ text: 'SELECT 1\0;' });
    expect(decodeSource(bytes('-- caf', [0xe9], '\nSELECT 1;'))).toEqual({
      text: '-- caf\uFFFD\nSELECT 1;',
      badBytes: [{ offset: 6, bytes: '0xe9' }],
    });
  });
  it('an image, UTF-16 or other binary data is not text', () => {
    const png = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR');
    expect(decodeSource(png)).toEqual({ text: '', notText: 'a PNG image' });
    expect(notTextKind(Buffer.from('\uFEFFSELECT 1;', 'utf16le'))).toBe('UTF-16 text, not UTF-8');
    expect(notTextKind(Buffer.from('SELECT 1; SELECT 2;', 'utf16le'))).toBe(
      'binary data (or UTF-16 text without a byte order mark)',
    );
    expect(notTextKind(bytes('SELECT 1;\t\r\n\x1b[0m'))).toBeUndefined();
  });
});

describe('decodeText (the fast path: a file read as UTF-8 text)', () => {
  const cases: [string, Buffer][] = [
    ['plain SQL', bytes('SELECT 1;\n')],
    ['a byte order mark', bytes([0xef, 0xbb, 0xbf], 'SELECT 1;')],
    ['tabs, CR, VT, FF and an escape sequence', bytes('SELECT 1;\t\r\n\v\f\x1b[0m')],
    ['accents and emoji', bytes('-- café 😀 日本\nSELECT 1;')],
    ['a stray NUL', bytes('SELECT 1', [0], ';')],
    ['a Latin-1 byte', bytes('-- caf', [0xe9], '\nSELECT 1;')],
    ['a real U+FFFD', bytes('-- \uFFFD\nSELECT 1;')],
    ['a PNG image', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR')],
    ['a GIF image', bytes('GIF89a;')],
    ['a PDF document', bytes('%PDF-1.7\n')],
    ['an SQLite database', bytes('SQLite format 3')],
    ['an executable', bytes([0x7f], 'ELF')],
    ['a ZIP archive', bytes('PK', [3, 4], 'x')],
    ['UTF-16', Buffer.from('\uFEFFSELECT 1;', 'utf16le')],
    ['UTF-16 without a byte order mark', Buffer.from('SELECT 1; SELECT 2;', 'utf16le')],
    ['an empty file', bytes('')],
  ];
  it.each(cases)('%s: what decodeSource says of the bytes, or undefined (then the bytes are decoded)', (_name, buf) => {
    const fast = decodeText(buf.toString('utf8'));
    if (fast) expect(fast).toEqual(decodeSource(buf));
  });
  it('takes plain text, with or without a byte order mark, and nothing that needs the bytes', () => {
    expect(decodeText('SELECT 1;')).toEqual({ text: 'SELECT 1;' });
    expect(decodeText('\uFEFFSELECT 1;')).toEqual({ text: 'SELECT 1;' });
    expect(decodeText('-- café 😀\nSELECT 1;\t\x1b')).toEqual({ text: '-- café 😀\nSELECT 1;\t\x1b' });
    for (const t of ['SELECT 1\0;', '-- \uFFFD', 'GIF89a', '%PDF-1.7', 'SQLite format 3', '\x7fELF'])
      expect(decodeText(t)).toBeUndefined();
  });
});
