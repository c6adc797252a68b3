/**
 * The real MariaDB/MySQL at ZERODOWN_TEST_MYSQL_URL (`.ci/run` sets it; MariaDB 10.11 here): a
 * throwaway database per test file. Tests that need it are skipped, saying why, when it is unset.
 */
import mysql from 'mysql2/promise';

export const MYSQL_URL = process.env.ZERODOWN_TEST_MYSQL_URL;

/** `' (skipped: set ZERODOWN_TEST_MYSQL_URL)'` when there is no server, for test titles */
export const SKIP_NOTE = MYSQL_URL ? '' : ' (skipped: set ZERODOWN_TEST_MYSQL_URL)';

export interface MyDb {
  name: string;
  conn: mysql.Connection;
  /** runs one statement; throws the server's error */
  exec(sql: string): Promise<unknown>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function throwawayMyDb(prefix: string): Promise<MyDb> {
  const conn = await mysql.createConnection({ uri: MYSQL_URL!, multipleStatements: false });
  const name = `zd_${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await conn.query(`CREATE DATABASE \`${name}\``);
  await conn.query(`USE \`${name}\``);
  return {
    name,
    conn,
    exec: (sql) => conn.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => (await conn.query(sql, params))[0] as T[],
    drop: async () => {
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
