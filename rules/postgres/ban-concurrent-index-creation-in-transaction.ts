import { defineRule } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { alterCmds } from '../../src/dialects/postgres/util.js';
import { chained, txKind } from '../../src/dialects/postgres/transaction.js';
import { SCRIPT_TOOLS } from '../../src/dialects/postgres/locks.js';
import type { PgStatement } from '../../src/dialects/postgres/statement.js';

/**
 * squawk's documented workaround for a tool that wraps the file: `COMMIT;` ends the tool's
 * transaction, the CONCURRENTLY statement runs on its own, `BEGIN;` opens a new one for the tool to
 * commit. True when the last transaction statement before `index` is a plain COMMIT/ROLLBACK. Not
 * for tools that send the file as one query string: there every statement after the COMMIT is still
 * in the string's implicit transaction block, and CONCURRENTLY fails all the same.
 */
function endedByCommit(statements: readonly PgStatement[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const k = txKind(statements[i]!);
    if (k === undefined || k === 'other') continue;
    return (k === 'commit' || k === 'rollback') && !chained(statements[i]!);
  }
  return false;
}

/** How to run one migration outside a transaction, per migration tool. */
const HOW: Record<string, string> = {
  goose: 'add `-- +goose NO TRANSACTION` to that file',
  dbmate: 'mark its up block `-- migrate:up transaction:false` and keep the statement alone in it',
  sqlx: 'start that file with `-- no-transaction` and keep the statement alone in it',
  flyway:
    'keep the statement alone in its script (Flyway then runs it without a transaction) or set `executeInTransaction=false` in its `.sql.conf`',
  diesel: 'set `run_in_transaction = false` in its metadata.toml and keep the statement alone in up.sql',
  liquibase: 'give its changeset `runInTransaction:false`',
  drizzle: 'run it outside `drizzle-kit migrate` (Drizzle applies all pending migrations in one transaction)',
};

export default defineRule({
  meta: {
    id: 'ban-concurrent-index-creation-in-transaction',
    severity: 'error',
    summary:
      'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY fail inside a transaction block.',
    kinds: ['IndexStmt', 'DropStmt', 'ReindexStmt', 'AlterTableStmt'],
  },
  check(stmt, ctx) {
    if (!ctx.tx.inTransaction) return;
    if (!ctx.tx.explicit && !SCRIPT_TOOLS.has(ctx.migration.framework) && endedByCommit(ctx.statements, stmt.index))
      return;
    const ast = stmt.ast;
    let what: string | undefined;
    let error: string | undefined;
    let table: string | undefined;
    switch (stmt.kind) {
      case 'IndexStmt':
        if (ast.concurrent)
          [what, error] = [`CREATE ${ast.unique ? 'UNIQUE ' : ''}INDEX CONCURRENTLY`, 'CREATE INDEX CONCURRENTLY'];
        table = ast.relation ? relKey(ast.relation) : undefined;
        break;
      case 'DropStmt':
        if (ast.removeType === 'OBJECT_INDEX' && ast.concurrent) what = error = 'DROP INDEX CONCURRENTLY';
        break;
      case 'ReindexStmt':
        if (
          (ast.params ?? []).some((p: any) => p.DefElem?.defname === 'concurrently' && str(p.DefElem.arg) !== 'false')
        )
          what = error = 'REINDEX CONCURRENTLY';
        break;
      case 'AlterTableStmt':
        if (alterCmds(ast).some((c) => c.subtype === 'AT_DetachPartition' && c.def?.PartitionCmd?.concurrent)) {
          [what, error] = ['DETACH PARTITION CONCURRENTLY', 'ALTER TABLE ... DETACH CONCURRENTLY'];
          table = relKey(ast.relation);
        }
        break;
    }
    if (!what) return;
    const framework = ctx.migration.framework;
    const why = ctx.tx.explicit
      ? 'it sits inside the BEGIN … COMMIT block of this file'
      : `${framework && framework !== 'plain' ? framework : 'the migration tool'} runs this file inside a transaction`;
    const how = HOW[framework] ?? 'configure your migration tool to run that file outside a transaction';
    return {
      message: `${what} cannot run inside a transaction block, and ${why}: PostgreSQL rejects it with "${error} cannot run inside a transaction block" and the deploy fails.`,
      help: `Move it to a migration of its own that runs outside a transaction: ${ctx.tx.explicit ? 'remove the BEGIN/COMMIT around it, or ' : ''}${how}.`,
      ...(table ? { table } : {}),
      data: { statement: what, explicit: ctx.tx.explicit, framework },
    };
  },
});

function str(n: any): string | undefined {
  return n?.String?.sval;
}
