/**
 * The dialect a shadow run uses when its caller names none: PostgreSQL, the only dialect that
 * can dry-run today. The one place the kernel names a dialect; the pipeline passes
 * `DryRunOptions.dialect` / `VerifyOptions.dialect` (a `Dialect.shadow`) once it picks dialects.
 */
import type { DialectShadow } from '../dialect.js';
import { postgresShadow } from '../dialects/postgres/shadow/index.js';

export const defaultShadowDialect: DialectShadow = postgresShadow;
