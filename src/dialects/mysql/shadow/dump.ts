/**
 * `--schema dump.sql`: builds the shadow's schema from `mysqldump --no-data` output instead of
 * replaying history, the way the mysql client loads it with `--force`: statement by statement,
 * going on after errors.
 */
import type { DialectShadow } from '../../../dialect.js';
import type { Shadow } from '../../../shadow/driver.js';
import { runTraced, toParsed, type DumpResult, type StatementError } from '../../../shadow/trace.js';

/** Loads a plain-SQL schema dump; the parse is the dialect's (`shadow.probes.parse`). */
export const loadSchemaDump: DialectShadow['loadSchemaDump'] = async (
  shadow: Shadow,
  sql: string,
  path = '<schema dump>',
): Promise<DumpResult> => {
  const errors: StatementError[] = [];
  const refused: DumpResult['refused'] = [];
  await shadow.probes.load();
  const parsed = toParsed({ path, sql, transaction: 'none' }, (m) => shadow.probes.parse({ ...m, dialect: 'mysql' }));
  const r = await runTraced(shadow, parsed, {
    trace: false,
    continueOnError: true,
    onStatement: (s) => {
      if (s.error) errors.push(s.error);
      if (s.refused) refused.push({ line: s.line, statement: s.sql.split('\n')[0]!.slice(0, 120), why: s.refused });
    },
  });
  const statements = parsed.statements.length;
  if (r.error && !errors.includes(r.error)) errors.unshift(r.error);
  return r.stopped ? { statements, errors, refused, stopped: true } : { statements, errors, refused };
};
