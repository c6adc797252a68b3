/**
 * The dialect registry: the one core module that imports a dialect's `index.ts`
 * (src/dialects/<id>/index.ts). Everything else asks here, by `Migration.dialect`
 * or by the `dialect` setting (config `dialect`, `--dialect`; default postgres).
 */
import type { Dialect, DialectShadow } from '../dialect.js';
import type { Migration } from '../model.js';
import { UsageError } from '../errors.js';
import { postgres } from './postgres/index.js';
import { mariadb, mysql } from './mysql/index.js';
import { DIALECT_IDS } from './ids.js';

const DIALECTS: ReadonlyMap<string, Dialect> = new Map<string, Dialect>([
  [postgres.id, postgres],
  [mysql.id, mysql as Dialect],
  [mariadb.id, mariadb as Dialect],
]);

/** the dialect a migration is read in when nothing says otherwise */
export const DEFAULT_DIALECT: Migration['dialect'] = 'postgres';

/** the ids of the dialects this build knows, for option choices and messages (the same list as DIALECTS' keys) */
export { DIALECT_IDS } from './ids.js';

/** The dialect named `id` (default: PostgreSQL). A name this build does not know is a usage error. */
export function dialectFor(id: string = DEFAULT_DIALECT): Dialect {
  const d = DIALECTS.get(id);
  if (!d) throw new UsageError(`unknown dialect "${id}" (known: ${DIALECT_IDS.join(', ')})`);
  return d;
}

/**
 * The one dialect a run's migrations are written in (`fallback` when there are none).
 * One run speaks one dialect: the catalog replay and the rules cannot mix two.
 */
export function dialectOf(migrations: readonly Migration[], fallback: string = DEFAULT_DIALECT): Dialect {
  const ids = new Set(migrations.map((m) => m.dialect));
  if (ids.size > 1)
    throw new UsageError(`migrations in more than one dialect (${[...ids].join(', ')}): lint them in separate runs`);
  return dialectFor(ids.values().next().value ?? fallback);
}

export { parsePgVersion } from './ids.js';

/** the dialects the registry holds, by id (a test checks these are DIALECT_IDS) */
export function registeredDialectIds(): string[] {
  return [...DIALECTS.keys()];
}

/**
 * The dialect's shadow engines. A dialect without them cannot dry-run or prove a plan yet:
 * a usage error that says so, never a silent pass.
 */
export function shadowOf(dialect: Dialect): DialectShadow {
  if (!dialect.shadow) throw new UsageError(`${dialect.name} migrations cannot be run on a shadow database yet`);
  return dialect.shadow;
}

/** `shadowOf` once the dialect's shadow is loaded (`Dialect.loadParts`): what every run that opens a shadow asks. */
export async function loadedShadowOf(dialect: Dialect): Promise<DialectShadow> {
  await dialect.loadParts?.();
  return shadowOf(dialect);
}

/** The dialect that reads a server URL: `mysql://` and `mariadb://` are MySQL's, anything else PostgreSQL's. */
export function dialectOfUrl(url: string): Dialect {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return dialectFor(scheme === 'mariadb' ? 'mariadb' : scheme === 'mysql' ? 'mysql' : 'postgres');
}
