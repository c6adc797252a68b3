/**
 * golang-migrate: `<version>_<title>.up.sql` / `.down.sql` in one directory
 * (source/file driver). The version is the leading integer (uint64) and files
 * apply in numeric version order, so `9_x` runs before `10_x` even without
 * zero padding (ente-io/ente, flipt-io/flipt in the corpus rely on that).
 * Down files are never forward migrations.
 *
 * Transactions: the postgres driver sends the whole file in ONE Exec; it opens
 * no transaction of its own ("A transaction is used by the driver only when
 * setting the applied schema version number", golang-migrate#137). PostgreSQL
 * runs such a multi-statement string in one implicit transaction, which is why
 * a file with `CREATE INDEX CONCURRENTLY` next to another statement fails
 * (golang-migrate#284) and why PR #495 added `x-multi-statement=true` to split
 * files on `;`. Without that URL option (we cannot see it) a file with one
 * statement runs alone and a file with several runs as one transaction.
 */
import path from 'node:path';
import { globFiles, sqlNames } from '../fsutil.js';
import { byNumericPrefix } from '../order.js';
import type { Framework } from '../types.js';

export const golangMigrate: Framework = {
  name: 'golang-migrate',
  pattern: '<version>_<title>.up.sql',
  detect(dir, files) {
    return sqlNames(dir, files).some((f) => /\.up\.sql$/i.test(f));
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, '*.sql');
  },
  order(files) {
    return [...files].sort(byNumericPrefix((f) => path.basename(f)));
  },
  describe(abs) {
    const name = path.basename(abs);
    if (/\.down\.sql$/i.test(name)) return { skip: 'a down migration' };
    if (!/\.up\.sql$/i.test(name)) return { skip: 'golang-migrate only runs <version>_<title>.up.sql files' };
    const version = /^(\d+)/.exec(name)?.[1];
    return {
      ...(version ? { version } : {}),
      transaction: 'script',
      note: 'golang-migrate sends the file as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction',
    };
  },
};
