import type { MyStatement, TableName } from '../../src/dialects/mysql/ast.js';
import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import {
  atLeast,
  before,
  ident,
  identTable,
  isNew,
  relKey,
  sameTable,
  serverText,
  showTable,
} from '../../src/dialects/mysql/rule-util.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The index was added by a statement of this file before `stmt` (so no query relies on it yet). */
function addedInFile(statements: readonly MyStatement[], stmt: MyStatement, table: TableName, name: string): boolean {
  return before(statements, stmt).some((s) => {
    const a = s.ast;
    if (a.type === 'create_index') return sameTable(a.table, table) && !!a.index.name && same(a.index.name, name);
    if (a.type !== 'alter_table' || !sameTable(a.table, table)) return false;
    return a.ops.some(
      (o) =>
        (o.op === 'addIndex' && !!o.index.name && same(o.index.name, name)) ||
        (o.op === 'renameIndex' && same(o.to, name)),
    );
  });
}

/** The ALTER also adds an index named `name`, or one starting with `columns` (in order). */
function replacedHere(ast: MyStatement['ast'], name: string, columns: string[] | undefined): boolean {
  if (ast.type !== 'alter_table') return false;
  return ast.ops.some((o) => {
    if (o.op !== 'addIndex') return false;
    if (o.index.name && same(o.index.name, name)) return true;
    return !!columns?.length && columns.every((c, i) => !!o.index.columns[i] && same(o.index.columns[i]!.name, c));
  });
}

export default defineRule({
  meta: {
    id: 'drop-index-without-invisible',
    severity: 'warning',
    summary:
      'Dropping an index that was not first made INVISIBLE (MySQL 8.0+) or IGNORED (MariaDB 10.6+): if a query still needs it, there is no quick way back.',
    kinds: ['AlterTable', 'DropIndex'],
  },
  check(stmt, ctx) {
    const v = ctx.server;
    // MySQL 8.0 reference manual, 10.3.12 "Invisible Indexes" (ALTER TABLE … ALTER INDEX i INVISIBLE,
    // 8.0+); MariaDB KB "Ignored Indexes" (ALTER TABLE … ALTER INDEX i IGNORED, 10.6+). Older servers
    // offer nothing to do instead, so nothing is flagged there.
    const mariadb = v.flavor === 'mariadb';
    if (mariadb ? !atLeast(v, 10, 6) : !atLeast(v, 8, 0)) return;
    const ast = stmt.ast;
    let table: TableName;
    let names: string[];
    if (ast.type === 'drop_index') [table, names] = [ast.table, [ast.name]];
    else if (ast.type === 'alter_table')
      [table, names] = [ast.table, ast.ops.flatMap((o) => (o.op === 'dropIndex' ? [o.name] : []))];
    else return;
    names = names.filter((n) => !same(n, 'PRIMARY'));
    if (!names.length || isNew(ctx, stmt, table)) return;
    const key = relKey(table);
    const t = showTable(table);
    const known = ctx.table(key);
    const hide = mariadb ? 'IGNORED' : 'INVISIBLE';
    const issues: Issue[] = [];
    for (const name of names) {
      if (addedInFile(ctx.statements, stmt, table, name)) continue;
      const idx = known?.indexes.find((i) => same(i.name, name));
      if (known && !idx) continue; // the catalog knows the table and not this index: nothing a query can use
      const hiddenHere = before(ctx.statements, stmt).some(
        (s) =>
          s.ast.type === 'alter_table' &&
          sameTable(s.ast.table, table) &&
          s.ast.ops.some((o) => o.op === 'alterIndexVisibility' && !o.visible && same(o.name, name)),
      );
      // made invisible/ignored by an earlier migration: watched already
      if (idx?.invisible && !hiddenHere) continue;
      // the same statement adds an index under the same name, or one whose leading columns are the
      // dropped index's: a redefinition (`DROP INDEX k, ADD INDEX k (…)`), queries keep an index
      if (
        replacedHere(
          ast,
          name,
          idx?.columns.map((c) => c.name),
        )
      )
        continue;
      // re-created later in this file (same name): the table has no such index during the build
      const rebuilt = ctx.statements.slice(stmt.index + 1).find((s) => {
        const a = s.ast;
        if (a.type === 'create_index') return sameTable(a.table, table) && !!a.index.name && same(a.index.name, name);
        return (
          a.type === 'alter_table' &&
          sameTable(a.table, table) &&
          a.ops.some((o) => o.op === 'addIndex' && !!o.index.name && same(o.index.name, name))
        );
      });
      if (rebuilt) {
        issues.push({
          message: `Index \`${name}\` of \`${t}\` is dropped here and built again on line ${rebuilt.span.line}: for the whole build, which reads the whole table, queries that used it have no index and turn into full table scans.`,
          help: `Build the new index under another name first, then drop \`${name}\` (after making it ${hide} for a while if you can); rename it afterwards with RENAME INDEX if the name matters.`,
          table: key,
          data: { index: name, rebuiltAtLine: rebuilt.span.line },
        });
        continue;
      }
      issues.push({
        message: `Dropping index \`${name}\` of \`${t}\` ${hiddenHere ? `right after making it ${hide} in the same migration leaves no time to see whether` : 'without first making it ' + hide + ' leaves no way to check whether'} a query still needs it. If one does, it turns into a full table scan the moment this commits, and getting the index back means rebuilding it on the whole table while the database is already struggling.`,
        help: `First run ALTER TABLE ${identTable(table)} ALTER INDEX ${ident(name)} ${hide}; (${serverText(v)} keeps maintaining it, queries stop using it, and making it ${mariadb ? 'NOT IGNORED' : 'VISIBLE'} again is instant), watch the slow query log for a while, then drop it in a later migration.`,
        table: key,
        data: { index: name, hiddenInSameFile: hiddenHere },
      });
    }
    return issues;
  },
});
