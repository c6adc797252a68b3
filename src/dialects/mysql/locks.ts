/**
 * MySQL/MariaDB lock names findings and the shadow use, ranked weakest first.
 *
 * - Metadata lock types, as `performance_schema.metadata_locks.LOCK_TYPE` names them (MySQL 8.4
 *   reference manual 29.12.13.3 "The metadata_locks Table"; 10.11.4 "Metadata Locking"): a DML
 *   statement holds SHARED_READ / SHARED_WRITE until its transaction ends; an online ALTER holds
 *   SHARED_UPGRADABLE and upgrades to EXCLUSIVE briefly at start and end; LOCK=SHARED is
 *   SHARED_NO_WRITE; a copying ALTER is SHARED_NO_WRITE then EXCLUSIVE for the rename.
 * - The LOCK clause of ALTER TABLE (15.1.9 "ALTER TABLE Statement", 17.12.2 "Online DDL
 *   Performance and Concurrency"): NONE permits reads and writes, SHARED permits reads only,
 *   EXCLUSIVE permits neither.
 */
export interface LockInfo {
  rank: number;
  blocksReads: boolean;
  blocksWrites: boolean;
}

/**
 * By name. `NONE`, `SHARED` and `EXCLUSIVE` are the LOCK clause's names (what findings and the
 * JSON `online.lock` say); the metadata lock type that is also called SHARED (short-lived, taken
 * by routines and INFORMATION_SCHEMA) is `MDL_SHARED`, the name MariaDB's metadata_lock_info uses.
 */
export const MYSQL_LOCKS: Readonly<Record<string, LockInfo>> = {
  INTENTION_EXCLUSIVE: { rank: 0, blocksReads: false, blocksWrites: false },
  MDL_SHARED: { rank: 0, blocksReads: false, blocksWrites: false },
  SHARED_HIGH_PRIO: { rank: 0, blocksReads: false, blocksWrites: false },
  SHARED_READ: { rank: 1, blocksReads: false, blocksWrites: false },
  SHARED_WRITE_LOW_PRIO: { rank: 2, blocksReads: false, blocksWrites: false },
  SHARED_WRITE: { rank: 2, blocksReads: false, blocksWrites: false },
  SHARED_UPGRADABLE: { rank: 3, blocksReads: false, blocksWrites: false },
  /** the LOCK=NONE clause: concurrent reads and writes (the ALTER holds SHARED_UPGRADABLE) */
  NONE: { rank: 3, blocksReads: false, blocksWrites: false },
  /** the LOCK=SHARED clause: reads only (the ALTER holds SHARED_NO_WRITE) */
  SHARED: { rank: 5, blocksReads: false, blocksWrites: true },
  SHARED_READ_ONLY: { rank: 4, blocksReads: false, blocksWrites: true },
  SHARED_NO_WRITE: { rank: 5, blocksReads: false, blocksWrites: true },
  SHARED_NO_READ_WRITE: { rank: 6, blocksReads: true, blocksWrites: true },
  EXCLUSIVE: { rank: 7, blocksReads: true, blocksWrites: true },
};

/** `LOCK=NONE`, `NONE`, `MDL_SHARED_WRITE` (MariaDB's metadata_lock_info), `shared_write`: one table */
function info(mode: string): LockInfo | undefined {
  const m = mode.toUpperCase().replace(/\s+/g, '').replace(/^LOCK=/, '');
  return MYSQL_LOCKS[m] ?? (m.startsWith('MDL_') ? MYSQL_LOCKS[m.slice(4)] : undefined);
}

/** rank from weakest (0) to strongest; -1 for a name MySQL does not use */
export function lockStrength(mode: string): number {
  return info(mode)?.rank ?? -1;
}

/** whom the lock blocks */
export function lockEffect(mode: string): { blocksReads: boolean; blocksWrites: boolean } | undefined {
  const i = info(mode);
  return i ? { blocksReads: i.blocksReads, blocksWrites: i.blocksWrites } : undefined;
}
