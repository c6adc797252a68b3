/**
 * MySQL/MariaDB's session and transaction model, one tracker per file (`SessionTracker`).
 *
 * - DDL commits implicitly, before and after itself (MySQL 8.4 reference manual 15.3.3
 *   "Statements That Cause an Implicit Commit"): an ALTER inside BEGIN … COMMIT ends that
 *   transaction, and the statements after it run in autocommit mode. So a migration tool that
 *   wraps a file in a transaction cannot make its DDL transactional: after the first DDL the rest of
 *   the file is no longer in the tool's transaction (`ddlEndedWrap` says that happened).
 * - BEGIN [WORK] / START TRANSACTION open a transaction (and implicitly commit an open one);
 *   COMMIT / ROLLBACK end it, AND CHAIN opens the next (15.3.1 "START TRANSACTION, COMMIT, and
 *   ROLLBACK Statements"). SET autocommit = 0 keeps a transaction open at all times.
 * - `SET [SESSION] lock_wait_timeout = n` bounds metadata lock waits, which an ALTER waits on
 *   (default 31536000 s, one year: 7.1.8 "Server System Variables"): `lockTimeout`.
 *   `innodb_lock_wait_timeout` bounds only InnoDB row lock waits, not metadata locks, so it is
 *   kept apart (`rowLockTimeout`) and never counts as a lock timeout for DDL.
 * - MariaDB `max_statement_time` (seconds; every statement but those in stored programs: MariaDB KB
 *   "Aborting Statements that Exceed a Certain Time to Execute") is `statementTimeout`. MySQL's
 *   `max_execution_time` applies to read-only SELECT statements only (7.1.8), so it bounds no DDL
 *   and no backfill, and it is kept apart (`selectTimeout`).
 * - SET GLOBAL / PERSIST change new sessions only, not this one.
 */
import type { SessionTracker } from '../../dialect.js';
import type { TxState } from '../../rules/api.js';
import type { MyAst, MyStatement, SetAst } from './ast.js';

/** AST types whose statement commits implicitly (DDL, account management, LOCK TABLES is `other`) */
const IMPLICIT_COMMIT = new Set<MyAst['type']>(['alter_table', 'create_table', 'create_index', 'drop_index', 'drop_table', 'rename_table', 'truncate', 'routine', 'account']);

/** the server's default lock_wait_timeout, seconds (one year): setting it to this is no limit */
const LOCK_WAIT_DEFAULT = 31536000;

/** true when `value` (as written) is a positive number below `max`; DEFAULT, 0, expressions: false */
function limits(value: string, max = Number.POSITIVE_INFINITY): boolean {
  const v = value.trim().replace(/^'(.*)'$/, '$1');
  if (!/^\d+(\.\d+)?$/.test(v)) return false;
  const n = Number(v);
  return n > 0 && n < max;
}

export class MySession implements SessionTracker {
  private readonly tx: TxState;
  /** the migration tool runs the current region in a transaction, and no DDL has ended it yet */
  private wrappedOpen: boolean;
  private autocommitOff = false;
  /** a DDL statement implicitly committed the transaction the migration tool wrapped the file in */
  ddlEndedWrap = false;
  /** `innodb_lock_wait_timeout` was set below its maximum (row locks only) */
  rowLockTimeout = false;
  /** MySQL `max_execution_time` was set (read-only SELECT statements only) */
  selectTimeout = false;

  constructor(wrapped: boolean) {
    this.wrappedOpen = wrapped;
    this.tx = { inTransaction: wrapped, explicit: false, depth: 0, lockTimeout: false, statementTimeout: false };
  }

  get state(): TxState {
    return this.tx;
  }

  enterRegion(wrapped: boolean): void {
    if (this.tx.explicit) return;
    this.wrappedOpen = wrapped;
    this.sync();
  }

  private sync(): void {
    this.tx.inTransaction = this.tx.explicit || this.wrappedOpen || this.autocommitOff;
  }

  after(stmt: MyStatement): void {
    const ast = stmt.ast;
    const tx = this.tx;
    const commits = (IMPLICIT_COMMIT.has(ast.type) && !(ast.type === 'create_table' && ast.temporary)) || (ast.type === 'database' && ast.action !== 'use');
    if (commits) {
      if (this.wrappedOpen) this.ddlEndedWrap = true;
      tx.explicit = false;
      tx.depth = 0;
      this.wrappedOpen = false;
    } else if (ast.type === 'transaction') {
      if (ast.action === 'begin') {
        tx.explicit = true;
        tx.depth = 1; // MySQL does not nest: BEGIN commits an open transaction and starts a new one
      } else {
        tx.explicit = !!ast.chain;
        tx.depth = ast.chain ? 1 : 0;
      }
      this.wrappedOpen = false; // the file's own COMMIT/ROLLBACK also ends the tool's transaction
    } else if (ast.type === 'other' && /^(LOCK|UNLOCK)\b/.test(ast.keyword) && tx.explicit) {
      tx.explicit = false; // LOCK TABLES commits an open transaction
      tx.depth = 0;
    } else if (ast.type === 'set') this.set(ast);
    this.sync();
  }

  private set(ast: SetAst): void {
    for (const v of ast.vars) {
      if (v.scope !== 'session') continue;
      const name = v.name.replace(/^session\./, '');
      if (name === 'lock_wait_timeout') this.tx.lockTimeout = limits(v.value, LOCK_WAIT_DEFAULT);
      else if (name === 'innodb_lock_wait_timeout') this.rowLockTimeout = limits(v.value, 1073741824);
      else if (name === 'max_statement_time') this.tx.statementTimeout = limits(v.value);
      else if (name === 'max_execution_time') this.selectTimeout = limits(v.value);
      else if (name === 'autocommit') {
        const off = /^(0|off|false|'off')$/i.test(v.value.trim());
        if (!off && this.autocommitOff) {
          // SET autocommit = 1 commits the open transaction
          this.tx.explicit = false;
          this.tx.depth = 0;
        }
        this.autocommitOff = off;
      }
    }
  }
}
