/**
 * MySQL/MariaDB's planner entry (`Dialect.plan`, see src/dialect.ts): the rewrites and the rules
 * they answer, the planning run, and the SQL around phases. Every DDL phase runs outside a
 * transaction (MySQL commits implicitly around DDL) and starts with `SET SESSION lock_wait_timeout`.
 */
import type { DialectCatalog, DialectPlanner } from '../../../dialect.js';
import type { Phase } from '../../../plan/types.js';
import type { Flavor, ServerVersion } from '../ast.js';
import { MyCatalog, mysqlRelationKey } from '../catalog.js';
import { predictAlter } from '../online/predict.js';
import { parseSql } from '../parse.js';
import { serverVersionOf } from '../version.js';
import { ALTER_ANSWERS, COPY_ANSWERS, FK_ANSWERS } from './alter.js';
import { tableKey, type PlanCatalog } from './context.js';
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
export const MYSQL_PLAN_ANSWERS: readonly string[] = [
  ...ALTER_ANSWERS,
  ...COPY_ANSWERS,
  ...FK_ANSWERS,
  ...UPDATE_ANSWERS,
];

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

/** The lint engine's replayed catalog, read by table name. */
export function planCatalog(catalog: DialectCatalog): PlanCatalog {
  if (!(catalog instanceof MyCatalog)) throw new Error('the MySQL planner needs the MySQL catalog');
  return {
    table: (name) => catalog.tableOf(name),
    referencing(name) {
      const target = catalog.tableOf(name);
      const key = target ? mysqlRelationKey(target) : tableKey(name);
      const out: ReturnType<PlanCatalog['referencing']> = [];
      for (const t of catalog.tables()) {
        for (const fk of t.foreignKeys) {
          const ref = catalog.tableOf(fk.refTable);
          if ((ref ? mysqlRelationKey(ref) : mysqlRelationKey(fk.refTable)) === key && t !== target)
            out.push({ table: { ...(t.schema ? { schema: t.schema } : {}), name: t.name }, fk });
        }
      }
      return out;
    },
  };
}

/** The online-DDL prediction (../online/predict.ts), reduced to what the planner reads. */
export const predictForPlan: Predict = (ast, table, server, opts) => {
  const p = predictAlter(ast, table, server, opts);
  const why = p.ops.map((o) => o.why).join('; ');
  return { algorithm: p.algorithm, lock: p.lock, ...(why ? { why } : {}) };
};

/** The planner of one flavor: its server versions, and its parser for checking every phase. */
export function plannerOf(flavor: Flavor): DialectPlanner {
  return createMysqlPlanner({
    predict: predictForPlan,
    server: (version) => serverVersionOf(version, flavor),
    catalog: planCatalog,
    checkPhase(phase) {
      // parseSql splits like the mysql client (DELIMITER) and throws on a statement no parser reads
      if (!parseSql(phase.sql, flavor).length) throw new Error('phase has no statement');
    },
  });
}

export const mysqlPlanner: DialectPlanner = plannerOf('mysql');
export const mariadbPlanner: DialectPlanner = plannerOf('mariadb');
