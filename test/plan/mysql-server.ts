/**
 * Plan tests on the real MySQL/MariaDB at ZERODOWN_TEST_MYSQL_URL: a throwaway database per test,
 * scripts run the way the mysql client runs them (DELIMITER lines change the statement end), or
 * by the mysql client itself when it is installed. Skipped, saying why, when the URL is unset.
 */
import { spawnSync } from 'node:child_process';
import mysql from 'mysql2/promise';

export const MYSQL_URL = process.env.ZERODOWN_TEST_MYSQL_URL;
export const SKIP_MSG = MYSQL_URL ? '' : ' (skipped: set ZERODOWN_TEST_MYSQL_URL)';

/** Splits a script the way the mysql client does for zerodown's phases: `DELIMITER x` lines, statements ending with the delimiter at a line end. */
export function clientSplit(script: string): string[] {
  const out: string[] = [];
  let delim = ';';
  let buf: string[] = [];
  for (const line of script.split('\n')) {
    const d = /^\s*DELIMITER\s+(\S+)\s*$/i.exec(line);
    if (d && !buf.join('').trim()) {
      delim = d[1]!;
      buf = [];
      continue;
    }
    buf.push(line);
    const text = buf.join('\n').trimEnd();
    if (text.endsWith(delim)) {
      const stmt = text.slice(0, -delim.length).trim();
      if (stmt && !/^(--[^\n]*\n?)*$/.test(stmt)) out.push(stmt);
      buf = [];
    }
  }
  const rest = buf.join('\n').trim();
  if (rest && !/^(--[^\n]*\n?)*$/.test(rest)) out.push(rest);
  return out;
}

export interface MyDb {
  name: string;
  /** runs a script statement by statement in one session (DELIMITER understood); returns each result */
  run(script: string): Promise<unknown[]>;
  /** rows of one query */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** runs a script with the mysql command-line client, when installed; false when it is not */
  cli(script: string): boolean;
  drop(): Promise<void>;
}

export async function throwawayMyDb(prefix: string): Promise<MyDb> {
  const admin = await mysql.createConnection(MYSQL_URL!);
  const name = `zd_${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE \`${name}\``);
  await admin.end();
  const u = new URL(MYSQL_URL!);
  u.pathname = `/${name}`;
  const conn = await mysql.createConnection({ uri: u.toString() });
  return {
    name,
    async run(script) {
      const results: unknown[] = [];
      for (const stmt of clientSplit(script)) {
        const [r] = await conn.query(stmt);
        results.push(r);
      }
      return results;
    },
    async query(sql, params) {
      const [rows] = await conn.query(sql, params);
      return rows as never;
    },
    cli(script) {
      const which = spawnSync('mysql', ['--version']);
      if (which.status !== 0) return false;
      const args = [
        '-h',
        u.hostname || '127.0.0.1',
        '-P',
        u.port || '3306',
        '-u',
        decodeURIComponent(u.username),
        name,
      ];
      const env = { ...process.env, ...(u.password ? { MYSQL_PWD: decodeURIComponent(u.password) } : {}) };
      const r = spawnSync('mysql', args, { input: script, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`mysql client failed: ${r.stderr}`);
      return true;
    },
    async drop() {
      await conn.end();
      const a = await mysql.createConnection(MYSQL_URL!);
      try {
        await a.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await a.end();
      }
    },
  };
}
