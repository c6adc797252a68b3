/**
 * Config: `zerodown.config.json` or `.zerodown.yml` (also `.zerodown.yaml`) at the
 * repository root, validated with a JSON schema. An unknown key or a bad value
 * is an error that names the key.
 *
 * The JSON file may hold `//` and `/* *\/` comments (JSONC, as tsconfig.json and VS Code settings do), so
 * the file `zerodown init` writes can say what each setting does. strip-json-comments replaces each comment
 * with spaces (newlines kept), so every offset, line and column in an error still points into the file as written.
 *
 * This module is what every run loads: the config's shape, where the file is, and `loadConfig`. Reading and checking
 * a file (JSONC, YAML, the JSON schema through ajv, each rule's options) is src/config-file.ts, which `loadConfig`
 * loads only when there is a file: a run without a config never loads ajv or yaml (about 0.5 MB of JavaScript).
 */
import path from 'node:path';
import type { FailOn } from './errors.js';
import { probeKind } from './pipeline/rerun.js';

export type { FailOn } from './errors.js';
export type RuleLevel = 'off' | 'warning' | 'error';

export interface Config {
  paths?: string[];
  framework?: string;
  /** the SQL dialect of the migrations (default `postgres`); picks the parser, the catalog and the rules */
  dialect?: string;
  /** a major version; the file may also say `15.4` or `"15.4"` (see pg-version.ts) */
  pgVersion?: number;
  /** MySQL/MariaDB target version as written (`8.0.35`, `8.4`, `10.11`); read by the dialect when settings are resolved */
  mysqlVersion?: string;
  assumeInTransaction?: boolean;
  failOn?: FailOn;
  rules?: Record<string, RuleLevel | { severity?: RuleLevel; options?: Record<string, unknown> }>;
  plan?: {
    lockTimeout?: string;
    statementTimeout?: string;
    batchSize?: number;
    /** backfill expressions for new NOT NULL columns without a default, keyed `table.column` */
    backfill?: Record<string, string>;
  };
  dryRun?: {
    seedRows?: number;
    shadowUrl?: string;
    /** seconds a statement may run on the shadow before it is stopped (default 30) */
    shadowTimeout?: number;
  };
  /** `--stats`: how production sizes change severities (docs/estimates.md; defaults in src/estimate/apply.ts) */
  estimates?: {
    /** a lock that blocks reads or writes, estimated longer than this, is an error (default 5) */
    maxLockSeconds?: number;
    /** a size-scaled finding on a table under both minRows and minBytes is a note (defaults 10000 rows, 10 MB) */
    minRows?: number;
    minBytes?: number;
    /** stats whose table was last analysed longer ago than this are not used (default 30) */
    maxStatsAgeDays?: number;
  };
}

export const CONFIG_FILES = ['zerodown.config.json', '.zerodown.yml', '.zerodown.yaml'];

export { ConfigError } from './errors.js';

/**
 * Loads the config from `explicit`, or the first config file found in `dir`; `{ config: {} }` when there is none.
 * Throws `ConfigError` naming the file, line and key of what is wrong (src/config-file.ts).
 */
export async function loadConfig(dir: string, explicit?: string): Promise<{ config: Config; file?: string }> {
  const file = explicit
    ? path.resolve(dir, explicit)
    : CONFIG_FILES.map((f) => path.join(dir, f)).find((f) => probeKind(f) !== 'none');
  if (!file) return { config: {} };
  const { readConfigFile } = await import('./config-file.js');
  return { config: readConfigFile(dir, file), file };
}

/** Rule severities and options in the engine's form. */
export function ruleSettings(config: Config): {
  rules: Record<string, RuleLevel>;
  ruleOptions: Record<string, Record<string, unknown>>;
} {
  const rules: Record<string, RuleLevel> = {};
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const [id, v] of Object.entries(config.rules ?? {})) {
    if (typeof v === 'string') rules[id] = v;
    else {
      if (v.severity) rules[id] = v.severity;
      if (v.options) ruleOptions[id] = v.options;
    }
  }
  return { rules, ruleOptions };
}
