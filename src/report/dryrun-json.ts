/**
 * `dry-run --format json`: the stable contract (version 1).
 * `{"version":1,"engine":"pglite 18.6","statements":[{"path","line","sql","durationMs","locks":[{"relation","mode","blocksReads","blocksWrites"}],"rewrites":[…],"error":null}]}`
 * Lock modes are PostgreSQL's own names, as pg_locks reports them. Fields after
 * the contract's (kind, source, heldLocks, history, …) are additions.
 */
import type { Estimate } from '../model.js';
import type { DryRun } from '../shadow/dryrun.js';

export interface DryRunJsonLock {
  relation: string;
  mode: string;
  blocksReads: boolean;
  blocksWrites: boolean;
  kind?: string;
  /** pg_locks | sampled | documented | held (already held by the transaction, since `heldSince`) */
  source: string;
  heldSince?: number;
}

export interface DryRunJsonStatement {
  path: string;
  line: number;
  sql: string;
  durationMs: number;
  locks: DryRunJsonLock[];
  rewrites: string[];
  error: {
    code: string;
    message: string;
    line: number;
    column: number;
    detail?: string;
    hint?: string;
    limit?: string;
    consequenceOf?: string;
  } | null;
  column: number;
  endLine: number;
  kind: string;
  transaction: string;
  rebuiltIndexes: string[];
  skipped?: true;
  /** a run of `count` INSERT … VALUES into one table traced together (lines `line` … `endLine`) */
  count?: number;
  /** overran the shadow's time bound (`--shadow-timeout`) and was stopped */
  timedOut?: true;
  /** not run on the shadow: it reaches outside the throwaway database (why) */
  refused?: string;
  /** MySQL/MariaDB ALTER: the algorithm and lock the server accepted first, measured on a copy of the table */
  online?: { algorithm: string; lock: string; basis: 'measured'; server: string };
  /** MySQL/MariaDB ALTER that could not be measured, and why */
  unmeasured?: string;
  /** `--stats`: the statement's time on the production table, `{seconds, basis, lock}`: an estimate, not a measurement */
  estimate?: Estimate;
}

export function toDryRunJson(d: DryRun) {
  const statements: DryRunJsonStatement[] = d.statements.map((s) => {
    const o: DryRunJsonStatement = {
      path: s.path,
      line: s.line,
      sql: s.sql,
      durationMs: s.durationMs,
      locks: s.locks.map((l) => {
        const x: DryRunJsonLock = {
          relation: l.relation,
          mode: l.mode,
          blocksReads: l.blocksReads,
          blocksWrites: l.blocksWrites,
          source: l.source,
        };
        if (l.kind) x.kind = l.kind;
        if (l.heldSince !== undefined) x.heldSince = l.heldSince;
        return x;
      }),
      rewrites: s.rewrites,
      error: s.error
        ? {
            code: s.error.code,
            message: s.error.message,
            line: s.error.line,
            column: s.error.column,
            ...(s.error.detail ? { detail: s.error.detail } : {}),
            ...(s.error.hint ? { hint: s.error.hint } : {}),
            ...(s.error.limit ? { limit: s.error.limit } : {}),
            ...(s.error.consequenceOf ? { consequenceOf: s.error.consequenceOf } : {}),
          }
        : null,
      column: s.column,
      endLine: s.endLine,
      kind: s.kind,
      transaction: s.transaction,
      rebuiltIndexes: s.rebuiltIndexes,
    };
    if (s.skipped) o.skipped = true;
    if (s.count) o.count = s.count;
    if (s.timedOut) o.timedOut = true;
    if (s.refused) o.refused = s.refused;
    if (s.online) o.online = { ...s.online };
    if (s.estimate) o.estimate = s.estimate;
    if (s.unmeasured) o.unmeasured = s.unmeasured;
    return o;
  });
  const h = d.history;
  return {
    version: 1 as const,
    engine: d.engine,
    statements,
    heldLocks: d.heldLocks,
    files: d.files.map((f) => ({ path: f.path, statements: f.statements, ok: !f.error })),
    history:
      h.source === 'migrations'
        ? {
            source: h.source,
            files: h.files,
            statements: h.statements,
            failures: h.failures,
            refused: h.refused ?? [],
            durationMs: h.durationMs,
          }
        : {
            source: h.source,
            path: h.path,
            statements: h.statements,
            failures: h.errors,
            refused: h.refused ?? [],
            durationMs: h.durationMs,
          },
    seed: d.seed,
    limits: d.limits,
    boot: d.boot,
    cache: d.cache,
    timings: d.timings,
    ...(d.stopped ? { stopped: d.stopped } : {}),
    ...(d.shadowVersion !== undefined ? { shadowVersion: d.shadowVersion, targetVersion: d.targetVersion } : {}),
  };
}

export function formatDryRunJson(d: DryRun): string {
  return JSON.stringify(toDryRunJson(d), null, 2) + '\n';
}
