/**
 * Statement rewrites: each turns one unsafe statement (judged from its AST and
 * the replayed catalog) into ordered steps. A rewrite returns one or more
 * groups; each group is an ordered list of steps (see schedule.ts), so that
 * independent parts (e.g. two sub-commands of one ALTER TABLE) do not wait for
 * each other.
 *
 * One module per rewrite family; each rewrite declares the rule ids it answers
 * (`answers`; test/plan/answers.test.ts checks each claim against the rule and a
 * real example). Every rewrite
 * checks its rule with `ctx.allowed`, so `-- zerodown-ignore <rule>` also keeps
 * the statement as written.
 */
import type { PgStatement } from '../statement.js';
import { ALTER_COMMAND_REWRITES, alterTable, as } from './alter-table.js';
import { batchedDeleteRewrite, batchedUpdateRewrite } from './batched-dml.js';
import { mustRunAlone, step, tablesOf } from './context.js';
import { createIndexRewrite, dropIndexRewrite } from './indexes.js';
import { REASONS } from './reasons.js';
import { renameColumnRewrite } from './rename-column.js';
import { renameTableRewrite } from './rename-table.js';
import { StmtSource } from './sqltext.js';
import type { Group, RewriteContext, RewriteInfo, StatementRewrite } from './types.js';
import type { Step } from '../../../plan/schedule.js';

/** Rewrites of whole statements; for one statement, the first that returns a plan wins. */
export const STATEMENT_REWRITES: readonly StatementRewrite[] = [
  createIndexRewrite,
  dropIndexRewrite,
  batchedUpdateRewrite,
  batchedDeleteRewrite,
  renameTableRewrite,
  renameColumnRewrite,
];

/** Every rewrite, with the rule ids it declares it answers. */
export const REWRITES: readonly (RewriteInfo & { kind?: string; subtype?: string })[] = [
  ...ALTER_COMMAND_REWRITES,
  ...STATEMENT_REWRITES,
];

/** PgStatement kinds some rewrite may replace. */
export const REWRITTEN_KINDS: ReadonlySet<string> = new Set([
  'AlterTableStmt',
  ...STATEMENT_REWRITES.map((r) => r.kind),
]);

/** Entry point: the groups of steps replacing a statement, or undefined to keep it as written. */
export function rewriteStatement(original: PgStatement, ctx: RewriteContext): Group[] | undefined {
  if (original.ignoreAll) return undefined;
  if (!REWRITTEN_KINDS.has(original.kind)) return undefined;
  // re-parse the statement on its own: AST locations then point into its text
  const src = new StmtSource(original.text);
  if (src.kind !== original.kind) return undefined;
  const stmt: PgStatement = { ...original, ast: src.ast };
  if (stmt.kind === 'AlterTableStmt') return alterTable(stmt, ctx, src);
  for (const r of STATEMENT_REWRITES) {
    if (r.kind !== stmt.kind) continue;
    const out = as(ctx, r, () => r.rewrite(stmt, ctx, src));
    if (out) return out;
  }
  return undefined;
}

/** The statement kept as written. */
export function passThrough(stmt: PgStatement): Step {
  const alone = mustRunAlone(stmt);
  const kind = stmt.kind === 'IndexStmt' && alone ? 'index' : 'expand';
  return { ...step(kind, stmt.text, tablesOf(stmt), REASONS.same), transactional: !alone };
}
