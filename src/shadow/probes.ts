/**
 * What the shadow kernel asks a dialect about (src/dialect.ts `DialectShadow.probes`).
 *
 * The kernel (run a file the way its tool would, trace it, prove a plan) is written once; it
 * never reads an AST, never queries a system catalog and never names an engine class. Every
 * SQL-dialect fact it needs goes through this interface: how a statement behaves with respect to
 * transactions, which relations exist and which locks our own backend holds, the documented
 * locks of what cannot be traced inside a transaction, seeding, snapshots, and the proof's
 * lock watch. Each `Shadow` carries the probes of the dialect that opened it (`shadow.probes`).
 */
import type { Migration, ParsedMigration, Statement } from '../model.js';

/**
 * The part of a shadow (src/shadow/driver.ts `Shadow`) the probes use. Declared here, not imported,
 * so that the driver contract can name its probes without an import cycle.
 */
export interface ProbeTarget {
  readonly kind: string;
  readonly serverVersion: number;
  exec(sql: string): Promise<void>;
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `sql` and returns the engine's time on it, ms, measured where it runs (an embedded engine: on its own
   * thread, not stretched by other processes); without it a caller times `exec` by the wall clock
   */
  timed?(sql: string): Promise<number>;
  /** set once the shadow was stopped (a statement overran its time bound) */
  readonly stopped?: unknown;
}

/** A second connection to the same database (src/shadow/driver.ts `SideConnection`). */
export interface ProbeSide {
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type TxControl = 'begin' | 'commit' | 'rollback' | 'commit-chain' | 'rollback-chain' | 'other';

export interface RelInfo {
  oid: number;
  /** `schema.name`, the default schema dropped */
  name: string;
  /** the engine's relation kind code (PostgreSQL: pg_class.relkind) */
  relkind: string;
  /** storage identity: changes when the relation is rewritten (PostgreSQL: relfilenode); 0 when it has none */
  filenode: number;
}

export type RelMap = Map<number, RelInfo>;

export interface HeldRelLock {
  oid: number;
  mode: string;
}

/** A lock a statement is known to take: on a relation named as `LockInfo.relation` (default schema dropped). */
export interface KnownLock {
  relation: string;
  mode: string;
}

/** How rows are generated for seeding. */
export interface SeedPolicy {
  /**
   * `realistic` (the dry run): nullable columns get some NULLs, as production data has, so that
   * SET NOT NULL fails on the shadow as it would in production.
   * `proof` (the plan proof): no NULL that a CHECK does not demand, and every value derived from the
   * row number only (parent keys taken in key order), so that separate shadows seeded from the same
   * start hold exactly the same rows.
   */
  kind: 'realistic' | 'proof';
}

/** A relation the migrations under review name (ShadowProbes.seedScope), as written: `[name]` or `[schema, name]`. */
export interface SeedScopeRelation {
  parts: string[];
  /**
   * whether the statements act on the rows of the tables whose foreign keys reference it (a
   * DELETE: `true`), only when these of its columns are referenced (an UPDATE: the columns it
   * sets), or not (`false`)
   */
  children: boolean | string[];
}

/** What the migrations under review work on: seeding fills these and their foreign-key neighbours. */
export interface SeedScope {
  relations: SeedScopeRelation[];
  /** functions they call (`name` or `schema.name`): a user-defined one may reach any table */
  functions: string[];
}

export interface SeedOptions {
  /** rows per table (default 1000) */
  rows?: number;
  /** only these tables (`schema.name` or `name` for the default schema); default all */
  tables?: string[];
  /**
   * only the tables these relations resolve to (a view: its tables; an index: its table), the
   * tables their triggers name, their parents (foreign keys point at real rows) and, where a
   * statement reaches them, their children; default all
   */
  scope?: SeedScope;
  /** default `realistic` */
  policy?: SeedPolicy;
  /** called before each table is seeded (progress on a terminal) */
  onProgress?: (done: number, total: number, table: string) => void;
}

export interface SeedFailure {
  table: string;
  code: string;
  message: string;
}

export interface SeedResult {
  tables: number;
  /** with a `scope`: the user tables there are (`tables` of them seeded) */
  of?: number;
  /** rows per table after seeding, by name (`name`, or `schema.name` outside the default schema) */
  rows: Map<string, number>;
  failures: SeedFailure[];
  durationMs: number;
}

/** The catalog as `key → definition` lines, e.g. `column public.t.c` → `text NOT NULL DEFAULT …`. */
export type SchemaSnapshot = Map<string, string>;
/** Rows of every user table (`schema.table`), keyed by primary key (or by the whole row when there is none). */
export type DataSnapshot = Map<string, Map<string, Record<string, unknown>>>;

/** A lock held on a table with rows, by a phase of the proof (0: the original). */
export interface WatchedSpan {
  phase: number;
  table: string;
  mode: string;
  ms: number;
}

/**
 * The proof's watch over the tables that had rows at the start: inside a transaction, a statement
 * that rewrites or scans such a table while the transaction holds a lock that blocks writes on it
 * is a violation; AccessExclusiveLock spans are timed. The kernel runs the SQL and tells the watch
 * what happened; the watch reads the engine's statistics and locks.
 */
export interface LockWatch {
  readonly violations: string[];
  readonly spans: WatchedSpan[];
  /** false when table scans cannot be observed (statistics collection off and not ours to turn on) */
  readonly scansVisible: boolean;
  /** why scans are not visible, for the proof's caveat (default: PostgreSQL's track_counts reason) */
  readonly scansHiddenWhy?: string;
  /** what the proof claims when no span was timed (default: no AccessExclusiveLock on a table with rows) */
  readonly quietClaim?: string;
  /** the phase later spans belong to (0: the original migration) */
  setPhase(n: number): void;
  /** a transaction began */
  began(): void;
  /** the transaction ended (its COMMIT or ROLLBACK took `ms`) */
  ended(ms: number): void;
  /** before a statement: reads what `after` compares with */
  before(): Promise<unknown>;
  /** after a statement that took `ms`: records violations under `label` */
  after(token: unknown, label: string, ms: number): Promise<void>;
}

/**
 * How the server runs an ALTER, measured on the shadow (`ShadowProbes.online`): the first of
 * ALGORITHM=INSTANT, INPLACE with LOCK=NONE, INPLACE with LOCK=SHARED, … that the server accepted
 * on a copy of the table.
 */
export interface OnlineMeasure {
  algorithm: 'INSTANT' | 'INPLACE' | 'COPY';
  lock: 'NONE' | 'SHARED' | 'EXCLUSIVE';
  basis: 'measured';
  /** the server that measured it, e.g. `mariadb 10.11.19` */
  server: string;
}

/** An ALTER the shadow could not measure, and why (`OnlineProbe`). */
export interface OnlineUnmeasured {
  unmeasured: string;
}

/**
 * What one statement costs per row on the shadow (`ShadowProbes.scale`, for `--stats` estimates): the
 * statement timed on its table as seeded and on the table emptied, each in a transaction rolled back,
 * so the difference is the part that grows with the table (src/estimate/model.ts scales it).
 */
export interface ScaleMeasure {
  /** the table the statement works on, as traced relations are named */
  table: string;
  /** what kind of work: an ALTER (rewrite or scan), an index build, or a row-by-row DML (backfill) */
  work: 'alter' | 'index' | 'index-concurrently' | 'dml';
  /** rows in the table on the shadow */
  rows: number;
  /** the table's heap bytes on the shadow */
  bytes: number;
  /** fastest of the timings on the seeded table, ms */
  fullMs: number;
  /** fastest of the timings on the emptied table, ms */
  emptyMs: number;
  /**
   * fastest time of the engine's reference workload (src/estimate/model.ts `REFERENCE_MS`), timed in the same rounds,
   * ms: how fast the engine ran meanwhile; absent where the probe has none (servers)
   */
  refMs?: number;
}

export interface ShadowProbes {
  /** loads the dialect's parser; resolves once, may be called many times */
  load(): Promise<void>;
  /** the dialect's parse (src/dialect.ts `Dialect.parse`), for SQL given as text */
  parse(migration: Migration): ParsedMigration;
  /** BEGIN/COMMIT/ROLLBACK and friends; undefined for ordinary statements */
  txControl(stmt: Statement): TxControl | undefined;
  /**
   * Why a statement cannot run inside a transaction block (the engine rejects it there, or it
   * commits by itself), or undefined. The dialect's one list: the planner asks it too.
   */
  notInTransaction(stmt: Statement, serverVersion: number): string | undefined;
  /** why the shadow must not run this statement (it reaches outside the throwaway database), or undefined */
  refused(stmt: Statement, kind: string): string | undefined;
  /**
   * the statement cannot share a batched transaction with others (history replay fast path);
   * `alone`: the batch is its own file's statements only
   */
  breaksBatch(stmt: Statement, serverVersion: number, alone?: boolean): boolean;
  /**
   * what these statements (the migrations under review) work on, for seeding only that; undefined
   * when that cannot be read from them (every table is seeded)
   */
  seedScope?(statements: Statement[]): SeedScope | undefined;
  /**
   * running these statements twice from the same start surely leaves the same data (the proof then runs the
   * original once); `historySources`: the text of the migrations before them. Absent or false: run it twice
   */
  reproducible?(statements: Statement[], historySources: readonly string[]): boolean;
  /** creates the bookkeeping tables of these migration tools, as they exist before the first migration */
  toolTables(shadow: ProbeTarget, frameworks: Iterable<string>): Promise<void>;
  /** `CREATE EXTENSION name`: the name; else undefined */
  extensionOf(stmt: Statement): string | undefined;

  /** user relations with their storage identity */
  relations(shadow: ProbeTarget): Promise<RelMap>;
  /** relation locks granted to our own backend (meaningful inside an open transaction) */
  ownLocks(shadow: ProbeTarget): Promise<HeldRelLock[]>;
  /** our backend's id, for `sampleLocks` from a second connection */
  backendId(shadow: ProbeTarget): Promise<number>;
  /** relation locks granted to backend `pid`, read from a second connection */
  sampleLocks(side: ProbeSide, pid: number): Promise<HeldRelLock[]>;
  /** the table's indexes and the sequences it owns: what an INSERT into it also locks */
  tableParts(shadow: ProbeTarget, oid: number): Promise<Set<number>>;

  /** a `schema.table` key as traced relations are named (`RelInfo.name`: the default schema dropped) */
  relationName(key: string): string;
  /** lock modes ordered by strength */
  lockStrength(mode: string): number;
  lockEffect(mode: string): { blocksReads: boolean; blocksWrites: boolean };
  /** `table`, `index`, `sequence`, … for a relation kind code */
  relkindName(relkind: string): string;
  /** indexes and sequences: locked along with a table, so the table's lock says who waits */
  isAuxiliary(kind: string | undefined): boolean;
  /** the locks the documentation gives for a statement that cannot run in a transaction */
  documentedLocks(stmt: Statement): KnownLock[];
  /** the locks the statement needs (the rules' lock table), on an engine of version `serverVersion` */
  statementLocks(stmt: Statement, serverVersion: number): KnownLock[];
  /** `schema.table` (as `RelInfo.name`) of a plain multi-row-able `INSERT … VALUES`, else undefined */
  insertTarget(stmt: Statement): string | undefined;

  /** fills every user table with sample rows */
  seed(shadow: ProbeTarget, opts?: SeedOptions): Promise<SeedResult>;
  snapshotSchema(shadow: ProbeTarget): Promise<SchemaSnapshot>;
  snapshotData(shadow: ProbeTarget): Promise<DataSnapshot>;
  /** starts the proof's watch over the tables that have rows now */
  watch(shadow: ProbeTarget): Promise<LockWatch>;
  /**
   * Dialects whose server picks an online-DDL algorithm (MySQL, MariaDB): measures, just before
   * a traced statement runs, how the server would run it (on a copy of its table, so the
   * statement itself then runs as written). Undefined for statements it does not measure.
   */
  online?(shadow: ProbeTarget, stmt: Statement): Promise<OnlineMeasure | OnlineUnmeasured | undefined>;
  /**
   * With `--stats`: just before a traced statement runs, times it on its table as seeded and emptied, in
   * a transaction (or savepoint, `inTransaction`) rolled back each time. Undefined for statements whose
   * cost does not grow with a table (or that cannot be timed this way).
   */
  scale?(shadow: ProbeTarget, stmt: Statement, inTransaction: boolean): Promise<ScaleMeasure | undefined>;
}
