/**
 * Reading and checking a config file (src/config.ts holds its shape and finds it; `loadConfig` loads this module
 * only when there is a file, so that a run without a config never loads ajv or yaml). JSON with comments or YAML,
 * validated with a JSON schema; an unknown key or a bad value is an error that names the key, with the file's
 * line and column where they are known; then each rule's options against the schema the rule declares.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import stripJsonComments from 'strip-json-comments';
import { isScalar, parseDocument } from 'yaml';
import { registerSecretUrl } from './secrets.js';
import { recordRead } from './pipeline/rerun.js';
import { LineIndex } from './parse/source.js';
import { DEFAULT_DIALECT, DIALECT_IDS, dialectFor, parsePgVersion } from './dialects/index.js';
import type { Config } from './config.js';
import { ConfigError } from './errors.js';
import { configLocator, validateRuleOptions } from './rules/options.js';

const level = { enum: ['off', 'warning', 'error'] };

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    paths: { type: 'array', items: { type: 'string', minLength: 1 } },
    framework: { type: 'string' },
    dialect: { enum: DIALECT_IDS },
    pgVersion: { anyOf: [{ type: 'number' }, { type: 'string' }] }, // then parsePgVersion in validateConfig
    mysqlVersion: { anyOf: [{ type: 'number' }, { type: 'string' }] }, // then the dialect's parseVersion in validateConfig
    assumeInTransaction: { type: 'boolean' },
    failOn: { enum: ['error', 'warning', 'never'] },
    rules: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          level,
          {
            type: 'object',
            additionalProperties: false,
            properties: { severity: level, options: { type: 'object' } },
          },
        ],
      },
    },
    plan: {
      type: 'object',
      additionalProperties: false,
      properties: {
        lockTimeout: { type: 'string', pattern: '^[0-9]+\\s*(ms|s|min)?$' },
        statementTimeout: { type: 'string', pattern: '^[0-9]+\\s*(ms|s|min|h)?$' },
        batchSize: { type: 'integer', minimum: 1, maximum: 1000000 },
        backfill: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      },
    },
    dryRun: {
      type: 'object',
      additionalProperties: false,
      properties: {
        seedRows: { type: 'integer', minimum: 0, maximum: 1000000 },
        shadowUrl: { type: 'string' },
        shadowTimeout: { type: 'number', exclusiveMinimum: 0, maximum: 86400 },
      },
    },
    estimates: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxLockSeconds: { type: 'number', exclusiveMinimum: 0 },
        minRows: { type: 'number', minimum: 0 },
        minBytes: { type: 'number', minimum: 0 },
        maxStatsAgeDays: { type: 'number', exclusiveMinimum: 0 },
      },
    },
  },
} as const;

let validator: ReturnType<Ajv['compile']> | undefined;

/** Dotted path of an ajv instance path: `/rules/ban-drop-column` → `rules.ban-drop-column`. */
function keyPath(instancePath: string): string {
  return instancePath
    .slice(1)
    .split('/')
    .filter((p) => p !== '')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function shown(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Small edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.includes(word) || word.includes(c) ? 1 : distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** The keys a schema object allows at an instance path, for "did you mean" on unknown keys. */
function allowedKeys(at: string): string[] {
  let node: any = configSchema;
  for (const part of at ? at.split('.') : []) {
    node = node?.properties?.[part];
  }
  return Object.keys(node?.properties ?? {});
}

function describe(err: ErrorObject): string {
  const at = keyPath(err.instancePath);
  if (err.keyword === 'additionalProperties') {
    const key = (err.params as { additionalProperty: string }).additionalProperty;
    const near = suggest(key, allowedKeys(at));
    return `unknown key "${at ? `${at}.` : ''}${key}"${near ? ` (did you mean "${near}"?)` : ''}`;
  }
  const got = 'data' in err ? ` (got ${shown(err.data)})` : '';
  if (err.keyword === 'enum') {
    const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return `"${at}" must be one of ${allowed}${got}`;
  }
  return `"${at || '(root)'}" ${err.message ?? 'is invalid'}${got}`;
}

/** Validates a parsed config object; throws `ConfigError` naming the offending key. */
export function validateConfig(raw: unknown, file = 'config'): Config {
  validator ??= new Ajv({ allErrors: true, verbose: true }).compile(configSchema);
  if (!validator(raw)) {
    const errors = validator.errors ?? [];
    // anyOf errors are noisy: prefer the most specific message
    const specific = errors.filter((e) => e.keyword !== 'anyOf');
    // ...and the deepest one: `rules.x.severity` says more than `rules.x`
    const deepest = [...specific].sort(
      (a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length,
    )[0];
    const first = specific.find((e) => e.keyword === 'additionalProperties') ?? deepest ?? errors[0]!;
    throw new ConfigError(`${file}: ${describe(first)}`);
  }
  const config = raw as Config;
  if (config.pgVersion !== undefined) {
    const major = parsePgVersion(String(config.pgVersion));
    if (major === undefined) throw new ConfigError(`${file}: ${PG_VERSION_RULE} (got ${shown(config.pgVersion)})`);
    config.pgVersion = major;
  }
  if (config.mysqlVersion !== undefined) {
    const text = String(config.mysqlVersion);
    const problem = mysqlVersionProblem(text, config);
    if (problem) throw new ConfigError(`${file}: ${problem} (got ${shown(config.mysqlVersion)})`);
    config.mysqlVersion = text;
  }
  if (config.pgVersion !== undefined && config.dialect && dialectFor(config.dialect).parseVersion)
    throw new ConfigError(
      `${file}: "pgVersion" is for PostgreSQL; with dialect "${config.dialect}" use "mysqlVersion"`,
    );
  const known = new Set(dialectFor(config.dialect ?? DEFAULT_DIALECT).rules.map((r) => r.meta.id));
  known.add('syntax-error');
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) {
      const near = suggest(id, known);
      throw new ConfigError(`${file}: unknown rule "rules.${id}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
  return config;
}

/** Reads and checks the config file `file` (absolute); messages name it relative to `dir`. Throws `ConfigError`. */
export function readConfigFile(dir: string, file: string): Config {
  let text: string;
  try {
    text = recordRead(file, () => readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`cannot read config ${file}: ${(err as Error).message}`);
  }
  const name = path.relative(dir, file) || file;
  const at = (offset: number) => {
    const { line, column } = new LineIndex(text).position(offset);
    return `${name}:${line}:${column}`;
  };
  let raw: unknown;
  // where a number was written for pgVersion, as written: 0x10 and 1e1 parse as numbers but are no versions
  let written: { source: string; offset: number } | undefined;
  // the same for mysqlVersion: `mysqlVersion: 10.10` must stay "10.10", not become 10.1
  let writtenMysql: { source: string; offset: number } | undefined;
  if (file.endsWith('.json')) {
    // comments become spaces: JSON.parse, the version scans and configLocator below read the same offsets
    text = stripJsonComments(text);
    try {
      raw = JSON.parse(text);
    } catch (err) {
      // V8 says "… in JSON at position 20": the position becomes line:column
      const msg = (err as Error).message.replace(/, ".*" is not valid JSON$/s, '');
      const pos = /^(.*) in JSON at position (\d+)/s.exec(msg);
      const where = pos ? at(Number(pos[2])) : /end of JSON input/.test(msg) ? at(text.length) : name;
      throw new ConfigError(`${where}: not valid JSON: ${pos ? pos[1] : msg}`);
    }
    const m = /"pgVersion"\s*:\s*(-?[0-9][0-9.eE+-]*)/.exec(text);
    if (m) written = { source: m[1]!, offset: m.index + m[0].length - m[1]!.length };
    const my = /"mysqlVersion"\s*:\s*(-?[0-9][0-9.eE+-]*)/.exec(text);
    if (my) writtenMysql = { source: my[1]!, offset: my.index + my[0].length - my[1]!.length };
  } else {
    const doc = parseDocument(text);
    const err = doc.errors[0];
    if (err) {
      const first = err.message
        .split('\n')[0]!
        .replace(/ at line \d+, column \d+:?$/, '')
        .trim();
      throw new ConfigError(
        `${err.linePos ? `${name}:${err.linePos[0].line}:${err.linePos[0].col}` : name}: not valid YAML: ${first}`,
      );
    }
    raw = doc.toJS();
    const node = doc.get('pgVersion', true);
    if (isScalar(node) && typeof node.value === 'number' && node.source !== undefined && node.range)
      written = { source: node.source, offset: node.range[0] };
    const my = doc.get('mysqlVersion', true);
    if (isScalar(my) && typeof my.value === 'number' && my.source !== undefined && my.range)
      writtenMysql = { source: my.source, offset: my.range[0] };
  }
  // the shadow URL may hold a password: redacted from every output from here on (src/secrets.ts)
  registerSecretUrl((raw as { dryRun?: { shadowUrl?: unknown } } | null)?.dryRun?.shadowUrl as string | undefined);
  if (written && parsePgVersion(written.source) === undefined)
    throw new ConfigError(`${at(written.offset)}: ${PG_VERSION_RULE} (got ${written.source})`);
  if (writtenMysql && raw && typeof raw === 'object') {
    const problem = mysqlVersionProblem(writtenMysql.source, raw as Config);
    if (problem) throw new ConfigError(`${at(writtenMysql.offset)}: ${problem} (got ${writtenMysql.source})`);
    (raw as Config).mysqlVersion = writtenMysql.source;
  }
  const config = validateConfig(raw ?? {}, name);
  // rules.<id>.options against the schema each rule declares (a rule that declares none takes none)
  const rules = dialectFor(config.dialect ?? DEFAULT_DIALECT).rules;
  const problems = validateRuleOptions(rules, config, { file: name, locate: configLocator(text, name) });
  if (problems.length) throw new ConfigError(problems[0]!.text);
  return config;
}

/**
 * What is wrong with a `mysqlVersion`, or undefined: with `dialect` mysql or mariadb it must be a
 * version of that server; without a dialect (it may be detected) a version of either.
 */
function mysqlVersionProblem(text: string, config: Config): string | undefined {
  const ids =
    typeof config.dialect === 'string' && DIALECT_IDS.includes(config.dialect)
      ? [config.dialect]
      : ['mysql', 'mariadb'];
  const readers = ids.map((id) => dialectFor(id)).filter((d) => d.parseVersion);
  if (!readers.length)
    return `"mysqlVersion" is for dialect mysql or mariadb; for ${dialectFor(config.dialect!).name} use "pgVersion"`;
  if (readers.some((d) => d.parseVersion!(text) !== undefined)) return undefined;
  return `"mysqlVersion" must be a ${readers.map((d) => d.name).join(' or ')} version, such as ${config.dialect === 'mariadb' ? '10.6, 10.11 or 11.4' : config.dialect === 'mysql' ? '5.7, 8.0.35 or 8.4' : '8.0.35 (MySQL) or 10.11 (MariaDB)'}`;
}

const PG_VERSION_RULE = '"pgVersion" must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4';
