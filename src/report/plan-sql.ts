/** `plan --format sql`: every plan as one psql script; transactional phases wrapped in BEGIN/COMMIT. */
import type { StagedPlan } from '../plan/types.js';
import { phaseTitle, verificationLine } from './plan-summary.js';

export function formatPlanSql(plans: StagedPlan[]): string {
  const out: string[] = [];
  for (const plan of plans) {
    out.push(`-- zerodown plan for ${plan.path}: ${plan.phases.length} phases`);
    out.push(`-- ${verificationLine(plan)}`);
    out.push('-- Run the phases in order, each on its own (psql sends each statement separately).');
    plan.phases.forEach((p, i) => {
      out.push('', `-- ${phaseTitle(p, i)}: ${p.reason}`);
      if (p.deploy) out.push(`-- DEPLOY FIRST: ${p.deploy}`);
      if (p.todo) out.push('-- TODO: this phase stops with an exception until you edit it (see the RAISE line)');
      if (p.transactional) out.push('BEGIN;', p.sql, 'COMMIT;');
      else out.push(p.sql);
    });
    out.push('');
  }
  return out.join('\n');
}
