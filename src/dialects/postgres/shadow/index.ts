/**
 * PostgreSQL's shadow (src/dialect.ts `DialectShadow`): embedded PGlite or a server from a URL,
 * and the probes both carry. `src/dialects/postgres/index.ts` exposes it as the dialect's `shadow`.
 */
import type { DialectShadow } from '../../../dialect.js';
import { loadSchemaDump } from './dump.js';
import { extensionsIn } from './extensions.js';
import { compileEngine, pgliteVersion } from './pglite.js';
import { startWorkerAhead } from './worker-start.js';
import { tierFor } from './pglite-files.js';
import { postgresProbes } from './probes.js';

export const postgresShadow: DialectShadow = {
  // loaded on first use: linting never evaluates the pg driver
  open: async (options) => (await import('./open.js')).openShadow(options),
  embeddedEngine: () => `pglite ${pgliteVersion()}`,
  prepareEmbedded: (work) => void compileEngine(tierFor(work)),
  startEmbedded: () => void startWorkerAhead(),
  extensionsIn,
  loadSchemaDump,
  probes: postgresProbes,
};
