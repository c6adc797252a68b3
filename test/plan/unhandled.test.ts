/**
 * Issue 11, defect 5: when no rewrite answers a finding, `zerodown plan` says so
 * ("not handled: <rule> at file:line — do this by hand: …"), counts it in the
 * summary and the JSON, never calls the statement "already safe", and exits under
 * the same --fail-on policy as lint. The PR comment says the same.
 */
import { postgres } from '../../src/dialects/postgres/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, writeProject } from '../cli-harness.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { planMigrations } from '../../src/plan/planner.js';
import { formatPlanMarkdown, planSection, unhandledSection } from '../../src/report/plan-markdown.js';
import { mig } from './helpers.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-unhandled-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HISTORY = `CREATE TABLE orders (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total int);
CREATE TABLE items (id int PRIMARY KEY, order_id int REFERENCES orders (id), name text);
`;
// int → bigint on this key has its own plan (bigint-key.ts); int → numeric still has none
const OUTAGE = 'ALTER TABLE orders ALTER COLUMN id TYPE numeric;\n';

describe('plan with a finding it cannot rewrite (int → numeric on an identity key a foreign key references)', () => {
  it('says "not handled", never "already safe", and exits 1 by default', async () => {
    const d = writeProject(tmp, { 'db/0001_init.sql': HISTORY, 'db/0002_bigint.sql': OUTAGE });
    const r = await run(d, 'plan', 'db/0002_bigint.sql', '--no-verify');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/already safe|no plan needed/);
    expect(r.stdout).toMatch(
      /not handled: changing-column-type \(error\) at db\/0002_bigint\.sql:1 — do this by hand: No automatic expand\/contract plan for orders\.id/,
    );
    expect(r.stdout).toMatch(
      /1 finding not handled by any plan \(1 error\)|findings not handled by any plan \(1 error/,
    );
  });

  it('--format sql heads the script with it as comments, so a saved script never reads as the whole answer', async () => {
    const d = writeProject(tmp, { 'db/0001_init.sql': HISTORY, 'db/0002_bigint.sql': OUTAGE });
    const r = await run(d, 'plan', 'db/0002_bigint.sql', '--no-verify', '--format', 'sql');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^-- zerodown plan: \d+ findings? not handled by any plan \(1 error/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^-- not handled: changing-column-type \(error\) at db\/0002_bigint\.sql:1 — do this by hand/,
      ),
    );
    // comments only: nothing in it runs
    expect(lines.every((l) => l.startsWith('--'))).toBe(true);
  });

  it('--format json counts it; --fail-on never exits 0, --fail-on warning fails on a warning alone', async () => {
    const d = writeProject(tmp, { 'db/0001_init.sql': HISTORY, 'db/0002_bigint.sql': OUTAGE });
    const r = await run(d, 'plan', 'db/0002_bigint.sql', '--no-verify', '--format', 'json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.unchanged).toEqual([]);
    expect(doc.plans).toEqual([]);
    expect(doc.unhandled).toContainEqual(
      expect.objectContaining({ path: 'db/0002_bigint.sql', line: 1, rule: 'changing-column-type', severity: 'error' }),
    );
    expect(doc.summary.unhandledErrors).toBe(1);
    expect(doc.summary.unhandled).toBe(doc.unhandled.length);

    // a warning no plan answers: lint's policy, not a louder one
    const w = writeProject(tmp, {
      'db/0001_init.sql': HISTORY,
      'db/0002_char.sql': 'ALTER TABLE items ADD COLUMN code char(3);\n',
    });
    const lenient = await run(w, 'plan', 'db/0002_char.sql', '--no-verify', '--format', 'json');
    const warned = JSON.parse(lenient.stdout);
    expect(warned.summary.unhandledWarnings).toBeGreaterThan(0);
    expect(warned.summary.unhandledErrors).toBe(0);
    expect(lenient.code).toBe(0);
    const strict = await run(w, 'plan', 'db/0002_char.sql', '--no-verify', '--fail-on', 'warning');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/not handled: ban-char-field \(warning\)/);
  });

  it('next to a rewrite: the phase that keeps it is labelled NOT handled, and the PR comment says so', async () => {
    const migrations = [
      mig(HISTORY, { path: 'db/0001_init.sql', review: false }),
      mig(`CREATE INDEX items_name_idx ON items (name);\n${OUTAGE}`, { path: 'db/0002_mixed.sql' }),
    ];
    const lint = await lintMigrations(migrations, {});
    const result = await planMigrations(postgres, migrations, { findings: lint.files.flatMap((f) => f.findings) });
    expect(result.plans).toHaveLength(1);
    const plan = result.plans[0]!;
    const kept = plan.phases.find((p) => p.sql.includes('ALTER COLUMN id TYPE numeric'))!;
    expect(kept.reason).toMatch(/^kept as written, NOT handled: changing-column-type.* at line 2: do it by hand$/);
    expect(plan.phases.map((p) => p.reason).join('\n')).not.toMatch(/already safe/);
    expect(plan.unhandled!.map((u) => u.rule)).toEqual(['changing-column-type']);
    const section = planSection(plan);
    expect(section.markdown).toMatch(/❌ 1 finding NOT handled/);
    expect(section.markdown).toMatch(/not handled: changing-column-type \(error\) at db\/0002\\_mixed\.sql:2/);
    expect(section.short).toMatch(/NOT handled/);
  });

  it('a file with findings and no plan at all gets its own PR-comment section, not "already safe"', async () => {
    const migrations = [
      mig(HISTORY, { path: 'db/0001_init.sql', review: false }),
      mig(OUTAGE, { path: 'db/0002_bigint.sql' }),
    ];
    const lint = await lintMigrations(migrations, {});
    const result = await planMigrations(postgres, migrations, { findings: lint.files.flatMap((f) => f.findings) });
    expect(result.plans).toEqual([]);
    expect(result.unchanged).toEqual([]);
    expect(unhandledSection(result)?.markdown).toMatch(
      /not handled: changing-column-type \(error\) at db\/0002\\_bigint\.sql:1/,
    );
    const md = formatPlanMarkdown(result);
    expect(md).not.toMatch(/already safe/);
    expect(md).toMatch(/finding.* not handled by any plan/);
  });
});
