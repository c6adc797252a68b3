/**
 * Settings resolved once per run, from the command line (or the Action's inputs),
 * the config file and the dialect's defaults, then handed to every stage: lint,
 * plan, the proof and the dry run all see the same target version.
 */
import type { Config, FailOn } from '../config.js';
import { ruleSettings } from '../config.js';
import type { Dialect } from '../dialect.js';
import type { RuleSetting } from '../engine/lint.js';
import { dialectFor } from '../dialects/index.js';

/** What the front end was given; undefined falls back to the config, then to the dialect's default. */
export interface GivenSettings {
  dialect?: string;
  pgVersion?: number;
  assumeInTransaction?: boolean;
  failOn?: FailOn;
}

export interface Settings {
  dialect: Dialect;
  /** target major version of the dialect: given, else the config's, else `Dialect.defaultVersion` */
  pgVersion: number;
  /** treat every file as run in a transaction by the migration tool */
  assumeInTransaction: boolean;
  failOn: FailOn;
  /** per-rule severities and options from the config */
  rules: Record<string, RuleSetting>;
  ruleOptions: Record<string, Record<string, unknown>>;
  /** the config's `plan` section (timeouts, batch size, backfill expressions) */
  plan: NonNullable<Config['plan']>;
}

export function resolveSettings(given: GivenSettings, config: Config): Settings {
  const dialect = dialectFor(given.dialect ?? config.dialect);
  return {
    dialect,
    pgVersion: given.pgVersion ?? config.pgVersion ?? dialect.defaultVersion,
    assumeInTransaction: !!(given.assumeInTransaction ?? config.assumeInTransaction),
    failOn: given.failOn ?? config.failOn ?? 'error',
    ...ruleSettings(config),
    plan: config.plan ?? {},
  };
}
