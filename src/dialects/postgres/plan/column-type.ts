/**
 * ALTER COLUMN … TYPE that rewrites a busy table (changing-column-type): an
 * expand/contract replacement (expand-contract.ts) under a temporary name,
 * swapped in at the end so the app keeps the same column name.
 */
import { typeRef, sameType, type TypeRef } from '../typenames.js';
import { names, volatility } from '../util.js';
import { isNewTable, nameTaken, shorten } from './context.js';
import { replaceColumn } from './expand-contract.js';
import { helperName } from './names.js';
import { ident as q } from './quote.js';
import { findNodes } from './sqltext.js';
import type { AlterCommandRewrite, AlterInput, Group } from './types.js';

/** Type changes PostgreSQL makes without rewriting the table (binary-coercible, no stricter limit). */
export function typeChangeIsInstant(from: TypeRef, to: TypeRef): boolean {
  if (from.arrayDims !== to.arrayDims) return false;
  if (sameType(from, to)) return true;
  const text = (t: TypeRef) => t.name === 'text' || (t.name === 'varchar' && !t.mods.length);
  if (from.name === 'varchar' && (text(to) || (to.name === 'varchar' && to.mods[0]! >= from.mods[0]!))) return true;
  if (from.name === 'text' && text(to)) return true;
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (!to.mods.length) return true;
    return (
      from.mods.length === 2 && to.mods.length === 2 && to.mods[1] === from.mods[1] && to.mods[0]! >= from.mods[0]!
    );
  }
  if (from.name === 'varbit' && to.name === 'varbit')
    return !to.mods.length || (!!from.mods.length && to.mods[0]! >= from.mods[0]!);
  if (from.name === 'cidr' && to.name === 'inet') return true;
  return false;
}

/** ALTER COLUMN … TYPE that rewrites the table (changing-column-type). */
function alterColumnType(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, key, table, src } = inp;
  if (!table || isNewTable(ctx, key)) return undefined;
  const column = table.columns.get(cmd.name);
  const def = cmd.def?.ColumnDef;
  if (!column || !def?.typeName) return undefined;
  const to = typeRef(def.typeName);
  const flagged = ctx.flaggedBy(stmt).has('changing-column-type');
  if (!flagged && !def.raw_default && typeChangeIsInstant(column.type, to)) return undefined;
  if (!ctx.allowed(stmt, 'changing-column-type')) return undefined;
  if (column.addedIn === ctx.origin) return undefined;
  let typeSql: string;
  try {
    typeSql = src.type(def.typeName);
  } catch {
    return undefined;
  }
  const bareType = typeSql;
  if (def.collClause) typeSql += ` COLLATE ${names(def.collClause.collname).map(q).join('.')}`;
  const using = !!def.raw_default;
  // a USING expression that names other tables cannot run in a trigger on this row
  if (using && findNodes(def.raw_default, 'ColumnRef').some((r) => names(r.fields).length > 1)) return undefined;
  const volatileUsing = def.raw_default && volatility(def.raw_default) === 'volatile';
  const newName = helperName(
    column.name,
    'zd_new',
    (n) => table.columns.has(n) || nameTaken(ctx, table.schema, n, table),
  );
  const convert = (col: (name: string) => string) =>
    using
      ? src.substitute(def.raw_default, (ref) => col(names(ref.fields).at(-1)!))
      : `${col(column.name)}::${bareType}`;
  return replaceColumn({
    stmt,
    ctx,
    header: inp.header,
    rel,
    table,
    column,
    newName,
    finalName: column.name,
    typeSql,
    convert: (col) => (using ? `(${convert(col)})` : convert(col)),
    reads: using ? findNodes(def.raw_default, 'ColumnRef').map((r) => names(r.fields).at(-1)!) : [],
    volatile: !!volatileUsing,
    rule: 'changing-column-type',
    summary: `expand/contract: ${newName} ${shorten(typeSql, 30)} kept in sync by a trigger, backfilled in batches, indexes rebuilt CONCURRENTLY, then swapped in one short transaction${volatileUsing ? ' (the USING expression is volatile: values differ from the original run)' : ''}`,
    contractReason: `swap in one short transaction: drop the trigger and the old column, rename ${newName} to ${column.name}, restore its default, NOT NULL and index names (the app keeps using the same column name)`,
  });
}

export const alterColumnTypeRewrite: AlterCommandRewrite = {
  id: 'alter-column-type',
  subtype: 'AT_AlterColumnType',
  answers: ['changing-column-type'],
  rewrite: alterColumnType,
};
