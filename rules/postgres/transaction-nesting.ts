import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { defineRule } from '../../src/dialects/postgres/rule.js';
import { chained, txKind } from '../../src/dialects/postgres/transaction.js';
import { SCRIPT_TOOLS } from '../../src/dialects/postgres/locks.js';

/** COMMIT or ROLLBACK (not PREPARE TRANSACTION) */
const ends = (s: PgStatement) => {
  const k = txKind(s);
  return k === 'commit' || k === 'rollback';
};

/** The statement that opened the transaction still open before `index` (an explicit BEGIN), if any. */
function openingBegin(statements: readonly PgStatement[], index: number): PgStatement | undefined {
  let open: PgStatement | undefined;
  for (let i = 0; i < index; i++) {
    const s = statements[i]!;
    const k = txKind(s);
    if (k === 'begin') open ??= s;
    else if (ends(s) && !chained(s)) open = undefined;
    else if (k === 'prepare') open = undefined;
  }
  return open;
}

/** The COMMIT/ROLLBACK that closes the transaction a BEGIN at `index` opens, if any. */
function closing(statements: readonly PgStatement[], index: number): PgStatement | undefined {
  for (let i = index + 1; i < statements.length; i++) {
    const s = statements[i]!;
    if (ends(s) && !chained(s)) return s;
  }
  return undefined;
}

const word = (s: PgStatement): string => (txKind(s) === 'rollback' ? 'ROLLBACK' : 'COMMIT');

export default defineRule({
  meta: {
    id: 'transaction-nesting',
    severity: 'warning',
    summary:
      'BEGIN inside a transaction that is already open, COMMIT/ROLLBACK that ends the migration tool’s own transaction early, or one with no transaction to end.',
    kinds: ['TransactionStmt'],
  },
  check(stmt, ctx) {
    const kind = txKind(stmt);
    const script = ctx.migration.transaction === 'wrapped' && SCRIPT_TOOLS.has(ctx.migration.framework);
    const tool =
      ctx.migration.framework && ctx.migration.framework !== 'plain' ? ctx.migration.framework : 'the migration tool';
    if (kind === 'begin') {
      if (ctx.tx.explicit) {
        const outer = openingBegin(ctx.statements, stmt.index);
        return {
          message:
            `This BEGIN runs inside the transaction already opened${outer ? ` on line ${outer.span.line}` : ''}: PostgreSQL does not nest transactions, ignores it with a WARNING, and the next COMMIT ends both — ` +
            'statements you meant to group run in the outer transaction, and those after that COMMIT run without one.',
          help: 'Remove the inner BEGIN (use SAVEPOINT for a nested unit), or COMMIT the first transaction before starting the next.',
        };
      }
      if (ctx.tx.inTransaction && !script) {
        const end = closing(ctx.statements, stmt.index);
        return {
          message:
            `${tool === 'the migration tool' ? 'The migration tool' : tool} already runs this file inside a transaction, so this BEGIN is ignored with a WARNING` +
            (end
              ? `, and the ${word(end)} on line ${end.span.line} ends the tool's transaction early: every statement after it runs outside a transaction and is not rolled back if the migration fails.`
              : ': it adds nothing, and suggests the file expects transaction control the tool does not give it.'),
          help: 'Remove BEGIN/COMMIT from the file and let the tool manage the transaction, or mark the file as non-transactional for the tool.',
        };
      }
      return;
    }
    if (ends(stmt) && !ctx.tx.explicit && ctx.tx.inTransaction && !script) {
      return {
        message:
          `This ${word(stmt)} ends the transaction ${tool} wraps around the file` +
          (kind === 'rollback' ? ', undoing every statement before it' : '') +
          ': every statement after it runs outside a transaction (a failure no longer rolls the migration back), and the tool’s own COMMIT then finds no transaction in progress.',
        help: 'Remove it and let the tool commit, or mark the file as non-transactional for the tool if it must control transactions itself.',
      };
    }
    if (ends(stmt) && !ctx.tx.inTransaction && !chained(stmt)) {
      const w = word(stmt);
      return {
        message:
          `This ${w} finds no transaction in progress (PostgreSQL only warns and does nothing): ` +
          (closing(ctx.statements.slice(0, stmt.index), -1)
            ? 'an earlier COMMIT/ROLLBACK already ended the transaction, so the statements between the two ran outside one, each committed on its own.'
            : 'no BEGIN opened one, so the statements before it already ran and committed one by one — whatever they were meant to group was never atomic.') +
          (w === 'ROLLBACK' ? ' Nothing is rolled back.' : ''),
        help: 'Remove the stray statement, or add the BEGIN it was meant to close so the group runs in one transaction.',
      };
    }
    return;
  },
});
