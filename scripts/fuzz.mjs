#!/usr/bin/env node
// `npm run fuzz`: mutates real migrations (../shared/corpus/postgres, or this repository's own
// examples and fixtures) and runs the real CLI on each as a subprocess, checking per case:
//   crash     exit 0 or 1, or 2 with one `zerodown: …` line that is not an internal error; no stack trace
//   hang      the process ends within its bound (it is killed and reported otherwise)
//   lost      the intact files' lint findings equal those of a run without the mutated file, and the
//             mutated file still reports the sentinel statement appended to it (or a syntax error)
//   plan-sql  `plan --format sql` parses into exactly the statements its JSON phases hold, none injected
//   control   no raw control characters (but \n and \t) in text-format stdout or stderr
//   shell     no statement ever ran a program or wrote a file outside the shadow database
// Usage: npm run fuzz -- [--seed S] [--cases N | --case N] [--seconds S] [--jobs J] [--bin FILE]
//        [--corpus DIR] [--modes lint,plan,dry-run] [--mutations a,b] [--shadow-url URL] [--max-mb M]
//        [--verify] [--shrink RUNS] [--json FILE] [--list]
//   mutations  truncate flip shuffle nest huge nul utf8 crlf bom control identifiers statements
//   --bin      a built CLI (bin/zerodown.js, dist/cli.js) instead of src/cli/bin.ts through tsx
//   --verify   the plan text run proves the plan on the shadow (slow); other plan runs use --no-verify
//   --list     print what each case would run, and run nothing
//   --shrink   at most this many re-runs to shrink a failing input (default 20; 0 saves it as it is)
// A failing case is written to node_modules/.cache/zerodown-fuzz/failures/seed<S>-case<N>/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { callsCanary, countStatements, loadParser, MUTATIONS, prng, tablesOf } from './fuzz-mutations.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const { values: opt } = parseArgs({
  options: {
    seed: { type: 'string' },
    cases: { type: 'string', default: '200' },
    case: { type: 'string' },
    seconds: { type: 'string' },
    jobs: { type: 'string', default: String(Math.max(1, Math.min(4, os.availableParallelism() - 1))) },
    bin: { type: 'string' },
    corpus: { type: 'string' },
    modes: { type: 'string', default: 'lint,plan,dry-run' },
    mutations: { type: 'string', default: Object.keys(MUTATIONS).join(',') },
    'shadow-url': { type: 'string' },
    'max-mb': { type: 'string', default: '2' },
    verify: { type: 'boolean', default: false },
    json: { type: 'string' },
    shrink: { type: 'string', default: '20' },
    help: { type: 'boolean', short: 'h' },
    list: { type: 'boolean' },
  },
});
if (opt.help) {
  // the comment at the top of this file is the help
  const head = readFileSync(new URL(import.meta.url), 'utf8')
    .split('\n')
    .slice(1);
  process.stdout.write(
    head
      .slice(
        0,
        head.findIndex((l) => !l.startsWith('//')),
      )
      .map((l) => l.slice(3))
      .join('\n') + '\n',
  );
  process.exit(0);
}

const seed = opt.seed ?? String(Date.now() % 1e6);
const MODES = opt.modes.split(',');
const MUTATION_NAMES = opt.mutations.split(',');
for (const m of MUTATION_NAMES)
  if (!MUTATIONS[m]) throw new Error(`unknown mutation ${m} (${Object.keys(MUTATIONS).join(', ')})`);
const TIMEOUT = { lint: 30_000, plan: 60_000, 'dry-run': 60_000 };
const SENTINEL = 'zd_fuzz_sentinel';
const budget = Number(opt.shrink);
const failRoot = path.join(root, 'node_modules', '.cache', 'zerodown-fuzz', 'failures');

// the CLI: a built bin (`--bin bin/zerodown.js`, `--bin dist/cli.js`) or the TypeScript source through tsx
const cli = opt.bin
  ? [path.resolve(opt.bin)]
  : ['--import', createRequire(import.meta.url).resolve('tsx'), path.join(root, 'src', 'cli', 'bin.ts')];

/** Projects: directories of .sql files, each in its migration order. */
function loadProjects() {
  const shared = path.resolve(root, '..', 'shared', 'corpus', 'postgres');
  const dirs = opt.corpus
    ? [path.resolve(opt.corpus)]
    : existsSync(shared)
      ? [shared]
      : [path.join(root, 'examples'), path.join(root, 'test', 'fixtures')];
  const projects = [];
  const walk = (d) => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name, 'en', { numeric: true }),
    );
    const files = entries
      .filter((e) => e.isFile() && e.name.endsWith('.sql') && !/down\.sql$/.test(e.name))
      .map((e) => path.join(d, e.name));
    if (files.length) projects.push(files);
    for (const e of entries) if (e.isDirectory()) walk(path.join(d, e.name));
  };
  dirs.forEach(walk);
  if (!projects.length) throw new Error(`no .sql files under ${dirs.join(', ')}`);
  return projects;
}

/** Case `n` of the seed: which project window, which mutation, which command. Pure function of (seed, n). */
function makeCase(projects, n) {
  const rng = prng(seed, n);
  const files = rng.pick(projects);
  const at = rng.int(0, files.length - 1);
  // a few files before it, and the project's first (it usually creates the tables later ones change)
  const window = files.slice(Math.max(0, at - rng.int(1, 3)), at);
  const historyFiles = at > 0 && files[0] !== window[0] ? [files[0], ...window] : window;
  const history = historyFiles.map((f) => readFileSync(f));
  const original = readFileSync(files[at]);
  // every mutation, then each again under the next mode: a short run covers every pair
  const mutation = MUTATION_NAMES[(n - 1) % MUTATION_NAMES.length];
  const mode = MODES[Math.floor((n - 1) / MUTATION_NAMES.length) % MODES.length];
  // a table that existed before this migration: the rules and the planner skip tables it creates
  const existing = tablesOf(history.map((b) => b.toString('utf8')));
  const tables = existing.length ? existing : tablesOf([original.toString('utf8')]);
  const table = tables.length ? rng.pick(tables) : { table: 'zd_t', column: 'id' };
  const canary = path.join(os.tmpdir(), `zerodown-fuzz-pwned-${seed}-${n}`);
  const maxBytes = Math.round(Number(opt['max-mb']) * 1e6);
  let [body, note] = MUTATIONS[mutation](original, { rng, table, canary, maxBytes });
  if (!tables.length && /zd_t\b/.test(body.toString('latin1')))
    body = Buffer.concat([Buffer.from('CREATE TABLE zd_t (id int);\n'), body]);
  // zero-padded names keep the project's order whatever its own naming scheme
  const name = (i, f) => `${String(i + 1).padStart(4, '0')}_${path.basename(f).replace(/[^\w.-]/g, '_')}`;
  const intact = history.map((b, i) => ({ name: name(i, historyFiles[i]), bytes: b }));
  const c = { n, mode, mutation, note, source: path.relative(root, files[at]), intact, canary };
  return withBody(c, name(history.length, files[at]), body);
}

/** The case with this mutated file; the sentinel goes at its end: its finding (or a syntax error) must be reported. */
function withBody(c, name, body) {
  return { ...c, body, mutated: { name, bytes: Buffer.concat([body, Buffer.from(`\n;\nDROP TABLE ${SENTINEL};\n`)]) } };
}

// the CLI runs in its own process group (so a hang's workers die with it): end them when we are stopped
const running = new Set();
const projectDirs = new Set();
const killGroup = (pid) => {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {}
};
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    running.forEach(killGroup);
    projectDirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
    process.exit(130);
  });

function run(cwd, args, timeout) {
  return new Promise((resolve) => {
    const started = Date.now();
    const env = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    delete env.ZERODOWN_CACHE_DIR;
    delete env.GITHUB_ACTIONS;
    const child = spawn(process.execPath, [...cli, ...args], {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child.pid);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeout);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child.pid);
      const buf = (xs) => Buffer.concat(xs).toString('utf8');
      resolve({ args, code, signal, timedOut, ms: Date.now() - started, stdout: buf(out), stderr: buf(err) });
    });
  });
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** `s` safe to print: control characters and line separators as \uXXXX (the harness's own output stays clean). */
const esc = (s) =>
  String(s).replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const show = (r) => `\`zerodown ${r.args.join(' ')}\``;

/** Invariants that hold for every run: no crash, no hang, no canary, (text) no control characters. */
function checkRun(r, c, text, fail) {
  if (r.timedOut) return fail('hang', `${show(r)} still running after ${r.ms / 1000} s: killed`);
  const trace =
    /\n\s+at .+[:(]\d+:\d+\)?|Maximum call stack|internal error|\b(?:Range|Type|Reference|Runtime)Error:|Aborted\(/.exec(
      r.stderr,
    );
  const lines = r.stderr.trimEnd().split('\n');
  if (r.signal || ![0, 1, 2].includes(r.code))
    fail('crash', `${show(r)} ended by ${r.signal ?? `exit code ${r.code}`}: ${esc(r.stderr.slice(0, 300))}`);
  else if (trace)
    fail('crash', `${show(r)} exit ${r.code}, stderr has "${esc(trace[0].trim())}": ${esc(r.stderr.slice(0, 300))}`);
  else if (/internal error|Maximum call stack/.test(r.stdout))
    fail(
      'crash',
      `${show(r)} exit ${r.code}, its report has an internal error: ${esc(/.*(internal error|Maximum call stack).*/.exec(r.stdout)[0].slice(0, 300))}`,
    );
  else if (r.code === 2 && (lines.length !== 1 || !lines[0].startsWith('zerodown: ')))
    fail('crash', `${show(r)} exit 2 without a one-line \`zerodown: …\` message: ${esc(r.stderr.slice(0, 300))}`);
  if (existsSync(c.canary))
    fail(
      'shell',
      `${show(r)}: the migration created ${c.canary} (a program ran or a file was written outside the shadow)`,
    );
  if (text)
    for (const [stream, s] of [
      ['stdout', r.stdout],
      ['stderr', r.stderr],
    ]) {
      const m = CONTROL.exec(s);
      if (m)
        fail(
          'control',
          `${show(r)} wrote raw ${esc(m[0])} to ${stream}: …${esc(s.slice(Math.max(0, m.index - 40), m.index + 20))}…`,
        );
    }
}

const json = (r) => {
  try {
    return JSON.parse(r.stdout);
  } catch {
    return undefined;
  }
};

async function lintCase(dir, c, fail) {
  const baseline = await run(dir, ['lint', '--format', 'json', 'migrations'], TIMEOUT.lint); // before the mutated file exists
  writeFileSync(path.join(dir, 'migrations', c.mutated.name), c.mutated.bytes);
  const withIt = await run(dir, ['lint', '--format', 'json', 'migrations'], TIMEOUT.lint);
  const text = await run(dir, ['lint', 'migrations'], TIMEOUT.lint);
  checkRun(withIt, c, false, fail);
  checkRun(text, c, true, fail);
  const a = json(baseline) ?? { files: [] }; // no report when there is no intact file
  const b = json(withIt);
  if (!b) return withIt.timedOut ? undefined : fail('crash', `${show(withIt)} printed no JSON report`);
  for (const f of c.intact) {
    const p = `migrations/${f.name}`;
    const before = a.files.find((x) => x.path === p)?.findings;
    const after = b.files.find((x) => x.path === p)?.findings;
    if (!isDeepStrictEqual(before, after))
      fail(
        'lost',
        `${p}: its findings changed when ${c.mutated.name} was added (${before?.length ?? 'no'} before, ${after?.length ?? 'no'} after)`,
      );
  }
  const mine = b.files.find((x) => x.path === `migrations/${c.mutated.name}`)?.findings ?? [];
  if (!mine.some((x) => x.rule === 'syntax-error' || (x.rule === 'ban-drop-table' && x.message.includes(SENTINEL))))
    fail(
      'lost',
      `${c.mutated.name}: neither the sentinel \`DROP TABLE ${SENTINEL}\` at its end nor a syntax error was reported (the rest of the file was not read)`,
    );
}

async function planCase(dir, c, fail) {
  writeFileSync(path.join(dir, 'migrations', c.mutated.name), c.mutated.bytes);
  const file = `migrations/${c.mutated.name}`;
  const shadow = opt['shadow-url'] ? ['--shadow-url', opt['shadow-url']] : [];
  const verify = opt.verify ? shadow : ['--no-verify'];
  const j = await run(dir, ['plan', '--format', 'json', '--no-verify', file], TIMEOUT.plan);
  const s = await run(dir, ['plan', '--format', 'sql', '--no-verify', file], TIMEOUT.plan);
  const t = await run(dir, ['plan', ...verify, file], TIMEOUT.plan);
  checkRun(j, c, false, fail);
  checkRun(s, c, false, fail);
  checkRun(t, c, true, fail);
  const doc = json(j);
  if (!doc || s.code === null) return;
  let expected = 0;
  for (const p of doc.plans)
    for (const ph of p.phases) {
      try {
        expected += countStatements(ph.sql) + (ph.transactional ? 2 : 0);
        if (callsCanary(ph.sql))
          fail(
            'plan-sql',
            `${p.path} phase ${ph.name}: its SQL runs an injected statement: ${esc(ph.sql.slice(0, 300))}`,
          );
      } catch (e) {
        fail(
          'plan-sql',
          `${p.path} phase ${ph.name}: its SQL does not parse (${esc(e.message)}): ${esc(ph.sql.slice(0, 300))}`,
        );
      }
    }
  if (s.stdout.includes('\0')) return fail('plan-sql', `${show(s)} printed a NUL byte`);
  try {
    const got = countStatements(s.stdout);
    if (got !== expected)
      fail(
        'plan-sql',
        `${show(s)} holds ${got} statements, its JSON phases ${expected}: something in a comment or name escaped into SQL`,
      );
    if (callsCanary(s.stdout)) fail('plan-sql', `${show(s)} runs an injected statement (${'zd_pwned'}())`);
  } catch (e) {
    fail('plan-sql', `${show(s)} does not parse: ${esc(e.message)}`);
  }
}

async function dryRunCase(dir, c, fail) {
  writeFileSync(path.join(dir, 'migrations', c.mutated.name), c.mutated.bytes);
  const file = `migrations/${c.mutated.name}`;
  checkRun(await run(dir, ['dry-run', '--no-cache', file], TIMEOUT['dry-run']), c, true, fail);
  if (opt['shadow-url'])
    checkRun(await run(dir, ['dry-run', '--shadow-url', opt['shadow-url'], file], TIMEOUT['dry-run']), c, true, fail);
}

/** A canary made by the database server's user may not be ours to delete: say so instead of failing later cases. */
function removeCanary(c) {
  try {
    rmSync(c.canary, { force: true, recursive: true });
  } catch (e) {
    process.stderr.write(`zerodown fuzz: cannot remove ${c.canary} (${e.code}): delete it by hand\n`);
  }
}

async function runCase(c) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zerodown-fuzz-'));
  projectDirs.add(dir);
  const failures = [];
  const fail = (kind, message) => failures.push({ kind, message });
  try {
    mkdirSync(path.join(dir, 'migrations'));
    for (const f of c.intact) writeFileSync(path.join(dir, 'migrations', f.name), f.bytes);
    removeCanary(c);
    await { lint: lintCase, plan: planCase, 'dry-run': dryRunCase }[c.mode](dir, c, fail);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    projectDirs.delete(dir);
    removeCanary(c);
  }
  return failures;
}

/**
 * A smaller input that still fails the same way: drops intact files, then halves, quarters, … the
 * mutated file's lines, keeping each cut that still fails; at most `budget` runs of the case.
 */
async function shrink(c, kind, budget) {
  let tries = 0;
  const still = async (cand) => ++tries <= budget && (await runCase(cand)).some((f) => f.kind === kind);
  if (kind !== 'lost')
    for (let i = c.intact.length - 1; i >= 0; i--) {
      const cand = { ...c, intact: c.intact.filter((_, j) => j !== i) };
      if (await still(cand)) c = cand;
    }
  let lines = [];
  for (let s = 0, i; s < c.body.length; s = i + 1) {
    i = c.body.indexOf(0x0a, s);
    if (i < 0) i = c.body.length - 1;
    lines.push(c.body.subarray(s, i + 1));
  }
  for (let size = Math.ceil(lines.length / 2); size >= 1 && tries < budget; size = Math.floor(size / 2))
    for (let i = 0; i < lines.length && tries < budget;) {
      const cand = [...lines.slice(0, i), ...lines.slice(i + size)];
      if (cand.length && (await still(withBody(c, c.mutated.name, Buffer.concat(cand))))) lines = cand;
      else i += size;
    }
  return withBody(c, c.mutated.name, Buffer.concat(lines));
}

/** A server URL without its password, fit to print. */
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<shadow url>';
  }
}

/** The command that runs case `c` again: the seed, the case, and every option that changes what a case is. */
function reproduce(c) {
  const same = ['bin', 'corpus', 'modes', 'mutations', 'max-mb', 'shadow-url', 'verify'].filter((k) =>
    process.argv.includes(`--${k}`),
  );
  const value = (k) => (k === 'shadow-url' ? redact(opt[k]) : opt[k]);
  const args = same.map((k) => (typeof opt[k] === 'boolean' ? `--${k}` : `--${k} ${value(k)}`));
  return `npm run fuzz -- --seed ${seed} --case ${c.n}${args.map((a) => ` ${a}`).join('')}`;
}

function saveFailure(c, failures, original) {
  const to = path.join(failRoot, `seed${seed}-case${c.n}`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(path.join(to, 'migrations'), { recursive: true });
  for (const f of [...c.intact, c.mutated]) writeFileSync(path.join(to, 'migrations', f.name), f.bytes);
  const lines = [
    `zerodown fuzz: seed ${seed}, case ${c.n}: ${c.mode} on ${c.mutated.name} (${c.mutation}: ${esc(c.note)}; from ${c.source})`,
    ...failures.map((f) => `${f.kind}: ${esc(f.message)}`),
    ...(original
      ? [
          `shrunk to ${c.intact.length} intact files and ${c.mutated.bytes.length} bytes (from ${original.intact.length} and ${original.mutated.bytes.length})`,
        ]
      : []),
    `reproduce: ${reproduce(c)}`,
  ];
  writeFileSync(path.join(to, 'README.txt'), lines.join('\n') + '\n');
  c.saved = path.relative(process.cwd(), to);
}

async function main() {
  await loadParser();
  const projects = loadProjects();
  const started = Date.now();
  const deadline = opt.seconds ? started + Number(opt.seconds) * 1000 : Infinity;
  const numbers =
    opt.case !== undefined ? [Number(opt.case)] : Array.from({ length: Number(opt.cases) }, (_, i) => i + 1);
  if (opt.list) {
    for (const n of numbers) {
      const c = makeCase(projects, n);
      process.stdout.write(`case ${n} ${c.mode} ${c.mutation} (${esc(c.note)}) of ${c.source}\n`);
    }
    return;
  }
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < numbers.length && Date.now() < deadline) {
      const c = makeCase(projects, numbers[next++]);
      const failures = await runCase(c);
      results.push({ c, failures });
      if (failures.length) {
        const kind = failures[0].kind;
        const hang = failures.some((f) => f.kind === 'hang'); // each try would wait out the bound
        const small = !hang && budget > 0 ? await shrink(c, kind, budget) : undefined;
        saveFailure(small ?? c, failures, small && c);
        c.saved = (small ?? c).saved;
      }
      const mark = failures.length ? `FAIL ${[...new Set(failures.map((f) => f.kind))].join(',')}` : 'ok';
      process.stdout.write(`case ${c.n} ${c.mode} ${c.mutation} (${esc(c.note.slice(0, 70))}): ${mark}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(opt.jobs)) }, worker));
  results.sort((a, b) => a.c.n - b.c.n);
  const count = (xs) =>
    Object.entries(xs.reduce((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {}))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const failed = results.filter((r) => r.failures.length);
  const all = failed.flatMap((r) => r.failures);
  const out = [
    '',
    `zerodown fuzz: seed ${seed}, ${results.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (${opt.jobs} jobs, CLI: ${opt.bin ?? 'src/cli/bin.ts via tsx'})`,
    `  modes:     ${count(results.map((r) => r.c.mode))}`,
    `  mutations: ${count(results.map((r) => r.c.mutation))}`,
    `  failures:  ${failed.length ? `${failed.length} cases (${count(all.map((f) => f.kind))})` : 'none'}`,
  ];
  for (const { c, failures } of failed) {
    out.push('', `FAIL seed ${seed} case ${c.n}: ${c.mode}, ${c.mutation} (${esc(c.note)}) of ${c.source}`);
    for (const f of failures) out.push(`  ${f.kind}: ${esc(f.message.slice(0, 400))}`);
    out.push(`  input: ${c.saved}/`, `  reproduce: ${reproduce(c)}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  if (opt.json)
    writeFileSync(
      opt.json,
      JSON.stringify(
        {
          seed,
          cases: results.map(({ c, failures }) => ({
            n: c.n,
            mode: c.mode,
            mutation: c.mutation,
            note: esc(c.note),
            source: c.source,
            saved: c.saved,
            ...(failures.length ? { reproduce: reproduce(c) } : {}),
            failures,
          })),
        },
        null,
        2,
      ),
    );
  process.exitCode = failed.length ? 1 : 0;
}

await main();
