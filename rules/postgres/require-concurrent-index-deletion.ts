import { defineRule } from '../../src/dialects/postgres/rule.js';
import { qualifiedKey, stringList } from '../../src/dialects/postgres/catalog.js';
import { displayTable } from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'require-concurrent-index-deletion',
    severity: 'error',
    summary: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table.',
    kinds: ['DropStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.removeType !== 'OBJECT_INDEX' || ast.concurrent) return;
    const origin = ctx.migration.absPath;
    const indexes = (ast.objects ?? []).map((o: any) => stringList(o.List?.items ?? (o.String ? [o] : [])));
    const tables = new Set<string>();
    const names: string[] = [];
    for (const n of indexes) {
      if (!n.length) continue;
      const key = qualifiedKey(n);
      const ix = ctx.catalog.indexes.get(key);
      // created by this migration, or on a table created by this migration: nobody uses it yet
      if (ix && (ix.createdIn === origin || ctx.isNewTable(ix.table))) continue;
      names.push(n.join('.'));
      if (ix) tables.add(ix.table);
    }
    if (!names.length) return;
    const on = tables.size ? [...tables].map((t) => `\`${displayTable(t)}\``).join(', ') : 'its table';
    const what = names.map((n) => `\`${n}\``).join(', ');
    const table = tables.size === 1 ? [...tables][0] : undefined;
    return {
      message: `DROP INDEX ${what} takes an ACCESS EXCLUSIVE lock on ${on}: it first waits for every running query on the table, and while it waits every new read and write queues behind it.`,
      help: `Use DROP INDEX CONCURRENTLY${names.length > 1 ? ' (one index per statement)' : ''}${ast.behavior === 'DROP_CASCADE' ? ' (CASCADE is not allowed with it)' : ''}, in a migration that does not run inside a transaction.`,
      lock: 'AccessExclusiveLock',
      ...(table ? { table } : {}),
      data: { indexes: names, ifExists: !!ast.missing_ok },
    };
  },
});
