/** The SQL around a MySQL/MariaDB plan phase, and the check every phase passes before a plan is shown. */
import type { PlanSettings } from '../../../dialect.js';
import type { Phase } from '../../../plan/types.js';
import { lockWaitSeconds } from './sqltext.js';

/**
 * A transactional phase (DML only: DDL never runs inside one in MySQL): metadata-lock and row-lock
 * waits bounded, the steps, both limits back to the server's defaults. MySQL has no statement time
 * limit for writes (max_execution_time bounds SELECT only), so none is set.
 */
export function transactionalSql(steps: readonly string[], settings: PlanSettings): string {
  const n = lockWaitSeconds(settings.lockTimeout);
  return [
    `SET SESSION lock_wait_timeout = ${n};`,
    `SET SESSION innodb_lock_wait_timeout = ${n};`,
    ...steps,
    'SET SESSION lock_wait_timeout = DEFAULT;',
    'SET SESSION innodb_lock_wait_timeout = DEFAULT;',
  ].join('\n');
}

/**
 * Throws when a phase's SQL does not read as statements (`split` gives each statement of a script,
 * DELIMITER understood, and says which ones no parser could read).
 */
export function checkPhaseWith(
  split: (sql: string) => { text: string; unparsed?: string }[],
): (phase: Pick<Phase, 'sql' | 'transactional'>) => void {
  return (phase) => {
    const stmts = split(phase.sql);
    if (!stmts.length) throw new Error('phase has no statement');
    const bad = stmts.find((s) => s.unparsed);
    if (bad) throw new Error(`${bad.unparsed}: ${bad.text.slice(0, 200)}`);
  };
}
