import { defineRule } from '../../src/dialects/postgres/rule.js';
import { DEFAULT_SCHEMA, relKey } from '../../src/dialects/postgres/catalog.js';
import { displayTable, quoteIdent, quoteRel } from '../../src/dialects/postgres/util.js';

const isConcurrent = (ast: any) =>
  (ast.params ?? []).some((p: any) => p.DefElem?.defname === 'concurrently' && p.DefElem.arg?.String?.sval !== 'false');

export default defineRule({
  meta: {
    id: 'require-concurrent-reindex',
    severity: 'error',
    summary:
      'REINDEX without CONCURRENTLY blocks writes to the table and, through the planner, nearly every query on it.',
    kinds: ['ReindexStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // REINDEX SYSTEM has no concurrent form: ban-reindex-system reports it
    if (isConcurrent(ast) || ast.kind === 'REINDEX_OBJECT_SYSTEM') return;
    const origin = ctx.migration.absPath;
    let what: string;
    let table: string | undefined;
    switch (ast.kind) {
      case 'REINDEX_OBJECT_INDEX': {
        const ix = ctx.catalog.indexes.get(relKey(ast.relation));
        // an index built by this migration, or on a table it created, is not in use yet
        if (ix && (ix.createdIn === origin || ctx.isNewTable(ix.table))) return;
        table = ix?.table;
        what = `REINDEX INDEX \`${displayTable(ast.relation)}\``;
        break;
      }
      case 'REINDEX_OBJECT_TABLE':
        if (ctx.isNewTable(ast.relation)) return;
        table = relKey(ast.relation);
        what = `REINDEX TABLE \`${displayTable(ast.relation)}\``;
        break;
      case 'REINDEX_OBJECT_SCHEMA':
        what = `REINDEX SCHEMA \`${ast.name ?? DEFAULT_SCHEMA}\``;
        break;
      default:
        what = 'REINDEX DATABASE';
    }
    const on = table ? `\`${displayTable(table)}\`` : 'each table';
    const message = `${what} holds a SHARE lock on ${on} (every write waits) and an ACCESS EXCLUSIVE lock on each index it rebuilds; the planner needs a lock on every index of a table, so nearly every query on ${on} waits too until the rebuild ends.`;
    if (ctx.pgVersion < 12) {
      return {
        message: `${message} (PostgreSQL ${ctx.pgVersion} has no REINDEX CONCURRENTLY.)`,
        help: 'Build a replacement with CREATE INDEX CONCURRENTLY, drop the old index with DROP INDEX CONCURRENTLY, then rename the new one — or run REINDEX in a quiet window.',
        severity: 'warning',
        lock: 'AccessExclusiveLock',
        ...(table ? { table } : {}),
        data: { tableLock: 'ShareLock', indexLock: 'AccessExclusiveLock' },
      };
    }
    const concurrent: Record<string, string> = {
      REINDEX_OBJECT_INDEX: `REINDEX INDEX CONCURRENTLY ${ast.relation ? quoteRel(ast.relation) : ''}`,
      REINDEX_OBJECT_TABLE: `REINDEX TABLE CONCURRENTLY ${ast.relation ? quoteRel(ast.relation) : ''}`,
      REINDEX_OBJECT_SCHEMA: `REINDEX SCHEMA CONCURRENTLY ${quoteIdent(ast.name ?? DEFAULT_SCHEMA)}`,
      REINDEX_OBJECT_DATABASE: 'REINDEX DATABASE CONCURRENTLY',
    };
    const safe = concurrent[ast.kind];
    return {
      message,
      help: `Use \`${safe}\` (PostgreSQL 12+), in a migration that does not run inside a transaction.`,
      lock: 'AccessExclusiveLock',
      ...(table ? { table } : {}),
      data: { tableLock: 'ShareLock', indexLock: 'AccessExclusiveLock' },
    };
  },
});
