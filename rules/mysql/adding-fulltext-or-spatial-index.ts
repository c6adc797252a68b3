import type { IndexDef, TableName } from '../../src/dialects/mysql/ast.js';
import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { isNew, onlineOf, list, relKey, showTable } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'adding-fulltext-or-spatial-index',
    severity: 'error',
    summary:
      'A FULLTEXT or SPATIAL index on an existing table is built while writes are blocked (ALGORITHM=INPLACE, LOCK=SHARED); the first FULLTEXT index also rebuilds the table.',
    kinds: ['AlterTable', 'CreateIndex'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    let table: TableName;
    let indexes: IndexDef[];
    if (ast.type === 'alter_table') {
      table = ast.table;
      indexes = ast.ops.flatMap((o) => (o.op === 'addIndex' ? [o.index] : []));
    } else if (ast.type === 'create_index') {
      table = ast.table;
      indexes = [ast.index];
    } else return;
    indexes = indexes.filter((i) => i.kind === 'fulltext' || i.kind === 'spatial');
    if (!indexes.length || isNew(ctx, stmt, table)) return;
    const key = relKey(table);
    const t = showTable(table);
    const known = ctx.table(key);
    const online = onlineOf(ast, known, ctx.server);
    let hasFulltext = !!known?.indexes.some((i) => i.kind === 'fulltext');
    const issues: Issue[] = [];
    for (const idx of indexes) {
      const kind = idx.kind === 'fulltext' ? 'FULLTEXT' : 'SPATIAL';
      // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", Index Operations: "Adding a
      // FULLTEXT index" and "Adding a SPATIAL index": In Place Yes, Permits Concurrent DML No (LOCK=SHARED);
      // the first FULLTEXT index rebuilds the table when it has no FTS_DOC_ID column. A table with a
      // FULLTEXT index cannot use ALGORITHM=INSTANT afterwards (MySQL 8.0, "Column Operations").
      // Measured on MariaDB 10.11: ADD FULLTEXT → INPLACE, LOCK=SHARED.
      const first = idx.kind === 'fulltext' && !hasFulltext && !!known;
      const maybeFirst = idx.kind === 'fulltext' && !known;
      if (idx.kind === 'fulltext') hasFulltext = true;
      const rebuild = first
        ? ' It is the first FULLTEXT index of the table, so InnoDB also rebuilds the whole table to add its hidden FTS_DOC_ID column.'
        : maybeFirst
          ? ' If it is the first FULLTEXT index of the table, InnoDB also rebuilds the whole table to add its hidden FTS_DOC_ID column.'
          : '';
      const instant =
        idx.kind === 'fulltext' && ctx.server.flavor === 'mysql'
          ? ' On MySQL, a table with a FULLTEXT index can no longer add or drop columns with ALGORITHM=INSTANT.'
          : '';
      issues.push({
        message: `Building the ${kind} index ${idx.name ? `\`${idx.name}\` ` : ''}on ${list(idx.columns.map((c) => c.name))} of \`${t}\` reads the whole table and cannot run with LOCK=NONE (ALGORITHM=INPLACE, LOCK=SHARED): reads continue, but every INSERT, UPDATE and DELETE on \`${t}\` waits until the build ends.${rebuild}${instant}`,
        help: 'On a big table build it with gh-ost or pt-online-schema-change, or when writes can pause; for search on a hot table consider a separate search service.',
        table: key,
        data: {
          index: idx.name ?? null,
          kind: idx.kind,
          rebuild: first,
        },
        online,
      });
    }
    return issues;
  },
});
