import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/enum-value-in-transaction.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history = "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TABLE people (id int PRIMARY KEY, name text, m mood);";

const invalid = [
  {
    name: 'INSERT of the new value',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nINSERT INTO people (id, m) VALUES (1, 'happy');",
    line: 2,
    message: /'happy' was added to enum `mood` on line 1.*the value for column m/,
  },
  {
    name: 'UPDATE … SET',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nUPDATE people SET m = 'happy' WHERE id = 1;",
    line: 2,
    message: /assignment to column m/,
  },
  {
    name: 'comparison in WHERE',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nSELECT * FROM people WHERE m = 'happy';",
    message: /comparison with column m/,
  },
  { name: 'IN list', sql: "ALTER TYPE mood ADD VALUE 'happy';\nDELETE FROM people WHERE m IN ('sad', 'happy');" },
  {
    name: 'explicit cast',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nSELECT 'happy'::mood;",
    message: /the cast 'happy'::mood/,
  },
  {
    name: 'column default',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nALTER TABLE people ADD COLUMN m2 mood DEFAULT 'happy';",
    message: /default of column m2/,
  },
  {
    name: 'SET DEFAULT',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nALTER TABLE people ALTER COLUMN m SET DEFAULT 'happy';",
  },
  {
    name: 'partial index predicate',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nCREATE INDEX people_happy ON people (id) WHERE m <> 'happy';",
  },
  {
    name: 'explicit BEGIN in a plain file',
    sql: "BEGIN;\nALTER TYPE mood ADD VALUE 'happy';\nUPDATE people SET m = 'happy';\nCOMMIT;",
    line: 3,
  },
];
// each `valid` case runs on PostgreSQL 12+ inside one transaction without error
const valid = [
  {
    name: 'value used only after COMMIT',
    sql: "BEGIN;\nALTER TYPE mood ADD VALUE 'happy';\nCOMMIT;\nINSERT INTO people (id, m) VALUES (1, 'happy');",
  },
  {
    name: 'a value that already existed',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nINSERT INTO people (id, m) VALUES (1, 'ok');",
  },
  {
    name: 'the same text compared as text',
    sql: "ALTER TYPE mood ADD VALUE 'happy';\nSELECT * FROM people WHERE m::text = 'happy' OR name = 'happy';",
  },
  {
    name: 'enum created in the same transaction',
    sql: "CREATE TYPE size AS ENUM ('s');\nALTER TYPE size ADD VALUE 'm';\nSELECT 'm'::size;",
  },
  { name: 'ADD VALUE alone', sql: "ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';" },
];

ruleTester(rule, {
  invalid: [
    ...invalid.map((c) => ({ ...c, history, transaction: 'wrapped' as const })),
    {
      name: 'ADD VALUE in a transaction before PostgreSQL 12',
      sql: "ALTER TYPE mood ADD VALUE 'happy';",
      history,
      transaction: 'wrapped',
      pgVersion: 11,
      message: /cannot run inside a transaction block/,
    },
  ],
  valid: [
    ...valid.map((c) => ({ ...c, history, transaction: 'wrapped' as const })),
    {
      name: 'not in a transaction: each statement commits on its own',
      sql: "ALTER TYPE mood ADD VALUE 'happy';\nINSERT INTO people (id, m) VALUES (1, 'happy');",
      history,
    },
    {
      name: 'outside a transaction before PostgreSQL 12',
      sql: "ALTER TYPE mood ADD VALUE 'happy';",
      history,
      pgVersion: 11,
    },
  ],
});

describe('enum-value-in-transaction against PostgreSQL (PGlite)', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.exec(history);
  });
  afterAll(async () => db?.close());

  /** Runs the migration the way a wrapping tool does: one transaction, rolled back afterwards. */
  async function runWrapped(sql: string): Promise<string | undefined> {
    const body = sql.replace(/^(BEGIN|COMMIT);$/gm, '');
    try {
      await db.exec(`BEGIN;\n${body}\nROLLBACK;`);
      return undefined;
    } catch (e) {
      await db.exec('ROLLBACK').catch(() => undefined);
      return (e as Error).message;
    }
  }

  for (const c of invalid.filter((x) => !x.sql.startsWith('BEGIN'))) {
    it(`fails for real: ${c.name}`, async () => {
      expect(await runWrapped(c.sql)).toMatch(/unsafe use of new value "happy" of enum type mood/);
      const f = await lintSql(c.sql, { history, transaction: 'wrapped', ruleSet: [rule] });
      expect(f.length).toBe(1);
    });
  }
  for (const c of valid.filter((x) => !x.sql.includes('COMMIT'))) {
    it(`succeeds for real: ${c.name}`, async () => {
      expect(await runWrapped(c.sql)).toBeUndefined();
    });
  }
});
