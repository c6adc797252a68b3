#!/usr/bin/env node
// `npm run bench:bigfile`: one 20 MB data migration (109,000 `INSERT INTO t (a, b, c) VALUES (…);`,
// one per line, the kind of seed file a pull request can carry) through the built CLI as a user
// runs it: `lint`, `dry-run` on the embedded PGlite and on a real PostgreSQL, and a `dry-run` of a
// small migration that has the 20 MB file in its history. Prints wall time and peak RSS of each
// (peak RSS from /usr/bin/time -v; without it, wall time only).
//
//   node scripts/bench-bigfile.mjs [--url postgres://…] [--dist DIR] [--before DIR]
//   BENCH_RUNS=3 node scripts/bench-bigfile.mjs      (default 1 run each: the file is big)
//
// The CLI is built fresh into a temp directory unless --dist names a built dist/. --before names
// another built dist/ (say, main's: `node scripts/build.mjs --outdir /tmp/before`) to time the same
// workloads with, printed before/after side by side, and whose findings must be the same.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { benchUrl, builtCli, opt } from './bench-lib.mjs';

const url = benchUrl();
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const STATEMENTS = 109_000;

const tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-bench-bigfile-'));
try {
  const cli = builtCli(tmp);

  // the project: a table, the 20 MB seed file, and one small migration after it
  const project = path.join(tmp, 'project');
  const dir = path.join(project, 'migrations');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, '001_create_t.sql'),
    'CREATE TABLE t (a bigint PRIMARY KEY, b text NOT NULL, c timestamptz);\n',
  );
  const lines = ['-- seed data', ''];
  for (let i = 1; i <= STATEMENTS; i++) {
    const a = 10_000_000 + i; // clear of the keys the dry run seeds
    lines.push(
      `INSERT INTO t (a, b, c) VALUES (${a}, 'customer ${i} ${'x'.repeat(42 + (i % 37))}', '2026-01-01 00:00:00+00'::timestamptz + interval '${i} seconds');`,
    );
  }
  const big = path.join(dir, '002_seed_t.sql');
  writeFileSync(big, lines.join('\n') + '\n');
  writeFileSync(path.join(dir, '003_add_index.sql'), 'CREATE INDEX CONCURRENTLY t_c_idx ON t (c);\n');
  const mb = statSync(big).size / 1e6;

  const beforeCli = opt('--before') ? path.join(path.resolve(opt('--before')), 'cli.js') : undefined;

  const timed = (label, cliArgs, bin = cli) => {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const argv = [bin, ...cliArgs];
      const t0 = performance.now();
      const r = hasTime
        ? spawnSync(TIME, ['-v', process.execPath, ...argv], { cwd: project, encoding: 'utf8', maxBuffer: 256 << 20 })
        : spawnSync(process.execPath, argv, { cwd: project, encoding: 'utf8', maxBuffer: 256 << 20 });
      const wall = (performance.now() - t0) / 1000;
      const err = r.stderr ?? '';
      const status = hasTime ? Number(/Exit status: (\d+)/.exec(err)?.[1]) : r.status;
      if ((status !== 0 && status !== 1) || !r.stdout)
        throw new Error(`${label} exited with ${status}${r.stdout ? '' : ' and no report'}:\n${err.slice(-2000)}`);
      const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1]) / 1024;
      const cpu =
        Number(/User time \(seconds\): ([\d.]+)/.exec(err)?.[1]) +
        Number(/System time \(seconds\): ([\d.]+)/.exec(err)?.[1]);
      samples.push({ wall, rss, cpu, out: r.stdout });
    }
    samples.sort((a, b) => a.wall - b.wall);
    return { label, ...samples[Math.floor(samples.length / 2)] };
  };

  console.log(`zerodown bench: one ${mb.toFixed(1)} MB migration of ${STATEMENTS.toLocaleString('en-US')} INSERTs`);
  console.log(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' ',
      )}, node ${process.version}${hasTime ? '' : ' (no /usr/bin/time: wall time only)'}; ${runs} run(s) each, median`,
  );
  const rel = path.relative(project, big);
  const workloads = [
    // --no-cache: each run lints the file (a second run would read the first's findings back)
    ['lint', ['lint', rel, '--format', 'json', '--no-cache']],
    ['dry-run, PGlite', ['dry-run', rel, '--format', 'json', '--no-cache']],
    ['dry-run, PostgreSQL', ['dry-run', rel, '--format', 'json', '--shadow-url', url]],
    [
      'dry-run of the next file (20 MB file in the history), PGlite',
      ['dry-run', path.join('migrations', '003_add_index.sql'), '--format', 'json', '--no-cache'],
    ],
  ];
  const measure = (bin) => {
    const results = workloads.map(([label, a]) => timed(label, a, bin));
    const lint = JSON.parse(results[0].out);
    if (lint.summary.statements !== STATEMENTS) throw new Error(`lint saw ${lint.summary.statements} statements`);
    for (const r of results.slice(1)) {
      const d = JSON.parse(r.out);
      const ran = d.files.reduce((n, f) => n + f.statements, 0);
      const failed = d.files.filter((f) => !f.ok).length + d.history.failures.length;
      if (failed) throw new Error(`${r.label}: ${failed} file(s) failed on the shadow`);
      r.note = `${d.engine}; ${ran.toLocaleString('en-US')} statement(s) traced in ${d.statements.length} row(s); history ${(d.timings.historyMs / 1000).toFixed(1)} s, run ${(d.timings.runMs / 1000).toFixed(1)} s`;
    }
    return results;
  };
  const results = measure(cli);
  const before = beforeCli ? measure(beforeCli) : undefined;
  /** what a run reports, without its timings: before and after must agree on it */
  const findingsOf = (out) =>
    JSON.stringify(JSON.parse(out), (k, v) => (/^(timings|durationMs|[a-z]+Ms)$/.test(k) ? undefined : v));
  const fmt = (r) =>
    `${r.wall.toFixed(1)} s | ${Number.isNaN(r.cpu) ? 'n/a' : `${r.cpu.toFixed(1)} s`} | ${Number.isNaN(r.rss) ? 'n/a' : `${r.rss.toFixed(0)} MB`}`;
  console.log('');
  if (before) {
    console.log('| workload | wall before | CPU before | peak RSS before | wall | CPU | peak RSS | same result | |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
    for (const [i, r] of results.entries()) {
      const same = findingsOf(before[i].out) === findingsOf(r.out);
      console.log(`| ${r.label} | ${fmt(before[i])} | ${fmt(r)} | ${same ? 'yes' : '**NO**'} | ${r.note ?? ''} |`);
    }
  } else {
    console.log('| workload | wall | CPU | peak RSS | |');
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const r of results) console.log(`| ${r.label} | ${fmt(r)} | ${r.note ?? ''} |`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
