/** Plain-text building blocks shared by the plan formatters: the verification verdict and phase labels. */
import { isProven } from '../plan/verify.js';
import type { Phase, StagedPlan, Unhandled, Verification } from '../plan/types.js';
import { versionNote } from './dryrun-common.js';

const ms = (n: number) => (n >= 10 ? `${Math.round(n)} ms` : `${Math.round(n * 10) / 10} ms`);

export type ProofState = 'proven' | 'failed' | 'needs-edit' | 'unverified' | 'error';

/** needs-edit: the only failure is a TODO phase that raises on purpose until a person fills it in. */
export function proofState(plan: StagedPlan): ProofState {
  const v = plan.verified;
  if (!v) return 'unverified';
  if (v.error) return 'error';
  if (isProven(v)) return 'proven';
  const todoPhase = v.planError && plan.phases[v.planError.phase - 1]?.todo;
  if (todoPhase) return 'needs-edit';
  return 'failed';
}

/** Columns left out of the data comparison, for display (`subscriptions.plan_code`). */
export function volatileColumns(v: Verification): string[] {
  return v.nondeterministic.filter((c) => !c.endsWith('.*')).map((c) => c.replace(/^public\./, ''));
}

/** "same schema, same data, longest AccessExclusiveLock 2 ms" (the facts, without the verdict word). */
export function proofFacts(v: Verification, opts: { short?: boolean } = {}): string {
  const parts: string[] = [];
  parts.push(v.schemaEqual ? 'same schema' : 'schema differs');
  if (v.dataEqual === true) {
    const skipped = volatileColumns(v);
    if (!skipped.length) parts.push('same data');
    else if (opts.short)
      parts.push(`same data except ${skipped.length} random column${skipped.length === 1 ? '' : 's'}`);
    else parts.push(`same data (except ${skipped.join(', ')}: not the same on two runs of the original either)`);
  } else if (v.dataEqual === false) parts.push('data differs');
  else
    parts.push(
      v.originalError ? 'data not comparable (the original fails on tables with rows)' : 'data not comparable',
    );
  parts.push(
    !v.locksSafe
      ? 'a lock is held across a rewrite or scan'
      : v.locks.length
        ? `longest AccessExclusiveLock ${ms(v.longestAccessExclusiveMs)}`
        : (v.quietClaim ?? 'no AccessExclusiveLock on a table with rows'),
  );
  return parts.join(', ');
}

/** One line: "verified on PGlite 18.6: same schema, same data, longest AccessExclusiveLock 2 ms". */
export function verificationLine(plan: StagedPlan): string {
  const v = plan.verified;
  switch (proofState(plan)) {
    case 'unverified':
      return 'NOT verified (--no-verify): run without it to prove the plan on the shadow database';
    case 'error':
      return `NOT verified: the proof could not run: ${v!.error}`;
    case 'proven':
      if (v!.emptyTables)
        return `verified on ${v!.engine} on empty tables only: same schema; the seeded rows do not fit this migration (the original fails on them too: ${v!.originalError}), so data and locks were not measured`;
      return `verified on ${v!.engine} (${v!.seedRows} rows per table): ${proofFacts(v!)}${versionNote(v!, plan.migration.dialect)}`;
    case 'needs-edit':
      return `needs an edit before it can run: phase ${v!.planError!.phase} stops on its TODO (${v!.engine})`;
    default:
      return `NOT verified on ${v!.engine}: ${v!.differences[0] ?? proofFacts(v!)}`;
  }
}

/** "Phase 2 · backfill (no transaction)" */
/**
 * The phase's pre-flight queries and tool commands as plain lines (text and `--format sql` comments):
 * what to check on production first, then each tool's preconditions, rehearsal and real run.
 */
export function phaseExtras(p: Phase): string[] {
  const out: string[] = [];
  for (const q of p.preflight ?? [])
    out.push(`pre-flight (read-only, run on production first): ${q.purpose}`, `  ${q.sql}`);
  for (const c of p.commands ?? []) {
    const unmet = c.preconditions.filter((x) => x.met === false);
    out.push(
      unmet.length
        ? `${c.tool}: CANNOT run on this table as it stands (${unmet.length} precondition${unmet.length === 1 ? '' : 's'} unmet)`
        : `${c.tool}: instead of the ALTER, without blocking writes`,
    );
    for (const x of c.preconditions)
      out.push(`  ${x.met === false ? 'UNMET' : x.met === null ? 'check' : 'ok'}: ${x.text}`);
    out.push(`  rehearse first (changes nothing): ${c.dryRun}`, `  then run: ${c.command}`);
  }
  return out;
}

export function phaseTitle(p: Phase, i: number): string {
  return `Phase ${i + 1} · ${p.name} (${p.transactional ? 'transactional' : 'no transaction'})`;
}

/** What the original did wrong on the shadow, for contrast ("rewrote subscriptions under AccessExclusiveLock"). */
export function originalLine(v: Verification | undefined): string | undefined {
  if (!v || v.error) return undefined;
  if (v.originalError) return `the original fails on the shadow with rows: ${v.originalError}`;
  if (!v.originalViolations.length) return undefined;
  return `the original held AccessExclusiveLock for ${ms(v.originalLongestAccessExclusiveMs)} on ${v.seedRows} rows: ${v.originalViolations[0]}${v.originalViolations.length > 1 ? ` (+${v.originalViolations.length - 1} more)` : ''}`;
}

/** "not handled: changing-column-type (error) at db/0002.sql:1 — do this by hand: … (why it hurts)" */
export function unhandledLine(u: Unhandled): string {
  return `not handled: ${u.rule} (${u.severity}) at ${u.path}:${u.line} — do this by hand: ${u.advice} (${u.message})`;
}

/** "2 findings not handled (1 error, 1 warning)", or undefined when there is none. */
export function unhandledCount(list: readonly Unhandled[]): string | undefined {
  if (!list.length) return undefined;
  const errors = list.filter((u) => u.severity === 'error').length;
  const warnings = list.length - errors;
  const parts = [
    ...(errors ? [`${errors} error${errors === 1 ? '' : 's'}`] : []),
    ...(warnings ? [`${warnings} warning${warnings === 1 ? '' : 's'}`] : []),
  ];
  return `${list.length} finding${list.length === 1 ? '' : 's'} not handled by any plan (${parts.join(', ')}): the migration is still unsafe there`;
}
