/** MySQL's transaction model: implicit commits by DDL, BEGIN/COMMIT, lock_wait_timeout and the other time limits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { MySession } from '../../../src/dialects/mysql/session.js';
import { loadMysqlParser, parseSql } from '../../../src/dialects/mysql/parse.js';
import type { TxState } from '../../../src/rules/api.js';

// node-sql-parser (which judges DML syntax) is loaded by the dialect's load(), as the pipeline does
beforeAll(loadMysqlParser);

/** the state before each statement of `sql`, then after the last */
function states(sql: string, wrapped = false): TxState[] {
  const s = new MySession(wrapped);
  const out: TxState[] = [];
  for (const stmt of parseSql(sql)) {
    out.push({ ...s.state });
    s.after(stmt);
  }
  out.push({ ...s.state });
  return out;
}
const inTx = (sql: string, wrapped = false) => states(sql, wrapped).map((s) => s.inTransaction);

describe('MySession', () => {
  it('BEGIN / START TRANSACTION open a transaction, COMMIT / ROLLBACK end it, AND CHAIN opens the next', () => {
    expect(inTx('BEGIN; UPDATE t SET a = 1; COMMIT; UPDATE t SET a = 2')).toEqual([false, true, true, false, false]);
    expect(inTx('START TRANSACTION; ROLLBACK; SELECT 1')).toEqual([false, true, false, false]);
    expect(inTx('BEGIN; COMMIT AND CHAIN; SELECT 1')).toEqual([false, true, true, true]);
    expect(states('BEGIN; BEGIN').map((s) => s.depth)).toEqual([0, 1, 1]);
  });

  it('DDL commits implicitly: an ALTER inside BEGIN ends the transaction', () => {
    expect(inTx('BEGIN; UPDATE t SET a = 1; ALTER TABLE t ADD b INT; UPDATE t SET b = 1; COMMIT')).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    // a temporary table does not commit
    expect(inTx('BEGIN; CREATE TEMPORARY TABLE x (a INT); SELECT 1')).toEqual([false, true, true, true]);
  });

  it('a file the tool wraps in a transaction is no longer in it after the first DDL, and the session says so', () => {
    const s = new MySession(true);
    const stmts = parseSql('UPDATE t SET a = 1; ALTER TABLE t ADD b INT; UPDATE t SET b = 1');
    expect(s.state.inTransaction).toBe(true);
    s.after(stmts[0]!);
    expect(s.state.inTransaction).toBe(true);
    s.after(stmts[1]!);
    expect(s.state.inTransaction).toBe(false);
    expect(s.ddlEndedWrap).toBe(true);
  });

  it('SET autocommit = 0 keeps a transaction open until autocommit is back on', () => {
    expect(inTx('SET autocommit = 0; UPDATE t SET a = 1; COMMIT; SET autocommit = 1; SELECT 1')).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('lock_wait_timeout (session) is the lock timeout; GLOBAL, DEFAULT, 0 and the one-year default are not', () => {
    const lock = (sql: string) => states(sql).at(-1)!.lockTimeout;
    expect(lock('SET SESSION lock_wait_timeout = 5')).toBe(true);
    expect(lock('SET lock_wait_timeout = 5')).toBe(true);
    expect(lock('SET @@session.lock_wait_timeout = 5')).toBe(true);
    expect(lock('SET GLOBAL lock_wait_timeout = 5')).toBe(false);
    expect(lock('SET lock_wait_timeout = DEFAULT')).toBe(false);
    expect(lock('SET lock_wait_timeout = 31536000')).toBe(false);
    expect(lock('SET lock_wait_timeout = 5; SET lock_wait_timeout = DEFAULT')).toBe(false);
    // InnoDB row lock waits do not bound the metadata lock an ALTER waits for
    expect(lock('SET innodb_lock_wait_timeout = 5')).toBe(false);
  });

  it('MariaDB max_statement_time bounds every statement; MySQL max_execution_time only SELECTs, so it is not a statement timeout', () => {
    const st = (sql: string) => states(sql).at(-1)!.statementTimeout;
    expect(st('SET SESSION max_statement_time = 2.5')).toBe(true);
    expect(st('SET max_statement_time = 0')).toBe(false);
    const s = new MySession(false);
    s.after(parseSql('SET max_execution_time = 1000')[0]!);
    expect(s.state.statementTimeout).toBe(false);
    expect(s.selectTimeout).toBe(true);
  });
});
