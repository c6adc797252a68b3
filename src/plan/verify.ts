/**
 * The proof of a plan on the shadow database.
 *
 * From the same start (history replayed, the same deterministic rows seeded),
 * run the original migration twice (once when it surely writes the same data every time: schema statements
 * that call no function, `ShadowProbes.reproducible`) and the plan once, each on a fresh shadow:
 * - schema: the plan's final catalog must equal the original's (tables, columns
 *   with type, nullability and default, indexes, constraints with definition and
 *   validity, triggers, functions, views, sequences, enums), except differences
 *   the plan makes on purpose;
 * - data: compared table by table, by primary key, leaving out the columns
 *   whose values differ between the two runs of the original (volatile
 *   functions such as random() or now());
 * - locks: inside each transactional phase, no table that has rows may be
 *   rewritten or scanned while the phase holds a lock that blocks writes on it.
 *
 * The original runs through the shadow kernel's one routine (`runTraced`), exactly as the dry
 * run runs it (per-region transaction modes included); the seeder, the snapshots, the lock watch
 * and the saved start come from the dialect (`DialectShadow`, `shadow.probes`) and the replay cache.
 */
import type { Migration, ParsedMigration, Statement } from '../model.js';
import type { DialectShadow } from '../dialect.js';
import { shadowWork, type Shadow } from '../shadow/driver.js';
import { cacheKey, provingStore, readResult, resultKey, writeResult } from '../shadow/cache.js';
import { compareData, diffSchemas, volatileColumns } from '../shadow/compare.js';
import { dialectFor, loadedShadowOf } from '../dialects/index.js';
import type { LockWatch } from '../shadow/probes.js';
import { replayHistory } from '../shadow/replay.js';
import { runTraced } from '../shadow/trace.js';
import type { StagedPlan, Verification } from './types.js';

export interface VerifyOptions {
  /** a PostgreSQL URL; default: embedded PGlite */
  shadowUrl?: string;
  /** with `shadowUrl`: run as the URL's role when no unprivileged run role can be made, even if it is powerful */
  allowSuperuserShadow?: boolean;
  /** rows seeded in every table that exists before the migration (default 200) */
  seedRows?: number;
  /** wall-clock bound per statement on the shadow, ms (default 30 s); past it the proof stops */
  shadowTimeoutMs?: number;
  /**
   * the target's major version (`--pg-version`): when the shadow's differs, the result says so
   * (`Verification.shadowVersion` / `targetVersion`)
   */
  pgVersion?: number;
  /** the original migration already parsed (the pipeline parses once); default: parsed here */
  parsed?: ParsedMigration;
  /** the dialect's shadow (default PostgreSQL's) */
  dialect?: DialectShadow;
  /**
   * the shadow cache (embedded engine only): the replayed and seeded start is saved here, and the next proof on the
   * same history, seed and zerodown boots from it instead of replaying the history again; a finished proof's verdict
   * too, and the same plan of the same migration on that start is not proven again (`Verification.cache` `proof`)
   */
  cacheDir?: string;
}

export const DEFAULT_SEED_ROWS = 200;

/**
 * A statement overran the time bound on this shadow (the original, the plan, the history or the
 * seed): the engine was stopped, so the proof cannot go on. Throws, naming what overran.
 */
function checkStopped(sh: Shadow, what: string): void {
  if (!sh.stopped) return;
  const sql = sh.stopped.sql.replace(/\s+/g, ' ').trim();
  throw new Error(
    `${what} did not finish within ${sh.stopped.seconds} s on the shadow (${sql.length > 80 ? `${sql.slice(0, 79)}…` : sql}): stopped; raise --shadow-timeout if it is legitimately slow`,
  );
}

function errorText(err: unknown): string {
  const e = err as { message?: string; detail?: string };
  return `${e?.message ?? String(err)}${e?.detail ? ` (${e.detail})` : ''}`.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, max = 90): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Applies the history the way each file's tool would (the kernel's replay); returns the failures, one line each. */
export async function replay(sh: Shadow, migrations: (Migration | ParsedMigration)[]): Promise<string[]> {
  const r = await replayHistory(sh, migrations);
  return r.failures.map((f) => `${f.path}:${f.line}: ${f.message}${f.limit ? ` (${f.limit})` : ''}`);
}

/**
 * Seeds `rows` rows in every user table with the proof's policy (src/shadow/probes.ts
 * `SeedPolicy`): deterministic, no NULLs a CHECK does not need. Returns the tables it could not fill.
 */
export async function seed(sh: Shadow, rows: number): Promise<string[]> {
  if (rows <= 0) return [];
  const r = await sh.probes.seed(sh, { rows, policy: { kind: 'proof' } });
  return r.failures.map((f) => `${f.table}: ${f.message}`);
}

/**
 * Runs the original migration on the shadow through the kernel's one routine, the way its tool
 * runs it, under the lock watch. Returns its error (null when it ran).
 */
async function runOriginal(
  sh: Shadow,
  m: ParsedMigration,
  watch: LockWatch,
  notRun: Set<string>,
): Promise<string | null> {
  if (m.error) return `cannot parse: ${m.error.message}`;
  watch.setPhase(0);
  const r = await runTraced(sh, m, {
    trace: false,
    watch: { watch, label: (s: Statement) => `line ${s.span.line} (${shorten(s.text, 60)})` },
  });
  // reaches outside the throwaway database: never run (the plan's run skips it too)
  for (const s of r.statements) if (s.refused) notRun.add(`${m.migration.path}:${s.line}: ${s.refused}`);
  return r.error ? errorText(r.error) : null;
}

/** Runs one statement of a phase under the watch; throws its error. */
async function watched(sh: Shadow, watch: LockWatch, sql: string, label: string): Promise<void> {
  const token = await watch.before();
  const t0 = performance.now();
  await sh.exec(sql);
  await watch.after(token, label, performance.now() - t0);
}

async function endTx(sh: Shadow, watch: LockWatch, sql: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  const t0 = performance.now();
  try {
    await sh.exec(sql);
  } finally {
    watch.ended(performance.now() - t0);
  }
}

/** Runs the plan phase by phase, each as the plan says (in a transaction or not); returns the failing phase, if any. */
async function runPlan(
  sh: Shadow,
  plan: StagedPlan,
  watch: LockWatch,
  notRun: Set<string>,
): Promise<{ phase: number; message: string } | undefined> {
  const p = sh.probes;
  for (let i = 0; i < plan.phases.length; i++) {
    const phase = plan.phases[i]!;
    watch.setPhase(i + 1);
    let inTx = false;
    try {
      const stmts = p.parse({
        path: `phase ${i + 1}`,
        absPath: `phase ${i + 1}`,
        source: phase.sql,
        dialect: plan.migration.dialect,
        framework: 'plain',
        transaction: 'none',
        review: true,
      });
      if (stmts.error) throw new Error(stmts.error.message);
      // statements that reach outside the throwaway database are never run (nor in the original's runs)
      const runnable = stmts.statements.filter((s) => {
        const refused = p.refused(s, sh.kind);
        if (refused) notRun.add(`phase ${i + 1} (${phase.name}): ${refused}`);
        return !refused;
      });
      const label = (s: Statement) => `phase ${i + 1} (${phase.name}): ${shorten(s.text, 60)}`;
      if (phase.transactional) {
        await sh.exec('BEGIN');
        watch.began();
        inTx = true;
        for (const s of runnable) await watched(sh, watch, s.text, label(s));
        inTx = false;
        await endTx(sh, watch, 'COMMIT');
      } else if (runnable.length === stmts.statements.length && runnable.length === 1) {
        await watched(sh, watch, phase.sql, `phase ${i + 1} (${phase.name})`);
      } else {
        for (const s of runnable) await watched(sh, watch, s.text, label(s));
      }
    } catch (err) {
      if (inTx) await endTx(sh, watch, 'ROLLBACK').catch(() => {});
      return { phase: i + 1, message: errorText(err) };
    }
  }
  return undefined;
}

function engineName(sh: Shadow): string {
  const [kind, version] = sh.engine.split(' ');
  const names: Record<string, string> = { pglite: 'PGlite', mysql: 'MySQL', mariadb: 'MariaDB' };
  const name = names[kind ?? ''] ?? 'PostgreSQL';
  return `${name} ${version ?? sh.serverVersion}`;
}

interface Start {
  failures: string[];
  seedProblems: string[];
}

const strings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isStart = (m: unknown): m is Start =>
  !!m && typeof m === 'object' && strings((m as Start).failures) && strings((m as Start).seedProblems);

/**
 * Proves a plan: `history` are the migrations before the planned one (applied as
 * written), then the original and the plan run on fresh shadows from the same start.
 */
export async function verifyPlan(
  plan: StagedPlan,
  history: (Migration | ParsedMigration)[],
  opts: VerifyOptions = {},
): Promise<Verification> {
  const dialect = opts.dialect ?? (await loadedShadowOf(dialectFor(plan.migration.dialect)));
  await dialect.probes.load();
  const rows = opts.seedRows ?? DEFAULT_SEED_ROWS;
  const historyMigrations = history.map((m) => ('migration' in m && 'statements' in m ? m.migration : m));
  const historySources = historyMigrations.map((m) => m.source);
  const sources = [...historySources, plan.migration.source];
  const extensions = dialect.extensionsIn(sources);
  const original = opts.parsed ?? dialect.probes.parse(plan.migration);
  const v: Verification = {
    engine: '',
    schemaEqual: false,
    dataEqual: null,
    locksSafe: false,
    longestAccessExclusiveMs: 0,
    differences: [],
    nondeterministic: [],
    expected: [],
    originalViolations: [],
    originalLongestAccessExclusiveMs: 0,
    caveats: [],
    seedRows: rows,
    originalError: null,
    locks: [],
  };
  const notRun = new Set<string>();
  // the original's second run finds the columns whose values differ between runs; one that surely writes the same
  // data every time is run once (every column is then compared)
  const reproducible = !original.error && !!dialect.probes.reproducible?.(original.statements, historySources);
  const bound = opts.shadowTimeoutMs !== undefined ? { timeoutMs: opts.shadowTimeoutMs } : {};
  // what an embedded engine runs: the history, unless it boots from a saved start, then the migration or the plan
  const runs = [plan.migration.source, ...plan.phases.map((p) => p.sql)];
  const work = { fresh: shadowWork([...historySources, ...runs]), fromStart: shadowWork(runs) };
  const open = (state?: Buffer) =>
    dialect.open(
      opts.shadowUrl
        ? { url: opts.shadowUrl, allowSuperuser: !!opts.allowSuperuserShadow, ...bound }
        : {
            extensions,
            ...bound,
            ...(state ? { state } : {}),
            work: state ? work.fromStart : work.fresh,
          },
    );
  // an embedded engine saves the replayed and seeded start once, and boots the next runs from it
  const states = provingStore<Start>(opts.shadowUrl ? undefined : opts.cacheDir);
  v.cache = opts.cacheDir && !opts.shadowUrl ? 'miss' : 'off';
  const keyOf = (withRows: boolean) =>
    cacheKey({
      engine: dialect.embeddedEngine?.() ?? 'server',
      extensions,
      seedRows: withRows ? rows : 0,
      history: historyMigrations,
      seedPolicy: 'proof',
    });
  // the same plan of the same migration from the same start (zerodown, engine, history, seed): proven already
  const proofKey =
    opts.cacheDir && !opts.shadowUrl
      ? resultKey([keyOf(true), { ...plan, verified: undefined }, opts.pgVersion ?? null, opts.shadowTimeoutMs ?? null])
      : undefined;
  if (opts.cacheDir && proofKey) {
    const done = readResult(opts.cacheDir, 'proof', proofKey);
    if (isVerdict(done)) return { ...done, cache: 'proof' };
  }
  // the first start of the proof, when it boots from a state an earlier run saved on disk
  let first = true;
  const start = async (withRows: boolean): Promise<{ sh: Shadow } & Start> => {
    const key = keyOf(withRows);
    const found = opts.shadowUrl ? undefined : states.get(key);
    // what a start saved on disk says about itself is read as data: one that does not say it is a miss
    const saved = found && isStart(found.meta) ? found : undefined;
    const isFirst = first;
    first = false;
    if (saved) {
      const sh = await open(saved.tar);
      if (sh.boot === 'cache') {
        if (isFirst && v.cache === 'miss') v.cache = 'hit';
        return { sh, ...saved.meta };
      }
      await sh.close();
    }
    const sh = await open();
    try {
      const failures = await replay(sh, history);
      checkStopped(sh, 'the history');
      const seedProblems = withRows
        ? await seed(sh, rows).catch((err) => (checkStopped(sh, 'seeding'), Promise.reject(err)))
        : [];
      checkStopped(sh, 'seeding');
      if (sh.saveState) states.put(key, await sh.saveState(), { failures, seedProblems });
      return { sh, failures, seedProblems };
    } catch (err) {
      await sh.close();
      throw err;
    }
  };
  const noteVersions = (sh: Shadow) => {
    if (opts.pgVersion === undefined || v.shadowVersion !== undefined) return;
    if (sh.serverVersion !== opts.pgVersion) {
      v.shadowVersion = sh.serverVersion;
      v.targetVersion = opts.pgVersion;
    }
  };
  const runOrig = async (withRows: boolean) => {
    const { sh, failures, seedProblems } = await start(withRows);
    try {
      noteVersions(sh);
      const watch = await sh.probes.watch(sh);
      const error = await runOriginal(sh, original, watch, notRun).catch((err) => {
        checkStopped(sh, 'the original migration');
        throw err;
      });
      checkStopped(sh, 'the original migration');
      return {
        error,
        failures,
        seedProblems,
        watch,
        engine: engineName(sh),
        schema: error ? undefined : await sh.probes.snapshotSchema(sh),
        data: error ? undefined : await sh.probes.snapshotData(sh),
      };
    } finally {
      await sh.close();
    }
  };
  const runPlanOn = async (withRows: boolean) => {
    const { sh, seedProblems } = await start(withRows);
    try {
      const watch = await sh.probes.watch(sh);
      const err = await runPlan(sh, plan, watch, notRun).catch((e) => {
        checkStopped(sh, 'the staged plan');
        throw e;
      });
      checkStopped(sh, 'the staged plan');
      return {
        err,
        watch,
        seedProblems,
        schema: await sh.probes.snapshotSchema(sh),
        data: await sh.probes.snapshotData(sh),
      };
    } finally {
      await sh.close();
    }
  };
  // set once the plan's run starts; awaited on every way out, so no shadow outlives the proof
  let planOnRows: ReturnType<typeof runPlanOn> | undefined;
  try {
    const a = await runOrig(true);
    v.engine = a.engine;
    if (a.failures.length)
      v.differences.push(`history: ${a.failures.length} statement(s) failed on the shadow, e.g. ${a.failures[0]}`);
    v.originalError = a.error;
    v.originalViolations = a.watch.violations;
    v.originalLongestAccessExclusiveMs = Math.max(0, ...a.watch.spans.map((s) => s.ms));
    let origSchema = a.schema;
    let origData = a.data;
    let skip = new Set<string>();
    // The plan's run on the seeded tables does not depend on the original's second run: both boot from
    // the start the first run saved, so they run side by side (each engine in its own worker thread or
    // database), which is most of the proof's wall time on a machine with a second core.
    planOnRows = runPlanOn(true);
    // a rejection is taken where it is awaited below; this keeps it from being reported as unhandled first
    planOnRows.catch(() => {});
    if (a.error) {
      // the original cannot run on a table with rows (e.g. NOT NULL without a default): compare the schema it gives on empty tables
      const empty = await runOrig(false);
      origSchema = empty.schema;
      origData = undefined;
      if (empty.error)
        throw new Error(`the original migration fails on the shadow even with empty tables: ${empty.error}`);
    } else if (!reproducible) {
      const b = await runOrig(true);
      if (b.error) throw new Error(`the original migration failed on its second run: ${b.error}`);
      skip = volatileColumns(a.data!, b.data!);
      v.nondeterministic = [...skip].sort();
    }

    let run = await planOnRows;
    if (a.error && run.err && !plan.phases[run.err.phase - 1]?.todo) {
      // the seeded rows do not fit this migration at all (the original fails on them too): compare on empty tables
      const empty = await runPlanOn(false);
      if (!empty.err) {
        run = empty;
        v.emptyTables = true;
      }
    }
    if (run.err) v.planError = run.err;
    for (const n of notRun)
      v.caveats.push(`not run on the shadow, because it reaches outside the throwaway database: ${n}`);
    // a phase made by an online schema change tool: the proof applies the ALTER the tool ends in
    plan.phases.forEach((p, i) => {
      if (p.commands?.length)
        v.caveats.push(
          `phase ${i + 1} (${p.name}) was applied as its plain ALTER, the end state of its ${p.commands.map((c) => c.tool).join(' / ')} run: the tool's own copy and cut-over were not run here`,
        );
    });
    v.locks = run.watch.spans;
    v.longestAccessExclusiveMs = Math.max(0, ...run.watch.spans.map((s) => s.ms));
    v.locksSafe = !run.watch.violations.length;
    if (run.watch.quietClaim) v.quietClaim = run.watch.quietClaim;
    if (!run.watch.scansVisible)
      v.caveats.push(
        `table scans were not observable (${run.watch.scansHiddenWhy ?? 'track_counts is off and the shadow role may not turn it on'}): only rewrites were checked`,
      );
    v.differences.push(...run.watch.violations.map((x) => `locks: ${x}`));
    const planSchema = run.schema;
    const planData = run.data;
    const seedProblems = v.emptyTables ? [] : run.seedProblems;
    if (seedProblems.length) v.differences.push(`seed: could not fill ${seedProblems.join('; ')}`);
    if (v.planError) {
      v.differences.unshift(`phase ${v.planError.phase} failed: ${v.planError.message}`);
      v.locksSafe = false;
      return v;
    }
    const schemaDiffs = diffSchemas(origSchema!, planSchema);
    const unexpected = schemaDiffs.filter((d) => !plan.expectedDifferences.some((e) => e.keys.includes(d.key)));
    for (const e of plan.expectedDifferences)
      if (schemaDiffs.some((d) => e.keys.includes(d.key))) v.expected.push(e.why);
    v.schemaEqual = unexpected.length === 0;
    v.differences.push(...unexpected.map((d) => `schema ${d.text}`));
    if (origData) {
      const dataDiffs = compareData(origData, planData, skip);
      v.dataEqual = dataDiffs.length === 0;
      v.differences.push(...dataDiffs);
    }
    // a verdict, proven or not, is the same next time; a proof that could not run (v.error) is tried again
    if (opts.cacheDir && proofKey) writeResult(opts.cacheDir, 'proof', proofKey, v);
    return v;
  } catch (err) {
    await planOnRows?.catch(() => {});
    v.error = errorText(err);
    return v;
  } finally {
    // the start saved for later runs is compressed and written while the runs go on; the proof returns once it is
    await states.saved();
  }
}

/** A saved verdict is read as data: one that is not what verifyPlan returns is not reused. */
function isVerdict(x: unknown): x is Verification {
  const v = x as Partial<Record<keyof Verification, unknown>> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.engine === 'string' &&
    typeof v.schemaEqual === 'boolean' &&
    (v.dataEqual === null || typeof v.dataEqual === 'boolean') &&
    typeof v.locksSafe === 'boolean' &&
    typeof v.longestAccessExclusiveMs === 'number' &&
    typeof v.originalLongestAccessExclusiveMs === 'number' &&
    typeof v.seedRows === 'number' &&
    (v.originalError === null || typeof v.originalError === 'string') &&
    v.error === undefined &&
    [v.differences, v.nondeterministic, v.expected, v.originalViolations, v.caveats].every(strings) &&
    Array.isArray(v.locks)
  );
}

/** True when the plan is proven: the proof ran, the same schema, the same data where comparable, safe locks. */
export function isProven(v: Verification | undefined): boolean {
  return !!v && !v.error && !v.planError && v.schemaEqual && v.dataEqual !== false && v.locksSafe;
}
