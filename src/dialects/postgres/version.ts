/**
 * The one reading of a target PostgreSQL version, for the CLI's --pg-version, the
 * Action's `pg-version` input and the config's `pgVersion`: `15`, or a full version
 * such as `15.4` or `13.0` (its major part counts). `0x10`, `1e1`, `15.`, `v15` are
 * not versions, even though JavaScript's Number() reads some of them as numbers.
 */
export const PG_VERSION_MIN = 9;
/**
 * The target PostgreSQL major version when neither the command line, the Action nor the config
 * gives one: the one place it is written (`Dialect.defaultVersion`; DESIGN.md: `--pg-version`, default 15).
 */
export const DEFAULT_PG_VERSION = 15;
export const PG_VERSION_MAX = 19;

/** The major version, or undefined when `text` is not a version from 9 to 19. */
export function parsePgVersion(text: string): number | undefined {
  const m = /^(\d{1,2})(?:\.\d{1,4})?$/.exec(text.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  return major >= PG_VERSION_MIN && major <= PG_VERSION_MAX ? major : undefined;
}
