#!/usr/bin/env node
// Calibrates the estimate model (src/estimate/model.ts, docs/estimates.md) on a real PostgreSQL: for tables
// of known size it runs each kind of statement for real, times it, and compares with what
// `zerodown dry-run --stats` (what `lint --stats --dry-run` puts on findings) estimates for the same statement (embedded PGlite shadow, and the same
// server as a URL shadow). Run by hand; prints a table and the median ratio per kind, which is the engine
// factor to put in ENGINE_FACTOR (multiply it into the factor the run used, shown in the basis).
//
//   node scripts/calibrate-estimates.mjs [--url postgres://…] [--dist DIR] [--sizes 10000,100000,1000000]
//   node scripts/calibrate-estimates.mjs --url mysql://root@127.0.0.1:3306/test [--dialect mysql] [--sizes …] [--kinds backfill,…]
//
// With a mysql:// or mariadb:// URL it calibrates MySQL/MariaDB instead (docs/estimates.md, "MySQL and MariaDB"):
// the same server is the URL shadow (there is no embedded engine), the factor goes in ENGINE_FACTOR.mysql. DDL
// cannot be rolled back there, so each real ALTER or CREATE INDEX runs on a fresh copy of the table
// (`CREATE TABLE … LIKE` + `INSERT … SELECT`, dropped after); the UPDATE runs in a transaction rolled back.
//
// Everything it creates lives in the schema `zerodown_calibrate` and the database's public tables
// `zd_cal_*`, dropped at the end. The machine's load changes the numbers: the script prints the load
// average with them, and each real statement runs right after its estimate (same-run comparisons).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { benchUrl, builtCli, opt } from './bench-lib.mjs';

const url = benchUrl();
const sizes = (opt('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
const tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-calibrate-'));
const cli = builtCli(tmp);
const isMysql = /^(mysql|mariadb):/.test(url);
/** `--kinds rewrite,backfill`: only these kinds of work */
const only = (kinds) => {
  const names = opt('--kinds')?.split(',');
  return names ? kinds.filter((k) => names.includes(k.work)) : kinds;
};

/** the kind of work, the statement on table `{T}` (its index named `{I}`), and whether it cannot run in a transaction */
const KINDS = [
  { work: 'rewrite', sql: 'ALTER TABLE {T} ADD COLUMN c text DEFAULT md5(random()::text)' },
  { work: 'scan', sql: 'ALTER TABLE {T} ADD CONSTRAINT {T}_v_check CHECK (v > 0)' },
  { work: 'index', sql: 'CREATE INDEX {I} ON {T} (v)' },
  { work: 'index-concurrently', sql: 'CREATE INDEX CONCURRENTLY {I} ON {T} (v)', outside: true },
  { work: 'backfill', sql: 'UPDATE {T} SET v = v + 1' },
];

const rows = [];

/** `zerodown dry-run --stats --format json` of `file` in `dir`: the first statement's estimate, if any. */
function estimateOf(dir, file, statsFile, extra) {
  let out;
  try {
    out = execFileSync(
      process.execPath,
      [cli, 'dry-run', '--format', 'json', '--stats', statsFile, '--no-cache', ...extra, path.join(dir, file)],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
    );
  } catch (err) {
    out = err.stdout; // a statement failed: exit 1
  }
  return JSON.parse(String(out)).statements.find((x) => x.estimate)?.estimate;
}

async function calibratePg() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const n of sizes) {
      const T = `zd_cal_${n}`;
      await client.query(`DROP TABLE IF EXISTS ${T}`);
      await client.query(`CREATE TABLE ${T} (id bigserial PRIMARY KEY, v int, t text)`);
      await client.query(`INSERT INTO ${T} (v, t) SELECT g, md5(g::text) FROM generate_series(1, ${n}) g`);
      await client.query(`VACUUM ANALYZE ${T}`);
      const statsFile = path.join(tmp, 'stats.json');
      execFileSync(process.execPath, [cli, 'stats', 'export', '--url', url, '-o', statsFile], { stdio: 'pipe' });
      for (const k of only(KINDS)) {
        const sql = k.sql.replaceAll('{T}', T).replaceAll('{I}', `${T}_v_idx`);
        const dir = path.join(tmp, `${T}-${k.work}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(
          path.join(dir, '001_create.sql'),
          `CREATE TABLE ${T} (id bigserial PRIMARY KEY, v int, t text);\n`,
        );
        writeFileSync(path.join(dir, '002_change.sql'), `${sql};\n`);
        const est = {};
        for (const [engine, extra] of [
          ['pglite', []],
          ['server', ['--shadow-url', url]],
        ]) {
          est[engine] = estimateOf(dir, '002_change.sql', statsFile, extra);
        }
        // the real statement on the server, timed, rolled back (or dropped) after; twice, the faster kept
        let real = Infinity;
        for (let round = 0; round < 2; round++) {
          if (!k.outside) await client.query('BEGIN');
          const t0 = performance.now();
          await client.query(sql);
          real = Math.min(real, (performance.now() - t0) / 1000);
          if (k.outside) await client.query(`DROP INDEX ${T}_v_idx`);
          else await client.query('ROLLBACK');
        }
        const row = {
          work: k.work,
          rows: n,
          real,
          pglite: est.pglite?.seconds,
          server: est.server?.seconds,
          basis: est.pglite?.basis,
          load: loadavg()[0],
        };
        rows.push(row);
        console.log(
          `${k.work.padEnd(18)} ${String(n).padStart(8)} rows  real ${real.toFixed(3).padStart(7)} s  ` +
            `PGlite est ${fmt(row.pglite)} (×${ratio(real, row.pglite)})  URL-shadow est ${fmt(row.server)} (×${ratio(real, row.server)})  load ${row.load.toFixed(1)}` +
            // PGlite's reference build against its time at calibration (docs/estimates.md, "Speed of the shadow")
            `  ${/shadow speed ×[\d.]+ \(reference build [\d.]+ ms/.exec(row.basis ?? '')?.[0] ?? ''}`,
        );
      }
      await client.query(`DROP TABLE IF EXISTS ${T}`);
    }
  } finally {
    await client.end();
  }
  summary(KINDS, ['pglite', 'server']);
}

/**
 * MySQL/MariaDB: the kinds of work whose time grows with the table, on InnoDB. `rewrite` is a copying ALTER
 * (ALGORITHM=COPY, LOCK=SHARED: a type change), `rebuild` an in-place rebuild (ALGORITHM=INPLACE, LOCK=NONE:
 * FORCE), `index` an in-place index build, `backfill` an unbatched UPDATE.
 */
const MYSQL_KINDS = [
  { work: 'rewrite', sql: 'ALTER TABLE {T} MODIFY v bigint' },
  { work: 'rebuild', sql: 'ALTER TABLE {T} FORCE' },
  { work: 'index', sql: 'CREATE INDEX {I} ON {T} (v)' },
  { work: 'backfill', sql: 'UPDATE {T} SET v = v + 1', dml: true },
];

async function calibrateMysql() {
  const dialect = opt('--dialect') ?? (url.startsWith('mariadb:') ? 'mariadb' : 'mysql');
  const u = new URL(url);
  const client = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1) || undefined,
  });
  const [[{ v: server }]] = await client.query('SELECT VERSION() AS v');
  try {
    for (const n of sizes) {
      const T = `zd_cal_${n}`;
      const shape = '(id bigint AUTO_INCREMENT PRIMARY KEY, v int, t varchar(64))';
      await client.query(`DROP TABLE IF EXISTS ${T}`);
      await client.query(`CREATE TABLE ${T} ${shape}`);
      // 0 … 10^k − 1 from k cross-joined digits (MySQL 8 and MariaDB 10.2+ have CTEs), the first n kept
      const k = Math.max(1, Math.ceil(Math.log10(n)));
      const digits = Array.from({ length: k }, (_, i) => `d d${i}`).join(' CROSS JOIN ');
      const num = Array.from({ length: k }, (_, i) => `d${i}.x * ${10 ** i}`).join(' + ');
      await client.query(
        `INSERT INTO ${T} (v, t) WITH d AS (SELECT 0 x UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
           UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)
         SELECT n, md5(n) FROM (SELECT ${num} AS n FROM ${digits}) g WHERE n < ${n}`,
      );
      await client.query(`ANALYZE TABLE ${T}`);
      const statsFile = path.join(tmp, 'stats.json');
      execFileSync(process.execPath, [cli, 'stats', 'export', '--url', url, '-o', statsFile], { stdio: 'pipe' });
      for (const kind of only(MYSQL_KINDS)) {
        const sql = (t) => kind.sql.replaceAll('{T}', t).replaceAll('{I}', `${t}_v_idx`);
        const dir = path.join(tmp, `${T}-${kind.work}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, '001_create.sql'), `CREATE TABLE ${T} ${shape};\n`);
        writeFileSync(path.join(dir, '002_change.sql'), `${sql(T)};\n`);
        const est = estimateOf(dir, '002_change.sql', statsFile, ['--dialect', dialect, '--shadow-url', url]);
        // the real statement, twice, the faster kept: DDL on a fresh copy of the table, the UPDATE rolled back
        let real = Infinity;
        for (let round = 0; round < 2; round++) {
          if (kind.dml) {
            await client.query('START TRANSACTION');
            const t0 = performance.now();
            await client.query(sql(T));
            real = Math.min(real, (performance.now() - t0) / 1000);
            await client.query('ROLLBACK');
            continue;
          }
          const C = `${T}_copy`;
          await client.query(`DROP TABLE IF EXISTS ${C}`);
          await client.query(`CREATE TABLE ${C} LIKE ${T}`);
          await client.query(`INSERT INTO ${C} SELECT * FROM ${T}`);
          const t0 = performance.now();
          await client.query(sql(C));
          real = Math.min(real, (performance.now() - t0) / 1000);
          await client.query(`DROP TABLE ${C}`);
        }
        const row = { work: kind.work, rows: n, real, mysql: est?.seconds, basis: est?.basis, load: loadavg()[0] };
        rows.push(row);
        console.log(
          `${kind.work.padEnd(10)} ${String(n).padStart(8)} rows  real ${real.toFixed(3).padStart(7)} s  ` +
            `${server} URL-shadow est ${fmt(row.mysql)} (×${ratio(real, row.mysql)})  load ${row.load.toFixed(1)}  ${est?.lock ?? ''}`,
        );
      }
      await client.query(`DROP TABLE IF EXISTS ${T}`);
    }
  } finally {
    await client.end();
  }
  summary(MYSQL_KINDS, ['mysql']);
}

/** Per kind and engine: the median and geometric mean of real / estimate (the factor), and the band (min–max). */
function summary(kinds, engines) {
  console.log('\nreal/estimate per kind (multiply the geometric mean into ENGINE_FACTOR), and the band (min–max):');
  for (const k of kinds) {
    for (const engine of engines) {
      const r = rows
        .filter((x) => x.work === k.work && x[engine])
        .map((x) => x.real / x[engine])
        .sort((a, b) => a - b);
      if (!r.length) continue;
      const geo = Math.exp(r.reduce((a, x) => a + Math.log(x), 0) / r.length);
      console.log(
        `  ${k.work.padEnd(18)} ${engine.padEnd(6)} median ×${r[Math.floor(r.length / 2)].toFixed(2)}  geomean ×${geo.toFixed(2)}  band ×${r[0].toFixed(2)}–×${r.at(-1).toFixed(2)}`,
      );
    }
  }
}

function fmt(s) {
  return s === undefined ? '      —' : `${s.toFixed(3).padStart(7)} s`;
}
function ratio(real, est) {
  return est ? (real / est).toFixed(2) : '—';
}

// last: the kinds above are initialised by now
try {
  if (isMysql) await calibrateMysql();
  else await calibratePg();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
