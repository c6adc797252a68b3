import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/parse/source.ts
var LineIndex = class {
  constructor(text) {
    this.text = text;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  text;
  starts = [0];
  /** 1-based line and column of a 0-based character offset. */
  position(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  /** 0-based character offset of a 1-based line's first character. */
  lineStart(line) {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }
  get lineCount() {
    return this.starts.length;
  }
};
function skipTrivia(text, from, to = text.length) {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 65279) {
      i++;
      continue;
    }
    const next = skipComment(text, i, to);
    if (next === i) break;
    i = next;
  }
  return i;
}
function skipComment(text, i, to = text.length) {
  const c = text.charCodeAt(i);
  if (c === 45 && text.charCodeAt(i + 1) === 45) {
    const nl = text.indexOf("\n", i);
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
function trimEnd(text, from, to) {
  let end = to;
  while (end > from) {
    const c = text.charCodeAt(end - 1);
    if (c === 59 || c === 32 || c === 9 || c === 10 || c === 13) end--;
    else break;
  }
  return end;
}

export {
  LineIndex,
  skipTrivia,
  skipComment,
  trimEnd
};
