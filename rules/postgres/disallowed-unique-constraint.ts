import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { addedConstraints, displayTable, names, quoteIdent, quoteRel } from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'disallowed-unique-constraint',
    severity: 'error',
    summary: 'ADD CONSTRAINT … UNIQUE without USING INDEX builds the index under an ACCESS EXCLUSIVE lock.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // Existing tables only: on a table created in this migration the index builds instantly.
    const table = displayTable(ast.relation);
    const issues: Issue[] = [];
    for (const { con, column } of addedConstraints(ctx, stmt, { inline: true })) {
      if (con?.contype !== 'CONSTR_UNIQUE' || con.indexname) continue;
      // ADD COLUMN … UNIQUE: the column's own constraint builds the same index under the same lock
      const cols = column ? [column] : names(con.keys);
      const name = con.conname ?? `${ast.relation.relname}_${cols.join('_')}_key`;
      const indexName = con.conname ? `${con.conname}_idx` : name;
      const rel = quoteRel(ast.relation);
      issues.push({
        message: `Adding UNIQUE constraint ${con.conname ? `\`${con.conname}\` ` : ''}on \`${table}\` (${cols.join(', ')}) builds its index while ALTER TABLE holds an ACCESS EXCLUSIVE lock: every read and write on \`${table}\` waits for the whole build.`,
        help: `${column ? 'Add the column without UNIQUE, then ' : ''}\`CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(indexName)} ON ${rel} (${cols.map(quoteIdent).join(', ')})\` outside a transaction, then \`ALTER TABLE ${rel} ADD CONSTRAINT ${quoteIdent(name)} UNIQUE USING INDEX ${quoteIdent(indexName)}\` (instant).`,
        lock: 'AccessExclusiveLock',
        table: relKey(ast.relation),
        data: { constraint: name, columns: cols, index: indexName, ...(column ? { inline: true } : {}) },
      });
    }
    return issues;
  },
});
