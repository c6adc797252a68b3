#!/usr/bin/env node
// `npm run bench`: lints the whole PostgreSQL corpus (../shared/corpus/postgres, or
// $ZERODOWN_CORPUS/postgres) in ONE process through the real CLI, and times squawk on the
// same files in the same run. Prints the median of several runs (wall time, CPU time, peak
// RSS, files/s, statements/s, MB/s) and the zerodown/squawk wall-time ratio.
//
//   npm run bench                 5 runs each (BENCH_RUNS=9 npm run bench for more)
//   npm run bench -- --profile    also one --cpu-prof run of zerodown, with the time per
//                                 source module (rules/*.ts, src/**) read from the bundle
//   npm run bench -- --phases     also the time of each stage in one process (discovery,
//                                 parsing, schema replay, each rule, report), from a small
//                                 harness bundled from src/ with esbuild
//
// Both tools are timed as a user runs them: `node bin/zerodown.js lint <project dirs…>
// --format json` and `squawk --reporter json <files…>` (the squawk-cli
// npm package: a Node launcher that runs squawk's native Rust binary). Runs alternate
// between the two tools so that background load hits both alike. Peak RSS and CPU time
// come from /usr/bin/time -v when it exists; without it only wall time is measured.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusFiles, ensureSquawk, record } from './bench-lib.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const corpus = path.resolve(root, process.env.ZERODOWN_CORPUS ?? '../shared/corpus', 'postgres');
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const profile = process.argv.includes('--profile');
const phases = process.argv.includes('--phases');
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
const squawk = ensureSquawk().bin;

// ---- inputs -----------------------------------------------------------------------------
const { projects, files } = corpusFiles(corpus);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);

// ---- one timed run ----------------------------------------------------------------------
const outDir = mkdtempSync(path.join(tmpdir(), 'zerodown-bench-'));

function timed(cmd, args, label, env = process.env) {
  const out = path.join(outDir, `${label}.out`);
  const fd = openSync(out, 'w');
  const start = process.hrtime.bigint();
  const how = { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20, env };
  const r = hasTime ? spawnSync(TIME, ['-v', cmd, ...args], how) : spawnSync(cmd, args, how);
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
    wall: hasTime
      ? (parseElapsed(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(err)?.[1]) ?? wall)
      : wall,
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

// cold: --no-cache, so that neither the findings nor the history an earlier run saved is reused
const zdArgs = [cli, 'lint', '--no-cache', ...projects, '--format', 'json'];
const sqArgs = ['--reporter', 'json', ...files];

// ---- check that both tools really did the work (first run) -----------------------------
console.log(
  `zerodown bench: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB in ${projects.length} projects (${corpus})`,
);
console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at start, node ${process.version}${hasTime ? '' : ' (no /usr/bin/time: wall time only)'}`,
);

const zd = [];
const sq = [];
let statements = 0;
for (let i = 0; i < runs; i++) {
  // cold: no cache from an earlier run (bench-rerun.mjs times the run with one)
  process.env.ZERODOWN_CACHE_DIR = mkdtempSync(path.join(outDir, 'cache-'));
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
const med = (rs, k) => median(rs.map((r) => r[k]));
record('lint', {
  files: files.length,
  statements,
  runs,
  zerodown: { wall: zw, cpu: med(zd, 'cpu'), rssMB: med(zd, 'rssMB') },
  squawk: { wall: sw, cpu: med(sq, 'cpu'), rssMB: med(sq, 'rssMB') },
});

// ---- MySQL: the same CLI on ../shared/corpus/mysql (no squawk counterpart: it reads PostgreSQL only) ----------
const myCorpus = path.resolve(corpus, '..', 'mysql');
if (existsSync(myCorpus)) {
  const { projects: myProjects, files: myFiles } = corpusFiles(myCorpus);
  const my = [];
  let myStatements = 0;
  for (let i = 0; i < runs; i++) {
    const r = timed(
      process.execPath,
      [cli, 'lint', '--no-cache', '--dialect', 'mysql', ...myProjects, '--format', 'json'],
      `mysql-${i}`,
    );
    if (i === 0) {
      const report = JSON.parse(readFileSync(r.out, 'utf8'));
      if (report.files.length !== myFiles.length) {
        console.error(`bench: zerodown reported ${report.files.length} MySQL files, expected ${myFiles.length}`);
        process.exit(2);
      }
      myStatements = report.summary.statements;
    }
    my.push(r);
  }
  const wall = median(my.map((r) => r.wall));
  const rss = median(my.map((r) => r.rssMB));
  console.log(
    `\nMySQL corpus (${myFiles.length} files, ${myStatements} statements, --dialect mysql), median of ${runs}: wall ${wall.toFixed(3)} s  peak RSS ${Number.isNaN(rss) ? 'n/a' : `${rss.toFixed(0)} MB`}  ${Math.round(myStatements / wall)} statements/s (PostgreSQL corpus: ${Math.round(statements / zw)} statements/s)`,
  );
} else console.log(`\nMySQL corpus not found at ${myCorpus}: skipped`);

// ---- optional: where zerodown's time goes ---------------------------------------------
if (profile) {
  const profDir = path.join(outDir, 'prof');
  spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, ...zdArgs], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  const prof = JSON.parse(readFileSync(path.join(profDir, file), 'utf8'));
  // esbuild marks each bundled module with a `// path` comment: map each bundle file's lines (the entry and its
  // code-split chunks) to modules
  const moduleMaps = new Map();
  const moduleAt = (url, line) => {
    let map = moduleMaps.get(url);
    if (!map) {
      map = [];
      let current = '(bundle)';
      for (const text of readFileSync(new URL(url), 'utf8').split('\n')) {
        const m = /^\/\/ ((?:src|rules|data|node_modules)\/\S+)$/.exec(text);
        if (m)
          current = m[1].startsWith('node_modules/')
            ? m[1]
                .split('/')
                .slice(0, m[1].split('/')[1].startsWith('@') ? 3 : 2)
                .join('/')
            : m[1];
        map.push(current);
      }
      moduleMaps.set(url, map);
    }
    return map[line] ?? '(bundle)';
  };
  const distUrl = pathToFileURL(path.join(root, 'dist')).href;
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const cf = nodes.get(id).callFrame;
    let key;
    if (cf.url.startsWith(`${distUrl}/`) && cf.url.endsWith('.js')) key = moduleAt(cf.url, cf.lineNumber);
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

// ---- optional: stage by stage, in one process -----------------------------------------
if (phases) {
  const { build } = await import('esbuild');
  const harness = path.join(outDir, 'harness.mjs');
  await build({
    stdin: { contents: harnessSource(), resolveDir: root, sourcefile: 'bench-harness.ts', loader: 'ts' },
    outfile: harness,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __r } from 'node:module'; import { fileURLToPath as __f } from 'node:url'; import { dirname as __d } from 'node:path'; const require = __r(import.meta.url); const __filename = __f(import.meta.url); const __dirname = __d(__filename);",
    },
  });
  for (const f of readdirSync(path.join(root, 'dist')))
    if (f.endsWith('.wasm')) copyFileSync(path.join(root, 'dist', f), path.join(outDir, f));
  const r = spawnSync(process.execPath, [harness, ...projects], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    console.error(`bench: phase harness failed:\n${r.stderr}`);
    process.exit(2);
  }
  const t = JSON.parse(r.stdout);
  console.log(`\nstages in one process (one thread; the replay and rules warm, after a first pass):`);
  for (const [k, v] of Object.entries(t.stages)) console.log(`  ${String(Math.round(v)).padStart(6)} ms  ${k}`);
  console.log(
    `  time inside each rule during a warm all-rules run, slowest first (sum ${Math.round(t.rulesTotal)} ms):`,
  );
  for (const [k, v] of t.rules.slice(0, 15)) console.log(`  ${String(Math.round(v)).padStart(6)} ms  ${k}`);
}

rmSync(outDir, { recursive: true, force: true });

// The --phases harness: the pipeline stage by stage, from the sources. Rules are timed by
// running the engine once per rule over the already-parsed statements (catalog replay
// included, then subtracted), so each rule's figure is its own cost.
function harnessSource() {
  return `
import { discover } from './src/discover/index.ts';
import { LintEngine, summarize } from './src/engine/lint.ts';
import { postgres } from './src/dialects/postgres/index.ts';
import { loadParser, parseMigration } from './src/dialects/postgres/parse.ts';
import { formatJson } from './src/report/json.ts';
import { allRules } from './rules/postgres/index.ts';
const stages = {};
const time = async (name, fn) => { const t = performance.now(); const r = await fn(); stages[name] = (stages[name] ?? 0) + performance.now() - t; return r; };
await time('load parser (WebAssembly compile)', () => loadParser());
const migrations = await time('discovery (find, order, read files)', () => discover(process.argv.slice(2), { cwd: process.cwd() }));
const parsed = await time('parse (cold: first pass)', () => migrations.map((m) => parseMigration(m)));
await time('parse (warm: second pass, for comparison)', () => migrations.map((m) => parseMigration(m)));
const run = (ruleSet) => { const e = new LintEngine(postgres, { ruleSet }); const files = []; for (const p of parsed) { const r = e.processFile(p); if (p.migration.review) files.push(r); } return files; };
const best = (n, fn) => { let b = Infinity; for (let i = 0; i < n; i++) { const t = performance.now(); fn(); b = Math.min(b, performance.now() - t); } return b; };
// the engine's own per-statement work, with a rule that matches no statement
const noop = { meta: { id: 'noop', severity: 'warning', summary: 'noop', kinds: ['-'] }, check() {} };
// each rule's own time inside the all-rules run (so shared caches and shapes are as in a real run)
const spent = new Map(allRules.map((r) => [r.meta.id, 0]));
const timed = allRules.map((r) => ({
  meta: r.meta,
  check: r.check && ((stmt, ctx) => { const t = performance.now(); try { return r.check(stmt, ctx); } finally { spent.set(r.meta.id, spent.get(r.meta.id) + performance.now() - t); } }),
  checkFile: r.checkFile && ((ctx) => { const t = performance.now(); try { return r.checkFile(ctx); } finally { spent.set(r.meta.id, spent.get(r.meta.id) + performance.now() - t); } }),
}));
run(allRules); // warm-up
let files;
stages['schema replay + all rules (best of 3)'] = best(3, () => { files = run(allRules); });
stages['schema replay + engine, no rules (best of 3)'] = best(3, () => run([noop]));
for (const k of spent.keys()) spent.set(k, 0);
run(timed);
const rules = [...spent].sort((a, b) => b[1] - a[1]);
await time('JSON report', () => formatJson({ files, summary: summarize(files) }, 0));
process.stdout.write(JSON.stringify({ stages, rules, rulesTotal: rules.reduce((n, r) => n + r[1], 0) }));
`;
}
