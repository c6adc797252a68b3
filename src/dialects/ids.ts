/**
 * What the command line and the Action need to know about the dialects before any of them is loaded: their
 * ids (option choices, messages) and the reading of `--pg-version`. Apart from the registry
 * (src/dialects/index.ts), which loads every dialect with its parser glue and rules, so that `zerodown --version`,
 * `--help` and a usage error read none of them. The registry checks that it knows exactly these ids
 * (test/dialects/registry.test.ts).
 */
export const DIALECT_IDS: readonly string[] = ['postgres', 'mysql', 'mariadb'];

/**
 * The reading of a target PostgreSQL version (`--pg-version`, the Action's `pg-version`, the config's
 * `pgVersion`): `15`, `15.4` or `13.0`, a major version from 9 to 19; undefined when `text` is not one.
 */
export { parsePgVersion } from './postgres/version.js';
