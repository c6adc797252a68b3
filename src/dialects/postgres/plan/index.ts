/**
 * PostgreSQL's planner entry (`Dialect.plan`, see src/dialect.ts): the rewrites and
 * the rules they answer, the planning run, and the SQL around phases. The core
 * planner (src/plan/planner.ts) reaches the rewrites only through this.
 */
import type { DialectPlanner } from '../../../dialect.js';
import { checkPhaseSql, transactionalSql } from './phases.js';
import { REWRITES } from './rewrite.js';
import { PostgresPlanRun } from './session.js';
import type { Catalog } from '../catalog.js';

export { checkPhaseSql } from './phases.js';
export { REWRITES } from './rewrite.js';

export const postgresPlanner: DialectPlanner = {
  answers: new Set(REWRITES.flatMap((r) => r.answers)),
  // every transactional phase starts with SET lock_timeout and statement_timeout
  phaseAnswers: new Set(['require-lock-timeout', 'require-statement-timeout']),
  start: (settings, catalog) => new PostgresPlanRun(settings, catalog as Catalog),
  transactionalSql,
  checkPhase: checkPhaseSql,
};
