/**
 * The MySQL/MariaDB shadow tests run against the server at ZERODOWN_TEST_MYSQL_URL (`.ci/run` sets
 * it to the local MariaDB 10.11). Without it they are skipped, and the suite's name says why.
 */
import mysql from 'mysql2/promise';

export const MYSQL_URL = process.env.ZERODOWN_TEST_MYSQL_URL;

/** `title`, with the reason when the suite is skipped. */
export const mysqlSuite = (title: string) =>
  MYSQL_URL ? `${title} [${MYSQL_URL.startsWith('mariadb') ? 'mariadb' : 'mysql'} server]` : `${title} (skipped: set ZERODOWN_TEST_MYSQL_URL)`;

/** An admin connection to the test server, as the URL's user (for checks from outside the shadow). */
export async function mysqlAdmin(): Promise<mysql.Connection> {
  const u = new URL(MYSQL_URL!);
  return mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    multipleStatements: false,
  });
}

/** Rows of a query on a connection. */
export async function rowsOf<T>(c: mysql.Connection, sql: string, params?: unknown[]): Promise<T[]> {
  const [rows] = await c.query(sql, params);
  return rows as T[];
}
