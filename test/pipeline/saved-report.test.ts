/**
 * A saved report (src/pipeline/saved-report.ts), as `zerodown lint` again with nothing changed writes it out: from its
 * file a piece at a time, byte for byte, the file closed afterwards; through Node's stream for what a non-blocking
 * pipe would not take; never when its header and size disagree.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReport, openReport, reportHeader, writeReport } from '../../src/pipeline/saved-report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'zd-saved-report-')));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A report of `size` bytes that no two pieces share (so a piece written twice or skipped shows). */
function reportBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 8) bytes.writeDoubleLE(i / 8, Math.min(i, size - 8));
  return bytes;
}

function save(key: string, code: number, bytes: Buffer): void {
  writeFileSync(path.join(tmp, `${key}.out`), Buffer.concat([reportHeader(code, bytes.length), bytes]));
}

const isClosed = (fd: number) => {
  try {
    fstatSync(fd);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EBADF';
  }
};

describe('saved report', () => {
  it('is written from its file a piece at a time, byte for byte, and its file closed', () => {
    // two and a half pieces of 1 MB
    const bytes = reportBytes((5 << 20) / 2 + 13);
    save('big', 1, bytes);
    const report = openReport(tmp, 'big')!;
    expect(report).toMatchObject({ code: 1, length: bytes.length });
    const out = path.join(tmp, 'big.written');
    const fd = openSync(out, 'w');
    try {
      // a regular file takes every byte: nothing is left for a stream
      expect(writeReport(fd, report).length).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(isClosed(report.fd)).toBe(true);
    const loaded = loadReport(tmp, 'big');
    expect(loaded?.code).toBe(1);
    expect(loaded?.bytes.equals(bytes)).toBe(true);
  });

  it('an empty report is written as nothing', () => {
    save('empty', 0, Buffer.alloc(0));
    const report = openReport(tmp, 'empty')!;
    expect(report).toMatchObject({ code: 0, length: 0 });
    const fd = openSync(path.join(tmp, 'empty.written'), 'w');
    try {
      expect(writeReport(fd, report).length).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path.join(tmp, 'empty.written')).length).toBe(0);
    expect(isClosed(report.fd)).toBe(true);
  });

  it('a file cut short, grown, or with another header is not a report (and is not left open)', () => {
    const bytes = reportBytes(4096);
    const whole = Buffer.concat([reportHeader(1, bytes.length), bytes]);
    writeFileSync(path.join(tmp, 'cut.out'), whole.subarray(0, whole.length - 1));
    writeFileSync(path.join(tmp, 'grown.out'), Buffer.concat([whole, Buffer.from('\n')]));
    writeFileSync(path.join(tmp, 'other.out'), Buffer.concat([Buffer.from('zerodown-report 9\n1 4096\n'), bytes]));
    writeFileSync(path.join(tmp, 'tiny.out'), 'zero');
    // the lowest descriptor free before: a descriptor left open below takes it
    const before = openSync(path.join(tmp, 'tiny.out'), 'r');
    closeSync(before);
    for (const key of ['cut', 'grown', 'other', 'tiny', 'missing']) expect(openReport(tmp, key), key).toBeUndefined();
    const after = openSync(path.join(tmp, 'tiny.out'), 'r');
    closeSync(after);
    expect(after).toBe(before);
  });

  it('what a non-blocking pipe will not take goes through the stream, in order', async () => {
    const bytes = reportBytes(3 << 20);
    save('piped', 1, bytes);
    const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const module = pathToFileURL(path.join(root, 'src/pipeline/saved-report.ts')).href;
    // Node's stream for a pipe puts the descriptor in non-blocking mode: once the pipe is full, write(2) says EAGAIN
    const script = [
      `import { openReport, writeReport } from ${JSON.stringify(module)};`,
      'process.stdout;',
      `const rest = writeReport(1, openReport(${JSON.stringify(tmp)}, 'piped'));`,
      "process.stderr.write('left for the stream: ' + rest.length + '\\n');",
      'process.stdout.write(rest);',
    ].join('\n');
    const child = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // nothing read until the child has filled the pipe and said how much it left
    child.stdout.pause();
    await new Promise<void>((resolve) => {
      const check = () => (/left for the stream/.test(err) ? resolve() : setTimeout(check, 20));
      check();
    });
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(err).toMatch(/^left for the stream: \d+\n$/);
    const left = Number(/(\d+)/.exec(err)![1]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(bytes.length);
    expect(code).toBe(0);
    expect(Buffer.concat(out).equals(bytes)).toBe(true);
  }, 30_000);
});
