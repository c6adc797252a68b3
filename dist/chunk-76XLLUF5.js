import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/pipeline/saved-report.ts
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { isatty } from "node:tty";
import path from "node:path";
var FORMAT = 1;
var REPORT = `zerodown-report ${FORMAT}
`;
var LENGTH_DIGITS = 15;
function reportHeader(code, length) {
  return Buffer.from(`${REPORT}${code} ${String(length).padStart(LENGTH_DIGITS, "0")}
`);
}
function openReport(dir, key) {
  let fd;
  try {
    fd = openSync(path.join(dir, `${key}.out`), "r");
    const head = Buffer.alloc(REPORT.length + LENGTH_DIGITS + 4);
    const got = readSync(fd, head, 0, head.length, 0);
    const m = /^zerodown-report \d+\n(\d) (\d+)\n/.exec(head.toString("latin1", 0, got));
    const start = m?.[0].length ?? 0;
    if (!m?.[0].startsWith(REPORT) || fstatSync(fd).size !== start + Number(m[2])) {
      const file = fd;
      fd = void 0;
      closeSync(file);
      return void 0;
    }
    return { code: Number(m[1]), fd, start, length: Number(m[2]) };
  } catch {
    if (fd !== void 0) closeSync(fd);
    return void 0;
  }
}
function readInto(report, into, from) {
  for (let got = 0; got < into.length; ) {
    const n = readSync(report.fd, into, got, into.length - got, report.start + from + got);
    if (n === 0) throw new Error(`zerodown: a saved report ended ${report.length - from - got} bytes early`);
    got += n;
  }
}
function readReport(report, from = 0) {
  try {
    const bytes = Buffer.allocUnsafe(report.length - from);
    readInto(report, bytes, from);
    return bytes;
  } finally {
    closeSync(report.fd);
  }
}
function writeUntilBlocked(fd, bytes) {
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (err) {
    if (err.code !== "EAGAIN") throw err;
  }
  return bytes.subarray(done);
}
function writeDirect(fd, bytes) {
  return isatty(fd) ? bytes : writeUntilBlocked(fd, bytes);
}
var PIECE = 1 << 20;
function writeReport(fd, report) {
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
function loadReport(dir, key) {
  const report = openReport(dir, key);
  if (!report) return void 0;
  try {
    return { code: report.code, bytes: readReport(report) };
  } catch {
    return void 0;
  }
}

export {
  reportHeader,
  openReport,
  readReport,
  writeDirect,
  writeReport,
  loadReport
};
