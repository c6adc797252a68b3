/** `plan --format sql`: every plan as one psql script; transactional phases wrapped in BEGIN/COMMIT. */
import { sqlComment } from '../plan/quote.js';
import type { StagedPlan } from '../plan/types.js';
import { phaseTitle, verificationLine } from './plan-summary.js';

export function formatPlanSql(plans: StagedPlan[]): string {
  const out: string[] = [];
  for (const plan of plans) {
    // every comment goes through sqlComment: paths, reasons and proof lines name tables and columns from the PR
    out.push(sqlComment(`zerodown plan for ${plan.path}: ${plan.phases.length} phases`));
    out.push(sqlComment(verificationLine(plan)));
    out.push(sqlComment('Run the phases in order, each on its own (psql sends each statement separately).'));
    plan.phases.forEach((p, i) => {
      out.push('', sqlComment(`${phaseTitle(p, i)}: ${p.reason}`));
      if (p.deploy) out.push(sqlComment(`DEPLOY FIRST: ${p.deploy}`));
      if (p.todo)
        out.push(sqlComment('TODO: this phase stops with an exception until you edit it (see the RAISE line)'));
      if (p.transactional) out.push('BEGIN;', p.sql, 'COMMIT;');
      else out.push(p.sql);
    });
    out.push('');
  }
  return out.join('\n');
}
