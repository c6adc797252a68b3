/**
 * `--schema dump.sql`: build the shadow's schema from `pg_dump --schema-only`
 * output instead of replaying history. Runs like `psql -f` does by default:
 * statement by statement, going on after errors (a dump often names roles or
 * extensions the shadow does not have).
 */
import type { Shadow } from '../../../shadow/driver.js';
import { loadParser, parseMigration } from '../parse.js';
import { runTraced, toParsed, type DumpResult, type StatementError } from '../../../shadow/trace.js';

export type { DumpResult };

/** Loads a plain-SQL schema dump. psql meta-commands (`\restrict`, `\connect`, …) are skipped. */
export async function loadSchemaDump(shadow: Shadow, sql: string, path = '<schema dump>'): Promise<DumpResult> {
  // keep line numbers: blank out meta-command lines instead of removing them
  const cleaned = sql.replace(/^\\.*$/gm, '');
  const errors: StatementError[] = [];
  const refused: DumpResult['refused'] = [];
  await loadParser();
  const parsed = toParsed({ path, sql: cleaned, transaction: 'none' }, (m) => parseMigration(m));
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
  if (r.stopped) return { statements, errors, refused, stopped: true };
  // pg_dump empties search_path for its own session; migrations expect the default
  await shadow.exec('RESET ALL');
  return { statements, errors, refused };
}
