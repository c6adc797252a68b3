import { defineRule } from '../../src/dialects/postgres/rule.js';
import { displayTable, quoteRel } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';

export default defineRule({
  meta: {
    id: 'renaming-table',
    severity: 'error',
    summary: 'Renaming a table breaks every running app instance that still uses the old name.',
    kinds: ['RenameStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.renameType !== 'OBJECT_TABLE') return;
    if (ctx.isReleaseTable(ast.relation)) return; // created in this release: no running code uses it
    const old = relKey(ast.relation);
    // The zero-downtime pattern: rename, then a view under the old name, in the same migration.
    const bridged = ctx.statements.some(
      (s) => s.index > stmt.index && s.kind === 'ViewStmt' && relKey(s.ast.view) === old,
    );
    if (bridged) return;
    const table = displayTable(ast.relation);
    const newRel = { schemaname: ast.relation?.schemaname, relname: ast.newname };
    return {
      message: `Renaming table \`${table}\` to \`${ast.newname}\` breaks every app instance still running the old code: its queries on \`${table}\` fail from the moment this commits until the new code is deployed everywhere.`,
      help: `In the same transaction, add CREATE VIEW ${quoteRel(ast.relation)} AS SELECT * FROM ${quoteRel(newRel)}; (a simple view stays writable), and drop the view once no code uses the old name.`,
      lock: 'AccessExclusiveLock',
      table: old,
      data: { newName: ast.newname },
    };
  },
});
