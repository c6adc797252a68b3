import { defineRule } from '../../src/dialects/postgres/rule.js';
import { displayTable } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';

export default defineRule({
  meta: {
    id: 'renaming-column',
    severity: 'error',
    summary: 'Renaming a column breaks every running app instance that still uses the old name.',
    kinds: ['RenameStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.renameType !== 'OBJECT_COLUMN' || ast.relationType !== 'OBJECT_TABLE') return;
    // Nothing running can use a table or column created in this release (the files under review).
    if (ctx.isReleaseColumn(ast.relation, ast.subname)) return;
    const table = displayTable(ast.relation);
    return {
      message: `Renaming \`${table}.${ast.subname}\` to \`${ast.newname}\` breaks every app instance still running the old code: its queries on \`${ast.subname}\` fail from the moment this commits until the new code is deployed everywhere.`,
      help: `Add \`${ast.newname}\`, write to both columns and backfill, move reads over, then drop \`${ast.subname}\` in a later release.`,
      lock: 'AccessExclusiveLock',
      table: relKey(ast.relation),
      data: { column: ast.subname, newName: ast.newname },
    };
  },
});
