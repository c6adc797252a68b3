/**
 * Reading a migration's bytes as text. A pull request can put anything in a
 * `.sql` file: Latin-1 text, a stray NUL, an image. Node's UTF-8 decoder
 * silently replaces bad bytes with U+FFFD; this module says where they were, so
 * they become findings at file:line:column instead of going unnoticed.
 */
import { isUtf8 } from 'node:buffer';
import type { BadBytes } from '../model.js';

export interface DecodedSource {
  /** the text, without a leading byte order mark; invalid UTF-8 decoded as U+FFFD; '' when not text */
  text: string;
  /** where invalid UTF-8 was (character offsets into `text`) */
  badBytes?: BadBytes[];
  /** what the file is when it is not text at all, e.g. `a PNG image` */
  notText?: string;
}

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
  [[0xff, 0xfe], 'UTF-16 text, not UTF-8'],
  [[0xfe, 0xff], 'UTF-16 text, not UTF-8'],
];

/** how much of the file the binary check looks at (as git does) */
const SAMPLE = 8000;

/** What the file is when it is clearly not UTF-8 text (a known file signature, or many control bytes), else undefined. */
export function notTextKind(bytes: Uint8Array): string | undefined {
  for (const [sig, what] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return what;
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    // NUL and the C0 controls no text file holds (tab, LF, VT, FF, CR and ESC are left out)
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  // one stray NUL in a SQL file is a finding on its line; a tenth of the bytes is not text
  return control >= 8 && control * 10 >= n ? 'binary data (or UTF-16 text without a byte order mark)' : undefined;
}

/**
 * The invalid UTF-8 sequences of `bytes`, each with the character offset where
 * the decoder put its U+FFFD. Follows the WHATWG decoder Node uses (one U+FFFD
 * per maximal invalid subpart), so the offsets match `bytes.toString('utf8')`.
 */
export function invalidUtf8(bytes: Uint8Array): BadBytes[] {
  const out: BadBytes[] = [];
  let chars = 0;
  let need = 0;
  let start = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let cp = 0;
  const hex = (a: number, b: number) =>
    [...bytes.subarray(a, b)].map((x) => `0x${x.toString(16).padStart(2, '0')}`).join(' ');
  const bad = (end: number) => {
    out.push({ offset: chars, bytes: hex(start, end) });
    chars++;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (need === 0) {
      start = i;
      if (b < 0x80) chars++;
      else if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        need = 2;
        cp = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        need = 3;
        cp = b & 7;
      } else bad(i + 1);
      continue;
    }
    if (b < lower || b > upper) {
      // the sequence so far is one bad subpart; this byte starts afresh
      bad(i);
      need = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (--need === 0) chars += cp >= 0x10000 ? 2 : 1;
  }
  if (need > 0) bad(bytes.length);
  return out;
}

/** the signatures `notTextKind` knows that are ASCII, so UTF-8 text starts with them as they are */
const ASCII_MAGIC = MAGIC.filter(([sig]) => sig.every((b) => b < 0x80)).map(([sig]) => String.fromCharCode(...sig));
/** a control character `notTextKind` counts */
const CONTROL = /[\0-\x08\x0e-\x1a\x1c-\x1f]/;

/**
 * `decodeSource` for a file already decoded as UTF-8 (`readFileSync(p, 'utf8')`, which reads in one
 * native call), when the text alone shows what `decodeSource` would say: no control character, no
 * U+FFFD (so the bytes were valid UTF-8), no known signature. Undefined otherwise: decode the bytes.
 */
export function decodeText(text: string): DecodedSource | undefined {
  // `notTextKind` samples the first SAMPLE bytes, which SAMPLE characters cover; U+FFFD counts anywhere
  const head = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (CONTROL.test(head) || text.includes('\ufffd') || ASCII_MAGIC.some((m) => text.startsWith(m))) return undefined;
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Decodes a migration file: strips a UTF-8 byte order mark, reports invalid UTF-8, refuses what is not text. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const what = notTextKind(bytes);
  if (what) return { text: '', notText: what };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom);
  const text = buf.toString('utf8');
  if (isUtf8(buf)) return { text };
  return { text, badBytes: invalidUtf8(buf) };
}
