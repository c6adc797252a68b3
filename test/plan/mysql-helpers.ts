/** Plan tests for MySQL/MariaDB: the real parser, catalog, prediction and planner, and phases run on the real server. */
import { expect } from 'vitest';
import { mariadb, mysql, parseSql } from '../../src/dialects/mysql/index.js';
import type { Migration } from '../../src/model.js';
import { planMigrations, type PlanResult } from '../../src/plan/planner.js';
import type { PlanOptions, StagedPlan } from '../../src/plan/types.js';
import type { MyDb } from './mysql-server.js';

export function myMig(
  source: string,
  opts: { path?: string; review?: boolean; flavor?: 'mysql' | 'mariadb' } = {},
): Migration {
  const path = opts.path ?? 'db/0002_change.sql';
  return {
    path,
    absPath: `/virtual/${path}`,
    source,
    dialect: opts.flavor ?? 'mariadb',
    framework: 'plain',
    transaction: 'none',
    review: opts.review ?? true,
  };
}

/** Plans `sql` after `history` with the given findings (`at`: the statement index in `sql`). */
export async function planMy(
  history: string,
  sql: string,
  flagged: { rule: string; at: number }[],
  opts: PlanOptions & { flavor?: 'mysql' | 'mariadb' } = {},
): Promise<PlanResult> {
  const flavor = opts.flavor ?? 'mariadb';
  const migs = [myMig(history, { path: 'db/0001_init.sql', review: false, flavor }), myMig(sql, { flavor })];
  const findings = flagged.map((f) => ({
    path: 'db/0002_change.sql',
    rule: f.rule,
    statementIndex: f.at,
    severity: 'error' as const,
    line: f.at + 1,
    message: `flagged by ${f.rule}`,
  }));
  return planMigrations(flavor === 'mysql' ? mysql : mariadb, migs, { ...opts, findings });
}

export function onlyPlan(result: PlanResult): StagedPlan {
  expect(result.failed).toEqual([]);
  expect(result.plans.length).toBe(1);
  return result.plans[0]!;
}

/** Runs each phase statement by statement, split by zerodown's own splitter (DELIMITER understood), in one session per phase. */
export async function runPhases(db: MyDb, plan: StagedPlan): Promise<void> {
  for (const [i, p] of plan.phases.entries()) {
    try {
      for (const s of parseSql(p.sql, 'mariadb')) await db.query(s.text);
    } catch (err) {
      (err as Error).message = `phase ${i + 1} (${p.name}): ${(err as Error).message}\n${p.sql}`;
      throw err;
    }
  }
}

/** SHOW CREATE TABLE, for comparing the plan's end state with the original's. */
export async function createTable(db: MyDb, table: string): Promise<string> {
  const rows = await db.query<Record<string, string>>(`SHOW CREATE TABLE \`${table.replace(/`/g, '``')}\``);
  return rows[0]!['Create Table']!;
}
