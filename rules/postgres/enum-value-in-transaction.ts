import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { defineRule } from '../../src/dialects/postgres/rule.js';
import { txKind } from '../../src/dialects/postgres/transaction.js';
import { keysBefore, names, quoteLiteral } from '../../src/dialects/postgres/util.js';
import type { Catalog } from '../../src/dialects/postgres/catalog.js';
import { DEFAULT_SCHEMA, relKey } from '../../src/dialects/postgres/catalog.js';

interface Added {
  stmt: PgStatement;
  /** `schema.name` of the enum */
  key: string;
  name: string;
  value: string;
}

const sval = (n: any): string | undefined => n?.A_Const?.sval?.sval;

function enumKey(list: any[]): { key: string; name: string } {
  const n = names(list);
  const name = n[n.length - 1] ?? '';
  return { key: n.length > 1 ? `${n[n.length - 2]}.${name}` : `${DEFAULT_SCHEMA}.${name}`, name };
}

/** Values added by ALTER TYPE … ADD VALUE earlier in the same transaction as statement `index`. */
/** `add` for an `ALTER TYPE … ADD VALUE` (what `addedInSameTransaction` looks for). */
function enumValueAdded(s: PgStatement): string[] | undefined {
  return s.kind === 'AlterEnumStmt' && s.ast.newVal && !s.ast.oldVal ? ['add'] : undefined;
}

function addedInSameTransaction(
  statements: readonly PgStatement[],
  index: number,
  catalog: Catalog,
  origin: string,
): Added[] {
  const out: Added[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const s = statements[i]!;
    const k = txKind(s);
    if (k !== undefined) {
      if (k === 'savepoint' || k === 'release' || k === 'rollback-to') continue;
      break; // COMMIT/ROLLBACK ends the earlier transaction; BEGIN starts this one
    }
    if (s.kind !== 'AlterEnumStmt' || !s.ast.newVal || s.ast.oldVal) continue;
    const { key, name } = enumKey(s.ast.typeName);
    // values of a type created in the same transaction are safe to use at once
    if (catalog.enums.get(key)?.createdIn === origin) continue;
    out.push({ stmt: s, key, name, value: s.ast.newVal });
  }
  return out;
}

/** Columns of enum type `key`, by table key. */
function enumColumns(catalog: Catalog, key: string): Map<string, Set<string>> {
  const [schema, name] = key.split('.') as [string, string];
  const out = new Map<string, Set<string>>();
  for (const [tk, t] of catalog.tables) {
    for (const c of t.columns.values()) {
      if (c.type.name === name && (c.type.schema ?? DEFAULT_SCHEMA) === schema && !c.type.arrayDims) {
        if (!out.has(tk)) out.set(tk, new Set());
        out.get(tk)!.add(c.name);
      }
    }
  }
  return out;
}

/** Where statement `s` turns the text `value` into the enum: a cast, a comparison or assignment to an enum column, a default. */
function findUse(s: PgStatement, a: Added, catalog: Catalog): string | undefined {
  const cols = enumColumns(catalog, a.key);
  const rels = new Set<string>();
  const collectRels = (n: any): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(collectRels);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'RangeVar') rels.add(relKey(v as any));
      else if ((k === 'relation' || k === 'table') && (v as any)?.relname) rels.add(relKey(v as any));
      collectRels(v);
    }
  };
  collectRels(s.ast);
  const isEnumCol = (name: string | undefined): boolean => !!name && [...rels].some((r) => cols.get(r)?.has(name));
  const isEnumType = (tn: any): boolean => {
    const n = names(tn?.names);
    return n[n.length - 1] === a.name && !tn?.arrayBounds?.length;
  };
  const isValue = (n: any): boolean =>
    sval(n) === a.value || (sval(n?.TypeCast?.arg) === a.value && isEnumType(n.TypeCast.typeName));
  const colName = (n: any): string | undefined => {
    const f = names(n?.ColumnRef?.fields);
    return f[f.length - 1];
  };

  let found: string | undefined;
  const visit = (n: any): void => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const [k, v] of Object.entries(n) as [string, any][]) {
      if (found) return;
      if (k === 'TypeCast' && sval(v.arg) === a.value && isEnumType(v.typeName))
        found = `the cast ${quoteLiteral(a.value)}::${a.name}`;
      else if (k === 'A_Expr') {
        const sides = [v.lexpr, v.rexpr];
        const hasValue = sides.some((x) => isValue(x) || (x?.List?.items ?? []).some(isValue));
        const col = sides.map(colName).find(isEnumCol);
        if (hasValue && col) found = `the comparison with column ${col}`;
      } else if (k === 'ColumnDef' && isEnumType(v.typeName)) {
        const d = (v.constraints ?? []).find((c: any) => c.Constraint?.contype === 'CONSTR_DEFAULT');
        if (d && isValue(d.Constraint.raw_expr)) found = `the default of column ${v.colname}`;
      } else if (k === 'AlterTableCmd' && v.subtype === 'AT_ColumnDefault' && isValue(v.def) && isEnumCol(v.name)) {
        found = `the default of column ${v.name}`;
      } else if (k === 'ResTarget' && v.name && isEnumCol(v.name) && isValue(v.val)) {
        found = `the assignment to column ${v.name}`;
      }
      if (!found) visit(v);
    }
  };
  visit(s.ast);
  if (found) return found;

  // INSERT … VALUES: match positions to the column list (or the table's column order)
  if (s.kind === 'InsertStmt') {
    const target = relKey(s.ast.relation);
    const enumCols = cols.get(target);
    if (!enumCols) return undefined;
    const list: string[] = (s.ast.cols ?? []).map((c: any) => c.ResTarget?.name).filter(Boolean);
    const order = list.length ? list : [...(catalog.table(target)?.columns.keys() ?? [])];
    for (const row of s.ast.selectStmt?.SelectStmt?.valuesLists ?? []) {
      const items: any[] = row.List?.items ?? [];
      for (let i = 0; i < items.length; i++)
        if (isValue(items[i]) && enumCols.has(order[i] ?? '')) return `the value for column ${order[i]}`;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'enum-value-in-transaction',
    severity: 'error',
    summary:
      'ALTER TYPE … ADD VALUE inside a transaction: fails before PostgreSQL 12, and the new value cannot be used until that transaction commits.',
  },
  check(stmt, ctx) {
    if (!ctx.tx.inTransaction) return;
    const origin = ctx.migration.absPath;
    if (stmt.kind === 'AlterEnumStmt' && stmt.ast.newVal && !stmt.ast.oldVal && ctx.pgVersion < 12) {
      const { key, name } = enumKey(stmt.ast.typeName);
      if (ctx.catalog.enums.get(key)?.createdIn === origin) return;
      return {
        message: `Before PostgreSQL 12, ALTER TYPE … ADD VALUE cannot run inside a transaction block, and this statement runs in one: the migration fails with "ALTER TYPE ... ADD cannot run inside a transaction block" (enum \`${name}\`).`,
        help: 'Move ADD VALUE to a migration that does not run in a transaction (or target PostgreSQL 12+).',
        data: { type: name, value: stmt.ast.newVal },
      };
    }
    if (ctx.pgVersion < 12 || !keysBefore(ctx.statements, stmt.index, enumValueAdded).has('add')) return;
    for (const a of addedInSameTransaction(ctx.statements, stmt.index, ctx.catalog, origin)) {
      const use = findUse(stmt, a, ctx.catalog);
      if (!use) continue;
      return {
        message:
          `${quoteLiteral(a.value)} was added to enum \`${a.name}\` on line ${a.stmt.span.line} in this same transaction, and ${use} uses it: PostgreSQL refuses a new enum value until the transaction that added it commits, ` +
          `so this statement fails with "unsafe use of new value ${JSON.stringify(a.value)} of enum type ${a.name}".`,
        help: 'Commit in between: put ALTER TYPE … ADD VALUE in its own migration (or COMMIT right after it) and use the value in a later one.',
        data: { type: a.name, value: a.value, addedOnLine: a.stmt.span.line },
      };
    }
    return;
  },
});
