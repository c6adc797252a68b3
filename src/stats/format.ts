/**
 * The production statistics file (`zerodown stats export --url … > stats.json`), version 1: table names
 * and numbers only, so a team can commit it or export it on a schedule and CI never needs production
 * access. Documented in docs/estimates.md; `STATS_SCHEMA` is its JSON Schema, checked on load.
 *
 *   {"zerodownStats": 1, "dialect": "postgres", "server": "PostgreSQL 16.4", "exportedAt": "2026-…Z",
 *    "tables": [{"table": "public.orders", "rows": 52000000, "tableBytes": …, "indexBytes": …,
 *                "totalBytes": …, "deadRows": …, "lastAnalyze": "2026-…Z" | null, "writesPerSecond": …,
 *                "indexes": [{"name": "public.orders_pkey", "bytes": …}]}]}
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { UsageError } from '../errors.js';

export const STATS_VERSION = 1;

export interface IndexStats {
  /** `schema.index` */
  name: string;
  bytes: number;
}

export interface TableStats {
  /** `schema.table` */
  table: string;
  /** estimated live rows (PostgreSQL `reltuples`, or `n_live_tup` when the table was never analysed; MySQL `TABLE_ROWS`) */
  rows: number;
  /** heap size in bytes (PostgreSQL `relpages` × block size; MySQL `DATA_LENGTH`) */
  tableBytes: number;
  /** all indexes together, bytes */
  indexBytes: number;
  /** table, indexes and TOAST (PostgreSQL `pg_total_relation_size`) */
  totalBytes: number;
  /** dead rows (`n_dead_tup`), when the server keeps them */
  deadRows?: number;
  /** the last ANALYZE, manual or automatic (ISO 8601); null when never analysed */
  lastAnalyze: string | null;
  /** inserts + updates + deletes per second since the server's statistics were reset, when known */
  writesPerSecond?: number;
  indexes?: IndexStats[];
}

export interface StatsFile {
  zerodownStats: typeof STATS_VERSION;
  /** `postgres`, `mysql` or `mariadb` */
  dialect: string;
  /** the server's version as it reports it, e.g. `PostgreSQL 16.4` */
  server: string;
  /** when the export ran (ISO 8601) */
  exportedAt: string;
  tables: TableStats[];
}

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

/** How a table's statistics can be used: `fresh`, `stale` (analysed too long ago, or never), or `missing`. */
export type StatsState =
  | { state: 'fresh'; stats: TableStats; ageDays: number }
  | { state: 'stale'; stats: TableStats; why: string }
  | { state: 'missing'; why: string };

const DAY_MS = 86_400_000;

/** The table `table` names: `schema.table` as written; a bare name in `public`, else the one schema (MySQL: database) holding it. */
function findTable(stats: StatsFile, table: string): TableStats | TableStats[] | undefined {
  const exact = stats.tables.find((x) => x.table === table);
  if (exact || table.includes('.')) return exact;
  const named = stats.tables.filter((x) => x.table.endsWith(`.${table}`));
  return named.find((x) => x.table === `public.${table}`) ?? (named.length > 1 ? named : named[0]);
}

/**
 * The statistics of `table` (`schema.table`, or a bare name: see `findTable`), judged by the age of its
 * last ANALYZE at `now` against `maxAgeDays`.
 */
export function tableStats(stats: StatsFile, table: string, maxAgeDays: number, now = Date.now()): StatsState {
  const found = findTable(stats, table);
  if (Array.isArray(found))
    return {
      state: 'missing',
      why: `${table} is ambiguous in the stats (${found.map((x) => x.table).join(', ')}): export only the database the migrations run on`,
    };
  if (!found) return { state: 'missing', why: `no stats for ${table}` };
  const t = found;
  const key = t.table;
  if (t.lastAnalyze === null)
    return { state: 'stale', stats: t, why: `${key} was never analysed: its row count is a guess` };
  const ageDays = (now - Date.parse(t.lastAnalyze)) / DAY_MS;
  if (ageDays > maxAgeDays)
    return {
      state: 'stale',
      stats: t,
      why: `the stats of ${key} are ${Math.floor(ageDays)} days old (last analyze ${t.lastAnalyze.slice(0, 10)}; limit ${maxAgeDays} days)`,
    };
  return { state: 'fresh', stats: t, ageDays };
}
