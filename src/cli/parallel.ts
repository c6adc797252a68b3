/**
 * `zerodown lint` on the second core: a helper thread started when the command starts.
 *
 * 1. Warm-up. While the main thread reads the config and discovers migrations, the helper
 *    parses a built-in sample of migration SQL. V8 shares a WebAssembly module's optimised
 *    code between the threads of a process, so the main thread's parsing then starts on code
 *    the helper already tiered up instead of on the baseline compiler's (measured in a
 *    prototype: the first parse pass over the corpus 35-45% faster).
 * 2. Split. The schema replay makes linting sequential: rules on file N need the
 *    catalog as left by files 0..N-1. The split keeps that: the main thread parses, replays and
 *    lints files [0, split); the helper parses and replays files [0, split) WITHOUT rules, then
 *    parses, replays and lints [split, n). Both engines see every statement in the same order,
 *    so every finding is the one the sequential engine gives. The split point balances the
 *    helper's extra replay against the main thread's share of the rules.
 *
 * Only findings and statement counts come back from the helper: the CLI's reports need no
 * ASTs, and structured-cloning them would cost more than parsing twice.
 *
 * OFF BY DEFAULT: `ZERODOWN_WORKERS=1` turns it on (`ZERODOWN_TRACE=1` reports what it did
 * on stderr). Measured on the 2-core machine this was built on, quiet, corpus of 2,874 files:
 * one thread 2.03-2.33 s, two threads 2.17-2.25 s. Node already keeps the second core busy
 * with V8's own background work (concurrent and parallel GC, optimising compilers: a
 * one-thread run uses ~1.6 cores of CPU), so the helper has nothing spare to run on. Worth
 * measuring again on 4+ cores. It only runs from the CLI bundle (the helper loads
 * dist/cli.js again, see src/cli/bin.ts).
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { LintEngine, type LintOptions } from '../engine/lint.js';
import type { FileResult, Finding, LintResult, Migration } from '../model.js';
import { loadParser, parseMigration, parseToJson } from '../dialects/postgres/parse.js';

/** Options that can cross a thread boundary (no functions, no custom rule objects). */
export type PortableLintOptions = Pick<LintOptions, 'pgVersion' | 'assumeInTransaction' | 'rules' | 'ruleOptions'>;

interface LintJob {
  type: 'job';
  migrations: Migration[];
  from: number;
  options: PortableLintOptions;
}

interface WorkerFile {
  index: number;
  findings: Finding[];
  statements: number;
}

type WorkerReply =
  { ok: true; files: WorkerFile[]; warmups: number; replayMs: number; lintMs: number } | { ok: false; error: string };

/** Cost of the rules on a file under review, relative to parsing and replaying it (measured on the corpus: 1.0 to 1.5). */
const RULES_FACTOR = 1.5;
/** Below this much work (in parse-bytes) a split costs more than it saves. */
const MIN_WORK = 1_500_000;
/** The helper stops warming up after this long without a job. */
const WARMUP_MS = 4000;

function cost(m: Migration): { parse: number; lint: number } {
  const parse = m.source.length + 200; // per-file overhead
  return { parse, lint: m.review ? parse * RULES_FACTOR : 0 };
}

/**
 * Where to split `migrations` between the main thread (before) and the helper (from here on),
 * or -1 when one thread is the better choice. The helper is already running and warm.
 */
export function splitPoint(migrations: Migration[], opts: { force?: boolean } = {}): number {
  const costs = migrations.map(cost);
  const total = costs.reduce((n, c) => n + c.parse + c.lint, 0);
  if (migrations.length < 2 || (!opts.force && total < MIN_WORK)) return -1;
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
    const max = Math.max(mainCost, replay + rest);
    if (max < bestMax) {
      bestMax = max;
      best = i + 1;
    }
    if (mainCost > replay + rest) break;
  }
  if (opts.force) return Math.min(Math.max(best, 1), migrations.length - 1);
  return best > 0 && best < migrations.length && bestMax < total * 0.85 ? best : -1;
}

/** True when this code runs from the CLI bundle, whose entry (src/cli/bin.ts) starts the helper side in a worker thread. */
function bundled(): boolean {
  return /\/cli\.js$/.test(new URL(import.meta.url).pathname);
}

// ---- main-thread side --------------------------------------------------------------------

export class LintHelper {
  private readonly reply: Promise<WorkerReply>;
  private stopped = false;

  private constructor(private readonly worker: Worker) {
    this.reply = new Promise<WorkerReply>((resolve) => {
      worker.once('message', (m: WorkerReply) => resolve(m));
      worker.once('error', (err) => resolve({ ok: false, error: String(err?.stack ?? err) }));
      worker.once('exit', (code) => resolve({ ok: false, error: `lint helper exited with code ${code}` }));
    });
    worker.unref(); // while it only warms up, it must not keep the process alive
  }

  /** Starts the helper when asked to (`ZERODOWN_WORKERS=1`) from the bundled CLI. */
  static start(): LintHelper | undefined {
    if (process.env.ZERODOWN_WORKERS !== '1' || !bundled()) return undefined;
    try {
      return new LintHelper(new Worker(new URL(import.meta.url), { workerData: { zerodownLintWorker: true } }));
    } catch {
      return undefined;
    }
  }

  run(job: Omit<LintJob, 'type'>): Promise<WorkerReply> {
    this.worker.ref(); // from here on the answer is awaited: keep the process alive for it
    this.worker.postMessage({ type: 'job', ...job } satisfies LintJob);
    return this.reply.finally(() => this.stop());
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.worker.terminate();
  }
}

/**
 * Lints on two threads with a started helper. Returns undefined without one (or for a single
 * file), and the caller lints on one thread. FileResults of helper files carry no statements
 * (the summary counts them).
 */
export async function lintParallel(
  migrations: Migration[],
  options: PortableLintOptions & { onProgress?: LintOptions['onProgress'] },
  helper: LintHelper | undefined,
): Promise<LintResult | undefined> {
  if (!helper) return undefined;
  // asked for explicitly (the only way the helper starts): split any run of two files or more
  const split = splitPoint(migrations, { force: true });
  const trace = !!process.env.ZERODOWN_TRACE;
  if (split < 0) {
    helper.stop();
    return undefined;
  }
  if (trace) process.stderr.write(`zerodown: linting on two threads, split at file ${split} of ${migrations.length}\n`);
  const t0 = performance.now();

  const portable: PortableLintOptions = {
    pgVersion: options.pgVersion,
    assumeInTransaction: options.assumeInTransaction,
    rules: options.rules,
    ruleOptions: options.ruleOptions,
  };
  const reply = helper.run({ migrations, from: split, options: portable });

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
  if (trace && answer.ok) {
    const f = (n: number) => `${Math.round(n)} ms`;
    process.stderr.write(
      `zerodown: main thread ${f(mainMs)}, then waited ${f(performance.now() - t0 - mainMs)}; helper warm-up ${answer.warmups} parses, replay ${f(answer.replayMs)} + lint ${f(answer.lintMs)}\n`,
    );
  }
  if (answer.ok) {
    for (const f of answer.files) {
      files.push({ migration: migrations[f.index]!, statements: [], findings: f.findings });
      statements += f.statements;
    }
    options.onProgress?.(total, total, migrations[total - 1]!);
  } else {
    // the helper failed: carry on here, from exactly where this engine's catalog stands
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

// ---- helper-thread side ------------------------------------------------------------------

/** True in the helper thread started by `LintHelper.start()` (checked by src/cli/bin.ts). */
export function isLintWorker(): boolean {
  return !!parentPort && !!(workerData as { zerodownLintWorker?: boolean } | undefined)?.zerodownLintWorker;
}

/**
 * Migration SQL of the usual shapes (DDL with constraints, indexes, ALTER TABLE variants,
 * functions, DO blocks, DML, comments), parsed over and over to warm the parser up.
 */
const WARMUP_SQL = `-- warm-up sample
BEGIN;
CREATE TABLE IF NOT EXISTS "public"."Account" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "email" VARCHAR(320) NOT NULL,
  "name" TEXT DEFAULT '' NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "plan" TEXT CHECK (plan IN ('free', 'pro')),
  "ownerId" UUID REFERENCES users (id) ON DELETE CASCADE,
  balance numeric(12, 2) DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}'::text[],
  meta jsonb,
  CONSTRAINT "Account_email_key" UNIQUE ("email")
);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS account_email_idx ON "Account" USING btree (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX account_owner_idx ON public.account (owner_id, created_at DESC);
ALTER TABLE "Account" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'active', ALTER COLUMN "name" SET NOT NULL, DROP COLUMN IF EXISTS legacy;
ALTER TABLE account ADD CONSTRAINT account_owner_fkey FOREIGN KEY (owner_id) REFERENCES users(id) NOT VALID;
ALTER TABLE account VALIDATE CONSTRAINT account_owner_fkey;
ALTER TABLE account ALTER COLUMN balance TYPE numeric(14, 2) USING balance::numeric(14, 2);
ALTER TABLE account RENAME COLUMN name TO display_name;
ALTER TYPE status ADD VALUE IF NOT EXISTS 'archived' AFTER 'active';
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
DROP INDEX IF EXISTS old_idx;
DROP TABLE IF EXISTS tmp_import CASCADE;
COMMENT ON COLUMN account.email IS 'login';
SET lock_timeout = '2s';
UPDATE account SET plan = 'free' WHERE plan IS NULL AND id BETWEEN 1 AND 10000;
INSERT INTO settings (key, value) VALUES ('a', 1), ('b', 2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
DELETE FROM sessions WHERE expires_at < now() - interval '30 days';
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$;
CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'kind') THEN CREATE TYPE kind AS ENUM ('a'); END IF; END $$;
CREATE VIEW active_accounts AS SELECT a.id, a.email, count(s.*) AS sessions FROM account a LEFT JOIN sessions s ON s.account_id = a.id WHERE a.status = 'active' GROUP BY 1, 2;
GRANT SELECT ON active_accounts TO reporting;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
COMMIT;
`;

export async function runLintWorker(): Promise<void> {
  const port = parentPort!;
  const t0 = performance.now();
  let job: LintJob | undefined;
  port.on('message', (m: LintJob) => {
    if (m?.type === 'job') job = m;
  });
  try {
    await loadParser();
    // warm up, yielding to the event loop every few milliseconds so a job is seen at once
    let warmups = 0;
    while (!job && performance.now() - t0 < WARMUP_MS) {
      const slice = performance.now() + 5;
      while (performance.now() < slice) {
        parseToJson(WARMUP_SQL);
        warmups++;
      }
      await new Promise((r) => setImmediate(r));
    }
    if (!job) {
      // nothing to do: let the thread end (the main thread may already be linting alone)
      port.close();
      return;
    }
    const t1 = performance.now();
    const engine = new LintEngine(job.options);
    const out: WorkerFile[] = [];
    let t2 = 0;
    job.migrations.forEach((m, index) => {
      if (index < job!.from) {
        // replay only: the main thread lints these
        engine.processFile(parseMigration({ ...m, review: false }));
        return;
      }
      if (!t2) t2 = performance.now();
      const r = engine.processFile(parseMigration(m));
      if (m.review) {
        // `data` is planner detail the CLI's reports do not show; it may hold AST nodes
        const findings = r.findings.map(({ data: _data, ...f }) => f);
        out.push({ index, findings, statements: r.statements.length });
      }
    });
    const t3 = performance.now();
    port.postMessage({
      ok: true,
      files: out,
      warmups,
      replayMs: (t2 || t3) - t1,
      lintMs: t3 - (t2 || t3),
    } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({ ok: false, error: String((err as Error)?.stack ?? err) } satisfies WorkerReply);
  }
}
