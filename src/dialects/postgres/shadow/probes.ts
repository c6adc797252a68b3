/**
 * PostgreSQL's answers to the shadow kernel (src/shadow/probes.ts): statement classes, catalog and
 * lock probes, the lock table, seeding, snapshots and the proof's lock watch. Both engines
 * (PGlite and a server) carry this one object as `shadow.probes`.
 */
import type { PgStatement } from '../statement.js';
import type { KnownLock, ProbeSide, ProbeTarget, ShadowProbes } from '../../../shadow/probes.js';
import { statementLocks } from '../locks.js';
import { loadParser, parseMigration } from '../parse.js';
import { displayTable } from '../util.js';
import { isAuxiliary, lockEffect, lockStrength, ownLocks, RELKIND, relations } from './inspect.js';
import { scale } from './scale.js';
import { seed } from './seed.js';
import { reproducible } from './reproducible.js';
import { seedScope } from './seed-scope.js';
import { snapshotData, snapshotSchema } from './snapshot.js';
import { breaksBatch, documentedLocks, notInTransaction, refusedOnShadow, txControl } from './statements.js';
import { watchLocks } from './watch.js';
import { ensureToolTables } from './tools.js';

/** `schema.table` of a plain `INSERT INTO t … VALUES …` (no WITH, no SELECT), else undefined. */
function insertTarget(stmt: PgStatement): string | undefined {
  if (stmt.kind !== 'InsertStmt' || stmt.ast.withClause || !stmt.ast.relation?.relname) return undefined;
  const select = stmt.ast.selectStmt?.SelectStmt;
  if (!select?.valuesLists?.length || select.withClause) return undefined;
  return displayTable(`${stmt.ast.relation.schemaname ?? ''}.${stmt.ast.relation.relname}`.replace(/^\./, ''));
}

export const postgresProbes: ShadowProbes = {
  load: loadParser,
  parse: (m) => parseMigration(m),
  txControl,
  notInTransaction,
  refused: (stmt, kind) => refusedOnShadow(stmt, kind as 'pglite' | 'postgresql'),
  breaksBatch,
  seedScope: (statements) => seedScope(statements as PgStatement[]),
  reproducible: (statements, historySources) => reproducible(statements as PgStatement[], historySources),
  toolTables: ensureToolTables,
  extensionOf: (stmt) => (stmt.kind === 'CreateExtensionStmt' ? (stmt as PgStatement).ast?.extname : undefined),

  relations,
  ownLocks,
  scale: (shadow, stmt, inTransaction) => scale(shadow, stmt as PgStatement, inTransaction),
  async backendId(shadow: ProbeTarget): Promise<number> {
    const [row] = await shadow.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return Number(row!.pid);
  },
  async sampleLocks(side: ProbeSide, pid: number) {
    const rows = await side.query<{ oid: number; mode: string }>(
      `SELECT relation::int8 AS oid, mode FROM pg_locks WHERE pid = $1 AND locktype = 'relation' AND granted AND relation IS NOT NULL`,
      [pid],
    );
    return rows.map((r) => ({ oid: Number(r.oid), mode: r.mode }));
  },
  async tableParts(shadow: ProbeTarget, oid: number): Promise<Set<number>> {
    const rows = await shadow.query<{ oid: number }>(
      `SELECT indexrelid::int8 AS oid FROM pg_index WHERE indrelid = $1
       UNION ALL
       SELECT objid::int8 FROM pg_depend
        WHERE refobjid = $1 AND refclassid = 'pg_class'::regclass AND classid = 'pg_class'::regclass AND deptype IN ('a', 'i')`,
      [oid],
    );
    return new Set(rows.map((r) => Number(r.oid)));
  },

  relationName: (key) => displayTable(key),
  lockStrength,
  lockEffect,
  relkindName: (relkind) => RELKIND[relkind] ?? relkind,
  isAuxiliary,
  documentedLocks: (stmt): KnownLock[] =>
    documentedLocks(stmt).map((d) => ({ relation: displayTable(d.relation), mode: d.mode })),
  statementLocks: (stmt, serverVersion): KnownLock[] =>
    statementLocks(stmt.kind, stmt.ast, { pgVersion: serverVersion }).flatMap((t) =>
      t.rel ? [{ relation: displayTable(t.rel), mode: t.mode }] : [],
    ),
  insertTarget,

  seed,
  snapshotSchema,
  snapshotData,
  watch: watchLocks,
};
