#!/usr/bin/env node
// `npm run bench:precommit` (part of `npm run bench`): how long the pre-commit hook's command takes,
// `zerodown lint --only-migrations <staged files>`, run as pre-commit runs it (one process, the staged file
// names as arguments, cwd = the repository), on two repositories rebuilt from the corpus in their tools'
// layouts with one new migration staged next to a non-migration SQL file:
//
//   documenso  Prisma, 163 migrations (prisma/migrations/<name>/migration.sql)   a typical application
//   lemmy      Diesel, 342 migrations, 0.6 MB (migrations/<name>/up.sql)          a long history
//
// The staged migration is linted with every earlier migration replayed as history. Prints the median wall time
// of BENCH_RUNS runs (default 7) after one warm-up run; the cached case also on Node 24 (bench-lib.mjs
// `ensureNode24`), where zerodown keeps WebAssembly on baseline code for the process (src/wasm-tier.ts).
//
//   node scripts/bench-precommit.mjs [--dist DIR]   (default: a fresh build of the sources in a temp directory)
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { builtCli, ensureNode24, opt, record, root } from './bench-lib.mjs';

const corpus = path.resolve(root, process.env.ZERODOWN_CORPUS ?? '../shared/corpus', 'postgres');
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));

const projects = [
  {
    name: 'documenso',
    tool: 'Prisma',
    from: 'documenso__documenso',
    suffix: '__migration.sql',
    place: (name) => `prisma/migrations/${name}/migration.sql`,
    extra: { 'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n' },
    staged: 'prisma/migrations/29990101000000_user_email_index/migration.sql',
    sql: 'CREATE INDEX "User_email_lower_idx" ON "User" (lower("email"));\n',
  },
  {
    name: 'lemmy',
    tool: 'Diesel',
    from: 'LemmyNet__lemmy',
    suffix: '__up.sql',
    place: (name) => `migrations/${name}/up.sql`,
    extra: {},
    staged: 'migrations/2999-01-01-000000_person_name_index/up.sql',
    sql: 'CREATE INDEX person_name_lower_idx ON person (lower(name));\n',
  },
];

function makeRepo(p) {
  const dir = mkdtempSync(path.join(tmpdir(), `zd-bench-precommit-${p.name}-`));
  const src = path.join(corpus, p.from);
  let n = 0;
  for (const f of readdirSync(src)) {
    if (!f.endsWith(p.suffix)) continue;
    const dest = path.join(dir, p.place(f.slice(0, -p.suffix.length)));
    mkdirSync(path.dirname(dest), { recursive: true });
    copyFileSync(path.join(src, f), dest);
    n++;
  }
  const files = {
    ...p.extra,
    [p.staged]: p.sql,
    // staged too, and not a migration: the hook must leave it alone
    'queries/cleanup.sql': 'DROP TABLE audit_log;\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return { dir, history: n };
}

// CPU time (user + system) through /usr/bin/time when it exists: on a shared machine it varies less than wall time
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

// the bench's own daemons (`--daemon`), stopped at the end: never the user's
const daemonDir = mkdtempSync(path.join(tmpdir(), 'zd-bench-precommit-daemon-'));
chmodSync(daemonDir, 0o700);
const envFor = (dir) => ({
  ...process.env,
  NO_COLOR: '1',
  ZERODOWN_CACHE_DIR: path.join(dir, '.cache'),
  ZERODOWN_DAEMON_DIR: daemonDir,
});

/** Runs `zerodown daemon <what>` under `node`; its exit code. */
const daemonCmd = (node, what) =>
  spawnSync(node, [cli, 'daemon', what], { encoding: 'utf8', env: envFor(daemonDir) }).status;

/** Waits until the daemon a `--daemon` run started in the background answers (up to 20 s). */
function waitForDaemon(node) {
  for (const t0 = Date.now(); Date.now() - t0 < 20_000;) {
    if (daemonCmd(node, 'status') === 0) return;
    spawnSync('sleep', ['0.1']);
  }
  throw new Error('bench-precommit: the daemon did not start');
}

// `cached`: the history's replayed schema comes from the cache the warm-up wrote (src/pipeline/history-cache.ts),
// as on every commit but the first after a history change, and the findings of a staged file seen before from
// src/pipeline/findings-cache.ts; otherwise --no-cache replays the history and lints the file
function once(dir, staged, cached = true, node = process.execPath, daemon = false) {
  const argv = [
    node,
    cli,
    'lint',
    ...(cached ? [] : ['--no-cache']),
    ...(daemon ? ['--daemon'] : []),
    '--only-migrations',
    staged,
    'queries/cleanup.sql',
  ];
  const cpuFile = path.join(dir, '.cpu');
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, ...argv], {
        cwd: dir,
        encoding: 'utf8',
        env: envFor(dir),
      })
    : spawnSync(argv[0], argv.slice(1), { cwd: dir, encoding: 'utf8', env: envFor(dir) });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = hasTime ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number) : [];
  return { ms, cpuMs: cpu.length === 2 ? (cpu[0] + cpu[1]) * 1000 : NaN, code: r.status, out: r.stdout + r.stderr };
}

if (!existsSync(corpus)) {
  console.log(`bench-precommit: no corpus at ${corpus} (set ZERODOWN_CORPUS); skipped`);
  process.exit(0);
}
const buildDir = mkdtempSync(path.join(tmpdir(), 'zd-bench-precommit-build-'));
const cli = builtCli(buildDir);
const node24 = ensureNode24();
console.log(`pre-commit hook command, ${opt('--dist') ? cli : 'a fresh build of the sources'}`);
console.log(`median of ${runs} runs after a warm-up, load average ${loadavg()[0].toFixed(2)}\n`);
console.log('| repository | history | wall (median) | min | max | CPU user+sys (median) | exit |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
const figures = {};
process.on('exit', () => {
  record('precommit', { runs, node24: node24?.version, ...figures });
  // the daemons first: `daemon stop` runs the build they came from, which goes last
  for (const node of [process.execPath, node24?.bin].filter(Boolean)) daemonCmd(node, 'stop');
  rmSync(daemonDir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});
for (const p of projects) {
  const { dir, history } = makeRepo(p);
  try {
    const warm = once(dir, p.staged);
    if (warm.code !== 1 || !warm.out.includes(path.basename(path.dirname(p.staged)))) {
      // the staged migration has a finding (CREATE INDEX without CONCURRENTLY): exit 1, and it is named
      console.error(`bench-precommit: unexpected result on ${p.name} (exit ${warm.code}):\n${warm.out.slice(0, 2000)}`);
      process.exitCode = 1;
      continue;
    }
    if (/cleanup\.sql/.test(warm.out)) {
      console.error(`bench-precommit: ${p.name}: queries/cleanup.sql was linted as a migration`);
      process.exitCode = 1;
    }
    // replayed: --no-cache; history cached: the staged file differs from every earlier run's (a comment with the
    // run's number), so its findings are not cached but the history's schema is, as on a new commit; nothing
    // changed: the same staged file again (a commit that failed and is retried), its findings cached
    // the last field names the figures for bench-summary.mjs (issue 15's row: a new migration, history cached)
    const modes = [
      ['history replayed (--no-cache)', false, true, 'NoCache'],
      ['history cached, staged file new', true, true, ''],
      ['nothing changed (findings cached)', true, false, 'Unchanged'],
      // the same hook on Node 24, the current LTS (src/wasm-tier.ts `baselineProcess` sets V8's baseline flags there)
      ...(node24
        ? [[`history cached, staged file new, on Node ${node24.version}`, true, true, 'Node24', node24.bin]]
        : []),
      // the hook with `--daemon`: the resident zerodown lints (src/daemon/), this process only asks it
      ['history cached, staged file new, `--daemon`', true, true, 'Daemon', undefined, true],
      ...(node24
        ? [
            [
              `history cached, staged file new, \`--daemon\`, on Node ${node24.version}`,
              true,
              true,
              'DaemonNode24',
              node24.bin,
              true,
            ],
          ]
        : []),
    ];
    let n = 0;
    for (const [how, cached, edit, key, node, daemon] of modes) {
      if (node) once(dir, p.staged, cached, node); // its own warm-up
      if (daemon) {
        // the first run starts the daemon (and lints in its own process); the timed ones are answered by it
        once(dir, p.staged, cached, node, true);
        waitForDaemon(node ?? process.execPath);
        once(dir, p.staged, cached, node, true);
      }
      const samples = Array.from({ length: runs }, () => {
        if (edit) writeFileSync(path.join(dir, p.staged), `${p.sql}-- edit ${++n}\n`);
        return once(dir, p.staged, cached, node, daemon);
      });
      writeFileSync(path.join(dir, p.staged), p.sql);
      const times = samples.map((x) => x.ms).sort((a, b) => a - b);
      const cpus = samples.map((x) => x.cpuMs).sort((a, b) => a - b);
      const f = (ms) => (Number.isNaN(ms) ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
      const mid = (xs) => xs[Math.floor(xs.length / 2)];
      console.log(
        `| ${p.name} (${p.tool}), ${how} | ${history} files | ${f(mid(times))} | ${f(times[0])} | ${f(times[times.length - 1])} | ${f(mid(cpus))} | ${samples[0].code} |`,
      );
      figures[`${p.name}${key}`] = { history, wall: mid(times) / 1000, cpu: mid(cpus) / 1000 };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
