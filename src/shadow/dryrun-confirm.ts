/**
 * `lint --dry-run`: the static findings checked against what the shadow saw (`confirmFindings`),
 * and findings for a dry run that stopped on the time bound (`stopFindings`).
 */
import type { DialectShadow } from '../dialect.js';
import { dialectOf, shadowOf } from '../dialects/index.js';
import type { Finding, LintResult } from '../model.js';
import type { DryRun } from './dryrun-types.js';
import type { TracedStatement } from './trace.js';

/** A finding's `schema.table` against a traced relation name (default schema dropped). */
function sameTable(dialect: DialectShadow, finding: string | undefined, traced: string): boolean {
  if (!finding) return true;
  return dialect.probes.relationName(finding) === traced;
}

/** The traced record of a file's statement (`path`, `index`), a run of INSERTs traced together included. */
export function tracedLookup(dry: DryRun): (path: string, index: number) => TracedStatement | undefined {
  const byKey = new Map<string, TracedStatement>();
  const runs: TracedStatement[] = []; // runs of INSERTs traced together: one record for many statements
  for (const s of dry.statements) {
    byKey.set(`${s.path}\0${s.index}`, s);
    if (s.count) runs.push(s);
  }
  return (path, index) =>
    byKey.get(`${path}\0${index}`) ?? runs.find((r) => r.path === path && r.index <= index && index <= r.lastIndex!);
}

/**
 * `lint --dry-run`: marks each static finding that predicts a lock or a rewrite
 * as confirmed when the shadow saw it on that statement (read from pg_locks or
 * relfilenode, not from the documentation), and as not confirmed when the
 * statement ran and the shadow did not. Findings of statements that did not
 * run (an earlier error) stay unmarked. A MySQL/MariaDB finding that predicts the statement's
 * ALGORITHM/LOCK (`online`) is confirmed when the shadow measured the same; a predicted lock on a
 * server that hides its locks stays unmarked. Returns how many were confirmed.
 */
export function confirmFindings(
  result: LintResult,
  dry: DryRun,
  shadowDialect?: DialectShadow,
): { confirmed: number; unconfirmed: number } {
  const dialect = shadowDialect ?? shadowOf(dialectOf(result.files.map((f) => f.migration)));
  const traced = tracedLookup(dry);
  let confirmed = 0;
  let unconfirmed = 0;
  // the server shows no locks (MariaDB without metadata_lock_info): a predicted lock can be neither seen nor denied
  const locksHidden = dry.limits.some((l) => l.id === 'metadata-locks-invisible');
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.statementIndex < 0) continue;
      const s = traced(f.path, f.statementIndex);
      if (!s || s.skipped || s.error) continue;
      // MySQL/MariaDB: the predicted ALGORITHM/LOCK against the one the shadow measured for the statement
      const predicted = (f as { online?: { algorithm: string; lock: string } }).online;
      if (predicted && s.online) {
        f.confirmed = predicted.algorithm === s.online.algorithm && predicted.lock === s.online.lock;
        if (f.confirmed) confirmed++;
        else unconfirmed++;
        continue;
      }
      const predictsRewrite = f.data?.rewrite === true;
      if (locksHidden && !predictsRewrite) continue;
      if (!f.lock && !predictsRewrite) continue;
      let seen = false;
      if (predictsRewrite) seen = s.rewrites.some((r) => sameTable(dialect, f.table, r));
      if (!seen && f.lock) {
        // seen on the shadow for this statement: not a documented mode, nor one its transaction already held
        seen = s.locks.some(
          (l) =>
            (l.source === 'pg_locks' || l.source === 'sampled') &&
            l.mode === f.lock &&
            sameTable(dialect, f.table, l.relation),
        );
      }
      f.confirmed = seen;
      if (seen) confirmed++;
      else unconfirmed++;
    }
  }
  return { confirmed, unconfirmed };
}

/**
 * Findings for a dry run that stopped on the time bound: the statement that overran (at its
 * file:line), or, when the run stopped before the files under review (history, seed), the first
 * statement of each of them, since none of them ran. `dry-run-error`, severity error: a migration
 * that runs for ever on a seeded copy holds its locks for ever in production. Returns how many.
 */
export function stopFindings(result: LintResult, dry: DryRun): number {
  let added = 0;
  const add = (s: TracedStatement, message: string, help: string) => {
    const file = result.files.find((f) => f.migration.path === s.path);
    if (!file) return;
    const f: Finding = {
      rule: 'dry-run-error',
      severity: 'error',
      message,
      help,
      path: s.path,
      line: s.error?.line ?? s.line,
      column: s.error?.column ?? s.column,
      endLine: Math.max(s.error?.line ?? s.line, s.endLine),
      endColumn: 1,
      statementIndex: s.index,
      data: { code: '57014', engine: dry.engine, timedOut: true },
    };
    file.findings.push(f);
    file.findings.sort((a, b) => a.line - b.line || a.column - b.column);
    result.summary.errors++;
    added++;
  };
  const help =
    'Find what loops or waits (a LOOP without an exit, pg_sleep, a lock never released, a huge backfill in one statement); if it is legitimately slow on the seeded shadow, raise --shadow-timeout.';
  for (const s of dry.statements) {
    if (s.timedOut && s.error)
      add(
        s,
        `This statement ${s.error.message.replace(/; raise --shadow-timeout.*$/, '')} (${dry.engine}): in production it would hold its locks at least that long.`,
        help,
      );
  }
  if (dry.stopped && dry.stopped.phase !== 'run') {
    const firsts = new Map<string, TracedStatement>();
    for (const s of dry.statements) if (s.index >= 0 && !firsts.has(s.path)) firsts.set(s.path, s);
    for (const s of firsts.values())
      add(
        s,
        `Not run on the shadow database: the dry run stopped before this file. ${dry.stopped.message.replace(/; raise --shadow-timeout.*$/, '')}.`,
        help,
      );
  }
  return added;
}
