/** What the shadow tests use, from where it lives (src/shadow/index.ts, an unused barrel, is gone). */
export type { Shadow, SqlError } from '../../src/shadow/driver.js';
export { extensionsIn } from '../../src/dialects/postgres/shadow/extensions.js';
export { loadSchemaDump } from '../../src/dialects/postgres/shadow/dump.js';
export { openShadow } from '../../src/dialects/postgres/shadow/open.js';
export { seed } from '../../src/dialects/postgres/shadow/seed.js';
export { snapshotData, snapshotSchema } from '../../src/dialects/postgres/shadow/snapshot.js';
export { replayHistory } from '../../src/shadow/replay.js';
export { runTraced, type TraceResult, type TracedStatement } from '../../src/shadow/trace.js';
export { dryRun } from '../../src/shadow/dryrun.js';
