/**
 * Why ban-drop-view (and the other drop rules) only warn about a drop followed by a re-create
 * in the same transaction, and keep the error otherwise, measured on the local PostgreSQL:
 * another session's query waits for the transaction and then reads the new view, while a
 * drop that commits on its own makes the same query fail. The lint side of each case is
 * checked on the same SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/ban-drop-view.js';
import { lintSql } from '../../helpers.js';
import { PG_URL, throwawayDb, type Db } from '../../plan/pg-server.js';

const setup =
  'CREATE TABLE users (id int, email text); INSERT INTO users VALUES (1, $$a@b$$); CREATE VIEW v AS SELECT id, email FROM users;';

describe.skipIf(!PG_URL)(
  `drop and re-create a view [postgresql]${PG_URL ? '' : ' (skipped: set ZERODOWN_TEST_PG_URL)'}`,
  () => {
    let db: Db;
    beforeAll(async () => {
      db = await throwawayDb('droprecreate');
    }, 60_000);
    afterAll(async () => {
      await db?.drop();
    });

    it('in one transaction: a concurrent reader waits, then reads the new view; zerodown warns', async () => {
      await db.exec(`DROP VIEW IF EXISTS v; DROP TABLE IF EXISTS users; ${setup}`);
      const writer = await db.connect();
      const reader = await db.connect();
      try {
        await writer.query('BEGIN');
        await writer.query('DROP VIEW v');
        await writer.query('CREATE VIEW v AS SELECT id, email, 1 AS extra FROM users');
        const read = reader.query('SELECT email FROM v');
        await new Promise((r) => setTimeout(r, 300));
        await writer.query('COMMIT');
        const r = await read;
        expect(r.rows).toEqual([{ email: 'a@b' }]);
      } finally {
        await writer.end();
        await reader.end();
      }
      const findings = await lintSql(
        'BEGIN;\nDROP VIEW v;\nCREATE VIEW v AS SELECT id, email, 1 AS extra FROM users;\nCOMMIT;',
        {
          history: setup,
          ruleSet: [rule],
        },
      );
      expect(findings.map((f) => f.severity)).toEqual(['warning']);
    });

    it('committed on its own: the reader fails until the view is back; zerodown says error', async () => {
      await db.exec(`DROP VIEW IF EXISTS v; DROP TABLE IF EXISTS users; ${setup}`);
      const writer = await db.connect();
      const reader = await db.connect();
      try {
        await writer.query('DROP VIEW v');
        await expect(reader.query('SELECT email FROM v')).rejects.toThrow(/relation "v" does not exist/);
        await writer.query('CREATE VIEW v AS SELECT id, email FROM users');
      } finally {
        await writer.end();
        await reader.end();
      }
      const findings = await lintSql('DROP VIEW v;\nCREATE VIEW v AS SELECT id, email FROM users;', {
        history: setup,
        ruleSet: [rule],
      });
      expect(findings.map((f) => f.severity)).toEqual(['error']);
    });
  },
);
