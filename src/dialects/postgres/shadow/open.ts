import type { ShadowOpenOptions } from '../../../dialect.js';
import type { Shadow } from '../../../shadow/driver.js';
import { PgliteShadow } from './pglite.js';
import { buffersFor, tierFor } from './pglite-files.js';
import { PostgresShadow } from './postgres.js';

/** How to open a shadow: the kernel's options (src/dialect.ts), as PostgreSQL reads them. */
export type OpenShadowOptions = ShadowOpenOptions;

/** Opens a shadow database: embedded PGlite by default, or a fresh database on the server at `url`. */
export async function openShadow(opts: OpenShadowOptions = {}): Promise<Shadow> {
  const bound = opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {};
  if (opts.url) return PostgresShadow.open(opts.url, { ...bound, allowSuperuser: opts.allowSuperuser });
  return PgliteShadow.open({
    extensions: opts.extensions,
    ...(opts.state ? { dataDir: opts.state, handOver: !!opts.handOverState } : {}),
    ...bound,
    tier: tierFor(opts.work),
    buffers: buffersFor(opts.work),
  });
}
