/**
 * squawk 2.67's own tests for its new drop rules (crates/squawk_linter/src/rules/ban_drop_{view,
 * function,type,default,trigger}.rs, the `err` and `ok` cases), run as squawk runs them: one
 * rule at a time, each file alone with no history. zerodown agrees on every statement: squawk
 * reports each `err` statement once, zerodown at least once per statement (once per object
 * named), and neither reports the `ok` SQL.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/rules/api.js';
import banDropDefault from '../../../rules/postgres/ban-drop-default.js';
import banDropFunction from '../../../rules/postgres/ban-drop-function.js';
import banDropTrigger from '../../../rules/postgres/ban-drop-trigger.js';
import banDropType from '../../../rules/postgres/ban-drop-type.js';
import banDropView from '../../../rules/postgres/ban-drop-view.js';
import { lintSql } from '../../helpers.js';

const cases: { rule: Rule; err: string[]; ok: string }[] = [
  {
    rule: banDropView,
    err: [
      'DROP VIEW v;',
      'DROP VIEW IF EXISTS v CASCADE;',
      'DROP MATERIALIZED VIEW mv;',
      'DROP MATERIALIZED VIEW IF EXISTS mv CASCADE;',
    ],
    ok: 'CREATE VIEW v AS SELECT 1; DROP INDEX i;',
  },
  {
    rule: banDropFunction,
    err: [
      'DROP FUNCTION f(int);',
      'DROP FUNCTION IF EXISTS f(int) CASCADE;',
      'DROP PROCEDURE p(int);',
      'DROP PROCEDURE IF EXISTS p(int) CASCADE;',
    ],
    ok: 'DROP INDEX i; CREATE VIEW v AS SELECT 1;',
  },
  {
    rule: banDropType,
    err: ['DROP TYPE t;', 'DROP TYPE IF EXISTS t CASCADE;'],
    ok: "CREATE TYPE t AS ENUM ('a'); DROP INDEX i;",
  },
  {
    rule: banDropDefault,
    err: [
      'ALTER TABLE tbl ALTER COLUMN c DROP DEFAULT;',
      'ALTER TABLE IF EXISTS tbl ALTER COLUMN c DROP DEFAULT;',
      'ALTER TABLE tbl ALTER COLUMN c DROP DEFAULT, ALTER COLUMN d DROP DEFAULT;',
    ],
    ok: 'ALTER TABLE tbl ALTER COLUMN c SET DEFAULT 1; ALTER TABLE tbl ALTER COLUMN c DROP NOT NULL; DROP INDEX i;',
  },
  {
    rule: banDropTrigger,
    err: ['DROP TRIGGER trg ON tbl;', 'DROP TRIGGER IF EXISTS trg ON tbl CASCADE;'],
    ok: 'DROP INDEX i; CREATE VIEW v AS SELECT 1;',
  },
];

describe("squawk 2.67's drop-rule examples", () => {
  for (const c of cases) {
    for (const sql of c.err)
      it(`${c.rule.meta.id} flags ${sql}`, async () => {
        const findings = await lintSql(sql, { ruleSet: [c.rule] });
        expect(findings.filter((f) => f.rule === c.rule.meta.id).length).toBeGreaterThan(0);
      });
    it(`${c.rule.meta.id} is quiet on ${c.ok}`, async () => {
      const findings = await lintSql(c.ok, { ruleSet: [c.rule] });
      expect(findings.filter((f) => f.rule === c.rule.meta.id)).toEqual([]);
    });
  }
});
