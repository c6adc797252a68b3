/** The SQL around a PostgreSQL plan phase, and the check every phase passes before a plan is shown. */
import type { PlanSettings } from '../../../dialect.js';
import type { Phase } from '../../../plan/types.js';
import { parsePlPgSQLSync, parseSql } from '../parse.js'; // zerodown's one parser instance, loaded by loadParser() (libpg-query's own loads asynchronously and may not be ready)
import { timeoutPreamble } from './context.js';

/** Throws when a phase's SQL does not parse, or a non-transactional phase holds more than one statement. */
export function checkPhaseSql(phase: Pick<Phase, 'sql' | 'transactional'>): void {
  const stmts = parseSql(phase.sql);
  if (!stmts.length) throw new Error('phase has no statement');
  if (!phase.transactional && stmts.length !== 1)
    throw new Error('a phase that runs outside a transaction must hold exactly one statement');
  for (const s of stmts) {
    const isPlpgsql =
      s.kind === 'DoStmt'
        ? !(s.ast.args ?? []).some(
            (a: any) => a.DefElem?.defname === 'language' && a.DefElem.arg?.String?.sval !== 'plpgsql',
          )
        : s.kind === 'CreateFunctionStmt' &&
          (s.ast.options ?? []).some(
            (o: any) => o.DefElem?.defname === 'language' && o.DefElem.arg?.String?.sval === 'plpgsql',
          );
    if (isPlpgsql) parsePlPgSQLSync(s.text);
  }
}

/** SET lock_timeout / statement_timeout, the steps, then both RESET. */
export function transactionalSql(steps: readonly string[], settings: PlanSettings, scan: boolean): string {
  return [...timeoutPreamble(settings, scan), ...steps, 'RESET statement_timeout;', 'RESET lock_timeout;'].join('\n');
}
