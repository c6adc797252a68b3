/**
 * `DiscoverOptions.sources`: the text of a file open in an editor (`zerodown lsp`) is read instead of
 * the disk, for a saved file and for one not saved yet; the other files still come from disk.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/index.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'zd-s17-sources-'));
const dir = path.join(root, 'db', 'migrations');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, '001_a.sql'), 'CREATE TABLE a (id int);\n');
writeFileSync(path.join(dir, '002_b.sql'), 'on disk\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('discover with editor sources', () => {
  it('reads the given text instead of the saved file, and history from disk', async () => {
    const file = path.join(dir, '002_b.sql');
    const ms = await discover([file], { cwd: root, sources: new Map([[file, 'in the buffer\n']]) });
    expect(ms.map((m) => [path.basename(m.path), m.review, m.source])).toEqual([
      ['001_a.sql', false, 'CREATE TABLE a (id int);\n'],
      ['002_b.sql', true, 'in the buffer\n'],
    ]);
  });

  it('takes a file that is not saved yet, in its place in the order', async () => {
    const file = path.join(dir, '0015_new.sql');
    const ms = await discover([file], { cwd: root, sources: new Map([[file, 'CREATE TABLE n (id int);\n']]) });
    // natural order: 15 comes after 1 and 2
    expect(ms.map((m) => [path.basename(m.path), m.review])).toEqual([
      ['001_a.sql', false],
      ['002_b.sql', false],
      ['0015_new.sql', true],
    ]);
    await expect(discover([file], { cwd: root })).rejects.toThrow(/no such file/);
  });
});
