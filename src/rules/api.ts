/**
 * The rule contract. A rule is data (`meta`) plus pure functions of
 * (statement, context) returning issues. Rules never print and never re-derive
 * shared state: the engine keeps the replayed catalog and transaction state in
 * the context.
 */
import type { Migration, Severity, Statement } from '../model.js';
import type { Catalog, Column, Table } from '../dialects/postgres/catalog.js';

export interface RuleMeta {
  /** kebab-case, stable; squawk's name where the meaning is the same */
  id: string;
  /** default severity */
  severity: Severity;
  /** one-line summary for listings and SARIF `shortDescription` */
  summary: string;
  /** statement kinds the rule looks at (AST node names); omit for all */
  kinds?: string[];
}

/** What a rule returns; the engine turns it into a `Finding`. */
export interface Issue {
  /** what is wrong and why it hurts in production */
  message: string;
  /** what to do instead, one line */
  help: string;
  /** PostgreSQL lock mode name the statement takes, when known (e.g. `AccessExclusiveLock`) */
  lock?: string;
  /** `schema.table` affected */
  table?: string;
  /** overrides the rule's default severity */
  severity?: Severity;
  /** facts for the planner */
  data?: Record<string, unknown>;
  /** a different statement to point at (file-level rules); defaults to the current one */
  statement?: Statement;
}

export interface TxState {
  /** the statement runs inside a transaction (the tool wraps the file, or an explicit BEGIN is open) */
  inTransaction: boolean;
  /** an explicit BEGIN/START TRANSACTION written in the file is open */
  explicit: boolean;
  /** explicit BEGIN nesting depth seen in the file (PostgreSQL itself does not nest) */
  depth: number;
  /** `lock_timeout` set to a non-zero value earlier in this file (session or still-open local) */
  lockTimeout: boolean;
  /** `statement_timeout` set to a non-zero value earlier in this file */
  statementTimeout: boolean;
}

export interface RuleContext {
  migration: Migration;
  /** all statements of the file, for rules that look around */
  statements: readonly Statement[];
  /** the catalog as it was just before this statement */
  catalog: Catalog;
  /** target PostgreSQL major version (`--pg-version`, default 15) */
  pgVersion: number;
  tx: TxState;
  /** per-rule options from the config */
  options: Record<string, unknown>;
  /** the table, when the catalog knows it */
  table(rel: { schemaname?: string; relname?: string } | string | undefined): Table | undefined;
  /** true when the table was created by this migration file (so it is still empty) */
  isNewTable(rel: { schemaname?: string; relname?: string } | string | undefined): boolean;
  /** true when the column was added to an existing table by this migration file */
  isNewColumn(rel: { schemaname?: string; relname?: string } | string | undefined, column: string): boolean;
  column(rel: { schemaname?: string; relname?: string } | string | undefined, column: string): Column | undefined;
}

export interface FileContext {
  migration: Migration;
  statements: readonly Statement[];
  /** transaction state after the last statement */
  tx: TxState;
  catalog: Catalog;
  pgVersion: number;
  options: Record<string, unknown>;
}

export interface Rule {
  meta: RuleMeta;
  /** checks one statement, before the statement is applied to the catalog */
  check?(stmt: Statement, ctx: RuleContext): Issue[] | Issue | undefined | void;
  /** checks the file as a whole, after its last statement */
  checkFile?(ctx: FileContext): Issue[] | Issue | undefined | void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
