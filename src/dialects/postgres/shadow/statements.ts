/**
 * What the shadow needs to know about a statement before running it:
 * transaction control, whether it may run inside a transaction block, and the
 * locks PostgreSQL documents for the statements that cannot be traced inside one.
 */
import type { PgStatement } from '../statement.js';
import { outsideReach } from '../outside.js';
import { relKey } from '../catalog.js';
import { chained, txKind } from '../transaction.js';
import type { ShadowKind } from '../../../shadow/driver.js';

import type { TxControl } from '../../../shadow/probes.js';

export type { TxControl };

/** BEGIN/COMMIT/ROLLBACK and friends; undefined for ordinary statements. */
export function txControl(stmt: PgStatement): TxControl | undefined {
  const k = txKind(stmt);
  if (k === undefined) return undefined;
  if (k === 'begin') return 'begin';
  if (k === 'commit') return chained(stmt) ? 'commit-chain' : 'commit';
  if (k === 'rollback') return chained(stmt) ? 'rollback-chain' : 'rollback';
  // PREPARE TRANSACTION ends the transaction block
  if (k === 'prepare') return 'commit';
  return 'other';
}

function hasDefElem(list: any[] | undefined, name: string): boolean {
  return (list ?? []).some((d) => d?.DefElem?.defname === name);
}

function doBody(ast: any): string {
  for (const a of ast?.args ?? []) {
    if (a?.DefElem?.defname === 'as') return a.DefElem.arg?.String?.sval ?? '';
  }
  return '';
}

/**
 * Why a statement cannot run inside a transaction block (PostgreSQL rejects it
 * there, or it commits by itself), or undefined when it can. Such statements
 * are run on their own, never wrapped, and their locks come from the documentation.
 * PostgreSQL's one list: the shadow, the proof and the planner (`mustRunAlone`) all ask it.
 * (ANALYZE, unlike VACUUM, may run in a transaction block; CALL may not be wrapped because the
 * procedure may COMMIT.)
 */
export function notInTransaction(stmt: Pick<PgStatement, 'kind' | 'ast'>, serverVersion: number): string | undefined {
  const a = stmt.ast;
  switch (stmt.kind) {
    case 'IndexStmt':
      return a?.concurrent ? 'CREATE INDEX CONCURRENTLY' : undefined;
    case 'DropStmt':
      return a?.concurrent ? 'DROP INDEX CONCURRENTLY' : undefined;
    case 'ReindexStmt':
      if (hasDefElem(a?.params, 'concurrently')) return 'REINDEX CONCURRENTLY';
      return a?.kind === 'REINDEX_OBJECT_DATABASE' || a?.kind === 'REINDEX_OBJECT_SYSTEM'
        ? 'REINDEX DATABASE'
        : undefined;
    case 'VacuumStmt':
      return a?.is_vacuumcmd ? 'VACUUM' : undefined;
    case 'ClusterStmt':
      return a?.relation ? undefined : 'CLUSTER without a table';
    case 'CreatedbStmt':
      return 'CREATE DATABASE';
    case 'DropdbStmt':
      return 'DROP DATABASE';
    case 'CreateTableSpaceStmt':
      return 'CREATE TABLESPACE';
    case 'DropTableSpaceStmt':
      return 'DROP TABLESPACE';
    case 'AlterSystemStmt':
      return 'ALTER SYSTEM';
    case 'CreateSubscriptionStmt':
    case 'DropSubscriptionStmt':
      return 'subscription commands';
    case 'AlterEnumStmt':
      // before PostgreSQL 12, ALTER TYPE … ADD VALUE could not run in a transaction block
      return serverVersion < 12 && a?.newVal ? 'ALTER TYPE … ADD VALUE (before PostgreSQL 12)' : undefined;
    case 'AlterTableStmt':
      for (const c of a?.cmds ?? []) {
        if (c?.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd.def?.PartitionCmd?.concurrent) {
          return 'DETACH PARTITION CONCURRENTLY';
        }
      }
      return undefined;
    case 'DoStmt':
      // a DO block that commits per batch only works when sent on its own
      return /\b(commit|rollback)\b/i.test(doBody(a)) ? 'a DO block with COMMIT' : undefined;
    case 'CallStmt':
      // a procedure may COMMIT; that only works outside a transaction block
      return 'CALL (the procedure may commit)';
    default:
      return undefined;
  }
}

/**
 * Why the shadow refuses to run this statement, or undefined: it reaches outside the throwaway
 * database (a shell, the server's files, other servers or databases, the cluster's settings).
 * Roles are refused on a server, where they outlive the run and are shared with every database;
 * the embedded PGlite is a whole throwaway cluster in this process, so roles run there (and the
 * GRANTs to them keep working).
 */
export function refusedOnShadow(stmt: Pick<PgStatement, 'kind' | 'ast'>, kind: ShadowKind): string | undefined {
  const r = outsideReach(stmt).find((x) => !(kind === 'pglite' && x.category === 'role'));
  return r ? `${r.what} ${r.why}` : undefined;
}

/** Starts with an explicit transaction control keyword or a setting that would leak into a batch. */
export function breaksBatch(stmt: PgStatement, serverVersion: number, alone = false): boolean {
  if (stmt.kind === 'TransactionStmt') return true;
  if (stmt.kind === 'VariableSetStmt' && stmt.ast?.is_local) return true;
  // a new enum value cannot be used in the transaction that added it: not by a later file sharing
  // it; a file that uses it itself fails as one batch, and then runs statement by statement
  if (stmt.kind === 'AlterEnumStmt' && !alone) return true;
  return notInTransaction(stmt, serverVersion) !== undefined;
}

export interface DocumentedLock {
  /** relation as written in the statement (`schema.table` key), or the index name */
  relation: string;
  mode: string;
}

/**
 * Locks PostgreSQL's documentation gives for statements that cannot run inside
 * a transaction block (so the shadow cannot hold the transaction open to read
 * pg_locks). The "Explicit Locking" page lists them.
 */
export function documentedLocks(stmt: PgStatement): DocumentedLock[] {
  const a = stmt.ast;
  const rel = (rv: any) => relKey(rv);
  switch (stmt.kind) {
    case 'IndexStmt':
      return a?.relation ? [{ relation: rel(a.relation), mode: 'ShareUpdateExclusiveLock' }] : [];
    case 'DropStmt':
      return (a?.objects ?? []).map((o: any) => {
        const parts = (o?.List?.items ?? []).map((i: any) => i?.String?.sval).filter(Boolean);
        return {
          relation: parts.length > 1 ? parts.join('.') : `public.${parts[0]}`,
          mode: 'ShareUpdateExclusiveLock',
        };
      });
    case 'ReindexStmt':
      return a?.relation ? [{ relation: rel(a.relation), mode: 'ShareUpdateExclusiveLock' }] : [];
    case 'VacuumStmt': {
      const full = hasDefElem(a?.options, 'full');
      return (a?.rels ?? []).map((r: any) => ({
        relation: rel(r?.VacuumRelation?.relation),
        mode: full ? 'AccessExclusiveLock' : 'ShareUpdateExclusiveLock',
      }));
    }
    case 'AlterTableStmt': {
      const out: DocumentedLock[] = [];
      for (const c of a?.cmds ?? []) {
        const pc = c?.AlterTableCmd?.def?.PartitionCmd;
        if (c?.AlterTableCmd?.subtype === 'AT_DetachPartition' && pc?.concurrent) {
          out.push({ relation: rel(a.relation), mode: 'ShareUpdateExclusiveLock' });
          out.push({ relation: rel(pc.name), mode: 'ShareUpdateExclusiveLock' });
        }
      }
      return out;
    }
    default:
      return [];
  }
}
