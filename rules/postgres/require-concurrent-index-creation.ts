import { defineRule } from '../../src/rules/api.js';
import { displayTable } from '../../src/dialects/postgres/util.js';
import indexSameStep from './index-same-step-as-add-column.js';

export default defineRule({
  meta: {
    id: 'require-concurrent-index-creation',
    severity: 'error',
    summary: 'CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds.',
    kinds: ['IndexStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.concurrent) return;
    // A table created in this migration is empty: a plain index on it is instant.
    if (ctx.isNewTable(ast.relation)) return;
    // An index on a column this migration adds is index-same-step-as-add-column's finding, with the
    // fuller fix (backfill first, then build concurrently); one finding per statement is enough.
    if (indexSameStep.check?.(stmt, ctx)) return;
    const table = displayTable(ast.relation);
    return {
      message: `CREATE INDEX on \`${table}\` takes a SHARE lock and blocks every INSERT, UPDATE and DELETE until the index is built, which takes minutes on a large table.`,
      help: 'Use CREATE INDEX CONCURRENTLY, in a migration that does not run inside a transaction.',
      lock: 'ShareLock',
      table: `${ast.relation?.schemaname ?? 'public'}.${ast.relation?.relname}`,
      data: { index: ast.idxname, unique: !!ast.unique },
    };
  },
});
