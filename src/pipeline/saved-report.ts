/**
 * A saved report's file (`<key>.out` in the findings cache): a header with the run's exit code and the report's
 * length, then the report's bytes as they were written. Kept apart from ./findings-cache.ts (which writes it) so that
 * `zerodown lint` again with nothing changed (./rerun.ts) reads it without loading `node:crypto`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** bumped when the file's shape changes */
const FORMAT = 1;
const REPORT = `zerodown-report ${FORMAT}\n`;
/** a streamed report's length, zero-padded to this many digits (room for any length a file can have) */
const LENGTH_DIGITS = 15;

/** The header of a report of `length` bytes from a run that exited with `code` (always the same length). */
export function reportHeader(code: number, length: number): Buffer {
  return Buffer.from(`${REPORT}${code} ${String(length).padStart(LENGTH_DIGITS, '0')}\n`);
}

/**
 * The report saved under `key` and the run's exit code, as bytes (written out as they are: a run with nothing
 * changed neither builds the findings nor formats them, nor decodes the report). Undefined on any doubt: the
 * header says the report's length, so a truncated file is a miss.
 */
export function loadReport(dir: string, key: string): { code: number; bytes: Buffer } | undefined {
  try {
    const data = readFileSync(path.join(dir, `${key}.out`));
    const head = data.subarray(0, REPORT.length + 24).toString('latin1');
    const m = /^zerodown-report \d+\n(\d) (\d+)\n/.exec(head);
    if (!m || !head.startsWith(REPORT) || data.length !== m[0].length + Number(m[2])) return undefined;
    return { code: Number(m[1]), bytes: data.subarray(m[0].length) };
  } catch {
    return undefined;
  }
}
