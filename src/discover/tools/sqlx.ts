/**
 * SQLx (launchbadge/sqlx, `sqlx migrate run` / `sqlx::migrate!`):
 * `migrations/<version>_<description>.sql`, or reversible pairs
 * `<version>_<description>.up.sql` / `.down.sql`. The version is the integer
 * before the first `_` and migrations apply in version order
 * (sqlx-core/src/migrate/source.rs sorts by `version`).
 *
 * Transactions: each migration runs in a transaction unless the file's very
 * first bytes are `-- no-transaction` (`sql.starts_with("-- no-transaction")`).
 * Such a file is executed directly as one query string, so PostgreSQL still
 * runs a multi-statement no-transaction file in one implicit transaction: put a
 * CONCURRENTLY statement alone in its file.
 */
import path from 'node:path';
import { existsSync, findUp, globFiles, isDir, marker, readText, sqlNames } from '../fsutil.js';
import { byNumericPrefix } from '../order.js';
import type { FileInfo, Framework } from '../types.js';

/** A Rust project using sqlx above `dir`, or a file with the sqlx no-transaction directive. */
function looksLikeSqlx(dir: string, names: string[]): boolean {
  if (names.some((n) => marker(path.isAbsolute(n) ? n : path.join(dir, n), 'sqlx-no-transaction'))) return true;
  return !!findUp(
    dir,
    (d) =>
      existsSync(path.join(d, 'sqlx.toml')) ||
      isDir(path.join(d, '.sqlx')) ||
      /\bsqlx\b/.test(readText(path.join(d, 'Cargo.toml')) ?? ''),
    3,
  );
}

export const sqlx: Framework = {
  name: 'sqlx',
  pattern: '<version>_<description>.sql',
  detect(dir, files) {
    const names = sqlNames(dir, files);
    return names.some((n) => /^\d+_.*\.sql$/i.test(n)) && looksLikeSqlx(dir, files ?? names);
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
  describe(abs, source): FileInfo {
    const name = path.basename(abs);
    if (/\.down\.sql$/i.test(name)) return { skip: 'a down migration' };
    const version = /^(\d+)_/.exec(name)?.[1];
    if (!version) return { skip: 'sqlx only runs files named <version>_<description>.sql' };
    return source.startsWith('-- no-transaction')
      ? {
          version,
          transaction: 'script',
          note: 'sqlx sends a -- no-transaction file as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction',
        }
      : {
          version,
          transaction: 'wrapped',
          note: 'sqlx runs each migration in a transaction (no -- no-transaction first line)',
        };
  },
};
