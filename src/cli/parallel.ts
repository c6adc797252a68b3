/**
 * Linting a long run of migrations on two cores, with exactly the sequential result.
 *
 * The schema replay makes the work sequential: rules on file N need the catalog as left by
 * files 0..N-1. The split below keeps that: the main thread parses, replays and lints files
 * [0, split); a worker thread parses and replays files [0, split) WITHOUT rules (cheap: no
 * rules is most of the cost), then parses, replays and lints [split, n). Both engines see
 * every statement in the same order, so every finding is the one the sequential engine gives.
 * The split point balances the two: the worker's extra replay against the main thread's
 * share of the rules, plus the worker's start-up.
 *
 * Used by `zerodown lint` for large runs from the bundle (the worker loads dist/cli.js again).
 * Only findings and statement counts come back from the worker: the CLI's reports need no
 * ASTs, and structured-cloning them would cost more than parsing twice.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { LintEngine, type LintOptions } from '../engine/lint.js';
import type { FileResult, Finding, LintResult, Migration } from '../model.js';
import { loadParser, parseMigration } from '../parse/postgres.js';

/** Options that can cross a thread boundary (no functions, no custom rule objects). */
export type PortableLintOptions = Pick<LintOptions, 'pgVersion' | 'assumeInTransaction' | 'rules' | 'ruleOptions'>;

interface WorkerJob {
  zerodownLintWorker: true;
  migrations: Migration[];
  from: number;
  options: PortableLintOptions;
}

interface WorkerFile {
  index: number;
  findings: Finding[];
  statements: number;
}

type WorkerReply = { ok: true; files: WorkerFile[]; replayMs: number; lintMs: number } | { ok: false; error: string };

/** Cost of the rules on a file under review, relative to parsing and replaying it (measured on the corpus: 1.0 to 1.5). */
const RULES_FACTOR = 1.5;
/** The worker's start-up (loading the bundle, compiling the parser), in parse-bytes: roughly 60 ms. */
const STARTUP_BYTES = 300_000;
/** Below this much work (in parse-bytes) a second thread costs more than it saves. */
const MIN_WORK = 1_500_000;

function cost(m: Migration): { parse: number; lint: number } {
  const parse = m.source.length + 200; // per-file overhead
  return { parse, lint: m.review ? parse * RULES_FACTOR : 0 };
}

/**
 * Where to split `migrations` between the main thread (before) and the worker (from here on),
 * or -1 when one thread is the better choice.
 */
export function splitPoint(migrations: Migration[], opts: { force?: boolean } = {}): number {
  const costs = migrations.map(cost);
  const total = costs.reduce((n, c) => n + c.parse + c.lint, 0);
  if (migrations.length < 2 || (!opts.force && total < MIN_WORK)) return -1;
  const startup = opts.force ? 0 : STARTUP_BYTES;
  let mainCost = 0;
  let replay = 0;
  let rest = total;
  let best = -1;
  let bestMax = total; // one thread does everything
  for (let i = 0; i < migrations.length; i++) {
    const c = costs[i]!;
    mainCost += c.parse + c.lint;
    replay += c.parse;
    rest -= c.parse + c.lint;
    const workerCost = startup + replay + rest;
    const max = Math.max(mainCost, workerCost);
    if (max < bestMax) {
      bestMax = max;
      best = i + 1;
    }
    if (mainCost > workerCost) break;
  }
  if (opts.force) return Math.min(Math.max(best, 1), migrations.length - 1);
  return best > 0 && best < migrations.length && bestMax < total * 0.85 ? best : -1;
}

function cpuTimes(): { idle: number; total: number; at: number } {
  let idle = 0;
  let total = 0;
  for (const c of cpus()) {
    idle += c.times.idle;
    total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  }
  return { idle, total, at: performance.now() };
}
// sampled when `zerodown lint` starts; compared when the split is decided, after discovery
const cpuAtStart = cpuTimes();

/**
 * Idle cores, on average, since the command started (this process's own main thread is
 * busy all along, so a free core shows as about 1). Falls back to the load average when
 * too little time has passed to tell.
 */
export function idleCores(): number {
  const now = cpuTimes();
  const cores = availableParallelism();
  const dt = now.total - cpuAtStart.total;
  if (now.at - cpuAtStart.at < 60 || dt <= 0) return Math.max(0, cores - loadavg()[0]);
  return (cores * (now.idle - cpuAtStart.idle)) / dt;
}

/** True when this code runs from the CLI bundle, whose entry (src/cli/bin.ts) starts the worker side in a worker thread. */
function bundled(): boolean {
  return /\/cli\.js$/.test(new URL(import.meta.url).pathname);
}

/**
 * Lints on two threads when the run is large enough and a core is free (and `ZERODOWN_WORKERS` is not `0`;
 * `ZERODOWN_WORKERS=1` forces it for any run of two files or more; `ZERODOWN_TRACE=1` says so on stderr). Returns undefined when it is not worth it,
 * and the caller lints on one thread. FileResults of worker files carry no statements
 * (the summary counts them).
 */
export async function lintParallel(
  migrations: Migration[],
  options: PortableLintOptions & { onProgress?: LintOptions['onProgress'] },
): Promise<LintResult | undefined> {
  const env = process.env.ZERODOWN_WORKERS;
  if (env === '0' || !bundled()) return undefined;
  // the worker repeats part of the parsing: a win only with a core to spare (measured: on a
  // machine already running two busy processes the two-thread run is slower than one thread)
  if (env !== '1' && (availableParallelism() < 2 || idleCores() < 0.6)) return undefined;
  const split = splitPoint(migrations, { force: env === '1' });
  if (split < 0) return undefined;
  const trace = !!process.env.ZERODOWN_TRACE;
  if (trace) process.stderr.write(`zerodown: linting on two threads, split at file ${split} of ${migrations.length}\n`);
  const t0 = performance.now();

  const portable: PortableLintOptions = {
    pgVersion: options.pgVersion,
    assumeInTransaction: options.assumeInTransaction,
    rules: options.rules,
    ruleOptions: options.ruleOptions,
  };
  const job: WorkerJob = { zerodownLintWorker: true, migrations, from: split, options: portable };
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  const reply = new Promise<WorkerReply>((resolve) => {
    worker.once('message', (m: WorkerReply) => resolve(m));
    worker.once('error', (err) => resolve({ ok: false, error: String(err?.stack ?? err) }));
    worker.once('exit', (code) => resolve({ ok: false, error: `lint worker exited with code ${code}` }));
  });

  await loadParser();
  const engine = new LintEngine(portable);
  const files: FileResult[] = [];
  let statements = 0;
  const total = migrations.length;
  for (let i = 0; i < split; i++) {
    const m = migrations[i]!;
    const r = engine.processFile(parseMigration(m));
    if (m.review) {
      files.push({ migration: m, statements: [], findings: r.findings });
      statements += r.statements.length;
    }
    options.onProgress?.(i + 1, total, m);
  }

  const mainMs = performance.now() - t0;
  const answer = await reply;
  void worker.terminate();
  if (trace && answer.ok) {
    const f = (n: number) => `${Math.round(n)} ms`;
    process.stderr.write(
      `zerodown: main thread ${f(mainMs)}, then waited ${f(performance.now() - t0 - mainMs)}; worker replay ${f(answer.replayMs)} + lint ${f(answer.lintMs)}\n`,
    );
  }
  if (answer.ok) {
    for (const f of answer.files) {
      files.push({ migration: migrations[f.index]!, statements: [], findings: f.findings });
      statements += f.statements;
    }
    options.onProgress?.(total, total, migrations[total - 1]!);
  } else {
    // the worker failed: carry on here, from exactly where this engine's catalog stands
    for (let i = split; i < total; i++) {
      const m = migrations[i]!;
      const r = engine.processFile(parseMigration(m));
      if (m.review) {
        files.push({ migration: m, statements: [], findings: r.findings });
        statements += r.statements.length;
      }
      options.onProgress?.(i + 1, total, m);
    }
  }
  let errors = 0;
  let warnings = 0;
  for (const f of files) for (const x of f.findings) x.severity === 'error' ? errors++ : warnings++;
  return { files, summary: { files: files.length, statements, errors, warnings } };
}

/** The worker side; started by bin.ts when `workerData.zerodownLintWorker` is set. */
export function isLintWorker(): boolean {
  return !!parentPort && !!(workerData as WorkerJob | undefined)?.zerodownLintWorker;
}

export async function runLintWorker(): Promise<void> {
  const job = workerData as WorkerJob;
  const port = parentPort!;
  try {
    const t0 = performance.now();
    await loadParser();
    const engine = new LintEngine(job.options);
    const out: WorkerFile[] = [];
    let t1 = 0;
    job.migrations.forEach((m, index) => {
      if (index < job.from) {
        // replay only: the main thread lints these
        engine.processFile(parseMigration({ ...m, review: false }));
        return;
      }
      if (!t1) t1 = performance.now();
      const r = engine.processFile(parseMigration(m));
      if (m.review) {
        // `data` is planner detail the CLI's reports do not show; it may hold AST nodes
        const findings = r.findings.map(({ data: _data, ...f }) => f);
        out.push({ index, findings, statements: r.statements.length });
      }
    });
    const t2 = performance.now();
    port.postMessage({ ok: true, files: out, replayMs: (t1 || t2) - t0, lintMs: t2 - (t1 || t2) } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({ ok: false, error: String((err as Error)?.stack ?? err) } satisfies WorkerReply);
  }
}
