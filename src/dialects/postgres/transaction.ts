/**
 * PostgreSQL's transaction statements, decoded once (libpg-query's `TransactionStmt.kind`
 * values): the session model, the rules and the shadow read them from here.
 */
import type { PgStatement } from './statement.js';

export type TxKind = 'begin' | 'commit' | 'rollback' | 'prepare' | 'savepoint' | 'release' | 'rollback-to' | 'other';

const KINDS: Record<string, TxKind> = {
  TRANS_STMT_BEGIN: 'begin',
  TRANS_STMT_START: 'begin',
  TRANS_STMT_COMMIT: 'commit',
  TRANS_STMT_ROLLBACK: 'rollback',
  TRANS_STMT_PREPARE: 'prepare',
  TRANS_STMT_SAVEPOINT: 'savepoint',
  TRANS_STMT_RELEASE: 'release',
  TRANS_STMT_ROLLBACK_TO: 'rollback-to',
};

/** What a transaction statement does; undefined for any other statement. */
export function txKind(stmt: Pick<PgStatement, 'kind' | 'ast'>): TxKind | undefined {
  if (stmt.kind !== 'TransactionStmt') return undefined;
  return KINDS[stmt.ast?.kind as string] ?? 'other';
}

/** COMMIT/ROLLBACK `AND CHAIN`: ends the transaction and opens the next at once. */
export function chained(stmt: Pick<PgStatement, 'ast'>): boolean {
  return !!stmt.ast?.chain;
}
