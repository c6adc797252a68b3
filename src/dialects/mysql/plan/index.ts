/**
 * MySQL/MariaDB's planner entry (`Dialect.plan`, see src/dialect.ts): the rewrites and the rules
 * they answer, the planning run, and the SQL around phases. Every DDL phase runs outside a
 * transaction (MySQL commits implicitly around DDL) and starts with `SET SESSION lock_wait_timeout`.
 */
import type { DialectCatalog, DialectPlanner } from '../../../dialect.js';
import type { Phase } from '../../../plan/types.js';
import type { ServerVersion } from '../ast.js';
import { ALTER_ANSWERS } from './alter.js';
import type { PlanCatalog } from './context.js';
import { transactionalSql } from './phases.js';
import type { Predict } from './predict.js';
import { MysqlPlanRun } from './session.js';
import { UPDATE_ANSWERS } from './update.js';

/** What the planner takes from the rest of the dialect. */
export interface MysqlPlannerDeps {
  /** the online-DDL prediction */
  predict: Predict;
  /** the target server from the settled version number */
  server(version: number): ServerVersion;
  /** the replayed catalog, read by table name */
  catalog(catalog: DialectCatalog): PlanCatalog;
  /** throws when a phase's SQL does not parse */
  checkPhase(phase: Pick<Phase, 'sql' | 'transactional'>): void;
}

/** The rule ids some rewrite answers. */
export const MYSQL_PLAN_ANSWERS: readonly string[] = [...ALTER_ANSWERS, ...UPDATE_ANSWERS];

export function createMysqlPlanner(deps: MysqlPlannerDeps): DialectPlanner {
  return {
    answers: new Set(MYSQL_PLAN_ANSWERS),
    // every phase bounds its metadata-lock wait itself
    phaseAnswers: new Set(['require-lock-timeout']),
    start: (settings, catalog) =>
      new MysqlPlanRun(settings, deps.catalog(catalog), deps.server(settings.version), deps.predict),
    transactionalSql: (steps, settings) => transactionalSql(steps, settings),
    checkPhase: deps.checkPhase,
  };
}
