/**
 * Settings resolved once per run, from the command line (or the Action's inputs),
 * the config file and the dialect's defaults, then handed to every stage: lint,
 * plan, the proof and the dry run all see the same target version.
 */
import type { Config, FailOn } from '../config.js';
import { ruleSettings } from '../config.js';
import type { Dialect } from '../dialect.js';
import type { RuleSetting } from '../engine/lint.js';
import { DEFAULT_DIALECT, dialectFor } from '../dialects/index.js';
import { UsageError } from '../errors.js';
import { ESTIMATE_DEFAULTS, type EstimateSettings } from '../estimate/apply.js';

/** What the front end was given; undefined falls back to the config, then to the dialect's default. */
export interface GivenSettings {
  dialect?: string;
  /** `--pg-version` / the Action's `pg-version`, read as a PostgreSQL version */
  pgVersion?: number;
  /** `--mysql-version` / the Action's `mysql-version`, as written (read by the MySQL or MariaDB dialect) */
  mysqlVersion?: string;
  /** the dialect the migrations look written in, when neither the front end nor the config names one */
  detected?: { dialect: string; reason: string };
  assumeInTransaction?: boolean;
  failOn?: FailOn;
}

export interface Settings {
  dialect: Dialect;
  /** where the dialect came from, and why when detected (for "dialect: MySQL 8.0 (detected: Prisma provider)") */
  dialectSource: { from: 'given' | 'config' | 'detected' | 'default'; reason?: string };
  /** target version of the dialect (PostgreSQL: major; MySQL/MariaDB: major*10000+minor*100+patch): given, else the config's, else `Dialect.defaultVersion` */
  pgVersion: number;
  /** treat every file as run in a transaction by the migration tool */
  assumeInTransaction: boolean;
  failOn: FailOn;
  /** per-rule severities and options from the config */
  rules: Record<string, RuleSetting>;
  ruleOptions: Record<string, Record<string, unknown>>;
  /** the config's `plan` section (timeouts, batch size, backfill expressions) */
  plan: NonNullable<Config['plan']>;
  /** `--stats`: the size thresholds (config `estimates`, else src/estimate/apply.ts defaults) */
  estimates: EstimateSettings;
}

/** `MySQL 8.0.46`, `MariaDB 10.11`, `PostgreSQL 15`: the target as people write it */
export function targetText(settings: Pick<Settings, 'dialect' | 'pgVersion'>): string {
  const d = settings.dialect;
  return `${d.name} ${d.versionText ? d.versionText(settings.pgVersion) : String(settings.pgVersion)}`;
}

/** the example versions a usage message names, by dialect */
const EXAMPLES: Record<string, string> = { mysql: '5.7, 8.0.35 or 8.4', mariadb: '10.6, 10.11 or 11.4' };

export function resolveSettings(given: GivenSettings, config: Config): Settings {
  const source: Settings['dialectSource'] = given.dialect
    ? { from: 'given' }
    : config.dialect
      ? { from: 'config' }
      : given.detected
        ? { from: 'detected', reason: given.detected.reason }
        : { from: 'default' };
  const dialect = dialectFor(given.dialect ?? config.dialect ?? given.detected?.dialect ?? DEFAULT_DIALECT);
  return {
    dialect,
    dialectSource: source,
    pgVersion: targetVersion(dialect, given, config),
    assumeInTransaction: !!(given.assumeInTransaction ?? config.assumeInTransaction),
    failOn: given.failOn ?? config.failOn ?? 'error',
    ...ruleSettings(config),
    plan: config.plan ?? {},
    estimates: { ...ESTIMATE_DEFAULTS, ...config.estimates },
  };
}

/** The target version for `dialect`; a version option meant for another dialect is a usage error that says which to use. */
function targetVersion(dialect: Dialect, given: GivenSettings, config: Config): number {
  const mysqlLike = !!dialect.parseVersion;
  if (!mysqlLike) {
    if (given.mysqlVersion !== undefined)
      throw new UsageError(`--mysql-version is for --dialect mysql or mariadb; for ${dialect.name} use --pg-version`);
    if (config.mysqlVersion !== undefined)
      throw new UsageError(
        `the config's "mysqlVersion" is for dialect mysql or mariadb; for ${dialect.name} use "pgVersion"`,
      );
    return given.pgVersion ?? config.pgVersion ?? dialect.defaultVersion;
  }
  if (given.pgVersion !== undefined)
    throw new UsageError(
      `--pg-version is for PostgreSQL; for ${dialect.name} use --mysql-version (e.g. ${EXAMPLES[dialect.id] ?? '8.0.35'})`,
    );
  if (config.pgVersion !== undefined)
    throw new UsageError(
      `the config's "pgVersion" is for PostgreSQL; for ${dialect.name} use "mysqlVersion" (e.g. ${EXAMPLES[dialect.id] ?? '8.0.35'})`,
    );
  const read = (text: string, what: string): number => {
    const v = dialect.parseVersion!(text);
    if (v === undefined)
      throw new UsageError(
        `${what} must be a ${dialect.name} version such as ${EXAMPLES[dialect.id] ?? '8.0.35'} (got "${text}")`,
      );
    return v;
  };
  if (given.mysqlVersion !== undefined) return read(given.mysqlVersion, '--mysql-version');
  if (config.mysqlVersion !== undefined) return read(String(config.mysqlVersion), 'the config\'s "mysqlVersion"');
  return dialect.defaultVersion;
}

/** What discovery takes from a run's options, config and settings (src/discover/index.ts `DiscoverOptions`). */
export function discoveryOptions(
  given: { framework?: string; history?: boolean },
  config: Config,
  settings: Settings,
  cwd: string,
) {
  return {
    cwd,
    framework: given.framework ?? config.framework,
    dialect: settings.dialect.id,
    history: given.history !== false,
    pgVersion: settings.pgVersion,
  };
}
