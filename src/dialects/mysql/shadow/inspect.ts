/**
 * What the MySQL shadow reads from the server's catalogs: the relations of the throwaway database
 * with their storage identity, and the metadata locks of the run connection.
 *
 * Storage identity (`RelInfo.filenode`) is the InnoDB table id: MariaDB
 * information_schema.INNODB_SYS_TABLES.TABLE_ID, MySQL 8.0 information_schema.INNODB_TABLES.TABLE_ID.
 * A rebuild (ALGORITHM=COPY, or INPLACE with a table rebuild) makes a new InnoDB table with a new
 * id; INSTANT and in-place changes without a rebuild keep it, so the kernel's rewrite detection
 * works unchanged. Both views need the PROCESS privilege, which the run user does not have: they
 * are read on the admin connection.
 */
import type { HeldRelLock, ProbeSide, ProbeTarget, RelMap } from '../../../shadow/probes.js';
import type { MysqlShadow } from './server.js';
import { nameId } from './util.js';

/**
 * The MySQL shadow behind a probe target; probes of this dialect only ever see its own shadows.
 * Told by shape, not `instanceof`: importing the class would load the mysql2 driver on every lint.
 */
export function asMysql(shadow: ProbeTarget): MysqlShadow {
  const s = shadow as Partial<MysqlShadow>;
  if (shadow.kind !== 'mysql' || typeof s.adminQuery !== 'function' || typeof s.database !== 'string')
    throw new Error('MySQL probes need a MySQL shadow');
  return shadow as MysqlShadow;
}

/** relation kind codes, as `RelInfo.relkind` */
export const RELKIND: Record<string, string> = { t: 'table', v: 'view', s: 'sequence' };

const KIND_OF_TYPE: Record<string, string> = { 'BASE TABLE': 't', VIEW: 'v', SEQUENCE: 's', 'SYSTEM VERSIONED': 't' };

/** Tables, views and sequences of the throwaway database, keyed by a stable id of their name. */
export async function relations(target: ProbeTarget): Promise<RelMap> {
  const shadow = asMysql(target);
  const rows = await shadow.adminQuery<{ name: string; type: string }>(
    'SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
    [shadow.database],
  );
  const view = shadow.server.flavor === 'mariadb' ? 'INNODB_SYS_TABLES' : 'INNODB_TABLES';
  const ids = new Map<string, number>();
  try {
    const inno = await shadow.adminQuery<{ name: string; id: string | number }>(
      `SELECT NAME AS name, TABLE_ID AS id FROM information_schema.${view} WHERE NAME LIKE ?`,
      [`${shadow.database}/%`],
    );
    for (const r of inno) {
      // partitions are `db/t#P#p0` (MariaDB `#P#`, MySQL `#p#`): the newest id stands for the table
      const table = r.name.slice(shadow.database.length + 1).replace(/#[pP]#.*$/, '');
      ids.set(table, Math.max(ids.get(table) ?? 0, Number(r.id)));
    }
  } catch {
    // no PROCESS privilege for the URL's user: rewrites are not detected (filenode 0)
  }
  const out: RelMap = new Map();
  for (const r of rows) {
    const oid = nameId(r.name);
    // names with characters InnoDB encodes in file names (`@002d`) are not matched: filenode 0, not compared
    out.set(oid, { oid, name: r.name, relkind: KIND_OF_TYPE[r.type] ?? 't', filenode: ids.get(r.name) ?? 0 });
  }
  return out;
}

/** The metadata lock rows of connection `id` on tables of `database`, from where the server shows them. */
function lockQuery(source: MysqlShadow['lockSource']): string | undefined {
  if (source === 'performance_schema')
    return `SELECT m.OBJECT_NAME AS name, m.LOCK_TYPE AS mode
              FROM performance_schema.metadata_locks m
              JOIN performance_schema.threads t ON t.THREAD_ID = m.OWNER_THREAD_ID
             WHERE t.PROCESSLIST_ID = ? AND m.OBJECT_TYPE = 'TABLE' AND m.LOCK_STATUS = 'GRANTED' AND m.OBJECT_SCHEMA = ?`;
  if (source === 'metadata_lock_info')
    return `SELECT TABLE_NAME AS name, LOCK_MODE AS mode FROM information_schema.METADATA_LOCK_INFO
             WHERE THREAD_ID = ? AND TABLE_SCHEMA = ? AND TABLE_NAME <> ''`;
  return undefined;
}

const toHeld = (rows: { name: string; mode: string }[]): HeldRelLock[] =>
  rows.map((r) => ({ oid: nameId(r.name), mode: normaliseMode(r.mode) }));

/**
 * `MDL_SHARED_WRITE` (MariaDB's plugin) and `SHARED_WRITE` (MySQL) as one name, the one the
 * dialect's lock table (../locks.ts) ranks. The metadata lock type SHARED is `MDL_SHARED` there:
 * plain `SHARED` is the LOCK=SHARED clause.
 */
export function normaliseMode(mode: string): string {
  const m = mode.toUpperCase();
  return m === 'SHARED' || m === 'MDL_SHARED' ? 'MDL_SHARED' : m.replace(/^MDL_/, '');
}

/** Metadata locks granted to the run connection (read on the admin connection); none when the server hides them. */
export async function ownLocks(target: ProbeTarget): Promise<HeldRelLock[]> {
  const shadow = asMysql(target);
  const sql = lockQuery(shadow.lockSource);
  if (!sql) return [];
  return toHeld(await shadow.adminQuery<{ name: string; mode: string }>(sql, [shadow.connectionId, shadow.database]));
}

/** Metadata locks granted to connection `pid`, read from the side connection (opened on the throwaway database). */
export async function sampleLocks(side: ProbeSide, pid: number): Promise<HeldRelLock[]> {
  const [db] = await side.query<{ db: string; ps: number | string }>(
    `SELECT DATABASE() AS db, @@performance_schema AS ps`,
  );
  const source =
    Number(db?.ps) === 1 ? 'performance_schema' : ('metadata_lock_info' as MysqlShadow['lockSource']);
  try {
    return toHeld(await side.query<{ name: string; mode: string }>(lockQuery(source)!, [pid, db?.db]));
  } catch {
    return []; // the plugin is not loaded: nothing to see (the shadow said so as an engine limit)
  }
}
