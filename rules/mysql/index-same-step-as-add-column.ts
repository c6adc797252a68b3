import type { ColumnDef, IndexDef, TableName } from '../../src/dialects/mysql/ast.js';
import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { addedEarlier, isNew, list, relKey, showTable } from '../../src/dialects/mysql/rule-util.js';

const KIND: Record<IndexDef['kind'], string> = {
  primary: 'PRIMARY KEY',
  unique: 'UNIQUE index',
  index: 'index',
  fulltext: 'FULLTEXT index',
  spatial: 'SPATIAL index',
};

/** The column gets its values from the ADD COLUMN itself (a default, AUTO_INCREMENT or a generation expression). */
const filled = (c: ColumnDef) => (!!c.default && c.default.kind !== 'null') || !!c.autoIncrement || !!c.generated;

export default defineRule({
  meta: {
    id: 'index-same-step-as-add-column',
    severity: 'error',
    summary:
      'An index or key on a column added by the same migration: it must come after the column is backfilled, in its own step.',
    kinds: ['AlterTable', 'CreateIndex'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    let table: TableName;
    const indexes: IndexDef[] = [];
    const here = new Map<string, ColumnDef>();
    if (ast.type === 'create_index') {
      table = ast.table;
      indexes.push(ast.index);
    } else if (ast.type === 'alter_table') {
      table = ast.table;
      for (const op of ast.ops) {
        if (op.op === 'addColumn') {
          here.set(op.column.name.toLowerCase(), op.column);
          if (op.column.primaryKey || op.column.unique)
            indexes.push({ kind: op.column.primaryKey ? 'primary' : 'unique', columns: [{ name: op.column.name }] });
        } else if (op.op === 'addIndex') indexes.push(op.index);
      }
    } else return;
    if (!indexes.length || isNew(ctx, stmt, table)) return;
    const key = relKey(table);
    const t = showTable(table);
    const issues: Issue[] = [];
    for (const idx of indexes) {
      const fresh: { name: string; def?: ColumnDef; line?: number }[] = [];
      for (const c of idx.columns) {
        if (c.expression) continue;
        const mine = here.get(c.name.toLowerCase());
        if (mine) {
          fresh.push({ name: c.name, def: mine });
          continue;
        }
        const earlier = addedEarlier(ctx.statements, stmt, table, c.name);
        if (earlier) fresh.push({ name: c.name, def: earlier.column, line: earlier.stmt.span.line });
        else if (ctx.isNewColumn(key, c.name)) fresh.push({ name: c.name });
      }
      if (!fresh.length) continue;
      const names = fresh.map((f) => f.name);
      const empty = fresh.filter((f) => f.def && !filled(f.def)).map((f) => f.name);
      const sameAlter = fresh.some((f) => here.has(f.name.toLowerCase()));
      // a later statement indexing a column its ADD COLUMN already filled (a default): nothing to
      // backfill, so it is an index build like any other
      if (!sameAlter && !empty.length && fresh.every((f) => f.def)) continue;
      const where = sameAlter
        ? 'in this same ALTER TABLE'
        : fresh[0]!.line !== undefined
          ? `at line ${fresh[0]!.line}`
          : 'earlier in this migration';
      const what = `${KIND[idx.kind]} ${idx.name ? `\`${idx.name}\` ` : ''}on \`${t}\``;
      // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations": "Creating or adding a secondary
      // index" is INPLACE (LOCK=NONE) but scans the whole table; an ALTER runs all its clauses with
      // one algorithm, so an ADD COLUMN that alone would be INSTANT becomes part of the index build
      // (and a PRIMARY KEY rebuilds the table). MariaDB KB "InnoDB Online DDL Operations with
      // ALGORITHM=INSTANT": the same, 10.3+.
      const why = sameAlter
        ? `In one ALTER, the server runs every clause with one algorithm: the ADD COLUMN, which alone can be instant, now waits for a build that reads the whole table${idx.kind === 'primary' ? ' and rebuilds it' : ''}, and the migration holds the table's metadata lock for all of it`
        : `The build reads the whole table right after the column was added, before the data it indexes exists`;
      const notYet = empty.length
        ? `; ${list(empty)} is not backfilled yet, so every batch of the backfill then also updates the index (slower, and the undo log and replicas carry both)`
        : '';
      const sameDefault =
        (idx.kind === 'unique' || idx.kind === 'primary') &&
        fresh.length === idx.columns.length &&
        fresh.every((f) => f.def?.default?.kind === 'literal');
      issues.push({
        message: `The ${what} covers ${list(names)}, which this migration adds ${where}. ${why}${notYet}.${sameDefault ? ' Every existing row gets the same default value, so the unique key fails at once on a table with more than one row.' : ''}`,
        help: `Add the column in this migration, ${empty.length ? 'backfill it in batches, then ' : 'then '}add the ${KIND[idx.kind]} in its own migration (ALTER TABLE … ADD INDEX …, ALGORITHM=INPLACE, LOCK=NONE).`,
        table: key,
        data: {
          columns: names,
          index: idx.name ?? null,
          kind: idx.kind,
          sameStatement: sameAlter,
          backfilled: !empty.length,
        },
      });
    }
    return issues;
  },
});
