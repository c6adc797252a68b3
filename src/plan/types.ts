/**
 * Staged plans: the safe version of a migration, as ordered phases.
 * Plain data only; the planner (planner.ts) builds it, verify.ts proves it on
 * the shadow database, src/report/plan-*.ts render it.
 */
import type { Migration, Severity } from '../model.js';

/** Phase kinds, in the order a rewrite usually walks through them. */
export type PhaseName = 'expand' | 'backfill' | 'validate' | 'index' | 'contract';

export const PHASE_ORDER: readonly PhaseName[] = ['expand', 'backfill', 'validate', 'index', 'contract'];

export interface Phase {
  name: PhaseName;
  /** true: run the phase inside one transaction; false: send it on its own, outside any transaction */
  transactional: boolean;
  /** one line: why this phase exists */
  reason: string;
  /** complete runnable SQL of the phase (transactional phases start with SET lock_timeout / statement_timeout) */
  sql: string;
  /** an application deploy that must be live before this phase runs */
  deploy?: string;
  /** the phase contains a TODO that fails loudly until a person edits it */
  todo?: boolean;
  /**
   * online schema change tool commands that do the phase's change without blocking writes (MySQL/MariaDB
   * changes the server can only do by copying the table); `sql` then holds the plain ALTER they end in
   */
  commands?: ToolCommand[];
  /** read-only queries to run on production before the phase: they find the rows the phase would fail on or lose */
  preflight?: PreflightQuery[];
}

/** A generated command for an online schema change tool (gh-ost, pt-online-schema-change). */
export interface ToolCommand {
  tool: 'gh-ost' | 'pt-online-schema-change';
  /** the rehearsal that changes nothing (gh-ost without `--execute`, pt-osc `--dry-run`): run it first */
  dryRun: string;
  /** the real run */
  command: string;
  /** what must hold for the tool: `met` false: it does not (said plainly); null: check it on the server */
  preconditions: { met: boolean | null; text: string }[];
}

/** A read-only query to run on production before a lossy or failing step. */
export interface PreflightQuery {
  /** what it looks for and what a non-empty answer means */
  purpose: string;
  /** the query, one statement */
  sql: string;
}

export interface PlanNote {
  level: 'todo' | 'warning' | 'info';
  message: string;
  /** 1-based line of the statement in the original file */
  line?: number;
}

/** One statement of the original that the plan rewrote. */
export interface Rewrite {
  /** the rule whose finding this rewrite answers */
  rule: string;
  line: number;
  /** the original statement, shortened */
  statement: string;
  /** what the plan does instead, one line */
  summary: string;
}

/**
 * A lint finding the plan does not answer: the statement is kept as written, so the
 * danger the finding describes is still there, and a person must deal with it.
 */
export interface Unhandled {
  path: string;
  line: number;
  rule: string;
  /** the finding's (a note: a table too small to hurt, with --stats; it never fails the run) */
  severity: Severity;
  /** the finding's message */
  message: string;
  /** what to do by hand (why the planner has no rewrite, or the rule's advice) */
  advice: string;
}

export interface LockSpan {
  phase: number;
  table: string;
  mode: string;
  ms: number;
}

export interface Verification {
  /** e.g. `PGlite 18.6` or `PostgreSQL 16.4` */
  engine: string;
  schemaEqual: boolean;
  /** null: the original's data changes are not comparable (the original fails, or every changed column is volatile) */
  dataEqual: boolean | null;
  /** no phase held a lock that blocks reads or writes across a table rewrite or a full scan */
  locksSafe: boolean;
  /** the longest time any phase held AccessExclusiveLock on a table that has rows, in ms */
  longestAccessExclusiveMs: number;
  /** what the proof claims when no lock span was timed, when the engine words it otherwise (MySQL: no table rebuilt inside a transaction) */
  quietClaim?: string;
  /** human-readable differences (schema, data, locks); empty when everything matched */
  differences: string[];
  /** columns left out of the data comparison because their values are not deterministic (`table.column`) */
  nondeterministic: string[];
  /** differences that the plan makes on purpose (e.g. below PG 12 the NOT NULL stays a CHECK), and were seen */
  expected: string[];
  /** what the original did on the shadow that the plan avoids (locks held across rewrites or scans) */
  originalViolations: string[];
  /** the longest AccessExclusiveLock the original held on a table with rows, in ms */
  originalLongestAccessExclusiveMs: number;
  /** what the proof could not check on this engine */
  caveats: string[];
  /** seeded rows per table */
  seedRows: number;
  /** the original and the plan both failed on the seeded rows, so both were compared on empty tables (locks and data not measured) */
  emptyTables?: boolean;
  /** how the original behaved on the shadow: null when it ran, or its error */
  originalError: string | null;
  /** the plan phase that failed (1-based) and its error */
  planError?: { phase: number; message: string };
  /** set when the proof could not run at all */
  error?: string;
  /**
   * the shadow cache: `hit` when the proof started from the replayed and seeded history an earlier run saved, `miss`
   * when it replayed the history and saved it, `proof` when an earlier run proved this same plan of the same migration
   * from that start (its verdict, timings included, is reused: nothing ran), `off` without a cache (or on a server);
   * absent from older results
   */
  cache?: 'hit' | 'miss' | 'off' | 'proof';
  /** per-phase lock facts */
  locks: LockSpan[];
  /**
   * set (with `targetVersion`) when the proof was given the target's major version (`--pg-version`)
   * and the shadow engine's differs: "proved on PGlite 18, target PostgreSQL 11"
   */
  shadowVersion?: number;
  targetVersion?: number;
}

export interface ExpectedDifference {
  /** schema snapshot keys (see verify.ts) the difference may touch, e.g. `column public.t.c` */
  keys: string[];
  /** why, for a person */
  why: string;
}

/**
 * A statement whose rewrite is a local edit (every step of it has `Step.local`): the plain statements that
 * may replace it where it stands, in the order the plan runs them. That holds where the file runs them
 * outside a transaction (each commits before the next starts): a caller lints the edited file to know.
 */
export interface LocalEdit {
  /** `Statement.index` of the statement replaced */
  statementIndex: number;
  line: number;
  /** the rules whose findings on the statement the rewrite answers */
  rules: string[];
  /** the replacing statements, each ending with `;`, one per line */
  sql: string;
}

export interface StagedPlan {
  /** path of the original migration as shown to the user */
  path: string;
  migration: Migration;
  phases: Phase[];
  rewrites: Rewrite[];
  notes: PlanNote[];
  /** differences from the original's final schema that the plan makes on purpose */
  expectedDifferences: ExpectedDifference[];
  /** findings on this file that the plan keeps as written (they still need a person) */
  unhandled?: Unhandled[];
  /** the rewritten statements that are local edits (see `LocalEdit`), in file order */
  edits?: LocalEdit[];
  verified?: Verification;
}

export interface PlanOptions {
  pgVersion?: number;
  /** `lock_timeout` set at the start of every transactional phase (default `2s`) */
  lockTimeout?: string;
  /** `statement_timeout` for expand/contract phases (default `15s`); validate phases use 0 (no limit) */
  statementTimeout?: string;
  /** rows per backfill batch (default 1000) */
  batchSize?: number;
  /** backfill expressions for new NOT NULL columns without a default, keyed `table.column` or `schema.table.column` */
  backfill?: Record<string, string>;
  /** lint findings; a statement flagged by a rule a rewrite knows is rewritten even when the planner would not */
  findings?: {
    path: string;
    rule: string;
    statementIndex: number;
    severity: Severity;
    line: number;
    message: string;
    help?: string;
    /** the rule's facts (a dialect's `FilePlan.answersOnRewrite` may read them) */
    data?: Record<string, unknown>;
  }[];
  /** treat every file as wrapped in a transaction by the migration tool */
  assumeInTransaction?: boolean;
}

export const DEFAULTS = {
  lockTimeout: '2s',
  statementTimeout: '15s',
  batchSize: 1000,
} as const;
