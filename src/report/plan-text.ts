/** `plan --format text`: each plan with its verdict, what it rewrote, notes, and the phases with their SQL. */
import pc from 'picocolors';
import type { PlanResult } from '../plan/planner.js';
import {
  originalLine,
  phaseExtras,
  phaseTitle,
  proofState,
  unhandledCount,
  unhandledLine,
  verificationLine,
} from './plan-summary.js';
import { visible as v } from './visible.js';

export function formatPlanText(result: PlanResult, opts: { color: boolean }): string {
  const c = opts.color ? pc : pc.createColors(false);
  const out: string[] = [];
  for (const plan of result.plans) {
    const state = proofState(plan);
    const mark =
      state === 'proven' ? c.green('✓') : state === 'needs-edit' || state === 'unverified' ? c.yellow('!') : c.red('✗');
    out.push(`${c.bold(v(plan.path))}: ${plan.phases.length} phases`);
    out.push(`  ${mark} ${v(verificationLine(plan))}`);
    const orig = originalLine(plan.verified);
    if (orig) out.push(`    ${c.dim(v(orig))}`);
    if (state === 'failed')
      for (const d of plan.verified!.differences.slice(1, 8)) out.push(`    ${c.red('-')} ${v(d)}`);
    for (const e of plan.verified?.expected ?? []) out.push(`    ${c.dim(`on purpose: ${v(e)}`)}`);
    for (const e of plan.verified?.caveats ?? []) out.push(`    ${c.yellow('caveat:')} ${v(e)}`);
    for (const u of plan.unhandled ?? []) out.push(`  ${c.red('✗')} ${v(unhandledLine(u))}`);
    out.push('  rewrites:');
    for (const r of [...plan.rewrites].sort((a, b) => a.line - b.line))
      out.push(`    line ${r.line}  ${c.cyan(r.rule)}: ${v(r.summary)}`);
    if (plan.notes.length) {
      out.push('  notes:');
      for (const n of plan.notes) {
        const tag = n.level === 'todo' ? c.yellow('TODO') : n.level === 'warning' ? c.yellow('warning') : c.dim('note');
        out.push(`    ${tag}${n.line ? ` (line ${n.line})` : ''}: ${v(n.message)}`);
      }
    }
    plan.phases.forEach((p, i) => {
      out.push('');
      out.push(`  ${c.bold(v(phaseTitle(p, i)))}: ${v(p.reason)}`);
      if (p.deploy) out.push(`  ${c.yellow('deploy first:')} ${v(p.deploy)}`);
      for (const line of p.sql.split(/\r?\n/)) out.push(`    ${v(line)}`);
      for (const line of phaseExtras(p)) out.push(`  ${c.cyan('|')} ${v(line)}`);
    });
    out.push('');
  }
  const withPlan = new Set(result.plans.map((p) => p.path));
  for (const u of result.unhandled ?? []) if (!withPlan.has(u.path)) out.push(`${c.red('✗')} ${v(unhandledLine(u))}`);
  if (result.unchanged.length)
    out.push(c.dim(v(`no plan needed (nothing to rewrite): ${result.unchanged.join(', ')}`)));
  for (const f of result.failed) out.push(`${c.red('✗')} ${v(f.path)}: ${v(f.message)}`);
  const count = unhandledCount(result.unhandled ?? []);
  if (count) out.push(c.red(`zerodown plan: ${count}.`));
  else if (!result.plans.length && !result.failed.length)
    out.push('zerodown plan: every migration is already safe, nothing to rewrite.');
  return `${out.join('\n')}\n`;
}
