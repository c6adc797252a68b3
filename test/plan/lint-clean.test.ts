/**
 * Issue 14: a generated plan must lint clean with zerodown itself. Every plan of
 * plan-cases.ts (one per rewrite kind) is rendered as `zerodown plan --format sql`
 * renders it, and linted as the next migration after the same history: no finding.
 *
 * Most plan steps run inside a guard (`DO $zd$ BEGIN IF <catalog check> THEN … END IF; END $zd$`)
 * so that a phase can run again, and the rules do not look inside a DO block. Clean for
 * that reason alone would prove nothing, so the plan is also linted with every guard opened:
 * each guarded statement as it runs. A step that a rule would flag must then carry a
 * `-- zerodown-ignore <rule>: <why>` comment saying why it is safe at that point of the plan.
 */
import { describe, expect, it } from 'vitest';
import { parseSql } from '../../src/dialects/postgres/parse.js';
import { formatPlanSql } from '../../src/report/plan-sql.js';
import { migration } from '../helpers.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { ACCOUNTS, PLAN_CASES } from './plan-cases.js';
import { planSql } from './helpers.js';

/** The guard the planner wraps steps in (context.ts `guarded`); group 2 is the guarded SQL. */
const GUARD = /^DO (\$zd\d*\$)\nBEGIN\n {2}IF [^\n]* THEN\n([\s\S]*)\n {2}END IF;\nEND\n\1;?$/;

/** The script with every guard replaced by the statements it guards, where those are plain SQL. */
function openGuards(script: string): string {
  const out: string[] = [];
  let at = 0;
  for (const s of parseSql(script)) {
    const start = script.indexOf(s.text, at);
    out.push(script.slice(at, start));
    at = start + s.text.length;
    const m = s.kind === 'DoStmt' ? GUARD.exec(s.text) : null;
    let body = m?.[2];
    // a guard around PL/pgSQL (RAISE, nested IF) stays as it is: only SQL statements are opened
    if (body !== undefined) {
      try {
        if (!parseSql(body).length) body = undefined;
      } catch {
        body = undefined;
      }
    }
    out.push(body === undefined ? s.text : openGuards(body).replace(/;?\s*$/, ''));
  }
  out.push(script.slice(at));
  return out.join('');
}

async function lintPlan(history: string, script: string) {
  const lint = await lintMigrations(
    [
      migration(history, { path: 'db/0001_history.sql', review: false }),
      migration(script, { path: 'db/0002_plan.sql' }),
    ],
    {},
  );
  return lint.files.flatMap((f) => f.findings).map((f) => `${f.rule} at line ${f.line}: ${f.message}`);
}

describe('every plan lints clean with zerodown itself', () => {
  for (const c of PLAN_CASES) {
    it(
      c.title,
      async () => {
        const history = c.history ?? ACCOUNTS;
        const p = await planSql(history, c.sql, c.opts ?? {});
        const script = formatPlanSql([p.plan], p.result.unhandled);
        expect(await lintPlan(history, script), script).toEqual([]);
        const opened = openGuards(script);
        // a plan with guards had them opened: the check sees the steps themselves
        if (/^DO \$zd\d*\$$/m.test(script)) expect(opened).not.toBe(script);
        expect(await lintPlan(history, opened), opened).toEqual([]);
      },
      60_000,
    );
  }
});

describe('the check can fail', () => {
  it('an opened guard shows its statement to the rules: a DROP COLUMN in a guard is flagged once opened', async () => {
    const script = `DO $zd$\nBEGIN\n  IF true THEN\nALTER TABLE accounts DROP COLUMN email;\n  END IF;\nEND\n$zd$;\n`;
    expect(await lintPlan(ACCOUNTS, script)).toEqual([]);
    const opened = openGuards(script);
    expect(opened).toContain('ALTER TABLE accounts DROP COLUMN email');
    expect((await lintPlan(ACCOUNTS, opened)).join('\n')).toMatch(/^ban-drop-column/);
  });
});
