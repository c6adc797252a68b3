import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import {
  addColumnStatement,
  alterCmds,
  columnConstraints,
  columnRefs,
  displayTable,
  freshConstraintColumns,
  isFreshColumn,
  mergeIssues,
  sameTransaction,
} from '../../src/dialects/postgres/util.js';

const list = (cols: string[]) => cols.map((c) => `\`${c}\``).join(', ');

/** True when ADD COLUMN gave existing rows a value (a default, a sequence, a generation expression): nothing to backfill. */
function filledByDefault(def: any): boolean {
  if (!def) return false;
  if (/^(small|big)?serial[248]?$/.test(def.typeName?.names?.at(-1)?.String?.sval ?? '')) return true;
  return columnConstraints(def).some(
    (c) =>
      (c.contype === 'CONSTR_DEFAULT' && !c.raw_expr?.A_Const?.isnull) ||
      c.contype === 'CONSTR_IDENTITY' ||
      c.contype === 'CONSTR_GENERATED',
  );
}

/** The ColumnDef with which `stmt` (an ALTER TABLE) adds `column`. */
function columnDef(stmt: PgStatement | undefined, column: string): any {
  if (!stmt) return undefined;
  return alterCmds(stmt.ast).find((c) => c.subtype === 'AT_AddColumn' && c.def?.ColumnDef?.colname === column)?.def
    ?.ColumnDef;
}

export default defineRule({
  meta: {
    id: 'index-same-step-as-add-column',
    severity: 'error',
    summary:
      'An index or unique/primary key on a column added by the same migration: it must wait until the column is backfilled, in its own step, built concurrently.',
    kinds: ['IndexStmt', 'AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const rel = ast.relation;
    // A table created in this migration is empty: indexing it at once is right.
    if (!rel || ctx.isNewTable(rel)) return;
    const table = displayTable(rel);
    const key = relKey(rel);

    if (stmt.kind === 'IndexStmt') {
      const cols = new Set<string>();
      for (const p of [...(ast.indexParams ?? []), ...(ast.indexIncludingParams ?? [])]) {
        const e = p.IndexElem;
        if (!e) continue;
        if (e.name) cols.add(e.name);
        else for (const c of columnRefs(e.expr)) cols.add(c);
      }
      const fresh = [...cols].filter((c) => isFreshColumn(ctx, stmt, rel, c));
      if (!fresh.length) return;
      const added = addColumnStatement(ctx.statements, stmt, rel, fresh[0]!);
      const empty = fresh.filter(
        (c) => !filledByDefault(columnDef(addColumnStatement(ctx.statements, stmt, rel, c), c)),
      );
      const where = added ? `line ${added.span.line}` : 'earlier in this file';
      const name = ast.idxname ? `\`${ast.idxname}\` ` : '';
      const what = `${ast.unique ? 'unique ' : ''}index ${name}on \`${table}\``;
      const heldOver = !!added && sameTransaction(ctx.statements, added.index, stmt.index, ctx.tx.inTransaction);
      const notYet = empty.length ? `, and ${list(empty)} is not even backfilled yet` : '';
      let message: string;
      let lock: string;
      if (heldOver) {
        lock = 'AccessExclusiveLock';
        message = `The ${what} covers ${list(fresh)}, added at ${where} in the same transaction: the ACCESS EXCLUSIVE lock of that ADD COLUMN is held for the whole index build, so every read and write on \`${table}\` waits${notYet}.`;
      } else if (!empty.length) {
        // the column already holds its values: only the build's own lock matters (require-concurrent-index-creation)
        return;
      } else if (ast.concurrent) {
        lock = 'ShareUpdateExclusiveLock';
        message = `The ${what} covers ${list(empty)}, which this migration only adds at ${where}: built before the column is backfilled, it makes the backfill update the index for every row (no HOT updates), which slows it down and bloats the index.`;
      } else {
        lock = 'ShareLock';
        message = `The ${what} covers ${list(empty)}, which this migration only adds at ${where}: the build blocks every write to \`${table}\` for a full table scan before the column holds any data, and the backfill will then update the index row by row.`;
      }
      return {
        message,
        help: `Add the column in this migration, ${empty.length ? 'backfill it, then ' : 'then '}build the index with CREATE ${ast.unique ? 'UNIQUE ' : ''}INDEX CONCURRENTLY in its own migration, outside a transaction.`,
        severity: ast.concurrent && !heldOver ? 'warning' : undefined,
        lock,
        table: key,
        data: {
          columns: fresh,
          index: ast.idxname ?? null,
          kind: ast.unique ? 'unique-index' : 'index',
          addedAtLine: added?.span.line ?? null,
          concurrent: !!ast.concurrent,
          backfilled: !empty.length,
        },
      };
    }

    // ALTER TABLE
    if (ast.objtype && ast.objtype !== 'OBJECT_TABLE') return;
    const issues: Issue[] = [];
    const addedHere = new Map<string, any>();
    const defOf = (c: string) => addedHere.get(c) ?? columnDef(addColumnStatement(ctx.statements, stmt, rel, c), c);
    const whereAdded = (c: string) => {
      if (addedHere.has(c)) return 'in this same statement';
      const s = addColumnStatement(ctx.statements, stmt, rel, c);
      return s ? `at line ${s.span.line}` : 'earlier in this file';
    };
    const lineOf = (c: string) =>
      addedHere.has(c) ? stmt.span.line : (addColumnStatement(ctx.statements, stmt, rel, c)?.span.line ?? null);

    const report = (con: any, fresh: string[]) => {
      if (!fresh.length) return;
      const name = con.conname ? `\`${con.conname}\` ` : '';
      const where = whereAdded(fresh[0]!);
      const empty = fresh.filter((c) => !filledByDefault(defOf(c)));
      const notYet = empty.length ? `, and ${list(empty)} is not even backfilled yet` : '';
      const backfill = empty.length ? 'backfill it, then ' : 'then ';
      const data = {
        columns: fresh,
        constraint: con.conname ?? null,
        addedAtLine: lineOf(fresh[0]!),
        backfilled: !empty.length,
      };
      const pk = con.contype === 'CONSTR_PRIMARY';
      issues.push({
        message: `The ${pk ? 'PRIMARY KEY' : 'UNIQUE'} constraint ${name}on \`${table}\` builds its index on ${list(fresh)}, a column added ${where}: ALTER TABLE holds an ACCESS EXCLUSIVE lock for the whole build, so every read and write on \`${table}\` waits${notYet}.`,
        help: `Add the column in this migration, ${backfill}CREATE UNIQUE INDEX CONCURRENTLY in its own migration and attach it with ADD CONSTRAINT … ${pk ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX.`,
        lock: 'AccessExclusiveLock',
        table: key,
        data: { ...data, kind: pk ? 'primary' : 'unique' },
      });
    };

    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype === 'AT_AddColumn') {
        const def = cmd.def?.ColumnDef;
        if (!def?.colname) continue;
        if (cmd.missing_ok && ctx.column(rel, def.colname)) continue;
        addedHere.set(def.colname, def);
        for (const con of columnConstraints(def)) {
          // (REFERENCES builds no index: a foreign key is adding-foreign-key-constraint's)
          if (con.contype === 'CONSTR_UNIQUE' || con.contype === 'CONSTR_PRIMARY') report(con, [def.colname]);
        }
      } else if (cmd.subtype === 'AT_AddConstraint') {
        const con = cmd.def?.Constraint;
        if (!con) continue;
        const indexed = (con.contype === 'CONSTR_UNIQUE' || con.contype === 'CONSTR_PRIMARY') && !con.indexname;
        if (indexed) report(con, freshConstraintColumns(ctx, stmt, con, new Set(addedHere.keys())));
      }
    }
    return mergeIssues(issues, (i) => `\`${(i.data!.columns as string[]).join('`, `')}\``);
  },
});
