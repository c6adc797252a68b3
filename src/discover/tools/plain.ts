/**
 * Plain SQL directory: every `.sql` file (recursively) except down migrations,
 * in natural version order (`2_x` before `10_x`, `V1.2` before `V1.10`). We do
 * not know the tool that runs them, so each file is taken as run statement by
 * statement (`psql -f` does that); an explicit BEGIN/COMMIT in the file is
 * still tracked by the engine.
 */
import path from 'node:path';
import { globFiles } from '../fsutil.js';
import { naturalCompare } from '../order.js';
import type { Framework } from '../types.js';

export const isDownFile = (f: string) => /(^|[._-])down\.sql$/i.test(path.basename(f));

export const plain: Framework = {
  name: 'plain',
  pattern: '**/*.sql',
  detect() {
    return true;
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, '**/*.sql');
  },
  // a file given on its own: its history is its own directory, not every .sql file below it
  siblings(root) {
    return globFiles(root, '*.sql');
  },
  order(files, { root }) {
    const rel = new Map(files.map((f) => [f, path.relative(root, f)]));
    return [...files].sort((a, b) => naturalCompare(rel.get(a)!, rel.get(b)!));
  },
  describe(abs) {
    if (isDownFile(abs)) return { skip: 'a down migration' };
    const version = /^(\d+)/.exec(path.basename(abs))?.[1];
    return { transaction: 'none', ...(version ? { version } : {}) };
  },
};
