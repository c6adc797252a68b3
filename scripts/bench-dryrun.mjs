#!/usr/bin/env node
// `npm run bench:dryrun`: a full `zerodown dry-run` of LemmyNet/lemmy (342 files of history,
// laid out as the Diesel project it is: migrations/<version>_<name>/up.sql) plus one new
// migration, through the built CLI as a user runs it, on the embedded PGlite shadow and on
// a real PostgreSQL in the same run, and the anchor: a native PostgreSQL replaying the same
// files through psql into a fresh database (on $ZERODOWN_TEST_PG_URL or --url; skipped with a
// message without one, or without psql). Prints the median wall time of each, the phase split
// the dry run reports, peak RSS, the ratio embedded/native, and checks that every history file
// the server accepts is also accepted by PGlite.
//
//   node scripts/bench-dryrun.mjs [--url postgres://…] [--dist DIR] [--before DIR]
//
// --before DIR: also times another build (say main's, `node scripts/build.mjs --outdir DIR`),
// in the same rounds, for an A/B comparison.
//   BENCH_RUNS=5 node scripts/bench-dryrun.mjs
//
// PGlite runs are timed cold (--no-cache: boot from the shipped data directory, replay,
// seed, run) and warm (second run with the same history: boots the cached state; the saved report of the same
// migration is dropped first, so the migration is traced, not reused).
// The PGlite rows are timed on Node 24 too (bench-lib.mjs `ensureNode24`: the Action's runtime), shown beside the
// judged rows of this machine's Node.
// The CLI is built fresh into a temp directory unless --dist names a built dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { benchUrl, builtCli, ensureNode24, opt, record, root } from './bench-lib.mjs';

const TIME = '/usr/bin/time';

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
  const cacheBefore = path.join(tmp, 'cache-before');
  // the same rows on Node 24 (the Action's runtime, where zerodown sets V8's baseline flags at run time): shown, not judged
  const node24 = ensureNode24();
  const cache24 = path.join(tmp, 'cache-node24');
  const beforeCli = opt('--before') ? path.join(path.resolve(opt('--before')), 'cli.js') : undefined;
  // peak RSS of the zerodown process (PGlite's worker thread included) from /usr/bin/time -v
  const hasTime = existsSync(TIME);
  const dryRun = (extra, env = {}, bin = cli, node = process.execPath) => {
    const argv = [bin, 'dry-run', review, '--format', 'json', ...extra];
    const t0 = performance.now();
    const r = spawnSync(hasTime ? TIME : node, hasTime ? ['-v', node, ...argv] : argv, {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1', ...env },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const wall = performance.now() - t0;
    const status = hasTime ? Number(/Exit status: (\d+)/.exec(r.stderr ?? '')?.[1]) : r.status;
    if (status !== 0 && status !== 1) throw new Error(`dry-run failed (exit ${status}):\n${r.stderr}`);
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '')?.[1]) / 1024;
    return { wall, rss, json: JSON.parse(r.stdout) };
  };

  // The anchor: a native PostgreSQL replaying the same files through psql into a fresh database.
  // One psql for all the files (`-f` each, in order), not one psql per file: 343 client start-ups
  // would add about a second to the anchor that is no server work at all. Autocommit and
  // ON_ERROR_STOP=0, as a person replaying the files by hand would, so a failing statement costs
  // what it costs and the replay goes on.
  const hasPsql = spawnSync('psql', ['--version'], { encoding: 'utf8' }).status === 0;
  const native =
    !process.env.ZERODOWN_TEST_PG_URL && !opt('--url')
      ? { skipped: 'ZERODOWN_TEST_PG_URL is not set (or pass --url)' }
      : !hasPsql
        ? { skipped: 'psql is not installed' }
        : {};
  const replayFiles = [
    ...files.map((f) => path.join(project, 'migrations', f.slice(0, -'__up.sql'.length), 'up.sql')),
    path.join(project, review),
  ];
  const nativeReplay = () => {
    const db = `zerodown_bench_native_${process.pid}`;
    const admin = (sql) => {
      const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`psql: ${r.stderr.trim()}`);
    };
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${db}`;
    admin(`DROP DATABASE IF EXISTS ${db}`);
    const t0 = performance.now();
    admin(`CREATE DATABASE ${db}`);
    const t1 = performance.now();
    try {
      const r = spawnSync(
        'psql',
        ['-X', '-q', '-v', 'ON_ERROR_STOP=0', '-d', dbUrl.href, ...replayFiles.flatMap((f) => ['-f', f])],
        { encoding: 'utf8', maxBuffer: 64 << 20 },
      );
      const t2 = performance.now();
      if (r.status !== 0 && r.status !== 3) throw new Error(`psql replay failed (exit ${r.status}): ${r.stderr}`);
      const errors = (r.stderr.match(/ERROR: /g) ?? []).length;
      return { wall: t2 - t1, createMs: t1 - t0, errors };
    } finally {
      admin(`DROP DATABASE IF EXISTS ${db}`);
    }
  };

  // the warm row times the replay cache: the saved history and seed booted, the migration traced. A run of the same
  // migration would reuse the whole saved report (its `.dryrun.json`) and trace nothing, so that is dropped first
  const traced = (dir) => {
    if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.dryrun.json')) rmSync(path.join(dir, f));
  };
  const variants = [
    { name: 'pglite (cold)', run: () => dryRun(['--no-cache']) },
    ...(beforeCli ? [{ name: 'pglite (cold), --before', run: () => dryRun(['--no-cache'], {}, beforeCli) }] : []),
    ...(native.skipped ? [] : [{ name: 'native psql replay', run: nativeReplay, native: true }]),
    {
      name: 'pglite (warm cache)',
      run: () => (traced(cache), dryRun([], { ZERODOWN_CACHE_DIR: cache })),
      prime: true,
    },
    ...(beforeCli
      ? [
          {
            name: 'pglite (warm cache), --before',
            run: () => (traced(cacheBefore), dryRun([], { ZERODOWN_CACHE_DIR: cacheBefore }, beforeCli)),
            prime: true,
          },
        ]
      : []),
    { name: 'postgresql', run: () => dryRun(['--shadow-url', url]) },
    ...(node24
      ? [
          { name: `pglite (cold), Node ${node24.version}`, run: () => dryRun(['--no-cache'], {}, cli, node24.bin) },
          {
            name: `pglite (warm cache), Node ${node24.version}`,
            run: () => (traced(cache24), dryRun([], { ZERODOWN_CACHE_DIR: cache24 }, cli, node24.bin)),
            prime: true,
          },
        ]
      : []),
  ];
  // rounds: each variant once per round, so that background load falls on all of them alike
  for (const v of variants) if (v.prime) v.run();
  const samples = variants.map(() => []);
  for (let i = 0; i < runs; i++) variants.forEach((v, k) => samples[k].push(v.run()));
  const results = variants.map((v, k) => {
    const xs = [...samples[k]].sort((a, b) => a.wall - b.wall);
    return { ...v, median: xs[Math.floor(xs.length / 2)], samples: xs };
  });
  const byName = (name) => results.find((r) => r.name === name);
  const medianOf = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (r) =>
    Number.isNaN(medianOf(r.samples.map((x) => x.rss)))
      ? 'n/a'
      : `${medianOf(r.samples.map((x) => x.rss)).toFixed(0)} MB`;
  console.log(
    `zerodown dry-run: LemmyNet/lemmy, ${files.length} history files + 1 new migration (${runs} runs each, median, run in rounds)`,
  );
  console.log(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}${hasTime ? '' : ' (no /usr/bin/time: no peak RSS)'}`,
  );
  console.log('');
  console.log('| shadow | engine | wall | boot | history | seed | run | peak RSS | seeded tables | history failures |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    if (r.native) {
      console.log(
        `| ${r.name} | psql | ${s(r.median.wall)} | (CREATE DATABASE ${s(r.median.createMs)}, not counted) | | | | | | ${r.median.errors} statement errors |`,
      );
      continue;
    }
    const j = r.median.json;
    const t = j.timings;
    console.log(
      `| ${r.name} | ${j.engine} | ${s(r.median.wall)} | ${s(t.bootMs)} | ${s(t.historyMs)} | ${s(t.seedMs)} | ${s(t.runMs)} | ${mb(r)} | ${j.seed.tables}${j.seed.of !== undefined ? ` of ${j.seed.of}` : ''} | ${j.history.failures.length} |`,
    );
  }
  const cold = results[0];
  const warm = byName('pglite (warm cache)');
  const server = byName('postgresql');
  console.log('');
  const anchor = byName('native psql replay');
  if (anchor) {
    const ratio = cold.median.wall / anchor.median.wall;
    // the ratio of each round, so that one noisy round does not decide it
    const rounds = cold.samples.length;
    const k = variants.findIndex((v) => v.native);
    const perRound = Array.from({ length: rounds }, (_, i) => samples[0][i].wall / samples[k][i].wall);
    console.log(
      `embedded (cold) / native psql replay: ${ratio.toFixed(2)}× (goal ≤ 0.75×: ${ratio <= 0.75 ? 'met' : 'MISSED'}; per round ${perRound.map((x) => x.toFixed(2)).join(', ')})`,
    );
  } else {
    console.log(`native psql replay: skipped: ${native.skipped}`);
  }
  console.log(
    `embedded (warm cache) goal ≤ 0.6 s: ${warm.median.wall <= 600 ? 'met' : 'MISSED'} (${s(warm.median.wall)}); peak RSS cold ${mb(cold)} (goal ≤ 300 MB), warm ${mb(warm)}`,
  );
  // for bench-summary.mjs (walls in seconds)
  const rssOf = (r) => medianOf(r.samples.map((x) => x.rss));
  const figures = (r) => ({ wall: r.median.wall / 1000, rssMB: rssOf(r) });
  record('dryrun', {
    runs,
    cold: figures(cold),
    warm: figures(warm),
    native: anchor ? { wall: anchor.median.wall / 1000 } : { skipped: native.skipped },
    ...(node24
      ? {
          node24: {
            version: node24.version,
            cold: figures(byName(`pglite (cold), Node ${node24.version}`)),
            warm: figures(byName(`pglite (warm cache), Node ${node24.version}`)),
          },
        }
      : {}),
  });
  const before = byName('pglite (cold), --before');
  if (before) {
    const rounds = cold.samples.length;
    console.log(
      `--before: cold ${s(before.median.wall)} → ${s(cold.median.wall)}, warm ${s(byName('pglite (warm cache), --before').median.wall)} → ${s(warm.median.wall)} (rounds alternate the two builds; ${rounds} each)`,
    );
  }
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
