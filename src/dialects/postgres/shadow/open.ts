import type { Shadow } from '../../../shadow/driver.js';
import { PgliteShadow } from './pglite.js';
import { PostgresShadow } from './postgres.js';

export interface OpenShadowOptions {
  /** a PostgreSQL server URL; a fresh uniquely named database is created there and dropped on close. Default: embedded PGlite */
  url?: string;
  /** extensions the migrations create (PGlite must load their bundles at start); see `extensionsIn` */
  extensions?: string[];
  /** wall-clock bound per statement, ms (default 30 s: `DEFAULT_SHADOW_TIMEOUT_S`) */
  timeoutMs?: number;
  /**
   * with `url`: when the URL's role may not create the run's unprivileged role and is itself a
   * superuser or may reach server programs or files, run as it anyway (`--allow-superuser-shadow`)
   */
  allowSuperuser?: boolean;
  /** embedded engine: boot from this saved state (`Shadow.saveState`) instead of an empty database; a server ignores it */
  state?: Buffer;
}

/** Opens a shadow database: embedded PGlite by default, or a fresh database on the server at `url`. */
export async function openShadow(opts: OpenShadowOptions = {}): Promise<Shadow> {
  const bound = opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {};
  if (opts.url) return PostgresShadow.open(opts.url, { ...bound, allowSuperuser: opts.allowSuperuser });
  return PgliteShadow.open({ extensions: opts.extensions, ...(opts.state ? { dataDir: opts.state } : {}), ...bound });
}
