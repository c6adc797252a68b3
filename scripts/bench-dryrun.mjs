#!/usr/bin/env node
// `npm run bench:dryrun`: a full `zerodown dry-run` of LemmyNet/lemmy (342 files of history,
// laid out as the Diesel project it is: migrations/<version>_<name>/up.sql) plus one new
// migration, through the built CLI as a user runs it, on the embedded PGlite shadow and on
// a real PostgreSQL in the same run. Prints the median wall time of each and the phase
// split the dry run reports, and checks that every history file the server accepts is
// also accepted by PGlite.
//
//   node scripts/bench-dryrun.mjs [--url postgres://…] [--dist DIR]
//   BENCH_RUNS=5 node scripts/bench-dryrun.mjs
//
// PGlite runs are timed cold (--no-cache: boot from the shipped data directory, replay,
// seed, run) and warm (second run with the same history: boots the cached state).
// The CLI is built fresh into a temp directory unless --dist names a built dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { benchUrl, builtCli, root } from './bench-lib.mjs';

const url = benchUrl();
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const corpus = path.resolve(root, process.env.ZERODOWN_CORPUS ?? '../shared/corpus', 'postgres', 'LemmyNet__lemmy');
if (!existsSync(corpus)) {
  console.error(`bench-dryrun: ${corpus} not found (set ZERODOWN_CORPUS)`);
  process.exit(2);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-bench-dryrun-'));
try {
  const cli = builtCli(tmp);

  // the project: Diesel layout, history + one new migration
  const project = path.join(tmp, 'lemmy');
  const files = readdirSync(corpus).filter((f) => f.endsWith('__up.sql'));
  for (const f of files) {
    const dir = path.join(project, 'migrations', f.slice(0, -'__up.sql'.length));
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(corpus, f), path.join(dir, 'up.sql'));
  }
  const review = path.join('migrations', '2099-01-01-000000_zerodown_bench', 'up.sql');
  mkdirSync(path.join(project, path.dirname(review)), { recursive: true });
  writeFileSync(
    path.join(project, review),
    [
      'ALTER TABLE person ADD COLUMN bench_score float8 DEFAULT random();',
      'CREATE INDEX idx_post_bench_name ON post (name);',
      'ALTER TABLE comment ADD COLUMN bench_flag boolean NOT NULL DEFAULT false;',
      'UPDATE comment SET bench_flag = true WHERE id % 2 = 0;',
      '',
    ].join('\n'),
  );

  const cache = path.join(tmp, 'cache');
  const dryRun = (extra, env = {}) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'dry-run', review, '--format', 'json', ...extra], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1', ...env },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const wall = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`dry-run failed (exit ${r.status}):\n${r.stderr}`);
    return { wall, json: JSON.parse(r.stdout) };
  };

  const variants = [
    { name: 'pglite (cold)', run: () => dryRun(['--no-cache']) },
    { name: 'pglite (warm cache)', run: () => dryRun([], { ZERODOWN_CACHE_DIR: cache }), prime: true },
    { name: 'postgresql', run: () => dryRun(['--shadow-url', url]) },
  ];
  const results = [];
  for (const v of variants) {
    if (v.prime) v.run();
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(v.run());
    samples.sort((a, b) => a.wall - b.wall);
    results.push({ name: v.name, median: samples[Math.floor(samples.length / 2)], samples });
  }

  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `zerodown dry-run: LemmyNet/lemmy, ${files.length} history files + 1 new migration (${runs} runs each, median)`,
  );
  console.log(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log('');
  console.log('| shadow | engine | wall | boot | history | seed | run | history failures |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const j = r.median.json;
    const t = j.timings;
    console.log(
      `| ${r.name} | ${j.engine} | ${s(r.median.wall)} | ${s(t.bootMs)} | ${s(t.historyMs)} | ${s(t.seedMs)} | ${s(t.runMs)} | ${j.history.failures.length} |`,
    );
  }
  const cold = results[0];
  const server = results[2];
  console.log('');
  console.log(
    `embedded (cold) target < 4 s wall: ${cold.median.wall < 4000 ? 'met' : 'MISSED'} (${s(cold.median.wall)}; warm ${s(results[1].median.wall)})`,
  );
  const failed = (r) => new Set(r.median.json.history.failures.map((f) => f.path));
  const pgliteOnly = [...failed(cold)].filter((p) => !failed(server).has(p));
  console.log(
    pgliteOnly.length
      ? `history files the server accepts but PGlite rejects: ${pgliteOnly.join(', ')}`
      : `every history file the server accepts is accepted by PGlite (server failures: ${[...failed(server)].length}, explained in scripts/corpus-parity.mjs)`,
  );
  const stmts = cold.median.json.statements;
  console.log(
    `new migration on PGlite: ${stmts.map((x) => `line ${x.line} ${x.error ? `error ${x.error.code}` : `${x.durationMs} ms`}`).join(', ')}`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
