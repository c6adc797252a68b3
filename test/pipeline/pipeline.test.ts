/**
 * The one pipeline (src/pipeline/): files parsed once and handed on, settings resolved once,
 * the dialect picked by `Migration.dialect`, and front ends that sit on top of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/dialect.js';
import { postgres } from '../../src/dialects/postgres/index.js';
import type { Migration } from '../../src/model.js';
import { LintEngine } from '../../src/engine/lint.js';
import { planMigrations, plannerFor } from '../../src/plan/planner.js';
import {
  dialectFor,
  dialectOf,
  lintMigrations,
  lintOptionsOf,
  lintStage,
  parseMigrations,
  planStage,
  resolveSettings,
} from '../../src/pipeline/index.js';
import { migration } from '../helpers.js';

const ROOT = path.resolve(__dirname, '../..');

const history = migration('CREATE TABLE users (id bigint PRIMARY KEY, email text);', {
  path: 'migrations/0001_users.sql',
  review: false,
});
const change = migration(
  'ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT md5(random()::text);\nCREATE INDEX users_email_idx ON users (email);',
  { path: 'migrations/0002_plan.sql' },
);

describe('lint holds only what its report needs', () => {
  it('without a later stage, a file keeps only the statements its findings point at', async () => {
    const quiet = Array.from({ length: 50 }, (_, i) => `INSERT INTO users (id) VALUES (${i});`).join('\n');
    const m = migration(`${quiet}\nALTER TABLE users ADD COLUMN bio text NOT NULL;`, { path: 'migrations/0003.sql' });
    const { result } = await lintStage([history, m]);
    const file = result.files[0]!;
    expect(file.statements).toHaveLength(51);
    expect(result.summary.statements).toBe(51);
    const flagged = new Set(file.findings.map((f) => f.statementIndex));
    expect(flagged.has(50)).toBe(true);
    expect(file.statements[50]!.kind).toBe('AlterTableStmt');
    expect(Object.keys(file.statements).map(Number)).toEqual([...flagged].filter((i) => i >= 0).sort((a, b) => a - b));
  });
});

describe('settings resolved once', () => {
  it('the command line wins over the config, the config over the dialect default', () => {
    expect(resolveSettings({}, {}).pgVersion).toBe(postgres.defaultVersion);
    expect(postgres.defaultVersion).toBe(15);
    expect(resolveSettings({}, { pgVersion: 12 }).pgVersion).toBe(12);
    expect(resolveSettings({ pgVersion: 11 }, { pgVersion: 12 }).pgVersion).toBe(11);
    expect(resolveSettings({}, { failOn: 'warning' }).failOn).toBe('warning');
    expect(resolveSettings({ failOn: 'never' }, { failOn: 'warning' }).failOn).toBe('never');
    expect(resolveSettings({}, {}).failOn).toBe('error');
    expect(resolveSettings({}, { assumeInTransaction: true }).assumeInTransaction).toBe(true);
    const s = resolveSettings(
      {},
      { rules: { 'ban-drop-column': 'off', 'prefer-robust-stmts': { options: { x: 1 } } } },
    );
    expect(s.rules).toEqual({ 'ban-drop-column': 'off' });
    expect(s.ruleOptions).toEqual({ 'prefer-robust-stmts': { x: 1 } });
    expect(lintOptionsOf(s)).toMatchObject({ pgVersion: 15, assumeInTransaction: false });
  });

  it('the dialect comes from the command line or the config; an unknown one is a usage error', () => {
    expect(resolveSettings({}, {}).dialect).toBe(postgres);
    expect(resolveSettings({ dialect: 'postgres' }, {}).dialect.name).toBe('PostgreSQL');
    expect(() => resolveSettings({ dialect: 'oracle' }, {})).toThrow(
      /unknown dialect "oracle" \(known: postgres, mysql, mariadb\)/,
    );
    try {
      dialectFor('oracle');
    } catch (err) {
      expect((err as Error).name).toBe('UsageError');
    }
  });
});

describe('the dialect is read from Migration.dialect', () => {
  it('one run, one dialect', () => {
    expect(dialectOf([history, change])).toBe(postgres);
    expect(dialectOf([])).toBe(postgres);
    expect(() => dialectOf([history, { ...change, dialect: 'mysql' }])).toThrow(/more than one dialect/);
  });

  it('a dialect this build does not know is refused, not read as PostgreSQL', async () => {
    await expect(lintMigrations([{ ...change, dialect: 'oracle' }])).rejects.toThrow(/unknown dialect "oracle"/);
  });
});

describe('parsed once, handed on', () => {
  it('lintStage keeps the parsed files only when asked, with the same findings', async () => {
    const plain = await lintStage([history, change]);
    expect(plain.parsed).toBeUndefined();
    const kept = await lintStage([history, change], { keepParsed: true });
    expect(kept.result.summary).toEqual(plain.result.summary);
    expect(kept.result.files.map((f) => f.findings)).toEqual(plain.result.files.map((f) => f.findings));
    expect(kept.parsed?.dialect).toBe(postgres);
    expect(kept.parsed?.files.map((f) => f.migration.path)).toEqual([history.path, change.path]);
    // the statements the report shows are the very ones handed on
    expect(kept.result.files[0]!.statements).toBe(kept.parsed!.files[1]!.statements);
  });

  it('lint and plan share one parse and one catalog replay, and plan as planMigrations does', async () => {
    let parses = 0;
    let applies = 0;
    // its shadow and planner are copied too: loaded first (a dry run or a plan loads them)
    await postgres.loadParts!();
    const dialect: Dialect = {
      ...postgres,
      parse: (m: Migration) => (parses++, postgres.parse(m)),
      newCatalog: () => {
        const catalog = postgres.newCatalog();
        const apply = catalog.apply.bind(catalog);
        catalog.apply = (stmt, origin) => (applies++, apply(stmt, origin));
        return catalog;
      },
    };
    const settings = { ...resolveSettings({}, {}), dialect };
    const run = await parseMigrations([history, change], dialect);
    expect(parses).toBe(2);
    const statements = run.files.reduce((n, f) => n + f.statements.length, 0);
    // the walk lintStage makes, with the planner along: one catalog apply per statement, no second parse
    const planner = plannerFor(dialect);
    const engine = new LintEngine(dialect, { observer: planner.observer! });
    for (const f of run.files) engine.processFile(f);
    expect(applies).toBe(statements);
    expect(parses).toBe(2);
    expect(planner.result().plans.map((p) => p.path)).toEqual([change.path]);
    const lint = await lintStage([history, change], { ...lintOptionsOf(settings), keepParsed: true, plan: {} });
    // planStage hands on the plan the lint walk made
    const planned = await planStage([history, change], lint, settings);
    expect(planned).toBe(lint.plan);
    expect(planned.plans.map((p) => p.phases.map((x) => x.name))).toEqual(
      (
        await planMigrations(postgres, [history, change], { findings: lint.result.files.flatMap((f) => f.findings) })
      ).plans.map((p) => p.phases.map((x) => x.name)),
    );
    expect(planned.plans[0]!.phases.map((p) => p.name)).toContain('backfill');
  });

  it('the target version reaches the planner: no batched backfill below PostgreSQL 11', async () => {
    const settings = resolveSettings({ pgVersion: 10 }, {});
    const lint = await lintStage([history, change], { ...lintOptionsOf(settings), keepParsed: true });
    const planned = await planStage([history, change], lint, settings);
    expect(planned.plans.flatMap((p) => p.phases.map((x) => x.name))).not.toContain('backfill');
    expect(planned.plans.flatMap((p) => p.notes.map((n) => n.message)).join('\n')).toMatch(/below PostgreSQL 11/);
  });
});

describe('front ends on top', () => {
  /** every module `entry` reaches through relative imports (static and dynamic) */
  function reach(entry: string): Set<string> {
    const seen = new Set<string>();
    const todo = [path.resolve(ROOT, entry)];
    while (todo.length) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g))
        todo.push(path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    }
    return new Set([...seen].map((f) => path.relative(ROOT, f).split(path.sep).join('/')));
  }

  it('the Action imports nothing from the CLI', () => {
    const mods = [...reach('src/action/main.ts')];
    expect(mods.filter((m) => m.startsWith('src/cli/'))).toEqual([]);
    expect(mods).toContain('src/pipeline/index.ts');
  });

  it('the command modules do not import the CLI entry (no main.ts ↔ command cycle)', () => {
    for (const cmd of ['src/cli/lint.ts', 'src/cli/plan.ts', 'src/cli/dry-run.ts'])
      expect([...reach(cmd)]).not.toContain('src/cli/main.ts');
  });

  it('the lint engine imports no parser, catalog or rules of a dialect', () => {
    // its own imports (the rule contract in src/rules/api.ts is the rules slice's to make dialect-neutral)
    const text = readFileSync(path.join(ROOT, 'src/engine/lint.ts'), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(imports.filter((i) => /dialects\/|rules\/postgres|libpg-query/.test(i))).toEqual([]);
    expect(text).not.toMatch(/\.ast\b/);
  });
});
