/**
 * What a traced run of a file on the shadow produces (src/shadow/trace.ts), and the small pieces
 * the tracer's parts share.
 */
import type { Estimate, Migration, ParsedMigration, Statement, TransactionMode } from '../model.js';
import type { SqlError } from './driver.js';
import type { LockWatch, OnlineMeasure, RelMap, ScaleMeasure } from './probes.js';

export interface LockInfo {
  /** relation name as `schema.name` (the default schema dropped) */
  relation: string;
  /** PostgreSQL lock mode name, as pg_locks reports it */
  mode: string;
  blocksReads: boolean;
  blocksWrites: boolean;
  /** table, index, sequence, view, … */
  kind?: string;
  /**
   * `pg_locks` (read in the open transaction), `documented` (PostgreSQL docs), `sampled` (seen from a
   * second connection), `held` (the statement needs it, and its transaction already held it)
   */
  source: 'pg_locks' | 'documented' | 'sampled' | 'held';
  /** with `held`: the line of the statement that took the lock first */
  heldSince?: number;
}

export interface StatementError extends SqlError {
  path: string;
  /** 1-based line of the error: the statement's line, or the line of PostgreSQL's error position inside it */
  line: number;
  column: number;
  /** set when the failure comes from an engine limit (e.g. an extension PGlite does not bundle) */
  limit?: string;
  /** set when the failure probably follows from a statement the shadow did not run (it reaches outside) */
  consequenceOf?: string;
}

export interface TracedStatement {
  path: string;
  /** index of the statement within its file */
  index: number;
  line: number;
  column: number;
  endLine: number;
  /** AST node type, e.g. AlterTableStmt */
  kind: string;
  sql: string;
  durationMs: number;
  locks: LockInfo[];
  /** tables (and materialized views) whose relfilenode changed: the data was rewritten */
  rewrites: string[];
  /** indexes rebuilt (relfilenode changed) */
  rebuiltIndexes: string[];
  error: StatementError | null;
  /** how it ran: inside the file's transaction, an explicit BEGIN block, autocommit (wrapped by the tracer), or alone (cannot run in a transaction) */
  transaction: 'file' | 'explicit' | 'autocommit' | 'alone';
  /** not run, because an earlier statement of the file failed (migration tools stop there) or the shadow run stopped */
  skipped?: boolean;
  /**
   * not run on the shadow, and why: the statement reaches outside the throwaway database
   * (src/rules/outside.ts). The file goes on with the next statement.
   */
  refused?: string;
  /**
   * set when this record stands for a run of consecutive INSERT … VALUES into one table (statements
   * `index` … `lastIndex`, lines `line` … `endLine`), traced together: see traceInsertRun
   */
  count?: number;
  lastIndex?: number;
  /** it overran the shadow's time bound (`--shadow-timeout`) and was stopped; `error` says so (SQLSTATE 57014) */
  timedOut?: boolean;
  /** how the server runs it online (MySQL/MariaDB ALTER), measured on a copy of the table (`ShadowProbes.online`) */
  online?: OnlineMeasure;
  /** an ALTER the shadow could not measure, and why */
  unmeasured?: string;
  /** with `--stats`: its time on its table as seeded and emptied (`ShadowProbes.scale`), for the estimate */
  scale?: ScaleMeasure;
  /** `dry-run --stats`: its time on the production table, scaled from `scale` (an estimate, never a measurement) */
  estimate?: Estimate;
}

export interface HeldLock {
  path: string;
  relation: string;
  mode: string;
  blocksReads: boolean;
  blocksWrites: boolean;
  /** line of the statement that took the lock */
  line: number;
  /** line where the transaction ended */
  untilLine: number;
  until: 'COMMIT' | 'ROLLBACK' | 'end of file' | 'error';
  /** statements run while the lock was held (the one that took it included, COMMIT excluded) */
  statements: number;
  /** time the lock was held on the shadow: durations of those statements and the COMMIT */
  heldMs: number;
  /** rows in the table on the shadow when the run started (seeded), when known */
  rows?: number;
  /**
   * indexes and sequences the same statement locked no less strongly (a rewrite locks every
   * index of its table): folded into this entry instead of a held lock each
   */
  alsoLocked?: { relation: string; kind: string }[];
}

export interface TraceResult {
  path: string;
  statements: TracedStatement[];
  heldLocks: HeldLock[];
  /** the file's first error, if any */
  error: StatementError | null;
  /**
   * a statement overran the time bound (or the shadow was stopped): the engine is gone, the
   * rest of the file is marked not run, and nothing more can run on this shadow
   */
  stopped?: boolean;
}

/** The statements of a file that never ran because the shadow run stopped before it. */
export function notRun(parsed: ParsedMigration): TracedStatement[] {
  return parsed.statements.map((stmt) => ({
    path: parsed.migration.path,
    index: stmt.index,
    line: stmt.span.line,
    column: stmt.span.column,
    endLine: stmt.span.endLine,
    kind: stmt.kind,
    sql: stmt.text,
    durationMs: 0,
    locks: [],
    rewrites: [],
    rebuiltIndexes: [],
    error: null,
    transaction: 'autocommit',
    skipped: true,
  }));
}

export type TraceInput = Migration | ParsedMigration | { path?: string; sql: string; transaction?: TransactionMode };

export interface TraceOptions {
  /** override how the tool runs the file (default: the migration's own mode; `none` for plain SQL) */
  transaction?: TransactionMode;
  /** record locks and rewrites (default true). false only runs the statements (history replay) */
  trace?: boolean;
  /** seeded row counts by relation name (as in LockInfo.relation), for the held-lock report */
  rows?: Map<string, number>;
  /** called after each statement */
  onStatement?: (s: TracedStatement) => void;
  /**
   * the plan proof's lock watch: told about every transaction and statement (autocommit statements
   * are then wrapped in their own transaction, as when tracing, so the watch sees their locks);
   * `label` names a statement in the watch's violations
   */
  watch?: { watch: LockWatch; label(stmt: Statement): string };
  /**
   * keep going after an error, like `psql` without ON_ERROR_STOP (schema dumps).
   * Default false: migration tools stop a file at its first error.
   */
  continueOnError?: boolean;
  /** time each statement whose cost grows with its table on the table seeded and emptied (`ShadowProbes.scale`) */
  scale?: boolean;
}

/** The input as parsed statements; `parse` is the dialect's (a shadow's `probes.parse`). */
export function toParsed(input: TraceInput, parse: (m: Migration) => ParsedMigration): ParsedMigration {
  if ('statements' in input && 'migration' in input) return input;
  if ('source' in input && 'absPath' in input) return parse(input);
  const m: Migration = {
    path: input.path ?? '<sql>',
    absPath: input.path ?? '<sql>',
    source: input.sql,
    dialect: 'postgres',
    framework: 'plain',
    transaction: input.transaction ?? 'none',
    review: true,
  };
  return parse(m);
}

export function errorAt(stmt: Statement, path: string, err: SqlError): StatementError {
  let line = stmt.span.line;
  let column = stmt.span.column;
  if (err.position && err.position <= stmt.text.length + 1) {
    const before = stmt.text.slice(0, err.position - 1);
    const nl = before.split('\n').length - 1;
    if (nl > 0) {
      line += nl;
      column = before.length - before.lastIndexOf('\n');
    } else column += before.length;
  }
  return { ...err, path, line, column };
}

/** SQLSTATEs of "X does not exist" (MySQL: 42S02 table, 42S22 column): what a statement that was not run (a role, an extension) causes later. */
export const MISSING_OBJECT = new Set(['42704', '42883', '42P01', '42703', '3F000', '42S02', '42S22']);

export const now = () => performance.now();
export const round = (ms: number) => Math.round(ms * 100) / 100;

/** The transaction open on the shadow while a file runs: the tool's (`file`) or the file's own BEGIN (`explicit`). */
export interface TxState {
  kind: 'file' | 'explicit';
  /** relations that existed when the transaction began (locks on newer ones are invisible to others) */
  startRels?: RelMap;
  held: Map<string, { mode: string; index: number; line: number; kind?: string }>;
  /** statement indexes run inside it, with durations */
  run: { index: number; durationMs: number; control: boolean }[];
}

/** Statements longer than this are reported by their first characters (a 20 MB INSERT is data, not a message). */
export const SQL_EXCERPT_CHARS = 2000;

export function sqlExcerpt(text: string): string {
  if (text.length <= SQL_EXCERPT_CHARS) return text;
  return `${text.slice(0, SQL_EXCERPT_CHARS)} … (${(text.length - SQL_EXCERPT_CHARS).toLocaleString('en-US')} more characters)`;
}

/** A schema dump loaded into the shadow (`DialectShadow.loadSchemaDump`). */
export interface DumpResult {
  statements: number;
  errors: StatementError[];
  /** a statement overran the time bound: the load stopped there */
  stopped?: boolean;
  /** statements not run: they reach outside the throwaway database */
  refused: { line: number; statement: string; why: string }[];
}
