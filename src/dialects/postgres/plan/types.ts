/**
 * The shapes the PostgreSQL rewrites share: what a rewrite sees (`RewriteContext`),
 * what it returns (`Group`), and how each one declares the rule ids it answers.
 * Types only: every rewrite module imports this one, none imports another
 * rewrite module for a type (no cycles).
 */
import type { PgStatement } from '../statement.js';
import type { Step } from '../../../plan/schedule.js';
import type { ExpectedDifference, PlanNote, Rewrite } from '../../../plan/types.js';
import type { Catalog, Table } from '../catalog.js';
import type { StmtSource } from './sqltext.js';

/** An ordered list of steps; independent groups of one statement do not wait for each other (schedule.ts). */
export type Group = Step[];

/** What every rewrite declares: a name, and the lint rules whose findings it answers. */
export interface RewriteInfo {
  /** stable name, used in messages and tests */
  id: string;
  /** rule ids (rules/postgres/<id>.ts) whose findings a plan from this rewrite answers */
  answers: readonly string[];
}

/** A rewrite of a whole statement of one kind (CREATE INDEX, UPDATE, …). */
export interface StatementRewrite extends RewriteInfo {
  /** the libpg-query statement kind it rewrites */
  kind: string;
  /** the groups replacing the statement, or undefined to keep it as written */
  rewrite(stmt: PgStatement, ctx: RewriteContext, src: StmtSource): Group[] | undefined;
}

/** One sub-command of an ALTER TABLE, with the statement around it. */
export interface AlterInput {
  stmt: PgStatement;
  ctx: RewriteContext;
  rel: any;
  key: string;
  table: Table | undefined;
  src: StmtSource;
  /** `ALTER TABLE [ONLY] rel` as written */
  header: string;
  cmdText: string;
  cmdStart: number;
  cmdEnd: number;
}

/** A rewrite of one ALTER TABLE sub-command of one subtype (AT_AddColumn, …). */
export interface AlterCommandRewrite extends RewriteInfo {
  subtype: string;
  /** the groups replacing the sub-command, or undefined to keep it as written */
  rewrite(inp: AlterInput, cmd: any): Group[] | undefined;
}

/** What a rewrite sees: the catalog before the statement, the file, options, and the plan being built. */
export interface RewriteContext {
  catalog: Catalog;
  pgVersion: number;
  /** absPath of the migration under review */
  origin: string;
  path: string;
  statements: readonly PgStatement[];
  /** statements folded into an earlier rewrite (e.g. an UPDATE fused into a backfill) */
  consumed: Set<number>;
  notes: PlanNote[];
  rewrites: Rewrite[];
  expected: ExpectedDifference[];
  lockTimeout: string;
  statementTimeout: string;
  batchSize: number;
  backfill: Record<string, string>;
  /** names the plan has already used, per schema (`schema.name`) */
  usedNames: Set<string>;
  /** rules with a finding on this statement (from the lint run), when findings were given */
  flaggedBy(stmt: PgStatement): Set<string>;
  /** false when the statement or file ignores the rule */
  allowed(stmt: PgStatement, rule: string): boolean;
  /** source texts of statements the catalog nodes came from (defaults) */
  sourceOf: WeakMap<object, string>;
  /** CREATE INDEX text per index (`schema.name`), for rebuilding an index on a replacement column */
  indexSource: Map<string, string>;
  /** the rewrite running now (set by the dispatcher), so that `record` can say which rewrite answered a statement */
  current?: RewriteInfo;
  /** which rewrite answered which statement (by index), in order; not part of the plan's output */
  answered: { index: number; rewrite: string }[];
}

export interface NotNullParts {
  name: string;
  expand: Step;
  validate: Step;
  contract: Step[];
}
