/**
 * `zerodown stats export --url postgres://…`: table sizes and activity from a PostgreSQL server, read in
 * a READ ONLY transaction (nothing is ever written), as a stats file (src/stats/format.ts). Only table
 * names and numbers leave the server: `pg_class` (reltuples), the size functions, `pg_stat_user_tables`
 * (live and dead rows, last analyze, write counts) and `pg_stat_database.stats_reset` (for write rates).
 */
import { pgClient } from './pg-driver.js';
import { displayConnection, registerSecretUrl } from '../../secrets.js';
import { UsageError } from '../../errors.js';
import { STATS_VERSION, type StatsFile, type TableStats } from '../../stats/format.js';

const TABLES = `
SELECT n.nspname AS schema, c.relname AS name, c.oid::bigint AS oid,
       c.reltuples::float8 AS reltuples,
       pg_relation_size(c.oid)::float8 AS table_bytes,
       pg_indexes_size(c.oid)::float8 AS index_bytes,
       pg_total_relation_size(c.oid)::float8 AS total_bytes,
       s.n_live_tup::float8 AS live, s.n_dead_tup::float8 AS dead,
       to_char(greatest(s.last_analyze, s.last_autoanalyze) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS analyzed,
       (s.n_tup_ins + s.n_tup_upd + s.n_tup_del)::float8 AS writes
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
 WHERE c.relkind IN ('r', 'p', 'm')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp)'
 ORDER BY 1, 2`;

const INDEXES = `
SELECT x.indrelid::bigint AS table_oid, n.nspname AS schema, i.relname AS name, pg_relation_size(i.oid)::float8 AS bytes
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_namespace n ON n.oid = i.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'
 ORDER BY 2, 3`;

const RESET = `
SELECT extract(epoch FROM now() - stats_reset)::float8 AS seconds
  FROM pg_stat_database WHERE datname = current_database()`;

interface TableRow {
  schema: string;
  name: string;
  oid: string;
  reltuples: number;
  table_bytes: number;
  index_bytes: number;
  total_bytes: number;
  live: number | null;
  dead: number | null;
  analyzed: string | null;
  writes: number | null;
}

/** Reads the stats of every user table on the server at `url`. Never writes: one READ ONLY transaction. */
export async function exportPostgresStats(url: string): Promise<StatsFile> {
  registerSecretUrl(url);
  const client = await pgClient({ connectionString: url, statement_timeout: 60_000 });
  client.on('error', () => {}); // a dropped connection surfaces as the failed query below
  try {
    await client.connect();
  } catch (err) {
    throw new UsageError(`cannot connect to ${displayConnection(url)}: ${(err as Error).message}`);
  }
  try {
    await client.query('BEGIN READ ONLY');
    const server = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    const tables = (await client.query<TableRow>(TABLES)).rows;
    const indexes = (await client.query<{ table_oid: string; schema: string; name: string; bytes: number }>(INDEXES))
      .rows;
    const resetSeconds = (await client.query<{ seconds: number | null }>(RESET)).rows[0]?.seconds ?? null;
    await client.query('ROLLBACK');
    const byTable = new Map<string, { name: string; bytes: number }[]>();
    for (const i of indexes) {
      const list = byTable.get(i.table_oid) ?? [];
      list.push({ name: `${i.schema}.${i.name}`, bytes: i.bytes });
      byTable.set(i.table_oid, list);
    }
    return {
      zerodownStats: STATS_VERSION,
      dialect: 'postgres',
      server: `PostgreSQL ${server.split(' ')[0]}`,
      exportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      tables: tables.map((t): TableStats => {
        // reltuples is -1 (PostgreSQL 14+) or 0 on a table never analysed or vacuumed: the live count then
        const rows = t.reltuples > 0 ? t.reltuples : Math.max(0, t.live ?? 0);
        return {
          table: `${t.schema}.${t.name}`,
          rows: Math.round(rows),
          tableBytes: t.table_bytes,
          indexBytes: t.index_bytes,
          totalBytes: t.total_bytes,
          ...(t.dead !== null ? { deadRows: t.dead } : {}),
          lastAnalyze: t.analyzed,
          ...(t.writes !== null && resetSeconds && resetSeconds > 0
            ? { writesPerSecond: Math.round((t.writes / resetSeconds) * 1000) / 1000 }
            : {}),
          indexes: byTable.get(t.oid) ?? [],
        };
      }),
    };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`reading stats from ${displayConnection(url)} failed: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
