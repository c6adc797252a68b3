import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { displayTable, names } from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'ban-drop-table',
    severity: 'error',
    summary: 'Dropping a table deletes its data and breaks running code that still uses it.',
    kinds: ['DropStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.removeType !== 'OBJECT_TABLE') return;
    const cascade = ast.behavior === 'DROP_CASCADE';
    const issues: Issue[] = [];
    for (const obj of ast.objects ?? []) {
      const parts = names(obj.List?.items ?? (obj.String ? [obj] : []));
      if (!parts.length) continue;
      const rel =
        parts.length > 1
          ? { schemaname: parts[parts.length - 2], relname: parts[parts.length - 1] }
          : { relname: parts[0] };
      if (ctx.isReleaseTable(rel)) continue; // created in this release: no running code uses it
      const key = `${rel.schemaname ?? 'public'}.${rel.relname}`;
      const t = displayTable(rel);
      issues.push({
        message: `Dropping table \`${t}\` deletes all its rows for good, and app instances still running the old code fail on their next query against it${cascade ? '; CASCADE also drops the views and foreign keys that depend on it' : ''}.`,
        help: 'First ship code that no longer uses the table, then drop it in a later migration (rename it aside first if you want a way back).',
        lock: 'AccessExclusiveLock',
        table: key,
        data: { cascade },
      });
    }
    return issues;
  },
});
