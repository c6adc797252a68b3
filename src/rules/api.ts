/**
 * The rule contract, the same for every dialect. A rule is data (`meta`) plus pure
 * functions of (statement, context) returning issues. Rules never print and never
 * re-derive shared state: the engine keeps the replayed catalog and transaction state
 * in the context.
 *
 * This module knows no dialect: the context is generic over the dialect's statement,
 * catalog, table and column types. Each dialect provides its typed `defineRule` (built
 * with `ruleDefiner` below), e.g. `src/dialects/postgres/rule.ts`, and its rules live in
 * `rules/<dialect>/<id>.ts` and import only from there.
 *
 * Rules and dialects:
 * - A rule belongs to one dialect: the folder it lives in, stamped on `meta.dialect` by
 *   the dialect's `defineRule` (a test checks that both agree).
 * - A rule that means the same thing in two dialects keeps the same id in both
 *   (`rules/postgres/ban-drop-column.ts` and `rules/mysql/ban-drop-column.ts`), so that
 *   one config line and one doc page (`docs/rules/<id>.md`) cover both.
 * - A rule never calls or imports another rule: each reports its own hazard, so turning
 *   one off never silences another. Logic two rules share lives in a helper module of the
 *   dialect (`src/dialects/<id>/…`). A test checks that no rule file imports another.
 */
import type { Migration, OnlineDdl, Severity, Statement } from '../model.js';

/** A JSON schema (draft 2020-12 subset that ajv understands) for a rule's options. */
export type OptionsSchema = Record<string, unknown>;

export interface RuleMeta {
  /**
   * kebab-case, stable; squawk's name where the meaning is the same. The same id in two
   * dialects means the same hazard (see the header of this module).
   */
  id: string;
  /** default severity */
  severity: Severity;
  /** one-line summary for listings and SARIF `shortDescription` */
  summary: string;
  /** statement kinds the rule looks at (the dialect's statement kinds, e.g. AST node names); omit for all */
  kinds?: string[];
  /** the dialect the rule belongs to (its folder under `rules/`); set by the dialect's `defineRule` */
  dialect?: string;
  /**
   * JSON schema of the options the rule reads from `ctx.options` (config
   * `rules.<id>.options`). Absent: the rule takes no options, and config that gives it
   * some is an error (`validateRuleOptions` in src/rules/options.ts).
   */
  options?: OptionsSchema;
  /**
   * Off unless the config names it with a severity (`rules.<id>: warning`), like squawk's
   * opt-in rules: for checks most projects do not want by default (e.g. `ban-drop-trigger`).
   */
  optIn?: boolean;
}

/** What a rule returns; the engine turns it into a `Finding`. */
export interface Issue<S = Statement> {
  /** what is wrong and why it hurts in production */
  message: string;
  /** what to do instead, one line */
  help: string;
  /** the lock mode the statement takes, in the dialect's own name, when known (e.g. PostgreSQL's `AccessExclusiveLock`) */
  lock?: string;
  /** `schema.table` affected */
  table?: string;
  /** overrides the rule's default severity */
  severity?: Severity;
  /** facts for the planner */
  data?: Record<string, unknown>;
  /** MySQL/MariaDB: the ALGORITHM and LOCK the statement runs with (the engine copies it onto the finding) */
  online?: OnlineDdl;
  /** a different statement to point at (file-level rules); defaults to the current one */
  statement?: S;
}

export interface TxState {
  /** the statement runs inside a transaction (the tool wraps the file, or an explicit BEGIN is open) */
  inTransaction: boolean;
  /** an explicit BEGIN/START TRANSACTION written in the file is open */
  explicit: boolean;
  /** explicit BEGIN nesting depth seen in the file (PostgreSQL itself does not nest) */
  depth: number;
  /** a lock wait limit (PostgreSQL `lock_timeout`) set to a non-zero value earlier in this file (session or still-open local) */
  lockTimeout: boolean;
  /** a statement time limit (PostgreSQL `statement_timeout`) set to a non-zero value earlier in this file */
  statementTimeout: boolean;
}

/**
 * What a rule sees for one statement. `S`, `Cat`, `Tab`, `Col` are the dialect's
 * statement, catalog, table and column types; `Rel` is how its rules name a relation
 * (an AST node or `schema.table` text). A dialect extends it with its own facts (the
 * PostgreSQL context adds `pgVersion`).
 */
export interface RuleContext<S = Statement, Cat = unknown, Tab = unknown, Col = unknown, Rel = unknown> {
  migration: Migration;
  /** all statements of the file, for rules that look around */
  statements: readonly S[];
  /** the catalog as it was just before this statement */
  catalog: Cat;
  tx: TxState;
  /** per-rule options from the config (validated against `meta.options`) */
  options: Record<string, unknown>;
  /** the table, when the catalog knows it */
  table(rel: Rel): Tab | undefined;
  /** true when the table was created by this migration file (so it is still empty) */
  isNewTable(rel: Rel): boolean;
  /** true when the column was added to an existing table by this migration file */
  isNewColumn(rel: Rel, column: string): boolean;
  /**
   * true when the table was created by this release, so the application version running now never
   * used it: by this file, or by an earlier file under review when the run also replays history
   * (changed-only mode, a file or glob; linting a whole directory makes each file its own release)
   */
  isReleaseTable(rel: Rel): boolean;
  /** true when the column's table or the column itself comes from a file under review (see `isReleaseTable`) */
  isReleaseColumn(rel: Rel, column: string): boolean;
  column(rel: Rel, column: string): Col | undefined;
  /**
   * true when rule `id` runs in this lint (not turned off, and part of the rule set). Lets a rule
   * report a hazard that another rule owns only when that rule is off, so it is reported once.
   */
  ruleEnabled(id: string): boolean;
}

/** What a rule sees for a whole file, after its last statement. */
export interface FileContext<S = Statement, Cat = unknown> {
  migration: Migration;
  statements: readonly S[];
  /** transaction state after the last statement */
  tx: TxState;
  catalog: Cat;
  options: Record<string, unknown>;
}

/** The statement type of a context (`Statement` when the context is `any`, as the core holds rules). */
type StatementOf<C> = 0 extends 1 & C ? Statement : C extends { statements: readonly (infer S)[] } ? S : Statement;

type Result<S> = Issue<S>[] | Issue<S> | undefined | void;

/**
 * A rule of some dialect. The core holds rules as `Rule` (contexts it does not look
 * into); a dialect's rules are `Rule<ItsRuleContext, ItsFileContext>`.
 */
export interface Rule<Ctx = any, FCtx = any> {
  meta: RuleMeta;
  /** checks one statement, before the statement is applied to the catalog */
  check?(stmt: StatementOf<Ctx>, ctx: Ctx): Result<StatementOf<Ctx>>;
  /** checks the file as a whole, after its last statement */
  checkFile?(ctx: FCtx): Result<StatementOf<FCtx>>;
}

/**
 * Makes a dialect's `defineRule`: typed with the dialect's contexts, and stamping
 * `meta.dialect` so that a rule always knows its dialect.
 */
export function ruleDefiner<Ctx, FCtx>(dialect: string): (rule: Rule<Ctx, FCtx>) => Rule<Ctx, FCtx> {
  return (rule) => ({ ...rule, meta: { ...rule.meta, dialect } });
}

/**
 * A rule that belongs to no dialect (test probes, toy dialects in tests). Real rules use
 * their dialect's `defineRule` (e.g. `src/dialects/postgres/rule.ts`).
 */
export function defineRule<Ctx = RuleContext<Statement>, FCtx = FileContext<Statement>>(
  rule: Rule<Ctx, FCtx>,
): Rule<Ctx, FCtx> {
  return rule;
}
