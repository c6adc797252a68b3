/**
 * `zerodown stats export --url mysql://…` (or mariadb://): table sizes from a MySQL or MariaDB server's
 * `information_schema.TABLES` (TABLE_ROWS, DATA_LENGTH, INDEX_LENGTH) and, where the account may read it,
 * the time InnoDB last computed the table's persistent statistics (`mysql.innodb_table_stats.last_update`,
 * this dialect's "last analyze"). Only the URL's database when it names one, else every user database. Read in
 * a READ ONLY transaction: nothing is ever written.
 */
import type mysql from 'mysql2/promise';
import { displayConnection, registerSecretUrl } from '../../secrets.js';
import { UsageError } from '../../errors.js';
import { STATS_VERSION, type StatsFile, type TableStats } from '../../stats/format.js';
import { connect, parseMysqlUrl } from './shadow/connect.js';

const TABLES = `
SELECT TABLE_SCHEMA AS s, TABLE_NAME AS n, COALESCE(TABLE_ROWS, 0) AS r_, COALESCE(DATA_LENGTH, 0) AS d,
       COALESCE(INDEX_LENGTH, 0) AS i
  FROM information_schema.TABLES
 WHERE TABLE_TYPE = 'BASE TABLE'
   AND TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
   AND (? IS NULL OR TABLE_SCHEMA = ?)
 ORDER BY 1, 2`;

const ANALYZED = `
SELECT database_name AS s, table_name AS n, DATE_FORMAT(CONVERT_TZ(last_update, @@session.time_zone, '+00:00'), '%Y-%m-%dT%H:%i:%sZ') AS t
  FROM mysql.innodb_table_stats`;

/** Reads the stats of every user table on the server at `url`. */
export async function exportMysqlStats(url: string): Promise<StatsFile> {
  registerSecretUrl(url);
  let login: ReturnType<typeof parseMysqlUrl>;
  try {
    login = parseMysqlUrl(url);
  } catch (err) {
    throw new UsageError((err as Error).message.replace('--shadow-url', '--url'));
  }
  let conn: mysql.Connection;
  try {
    conn = await connect(login, login.database);
  } catch (err) {
    throw new UsageError(`cannot connect to ${displayConnection(url)}: ${(err as Error).message}`);
  }
  try {
    await conn.query('START TRANSACTION READ ONLY');
    const [[version]] = (await conn.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]];
    // the URL's database only, when it names one (the tables the migrations run on)
    const only = login.database ?? null;
    const [tables] = (await conn.query(TABLES, [only, only])) as unknown as [
      { s: string; n: string; r_: string; d: string; i: string }[],
    ];
    const analyzed = new Map<string, string>();
    try {
      const [rows] = (await conn.query(ANALYZED)) as unknown as [{ s: string; n: string; t: string | null }[]];
      for (const r of rows) if (r.t) analyzed.set(`${r.s}.${r.n}`, r.t);
    } catch {
      // the account may not read mysql.*: every table is then "never analysed" as far as the file can say
    }
    await conn.query('ROLLBACK');
    const v = version?.v ?? '';
    const maria = /mariadb/i.test(v);
    return {
      zerodownStats: STATS_VERSION,
      dialect: maria ? 'mariadb' : 'mysql',
      server: `${maria ? 'MariaDB' : 'MySQL'} ${v.split('-')[0]}`,
      exportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      tables: tables.map((t): TableStats => {
        const d = Number(t.d);
        const i = Number(t.i);
        return {
          table: `${t.s}.${t.n}`,
          rows: Number(t.r_),
          tableBytes: d,
          indexBytes: i,
          totalBytes: d + i,
          lastAnalyze: analyzed.get(`${t.s}.${t.n}`) ?? null,
        };
      }),
    };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`reading stats from ${displayConnection(url)} failed: ${(err as Error).message}`);
  } finally {
    await conn.end().catch(() => {});
  }
}
