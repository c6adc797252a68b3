/**
 * MySQL's and MariaDB's shadow (src/dialect.ts `DialectShadow`): a real server from
 * `--shadow-url mysql://…` or `mariadb://…`. There is no embedded engine: without a URL the lint
 * stays static, and `open` says how to give one.
 */
import type { DialectShadow } from '../../../dialect.js';
import { UsageError } from '../../../errors.js';
import { loadSchemaDump } from './dump.js';
import { createMysqlProbes, type MysqlParser } from './probes.js';

export type { MysqlParser };

/** The error `open` throws without a URL: MySQL has no embedded engine. */
export const NO_EMBEDDED_ENGINE =
  'MySQL and MariaDB have no embedded engine to dry-run on: give a server with --shadow-url mysql://user:password@host:3306/db ' +
  '(zerodown creates and drops its own throwaway database and user there). Without it the lint stays static.';

/** The shadow of the MySQL/MariaDB dialect, over its parser. */
export function mysqlShadowFor(parser: MysqlParser): DialectShadow {
  const probes = createMysqlProbes(parser);
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
