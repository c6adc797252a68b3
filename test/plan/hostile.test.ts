/**
 * A pull request's SQL is untrusted: names and file paths from it must reach the
 * plan's SQL and its comments only as data. A seeded fuzzer throws thousands of
 * hostile strings (quotes, newlines, comment ends, dollar quotes, NUL, Unicode
 * line separators, backslashes) at the quoting helpers and at the planner, and
 * checks with the real parser (libpg-query) that every generated phase holds
 * exactly the statements the plan says, and that the hostile text comes back as
 * the identifier or literal value.
 */
import { postgres } from '../../src/dialects/postgres/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, parseSql } from '../../src/dialects/postgres/parse.js';
import { planMigrations } from '../../src/plan/planner.js';
import { blockComment, dollarQuote, ident, literal, sqlComment } from '../../src/dialects/postgres/plan/quote.js';
import type { StagedPlan } from '../../src/plan/types.js';
import { formatPlanSql } from '../../src/report/plan-sql.js';
import { expectProven, mig, planSql, runPhases, shadowWith } from './helpers.js';

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "'",
  '"',
  '""',
  '\n',
  '\r',
  '\r\n',
  '*/',
  '/*',
  '--',
  '$$',
  '$zerodown$',
  '$zd$',
  '$zerodown',
  '$zd',
  '\\',
  "\\'",
  '\u2028',
  '\u2029',
  '\u0085',
  '\v',
  '\f',
  '\t',
  ';',
  ' DROP TABLE victim; ',
  '%',
  '%s',
  'E',
  'a',
  'Z',
  ' ',
  'é',
  '💥',
  ')',
  '(',
  ',',
];

/** A hostile string of at most `maxBytes` UTF-8 bytes (identifiers are cut at 63 bytes by PostgreSQL). */
function hostile(rnd: () => number, maxBytes: number, nul = false): string {
  let s = '';
  const n = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < n; i++) {
    const piece = nul && rnd() < 0.1 ? '\0' : PIECES[Math.floor(rnd() * PIECES.length)]!;
    if (Buffer.byteLength(s + piece) > maxBytes) break;
    s += piece;
  }
  return s || 'x';
}

beforeAll(async () => {
  await loadParser();
});

describe('the quoting helpers (src/dialects/postgres/plan/quote.ts), fuzzed', () => {
  it('identifiers, literals and dollar-quoted bodies round-trip through libpg-query; comments stay comments', () => {
    const rnd = prng(11);
    let nuls = 0;
    for (let i = 0; i < 4000; i++) {
      const s = hostile(rnd, 60, true);
      if (s.includes('\0')) {
        // PostgreSQL text cannot hold NUL: refused, never passed on cut short
        expect(() => ident(s)).toThrow(/NUL/);
        expect(() => literal(s)).toThrow(/NUL/);
        expect(() => dollarQuote(s)).toThrow(/NUL/);
        expect(parseSql(`${sqlComment(s)}\nSELECT 1`).map((x) => x.kind)).toEqual(['SelectStmt']);
        nuls++;
        continue;
      }
      const stmts = parseSql(`SELECT ${literal(s)} AS ${ident(s)}, ${dollarQuote(s)} AS b;`);
      expect(stmts).toHaveLength(1);
      const targets = stmts[0]!.ast.targetList.map((t: any) => t.ResTarget);
      expect(targets[0].name).toBe(s);
      expect(targets[0].val.A_Const.sval.sval).toBe(s);
      expect(targets[1].val.A_Const.sval.sval).toBe(s);
      // a comment holding the text, before and inside a statement, changes nothing
      const commented = parseSql(`${sqlComment(s)}\nSELECT 1 ${blockComment(s)}, 2;\n${sqlComment(s)}`);
      expect(commented.map((x) => x.kind)).toEqual(['SelectStmt']);
      expect(commented[0]!.ast.targetList).toHaveLength(2);
      expect(sqlComment(s)).not.toMatch(/[\n\r\u2028\u2029\u0085\0]/);
    }
    expect(nuls).toBeGreaterThan(100);
  });
});

/** Statement kinds of every phase (the shape of the plan), and the whole --format sql script. */
function shape(plan: StagedPlan): string[][] {
  return plan.phases.map((p) => parseSql(p.sql).map((s) => s.kind));
}

function scriptKinds(plan: StagedPlan): string[] {
  return parseSql(formatPlanSql([plan])).map((s) => s.kind);
}

function expectedScript(plan: StagedPlan): string[] {
  return plan.phases.flatMap((p, i) => {
    const k = shape(plan)[i]!;
    return p.transactional ? ['TransactionStmt', ...k, 'TransactionStmt'] : k;
  });
}

async function planOne(history: string, sql: string, path = 'migrations/0002_change.sql'): Promise<StagedPlan> {
  const result = await planMigrations(postgres, [
    mig(history, { path: 'migrations/0001_init.sql', review: false }),
    mig(sql, { path }),
  ]);
  const why = JSON.stringify({ path, sql });
  expect(result.failed, why).toEqual([]);
  expect(result.plans, why).toHaveLength(1);
  return result.plans[0]!;
}

/** Every kind of rewrite, with the hostile text as table, column, index and constraint name. */
const CASES: {
  title: string;
  inBlock?: boolean;
  history: (t: string, c: string) => string;
  sql: (t: string, c: string) => string;
}[] = [
  {
    title: 'RENAME COLUMN to the hostile name',
    history: (t) => `CREATE TABLE ${t} (id bigint PRIMARY KEY, x text NOT NULL);`,
    sql: (t, c) => `ALTER TABLE ${t} RENAME COLUMN x TO ${c};`,
  },
  {
    title: 'ADD COLUMN with a volatile default and NOT NULL, then an index on it',
    history: (t) => `CREATE TABLE ${t} (id bigint PRIMARY KEY, x text);`,
    sql: (t, c) =>
      `ALTER TABLE ${t} ADD COLUMN ${c} text NOT NULL DEFAULT md5(random()::text);\nCREATE INDEX ${c} ON ${t} (${c});`,
  },
  {
    title: 'ALTER COLUMN TYPE of the hostile column',
    history: (t, c) => `CREATE TABLE ${t} (id bigint PRIMARY KEY, ${c} integer NOT NULL);`,
    sql: (t, c) => `ALTER TABLE ${t} ALTER COLUMN ${c} TYPE bigint;`,
  },
  {
    title: 'FOREIGN KEY and UNIQUE constraints with hostile names',
    history: (t, c) => `CREATE TABLE ${t} (id bigint PRIMARY KEY, ${c} bigint);`,
    sql: (t, c) =>
      `ALTER TABLE ${t} ADD CONSTRAINT ${c} FOREIGN KEY (${c}) REFERENCES ${t} (id);\nALTER TABLE ${t} ADD UNIQUE (${c});`,
  },
  {
    title: 'a non-idempotent UPDATE (progress kept under the file name) and a RENAME TABLE',
    inBlock: true,
    history: (t, c) => `CREATE TABLE ${t} (id bigint PRIMARY KEY, ${c} integer);`,
    sql: (t, c) => `UPDATE ${t} SET ${c} = ${c} + 1;\nALTER TABLE ${t} RENAME TO ${ident('renamed')};`,
  },
];

describe('generated plans with hostile names, fuzzed', () => {
  for (const k of CASES) {
    it(`${k.title}: every phase parses into the same statements as with a plain name`, async () => {
      const baseline = await planOne(k.history('plain_t', 'plain_c'), k.sql('plain_t', 'plain_c'));
      const want = shape(baseline);
      const rnd = prng(k.title.length);
      for (let i = 0; i < 60; i++) {
        const t = hostile(rnd, 40);
        const c = hostile(rnd, 40);
        if (t === c || c === 'x' || t === 'renamed') continue;
        const file = `migrations/0002_${hostile(rnd, 30)}.sql`;
        const plan = await planOne(k.history(ident(t), ident(c)), k.sql(ident(t), ident(c)), file);
        const why = `table ${JSON.stringify(t)}, column ${JSON.stringify(c)}, file ${JSON.stringify(file)}`;
        expect(shape(plan), why).toEqual(want);
        // the psql script: only the phases' statements, every comment stays a comment
        expect(scriptKinds(plan), why).toEqual(expectedScript(plan));
        // the hostile text comes back as the name (inside a DO block: quoted, as the block's text)
        const strings: string[] = [];
        const walk = (n: unknown): void => {
          if (typeof n === 'string') strings.push(n);
          else if (n && typeof n === 'object') Object.values(n).forEach(walk);
        };
        for (const p of plan.phases) for (const st of parseSql(p.sql)) walk(st.ast);
        expect(strings, why).toContain(t);
        if (k.inBlock)
          expect(
            strings.some((x) => x.includes(`${ident(c)} = ${ident(c)} + 1`)),
            why,
          ).toBe(true);
        else expect(strings, why).toContain(c);
      }
    });
  }
});

describe('issue 11, defect 4: the rename that dropped a table', () => {
  const history = `CREATE TABLE t (id bigint PRIMARY KEY, x text);\nCREATE TABLE victim (id int PRIMARY KEY);`;
  const sql = `ALTER TABLE t RENAME COLUMN x TO "y\nDROP TABLE victim; --";`;

  it('--format sql keeps the name inside comments on one line; the plan is proven and the victim survives', async () => {
    const p = await planSql(history, sql);
    const script = formatPlanSql([p.plan]);
    expect(parseSql(script).filter((s) => s.kind === 'DropStmt' && s.ast.removeType === 'OBJECT_TABLE')).toEqual([]);
    await expectProven(p);
    const sh = await shadowWith(p.history);
    try {
      await runPhases(sh, p.plan);
      expect(await sh.query(`SELECT count(*)::int AS n FROM victim`)).toEqual([{ n: 120 }]);
      const cols = await sh.query<{ attname: string }>(
        `SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      );
      expect(cols.map((c) => c.attname)).toEqual(['id', 'y\nDROP TABLE victim; --']);
    } finally {
      await sh.close();
    }
  });

  it('a name holding a dollar-quote tag cannot end the trigger body or the backfill block', async () => {
    const p = await planSql(history, `ALTER TABLE t RENAME COLUMN x TO "a$zd$b$zerodown$c";`);
    await expectProven(p);
  });

  it('a TODO message holding % is raised as written (not as a RAISE format)', async () => {
    const p = await planSql(
      `CREATE TABLE "100%" (id bigint PRIMARY KEY);`,
      `ALTER TABLE "100%" ADD COLUMN "50%" text NOT NULL;`,
    );
    const v = await (await import('../../src/plan/verify.js')).verifyPlan(p.plan, p.history, { seedRows: 20 });
    expect(v.planError?.message).toMatch(/zerodown: choose the value of 100%\.50% for existing rows/);
  });
});

describe('names holding a dot', () => {
  it('a table or schema whose name holds a dot is watched as one name (the proof used to split it and fail)', async () => {
    const p = await planSql(
      `CREATE SCHEMA "s.x";\nCREATE TABLE "s.x"."a.b" (id bigint PRIMARY KEY, v text);\nCREATE TABLE "c.d" (id bigint PRIMARY KEY, v text);`,
      `CREATE INDEX ab_v ON "s.x"."a.b" (v);\nCREATE INDEX cd_v ON "c.d" (v);`,
    );
    const v = await expectProven(p, { seedRows: 20 });
    // both tables have rows, so the original's index builds are seen scanning them under a lock that blocks writes
    expect(v.originalViolations.join('\n')).toContain('s.x.a.b');
    expect(v.originalViolations.join('\n')).toContain('public.c.d');
  });
});
