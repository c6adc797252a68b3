/**
 * Reading and checking `--stats FILE` (the format and its reading by table: src/stats/format.ts). Its own module
 * because the check loads ajv: only a run given a stats file loads it.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { UsageError } from '../errors.js';
import { STATS_VERSION, type StatsFile } from './format.js';

const count = { type: 'number', minimum: 0 } as const;

/** JSON Schema (draft-07) of the stats file, version 1. */
export const STATS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'zerodown production statistics, version 1',
  type: 'object',
  required: ['zerodownStats', 'dialect', 'server', 'exportedAt', 'tables'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    zerodownStats: { const: STATS_VERSION },
    dialect: { enum: ['postgres', 'mysql', 'mariadb'] },
    server: { type: 'string' },
    exportedAt: { type: 'string', format: 'date-time' },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['table', 'rows', 'tableBytes', 'indexBytes', 'totalBytes', 'lastAnalyze'],
        additionalProperties: false,
        properties: {
          table: { type: 'string', minLength: 1 },
          rows: count,
          tableBytes: count,
          indexBytes: count,
          totalBytes: count,
          deadRows: count,
          lastAnalyze: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
          writesPerSecond: count,
          indexes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'bytes'],
              additionalProperties: false,
              properties: { name: { type: 'string' }, bytes: count },
            },
          },
        },
      },
    },
  },
} as const;

let validate: ReturnType<Ajv['compile']> | undefined;

/** `tables[3].rows must be >= 0`: one error of the schema, in words that name the field. */
function problem(err: ErrorObject): string {
  const at =
    err.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '') || '(root)';
  switch (err.keyword) {
    case 'required':
      return `${at}: missing "${(err.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `${at}: unknown field "${(err.params as { additionalProperty: string }).additionalProperty}"`;
    case 'const':
      return `${at} is ${JSON.stringify(err.data)}, but this zerodown reads version ${STATS_VERSION}: export the stats again with this version (\`zerodown stats export --url …\`)`;
    default:
      return `${at} ${err.message ?? 'is invalid'} (got ${JSON.stringify(err.data)})`;
  }
}

/** Checks a parsed stats file against the schema; a `UsageError` naming the file and the field when it does not fit. */
export function validateStats(raw: unknown, file: string): StatsFile {
  validate ??= new Ajv({ allErrors: true, verbose: true, validateFormats: false }).compile(STATS_SCHEMA);
  if (!validate(raw)) {
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf');
    const version = errors.find((e) => e.keyword === 'const');
    const first = version ?? errors.find((e) => e.keyword === 'required') ?? errors[0]!;
    throw new UsageError(`${file}: not a zerodown stats file: ${problem(first)}`);
  }
  const stats = raw as StatsFile;
  for (const [i, t] of stats.tables.entries()) {
    if (t.lastAnalyze !== null && Number.isNaN(Date.parse(t.lastAnalyze)))
      throw new UsageError(`${file}: tables[${i}].lastAnalyze is not a date (got ${JSON.stringify(t.lastAnalyze)})`);
  }
  if (Number.isNaN(Date.parse(stats.exportedAt)))
    throw new UsageError(`${file}: exportedAt is not a date (got ${JSON.stringify(stats.exportedAt)})`);
  return stats;
}

/** Reads and checks `--stats FILE`. */
export function loadStatsFile(file: string): StatsFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --stats ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(
      `${file}: not JSON (${(err as Error).message}); write it with \`zerodown stats export --url … > ${file}\``,
    );
  }
  return validateStats(raw, file);
}
