/**
 * PostgreSQL as a `Dialect` (src/dialect.ts): libpg-query parses, the catalog
 * replays, `PgSession` models transactions and time limits, the rules live in
 * rules/postgres/. The core reaches PostgreSQL only through this module
 * (and only the pipeline's dialect registry imports it).
 */
import type { Dialect, RelArg } from '../../dialect.js';
import { allRules } from '../../../rules/postgres/index.js';
import { Catalog, relKey, DEFAULT_SCHEMA } from './catalog.js';
import { loadParser, parseMigration } from './parse.js';
import { PgSession } from './session.js';
import { LOCKS, lockStrength, quoteIdent, quoteLiteral, type LockMode } from './util.js';
import { sqlComment } from './plan/quote.js';
import { DEFAULT_PG_VERSION } from './version.js';
import { partsLoader } from '../parts.js';
import { exportPostgresStats } from './stats.js';

/** `schema.table` for a RangeVar-like node, or for `table` / `schema.table` text (no schema: `public`). */
function pgRelationKey(rel: RelArg): string {
  if (typeof rel === 'string') return rel.includes('.') ? rel : `${DEFAULT_SCHEMA}.${rel}`;
  return relKey(rel);
}

// the shadow (PGlite's glue, the seeding, the probes) and the planner: chunks of their own, loaded by a dry run or a plan
const parts = partsLoader('PostgreSQL', async () => {
  const [{ postgresShadow }, { postgresPlanner }] = await Promise.all([
    import('./shadow/index.js'),
    import('./plan/index.js'),
  ]);
  return { shadow: postgresShadow, plan: postgresPlanner };
});

export const postgres: Dialect<any, Catalog> = {
  id: 'postgres',
  name: 'PostgreSQL',
  defaultVersion: DEFAULT_PG_VERSION,
  load: loadParser,
  parse: (migration) => parseMigration(migration),
  newCatalog: () => new Catalog(),
  // the catalog is maps of plain objects (parse-tree fragments for defaults and CHECKs): its own fields are the data
  catalogData: { save: (c) => ({ ...c }), load: (d) => Object.assign(new Catalog(), d as Partial<Catalog>) },
  relationKey: pgRelationKey,
  session: (wrapped) => new PgSession(wrapped),
  rules: allRules,
  quote: { ident: quoteIdent, literal: quoteLiteral, comment: sqlComment },
  locks: {
    strength: lockStrength,
    effect: (mode) => (mode in LOCKS ? LOCKS[mode as LockMode] : undefined),
  },
  get shadow() {
    return parts.get().shadow;
  },
  get plan() {
    return parts.get().plan;
  },
  loadParts: parts.load,
  exportStats: exportPostgresStats,
};

export { Catalog, type Table, type Column } from './catalog.js';
export { PgSession } from './session.js';
export type { PgStatement, PgParsedMigration } from './statement.js';
export { DEFAULT_PG_VERSION, parsePgVersion } from './version.js';
export default postgres;
