/**
 * The rule contract as PostgreSQL's rules see it (rules/postgres/*.ts import from here,
 * never from src/rules/api.ts directly): the generic contract of src/rules/api.ts with
 * PostgreSQL's statement, catalog, table and column types, plus the target version.
 */
import {
  ruleDefiner,
  type FileContext,
  type Issue as CoreIssue,
  type Rule,
  type RuleContext,
} from '../../rules/api.js';
import type { Catalog, Column, Table } from './catalog.js';
import type { PgStatement } from './statement.js';

export type { RuleMeta, TxState } from '../../rules/api.js';

export type { PgStatement } from './statement.js';

/** How PostgreSQL rules name a relation: a RangeVar-like node, or `schema.table` / `table` text. */
export type PgRel = { schemaname?: string; relname?: string } | string | undefined;

export interface PgRuleContext extends RuleContext<PgStatement, Catalog, Table, Column, PgRel> {
  /** target PostgreSQL major version (`--pg-version`, default 15) */
  pgVersion: number;
}

export interface PgFileContext extends FileContext<PgStatement, Catalog> {
  /** target PostgreSQL major version (`--pg-version`, default 15) */
  pgVersion: number;
}

export type Issue = CoreIssue<PgStatement>;

export type PgRule = Rule<PgRuleContext, PgFileContext>;

/** Defines a PostgreSQL rule: typed contexts, and `meta.dialect` set to `postgres`. */
export const defineRule: (rule: PgRule) => PgRule = ruleDefiner<PgRuleContext, PgFileContext>('postgres');
