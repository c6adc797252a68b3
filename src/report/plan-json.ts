/**
 * `plan --format json`: the stable plan contract, version 1.
 *
 *   {"version":1,
 *    "plans":[{"path":"…",
 *              "phases":[{"name":"expand","transactional":true,"reason":"…","sql":"…"}],
 *              "verified":{"engine":"…","schemaEqual":true,"dataEqual":true, …} | null}],
 *    "unchanged":["…"], "failed":[{"path":"…","message":"…"}],
 *    "unhandled":[{"path":"…","line":1,"rule":"…","severity":"error","message":"…","advice":"…"}],
 *    "summary":{"plans":1,"unchanged":0,"failed":0,"unhandled":1,"unhandledErrors":1,"unhandledWarnings":0}}
 *
 * `unhandled` lists the findings no plan answers (the statement is kept as written);
 * each plan also carries its own file's. `unchanged` never holds a file with one.
 *
 * `verified` is null with --no-verify. `dataEqual` is null when the original's data
 * changes cannot be compared. Optional phase fields: `deploy` (an app deploy that
 * must be live first), `todo` (the phase stops until a person edits it), `commands` (MySQL/MariaDB:
 * `[{tool, dryRun, command, preconditions:[{met, text}]}]`, gh-ost / pt-online-schema-change in
 * place of an ALTER that copies the table), `preflight` (`[{purpose, sql}]`, read-only queries to run
 * on production before the phase).
 * Fields are only ever added, never renamed or removed, within a version.
 */
import type { PlanResult } from '../plan/planner.js';
import { proofState } from './plan-summary.js';

export function formatPlanJson(result: PlanResult): string {
  const doc = {
    version: 1,
    plans: result.plans.map((p) => ({
      path: p.path,
      phases: p.phases.map((ph) => ({
        name: ph.name,
        transactional: ph.transactional,
        reason: ph.reason,
        sql: ph.sql,
        ...(ph.deploy ? { deploy: ph.deploy } : {}),
        ...(ph.todo ? { todo: true } : {}),
        ...(ph.commands ? { commands: ph.commands } : {}),
        ...(ph.preflight ? { preflight: ph.preflight } : {}),
      })),
      verified: p.verified
        ? {
            engine: p.verified.engine,
            schemaEqual: p.verified.schemaEqual,
            dataEqual: p.verified.dataEqual,
            locksSafe: p.verified.locksSafe,
            proven: proofState(p) === 'proven',
            longestAccessExclusiveMs: p.verified.longestAccessExclusiveMs,
            seedRows: p.verified.seedRows,
            ...(p.verified.cache ? { cache: p.verified.cache } : {}),
            ...(p.verified.emptyTables ? { emptyTables: true } : {}),
            ...(p.verified.shadowVersion !== undefined
              ? { shadowVersion: p.verified.shadowVersion, targetVersion: p.verified.targetVersion }
              : {}),
            differences: p.verified.differences,
            nondeterministic: p.verified.nondeterministic,
            expected: p.verified.expected,
            caveats: p.verified.caveats,
            originalError: p.verified.originalError,
            ...(p.verified.planError ? { planError: p.verified.planError } : {}),
            ...(p.verified.error ? { error: p.verified.error } : {}),
          }
        : null,
      rewrites: p.rewrites,
      notes: p.notes,
      unhandled: p.unhandled ?? [],
    })),
    unchanged: result.unchanged,
    failed: result.failed,
    unhandled: result.unhandled ?? [],
    summary: {
      plans: result.plans.length,
      unchanged: result.unchanged.length,
      failed: result.failed.length,
      unhandled: (result.unhandled ?? []).length,
      unhandledErrors: (result.unhandled ?? []).filter((u) => u.severity === 'error').length,
      unhandledWarnings: (result.unhandled ?? []).filter((u) => u.severity === 'warning').length,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
