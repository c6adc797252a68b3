/**
 * MySQL's and MariaDB's shadow (src/dialect.ts `DialectShadow`): a real server from
 * `--shadow-url mysql://…` or `mariadb://…`. There is no embedded engine: without a URL the lint
 * stays static, and `open` says how to give one.
 */
import type { DialectShadow } from '../../../dialect.js';
import { UsageError } from '../../../errors.js';
import { loadSchemaDump } from './dump.js';
import type { Flavor } from '../ast.js';
import { createMysqlProbes } from './probes.js';

/** The error `open` throws without a URL: MySQL has no embedded engine. */
export const NO_EMBEDDED_ENGINE =
  'MySQL and MariaDB have no embedded engine to dry-run on: give a server with --shadow-url mysql://user:password@host:3306/db ' +
  '(zerodown creates and drops its own throwaway database and user there). Without it the lint stays static.';

/** The shadow of the MySQL or the MariaDB dialect (the flavor its probes parse SQL text in). */
export function mysqlShadowFor(flavor: Flavor): DialectShadow {
  const probes = createMysqlProbes(flavor);
  return {
    async open(options) {
      if (!options.url) throw new UsageError(NO_EMBEDDED_ENGINE);
      // loaded on first use: linting never evaluates the mysql2 driver
      const { MysqlShadow } = await import('./server.js');
      return MysqlShadow.open(options.url, probes, {
        ...(options.allowSuperuser !== undefined ? { allowSuperuser: options.allowSuperuser } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      });
    },
    extensionsIn: () => [],
    loadSchemaDump,
    probes,
  };
}

/** The MySQL dialect's shadow. */
export const mysqlShadow: DialectShadow = mysqlShadowFor('mysql');
/** The MariaDB dialect's shadow. */
export const mariadbShadow: DialectShadow = mysqlShadowFor('mariadb');
