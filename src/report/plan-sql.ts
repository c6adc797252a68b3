/** `plan --format sql`: every plan as one psql script; transactional phases wrapped in BEGIN/COMMIT. */
import type { Dialect } from '../dialect.js';
import { dialectFor } from '../dialects/index.js';
import type { StagedPlan, Unhandled } from '../plan/types.js';
import { phaseExtras, phaseTitle, unhandledCount, unhandledLine, verificationLine } from './plan-summary.js';

/**
 * `unhandled`: findings no plan answers. They head the script as comments, so a script piped to a
 * file never reads as the whole answer when part of the migration is still unsafe.
 */
export function formatPlanSql(plans: StagedPlan[], unhandled: readonly Unhandled[] = [], dialect?: Dialect): string {
  // comments in the dialect's own syntax, escaped by it: paths, reasons and names come from the PR
  const sqlComment = (dialect ?? dialectFor(plans[0]?.migration.dialect)).quote.comment;
  const out: string[] = [];
  const count = unhandledCount(unhandled);
  if (count) {
    out.push(sqlComment(`zerodown plan: ${count}.`));
    for (const u of unhandled) out.push(sqlComment(unhandledLine(u)));
    out.push('');
  }
  for (const plan of plans) {
    // every comment goes through sqlComment: paths, reasons and proof lines name tables and columns from the PR
    out.push(sqlComment(`zerodown plan for ${plan.path}: ${plan.phases.length} phases`));
    out.push(sqlComment(verificationLine(plan)));
    out.push(
      sqlComment(
        'Run the phases in order, each on its own (psql and the mysql client send each statement separately).',
      ),
    );
    plan.phases.forEach((p, i) => {
      out.push('', sqlComment(`${phaseTitle(p, i)}: ${p.reason}`));
      if (p.deploy) out.push(sqlComment(`DEPLOY FIRST: ${p.deploy}`));
      if (p.todo)
        out.push(sqlComment('TODO: this phase stops with an exception until you edit it (see the RAISE line)'));
      // pre-flight queries and tool commands stay comments: a script never runs them by itself
      for (const line of phaseExtras(p)) out.push(sqlComment(line));
      if (p.transactional) out.push('BEGIN;', p.sql, 'COMMIT;');
      else out.push(p.sql);
    });
    out.push('');
  }
  return out.join('\n');
}
