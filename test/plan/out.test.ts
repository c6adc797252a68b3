/**
 * Issue 11, defect 10: `plan --out` run again must not append a second copy of the
 * phases. It refuses (exit 2, naming the files, writing nothing) while an earlier
 * run's phases are there, replaces them with --force, and says which original
 * the phases replace. Names from the repository never lead outside the out dir.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, writeProject } from '../cli-harness.js';
import { writePhaseFiles } from '../../src/cli/plan.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HISTORY = readFileSync(path.join(ROOT, 'examples/migrations/20261001120000_create_accounts.sql'), 'utf8');
const HEADLINE = readFileSync(path.join(ROOT, 'examples/migrations/20261101090000_add_plan_code.sql'), 'utf8');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-out-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();

describe('plan --out run twice', () => {
  it('plain SQL: the second run refuses and writes nothing; --force replaces the phases in place', async () => {
    const d = writeProject(tmp, { 'db/0001_init.sql': HISTORY, 'db/0002_add_plan_code.sql': HEADLINE });
    const first = await run(d, 'plan', 'db/0002_add_plan_code.sql', '--out', 'db', '--no-verify');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/the phases replace db\/0002_add_plan_code\.sql: delete it/);
    const after = tree(path.join(d, 'db'));
    expect(after).toHaveLength(7);

    const again = await run(d, 'plan', 'db/0002_add_plan_code.sql', '--out', 'db', '--no-verify');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /db\/0003_add_plan_code_safe_expand\.sql, .*db\/0007_add_plan_code_safe_contract\.sql already exist; nothing written \(use --force to overwrite\)/,
    );
    expect(tree(path.join(d, 'db'))).toEqual(after);

    const forced = await run(d, 'plan', 'db/0002_add_plan_code.sql', '--out', 'db', '--no-verify', '--force');
    expect(forced.code).toBe(0);
    expect(tree(path.join(d, 'db'))).toEqual(after);
  });

  it('Prisma (timestamped folders): --force replaces the earlier folders instead of adding new ones', async () => {
    const d = writeProject(tmp, {
      'prisma/migrations/20240101000000_init/migration.sql': HISTORY,
      'prisma/migrations/20240102000000_plan/migration.sql': HEADLINE,
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    });
    const args = [
      'plan',
      'prisma/migrations/20240102000000_plan/migration.sql',
      '--out',
      'prisma/migrations',
      '--no-verify',
    ];
    expect((await run(d, ...args)).code).toBe(0);
    const first = tree(path.join(d, 'prisma/migrations'));
    expect(first.filter((f) => f.includes('plan_safe_'))).toHaveLength(5);
    const again = await run(d, ...args);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/plan_safe_expand\/migration\.sql/);
    expect(tree(path.join(d, 'prisma/migrations'))).toEqual(first);
    expect((await run(d, ...args, '--force')).code).toBe(0);
    const forced = tree(path.join(d, 'prisma/migrations'));
    expect(forced.filter((f) => f.includes('plan_safe_'))).toHaveLength(5);
    expect(forced.filter((f) => f.endsWith('migration.sql'))).toHaveLength(7);
  });

  it('Drizzle: --force leaves one journal entry per phase, not two', async () => {
    const d = writeProject(tmp, {
      'drizzle/0000_init.sql': HISTORY,
      'drizzle/0001_plan.sql': HEADLINE,
      'drizzle/meta/_journal.json': JSON.stringify({
        version: '7',
        dialect: 'postgresql',
        entries: [
          { idx: 0, version: '7', when: 1, tag: '0000_init', breakpoints: true },
          { idx: 1, version: '7', when: 2, tag: '0001_plan', breakpoints: true },
        ],
      }),
    });
    const args = ['plan', 'drizzle/0001_plan.sql', '--out', 'drizzle', '--no-verify'];
    expect((await run(d, ...args)).code).toBe(0);
    const journal = () => JSON.parse(readFileSync(path.join(d, 'drizzle/meta/_journal.json'), 'utf8'));
    const once = journal().entries.map((e: { tag: string }) => e.tag);
    expect((await run(d, ...args)).code).toBe(2);
    expect((await run(d, ...args, '--force')).code).toBe(0);
    expect(journal().entries.map((e: { tag: string }) => e.tag)).toEqual(once);
    expect(journal().entries.map((e: { idx: number }) => e.idx)).toEqual(once.map((_: string, i: number) => i));
  });
});

describe('names from the repository stay inside --out', () => {
  it('a migration file named with dots and odd characters gives a plain file name', async () => {
    const d = writeProject(tmp, { 'db/0001_init.sql': HISTORY, 'db/0002_..%2f..$x\n.sql': HEADLINE });
    const r = await run(d, 'plan', 'db', '--out', 'out', '--no-verify');
    expect(r.code).toBe(0);
    const files = tree(path.join(d, 'out'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^[0-9]+_[a-z0-9_]+\.sql$/);
  });

  it('writePhaseFiles refuses a path outside the directory, and writes nothing', () => {
    const d = writeProject(tmp, {});
    const out = path.join(d, 'out');
    expect(() =>
      writePhaseFiles(
        [
          { path: path.join(out, '0001_ok.sql'), content: 'SELECT 1;\n' },
          { path: path.join(out, '..', 'escaped.sql'), content: 'SELECT 2;\n' },
        ],
        true,
        [],
        out,
      ),
    ).toThrow(/refusing to write outside/);
    expect(existsSync(path.join(d, 'escaped.sql'))).toBe(false);
    expect(existsSync(path.join(out, '0001_ok.sql'))).toBe(false);
  });
});

describe('plan --out writes phases that lint clean', () => {
  it('integer key to bigint: the contract phase keeps its zerodown-ignore lines above their statements', async () => {
    const d = writeProject(tmp, {
      'db/0001_init.sql':
        'CREATE TABLE orders (id serial PRIMARY KEY, note text);\nCREATE TABLE order_items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id integer NOT NULL REFERENCES orders (id));\n',
      'db/0002_widen.sql': 'ALTER TABLE orders ALTER COLUMN id TYPE bigint;\n',
    });
    const plan = await run(d, 'plan', 'db/0002_widen.sql', '--out', 'out', '--no-verify');
    expect(plan.code).toBe(0);
    const contract = tree(path.join(d, 'out')).filter((f) => f.includes('contract'));
    expect(contract.length).toBeGreaterThan(0);
    const text = contract.map((f) => readFileSync(path.join(d, 'out', f), 'utf8')).join('\n');
    expect(text).toMatch(
      /-- zerodown-ignore ban-drop-column: [^\n]*\nALTER TABLE orders DROP COLUMN IF EXISTS id_zd_old;/,
    );
    expect(text).toMatch(
      /-- zerodown-ignore ban-drop-function: [^\n]*\nDROP FUNCTION IF EXISTS public\.orders_id_zd_sync\(\);/,
    );
    // the history and the phases, linted together as they will be applied (the original replaced)
    rmSync(path.join(d, 'db/0002_widen.sql'));
    for (const f of tree(path.join(d, 'out')))
      writeProject(d, { [`db/${f}`]: readFileSync(path.join(d, 'out', f), 'utf8') });
    const lint = await run(d, 'lint', 'db', '--no-cache', '--format', 'json');
    const findings = JSON.parse(lint.stdout).files.flatMap((f: any) =>
      f.path.includes('widen') ? f.findings.map((x: any) => `${f.path}:${x.line} ${x.rule}`) : [],
    );
    expect(findings).toEqual([]);
  });
});
