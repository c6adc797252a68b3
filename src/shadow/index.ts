/**
 * The shadow database: run migrations on a throwaway PostgreSQL and report what
 * really happened (locks, rewrites, durations, errors).
 *
 *   const shadow = await openShadow({ extensions: extensionsIn(sources) }); // PGlite
 *   const shadow = await openShadow({ url: 'postgres://…' });               // fresh database on a server
 *   await replayHistory(shadow, history);
 *   await seed(shadow, { rows: 1000 });
 *   const trace = await runTraced(shadow, migration);
 *   const schema = await snapshotSchema(shadow);
 *   await shadow.close();
 */
export type { EngineLimit, Shadow, ShadowKind, SideConnection, SqlError } from './driver.js';
export { toSqlError } from './driver.js';
export { extensionsIn } from '../dialects/postgres/shadow/extensions.js';
export { ShadowSetupError } from '../dialects/postgres/shadow/postgres.js';
export { replayHistory, type ReplayFailure, type ReplayProgress, type ReplayResult } from './replay.js';
export { seed, type SeedFailure, type SeedOptions, type SeedResult } from '../dialects/postgres/shadow/seed.js';
export {
  runTraced,
  toParsed,
  type HeldLock,
  type LockInfo,
  type StatementError,
  type TraceInput,
  type TraceOptions,
  type TraceResult,
  type TracedStatement,
} from './trace.js';
export {
  diffData,
  diffSchemas,
  snapshotData,
  snapshotSchema,
  type ColumnSnapshot,
  type ConstraintSnapshot,
  type SchemaSnapshot,
  type TableData,
  type TableSnapshot,
} from '../dialects/postgres/shadow/snapshot.js';
export { loadSchemaDump } from '../dialects/postgres/shadow/dump.js';

export { openShadow, type OpenShadowOptions } from '../dialects/postgres/shadow/open.js';
export { confirmFindings, dryRun, type DryRun, type DryRunFile, type DryRunOptions } from './dryrun.js';
