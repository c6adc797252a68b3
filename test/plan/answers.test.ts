/**
 * Each rewrite declares the rule ids it answers (`answers`, in place of the old
 * `RuleMeta.fixable`). This checks the claim against the rules themselves: every
 * declared id is a rule of rules/postgres/, and for every declared id a real
 * unsafe example, flagged by that rule in a real lint run, is planned by that
 * rewrite (the statement rewritten by it, the finding not left "not handled").
 */
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/postgres/index.js';
import { postgres } from '../../src/dialects/postgres/index.js';
import { postgresPlanner, REWRITES } from '../../src/dialects/postgres/plan/index.js';
import type { PostgresFilePlan, PostgresPlanRun } from '../../src/dialects/postgres/plan/session.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { planMigrations } from '../../src/plan/planner.js';
import { mig } from './helpers.js';

const HISTORY = `CREATE TABLE accounts (id bigint PRIMARY KEY, name text, score int NOT NULL DEFAULT 0);
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, total int);
CREATE TABLE events (id bigint NOT NULL, name text);
`;

interface Example {
  sql: string;
  /** the flagged statement (0-based) */
  at?: number;
}

/** Unsafe examples (one or more) per (rewrite, rule) pair a rewrite declares. */
const EXAMPLES: Record<string, Example | Example[]> = {
  'add-column adding-field-with-default': {
    sql: 'ALTER TABLE accounts ADD COLUMN token text DEFAULT md5(random()::text);',
  },
  'add-column adding-required-field': { sql: 'ALTER TABLE accounts ADD COLUMN tier text NOT NULL;' },
  'add-column index-same-step-as-add-column': [
    { sql: 'ALTER TABLE accounts ADD COLUMN email text UNIQUE;' },
    // issue 14: inline REFERENCES, planned as the column, the foreign key NOT VALID, VALIDATE, a concurrent index
    { sql: 'ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES accounts (id);' },
  ],
  'add-column unbatched-backfill': {
    sql: 'ALTER TABLE accounts ADD COLUMN code text DEFAULT md5(random()::text);\nUPDATE accounts SET code = upper(code);',
    at: 1,
  },
  'set-not-null adding-not-nullable-field': { sql: 'ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;' },
  'add-constraint-not-valid constraint-missing-not-valid': {
    sql: 'ALTER TABLE accounts ADD CONSTRAINT name_length CHECK (length(name) < 100);',
  },
  'add-constraint-not-valid adding-foreign-key-constraint': {
    sql: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);',
  },
  'add-unique-constraint adding-serial-primary-key-field': { sql: 'ALTER TABLE events ADD PRIMARY KEY (id);' },
  'add-unique-constraint disallowed-unique-constraint': {
    sql: 'ALTER TABLE accounts ADD CONSTRAINT accounts_name_key UNIQUE (name);',
  },
  'alter-column-type changing-column-type': { sql: 'ALTER TABLE accounts ALTER COLUMN score TYPE bigint;' },
  'create-index-concurrently require-concurrent-index-creation': {
    sql: 'CREATE INDEX accounts_name_idx ON accounts (name);',
  },
  'create-index-concurrently index-same-step-as-add-column': {
    sql: 'ALTER TABLE accounts ADD COLUMN nick text;\nCREATE INDEX accounts_nick_idx ON accounts (nick);',
    at: 1,
  },
  'batched-update unbatched-backfill': { sql: 'UPDATE accounts SET name = lower(name);' },
  'batched-delete unbatched-backfill': { sql: 'DELETE FROM orders WHERE total < 0;' },
  'rename-table renaming-table': { sql: 'ALTER TABLE accounts RENAME TO customers;' },
  'rename-column renaming-column': { sql: 'ALTER TABLE accounts RENAME COLUMN name TO full_name;' },
};

const declared = REWRITES.flatMap((r) => r.answers.map((rule) => ({ rewrite: r.id, rule })));
const examples = declared.flatMap((d) => {
  const ex = EXAMPLES[`${d.rewrite} ${d.rule}`];
  return (Array.isArray(ex) ? ex : ex ? [ex] : []).map((e, i) => ({ ...d, ...e, n: i + 1 }));
});

/** Plans `sql` after the history with the lint run's findings, and returns which rewrite answered which statement. */
async function planWithAnswers(sql: string) {
  const migrations = [mig(HISTORY, { path: 'db/0001_init.sql', review: false }), mig(sql, { path: 'db/0002.sql' })];
  const lint = await lintMigrations(migrations, {});
  const findings = lint.files.flatMap((f) => f.findings);
  const files: PostgresFilePlan[] = [];
  // the real PostgreSQL planner, watched: each file plan it starts is kept for the assertions
  const watched = {
    ...postgres,
    plan: {
      ...postgresPlanner,
      start(...args: Parameters<typeof postgresPlanner.start>) {
        const run = postgresPlanner.start(...args) as PostgresPlanRun;
        const file = run.file.bind(run);
        run.file = (parsed, f) => {
          const fp = file(parsed, f);
          files.push(fp);
          return fp;
        };
        return run;
      },
    },
  };
  const result = await planMigrations(watched, migrations, { findings });
  return { findings, result, answered: files.flatMap((f) => f.ctx.answered) };
}

describe('rewrites declare the rules they answer', () => {
  it('every declared id is a rule of rules/postgres/', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    for (const d of declared) expect(ids.has(d.rule), `${d.rewrite} declares ${d.rule}`).toBe(true);
  });

  it('the planner answers exactly what the rewrites declare', () => {
    expect([...postgresPlanner.answers].sort()).toEqual([...new Set(declared.map((d) => d.rule))].sort());
  });

  it('every declared (rewrite, rule) pair has an example here, and every example a declaration', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(declared.map((d) => `${d.rewrite} ${d.rule}`).sort());
  });

  it.each(examples)('$rewrite answers $rule (example $n): the rule flags it, the rewrite plans it', async (ex) => {
    const { findings, result, answered } = await planWithAnswers(ex.sql);
    const at = ex.at ?? 0;
    const d = ex;
    const flagged = findings.filter((f) => f.rule === d.rule && f.statementIndex === at);
    expect(flagged, `${d.rule} does not flag:\n${ex.sql}`).toHaveLength(1);
    expect(result.failed).toEqual([]);
    expect(result.plans).toHaveLength(1);
    expect(answered).toContainEqual({ index: at, rewrite: d.rewrite });
    expect(result.unhandled.filter((u) => u.rule === d.rule)).toEqual([]);
  });
});
