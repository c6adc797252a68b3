/**
 * layoutPhases writes phase files the way each tool expects. The proof is a
 * round trip: lay the phases out in a scratch copy of the tool's fixture
 * repository, discover it again with the tool model, and run the real engine:
 * every new file must parse, come after the existing migrations, and every
 * statement must run inside a transaction exactly when its phase is
 * transactional (CONCURRENTLY never inside one).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { layoutPhases, type Phase } from '../../src/discover/index.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { defineRule } from '../../src/rules/api.js';
import { load, scratchCopy, short } from './helpers.js';

const phases: Phase[] = [
  {
    name: 'expand',
    transactional: true,
    sql: 'CREATE TABLE accounts (id bigint PRIMARY KEY, name text, nickname text);\nDO $$\nBEGIN\n  UPDATE accounts SET nickname = name WHERE nickname IS NULL;\nEND\n$$;',
  },
  {
    name: 'index',
    transactional: false,
    sql: 'CREATE INDEX CONCURRENTLY accounts_nickname_idx ON accounts (nickname);\nCREATE INDEX CONCURRENTLY accounts_lower_nickname_idx ON accounts (lower(nickname));',
  },
  {
    name: 'validate',
    transactional: true,
    sql: 'ALTER TABLE accounts ADD CONSTRAINT accounts_nickname_len CHECK (length(nickname) < 64) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT accounts_nickname_len;',
  },
];
const now = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

/** Records, for every statement of the files under review, whether it ran inside a transaction. */
const seen: string[] = [];
const probe = defineRule({
  meta: { id: 'probe-transaction', severity: 'warning', summary: 'test probe' },
  check(stmt, ctx) {
    if (stmt.kind !== 'TransactionStmt') seen.push(`${stmt.kind}:${ctx.tx.inTransaction}`);
  },
});

/** Flags every CREATE TABLE and CREATE INDEX of the files under review, so that an ignore comment shows. */
const flagTables = defineRule({
  meta: { id: 'probe-flag', severity: 'warning', summary: 'test probe' },
  check(stmt) {
    if (stmt.kind === 'CreateStmt') return { message: `table ${(stmt.ast as any).relation.relname}`, help: 'probe' };
    if (stmt.kind === 'IndexStmt') return { message: `index ${(stmt.ast as any).idxname}`, help: 'probe' };
  },
});

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** Lays the phases out in a copy of `fixture`, writes them, rediscovers `root` and returns what the engine saw. */
async function roundTrip(fixture: string, framework: string, root: string, laid: Phase[] = phases) {
  const s = scratchCopy(fixture);
  cleanups.push(s.cleanup);
  const dir = path.join(s.dir, root);
  const before = (await load(dir)).migrations.length;
  const files = layoutPhases(framework, { dir, baseName: 'accounts nickname', now }, laid);
  for (const f of files) {
    mkdirSync(path.dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.content);
  }
  const after = await load(dir);
  const written = new Set(files.map((f) => path.resolve(f.path)));
  after.migrations.forEach((m) => (m.review = written.has(m.absPath)));
  const added = after.migrations.filter((m) => m.review);
  seen.length = 0;
  const result = await lintMigrations(after.migrations, { ruleSet: [probe, flagTables] });
  const errors = result.files
    .filter((f) => f.findings.some((x) => x.rule === 'syntax-error'))
    .map((f) => f.migration.path);
  return {
    files: files.map((f) => path.relative(dir, f.path).split(path.sep).join('/')),
    content: (rel: string) => readFileSync(path.join(dir, rel), 'utf8'),
    added: added.map((m) => [short(m.path), m.transaction]),
    before,
    after,
    errors,
    tx: [...seen],
    flagged: result.files.flatMap((f) => f.findings.filter((x) => x.rule === flagTables.meta.id).map((x) => x.message)),
  };
}

/** What the engine must see for the three phases when every statement lands where it belongs. */
const expected = [
  'CreateStmt:true',
  'DoStmt:true',
  'IndexStmt:false',
  'IndexStmt:false',
  'AlterTableStmt:true',
  'AlterTableStmt:true',
];

describe('layoutPhases round trip through the tool models', () => {
  it('plain: numbered after the last file, BEGIN/COMMIT around transactional phases, one file per CONCURRENTLY', async () => {
    const r = await roundTrip('plain', 'plain', 'db');
    expect(r.files).toEqual([
      '11_accounts_nickname_expand.sql',
      '12_accounts_nickname_index_1.sql',
      '13_accounts_nickname_index_2.sql',
      '14_accounts_nickname_validate.sql',
    ]);
    expect(r.content('11_accounts_nickname_expand.sql')).toMatch(
      /^-- zerodown phase 1\/3: expand \(runs in one transaction\)\nBEGIN;\n\nCREATE TABLE accounts/,
    );
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('prisma: new migration folders with timestamps, one folder per CONCURRENTLY statement', async () => {
    const r = await roundTrip('prisma-5', 'prisma', 'prisma/migrations');
    expect(r.files).toEqual([
      '20250101000000_accounts_nickname_expand/migration.sql',
      '20250101000001_accounts_nickname_index_1/migration.sql',
      '20250101000002_accounts_nickname_index_2/migration.sql',
      '20250101000003_accounts_nickname_validate/migration.sql',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected); // Prisma 5 sends each file as one string: alone, CONCURRENTLY runs outside a transaction
  });

  it('golang-migrate: next integer versions, .up.sql with a TODO .down.sql', async () => {
    const r = await roundTrip('golang-migrate', 'golang-migrate', 'db/migrations');
    expect(r.files).toEqual([
      '11_accounts_nickname_expand.up.sql',
      '11_accounts_nickname_expand.down.sql',
      '12_accounts_nickname_index_1.up.sql',
      '12_accounts_nickname_index_1.down.sql',
      '13_accounts_nickname_index_2.up.sql',
      '13_accounts_nickname_index_2.down.sql',
      '14_accounts_nickname_validate.up.sql',
      '14_accounts_nickname_validate.down.sql',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('goose: NO TRANSACTION for the index phase, StatementBegin/End around the DO block', async () => {
    const r = await roundTrip('goose', 'goose', 'migrations');
    expect(r.files).toEqual([
      '00011_accounts_nickname_expand.sql',
      '00012_accounts_nickname_index.sql',
      '00013_accounts_nickname_validate.sql',
    ]);
    expect(r.content('00012_accounts_nickname_index.sql')).toMatch(/^-- \+goose NO TRANSACTION\n/);
    expect(r.content('00011_accounts_nickname_expand.sql')).toContain(
      '-- +goose StatementBegin\nDO $$\nBEGIN\n  UPDATE accounts SET nickname = name WHERE nickname IS NULL;\nEND\n$$;\n-- +goose StatementEnd',
    );
    expect(r.added).toEqual([
      ['00011_accounts_nickname_expand.sql', 'wrapped'],
      ['00012_accounts_nickname_index.sql', 'none'],
      ['00013_accounts_nickname_validate.sql', 'wrapped'],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('dbmate: migrate:up transaction:false per CONCURRENTLY statement, migrate:down present', async () => {
    const r = await roundTrip('dbmate', 'dbmate', 'db/migrations');
    expect(r.files).toEqual([
      '20250101000000_accounts_nickname_expand.sql',
      '20250101000001_accounts_nickname_index_1.sql',
      '20250101000002_accounts_nickname_index_2.sql',
      '20250101000003_accounts_nickname_validate.sql',
    ]);
    expect(r.content('20250101000001_accounts_nickname_index_1.sql')).toMatch(
      /^-- migrate:up transaction:false\n[\s\S]*-- migrate:down\n/,
    );
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('flyway: next versions after V3, non-transactional scripts with executeInTransaction=false', async () => {
    const r = await roundTrip('flyway', 'flyway', 'src/main/resources/db/migration');
    expect(r.files).toEqual([
      'V4__accounts_nickname_expand.sql',
      'V5__accounts_nickname_index_1.sql',
      'V5__accounts_nickname_index_1.sql.conf',
      'V6__accounts_nickname_index_2.sql',
      'V6__accounts_nickname_index_2.sql.conf',
      'V7__accounts_nickname_validate.sql',
    ]);
    // before the repeatable, which Flyway runs last
    expect(r.after.files.map((f) => f.file).slice(-5)).toEqual([
      'V4__accounts_nickname_expand.sql',
      'V5__accounts_nickname_index_1.sql',
      'V6__accounts_nickname_index_2.sql',
      'V7__accounts_nickname_validate.sql',
      'R__user_view.sql',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('sqlx: -- no-transaction first line, one statement per file', async () => {
    const r = await roundTrip('sqlx', 'sqlx', 'migrations');
    expect(r.files.filter((f) => f.endsWith('.up.sql'))).toEqual([
      '20250101000000_accounts_nickname_expand.up.sql',
      '20250101000001_accounts_nickname_index_1.up.sql',
      '20250101000002_accounts_nickname_index_2.up.sql',
      '20250101000003_accounts_nickname_validate.up.sql',
    ]);
    expect(r.content('20250101000001_accounts_nickname_index_1.up.sql').startsWith('-- no-transaction\n')).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('drizzle: journal entries for transactional phases; the CONCURRENTLY phase is a manual file Drizzle never runs', async () => {
    const r = await roundTrip('drizzle', 'drizzle', 'drizzle');
    expect(r.files).toEqual([
      '0002_accounts_nickname_expand.sql',
      '0003_accounts_nickname_index.manual.sql',
      '0003_accounts_nickname_validate.sql',
      'meta/_journal.json',
    ]);
    const journal = JSON.parse(r.content('meta/_journal.json'));
    expect(journal.entries.map((e: { idx: number; tag: string }) => [e.idx, e.tag])).toEqual([
      [0, '0000_steep_wolverine'],
      [1, '0001_brave_mystique'],
      [2, '0002_accounts_nickname_expand'],
      [3, '0003_accounts_nickname_validate'],
    ]);
    expect(r.content('0002_accounts_nickname_expand.sql')).toContain('--> statement-breakpoint\nDO $$');
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(['CreateStmt:true', 'DoStmt:true', 'AlterTableStmt:true', 'AlterTableStmt:true']);
  });

  it('supabase: timestamped files; the CLI runs the CONCURRENTLY statements on their own', async () => {
    const r = await roundTrip('supabase', 'supabase', 'supabase/migrations');
    expect(r.files).toEqual([
      '20250101000000_accounts_nickname_expand.sql',
      '20250101000001_accounts_nickname_index.sql',
      '20250101000002_accounts_nickname_validate.sql',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('diesel: dated folders with up.sql, down.sql and run_in_transaction = false for CONCURRENTLY', async () => {
    const r = await roundTrip('diesel', 'diesel', 'migrations');
    expect(r.files).toEqual([
      '2025-01-01-000000_accounts_nickname_expand/up.sql',
      '2025-01-01-000000_accounts_nickname_expand/down.sql',
      '2025-01-01-000001_accounts_nickname_index_1/up.sql',
      '2025-01-01-000001_accounts_nickname_index_1/down.sql',
      '2025-01-01-000001_accounts_nickname_index_1/metadata.toml',
      '2025-01-01-000002_accounts_nickname_index_2/up.sql',
      '2025-01-01-000002_accounts_nickname_index_2/down.sql',
      '2025-01-01-000002_accounts_nickname_index_2/metadata.toml',
      '2025-01-01-000003_accounts_nickname_validate/up.sql',
      '2025-01-01-000003_accounts_nickname_validate/down.sql',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('sqitch: deploy/revert/verify scripts and plan lines that depend on each other', async () => {
    const r = await roundTrip('sqitch', 'sqitch', '.');
    expect(r.files.filter((f) => f.startsWith('deploy/'))).toEqual([
      'deploy/accounts_nickname_expand.sql',
      'deploy/accounts_nickname_index.sql',
      'deploy/accounts_nickname_validate.sql',
    ]);
    expect(r.content('sqitch.plan').trimEnd().split('\n').slice(-3)).toEqual([
      'accounts_nickname_expand [users] 2025-01-01T00:00:00Z zerodown <zerodown@localhost> # expand',
      'accounts_nickname_index [accounts_nickname_expand] 2025-01-01T00:00:00Z zerodown <zerodown@localhost> # index',
      'accounts_nickname_validate [accounts_nickname_index] 2025-01-01T00:00:00Z zerodown <zerodown@localhost> # validate',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('liquibase: one changelog with a changeset per phase, added to the master changelog', async () => {
    const r = await roundTrip('liquibase', 'liquibase', 'src/main/resources/db/changelog');
    expect(r.files).toEqual(['changes/004-accounts-nickname.sql', 'db.changelog-master.yaml']);
    expect(r.content('changes/004-accounts-nickname.sql')).toContain(
      '--changeset zerodown:accounts_nickname-2-index runInTransaction:false',
    );
    expect(r.content('db.changelog-master.yaml')).toContain(
      '  - include:\n      file: db/changelog/changes/004-accounts-nickname.sql\n',
    );
    expect(r.added).toEqual([['004-accounts-nickname.sql', 'wrapped']]);
    expect(r.after.migrations.length).toBe(r.before + 1);
    expect(r.errors).toEqual([]);
    expect(r.tx).toEqual(expected);
  });

  it('several plans in a row extend the same journal and plan when given a reader of the earlier output', () => {
    for (const [fixture, root, file] of [
      ['drizzle', 'drizzle', 'meta/_journal.json'],
      ['sqitch', '.', 'sqitch.plan'],
    ] as const) {
      const s = scratchCopy(fixture);
      cleanups.push(s.cleanup);
      const dir = path.join(s.dir, root);
      const first = layoutPhases(fixture, { dir, baseName: 'first', now }, [phases[0]!]);
      const pending = new Map(first.map((f) => [f.path, f.content]));
      const second = layoutPhases(
        fixture,
        { dir, baseName: 'second', now, read: (f) => pending.get(f) ?? readFileSync(f, 'utf8') },
        [phases[2]!],
      );
      const final = second.find((f) => f.path.endsWith(file))!.content;
      expect(final).toContain('first_expand');
      expect(final).toContain('second_validate');
      expect(final.indexOf('first_expand')).toBeLessThan(final.indexOf('second_validate'));
    }
  });

  it('rejects an unknown tool', () => {
    expect(() => layoutPhases('rails', { dir: 'db', baseName: 'x', existing: [] }, phases)).toThrow(
      'unknown framework "rails"',
    );
  });
});

describe("a plan step's ignore comment stays above its statement in every layout", () => {
  // a plan's contract phase carries `-- zerodown-ignore <rule>: <why>` (src/dialects/postgres/plan/lint-ignore.ts);
  // written without it, the phase files fail the lint the plan passed
  const ignoring: Phase[] = [
    {
      name: 'contract',
      transactional: true,
      sql: 'CREATE TABLE kept (id bigint);\n-- zerodown-ignore probe-flag: the plan says why\nCREATE TABLE ignored (id bigint);',
    },
    {
      name: 'index',
      transactional: false,
      sql: '-- zerodown-ignore probe-flag: the plan says why\nCREATE INDEX CONCURRENTLY ignored_idx ON kept (id);\nCREATE INDEX CONCURRENTLY kept_idx ON kept (id);',
    },
  ];
  it.each([
    ['plain', 'plain', 'db'],
    ['prisma-5', 'prisma', 'prisma/migrations'],
    ['golang-migrate', 'golang-migrate', 'db/migrations'],
    ['goose', 'goose', 'migrations'],
    ['dbmate', 'dbmate', 'db/migrations'],
    ['flyway', 'flyway', 'src/main/resources/db/migration'],
    ['sqlx', 'sqlx', 'migrations'],
  ])('%s', async (fixture, framework, root) => {
    const r = await roundTrip(fixture, framework, root, ignoring);
    expect(r.errors).toEqual([]);
    expect(r.flagged.sort()).toEqual(['index kept_idx', 'table kept']);
  });
});
