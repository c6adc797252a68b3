/**
 * Entry point of the GitHub Action (bundled to dist/index.js). Thin: on Node 24 (the Action's `node24`) it starts
 * again with `--liftoff-only` (src/respawn.ts); then the run itself (./start.ts), loaded only by the process that
 * runs it.
 */
import { respawn, shouldRespawn } from '../respawn.js';

// resolved only when Node could not be started again: then the run happens here
if (shouldRespawn()) await respawn();
const { start } = await import('./start.js');
start();
