/**
 * Diesel (diesel_migrations / `diesel migration run`): `migrations/<version>_<name>/up.sql`
 * with `down.sql` (never linted) and an optional `metadata.toml`. The version is
 * the folder name before the first `_` with dashes removed
 * (`2019-02-26-002946_create_user` → `20190226002946`), and migrations run in
 * version order as strings.
 *
 * Transactions (docs.diesel.rs, MigrationMetadata::run_in_transaction): "By
 * default each migration is executed in a own transaction, but certain
 * operations (like creating an index on an existing column) requires running
 * the migration without transaction" — `run_in_transaction = false` in
 * metadata.toml. The SQL is run with `batch_execute`, one query string, so a
 * multi-statement up.sql is still one implicit transaction in PostgreSQL.
 */
import path from 'node:path';
import { existsSync, globFiles, readText, subdirs } from '../fsutil.js';
import { codepointCompare } from '../order.js';
import type { FileInfo, Framework } from '../types.js';

export const dieselVersion = (folder: string) => folder.split('_')[0]!.replace(/-/g, '');

export const diesel: Framework = {
  name: 'diesel',
  pattern: '<version>_<name>/up.sql',
  detect(dir, files) {
    if (files) return files.some((f) => path.basename(f) === 'up.sql');
    return subdirs(dir).some((d) => existsSync(path.join(dir, d, 'up.sql')));
  },
  root(dir) {
    return existsSync(path.join(dir, 'up.sql')) ? path.dirname(dir) : dir;
  },
  find(root) {
    return globFiles(root, '*/up.sql');
  },
  order(files) {
    const folder = (f: string) => path.basename(path.dirname(f));
    return [...files].sort(
      (a, b) =>
        codepointCompare(dieselVersion(folder(a)), dieselVersion(folder(b))) || codepointCompare(folder(a), folder(b)),
    );
  },
  describe(abs): FileInfo {
    const name = path.basename(abs);
    if (name !== 'up.sql') return { skip: name === 'down.sql' ? 'a down migration' : 'Diesel only runs up.sql' };
    const folder = path.basename(path.dirname(abs));
    const version = dieselVersion(folder);
    const meta = readText(path.join(path.dirname(abs), 'metadata.toml')) ?? '';
    return /^\s*run_in_transaction\s*=\s*false\b/m.test(meta)
      ? {
          version,
          transaction: 'script',
          note: 'run_in_transaction = false: Diesel sends up.sql as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction',
        }
      : { version, transaction: 'wrapped', note: 'Diesel runs each migration in a transaction' };
  },
};
