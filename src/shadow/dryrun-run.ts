/** The dry run's last step: the files under review, run traced the way their tool runs them. */
import type { ParsedMigration } from '../model.js';
import type { Shadow } from './driver.js';
import type { DryRunFile, DryRunOptions, DryRunStop } from './dryrun-types.js';
import { notRun, runTraced, type HeldLock, type TracedStatement } from './trace.js';

export interface ReviewRun {
  statements: TracedStatement[];
  heldLocks: HeldLock[];
  files: DryRunFile[];
  /** `stopped` as given, or where this run stopped */
  stopped: DryRunStop | undefined;
}

/**
 * Runs each file under review traced, on the seeded `rows`; once the shadow has stopped (`stopped`
 * given, or a statement here overran), the files left are marked not run.
 */
export async function runReview(
  shadow: Shadow,
  parsedReview: ParsedMigration[],
  rows: Map<string, number>,
  stopped: DryRunStop | undefined,
  onRunProgress: DryRunOptions['onRunProgress'],
  scale = false,
): Promise<ReviewRun> {
  const statements: TracedStatement[] = [];
  const heldLocks: HeldLock[] = [];
  const files: DryRunFile[] = [];
  const total = parsedReview.reduce((n, m) => n + m.statements.length, 0);
  let done = 0;
  for (const m of parsedReview) {
    if (stopped) {
      // the shadow was stopped before this file: it did not run
      statements.push(...notRun(m));
      files.push({ path: m.migration.path, statements: m.statements.length, error: null });
      continue;
    }
    const onRun = onRunProgress;
    const r = await runTraced(shadow, m, {
      rows,
      ...(scale ? { scale } : {}),
      ...(onRun ? { onStatement: (s: TracedStatement) => onRun((done += s.count ?? 1), total, m.migration.path) } : {}),
    });
    if (r.stopped) {
      const e = r.error;
      stopped = {
        phase: 'run',
        message: e ? `${e.path}:${e.line}: ${e.message}` : `${m.migration.path}: the shadow was stopped`,
        ...(e ? { path: e.path, line: e.line } : {}),
      };
    }
    statements.push(...r.statements);
    heldLocks.push(...r.heldLocks);
    files.push({
      path: m.migration.path,
      statements: r.statements.reduce((n, x) => n + (x.index < 0 ? 0 : (x.count ?? 1)), 0),
      error: r.error,
    });
  }
  return { statements, heldLocks, files, stopped };
}
