import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import {
  displayTable,
  addedConstraints,
  names,
  notNullProvingCheck,
  quoteIdent,
  quoteRel,
} from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'adding-serial-primary-key-field',
    severity: 'error',
    summary:
      'ADD PRIMARY KEY without USING INDEX builds the index (and checks NOT NULL) under an ACCESS EXCLUSIVE lock.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // Existing tables only: on a table created in this migration the index builds instantly.
    const table = displayTable(ast.relation);
    const issues: Issue[] = [];
    for (const { con, column } of addedConstraints(ctx, stmt, { inline: true })) {
      if (con?.contype !== 'CONSTR_PRIMARY') continue;
      if (con.indexname) {
        // USING INDEX: instant, unless PostgreSQL must SET NOT NULL (a full scan) on nullable columns
        const ix = ctx.catalog.indexes.get(`${ast.relation.schemaname ?? 'public'}.${con.indexname}`);
        const tbl = ctx.table(ast.relation);
        const nullable = (ix?.columns ?? []).filter(
          (c): c is string =>
            !!c && tbl?.columns.get(c)?.notNull === false && !(ctx.pgVersion >= 12 && notNullProvingCheck(tbl, c)),
        );
        if (!nullable.length) continue;
        const list = nullable.map((c) => `\`${c}\``).join(', ');
        issues.push({
          message: `ADD PRIMARY KEY USING INDEX \`${con.indexname}\` on \`${table}\` must first SET NOT NULL on ${list}, scanning the whole table for NULLs under an ACCESS EXCLUSIVE lock: every read and write waits until the scan ends.`,
          help: `Before attaching the index, add CHECK (… IS NOT NULL) NOT VALID on ${list}, VALIDATE it in a separate transaction, and SET NOT NULL (PostgreSQL 12+ then skips the scan).`,
          lock: 'AccessExclusiveLock',
          table: relKey(ast.relation),
          data: { constraint: con.conname ?? null, columns: nullable, index: con.indexname, nullable },
        });
        continue;
      }
      // ADD COLUMN … PRIMARY KEY: the new column's own key, built in the same ALTER TABLE
      const cols = column ? [column] : names(con.keys);
      const nullable = column ? [] : cols.filter((c) => !ctx.column(ast.relation, c)?.notNull);
      const name = con.conname ?? `${ast.relation.relname}_pkey`;
      const indexName = `${name}_idx`;
      const rel = quoteRel(ast.relation);
      const scan = nullable.length
        ? `, after scanning the whole table to check ${nullable.map((c) => `\`${c}\``).join(', ')} for NULLs`
        : '';
      issues.push({
        message: `Adding PRIMARY KEY on \`${table}\` (${cols.join(', ')}) builds its unique index${scan} while ALTER TABLE holds an ACCESS EXCLUSIVE lock: every read and write on \`${table}\` waits until it is done.`,
        help: `${column ? 'Add the column without PRIMARY KEY (filled and NOT NULL), then ' : ''}\`CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(indexName)} ON ${rel} (${cols.map(quoteIdent).join(', ')})\` outside a transaction${nullable.length ? ', make the columns NOT NULL via a validated CHECK (see adding-not-nullable-field)' : ''}, then \`ALTER TABLE ${rel} ADD CONSTRAINT ${quoteIdent(name)} PRIMARY KEY USING INDEX ${quoteIdent(indexName)}\`.`,
        lock: 'AccessExclusiveLock',
        table: relKey(ast.relation),
        data: { constraint: name, columns: cols, index: indexName, nullable, ...(column ? { inline: true } : {}) },
      });
    }
    return issues;
  },
});
