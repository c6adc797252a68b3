/**
 * Drizzle Kit (`drizzle-kit generate` / `drizzle-kit migrate`, or drizzle-orm's
 * `migrate()`): `<out>/<NNNN>_<name>.sql` plus `<out>/meta/_journal.json`. The
 * migrator applies exactly the journal entries, in journal order, reading
 * `<tag>.sql` and cutting it at `--> statement-breakpoint` (drizzle-orm
 * migrator.js `readMigrationFiles`); a .sql file missing from the journal never
 * runs. Drizzle Kit 1.x writes one folder per migration instead
 * (`<out>/<timestamp>_<name>/migration.sql` next to `snapshot.json`), applied in
 * folder-name order.
 *
 * Transactions: PgDialect.migrate wraps ALL pending migrations of a run in ONE
 * transaction (`session.transaction(async (tx) => { for (const migration of
 * migrations) … })` in drizzle-orm/pg-core/dialect), so nothing in a Drizzle
 * migration can run outside a transaction: CREATE INDEX CONCURRENTLY always
 * fails there (drizzle-team/drizzle-orm#860).
 */
import path from 'node:path';
import { existsSync, globFiles, readText, subdirs } from '../fsutil.js';
import { codepointCompare, naturalCompare } from '../order.js';
import type { FileInfo, Framework } from '../types.js';

const journalPath = (dir: string) => path.join(dir, 'meta', '_journal.json');
const isV1Folder = (d: string) =>
  existsSync(path.join(d, 'migration.sql')) && existsSync(path.join(d, 'snapshot.json'));

export function readJournal(root: string): string[] | undefined {
  const src = readText(journalPath(root));
  if (!src) return undefined;
  try {
    const j = JSON.parse(src);
    return Array.isArray(j.entries) ? j.entries.map((e: { tag: string }) => String(e.tag)) : [];
  } catch {
    return undefined;
  }
}

export const drizzle: Framework = {
  name: 'drizzle',
  pattern: '<NNNN>_<name>.sql with meta/_journal.json',
  detect(dir, files) {
    if (files) return existsSync(journalPath(dir)) || files.some((f) => isV1Folder(path.dirname(f)));
    return existsSync(journalPath(dir)) || subdirs(dir).some((d) => isV1Folder(path.join(dir, d)));
  },
  root(dir) {
    return isV1Folder(dir) ? path.dirname(dir) : dir;
  },
  async find(root) {
    if (existsSync(journalPath(root))) return globFiles(root, '*.sql');
    return globFiles(root, '*/migration.sql');
  },
  prepare(root) {
    const tags = readJournal(root);
    return { tags, index: new Map((tags ?? []).map((t, i) => [t, i])) };
  },
  order(files, { info }) {
    const key = (f: string) =>
      path.basename(f) === 'migration.sql' ? path.basename(path.dirname(f)) : path.basename(f, '.sql');
    return [...files].sort((a, b) => {
      const ia = info.index.get(key(a)) ?? Infinity;
      const ib = info.index.get(key(b)) ?? Infinity;
      if (ia !== ib) return ia - ib;
      return info.tags ? naturalCompare(key(a), key(b)) : codepointCompare(key(a), key(b));
    });
  },
  describe(abs, _source, { info }): FileInfo {
    const folder = path.basename(abs) === 'migration.sql';
    const tag = folder ? path.basename(path.dirname(abs)) : path.basename(abs, '.sql');
    if (!folder && info.tags && !info.index.has(tag))
      return { skip: 'not listed in meta/_journal.json, so Drizzle never runs it' };
    const version = /^(\d+)/.exec(tag)?.[1];
    return {
      ...(version ? { version } : {}),
      transaction: 'wrapped',
      note: 'Drizzle applies all pending migrations in one transaction',
    };
  },
};
