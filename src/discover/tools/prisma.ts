/**
 * Prisma Migrate: `prisma/migrations/<timestamp>_<name>/migration.sql`, with
 * `migration_lock.toml` next to the folders. `prisma migrate deploy` applies the
 * folders in name order (plain string order of the folder names).
 *
 * Transactions (PostgreSQL), verified against prisma-engines:
 * - Up to Prisma 7.3 the schema engine sends the whole file as ONE simple query
 *   (`apply_migration_script` → `client.simple_query(script)` in
 *   schema-engine/.../flavour/postgres/connector/native/mod.rs). Prisma opens no
 *   transaction, but PostgreSQL runs a multi-statement simple query in one
 *   implicit transaction — hence the well-known rule "CREATE INDEX CONCURRENTLY
 *   must be the only statement of its migration" (prisma/prisma#14456, #22922).
 * - From Prisma 7.4 (prisma-engines PR #5767, "support CREATE INDEX CONCURRENTLY in
 *   migrations") the engine splits the script into statements
 *   (`split_script_into_statements`) and sends each on its own, in autocommit
 *   mode. When its SQL parser cannot split the script it falls back to one
 *   simple query; sqlparser ≤ 0.62 cannot parse `DROP INDEX CONCURRENTLY`
 *   (prisma-engines PR #5847), so such a file still runs as one implicit
 *   transaction.
 * The Prisma version comes from node_modules/prisma or package.json; when it is
 * unknown the current behaviour (7.4+) is assumed.
 */
import path from 'node:path';
import { existsSync, globFiles, npmPackageVersion, subdirs, versionAtLeast } from '../fsutil.js';
import { codepointCompare } from '../order.js';
import { simplify, splitSql } from '../sqlsplit.js';
import type { Framework } from '../types.js';

const hasMigrationFolders = (dir: string) =>
  subdirs(dir).some(
    (d) => existsSync(path.join(dir, d, 'migration.sql')) && !existsSync(path.join(dir, d, 'snapshot.json')),
  );

export const prisma: Framework = {
  name: 'prisma',
  pattern: '<timestamp>_<name>/migration.sql',
  detect(dir, files) {
    if (files) {
      return files.some(
        (f) => path.basename(f) === 'migration.sql' && !existsSync(path.join(path.dirname(f), 'snapshot.json')),
      );
    }
    return existsSync(path.join(dir, 'migration_lock.toml')) || hasMigrationFolders(dir);
  },
  root(dir) {
    return existsSync(path.join(dir, 'migration.sql')) ? path.dirname(dir) : dir;
  },
  find(root) {
    return globFiles(root, '*/migration.sql');
  },
  prepare(root) {
    const version = npmPackageVersion(root, 'prisma') ?? npmPackageVersion(root, '@prisma/client');
    return { version, splits: version === undefined || versionAtLeast(version, [7, 4, 0]) };
  },
  order(files) {
    return [...files].sort((a, b) => codepointCompare(path.basename(path.dirname(a)), path.basename(path.dirname(b))));
  },
  describe(abs, source, { info }) {
    const version = /^(\d+)/.exec(path.basename(path.dirname(abs)))?.[1];
    const base = version ? { version } : {};
    const which = info.version ? `Prisma ${info.version}` : 'Prisma 7.4+';
    if (!info.splits) {
      return {
        ...base,
        transaction: 'script',
        note: `${which} sends migration.sql as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction`,
      };
    }
    const stmts = splitSql(source);
    if (stmts.length > 1 && stmts.some((r) => /^DROP INDEX CONCURRENTLY\b/.test(simplify(source, r)))) {
      return {
        ...base,
        transaction: 'script',
        note: `${which} cannot split a script holding DROP INDEX CONCURRENTLY and sends it as one query string, which PostgreSQL runs in one implicit transaction`,
      };
    }
    return {
      ...base,
      transaction: 'none',
      note: `${which} runs each statement of migration.sql on its own, without a transaction`,
    };
  },
};
