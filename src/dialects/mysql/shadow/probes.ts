/**
 * MySQL's and MariaDB's answers to the shadow kernel (src/shadow/probes.ts): statement classes,
 * catalog and metadata-lock probes, seeding, snapshots, the proof's watch, and the online-DDL
 * measurement of every ALTER. Where the server has nothing equivalent the answer is empty, and the
 * shadow says so once as an engine limit (server.ts).
 */
import type { Migration, Statement } from '../../../model.js';
import type { ShadowProbes } from '../../../shadow/probes.js';
import type { Flavor } from '../ast.js';
import { loadMysqlParser, parseMigration } from '../parse.js';
import { lockEffect, lockStrength } from '../locks.js';
import { ownLocks, RELKIND, relations, sampleLocks } from './inspect.js';
import { measureOnline } from './online.js';
import { scale } from './scale.js';
import { seed } from './seed.js';
import { snapshotData, snapshotSchema } from './snapshot.js';
import { notInTransaction, refusedOnShadow, statementLocks, txControl } from './statements.js';
import { ensureToolTables } from './tools.js';
import { watchLocks } from './watch.js';

/** The flavor a migration is parsed in: its own dialect, else (SQL given as text) the shadow's. */
const flavorOf = (m: Migration, flavor: Flavor): Flavor =>
  m.dialect === 'mysql' ? 'mysql' : m.dialect === 'mariadb' ? 'mariadb' : flavor;

/** The probes of the `flavor` dialect's shadow. */
export function createMysqlProbes(flavor: Flavor): ShadowProbes {
  return {
    load: loadMysqlParser,
    parse: (m) => parseMigration(m, flavorOf(m, flavor)),
    txControl,
    notInTransaction,
    refused: (stmt) => refusedOnShadow(stmt),
    // one statement per round trip: the driver runs with multiple statements off (a hostile file
    // cannot smuggle a second statement past the refusals), so history never runs as one batch
    breaksBatch: () => true,
    toolTables: ensureToolTables,
    extensionOf: () => undefined,

    relations,
    ownLocks,
    async backendId(shadow) {
      const [row] = await shadow.query<{ id: number | string }>('SELECT CONNECTION_ID() AS id');
      return Number(row!.id);
    },
    sampleLocks,
    // an INSERT locks its table's metadata only; indexes have no locks of their own
    tableParts: async () => new Set<number>(),

    relationName: (key) => key.replace(/^[^.]*\./, ''),
    lockStrength,
    // a lock type the table does not know is taken to block everyone: never called harmless unproven
    lockEffect: (mode) => lockEffect(mode) ?? { blocksReads: true, blocksWrites: true },
    relkindName: (relkind) => RELKIND[relkind] ?? relkind,
    isAuxiliary: (kind) => kind === 'index' || kind === 'sequence',
    // MySQL documents the locks of its online operations per operation (LOCK=NONE/SHARED/EXCLUSIVE),
    // and the shadow measures them (`online`): no documented table lock is invented here
    documentedLocks: () => [],
    statementLocks: (stmt: Statement) => statementLocks(stmt),
    // no multi-statement round trips (see breaksBatch): INSERT runs are traced one by one
    insertTarget: () => undefined,

    seed,
    snapshotSchema,
    snapshotData,
    watch: watchLocks,
    online: measureOnline,
    scale,
  };
}
