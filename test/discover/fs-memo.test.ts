/**
 * Discovery memoises what it asks the disk (src/discover/fsutil.ts `withFsMemo`): each folder listed
 * once, each file read once. The answers must be those of the disk: within one discovery, and fresh
 * for the next (the language server discovers again after every edit).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/index.js';
import { countStatements, splitSql } from '../../src/discover/sqlsplit.js';
import { existsSync, isDir, isFile, list, readText, subdirs, withFsMemo } from '../../src/discover/fsutil.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'zd-fs-memo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('file-system memo', () => {
  it('answers as the disk does: files, folders, a file taken for a folder, a symlinked folder', async () => {
    const dir = path.join(root, 'tree');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    mkdirSync(path.join(root, 'elsewhere'));
    writeFileSync(path.join(dir, 'a.sql'), 'SELECT 1;');
    writeFileSync(path.join(dir, 'sub', 'up.sql'), 'SELECT 2;');
    symlinkSync(path.join(root, 'elsewhere'), path.join(dir, 'link'));
    const ask = () => ({
      list: list(dir).sort(),
      subdirs: subdirs(dir).sort(),
      upInSub: existsSync(path.join(dir, 'sub', 'up.sql')),
      upInFile: existsSync(path.join(dir, 'a.sql', 'up.sql')),
      underFile: list(path.join(dir, 'a.sql')),
      missing: existsSync(path.join(dir, 'nope.sql')),
      isDir: [isDir(path.join(dir, 'sub')), isDir(path.join(dir, 'a.sql')), isDir(path.join(dir, 'link'))],
      isFile: [isFile(path.join(dir, 'a.sql')), isFile(path.join(dir, 'sub')), isFile(path.join(dir, 'nope.sql'))],
      text: readText(path.join(dir, 'a.sql')),
      noText: readText(path.join(dir, 'nope.sql')),
    });
    const plain = ask();
    const memoised = await withFsMemo(async () => {
      list(dir); // listed first, so the questions below are answered from its entries
      return ask();
    });
    expect(memoised).toEqual(plain);
    expect(plain).toMatchObject({ subdirs: ['link', 'sub'], upInSub: true, upInFile: false, underFile: [] });
  });

  it('a second discovery sees what changed on disk since the first', async () => {
    const dir = path.join(root, 'db', 'migrations');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '001_a.sql'), 'CREATE TABLE a (id int);\n');
    const first = await discover([dir], { cwd: root });
    writeFileSync(path.join(dir, '001_a.sql'), 'CREATE TABLE b (id int);\n');
    writeFileSync(path.join(dir, '002_c.sql'), 'CREATE TABLE c (id int);\n');
    const second = await discover([dir], { cwd: root });
    expect(first.map((m) => m.source)).toEqual(['CREATE TABLE a (id int);\n']);
    expect(second.map((m) => [path.basename(m.path), m.source])).toEqual([
      ['001_a.sql', 'CREATE TABLE b (id int);\n'],
      ['002_c.sql', 'CREATE TABLE c (id int);\n'],
    ]);
  });
});

describe('countStatements with a limit', () => {
  it('counts as splitSql does, up to the limit (a statement once begun counts)', () => {
    const cases = [
      '',
      '-- only a comment\n',
      'SELECT 1',
      'SELECT 1;',
      'SELECT 1; SELECT 2',
      "SELECT ';'; -- x;\nSELECT 2;",
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3;',
      'SELECT 1;;; SELECT 2; SELECT 3;',
      'SELECT $$;$$; /* ; */ SELECT 2',
    ];
    for (const sql of cases)
      for (const max of [1, 2, 3])
        expect([sql, max, countStatements(sql, 0, sql.length, max)]).toEqual([
          sql,
          max,
          Math.min(max, splitSql(sql).length),
        ]);
  });
});
