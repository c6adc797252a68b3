/**
 * The boundary between the core and a SQL dialect (ARCHITECTURE.md draws it).
 *
 * The core (model, engine, pipeline, shadow kernel, proof, reports, CLI, Action)
 * knows SQL only through this interface. A dialect is one folder,
 * `src/dialects/<id>/`, whose `index.ts` exports a `Dialect`, plus its rules
 * under `rules/<id>/`. Only a dialect's folder imports its parser and its
 * database drivers (the import-boundary check in `npm test` enforces it).
 *
 * Everything but `parse`, `newCatalog`, `session` and `rules` is optional: a
 * dialect that cannot dry-run or plan yet says so, and the core reports "not
 * handled" rather than pretending.
 */
import type { Migration, ParsedMigration, Statement } from './model.js';
import type { Rule, TxState } from './rules/api.js';
import type { Shadow } from './shadow/driver.js';
import type { ShadowProbes } from './shadow/probes.js';
import type { DumpResult } from './shadow/trace-types.js';
import type { Step } from './plan/schedule.js';
import type { StatsFile } from './stats/format.js';
import type { ExpectedDifference, Phase, PlanNote, Rewrite } from './plan/types.js';

export type DialectId = 'postgres' | 'mysql' | 'mariadb' | (string & {});

/** A relation as rules name it: a dialect AST node with schema/table names, or `schema.table` text. */
export type RelArg = { schemaname?: string; relname?: string } | string | undefined;

/** The catalog a dialect replays statement by statement (best effort: what it does not model it leaves alone). */
export interface DialectCatalog<Table = unknown, Column = unknown> {
  /** applies one statement of the file `origin` (an absolute path) */
  apply(stmt: Statement, origin: string): void;
  /** the table, by the dialect's relation key */
  table(key: string): Table | undefined;
  /** the column of a table the catalog knows */
  column(table: Table, column: string): Column | undefined;
  /** the file that created the table, if the replay saw it */
  createdIn(table: Table): string | undefined;
  /** the file that added the column to an existing table, if the replay saw it */
  addedIn(column: Column): string | undefined;
}

/**
 * The dialect's session and transaction model, one per file: how its statements open
 * and end transactions and set time limits. The engine asks it before each statement.
 */
export interface SessionTracker {
  /** the state the next statement runs in */
  readonly state: TxState;
  /** a region of the file that the migration tool runs differently (`Segment.transaction`) begins */
  enterRegion(wrapped: boolean): void;
  /** the statement ran: update transaction and session state */
  after(stmt: Statement): void;
}

/** How to open a shadow database (the kernel's settings; a dialect ignores what it has no use for). */
export interface ShadowOpenOptions {
  /** a server URL: a fresh throwaway database is created there and dropped on close. Default: the embedded engine */
  url?: string;
  /** with `url`: run as the URL's role when no unprivileged run role can be made */
  allowSuperuser?: boolean;
  /** extensions the migrations create (an embedded engine loads their bundles at start); see `extensionsIn` */
  extensions?: string[];
  /** wall-clock bound per statement, ms */
  timeoutMs?: number;
  /**
   * embedded engine: boot from this saved state (`Shadow.saveState`); a function is called once the engine is asked
   * to boot, while its thread instantiates the engine (unpacking a state overlaps with that), and undefined from it
   * boots a fresh engine
   */
  state?: Buffer | (() => Buffer | undefined);
  /**
   * the caller hands `state` over: the engine takes its memory as it is (it is empty afterwards) instead of a copy;
   * for a state no one reads again (one just read from disk for this run)
   */
  handOverState?: boolean;
  /** embedded engine: what it will run (it compiles its code for that); default: a long run */
  work?: ShadowWork;
}

/**
 * What an embedded engine will run, for how it compiles its code: a short run is best served by a quick compile
 * (PGlite: V8's baseline WebAssembly code only), a long one or one that times statements by optimized code.
 */
export interface ShadowWork {
  /** characters of SQL it will run: the history and the files under review (or the schema dump) */
  sqlChars: number;
  /** statements are timed to estimate production times (`--stats`): the speed the estimates were calibrated at */
  timed: boolean;
}

/**
 * What a dialect offers the shadow kernel (src/shadow/): its engines, and through every shadow it
 * opens (`Shadow.probes`) the probes the kernel asks about statements, locks, rewrites, seeding and
 * snapshots. The kernel (dry run, trace, replay, proof) calls nothing else of the dialect.
 */
export interface DialectShadow {
  /** opens a throwaway database: the embedded engine, or a server from a URL */
  open(options: ShadowOpenOptions): Promise<Shadow>;
  /**
   * the embedded engine and its version (e.g. `pglite 0.5.16`): part of a saved state's cache key.
   * Absent when the dialect has none (MySQL, MariaDB): `open` then needs a `url`.
   */
  embeddedEngine?(): string;
  /**
   * Starts loading the embedded engine's code (PostgreSQL: compiling PGlite's WebAssembly, on V8's background
   * threads) so that the first `open` finds it ready: for a front end that knows it will open the embedded engine
   * after work of its own, such as the lint. `work`: what the engine will run (`ShadowOpenOptions.work`), which decides
   * how its code is compiled. Idempotent; absent when there is nothing to prepare.
   */
  prepareEmbedded?(work?: ShadowWork): void;
  /**
   * Starts the embedded engine's thread now (PostgreSQL: PGlite's worker, about 0.1 s of Node's start and PGlite's
   * code on another core), for a front end that will open the engine next and has work of its own first; the next
   * `open` takes it. Only worth it when the engine will be opened: a thread started and not used costs that run
   * time. Absent when there is nothing to start ahead.
   */
  startEmbedded?(): void;
  /** extensions the given sources create, for `ShadowOpenOptions.extensions` */
  extensionsIn(sources: Iterable<string>): string[];
  /** builds the schema from a schema-only dump (`--schema`), the way the dialect's client would load it */
  loadSchemaDump(shadow: Shadow, sql: string, path: string): Promise<DumpResult>;
  /** the probes every shadow of this dialect carries (`Shadow.probes`) */
  probes: ShadowProbes;
}

/** What the planner (src/plan/planner.ts) settles before it asks a dialect to plan. */
export interface PlanSettings {
  /** target version of the dialect's server */
  version: number;
  /** the lock wait limit set at the start of every transactional phase */
  lockTimeout: string;
  /** the statement time limit of expand/contract phases */
  statementTimeout: string;
  /** rows per backfill batch */
  batchSize: number;
  /** backfill expressions for new NOT NULL columns without a default, keyed `table.column` or `schema.table.column` */
  backfill: Record<string, string>;
}

/** What the planner knows of one file under review, from the lint run. */
export interface FileFindings {
  /** rules with a finding on the statement */
  flaggedBy(stmt: Statement): Set<string>;
  /** false when the statement or the file ignores the rule (`-- zerodown-ignore`) */
  allowed(stmt: Statement, rule: string): boolean;
}

/**
 * A dialect's planning of one file under review, statement by statement, in order. For each
 * statement the planner calls `skip`, else `rewrite` (or `keep` when it gives nothing), then `after`.
 */
export interface FilePlan {
  /** what the rewrites wrote so far: notes, the statements rewritten, differences the plan makes on purpose */
  readonly notes: PlanNote[];
  readonly rewrites: Rewrite[];
  readonly expected: ExpectedDifference[];
  /** the statement was folded into an earlier rewrite (e.g. an UPDATE fused into a backfill) */
  consumed(index: number): boolean;
  /**
   * whether rewriting the statement answers a finding of `rule` on it (default: every finding on a
   * rewritten statement is answered). A finding that advises on the migration around the statement
   * (e.g. MySQL's merge-alter-table) stays "not handled" even when the statement is rewritten.
   */
  answersOnRewrite?(rule: string, finding?: { data?: Record<string, unknown> }): boolean;
  /** the statement is not planned: folded into an earlier rewrite, or session control the phases set themselves */
  skip(stmt: Statement): boolean;
  /** the statement opens or ends a transaction */
  transactionControl(stmt: Statement): boolean;
  /** the groups of steps replacing the statement, or undefined to keep it as written (a note says why); may throw */
  rewrite(stmt: Statement): Step[][] | undefined;
  /** the statement kept as written, as one step */
  keep(stmt: Statement): Step;
  /**
   * `keep` reads nothing but the statement, so its step can be made again later: the planner then
   * holds no step for the statements kept before a file's first rewrite (a 40 MB data migration with
   * none held one for each of its 218,000 statements)
   */
  readonly keepIsPure?: boolean;
  /** the statement must run outside a transaction */
  runsAlone(stmt: Statement): boolean;
  /** the statement is done (planned, kept or skipped); the catalog's owner (the lint engine) applies it next */
  after(stmt: Statement): void;
}

/**
 * One planning run over the catalog the lint engine replays (the planner walks along with it and
 * never applies a statement itself): history statements are seen, each file under review is planned.
 */
export interface PlanRun {
  /** a statement of a file not under review, just before the catalog applies it (the run keeps what rewrites may reproduce) */
  seen(stmt: Statement, origin: string): void;
  /** starts planning a file under review (each of its statements then goes through `FilePlan.after`) */
  file(parsed: ParsedMigration, findings: FileFindings): FilePlan;
}

/** What a dialect offers the planner: its rewrites, and the SQL around phases. */
export interface DialectPlanner {
  /** rule ids some rewrite answers (the union of what each rewrite declares) */
  readonly answers: ReadonlySet<string>;
  /** rule ids every transactional phase answers by itself (its lock and statement time limits) */
  readonly phaseAnswers: ReadonlySet<string>;
  /** starts a planning run over `catalog`, the dialect catalog the lint engine replays */
  start(settings: PlanSettings, catalog: DialectCatalog): PlanRun;
  /** the SQL of a transactional phase: the dialect's time limits, the steps, the limits reset; `scan`: every step scans a table (no statement limit) */
  transactionalSql(steps: readonly string[], settings: PlanSettings, scan: boolean): string;
  /** throws when the phase's SQL does not parse, or a phase outside a transaction holds more than one statement */
  checkPhase(phase: Pick<Phase, 'sql' | 'transactional'>): void;
}

/** The dialect's lock modes, by the names its findings and its shadow use (e.g. `AccessExclusiveLock`). */
export interface DialectLocks {
  /** rank from weakest (0) to strongest; -1 for a mode the dialect does not know */
  strength(mode: string): number;
  /** whom the mode blocks, when the dialect knows the mode */
  effect(mode: string): { blocksReads: boolean; blocksWrites: boolean } | undefined;
}

export interface Dialect<Ast = unknown, Cat extends DialectCatalog = DialectCatalog> {
  id: DialectId;
  /** the name people use, e.g. `PostgreSQL` */
  name: string;
  /** target version when neither the config nor the command line gives one */
  defaultVersion: number;
  /** loads the parser (WebAssembly); resolves once, may be called many times */
  load(): Promise<void>;
  /** splits a migration into statements with exact spans, and says what could not be parsed */
  parse(migration: Migration): ParsedMigration<Ast>;
  /** an empty catalog */
  newCatalog(): Cat;
  /**
   * The catalog as plain data (structured-clonable: maps, arrays, plain objects) and back, so that a run
   * can reuse the schema replayed from an unchanged history (src/pipeline/history-cache.ts). Optional:
   * without it every run replays the history.
   */
  catalogData?: { save(catalog: Cat): unknown; load(data: unknown): Cat };
  /** the relation key (`schema.table`) rules and the catalog share */
  relationKey(rel: RelArg): string;
  /** a session tracker for one file; `wrapped`: the tool runs the file in a transaction */
  session(wrapped: boolean): SessionTracker;
  /** the dialect's rules (rules/<id>/index.ts) */
  rules: readonly Rule[];
  /** quoting for generated SQL: every name, value or comment text from the input goes through these */
  quote: { ident(name: string): string; literal(value: string): string; comment(text: string): string };
  /** the dialect's lock modes: how reports rank and explain the locks findings name and the shadow saw */
  locks: DialectLocks;
  /**
   * reads a target version as the user writes it (`8.0.35`, `10.11`) into the one number the core
   * carries (`Settings.pgVersion`); undefined when `text` is not a version. Absent: PostgreSQL's
   * reading (`parsePgVersion`).
   */
  parseVersion?(text: string): number | undefined;
  /** the target version as people write it (`8.0.35`, `10.11`); absent: the number itself */
  versionText?(version: number): string;
  /** facts the dialect adds to every rule context for the target version (e.g. MySQL's `server`) */
  ruleContext?(version: number): Record<string, unknown>;
  /** shadow engines; absent while the dialect cannot dry-run. Read only after `loadParts` */
  shadow?: DialectShadow;
  /** plan rewrites; absent while the dialect cannot plan. Read only after `loadParts` */
  plan?: DialectPlanner;
  /**
   * Loads `shadow` and `plan`, whose code a lint without them never loads (chunks of their own: `zerodown lint`
   * starts sooner); resolves once, may be called many times. The core awaits it before it reads either
   * (`loadedShadowOf` in src/dialects/index.ts, the pipeline's `plannerOf`; `partsLoader` in src/dialects/parts.ts
   * keeps them); reading them before is an internal error, not a missing feature.
   */
  loadParts?(): Promise<void>;
  /**
   * `zerodown stats export --url`: table sizes and activity read from a production server in a READ ONLY
   * transaction (src/stats/format.ts); absent while the dialect cannot
   */
  exportStats?(url: string): Promise<StatsFile>;
}
