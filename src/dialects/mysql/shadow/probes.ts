/**
 * MySQL's and MariaDB's answers to the shadow kernel (src/shadow/probes.ts): statement classes,
 * catalog and metadata-lock probes, seeding, snapshots, the proof's watch, and the online-DDL
 * measurement of every ALTER. Where the server has nothing equivalent the answer is empty, and the
 * shadow says so once as an engine limit (server.ts).
 */
import type { Migration, ParsedMigration, Statement } from '../../../model.js';
import type { ShadowProbes } from '../../../shadow/probes.js';
import type { MyAst } from '../ast.js';
import { lockEffect, lockStrength, ownLocks, RELKIND, relations, sampleLocks } from './inspect.js';
import { measureOnline } from './online.js';
import { seed } from './seed.js';
import { snapshotData, snapshotSchema } from './snapshot.js';
import { notInTransaction, refusedOnShadow, statementLocks, txControl } from './statements.js';
import { ensureToolTables } from './tools.js';
import { watchLocks } from './watch.js';

/** The dialect's parser, as the probes need it (src/dialects/mysql/parse.ts). */
export interface MysqlParser {
  load(): Promise<void>;
  parse(migration: Migration): ParsedMigration<MyAst>;
}

/** The probes, over the dialect's parser. */
export function createMysqlProbes(parser: MysqlParser): ShadowProbes {
  return {
    load: () => parser.load(),
    parse: (m) => parser.parse(m),
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
    lockEffect,
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
  };
}
