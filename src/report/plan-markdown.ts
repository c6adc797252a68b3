/**
 * `plan --format markdown`, and the staged-plan section of the PR comment: one
 * collapsible `<details>` per plan whose summary carries the verdict; inside,
 * each phase with its reason and its SQL in a copyable fence (longer than any
 * backtick run in the SQL). Everything from the repository goes through the
 * escaping helpers of markdown.ts.
 */
import type { PlanResult } from '../plan/planner.js';
import type { StagedPlan } from '../plan/types.js';
import type { ReportSection } from './comment-types.js';
import { codeFence, escapeHtml, escapeText, inlineCode } from './markdown-safe.js';
import type { Unhandled } from '../plan/types.js';
import {
  originalLine,
  phaseTitle,
  proofFacts,
  proofState,
  unhandledCount,
  unhandledLine,
  verificationLine,
  volatileColumns,
} from './plan-summary.js';

function summary(plan: StagedPlan): string {
  const open = plan.unhandled?.length ?? 0;
  const head = verdict(plan);
  return open ? `${head}; ❌ ${open} finding${open === 1 ? '' : 's'} NOT handled` : head;
}

function verdict(plan: StagedPlan): string {
  const v = plan.verified;
  const n = `${plan.phases.length} phases`;
  const where = escapeHtml(plan.path);
  switch (proofState(plan)) {
    case 'proven':
      if (v!.emptyTables)
        return `✅ Staged plan for <code>${where}</code>: ${n}, verified on ${escapeHtml(v!.engine)} on empty tables only (same schema)`;
      return `✅ Safe staged plan for <code>${where}</code>: ${n}, verified on ${escapeHtml(v!.engine)}: ${escapeHtml(proofFacts(v!, { short: true }))}`;
    case 'needs-edit':
      return `✏️ Staged plan for <code>${where}</code>: ${n}, needs one edit before it runs (phase ${v!.planError!.phase} stops on its TODO)`;
    case 'unverified':
      return `⚠️ Staged plan for <code>${where}</code>: ${n}, NOT verified`;
    case 'error':
      return `⚠️ Staged plan for <code>${where}</code>: ${n}, NOT verified (the proof could not run)`;
    default:
      return `❌ Staged plan for <code>${where}</code>: ${n}, proof FAILED: do not merge it as is`;
  }
}

/** The Markdown of one plan (a `<details>` block). */
export function planMarkdown(plan: StagedPlan, opts: { open?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`<details${opts.open ? ' open' : ''}><summary>${summary(plan)}</summary>`, '');
  const v = plan.verified;
  const state = proofState(plan);
  if (state === 'failed' || state === 'error') {
    out.push('**What the proof found:**', '');
    for (const d of (v?.error ? [v.error] : (v?.differences ?? [])).slice(0, 10)) out.push(`- ${escapeText(d)}`);
    out.push('');
  }
  if (state === 'proven' && v) {
    if (v.emptyTables) out.push(`⚠️ ${escapeText(verificationLine(plan))}.`, '');
    else {
      const data = v.dataEqual
        ? 'the same data'
        : 'data that cannot be compared (the original fails on tables with rows)';
      out.push(
        escapeText(
          `Proven on ${v.engine} with ${v.seedRows} rows per table: the original and the plan end with the same schema and ${data}, and no phase holds a lock that blocks writes across a rewrite or a full scan.`,
        ),
        '',
      );
    }
    const skipped = volatileColumns(v);
    if (skipped.length && v.dataEqual)
      out.push(
        `Left out of the data comparison: ${skipped.map((c) => inlineCode(c)).join(', ')} (not the same on two runs of the original either).`,
        '',
      );
  }
  if (plan.unhandled?.length) out.push(unhandledMarkdown(plan.unhandled), '');
  const orig = originalLine(v);
  if (orig) out.push(`<sub>${escapeText(orig)}</sub>`, '');
  for (const e of v?.expected ?? []) out.push(`- on purpose: ${escapeText(e)}`);
  for (const e of v?.caveats ?? []) out.push(`- ⚠️ caveat: ${escapeText(e)}`);
  // a blank line ends the list, so that a table after it is not read as part of its last item
  if (v?.expected?.length || v?.caveats?.length) out.push('');
  const rewrites = [...plan.rewrites].sort((a, b) => a.line - b.line);
  if (rewrites.length) {
    out.push('| line | rule | the plan instead |', '|---|---|---|');
    for (const r of rewrites)
      out.push(`| ${r.line} | ${inlineCode(r.rule, { table: true })} | ${escapeText(r.summary)} |`);
    out.push('');
  }
  for (const n of plan.notes) {
    const tag = n.level === 'todo' ? '✏️ **TODO**' : n.level === 'warning' ? '⚠️' : 'ℹ️';
    out.push(`${tag}${n.line ? ` line ${n.line}:` : ''} ${escapeText(n.message)}`, '');
  }
  plan.phases.forEach((p, i) => {
    out.push(`**${escapeText(phaseTitle(p, i))}**: ${escapeText(p.reason)}`);
    if (p.deploy) out.push('', `> 🚀 **Deploy first:** ${escapeText(p.deploy)}`);
    out.push('', codeFence(p.sql), '');
    for (const q of p.preflight ?? [])
      out.push(
        `🔎 **Pre-flight** (read-only, run on production first): ${escapeText(q.purpose)}`,
        '',
        codeFence(q.sql),
        '',
      );
    for (const c of p.commands ?? []) {
      const unmet = c.preconditions.filter((x) => x.met === false).length;
      out.push(
        unmet
          ? `🛠️ **${escapeText(c.tool)}**: ❌ cannot run on this table as it stands (${unmet} unmet)`
          : `🛠️ **${escapeText(c.tool)}** instead of the ALTER, without blocking writes:`,
        '',
      );
      for (const x of c.preconditions)
        out.push(`- ${x.met === false ? '❌' : x.met === null ? '❔ check:' : '✅'} ${escapeText(x.text)}`);
      out.push(
        '',
        'Rehearse first (changes nothing):',
        '',
        codeFence(c.dryRun, 'sh'),
        '',
        'Then run:',
        '',
        codeFence(c.command, 'sh'),
        '',
      );
    }
  });
  out.push('</details>');
  return out.join('\n');
}

/** The findings no plan answers, as a list a reviewer cannot miss. */
export function unhandledMarkdown(list: readonly Unhandled[]): string {
  return [
    `**❌ ${escapeText(unhandledCount(list) ?? '')}:**`,
    '',
    ...list.map((u) => `- ${escapeText(unhandledLine(u))}`),
  ].join('\n');
}

/** For the PR comment: findings in files that got no plan at all (nothing to rewrite, yet still unsafe). */
export function unhandledSection(result: PlanResult): ReportSection | undefined {
  const withPlan = new Set(result.plans.map((p) => p.path));
  const list = (result.unhandled ?? []).filter((u) => !withPlan.has(u.path));
  if (!list.length) return undefined;
  const markdown = unhandledMarkdown(list);
  return { id: 'plan:unhandled', markdown, short: `**❌ ${escapeText(unhandledCount(list) ?? '')}.**` };
}

/** The whole `--format markdown` document. */
export function formatPlanMarkdown(result: PlanResult): string {
  const out: string[] = ['### zerodown plan', ''];
  const withPlan = new Set(result.plans.map((p) => p.path));
  const orphans = (result.unhandled ?? []).filter((u) => !withPlan.has(u.path));
  if (orphans.length) out.push(unhandledMarkdown(orphans), '');
  else if (!result.plans.length && !result.failed.length)
    out.push('Every migration is already safe: nothing to rewrite.', '');
  for (const plan of result.plans) out.push(planMarkdown(plan, { open: result.plans.length === 1 }), '');
  if (result.unchanged.length)
    out.push(`<sub>No plan needed: ${result.unchanged.map((p) => inlineCode(p)).join(', ')}</sub>`, '');
  for (const f of result.failed) out.push(`- ❌ ${inlineCode(f.path)}: ${escapeText(f.message)}`);
  return `${out.join('\n').trimEnd()}\n`;
}

/** The staged-plan section for the PR comment composer (src/report/markdown.ts). */
export function planSection(plan: StagedPlan): ReportSection {
  const short = `<details><summary>${summary(plan)}</summary>\n\nThe SQL did not fit in this comment: run ${inlineCode(`zerodown plan ${plan.path}`)} locally.\n\n</details>`;
  return { id: `plan:${plan.path}`, markdown: planMarkdown(plan), short };
}
