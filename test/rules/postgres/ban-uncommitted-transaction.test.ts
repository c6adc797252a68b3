import rule from '../../../rules/postgres/ban-uncommitted-transaction.js';
import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../../../src/pipeline/index.js';
import { migration, ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    { sql: 'BEGIN;\nCREATE TABLE users (id bigint);', line: 1, message: /opened on line 1 is never committed/ },
    { name: 'START TRANSACTION', sql: '-- setup\nSTART TRANSACTION;\nCREATE TABLE users (id bigint);', line: 2 },
    {
      name: 'only the last transaction is open',
      sql: 'BEGIN;\nCREATE TABLE a (id bigint);\nCOMMIT;\n\nBEGIN WORK;\nCREATE TABLE b (id bigint);',
      line: 5,
    },
    {
      name: 'COMMIT AND CHAIN opens a new transaction',
      sql: 'BEGIN;\nCREATE TABLE a (id bigint);\nCOMMIT AND CHAIN;\nCREATE TABLE b (id bigint);',
      line: 1,
    },
    {
      name: 'a savepoint release is not a commit',
      sql: 'BEGIN;\nSAVEPOINT s;\nCREATE TABLE a (id bigint);\nRELEASE SAVEPOINT s;',
      line: 1,
    },
  ],
  valid: [
    'BEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;',
    { name: 'rolled back', sql: 'BEGIN;\nCREATE TABLE users (id bigint);\nROLLBACK;' },
    {
      name: 'END and ABORT are COMMIT and ROLLBACK',
      sql: 'BEGIN;\nCREATE TABLE a (id bigint);\nEND;\nSTART TRANSACTION;\nCREATE TABLE b (id bigint);\nABORT;',
    },
    { name: 'no transaction at all', sql: 'CREATE TABLE users (id bigint);' },
    {
      name: 'nested BEGIN: the first COMMIT closes everything (PostgreSQL does not nest)',
      sql: 'BEGIN;\nBEGIN;\nCOMMIT;',
    },
    {
      name: 'the tool commits a file it wraps',
      sql: 'BEGIN;\nCREATE TABLE users (id bigint);',
      transaction: 'wrapped',
    },
    {
      name: 'COMMIT inside a DO block does not count, but the file-level COMMIT does',
      sql: 'BEGIN;\nDO $$ BEGIN PERFORM 1; END $$;\nCOMMIT;',
    },
  ],
});

describe('ban-uncommitted-transaction with tools that send the file as one query string', () => {
  it('an explicit BEGIN stays open after the query string ends (Prisma, golang-migrate)', async () => {
    const m = migration('BEGIN;\nCREATE TABLE users (id bigint);', { transaction: 'wrapped' });
    m.framework = 'prisma';
    const f = (await lintMigrations([m], { ruleSet: [rule] })).files[0]!.findings;
    expect(f.map((x) => [x.rule, x.line])).toEqual([['ban-uncommitted-transaction', 1]]);
  });
});
