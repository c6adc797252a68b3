/** Position helpers: line/column lookup and UTF-8 byte to character offset conversion. */

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    // indexOf is a native scan: several times faster than a charCodeAt loop on long files
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based line and column of a 0-based character offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  /** 0-based character offset of a 1-based line's first character. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

/**
 * libpg-query reports statement locations in UTF-8 bytes. Returns a function
 * mapping a byte offset to a character (UTF-16 code unit) offset. ASCII text,
 * the common case, maps to itself without allocating.
 */
export function byteToCharMapper(text: string): (byte: number) => number {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return (b) => b;
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map.push(i);
    if (code >= 0x10000) i++; // surrogate pair
  }
  map.push(text.length);
  return (b) => (b >= map.length ? text.length : map[b]!);
}

/**
 * Skips whitespace and SQL comments (`-- …` and nested `/* … *\/`) from `from`,
 * returning the offset of the first significant character (or `to`).
 */
export function skipTrivia(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff) {
      i++;
      continue;
    }
    const next = skipComment(text, i, to);
    if (next === i) break;
    i = next;
  }
  return i;
}

/**
 * When a comment (`-- …` to the end of the line, or a nested `/* … *\/`) starts at `i`,
 * returns the offset just after it; otherwise returns `i`.
 */
export function skipComment(text: string, i: number, to = text.length): number {
  const c = text.charCodeAt(i);
  if (c === 45 && text.charCodeAt(i + 1) === 45) {
    const nl = text.indexOf('\n', i);
    return nl === -1 || nl >= to ? to : nl + 1;
  }
  if (c === 47 && text.charCodeAt(i + 1) === 42) {
    let depth = 1;
    i += 2;
    while (i < to && depth > 0) {
      if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 42) {
        depth++;
        i += 2;
      } else if (text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47) {
        depth--;
        i += 2;
      } else i++;
    }
    return i;
  }
  return i;
}

/** Offset one past the last significant character before `to` (drops trailing `;` and whitespace). */
export function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from) {
    const c = text.charCodeAt(end - 1);
    if (c === 59 || c === 32 || c === 9 || c === 10 || c === 13) end--;
    else break;
  }
  return end;
}
