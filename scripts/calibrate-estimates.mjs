#!/usr/bin/env node
// Calibrates the estimate model (src/estimate/model.ts, docs/estimates.md) on a real PostgreSQL: for tables
// of known size it runs each kind of statement for real, times it, and compares with what
// `zerodown dry-run --stats` (what `lint --stats --dry-run` puts on findings) estimates for the same statement (embedded PGlite shadow, and the same
// server as a URL shadow). Run by hand; prints a table and the median ratio per kind, which is the engine
// factor to put in ENGINE_FACTOR (multiply it into the factor the run used, shown in the basis).
//
//   node scripts/calibrate-estimates.mjs [--url postgres://…] [--dist DIR] [--sizes 10000,100000,1000000]
//
// Everything it creates lives in the schema `zerodown_calibrate` and the database's public tables
// `zd_cal_*`, dropped at the end. The machine's load changes the numbers: the script prints the load
// average with them, and each real statement runs right after its estimate (same-run comparisons).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchUrl, builtCli, opt } from './bench-lib.mjs';

const url = benchUrl();
const sizes = (opt('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
const tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-calibrate-'));
const cli = builtCli(tmp);

/** the kind of work, the statement on table `{T}` (its index named `{I}`), and whether it cannot run in a transaction */
const KINDS = [
  { work: 'rewrite', sql: 'ALTER TABLE {T} ADD COLUMN c text DEFAULT md5(random()::text)' },
  { work: 'scan', sql: 'ALTER TABLE {T} ADD CONSTRAINT {T}_v_check CHECK (v > 0)' },
  { work: 'index', sql: 'CREATE INDEX {I} ON {T} (v)' },
  { work: 'index-concurrently', sql: 'CREATE INDEX CONCURRENTLY {I} ON {T} (v)', outside: true },
  { work: 'backfill', sql: 'UPDATE {T} SET v = v + 1' },
];

const client = new pg.Client({ connectionString: url });
await client.connect();
const rows = [];
try {
  for (const n of sizes) {
    const T = `zd_cal_${n}`;
    await client.query(`DROP TABLE IF EXISTS ${T}`);
    await client.query(`CREATE TABLE ${T} (id bigserial PRIMARY KEY, v int, t text)`);
    await client.query(`INSERT INTO ${T} (v, t) SELECT g, md5(g::text) FROM generate_series(1, ${n}) g`);
    await client.query(`VACUUM ANALYZE ${T}`);
    const statsFile = path.join(tmp, 'stats.json');
    execFileSync(process.execPath, [cli, 'stats', 'export', '--url', url, '-o', statsFile], { stdio: 'pipe' });
    for (const k of KINDS) {
      const sql = k.sql.replaceAll('{T}', T).replaceAll('{I}', `${T}_v_idx`);
      const dir = path.join(tmp, `${T}-${k.work}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '001_create.sql'), `CREATE TABLE ${T} (id bigserial PRIMARY KEY, v int, t text);\n`);
      writeFileSync(path.join(dir, '002_change.sql'), `${sql};\n`);
      const est = {};
      for (const [engine, extra] of [
        ['pglite', []],
        ['server', ['--shadow-url', url]],
      ]) {
        let out;
        try {
          out = execFileSync(
            process.execPath,
            [
              cli,
              'dry-run',
              '--format',
              'json',
              '--stats',
              statsFile,
              '--no-cache',
              ...extra,
              path.join(dir, '002_change.sql'),
            ],
            { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
          );
        } catch (err) {
          out = err.stdout; // a statement failed: exit 1
        }
        const report = JSON.parse(String(out));
        est[engine] = report.statements.find((x) => x.estimate)?.estimate;
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
          `PGlite est ${fmt(row.pglite)} (×${ratio(real, row.pglite)})  URL-shadow est ${fmt(row.server)} (×${ratio(real, row.server)})  load ${row.load.toFixed(1)}`,
      );
    }
    await client.query(`DROP TABLE IF EXISTS ${T}`);
  }
} finally {
  await client.end();
  rmSync(tmp, { recursive: true, force: true });
}

console.log('\nmedian real/estimate per kind (the factor to multiply into ENGINE_FACTOR), and the band (min–max):');
for (const k of KINDS) {
  for (const engine of ['pglite', 'server']) {
    const r = rows
      .filter((x) => x.work === k.work && x[engine])
      .map((x) => x.real / x[engine])
      .sort((a, b) => a - b);
    if (!r.length) continue;
    console.log(
      `  ${k.work.padEnd(18)} ${engine.padEnd(6)} median ×${r[Math.floor(r.length / 2)].toFixed(2)}  band ×${r[0].toFixed(2)}–×${r.at(-1).toFixed(2)}`,
    );
  }
}

function fmt(s) {
  return s === undefined ? '      —' : `${s.toFixed(3).padStart(7)} s`;
}
function ratio(real, est) {
  return est ? (real / est).toFixed(2) : '—';
}
