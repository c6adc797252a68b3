/**
 * Whether running a migration twice from the same start surely leaves the same data: then the proof's second run
 * of the original, which only finds the columns whose values differ between runs (`random()`, `now()`), is not
 * needed (one shadow engine fewer). Only a narrow, certain case answers yes: schema statements that call no
 * function, read no clock or sequence and run no query, in a history with no event trigger (code that runs on DDL).
 * A wrong "no" costs an engine; a wrong "yes" would make a proof fail on a difference that is only chance, never
 * pass one, since the data is then compared column by column with nothing left out.
 */
import type { PgStatement } from '../statement.js';

/** Statements that change the schema, or only the session, and never run a query over rows of their own. */
const SCHEMA_ONLY = new Set([
  'AlterTableStmt',
  'CreateStmt',
  'RenameStmt',
  'CommentStmt',
  'DropStmt',
  'VariableSetStmt',
  'TransactionStmt',
  'AlterEnumStmt',
  'CreateEnumStmt',
  'CreateSeqStmt',
  'AlterSeqStmt',
]);

/** Expression nodes whose value can change from one run to the next, or that run a query. */
const UNSTABLE = new Set(['FuncCall', 'SQLValueFunction', 'NextValueExpr', 'SubLink']);

function callsAnything(ast: unknown): boolean {
  const stack: unknown[] = [ast];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (UNSTABLE.has(key)) return true;
      if (value && typeof value === 'object') stack.push(value);
    }
  }
  return false;
}

export function reproducible(statements: PgStatement[], historySources: readonly string[]): boolean {
  if (!statements.length) return false;
  if (historySources.some((s) => /\bevent\s+trigger\b/i.test(s))) return false;
  // an index holds no row of its own: whatever its expression calls, the table's data is the same
  return statements.every((s) => s.kind === 'IndexStmt' || (SCHEMA_ONLY.has(s.kind) && !callsAnything(s.ast)));
}
