/**
 * The engine's transaction tracking (ctx.tx), which the transaction and timeout
 * rules trust: explicit BEGIN/COMMIT, files the tool wraps, SET LOCAL lifetimes,
 * and PL/pgSQL bodies whose COMMIT is not a statement of the file. The sequences
 * without a wrapping tool are replayed statement by statement on PGlite to check
 * the engine agrees with PostgreSQL itself.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintOptions } from '../../src/engine/lint.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import type { TransactionMode } from '../../src/model.js';
import { defineRule, type TxState } from '../../src/rules/api.js';
import { migration } from '../helpers.js';

interface Seen {
  line: number;
  tx: TxState;
}

/** Lints `sql` with a probe rule that records the transaction state before each statement and at the end of the file. */
async function trace(
  sql: string,
  opts: LintOptions & { transaction?: TransactionMode } = {},
): Promise<{ before: Seen[]; end: TxState }> {
  const before: Seen[] = [];
  let end: TxState | undefined;
  const probe = defineRule({
    meta: { id: 'tx-probe', severity: 'warning', summary: 'records ctx.tx' },
    check(stmt, ctx) {
      before.push({ line: stmt.span.line, tx: { ...ctx.tx } });
    },
    checkFile(ctx) {
      end = { ...ctx.tx };
    },
  });
  await lintMigrations([migration(sql, { transaction: opts.transaction ?? 'none' })], { ...opts, ruleSet: [probe] });
  return { before, end: end! };
}

const inTx = (s: Seen[]) => s.map((x) => x.tx.inTransaction);

describe('engine transaction tracking', () => {
  it('explicit BEGIN … COMMIT in a file the tool does not wrap', async () => {
    const { before, end } = await trace(
      'CREATE TABLE a (id int);\nBEGIN;\nCREATE TABLE b (id int);\nCOMMIT;\nCREATE TABLE c (id int);',
    );
    expect(inTx(before)).toEqual([false, false, true, true, false]);
    expect(before.map((x) => x.tx.explicit)).toEqual([false, false, true, true, false]);
    expect(end).toMatchObject({ inTransaction: false, explicit: false, depth: 0 });
  });

  it('START TRANSACTION, END and ABORT are transaction control too', async () => {
    const { before, end } = await trace(
      'START TRANSACTION;\nSELECT 1;\nEND;\nBEGIN WORK;\nSELECT 2;\nABORT;\nSELECT 3;',
    );
    expect(inTx(before)).toEqual([false, true, true, false, true, true, false]);
    expect(end.explicit).toBe(false);
  });

  it('PostgreSQL does not nest: the first COMMIT ends the transaction', async () => {
    const { before, end } = await trace('BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;\nSELECT 2;\nCOMMIT;');
    expect(before.map((x) => x.tx.depth)).toEqual([0, 1, 2, 2, 0, 0]);
    expect(inTx(before)).toEqual([false, true, true, true, false, false]);
    expect(end).toMatchObject({ inTransaction: false, explicit: false, depth: 0 });
  });

  it('COMMIT AND CHAIN starts the next transaction at once', async () => {
    const { before, end } = await trace('BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nSELECT 2;');
    expect(inTx(before)).toEqual([false, true, true, true]);
    expect(end).toMatchObject({ inTransaction: true, explicit: true });
  });

  it('savepoints do not end the transaction', async () => {
    const { before } = await trace(
      'BEGIN;\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nRELEASE SAVEPOINT s;\nSELECT 1;\nCOMMIT;',
    );
    expect(inTx(before)).toEqual([false, true, true, true, true, true]);
  });

  it('a wrapped file is in a transaction from the first statement, and stays in it after an explicit COMMIT', async () => {
    const { before, end } = await trace('SELECT 1;\nBEGIN;\nSELECT 2;\nCOMMIT;\nSELECT 3;', { transaction: 'wrapped' });
    expect(inTx(before)).toEqual([true, true, true, true, true]);
    expect(before.map((x) => x.tx.explicit)).toEqual([false, false, true, true, false]);
    expect(end).toMatchObject({ inTransaction: true, explicit: false });
  });

  it('--assume-in-transaction behaves like a wrapped file', async () => {
    const { before } = await trace('SELECT 1;\nSELECT 2;', { assumeInTransaction: true });
    expect(inTx(before)).toEqual([true, true]);
  });

  it('COMMIT inside DO blocks and function bodies is PL/pgSQL, not a file statement', async () => {
    const sql = [
      'BEGIN;',
      'DO $$ BEGIN COMMIT; END $$;',
      'CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN COMMIT; ROLLBACK; END $$;',
      "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS 'BEGIN EXECUTE ''COMMIT''; END';",
      'SELECT 1;',
      'COMMIT;',
    ].join('\n');
    const { before } = await trace(sql);
    expect(inTx(before)).toEqual([false, true, true, true, true, true]);
  });

  it('SET LOCAL lasts until COMMIT; a session SET outlives it', async () => {
    const { before, end } = await trace(
      [
        "SET lock_timeout = '5s';",
        'BEGIN;',
        "SET LOCAL lock_timeout = '1s';",
        "SET LOCAL statement_timeout = '1min';",
        'SELECT 1;',
        'COMMIT;',
        'SELECT 2;',
      ].join('\n'),
    );
    expect(before.map((x) => [x.tx.lockTimeout, x.tx.statementTimeout])).toEqual([
      [false, false],
      [true, false],
      [true, false],
      [true, false],
      [true, true],
      [true, true],
      [true, false], // the session lock_timeout is back in force; the local statement_timeout is gone
    ]);
    expect(end).toMatchObject({ lockTimeout: true, statementTimeout: false });
  });

  it('SET LOCAL outside a transaction block changes nothing', async () => {
    const { end } = await trace("SET LOCAL lock_timeout = '1s';\nSELECT 1;");
    expect(end.lockTimeout).toBe(false);
  });

  it('SET LOCAL in a wrapped file lasts for the whole file', async () => {
    const { end } = await trace("SET LOCAL lock_timeout = '1s';\nSELECT 1;", { transaction: 'wrapped' });
    expect(end.lockTimeout).toBe(true);
  });

  it('zero, DEFAULT, RESET and RESET ALL turn a timeout off', async () => {
    const sql = [
      "SET lock_timeout = '1s';",
      'SET lock_timeout = 0;',
      "SET lock_timeout = '1s';",
      "SET lock_timeout = '0ms';",
      "SET lock_timeout = '1s';",
      'SET lock_timeout TO DEFAULT;',
      "SET lock_timeout = '1s';",
      'RESET lock_timeout;',
      "SET statement_timeout = '1s';",
      'RESET ALL;',
      'SELECT 1;',
    ].join('\n');
    const { before } = await trace(sql);
    expect(before.slice(1).map((x) => x.tx.lockTimeout)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(before.at(-1)!.tx.statementTimeout).toBe(false);
  });

  it('a timeout set in one file does not carry into the next', async () => {
    const seen: boolean[] = [];
    const probe = defineRule({
      meta: { id: 'tx-probe', severity: 'warning', summary: 'records ctx.tx' },
      check(_stmt, ctx) {
        seen.push(ctx.tx.lockTimeout);
      },
    });
    await lintMigrations(
      [
        migration("SET lock_timeout = '1s';\nSELECT 1;", { path: 'm/1.sql' }),
        migration('SELECT 2;', { path: 'm/2.sql' }),
      ],
      { ruleSet: [probe] },
    );
    expect(seen).toEqual([false, true, false]);
  });
});

describe('engine transaction tracking agrees with PostgreSQL (PGlite, one statement at a time)', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
  });
  afterAll(async () => db?.close());

  /** Runs each statement on its own, as an autocommit tool does, and asks PostgreSQL whether a transaction block is open and what lock_timeout is. */
  async function replay(statements: string[]): Promise<{ inTx: boolean; lockTimeout: boolean }[]> {
    const out: { inTx: boolean; lockTimeout: boolean }[] = [];
    for (const [i, s] of statements.entries()) {
      // the state *before* statement i, as the engine reports it to rules
      const marker = `probe_${i}`;
      await db.exec(`SET LOCAL application_name = '${marker}'`); // only sticks inside a transaction block
      const app = await db.query<{ application_name: string }>('SHOW application_name');
      const lt = await db.query<{ lock_timeout: string }>('SHOW lock_timeout');
      out.push({ inTx: app.rows[0]!.application_name === marker, lockTimeout: lt.rows[0]!.lock_timeout !== '0' });
      await db.exec(s);
    }
    await db.exec('ROLLBACK').catch(() => undefined);
    await db.exec('RESET ALL');
    return out;
  }

  const cases: string[][] = [
    ['CREATE TABLE t1 (id int);', 'BEGIN;', 'CREATE TABLE t2 (id int);', 'COMMIT;', 'SELECT 1;'],
    ['BEGIN;', 'BEGIN;', 'SELECT 1;', 'COMMIT;', 'SELECT 2;', 'COMMIT;'],
    ['BEGIN;', 'SELECT 1;', 'COMMIT AND CHAIN;', 'SELECT 2;', 'COMMIT;', 'SELECT 3;'],
    [
      "SET LOCAL lock_timeout = '1s';",
      'SELECT 1;',
      'BEGIN;',
      "SET LOCAL lock_timeout = '2s';",
      'SELECT 2;',
      'COMMIT;',
      'SELECT 3;',
    ],
    [
      "SET lock_timeout = '5s';",
      'BEGIN;',
      "SET LOCAL lock_timeout = '1s';",
      'ROLLBACK;',
      'SELECT 1;',
      'RESET lock_timeout;',
      'SELECT 2;',
    ],
    [
      'DO $$ BEGIN COMMIT; END $$;',
      'SELECT 1;',
      'START TRANSACTION;',
      'SAVEPOINT s;',
      'ROLLBACK TO SAVEPOINT s;',
      'END;',
      'SELECT 2;',
    ],
  ];
  for (const c of cases) {
    it(c.join(' '), async () => {
      const real = await replay(c);
      const { before } = await trace(c.join('\n'));
      expect(before.map((x) => ({ inTx: x.tx.inTransaction, lockTimeout: x.tx.lockTimeout }))).toEqual(real);
    });
  }
});
