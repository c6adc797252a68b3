/**
 * What a MySQL/MariaDB rewrite sees (the catalog before the statement, the target server, the
 * prediction, the plan being built) and the helpers that build its steps. Every DDL step runs
 * outside a transaction: MySQL commits implicitly before and after each DDL statement (reference
 * manual, "Statements That Cause an Implicit Commit"), so a DDL phase is never transactional and
 * the plan says so.
 */
import type { PlanSettings } from '../../../dialect.js';
import type { Step } from '../../../plan/schedule.js';
import { shorten } from '../../../plan/text.js';
import type { ExpectedDifference, PhaseName, PlanNote, Rewrite } from '../../../plan/types.js';
import type { ForeignKeyDef, MyStatement, MyTable, ServerVersion, TableName } from '../ast.js';
import type { Predict } from './predict.js';
import { terminate } from './sqltext.js';

/** The replayed catalog as the planner reads it. */
export interface PlanCatalog {
  table(name: TableName): MyTable | undefined;
  /** foreign keys of other tables that point at `name` */
  referencing(name: TableName): { table: TableName; fk: ForeignKeyDef }[];
}

export interface MyRewriteContext {
  catalog: PlanCatalog;
  server: ServerVersion;
  predict: Predict;
  settings: PlanSettings;
  /** absPath of the file under review */
  origin: string;
  statements: readonly MyStatement[];
  notes: PlanNote[];
  rewrites: Rewrite[];
  expected: ExpectedDifference[];
  /** statements folded into an earlier rewrite */
  consumed: Set<number>;
  /** rules with a finding on the statement */
  flaggedBy(stmt: MyStatement): Set<string>;
  /** false when the statement or the file ignores the rule */
  allowed(stmt: MyStatement, rule: string): boolean;
}

/** The planner's key of a table (case-insensitive, like the server with lower_case_table_names). */
export function tableKey(t: TableName): string {
  return (t.schema ? `${t.schema}.${t.name}` : t.name).toLowerCase();
}

/** Key of one column for step ordering (src/plan/schedule.ts). */
export function colKey(t: TableName, column: string): string {
  return `${tableKey(t)}#${column.toLowerCase()}`;
}

/** A step; DDL (`transactional` false) is sent alone, after the session limits it sets itself. */
export function step(kind: PhaseName, sql: string, keys: string[], reason: string, extra: Partial<Step> = {}): Step {
  return { kind, sql: terminate(sql), transactional: false, keys, reason, ...extra };
}

/** One line in the plan's list of rewrites, per rule answered. */
export function record(ctx: MyRewriteContext, stmt: MyStatement, rules: Iterable<string>, summary: string): void {
  for (const rule of rules) ctx.rewrites.push({ rule, line: stmt.span.line, statement: shorten(stmt.text), summary });
}

export function note(ctx: MyRewriteContext, stmt: MyStatement, level: PlanNote['level'], message: string): void {
  ctx.notes.push({ level, message, line: stmt.span.line });
}
