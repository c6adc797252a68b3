#!/usr/bin/env node
// `npm run bench`: lints the whole PostgreSQL corpus (../shared/corpus/postgres, or
// $ZERODOWN_CORPUS/postgres) in ONE process through the real CLI, and times squawk on the
// same files in the same run. Prints the median of several runs (wall time, CPU time, peak
// RSS, files/s, statements/s, MB/s) and the zerodown/squawk wall-time ratio.
//
//   npm run bench                 5 runs each (BENCH_RUNS=9 npm run bench for more)
//   npm run bench -- --profile    also one --cpu-prof run of zerodown, with the time per
//                                 source module (rules/*.ts, src/**) read from the bundle
//
// Both tools are timed as a user runs them: `node bin/zerodown.js lint <project dirs…>
// --format json` and `node_modules/.bin/squawk --reporter json <files…>` (the squawk-cli
// npm package: a Node launcher that runs squawk's native Rust binary). Runs alternate
// between the two tools so that background load hits both alike. Peak RSS and CPU time
// come from /usr/bin/time -v when it exists; without it only wall time is measured.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const corpus = path.resolve(root, process.env.ZERODOWN_CORPUS ?? '../shared/corpus', 'postgres');
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const profile = process.argv.includes('--profile');
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

if (!existsSync(corpus)) {
  console.error(`bench: corpus not found at ${corpus} (set ZERODOWN_CORPUS to the folder holding postgres/)`);
  process.exit(2);
}
const cli = path.join(root, 'bin', 'zerodown.js');
if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}
const squawk = path.join(root, 'node_modules', '.bin', 'squawk');

// ---- inputs -----------------------------------------------------------------------------
const projects = readdirSync(corpus)
  .filter((d) => statSync(path.join(corpus, d)).isDirectory())
  .sort()
  .map((d) => path.join(corpus, d));
const files = projects.flatMap((p) =>
  readdirSync(p)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => path.join(p, f)),
);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);

// ---- one timed run ----------------------------------------------------------------------
const outDir = mkdtempSync(path.join(tmpdir(), 'zerodown-bench-'));

function timed(cmd, args, label) {
  const out = path.join(outDir, `${label}.out`);
  const fd = openSync(out, 'w');
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync(TIME, ['-v', cmd, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(cmd, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(fd);
  const err = r.stderr ?? '';
  const stat = (re) => {
    const m = re.exec(err);
    return m ? Number(m[1]) : NaN;
  };
  const status = hasTime ? stat(/Exit status: (\d+)/) : r.status;
  if (status !== 0 && status !== 1) {
    console.error(`bench: ${label} exited with ${status}:\n${err.slice(-2000)}`);
    process.exit(2);
  }
  return {
    wall: hasTime ? parseElapsed(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(err)?.[1]) ?? wall : wall,
    cpu: stat(/User time \(seconds\): ([\d.]+)/) + stat(/System time \(seconds\): ([\d.]+)/),
    rssMB: stat(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    out,
  };
}

function parseElapsed(s) {
  if (!s) return undefined;
  return s.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

const median = (xs) => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const zdArgs = [cli, 'lint', ...projects, '--format', 'json'];
const sqArgs = ['--reporter', 'json', ...files];

// ---- check that both tools really did the work (first run) -----------------------------
console.log(`zerodown bench: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB in ${projects.length} projects (${corpus})`);
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at start, node ${process.version}${hasTime ? '' : ' (no /usr/bin/time: wall time only)'}`);

const zd = [];
const sq = [];
let statements = 0;
for (let i = 0; i < runs; i++) {
  const a = timed(process.execPath, zdArgs, `zerodown-${i}`);
  const b = timed(squawk, sqArgs, `squawk-${i}`);
  if (i === 0) {
    const report = JSON.parse(readFileSync(a.out, 'utf8'));
    if (report.files.length !== files.length) {
      console.error(`bench: zerodown reported ${report.files.length} files, expected ${files.length}`);
      process.exit(2);
    }
    statements = report.summary.statements;
    const findings = report.summary.errors + report.summary.warnings;
    const sqFindings = JSON.parse(readFileSync(b.out, 'utf8')).length;
    console.log(`zerodown: ${statements} statements, ${findings} findings; squawk: ${sqFindings} findings`);
  }
  zd.push(a);
  sq.push(b);
  process.stdout.write(`  run ${i + 1}/${runs}: zerodown ${a.wall.toFixed(2)} s, squawk ${b.wall.toFixed(2)} s\n`);
}

const row = (name, rs, withRates) => {
  const wall = median(rs.map((r) => r.wall));
  const cpu = median(rs.map((r) => r.cpu));
  const rss = median(rs.map((r) => r.rssMB));
  const rates = withRates
    ? `  ${Math.round(files.length / wall)} files/s  ${Math.round(statements / wall)} statements/s  ${(bytes / 1e6 / wall).toFixed(2)} MB/s`
    : `  ${Math.round(files.length / wall)} files/s`;
  console.log(
    `${name.padEnd(9)} wall ${wall.toFixed(3)} s (min ${Math.min(...rs.map((r) => r.wall)).toFixed(3)})  cpu ${Number.isNaN(cpu) ? 'n/a' : `${cpu.toFixed(2)} s`}  peak RSS ${Number.isNaN(rss) ? 'n/a' : `${rss.toFixed(0)} MB`}${rates}`,
  );
  return wall;
};
console.log(`\nmedian of ${runs} runs:`);
const zw = row('zerodown', zd, true);
const sw = row('squawk', sq, false);
console.log(`ratio zerodown/squawk (wall): ${(zw / sw).toFixed(2)}${zw <= sw ? '  (at or below squawk)' : ''}`);

// ---- optional: where zerodown's time goes ---------------------------------------------
if (profile) {
  const profDir = path.join(outDir, 'prof');
  spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, ...zdArgs], { stdio: ['ignore', 'ignore', 'inherit'] });
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  const prof = JSON.parse(readFileSync(path.join(profDir, file), 'utf8'));
  // esbuild marks each bundled module with a `// path` comment: map bundle lines to modules
  const bundle = readFileSync(path.join(root, 'dist', 'cli.js'), 'utf8').split('\n');
  const moduleAt = [];
  let current = '(bundle)';
  for (const line of bundle) {
    const m = /^\/\/ ((?:src|rules|data|node_modules)\/\S+)$/.exec(line);
    if (m) current = m[1].startsWith('node_modules/') ? m[1].split('/').slice(0, m[1].split('/')[1].startsWith('@') ? 3 : 2).join('/') : m[1];
    moduleAt.push(current);
  }
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const cf = nodes.get(id).callFrame;
    let key;
    if (cf.url.endsWith('/dist/cli.js')) key = moduleAt[cf.lineNumber] ?? '(bundle)';
    else if (cf.url.startsWith('wasm')) key = 'libpg-query (WebAssembly)';
    else if (cf.functionName === '(garbage collector)') key = '(garbage collector)';
    else if (cf.url.startsWith('node:') || cf.url === '') key = `node internals${cf.functionName ? '' : ''}`;
    else key = cf.url;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  console.log(`\nself time by module (one --cpu-prof run, ${(total / 1000).toFixed(0)} ms sampled):`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${(v / 1000).toFixed(0).padStart(6)} ms  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
}

rmSync(outDir, { recursive: true, force: true });
