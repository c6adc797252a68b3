/**
 * A saved report's file (`<key>.out` in the findings cache): a header with the run's exit code and the report's
 * length, then the report's bytes as they were written. Kept apart from ./findings-cache.ts (which writes it) so that
 * `zerodown lint` again with nothing changed (./rerun.ts) reads it without loading `node:crypto`.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
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

/** A saved report found, its file open: the run's exit code and where its bytes lie in the file. */
export interface SavedReport {
  code: number;
  /** the open file (`readReport` and `writeReport` close it) */
  fd: number;
  /** where the report's bytes begin, past the header */
  start: number;
  length: number;
}

/**
 * The report saved under `key`, its file open and its bytes not read yet (a run with nothing changed neither builds
 * the findings nor formats them, nor decodes the report). Undefined on any doubt: the header says the report's
 * length, so a truncated file is a miss. A file is replaced whole (renamed into place), never written over, so the
 * bytes read later from the open file are the ones its size was checked against.
 */
export function openReport(dir: string, key: string): SavedReport | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path.join(dir, `${key}.out`), 'r');
    const head = Buffer.alloc(REPORT.length + LENGTH_DIGITS + 4);
    const got = readSync(fd, head, 0, head.length, 0);
    const m = /^zerodown-report \d+\n(\d) (\d+)\n/.exec(head.toString('latin1', 0, got));
    const start = m?.[0].length ?? 0;
    if (!m?.[0].startsWith(REPORT) || fstatSync(fd).size !== start + Number(m[2])) {
      const file = fd;
      fd = undefined;
      closeSync(file);
      return undefined;
    }
    return { code: Number(m[1]), fd, start, length: Number(m[2]) };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** Fills `into` with the report's bytes from `from` on; throws when the file ends first. */
function readInto(report: SavedReport, into: Buffer, from: number): void {
  for (let got = 0; got < into.length;) {
    const n = readSync(report.fd, into, got, into.length - got, report.start + from + got);
    if (n === 0) throw new Error(`zerodown: a saved report ended ${report.length - from - got} bytes early`);
    got += n;
  }
}

/** The bytes of `report` from `from` on (all of them by default), its file closed. */
export function readReport(report: SavedReport, from = 0): Buffer {
  try {
    const bytes = Buffer.allocUnsafe(report.length - from);
    readInto(report, bytes, from);
    return bytes;
  } finally {
    closeSync(report.fd);
  }
}

/** Writes `bytes` to `fd` with write(2) until they are all written or the descriptor would block; returns the rest. */
function writeUntilBlocked(fd: number, bytes: Buffer): Buffer {
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
  }
  return bytes.subarray(done);
}

/**
 * Writes `bytes` to `fd` with write(2), without Node's stream (which loads more of Node than the rest of a run
 * answered from its stamp); returns what is left for the stream: all of it for a terminal (Node's stream writes a
 * Windows console as text; raw UTF-8 bytes would show as another code page there), the rest when the descriptor
 * would block (a non-blocking pipe).
 */
export function writeDirect(fd: number, bytes: Buffer): Buffer {
  return isatty(fd) ? bytes : writeUntilBlocked(fd, bytes);
}

/** the piece of a report `writeReport` reads and writes at a time */
const PIECE = 1 << 20;

/**
 * `writeDirect` of `report`, a piece at a time through one buffer: the report (megabytes for a whole repository) is
 * never in memory whole, and no fresh memory is touched for it past the first piece. Closes the report's file.
 */
export function writeReport(fd: number, report: SavedReport): Buffer {
  if (isatty(fd)) return readReport(report);
  let closed = false;
  try {
    const piece = Buffer.allocUnsafeSlow(Math.min(PIECE, report.length));
    let at = 0;
    while (at < report.length) {
      const n = Math.min(piece.length, report.length - at);
      readInto(report, piece.subarray(0, n), at);
      const left = writeUntilBlocked(fd, piece.subarray(0, n));
      if (left.length) {
        closed = true;
        return Buffer.concat([left, readReport(report, at + n)]);
      }
      at += n;
    }
    return Buffer.alloc(0);
  } finally {
    if (!closed) closeSync(report.fd);
  }
}

/** The report saved under `key` and the run's exit code, as bytes (see `openReport`). */
export function loadReport(dir: string, key: string): { code: number; bytes: Buffer } | undefined {
  const report = openReport(dir, key);
  if (!report) return undefined;
  try {
    return { code: report.code, bytes: readReport(report) };
  } catch {
    return undefined;
  }
}
