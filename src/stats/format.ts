/**
 * The production statistics file (`zerodown stats export --url … > stats.json`), version 1: table names
 * and numbers only, so a team can commit it or export it on a schedule and CI never needs production
 * access. Documented in docs/estimates.md; `STATS_SCHEMA` (src/stats/load.ts, with the reader, which loads ajv: only
 * a run given --stats loads it) is its JSON Schema, checked on load.
 *
 *   {"zerodownStats": 1, "dialect": "postgres", "server": "PostgreSQL 16.4", "exportedAt": "2026-…Z",
 *    "tables": [{"table": "public.orders", "rows": 52000000, "tableBytes": …, "indexBytes": …,
 *                "totalBytes": …, "deadRows": …, "lastAnalyze": "2026-…Z" | null, "writesPerSecond": …,
 *                "indexes": [{"name": "public.orders_pkey", "bytes": …}]}]}
 */

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
