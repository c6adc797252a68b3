import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/dialects/mysql/locks.ts
var MYSQL_LOCKS = {
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
  EXCLUSIVE: { rank: 7, blocksReads: true, blocksWrites: true }
};
function info(mode) {
  const m = mode.toUpperCase().replace(/\s+/g, "").replace(/^LOCK=/, "");
  return MYSQL_LOCKS[m] ?? (m.startsWith("MDL_") ? MYSQL_LOCKS[m.slice(4)] : void 0);
}
function lockStrength(mode) {
  return info(mode)?.rank ?? -1;
}
function lockEffect(mode) {
  const i = info(mode);
  return i ? { blocksReads: i.blocksReads, blocksWrites: i.blocksWrites } : void 0;
}

export {
  lockStrength,
  lockEffect
};
