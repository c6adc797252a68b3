/**
 * PostgreSQL's session and transaction model, one tracker per file (`SessionTracker`
 * of src/dialect.ts): what BEGIN / START TRANSACTION, COMMIT / ROLLBACK / PREPARE
 * TRANSACTION (with AND CHAIN) and SET [LOCAL] / RESET of lock_timeout and
 * statement_timeout do to the state the next statement runs in.
 */
import type { SessionTracker } from '../../dialect.js';
import type { TxState } from '../../rules/api.js';
import type { PgStatement } from './statement.js';
import { chained, txKind } from './transaction.js';

/** The value of `SET name = value` as written: a string, a number, or undefined for DEFAULT or an expression. */
function settingValue(args: any[] | undefined): string | number | undefined {
  const c = args?.[0]?.A_Const;
  if (!c) return undefined;
  if (c.sval) return c.sval.sval;
  if (c.ival) return c.ival.ival ?? 0;
  if ('ival' in c) return 0;
  return undefined;
}

/** A time setting that means "no limit": 0 in any unit, or DEFAULT. */
function isZero(v: string | number | undefined): boolean {
  if (v === undefined) return true;
  if (typeof v === 'number') return v === 0;
  return /^\s*0+\s*(ms|s|min|h|d)?\s*$/i.test(v);
}

export class PgSession implements SessionTracker {
  private readonly tx: TxState;
  /** the migration tool runs the current region of the file in a transaction */
  private wrapped: boolean;
  // a SET LOCAL is in force until COMMIT/ROLLBACK, then the session-level value comes back
  private localLock = false;
  private localStatement = false;
  private sessionLock = false;
  private sessionStatement = false;

  constructor(wrapped: boolean) {
    this.wrapped = wrapped;
    this.tx = { inTransaction: wrapped, explicit: false, depth: 0, lockTimeout: false, statementTimeout: false };
  }

  get state(): TxState {
    return this.tx;
  }

  enterRegion(wrapped: boolean): void {
    // a region boundary inside an explicit BEGIN … COMMIT changes nothing until it ends
    if (this.tx.depth !== 0) return;
    this.wrapped = wrapped;
    this.tx.inTransaction = wrapped;
  }

  after(stmt: PgStatement): void {
    const tx = this.tx;
    const k = txKind(stmt);
    if (k !== undefined) {
      if (k === 'begin') {
        tx.depth++;
        tx.explicit = true;
        tx.inTransaction = true;
      } else if (k === 'commit' || k === 'rollback' || k === 'prepare') {
        // PostgreSQL does not nest: the first COMMIT/ROLLBACK ends the transaction however many
        // BEGINs preceded it; `AND CHAIN` starts a new one at once.
        const chain = chained(stmt) && tx.explicit;
        tx.depth = chain ? 1 : 0;
        tx.explicit = chain;
        tx.inTransaction = chain || this.wrapped;
        if (this.localLock) tx.lockTimeout = this.sessionLock;
        if (this.localStatement) tx.statementTimeout = this.sessionStatement;
        this.localLock = this.localStatement = false;
      }
    } else if (stmt.kind === 'VariableSetStmt') {
      const name = stmt.ast.name as string | undefined;
      const on = stmt.ast.kind === 'VAR_SET_VALUE' && !isZero(settingValue(stmt.ast.args));
      const local = !!stmt.ast.is_local;
      // SET LOCAL outside a transaction block only raises a WARNING and changes nothing
      if (local && !tx.inTransaction) {
        // no effect
      } else if (name === 'lock_timeout') {
        tx.lockTimeout = on;
        this.localLock = local;
        if (!local) this.sessionLock = on;
      } else if (name === 'statement_timeout') {
        tx.statementTimeout = on;
        this.localStatement = local;
        if (!local) this.sessionStatement = on;
      } else if (stmt.ast.kind === 'VAR_RESET_ALL') {
        tx.lockTimeout = tx.statementTimeout = false;
        this.sessionLock = this.sessionStatement = false;
      }
    }
  }
}
