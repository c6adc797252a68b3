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
import type { Shadow } from './driver.js';
import { PgliteShadow } from './pglite.js';
import { PostgresShadow } from './postgres.js';

export type { EngineLimit, Shadow, ShadowKind, SideConnection, SqlError } from './driver.js';
export { toSqlError } from './driver.js';
export { extensionsIn } from './extensions.js';
export { ShadowSetupError } from './postgres.js';
export { replayHistory, type ReplayFailure, type ReplayProgress, type ReplayResult } from './replay.js';
export { seed, type SeedFailure, type SeedOptions, type SeedResult } from './seed.js';
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
} from './snapshot.js';
export { loadSchemaDump } from './dump.js';

export interface OpenShadowOptions {
  /** a PostgreSQL server URL; a fresh uniquely named database is created there and dropped on close. Default: embedded PGlite */
  url?: string;
  /** extensions the migrations create (PGlite must load their bundles at start); see `extensionsIn` */
  extensions?: string[];
}

/** Opens a shadow database: embedded PGlite by default, or a fresh database on the server at `url`. */
export async function openShadow(opts: OpenShadowOptions = {}): Promise<Shadow> {
  if (opts.url) return PostgresShadow.open(opts.url);
  return PgliteShadow.open({ extensions: opts.extensions });
}
