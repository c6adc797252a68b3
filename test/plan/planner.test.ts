/** The planner's building blocks, without a database: source-text surgery, names, scheduling, parse checks. */
import { postgres } from '../../src/dialects/postgres/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser } from '../../src/dialects/postgres/parse.js';
import { planMigrations } from '../../src/plan/planner.js';
import { checkPhaseSql } from '../../src/dialects/postgres/plan/index.js';
import { StmtSource } from '../../src/dialects/postgres/plan/sqltext.js';
import { chooseName, makeObjectName } from '../../src/dialects/postgres/plan/names.js';
import { schedule, type Step } from '../../src/plan/schedule.js';
import { backfillSql } from '../../src/dialects/postgres/plan/backfill.js';
import { mig } from './helpers.js';

beforeAll(() => loadParser());

const history = `CREATE TABLE t (id bigint PRIMARY KEY, a text, b int NOT NULL DEFAULT 0);`;

async function plan(sql: string, opts: Parameters<typeof planMigrations>[2] = {}) {
  return planMigrations(postgres, [mig(history, { path: 'h.sql', review: false }), mig(sql)], opts);
}

describe('StmtSource', () => {
  it('finds the exact text of an expression, parentheses and casts included', () => {
    const s = new StmtSource(
      `ALTER TABLE t ADD COLUMN c text DEFAULT ((md5(random()::text) || 'x'))::text COLLATE "C"`,
    );
    const def = s.ast.cmds[0].AlterTableCmd.def.ColumnDef.constraints[0].Constraint.raw_expr;
    expect(s.expr(def)).toBe(`((md5(random()::text) || 'x'))::text`);
  });

  it('works in UTF-8 text (locations are bytes)', () => {
    const s = new StmtSource(`UPDATE t SET a = 'héllo wörld ✓' || a WHERE b > 0`);
    expect(s.expr(s.ast.targetList[0].ResTarget.val)).toBe(`'héllo wörld ✓' || a`);
    expect(s.clause('WHERE', ['RETURNING'])).toBe('b > 0');
  });

  it('substitutes column references, qualified or not', () => {
    const s = new StmtSource(`UPDATE t SET a = upper(a) || t.a || "b"::text`);
    const out = s.substitute(s.ast.targetList[0].ResTarget.val, (ref) =>
      ref.fields.at(-1).String.sval === 'a' ? '(X)' : undefined,
    );
    expect(out).toBe('upper((X)) || (X) || "b"::text');
  });

  it('splits ALTER TABLE sub-commands at top-level commas only', () => {
    const s = new StmtSource(
      `ALTER TABLE ONLY "Sch"."T" ADD COLUMN x numeric(10, 2) DEFAULT f(1, 2), ADD CONSTRAINT k CHECK (x IN (1, 2))`,
    );
    expect(s.alterTableParts()).toMatchObject({
      header: 'ALTER TABLE ONLY "Sch"."T"',
      cmds: [{ text: 'ADD COLUMN x numeric(10, 2) DEFAULT f(1, 2)' }, { text: 'ADD CONSTRAINT k CHECK (x IN (1, 2))' }],
    });
  });
});

describe('names', () => {
  it('follows PostgreSQL: truncation to 63 bytes and a counter on collision', () => {
    expect(makeObjectName('accounts', 'email', 'key')).toBe('accounts_email_key');
    const long = makeObjectName('a'.repeat(40), 'b'.repeat(40), 'fkey');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63);
    expect(long).toBe(`${'a'.repeat(29)}_${'b'.repeat(28)}_fkey`);
    expect(chooseName('t', 'c', 'key', (n) => n === 't_c_key')).toBe('t_c_key1');
  });
});

describe('schedule', () => {
  const s = (kind: Step['kind'], sql: string, keys: string[], extra: Partial<Step> = {}): Step => ({
    kind,
    sql,
    keys,
    reason: kind,
    transactional: kind !== 'backfill' && kind !== 'index',
    ...extra,
  });

  it('keeps independent statements in one round, in file order, and merges transactional steps of a slot', () => {
    const phases = schedule([
      [s('expand', 'A1', ['p.t#a']), s('backfill', 'A2', ['p.t#a']), s('contract', 'A3', ['p.t#a'])],
      [s('expand', 'B1', ['p.t#b'])],
      [s('index', 'C1', ['p.t#c'])],
    ]);
    expect(phases.map((p) => [p.kind, p.steps.map((x) => x.sql).join(',')])).toEqual([
      ['expand', 'A1,B1'],
      ['backfill', 'A2'],
      ['index', 'C1'],
      ['contract', 'A3'],
    ]);
  });

  it('a statement that depends on a contracted column waits for the contract', () => {
    const phases = schedule([
      [s('expand', 'A1', ['p.t#a']), s('contract', 'A2', ['p.t#a'])],
      [s('expand', 'B1', ['p.t'])],
    ]);
    expect(phases.map((p) => p.steps[0]!.sql)).toEqual(['A1', 'A2', 'B1']);
  });

  it('an index build does not wait for a nullability-only contract step', () => {
    const phases = schedule([
      [s('expand', 'A1', ['p.t#a']), s('contract', 'A2', ['p.t#a'], { weak: true })],
      [s('index', 'I', ['p.t#a'])],
    ]);
    expect(phases.map((p) => p.steps[0]!.sql)).toEqual(['A1', 'I', 'A2']);
  });

  it('steps waiting for deploys share one phase, which names every deploy', () => {
    const phases = schedule([
      [s('contract', 'A', ['p.t#a'], { deploy: 'use x' })],
      [s('contract', 'B', ['p.t#b'], { deploy: 'use y' })],
    ]);
    expect(phases.map((p) => [p.steps.map((x) => x.sql).join(','), p.deploy])).toEqual([['A,B', 'use x; use y']]);
  });

  it('a deploy starts a phase of its own', () => {
    const phases = schedule([[s('contract', 'A', ['p.t#a'])], [s('contract', 'B', ['p.t#b'], { deploy: 'ship it' })]]);
    expect(phases.map((p) => [p.steps[0]!.sql, p.deploy])).toEqual([
      ['A', undefined],
      ['B', 'ship it'],
    ]);
  });
});

describe('phase SQL checks', () => {
  it('parses PL/pgSQL bodies too, and one statement per phase outside a transaction', () => {
    expect(() => checkPhaseSql({ sql: 'DO $$ BEGIN SELEC 1; END $$;', transactional: false })).toThrow(/syntax error/);
    expect(() =>
      checkPhaseSql({ sql: 'CREATE INDEX CONCURRENTLY i ON t (a); SELECT 1;', transactional: false }),
    ).toThrow(/exactly one statement/);
    const sql = backfillSql({
      table: 't',
      tableName: 't',
      pk: 'id',
      set: 'a = upper(a)',
      batchSize: 10,
      lockTimeout: '1s',
      progressKey: 'k',
    });
    expect(() => checkPhaseSql({ sql, transactional: false })).not.toThrow();
  });

  it('the dollar quote never collides with the SQL inside', () => {
    const sql = backfillSql({
      table: 't',
      tableName: 't',
      pk: 'id',
      set: `a = '$zerodown$'`,
      pending: 'a IS NULL',
      batchSize: 10,
      lockTimeout: '1s',
      progressKey: 'k',
    });
    expect(sql.startsWith('DO $zerodown1$')).toBe(true);
    expect(() => checkPhaseSql({ sql, transactional: false })).not.toThrow();
  });
});

describe('planner', () => {
  it('drops the file’s own BEGIN/COMMIT and timeouts; phases set their own', async () => {
    const r = await plan(`BEGIN;\nSET lock_timeout = '10s';\nCREATE INDEX t_a ON t (a);\nCOMMIT;`);
    expect(r.plans[0]!.phases).toHaveLength(1);
    expect(r.plans[0]!.phases[0]!.sql).not.toMatch(/BEGIN|COMMIT|10s/);
    expect(r.plans[0]!.notes.map((n) => n.message).join()).toMatch(/The original runs as one transaction/);
  });

  it('keeps safe statements unchanged and in their original order', async () => {
    const r = await plan(
      `CREATE TABLE u (id int);\nCREATE INDEX t_a ON t (a);\nCOMMENT ON TABLE u IS 'x';\nALTER TABLE t ADD COLUMN z int;`,
    );
    const sql = r.plans[0]!.phases.map((p) => p.sql).join('\n');
    expect(sql.indexOf('CREATE TABLE u (id int);')).toBeLessThan(sql.indexOf(`COMMENT ON TABLE u IS 'x';`));
    expect(sql.indexOf(`COMMENT ON TABLE u IS 'x';`)).toBeLessThan(sql.indexOf('ALTER TABLE t ADD COLUMN z int;'));
  });

  it('a zerodown-ignore comment keeps the statement as written', async () => {
    const r = await plan(`-- zerodown-ignore require-concurrent-index-creation\nCREATE INDEX t_a ON t (a);`);
    expect(r.plans).toEqual([]);
  });

  it('an UPDATE the linter flags is batched even when the planner would not', async () => {
    const sql = `UPDATE t SET a = 'x' WHERE id = 1;`;
    expect((await plan(sql)).plans).toEqual([]);
    const flagged = await plan(sql, {
      findings: [
        {
          path: 'migrations/0002_change.sql',
          rule: 'unbatched-backfill',
          statementIndex: 0,
          severity: 'error',
          line: 1,
          message: 'm',
        },
      ],
    });
    expect(flagged.plans[0]!.phases[0]!.name).toBe('backfill');
  });

  it('says which findings it did not rewrite, instead of presenting the plan as the whole fix', async () => {
    const r = await plan(`CREATE INDEX t_a ON t (a);\nDROP TABLE t;`, {
      findings: [
        {
          path: 'migrations/0002_change.sql',
          rule: 'ban-drop-table',
          statementIndex: 1,
          severity: 'error',
          line: 2,
          message: 'Dropping a table loses data.',
        },
      ],
    });
    const drop = {
      path: 'migrations/0002_change.sql',
      line: 2,
      rule: 'ban-drop-table',
      severity: 'error',
      message: 'Dropping a table loses data.',
      advice: 'see the rule documentation',
    };
    expect(r.plans[0]!.unhandled).toEqual([drop]);
    expect(r.unhandled).toEqual([drop]);
    expect(r.plans[0]!.phases.at(-1)!.reason).toBe(
      'kept as written, NOT handled: ban-drop-table at line 2: do it by hand',
    );
  });

  it('a table created in the same migration is empty: nothing to plan', async () => {
    const r = await plan(
      `CREATE TABLE n (id int PRIMARY KEY);\nALTER TABLE n ADD COLUMN c text NOT NULL DEFAULT md5(random()::text);\nCREATE INDEX n_c ON n (c);`,
    );
    expect(r.plans).toEqual([]);
  });
});
