import { describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/transaction-nesting.js';
import { lintMigrations } from '../../../src/pipeline/index.js';
import { lintSql, migration, ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    {
      name: 'BEGIN inside BEGIN',
      sql: 'BEGIN;\nCREATE TABLE a (id int);\nBEGIN;\nCREATE TABLE b (id int);\nCOMMIT;\nCOMMIT;',
      line: 3,
      message: /already opened on line 1/,
      count: 2, // and the second COMMIT, which finds no transaction left
    },
    { name: 'START TRANSACTION inside BEGIN', sql: 'BEGIN;\nSTART TRANSACTION;\nCOMMIT;', line: 2 },
    {
      name: 'BEGIN/COMMIT in a file the tool wraps',
      sql: 'BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;\nALTER TABLE users ADD COLUMN age int;',
      transaction: 'wrapped',
      line: 1,
      message: /COMMIT on line 3 ends the tool's transaction early/,
    },
    {
      name: 'lone COMMIT in a wrapped file',
      sql: 'CREATE TABLE a (id int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY a_id ON a (id);',
      transaction: 'wrapped',
      line: 2,
      message: /ends the transaction/,
    },
    {
      name: 'lone ROLLBACK in a wrapped file undoes what came before',
      sql: 'CREATE TABLE a (id int);\nROLLBACK;',
      transaction: 'wrapped',
      message: /undoing every statement before it/,
    },
    {
      name: 'BEGIN without COMMIT in a wrapped file',
      sql: 'BEGIN;\nCREATE TABLE a (id int);',
      transaction: 'wrapped',
      message: /ignored with a WARNING/,
    },
    {
      name: 'stray COMMIT with no BEGIN: the statements before it were never grouped',
      sql: 'CREATE TABLE a (id int);\nCOMMIT;',
      line: 2,
      message: /finds no transaction in progress .* no BEGIN opened one/,
    },
    {
      name: 'a repeated COMMIT',
      sql: 'BEGIN;\nSELECT 1;\nCOMMIT;\nCOMMIT;',
      line: 4,
      message: /an earlier COMMIT\/ROLLBACK already ended the transaction/,
    },
    { name: 'a ROLLBACK with no transaction', sql: 'SELECT 1;\nROLLBACK;', message: /Nothing is rolled back/ },
  ],
  valid: [
    'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;',
    {
      name: 'two consecutive transactions',
      sql: 'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nBEGIN;\nCREATE TABLE b (id int);\nCOMMIT;',
    },
    {
      name: 'savepoints are the way to nest',
      sql: 'BEGIN;\nSAVEPOINT s1;\nCREATE TABLE a (id int);\nROLLBACK TO SAVEPOINT s1;\nRELEASE SAVEPOINT s1;\nCOMMIT;',
    },
    {
      name: 'COMMIT inside a DO block or function body is PL/pgSQL, not a statement of the file',
      sql: 'DO $$ BEGIN COMMIT; END $$;\nCREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;',
      transaction: 'wrapped',
    },
    {
      name: 'wrapped file without transaction control',
      sql: 'CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id);',
      transaction: 'wrapped',
    },
    {
      name: 'COMMIT AND CHAIN keeps the explicit transaction open',
      sql: 'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT AND CHAIN;\nCREATE TABLE b (id int);\nCOMMIT;',
    },
  ],
});

describe('transaction-nesting with --assume-in-transaction', () => {
  it('flags BEGIN when the tool is assumed to wrap the file', async () => {
    const f = await lintSql('BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;', {
      assumeInTransaction: true,
      ruleSet: [rule],
    });
    expect(f.map((x) => [x.rule, x.line])).toEqual([['transaction-nesting', 1]]);
  });
  it('speaks of the migration tool for plain SQL files', async () => {
    const f = await lintSql('COMMIT;', { assumeInTransaction: true, ruleSet: [rule] });
    expect(f[0]!.message).toMatch(/the migration tool wraps around the file/);
  });
});

describe('squawk-disable-assume-in-transaction', () => {
  const sql = 'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;';
  for (const comment of [
    '-- squawk-disable-assume-in-transaction',
    '-- zerodown-disable-assume-in-transaction -- run by hand',
    '/* squawk-disable-assume-in-transaction */',
  ]) {
    it(`${comment} turns --assume-in-transaction off for the file`, async () => {
      const f = await lintSql(`${comment}\n${sql}`, { assumeInTransaction: true, ruleSet: [rule] });
      expect(f).toEqual([]);
    });
  }
  it('the near miss: the words inside another comment do not count', async () => {
    const f = await lintSql(`-- we do not use squawk-disable-assume-in-transaction here\n${sql}`, {
      assumeInTransaction: true,
      ruleSet: [rule],
    });
    expect(f.map((x) => x.line)).toEqual([2]);
  });
});

describe('transaction-nesting with tools that send the file as one query string', () => {
  const run = async (sql: string, framework: string) => {
    const m = migration(sql, { transaction: 'wrapped' });
    m.framework = framework;
    return (await lintMigrations([m], { ruleSet: [rule] })).files[0]!.findings;
  };
  it('BEGIN … COMMIT in a multi-statement Prisma file turns the implicit transaction into an explicit one (no warning)', async () => {
    expect(await run('BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;', 'prisma')).toEqual([]);
  });
  it('a nested BEGIN is still nesting there', async () => {
    expect((await run('BEGIN;\nBEGIN;\nCOMMIT;', 'golang-migrate')).map((f) => f.line)).toEqual([2]);
  });
  it('the same file under a tool that wraps it in its own transaction is flagged', async () => {
    expect((await run('BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;', 'flyway')).map((f) => f.line)).toEqual([1]);
  });
});
