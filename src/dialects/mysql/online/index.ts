/**
 * The online-DDL prediction as rules, the planner and reports use it: predict a statement (ALTER
 * TABLE, CREATE INDEX, DROP INDEX) in its file and catalog, and say what the lock means for people.
 */
import type { OnlineDdl } from '../../../model.js';
import type { MyStatement, MyTable, ServerVersion, TableName } from '../ast.js';
import { versionText } from './facts.js';
import { predictAlter, predictCreateIndex, predictDropIndex, type OnlinePrediction } from './predict.js';

export { predictAlter, predictCreateIndex, predictDropIndex, rowVersionLimit } from './predict.js';
export type { OnlinePrediction, OpPrediction, PredictedAlgorithm } from './predict.js';
export type { OnlineLock, OpKind } from './table.js';
export { versionText } from './facts.js';

/** What the prediction reads of a rule's context. */
export interface PredictContext {
  /** the table a statement names, as the catalog has it just before the statement */
  table(rel: TableName): MyTable | undefined;
  statements: readonly MyStatement[];
  server: ServerVersion;
}

const OFF = /^(0|off|false)$/i;

/**
 * foreign_key_checks as the file left it before statement `index` (SET [SESSION] foreign_key_checks
 * = 0|1, SET @@foreign_key_checks = …); on (1) unless the file turned it off.
 */
export function foreignKeyChecksBefore(statements: readonly MyStatement[], index: number): boolean {
  let on = true;
  for (const s of statements) {
    if (s.index >= index) break;
    if (s.ast.type !== 'set') continue;
    for (const v of s.ast.vars) {
      if (v.scope === 'global' || v.scope === 'persist' || v.scope === 'persist_only' || v.scope === 'user') continue;
      if (v.name.toLowerCase().replace(/^@@(session\.|local\.)?/, '') === 'foreign_key_checks')
        on = !OFF.test(v.value.trim().replace(/^'(.*)'$/, '$1'));
    }
  }
  return on;
}

/** The prediction for an ALTER TABLE, CREATE INDEX or DROP INDEX; undefined for other statements. */
export function predictStatement(stmt: MyStatement, ctx: PredictContext): OnlinePrediction | undefined {
  const ast = stmt.ast;
  switch (ast.type) {
    case 'alter_table':
      return predictAlter(ast, ctx.table(ast.table), ctx.server, {
        foreignKeyChecks: foreignKeyChecksBefore(ctx.statements, stmt.index),
      });
    case 'create_index':
      return predictCreateIndex(ast, ctx.table(ast.table), ctx.server);
    case 'drop_index':
      return predictDropIndex(ast, ctx.table(ast.table), ctx.server);
    default:
      return undefined;
  }
}

/** The finding's `online` field. */
export const onlineOf = (p: Pick<OnlinePrediction, 'algorithm' | 'lock'>): OnlineDdl => ({
  algorithm: p.algorithm,
  lock: p.lock,
  basis: 'predicted',
});

/** What the prediction means for the application, in words. */
export function lockEffect(p: Pick<OnlinePrediction, 'algorithm' | 'lock'>): string {
  if (p.lock === 'EXCLUSIVE') return 'blocks reads and writes';
  if (p.lock === 'SHARED')
    return p.algorithm === 'COPY' ? 'copies the table and blocks writes for the whole copy' : 'blocks writes';
  return p.algorithm === 'INSTANT' ? 'changes metadata only' : 'lets reads and writes go on';
}

/** `ALGORITHM=COPY` / `ALGORITHM=INPLACE, LOCK=SHARED`: the clauses as the server would take them. */
export function clausesText(p: Pick<OnlinePrediction, 'algorithm' | 'lock'>): string {
  return p.algorithm === 'INSTANT' ? 'ALGORITHM=INSTANT' : `ALGORITHM=${p.algorithm}, LOCK=${p.lock}`;
}

/** `MySQL 8.0.46` for the rule messages. */
export const serverText = (s: ServerVersion): string => versionText(s);
