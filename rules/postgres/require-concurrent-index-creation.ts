import { defineRule } from '../../src/dialects/postgres/rule.js';
import { displayTable } from '../../src/dialects/postgres/util.js';

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
    // An index on a column this migration adds is ALSO index-same-step-as-add-column's finding (a
    // different hazard: built before the backfill, or inside the ADD COLUMN's lock). Each rule reports
    // its own hazard, so that turning one off never silences the other; the reports show both under
    // one code frame.
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
