/** Expand/contract rewrites (type change, column rename), proven on PGlite like every other rewrite. */
import { postgres } from '../../src/dialects/postgres/index.js';
import { describe, expect, it } from 'vitest';
import { expectProven, names, planSql, runPhases, shadowWith } from './helpers.js';

const history = `
CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  email varchar(200) UNIQUE,
  score integer NOT NULL DEFAULT 0,
  note text
);
CREATE INDEX accounts_score_idx ON accounts (score DESC) WHERE score > 0;
CREATE INDEX accounts_name_lower_idx ON accounts (lower(name));`;

describe('changing-column-type', () => {
  it('int → bigint: new column, sync trigger, batched backfill, indexes rebuilt, swapped in one short transaction', async () => {
    const p = await planSql(history, `ALTER TABLE accounts ALTER COLUMN score TYPE bigint;`);
    expect(names(p.plan)).toEqual(['expand', 'backfill', 'validate', 'index', 'contract']);
    const [expand, backfill, , index, contract] = p.plan.phases;
    expect(expand!.sql).toContain('ALTER TABLE accounts ADD COLUMN IF NOT EXISTS score_zd_new bigint;');
    expect(expand!.sql).toMatch(
      /CREATE TRIGGER accounts_score_zd_sync BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION public\.accounts_score_zd_sync\(\)/,
    );
    expect(backfill!.sql).toContain('SET score_zd_new = score::bigint');
    expect(index!.sql).toContain(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_score_idx_zd_new ON accounts (score_zd_new DESC) WHERE score_zd_new > 0',
    );
    expect(contract!.sql).toMatch(
      /-- zerodown-ignore ban-drop-column: [^\n]+\nALTER TABLE accounts DROP COLUMN score;\n-- zerodown-ignore renaming-column: [^\n]+\nALTER TABLE accounts RENAME COLUMN score_zd_new TO score;\n {2}END IF;\nEND\n\$zd\$;\nALTER TABLE accounts ALTER COLUMN score SET DEFAULT 0;/,
    );
    expect(contract!.sql).toContain('ALTER INDEX public.accounts_score_idx_zd_new RENAME TO accounts_score_idx;');
    const v = await expectProven(p);
    expect(v.expected.join('\n')).toMatch(/accounts\.score is now the last column/);

    // while the app still writes the old column, the trigger keeps the new one right
    const sh = await shadowWith(p.history, 20);
    try {
      await runPhases(sh, p.plan, 2);
      await sh.exec(
        `INSERT INTO accounts (name, score) VALUES ('late', 41); UPDATE accounts SET score = 7 WHERE id = 1`,
      );
      expect(
        await sh.query(`SELECT count(*)::int AS n FROM accounts WHERE score_zd_new IS DISTINCT FROM score`),
      ).toEqual([{ n: 0 }]);
    } finally {
      await sh.close();
    }
  });

  it('text → integer USING an expression', async () => {
    const p = await planSql(history, `ALTER TABLE accounts ALTER COLUMN note TYPE integer USING length(note) * 2;`);
    expect(p.plan.phases[1]!.sql).toContain('SET note_zd_new = (length(note) * 2)');
    expect(p.plan.phases[0]!.sql).toContain('NEW.note_zd_new := (length(NEW.note) * 2);');
    await expectProven(p);
  });

  it('a table renamed later in the same file: what the plan changes on purpose follows the new name', async () => {
    const p = await planSql(
      history,
      `ALTER TABLE accounts ALTER COLUMN score TYPE bigint;\nALTER TABLE accounts RENAME TO members;`,
    );
    const v = await expectProven(p);
    expect(v.expected.join('\n')).toMatch(/accounts\.score is now the last column/);
  });

  it('varchar(200) → varchar(320) or text needs no rewrite: kept as written', async () => {
    const { planMigrations } = await import('../../src/plan/planner.js');
    const { mig } = await import('./helpers.js');
    const r = await planMigrations(postgres, [
      mig(history, { path: 'h.sql', review: false }),
      mig(
        `ALTER TABLE accounts ALTER COLUMN email TYPE varchar(320);\nALTER TABLE accounts ALTER COLUMN email TYPE text;`,
      ),
    ]);
    expect(r.plans).toEqual([]);
  });

  it('an identity primary key is left to a person, with a note that says why', async () => {
    const { planMigrations } = await import('../../src/plan/planner.js');
    const { mig } = await import('./helpers.js');
    const r = await planMigrations(postgres, [
      mig(history, { path: 'h.sql', review: false }),
      mig(`ALTER TABLE accounts ALTER COLUMN id TYPE numeric;\nCREATE INDEX accounts_note_idx ON accounts (note);`),
    ]);
    expect(r.plans[0]!.notes.map((n) => n.message).join('\n')).toMatch(
      /accounts\.id: it is an identity, serial or generated column/,
    );
    expect(r.plans[0]!.phases[0]!.sql).toContain('ALTER TABLE accounts ALTER COLUMN id TYPE numeric;');
  });
});

describe('renaming-column', () => {
  it('both columns live side by side, synced both ways, until the app is deployed', async () => {
    const p = await planSql(history, `ALTER TABLE accounts RENAME COLUMN name TO display_name;`);
    expect(names(p.plan)).toEqual(['expand', 'backfill', 'validate', 'index', 'contract']);
    const contract = p.plan.phases.at(-1)!;
    expect(contract.deploy).toMatch(/reads and writes display_name instead of name/);
    expect(contract.sql).toContain('ALTER TABLE accounts DROP COLUMN name;');
    // PostgreSQL 18 (the PGlite shadow) names NOT NULL constraints: the default target (15) does not rename it, and says so
    expect(contract.sql).not.toContain('RENAME CONSTRAINT');
    expect(p.plan.phases[3]!.sql).toContain(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_name_lower_idx_zd_new ON accounts ((lower(display_name)))',
    );
    const v = await expectProven(p);
    expect(v.expected.join('\n')).toMatch(
      /NOT NULL constraint of display_name is named accounts_display_name_not_null instead of accounts_name_not_null/,
    );
    const p18 = await planSql(history, `ALTER TABLE accounts RENAME COLUMN name TO display_name;`, { pgVersion: 18 });
    expect(p18.plan.phases.at(-1)!.sql).toContain(
      'RENAME CONSTRAINT accounts_display_name_not_null TO accounts_name_not_null;',
    );
    expect((await expectProven(p18)).expected.join('\n')).not.toMatch(/NOT NULL constraint/);

    const sh = await shadowWith(p.history, 20);
    try {
      await runPhases(sh, p.plan, 2);
      // the old app writes the old name, the new app the new one: both stay in step
      await sh.exec(`INSERT INTO accounts (name) VALUES ('old-app')`);
      await sh.exec(`INSERT INTO accounts (display_name) VALUES ('new-app')`);
      await sh.exec(`UPDATE accounts SET display_name = 'renamed' WHERE id = 2`);
      expect(
        await sh.query(`SELECT count(*)::int AS n FROM accounts WHERE name IS DISTINCT FROM display_name`),
      ).toEqual([{ n: 0 }]);
    } finally {
      await sh.close();
    }
  });

  it('a unique column keeps its constraint (rebuilt concurrently, attached at the swap)', async () => {
    const p = await planSql(history, `ALTER TABLE accounts RENAME COLUMN email TO mail;`);
    expect(p.plan.phases.map((x) => x.sql).join('\n')).toContain(
      'ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key_zd_new',
    );
    await expectProven(p);
  });
});
