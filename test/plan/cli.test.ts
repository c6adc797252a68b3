/**
 * `zerodown plan` as a user runs it (in-process `main(argv)`, real files in a
 * temporary project, real PGlite for the proofs): formats, the JSON contract,
 * --out layouts, never overwriting without --force, and a failed proof that is
 * shown but never written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, writeProject } from '../cli-harness.js';
import { baseNameOf, writePhaseFiles } from '../../src/cli/plan.js';
import { parseSql } from '../../src/dialects/postgres/parse.js';
import { mig } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HISTORY = readFileSync(path.join(ROOT, 'examples/migrations/20261001120000_create_accounts.sql'), 'utf8');
const HEADLINE = readFileSync(path.join(ROOT, 'examples/migrations/20261101090000_add_plan_code.sql'), 'utf8');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-plan-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const project = (files: Record<string, string>): string => writeProject(tmp, files);

const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();

describe('zerodown plan', () => {
  it('--format json: the stable contract, with the proof', async () => {
    const d = project({ 'db/migrations/0001_init.sql': HISTORY, 'db/migrations/0002_add_plan_code.sql': HEADLINE });
    const r = await run(d, 'plan', 'db/migrations/0002_add_plan_code.sql', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.plans).toHaveLength(1);
    const plan = doc.plans[0];
    expect(plan.path).toBe('db/migrations/0002_add_plan_code.sql');
    expect(plan.phases.map((p: { name: string }) => p.name)).toEqual([
      'expand',
      'backfill',
      'validate',
      'index',
      'contract',
    ]);
    for (const p of plan.phases) {
      expect(Object.keys(p).slice(0, 4)).toEqual(['name', 'transactional', 'reason', 'sql']);
      expect(() => parseSql(p.sql)).not.toThrow();
    }
    expect(plan.verified).toMatchObject({
      engine: expect.stringMatching(/^PGlite 18\./),
      schemaEqual: true,
      dataEqual: true,
      locksSafe: true,
      proven: true,
    });
  });

  it('the proof reuses the verdict, or boots from the start, the last run saved (the shadow cache); --no-cache neither reads nor writes it', async () => {
    const d = project({ 'db/migrations/0001_init.sql': HISTORY, 'db/migrations/0002_add_plan_code.sql': HEADLINE });
    const cache = path.join(d, 'shadow-cache');
    const was = process.env.ZERODOWN_CACHE_DIR;
    process.env.ZERODOWN_CACHE_DIR = cache;
    try {
      const verified = async (...extra: string[]) => {
        const r = await run(d, 'plan', 'db/migrations/0002_add_plan_code.sql', '--format', 'json', ...extra);
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(r.stdout).plans[0].verified;
      };
      const off = await verified('--no-cache');
      expect(off).toMatchObject({ proven: true, cache: 'off' });
      expect(existsSync(cache)).toBe(false);
      const cold = await verified();
      expect(cold).toMatchObject({ proven: true, cache: 'miss' });
      expect(readdirSync(cache).filter((f) => f.endsWith('.state'))).toHaveLength(1);
      // the same plan again: the verdict is reused, nothing runs
      const again = await verified();
      expect(again).toEqual({ ...cold, cache: 'proof' });
      // without the saved verdict (another plan of the same history, say): booted from the saved start, proven again
      for (const f of readdirSync(cache).filter((x) => x.endsWith('.proof.json'))) rmSync(path.join(cache, f));
      const warm = await verified();
      expect(warm).toMatchObject({ proven: true, cache: 'hit' });
      const { cache: _c, ...rest } = warm;
      const { cache: _o, ...coldRest } = cold;
      expect(rest).toEqual({ ...coldRest, longestAccessExclusiveMs: rest.longestAccessExclusiveMs });
    } finally {
      if (was === undefined) delete process.env.ZERODOWN_CACHE_DIR;
      else process.env.ZERODOWN_CACHE_DIR = was;
    }
  });

  it('--format text leads with the verdict; --format sql is one psql script', async () => {
    const d = project({ 'm/0001_init.sql': HISTORY, 'm/0002_add_plan_code.sql': HEADLINE });
    const text = await run(d, 'plan', 'm/0002_add_plan_code.sql', '--no-verify', '--no-color');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[1]).toMatch(/NOT verified \(--no-verify\)/);
    const sql = await run(d, 'plan', 'm/0002_add_plan_code.sql', '--no-verify', '--format', 'sql');
    expect(sql.stdout).toMatch(/-- Phase 1 · expand \(transactional\).*\nBEGIN;\nSET lock_timeout = '2s';/);
    expect(() => parseSql(sql.stdout)).not.toThrow();
  });

  it('--format markdown: collapsible phases, fences longer than any backtick run in the SQL', async () => {
    const d = project({
      'm/0001_init.sql': HISTORY,
      'm/0002_backticks.sql': "UPDATE accounts SET name = name || '```';\n",
    });
    const r = await run(d, 'plan', 'm/0002_backticks.sql', '--format', 'markdown', '--seed-rows', '20');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<details open><summary>✅ Safe staged plan for <code>m/0002_backticks.sql</code>');
    expect(r.stdout).toContain('````sql\nDO $zerodown$');
    expect(r.stdout).not.toMatch(/^```sql$/m);
  });

  it('a plan the proof refutes is shown with the difference, exits 1, and --out writes nothing', async () => {
    // a view on the column: RENAME carries it along, but the expand/contract plan cannot drop the old column
    const d = project({
      'm/0001_init.sql': `${HISTORY}\nCREATE VIEW account_names AS SELECT name FROM accounts;\n`,
      'm/0002_rename.sql': 'ALTER TABLE accounts RENAME COLUMN name TO display_name;\n',
    });
    const r = await run(d, 'plan', 'm/0002_rename.sql', '--format', 'markdown', '--out', 'out', '--seed-rows', '20');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('❌ Staged plan for <code>m/0002_rename.sql</code>');
    expect(r.stdout).toMatch(
      /phase \d+ failed: cannot drop column name of table accounts because other objects depend on it/,
    );
    expect(r.stderr).toMatch(/not written: the plan for m\/0002_rename.sql failed its proof/);
    expect(existsSync(path.join(d, 'out'))).toBe(false);
  });

  it('a TODO plan exits 1 and says what to edit', async () => {
    const d = project({
      'm/0001_init.sql': HISTORY,
      'm/0002_required.sql': 'ALTER TABLE accounts ADD COLUMN tier text NOT NULL;\n',
    });
    const r = await run(d, 'plan', 'm/0002_required.sql', '--no-color', '--seed-rows', '10');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/needs an edit before it can run: phase \d+ stops on its TODO/);
    expect(r.stdout).toMatch(/TODO \(line 1\): accounts\.tier is NOT NULL without a default/);
  });

  it('plan.backfill in the config gives the value instead', async () => {
    const d = project({
      'zerodown.config.json': JSON.stringify({
        plan: { backfill: { 'accounts.tier': "'free'" }, batchSize: 50, lockTimeout: '1s' },
      }),
      'm/0001_init.sql': HISTORY,
      'm/0002_required.sql': 'ALTER TABLE accounts ADD COLUMN tier text NOT NULL;\n',
    });
    const r = await run(d, 'plan', 'm/0002_required.sql', '--format', 'json', '--seed-rows', '10');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout).plans[0];
    expect(plan.phases[0].sql).toMatch(/^SET lock_timeout = '1s';/);
    expect(plan.phases.find((p: { name: string }) => p.name === 'backfill').sql).toContain("SET tier = 'free'");
    expect(plan.phases.find((p: { name: string }) => p.name === 'backfill').sql).toContain('LIMIT 50');
    expect(plan.verified.dataEqual).toBeNull();
  });

  it('nothing to rewrite: exit 0, and says so', async () => {
    const d = project({
      'm/0001_init.sql': HISTORY,
      'm/0002_safe.sql': 'CREATE INDEX CONCURRENTLY IF NOT EXISTS a_name ON accounts (name);\n',
    });
    const r = await run(d, 'plan', 'm/0002_safe.sql', '--no-color');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no plan needed \(nothing to rewrite\): m\/0002_safe.sql/);
  });
});

describe('--out', () => {
  it('plain SQL: numbered files after the existing ones, transactional phases wrapped in BEGIN/COMMIT', async () => {
    const d = project({ 'db/0001_init.sql': HISTORY, 'db/0002_add_plan_code.sql': HEADLINE });
    const r = await run(d, 'plan', 'db/0002_add_plan_code.sql', '--out', 'db', '--no-verify');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote 5 files to db/);
    expect(tree(path.join(d, 'db'))).toEqual([
      '0001_init.sql',
      '0002_add_plan_code.sql',
      '0003_add_plan_code_safe_expand.sql',
      '0004_add_plan_code_safe_backfill.sql',
      '0005_add_plan_code_safe_validate.sql',
      '0006_add_plan_code_safe_index.sql',
      '0007_add_plan_code_safe_contract.sql',
    ]);
    const expand = readFileSync(path.join(d, 'db/0003_add_plan_code_safe_expand.sql'), 'utf8');
    expect(expand).toMatch(/BEGIN;[\s\S]*SET lock_timeout = '2s';[\s\S]*COMMIT;/);
    const index = readFileSync(path.join(d, 'db/0006_add_plan_code_safe_index.sql'), 'utf8');
    expect(index).not.toContain('BEGIN');
    expect(parseSql(index).map((s) => s.kind)).toEqual(['IndexStmt']);
    // every file is itself valid SQL
    for (const f of tree(path.join(d, 'db')))
      expect(() => parseSql(readFileSync(path.join(d, 'db', f), 'utf8'))).not.toThrow();
  });

  it('golang-migrate and Prisma get their own layouts', async () => {
    const gm = project({
      'migrations/1_init.up.sql': HISTORY,
      'migrations/1_init.down.sql': '',
      'migrations/2_plan.up.sql': 'CREATE INDEX accounts_name_idx ON accounts (name);\n',
    });
    expect((await run(gm, 'plan', 'migrations/2_plan.up.sql', '--out', 'migrations', '--no-verify')).code).toBe(0);
    expect(tree(path.join(gm, 'migrations')).filter((f) => f.startsWith('3_'))).toEqual([
      '3_plan_safe_index.down.sql',
      '3_plan_safe_index.up.sql',
    ]);

    const pr = project({
      'prisma/migrations/20240101000000_init/migration.sql': HISTORY,
      'prisma/migrations/20240102000000_plan/migration.sql':
        'CREATE INDEX "accounts_name_idx" ON "accounts"("name");\n',
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    });
    expect(
      (
        await run(
          pr,
          'plan',
          'prisma/migrations/20240102000000_plan/migration.sql',
          '--out',
          'prisma/migrations',
          '--no-verify',
        )
      ).code,
    ).toBe(0);
    const added = tree(path.join(pr, 'prisma/migrations')).filter(
      (f) => !/^(20240101000000_init|20240102000000_plan)\//.test(f) && f.endsWith('migration.sql'),
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_plan_safe_index\/migration\.sql$/);
    expect(readFileSync(path.join(pr, 'prisma/migrations', added[0]!), 'utf8')).toContain(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "accounts_name_idx" ON "accounts"("name");',
    );
  });

  it('never overwrites without --force, and never leaves half-written output', () => {
    const d = project({ 'out/0003_x_expand.sql': 'keep me\n' });
    const files = [
      { path: path.join(d, 'out/0002_x_a.sql'), content: 'SELECT 1;\n' },
      { path: path.join(d, 'out/0003_x_expand.sql'), content: 'SELECT 2;\n' },
      { path: path.join(d, 'out/sub/0004_x_b.sql'), content: 'SELECT 3;\n' },
    ];
    expect(() => writePhaseFiles(files, false)).toThrow(
      /0003_x_expand\.sql already exists; nothing written \(use --force to overwrite\)/,
    );
    expect(tree(d)).toEqual(['out/0003_x_expand.sql']);
    expect(readFileSync(path.join(d, 'out/0003_x_expand.sql'), 'utf8')).toBe('keep me\n');
    writePhaseFiles(files, true);
    expect(tree(d)).toEqual(['out/0002_x_a.sql', 'out/0003_x_expand.sql', 'out/sub/0004_x_b.sql']);
    expect(readFileSync(path.join(d, 'out/0003_x_expand.sql'), 'utf8')).toBe('SELECT 2;\n');
  });

  it('names the new migrations after the original', () => {
    expect(baseNameOf(mig('', { path: 'db/20261101090000_add_plan_code.sql' }))).toBe('add_plan_code_safe');
    expect(baseNameOf(mig('', { path: 'prisma/migrations/20240101000000_add_user/migration.sql' }))).toBe(
      'add_user_safe',
    );
    expect(baseNameOf(mig('', { path: 'migrations/42_widen.up.sql' }))).toBe('widen_safe');
    expect(baseNameOf(mig('', { path: 'sql/V3__users.sql' }))).toBe('users_safe');
  });
});
