import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { discover } from '../../src/discover/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'zerodown-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('shows paths relative to the working directory, also for a sibling folder given as ../', async () => {
  mkdirSync(path.join(root, 'app', 'db'), { recursive: true });
  mkdirSync(path.join(root, 'work'));
  writeFileSync(path.join(root, 'app', 'db', '001_init.sql'), 'CREATE TABLE t (id int);\n');
  writeFileSync(path.join(root, 'app', 'db', '002_more.sql'), 'ALTER TABLE t ADD COLUMN c int;\n');
  const ms = await discover(['../app/db/002_more.sql'], { cwd: path.join(root, 'work') });
  expect(ms.map((m) => [m.path, m.review])).toEqual([
    ['../app/db/001_init.sql', false],
    ['../app/db/002_more.sql', true],
  ]);
  const inside = await discover(['db'], { cwd: path.join(root, 'app') });
  expect(inside.map((m) => m.path)).toEqual(['db/001_init.sql', 'db/002_more.sql']);
});
