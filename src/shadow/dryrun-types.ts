/** The dry run's options and result (src/shadow/dryrun.ts runs it). */
import type { DialectShadow } from '../dialect.js';
import type { EngineLimit, Shadow } from './driver.js';
import type { SeedResult } from './probes.js';
import type { ReplayProgress, ReplayResult } from './replay.js';
import type { DumpResult, HeldLock, StatementError, TracedStatement } from './trace.js';

export interface DryRunOptions {
  /** PostgreSQL server URL; default embedded PGlite */
  url?: string;
  /** with `url`: run as the URL's role when no unprivileged run role can be made, even if it is powerful */
  allowSuperuserShadow?: boolean;
  /** `pg_dump --schema-only` output to build the schema from, instead of replaying history */
  schema?: { path: string; sql: string };
  /** rows per table (default 1000) */
  seedRows?: number;
  /** PGlite only: keep the replayed + seeded state here and reuse it when the inputs are the same */
  cacheDir?: string;
  onProgress?: ReplayProgress;
  /** seeding progress: before each table */
  onSeedProgress?: (done: number, total: number, table: string) => void;
  /** progress of the traced run of the files under review: statements done, of all of them */
  onRunProgress?: (done: number, total: number, path: string) => void;
  /** called once the shadow is open */
  onOpen?: (shadow: Shadow) => void;
  /** wall-clock bound per statement on the shadow, ms (default 30 s) */
  timeoutMs?: number;
  /**
   * the target's major version (`--pg-version`): when the shadow's differs, the result says so
   * (`DryRun.shadowVersion` / `targetVersion`)
   */
  pgVersion?: number;
  /** the dialect's shadow (default PostgreSQL's) */
  dialect?: DialectShadow;
  /** `--stats`: time each statement whose cost grows with its table at two sizes (`TracedStatement.scale`) */
  estimate?: boolean;
}

/** Why the dry run ended early: a statement overran the time bound, the shadow was stopped. */
export interface DryRunStop {
  /** where: replaying history, loading the schema dump, seeding, or running the files under review */
  phase: 'history' | 'schema' | 'seed' | 'run';
  /** one sentence: what overran, where, and what to do */
  message: string;
  path?: string;
  line?: number;
}

export interface DryRunFile {
  path: string;
  statements: number;
  error: StatementError | null;
}

export type History =
  | (Omit<ReplayResult, 'limits'> & { source: 'migrations' })
  | (DumpResult & { source: 'schema'; path: string; durationMs: number });

export interface DryRun {
  version: 1;
  /** the migrations' dialect (`Migration.dialect`) */
  dialect: string;
  engine: string;
  /** `datadir` / `initdb` / `cache` (PGlite) or `database` (server) */
  boot: string;
  /**
   * `hit`: history and seed came from the shadow cache; `miss`: computed and saved; `result`: an earlier run's report
   * on the same files under review and the same start, reused whole (timings included: nothing ran); `off`
   */
  cache: 'hit' | 'miss' | 'off' | 'result';
  statements: TracedStatement[];
  heldLocks: HeldLock[];
  files: DryRunFile[];
  history: History;
  /** `of`: set when only the tables the review works on were seeded (`tables` of `of`) */
  seed: {
    tables: number;
    of?: number;
    rowsPerTable: number;
    rows: number;
    failures: SeedResult['failures'];
    durationMs: number;
  };
  limits: EngineLimit[];
  timings: { bootMs: number; historyMs: number; seedMs: number; runMs: number; totalMs: number };
  /** set when a statement overran the time bound: what follows it was not run (statements marked `skipped`) */
  stopped?: DryRunStop;
  /**
   * set (with `targetVersion`) when the dry run was given the target's major version
   * (`DryRunOptions.pgVersion`) and the shadow engine's differs
   */
  shadowVersion?: number;
  targetVersion?: number;
}

/** What seeding left: tables seeded, rows per table, the tables it could not fill. */
export interface Seeded {
  tables: number;
  /** seeded only what the review works on: the user tables there are */
  of?: number;
  rows: Map<string, number>;
  failures: SeedResult['failures'];
  durationMs: number;
}
