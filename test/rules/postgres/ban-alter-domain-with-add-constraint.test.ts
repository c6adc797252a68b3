import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/ban-alter-domain-with-add-constraint.js';
import validation from '../../../rules/postgres/ban-alter-domain-validation.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history =
  'CREATE DOMAIN posint AS int;\nCREATE TABLE scores (id bigint, points posint);\nCREATE TABLE bonuses (id bigint, extra posint);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER DOMAIN posint ADD CONSTRAINT posint_positive CHECK (VALUE > 0);',
      history,
      message: /SHARE lock on `scores`, `bonuses`/,
    },
    {
      name: 'ADD NOT NULL',
      sql: 'ALTER DOMAIN posint ADD NOT NULL;',
      history,
      message: /ALTER DOMAIN `posint` ADD NOT NULL checks every existing value/,
    },
    {
      name: 'domain unknown to the replay',
      sql: "ALTER DOMAIN app.email ADD CONSTRAINT email_at CHECK (VALUE LIKE '%@%');",
      message: /every table with a column of this domain/,
    },
  ],
  valid: [
    {
      name: 'NOT VALID does not scan or lock the tables',
      sql: 'ALTER DOMAIN posint ADD CONSTRAINT posint_positive CHECK (VALUE > 0) NOT VALID;',
      history,
    },
    {
      name: 'domain created in the same file',
      sql: "CREATE DOMAIN email AS text;\nALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE LIKE '%@%');",
    },
    {
      name: 'known domain that no existing table uses',
      sql: "ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE LIKE '%@%');",
      history: 'CREATE DOMAIN email AS text;',
    },
    {
      name: 'SET NOT NULL and VALIDATE CONSTRAINT: ban-alter-domain-validation reports them',
      sql: 'ALTER DOMAIN posint SET NOT NULL;\nALTER DOMAIN posint VALIDATE CONSTRAINT posint_positive;',
      history,
    },
    {
      name: 'other ALTER DOMAIN forms',
      sql: 'ALTER DOMAIN posint DROP CONSTRAINT posint_positive;\nALTER DOMAIN posint DROP NOT NULL;\nALTER DOMAIN posint SET DEFAULT 1;\nALTER DOMAIN posint RENAME CONSTRAINT a TO b;\nALTER DOMAIN posint OWNER TO app;',
      history,
    },
  ],
});

describe('ban-alter-domain-with-add-constraint: the lock is real (PGlite)', () => {
  it('ADD CONSTRAINT, VALIDATE and SET NOT NULL take SHARE on the tables using the domain; NOT VALID takes none', async () => {
    const db = new PGlite();
    await db.exec(history);
    const locks = async (sql: string): Promise<string[]> => {
      await db.exec(`BEGIN; ${sql}`);
      const r = await db.query<{ rel: string; mode: string }>(
        "SELECT c.relname AS rel, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = pg_backend_pid() AND c.relnamespace = 'public'::regnamespace ORDER BY 1",
      );
      await db.exec('COMMIT');
      return r.rows.map((x) => `${x.rel}:${x.mode}`);
    };
    expect(await locks('ALTER DOMAIN posint ADD CONSTRAINT p1 CHECK (VALUE > 0)')).toEqual([
      'bonuses:ShareLock',
      'scores:ShareLock',
    ]);
    expect(await locks('ALTER DOMAIN posint ADD CONSTRAINT p2 CHECK (VALUE > 1) NOT VALID')).toEqual([]);
    expect(await locks('ALTER DOMAIN posint VALIDATE CONSTRAINT p2')).toEqual([
      'bonuses:ShareLock',
      'scores:ShareLock',
    ]);
    expect(await locks('ALTER DOMAIN posint SET NOT NULL')).toEqual(['bonuses:ShareLock', 'scores:ShareLock']);
    const f = await lintSql('ALTER DOMAIN posint VALIDATE CONSTRAINT p2;', { history, ruleSet: [validation] });
    expect(f[0]!.lock).toBe('ShareLock');
    expect(f[0]!.data).toEqual({ domain: 'posint', tables: ['public.scores', 'public.bonuses'] });
    const [add] = await lintSql('ALTER DOMAIN posint ADD CONSTRAINT p3 CHECK (VALUE > 2);', {
      history,
      ruleSet: [rule],
    });
    expect(add!.lock).toBe('ShareLock');
    expect(add!.data).toEqual({ domain: 'posint', tables: ['public.scores', 'public.bonuses'] });
    await db.close();
  });
});
