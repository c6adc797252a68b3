// What the bench scripts share: their options, and the CLI they time (built fresh into a temp
// directory unless --dist names a built dist/).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);

/** The value after `name` on the command line, if given. */
export const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** The PostgreSQL server to compare with: --url, $ZERODOWN_TEST_PG_URL, or the local one. */
export const benchUrl = () =>
  opt('--url') ?? process.env.ZERODOWN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Path of the CLI bundle to time: `--dist DIR`, or a fresh build under `tmp`. */
export function builtCli(tmp) {
  let dist = opt('--dist') ? path.resolve(opt('--dist')) : undefined;
  if (!dist) {
    dist = path.join(tmp, 'dist');
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--outdir', dist], {
      cwd: root,
      stdio: 'pipe',
    });
  }
  return path.join(dist, 'cli.js');
}

/** The PostgreSQL corpus: ../shared/corpus/postgres, or $ZERODOWN_CORPUS/postgres. */
export const corpusDir = () => path.resolve(root, process.env.ZERODOWN_CORPUS ?? '../shared/corpus', 'postgres');

export const TIME = '/usr/bin/time';
export const hasTime = existsSync(TIME);

/**
 * Runs `cmd args…` once as a user would and measures it from outside: wall time, and with
 * /usr/bin/time the CPU time (user + system) and peak RSS of the process (worker threads
 * included: they share it). Exit 0 and 1 (findings) are success; anything else throws. With `limit` (seconds)
 * and coreutils' timeout, a run still going then is killed and returned with `timedOut`.
 */
export function timedRun(cmd, argv, { cwd = root, env = {}, maxBuffer = 256 << 20, limit } = {}) {
  const statFile = path.join(tmpdir(), `zd-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const opts = { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer };
  if (limit && existsSync('/usr/bin/timeout'))
    [cmd, argv] = ['/usr/bin/timeout', ['-s', 'KILL', String(limit), cmd, ...argv]];
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync(TIME, ['-f', '%x %U %S %M', '-o', statFile, cmd, ...argv], opts)
    : spawnSync(cmd, argv, opts);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let cpu = NaN;
  let rssMB = NaN;
  if (hasTime && existsSync(statFile)) {
    // the last line: /usr/bin/time writes "Command exited with non-zero status" above it on exit 1
    const [, user, sys, kb] = readFileSync(statFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    cpu = user + sys;
    rssMB = kb / 1024;
    rmSync(statFile, { force: true });
  }
  // timeout's own status when it killed the command
  if (limit && (r.status === 124 || r.status === 137)) return { wall, cpu, rssMB, status: r.status, timedOut: true };
  if (r.status !== 0 && r.status !== 1)
    throw new Error(
      `${cmd} ${argv.join(' ').slice(0, 300)} exited with ${r.status}:\n${(r.stderr ?? '').slice(-2000)}`,
    );
  return { wall, cpu, rssMB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `timedRun` of the running Node. */
export const timedNode = (argv, opts) => timedRun(process.execPath, argv, opts);

export const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const loadText = () =>
  `${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}, node ${process.version}${hasTime ? '' : ' (no /usr/bin/time: wall time only)'}`;

// Each bench script records its figures here, so that `npm run bench` can end with one table of issue 15's rows
// (scripts/bench-summary.mjs). A record names the machine's load when it was taken: figures from different
// minutes on a shared machine are not comparable without it.
export const resultsDir = path.join(root, 'node_modules', '.cache', 'zerodown-bench');

/** Writes `<resultsDir>/<name>.json`: `figures` plus when, the core count and the load average. */
export function record(name, figures) {
  mkdirSync(resultsDir, { recursive: true });
  const data = { name, at: new Date().toISOString(), cores: cpus().length, load: loadavg()[0], ...figures };
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * `<pkg>@<version>` installed from the npm registry into node_modules/.cache/<dirName> on first use; `bin`: the path
 * of what the bench runs, relative to that folder. The path, or undefined when it could not be installed.
 */
function installCached(pkg, version, dirName, bin, what) {
  const dir = path.join(root, 'node_modules', '.cache', dirName);
  const file = path.join(dir, bin);
  if (!existsSync(file)) {
    console.log(`bench: installing ${pkg}@${version}${what} into ${path.relative(root, dir)} …`);
    const r = spawnSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `${pkg}@${version}`],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (r.status !== 0 || !existsSync(file)) return undefined;
  }
  return file;
}

/** squawk, the native linter the lint rows are measured against (installed on first use; see below). */
export function ensureSquawk() {
  // squawk-cli is not a devDependency: the registry here serves only its linux-x64 binary package, and a lock
  // file without the other platforms' entries makes `npm ci` refuse to install. The bench installs the pinned
  // version on first use into node_modules/.cache (from the npm registry).
  const version = '2.66.0';
  const bin = installCached('squawk-cli', version, `squawk-cli-${version}`, 'node_modules/.bin/squawk', '');
  if (!bin) {
    console.error(`bench: could not install squawk-cli@${version}; the comparison needs it`);
    process.exit(2);
  }
  return { bin, version };
}

/**
 * Node 24, the Action's runtime (action.yml `runs.using: node24`) and the current LTS, for the rows that time zerodown
 * on it beside this machine's Node: its official binary, from the npm registry's `node-<platform>-<arch>` package,
 * installed on first use into node_modules/.cache like squawk. Undefined when this Node is Node 24 already (its
 * rows are the main ones), and, said once, where it cannot be installed.
 */
export function ensureNode24() {
  const version = '24.22.3';
  if (process.versions.node.split('.')[0] === '24') return undefined;
  const pkg = `node-${process.platform}-${process.arch}`;
  const exe = process.platform === 'win32' ? 'node.exe' : 'node';
  const bin = installCached(pkg, version, `node-${version}`, `node_modules/${pkg}/bin/${exe}`, ' (Node 24)');
  if (!bin) {
    console.log(`bench: could not install ${pkg}@${version}: the Node 24 rows are skipped`);
    return undefined;
  }
  return { bin, version };
}

/** The corpus's project folders and their .sql files, each in name order (the lint rows' input). */
export function corpusFiles(corpus) {
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
  return { projects, files };
}
