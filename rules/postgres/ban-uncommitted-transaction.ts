import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { defineRule } from '../../src/dialects/postgres/rule.js';
import { chained, txKind } from '../../src/dialects/postgres/transaction.js';
import { SCRIPT_TOOLS } from '../../src/dialects/postgres/locks.js';

/** The BEGIN that opened the transaction still open at the end of the file. */
function openBegin(statements: readonly PgStatement[]): PgStatement | undefined {
  let open: PgStatement | undefined;
  for (const s of statements) {
    const k = txKind(s);
    if (k === 'begin') open ??= s;
    else if ((k === 'commit' || k === 'rollback') && !chained(s)) open = undefined;
    else if (k === 'prepare') open = undefined;
  }
  return open;
}

export default defineRule({
  meta: {
    id: 'ban-uncommitted-transaction',
    severity: 'error',
    summary: 'The file opens a transaction with BEGIN and never commits it.',
  },
  checkFile(ctx) {
    if (!ctx.tx.explicit) return;
    // a tool that wraps the file in its own transaction commits it anyway (transaction-nesting reports
    // that BEGIN); a tool that sends the file as one query string leaves an explicit BEGIN open
    if (ctx.migration.transaction === 'wrapped' && !SCRIPT_TOOLS.has(ctx.migration.framework)) return;
    const begin = openBegin(ctx.statements);
    if (!begin) return;
    return {
      statement: begin,
      message:
        `The transaction opened on line ${begin.span.line} is never committed: when the migration ends, the tool either leaves it open, ` +
        'holding every lock the migration took (all traffic to those tables stops), or disconnects and silently rolls the whole migration back while recording it as applied.',
      help: 'Add COMMIT; at the end of the file (or ROLLBACK; if the file is meant to be a dry run).',
    };
  },
});
