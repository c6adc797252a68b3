import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/ban-concurrent-index-creation-in-transaction.js';
import { lintSql, ruleTester } from '../../helpers.js';
import { migration } from '../../helpers.js';
import { lintMigrations } from '../../../src/pipeline/index.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;',
      history,
      line: 2,
      message:
        /CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and it sits inside the BEGIN … COMMIT block of this file/,
    },
    {
      name: 'file wrapped in a transaction by the tool',
      sql: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);',
      history,
      transaction: 'wrapped',
      message: /runs this file inside a transaction/,
    },
    {
      sql: 'BEGIN;\nDROP INDEX CONCURRENTLY users_email_idx;\nCOMMIT;',
      message: /"DROP INDEX CONCURRENTLY cannot run inside a transaction block"/,
    },
    {
      sql: 'START TRANSACTION;\nREINDEX INDEX CONCURRENTLY users_email_idx;\nCOMMIT;',
      message: /"REINDEX CONCURRENTLY cannot run/,
    },
    {
      sql: 'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
      transaction: 'wrapped',
      message: /"ALTER TABLE \.\.\. DETACH CONCURRENTLY cannot run inside a transaction block"/,
    },
    {
      name: 'even on a table created in the same transaction',
      sql: 'BEGIN;\nCREATE TABLE posts (id int);\nCREATE INDEX CONCURRENTLY ON posts (id);\nCOMMIT;',
      line: 3,
    },
    {
      name: 'second transaction of the file',
      sql: 'BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nDROP INDEX CONCURRENTLY a;\nCOMMIT;',
      line: 5,
    },
  ],
  valid: [
    { sql: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', history },
    {
      name: 'after COMMIT the transaction is over',
      sql: 'BEGIN;\nALTER TABLE users ADD COLUMN code text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY users_code_idx ON users (code);',
      history,
    },
    {
      name: 'plain CREATE INDEX inside a transaction is another rule',
      sql: 'BEGIN;\nCREATE INDEX users_email_idx ON users (email);\nCOMMIT;',
      history,
    },
    { name: 'REINDEX without CONCURRENTLY', sql: 'BEGIN;\nREINDEX INDEX users_email_idx;\nCOMMIT;', history },
    {
      name: 'DETACH PARTITION without CONCURRENTLY',
      sql: 'ALTER TABLE events DETACH PARTITION events_2020;',
      transaction: 'wrapped',
    },
    { sql: 'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\nREINDEX TABLE CONCURRENTLY users;', history },
  ],
});

it('names the framework and how to opt out of its transaction', async () => {
  const m = {
    ...migration('CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', { transaction: 'wrapped' }),
    framework: 'goose',
  };
  const result = await lintMigrations([m], { ruleSet: [rule] });
  const [f] = result.files[0]!.findings;
  expect(f!.message).toContain('goose runs this file inside a transaction');
  expect(f!.help).toContain('-- +goose NO TRANSACTION');
  expect(f!.data).toMatchObject({ statement: 'CREATE INDEX CONCURRENTLY', explicit: false, framework: 'goose' });
});

it('follows --assume-in-transaction', async () => {
  const findings = await lintSql('CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', {
    history,
    assumeInTransaction: true,
    ruleSet: [rule],
  });
  expect(findings.map((f) => f.rule)).toEqual(['ban-concurrent-index-creation-in-transaction']);
});

describe("squawk's workaround: COMMIT the tool's transaction, build the index, BEGIN again", () => {
  const workaround = `COMMIT;
CREATE UNIQUE INDEX CONCURRENTLY users_email_uq ON users (email);
BEGIN;
ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE USING INDEX users_email_uq;`;
  it('is not flagged with --assume-in-transaction', async () => {
    expect(await lintSql(workaround, { history, assumeInTransaction: true, ruleSet: [rule] })).toEqual([]);
  });
  it('and PostgreSQL (PGlite) runs it so, statement by statement inside the tool transaction', async () => {
    const db = new PGlite();
    try {
      await db.exec('CREATE TABLE users (id bigint PRIMARY KEY, email text)');
      await db.exec('BEGIN'); // the tool's
      for (const stmt of workaround.split(';\n')) await db.exec(stmt);
      await db.exec('COMMIT'); // the tool's
      const r = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'users_email_uq' AND contype = 'u'",
      );
      expect(r.rows[0]!.n).toBe(1);
    } finally {
      await db.close();
    }
  }, 60_000);
  it('the near miss: a tool that sends the file as one query string (Prisma) still fails', async () => {
    const result = await lintMigrations([migration(workaround, { framework: 'prisma', transaction: 'wrapped' })], {
      ruleSet: [rule],
    });
    expect(result.files[0]!.findings.map((f) => f.line)).toEqual([2]);
  });
  it('the near miss: COMMIT AND CHAIN opens the next transaction at once', async () => {
    const sql = 'COMMIT AND CHAIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);';
    const f = await lintSql(sql, { history, assumeInTransaction: true, ruleSet: [rule] });
    expect(f.map((x) => x.line)).toEqual([2]);
  });
});

describe('PostgreSQL (PGlite 18) really refuses each flagged statement inside a transaction', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.exec(`CREATE TABLE users (id bigint PRIMARY KEY, email text);
      CREATE INDEX users_email_idx ON users (email);
      CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
      CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');`);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });
  for (const stmt of [
    'CREATE INDEX CONCURRENTLY users_email2_idx ON users (email)',
    'REINDEX INDEX CONCURRENTLY users_email_idx',
    'DROP INDEX CONCURRENTLY users_email_idx',
    'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY',
  ]) {
    it(stmt, async () => {
      const findings = await lintSql(`BEGIN;\n${stmt};\nCOMMIT;`, { ruleSet: [rule] });
      expect(findings).toHaveLength(1);
      const quoted = /rejects it with "([^"]+)"/.exec(findings[0]!.message)![1]!;
      await db.exec('BEGIN');
      await expect(db.exec(stmt)).rejects.toThrow(quoted);
      await db.exec('ROLLBACK');
      await db.exec(stmt); // and it works outside one
    });
  }
});
