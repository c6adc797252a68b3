/**
 * The plan reports show MySQL/MariaDB tool commands and pre-flight queries: text, markdown, JSON,
 * and `--format sql`, where they are comments (quoted by the dialect) and the script still parses
 * as the phases alone, even for a table name built to break out of a comment.
 */
import { describe, expect, it } from 'vitest';
import { mariadb, parseSql } from '../../src/dialects/mysql/index.js';
import { formatPlanJson } from '../../src/report/plan-json.js';
import { planMarkdown } from '../../src/report/plan-markdown.js';
import { formatPlanSql } from '../../src/report/plan-sql.js';
import { formatPlanText } from '../../src/report/plan-text.js';
import { onlyPlan, planMy } from './mysql-helpers.js';

const HISTORY =
  'CREATE TABLE `acc\nDROP TABLE x; -- ` (id BIGINT PRIMARY KEY, note VARCHAR(200) NULL) DEFAULT CHARSET=utf8mb4;';
const CHANGE = 'ALTER TABLE `acc\nDROP TABLE x; -- ` ADD UNIQUE INDEX note_uq (note(20)), MODIFY note VARCHAR(50);';

describe('plan reports with tool commands and pre-flight queries', async () => {
  const result = await planMy(HISTORY, CHANGE, [{ rule: 'changing-column-type', at: 0 }]);
  const plan = onlyPlan(result);

  it('the phase carries both tools and the pre-flight queries', () => {
    const p = plan.phases[0]!;
    expect(p.commands?.map((c) => c.tool)).toEqual(['gh-ost', 'pt-online-schema-change']);
    expect(p.preflight?.map((q) => q.sql)).toEqual([
      'SELECT LEFT(`note`, 20), COUNT(*) AS zd_rows FROM `acc\nDROP TABLE x; -- ` WHERE `note` IS NOT NULL GROUP BY LEFT(`note`, 20) HAVING COUNT(*) > 1 LIMIT 20;',
      'SELECT COUNT(*) AS zd_too_long FROM `acc\nDROP TABLE x; -- ` WHERE CHAR_LENGTH(`note`) > 50;',
    ]);
  });

  it('--format sql: commands and queries are comments; the script is exactly the phases', () => {
    const sql = formatPlanSql(result.plans, result.unhandled, mariadb);
    expect(sql).toContain('-- gh-ost: instead of the ALTER');
    expect(sql).toContain('-- pre-flight (read-only, run on production first)');
    const statements = parseSql(sql, 'mariadb').map((s) => s.text);
    const phases = plan.phases.flatMap((p) => parseSql(p.sql, 'mariadb').map((s) => s.text));
    expect(statements).toEqual(phases);
    expect(statements.some((s) => /^DROP TABLE x/.test(s))).toBe(false);
  });

  it('text, markdown and JSON show the commands, their preconditions and the queries', () => {
    const text = formatPlanText(result, { color: false });
    expect(text).toContain('rehearse first (changes nothing): gh-ost');
    expect(text).toContain('UNMET: the change adds a UNIQUE key: pt-osc refuses it');
    const md = planMarkdown(plan);
    expect(md).toContain('🛠️ **gh-ost** instead of the ALTER');
    expect(md).toContain('```sh\npt-online-schema-change');
    expect(md).toContain('🔎 **Pre-flight**');
    const json = JSON.parse(formatPlanJson(result));
    const phase = json.plans[0].phases[0];
    expect(phase.commands[1].tool).toBe('pt-online-schema-change');
    expect(phase.commands[1].dryRun).toContain('--dry-run');
    expect(phase.preflight).toHaveLength(2);
  });
});
