/**
 * Pre-flight queries: read-only SQL for a person to run on production before a step that fails or
 * loses data on some rows. Each one answers "which rows would this hurt?"; an empty answer (or 0)
 * means the step is safe to run. Names are quoted; values go through `literal`.
 */
import type { ForeignKeyDef, IndexDef, TableName } from '../ast.js';
import type { PreflightQuery } from '../../../plan/types.js';
import { ident, literal, tableRef } from './sqltext.js';

/** Duplicate values a new UNIQUE or PRIMARY key would reject (or that gh-ost / pt-osc would drop silently). */
export function duplicatesQuery(table: TableName, ix: IndexDef): PreflightQuery | undefined {
  if (ix.columns.some((c) => c.expression)) return undefined;
  const parts = ix.columns.map((c) =>
    c.length !== undefined ? `LEFT(${ident(c.name)}, ${Number(c.length)})` : ident(c.name),
  );
  // NULLs never collide in a UNIQUE index; a PRIMARY KEY refuses them outright (see nullsQuery)
  const notNull = ix.columns.map((c) => `${ident(c.name)} IS NOT NULL`).join(' AND ');
  return {
    purpose: `rows that share a value of the new ${ix.kind === 'primary' ? 'primary key' : 'unique index'} (${ix.columns.map((c) => c.name).join(', ')}): the step fails on them, or an online schema change tool drops all but one. Must return no rows`,
    sql: `SELECT ${parts.join(', ')}, COUNT(*) AS zd_rows FROM ${tableRef(table)} WHERE ${notNull} GROUP BY ${parts.join(', ')} HAVING COUNT(*) > 1 LIMIT 20;`,
  };
}

/** NULLs a column about to become NOT NULL still holds (the step fails on them, or under a non-strict sql_mode turns them into 0 or ''). */
export function nullsQuery(table: TableName, column: string): PreflightQuery {
  return {
    purpose: `NULLs left in ${column}, which is about to become NOT NULL: the step fails on them (or, without strict sql_mode, silently turns them into 0 or ''). Must return 0`,
    sql: `SELECT COUNT(*) AS zd_nulls FROM ${tableRef(table)} WHERE ${ident(column)} IS NULL;`,
  };
}

/** Values longer than a shrunk character column holds (cut off, or the step fails under strict sql_mode). */
export function tooLongQuery(table: TableName, column: string, length: number): PreflightQuery {
  return {
    purpose: `values of ${column} longer than the new length ${length}: the step fails on them (or, without strict sql_mode, cuts them off). Must return 0`,
    sql: `SELECT COUNT(*) AS zd_too_long FROM ${tableRef(table)} WHERE CHAR_LENGTH(${ident(column)}) > ${Number(length)};`,
  };
}

/** Values an ENUM/SET no longer lists (the step fails on them, or stores '' without strict sql_mode). */
export function removedValuesQuery(table: TableName, column: string, kept: readonly string[]): PreflightQuery {
  const list = kept.length ? kept.map(literal).join(', ') : 'NULL';
  return {
    purpose: `values of ${column} the new ENUM/SET list drops: the step fails on them (or stores '' without strict sql_mode). Must return no rows`,
    sql: `SELECT ${ident(column)}, COUNT(*) AS zd_rows FROM ${tableRef(table)} WHERE ${ident(column)} IS NOT NULL AND ${ident(column)} NOT IN (${list}) GROUP BY ${ident(column)} LIMIT 20;`,
  };
}

/** Rows a new foreign key would not accept: with foreign_key_checks=0 the server adds it without checking them. */
export function orphansQuery(table: TableName, fk: ForeignKeyDef): PreflightQuery | undefined {
  if (!fk.refColumns.length || fk.refColumns.length !== fk.columns.length) return undefined;
  const notNull = fk.columns.map((c) => `zd_c.${ident(c)} IS NOT NULL`).join(' AND ');
  const match = fk.columns.map((c, i) => `zd_p.${ident(fk.refColumns[i]!)} = zd_c.${ident(c)}`).join(' AND ');
  return {
    purpose: `rows of ${table.name} whose ${fk.columns.join(', ')} has no match in ${fk.refTable.name}: the plan adds the foreign key without checking existing rows (foreign_key_checks=0), so they would stay and break it. Must return 0`,
    sql: `SELECT COUNT(*) AS zd_orphans FROM ${tableRef(table)} AS zd_c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${tableRef(fk.refTable)} AS zd_p WHERE ${match});`,
  };
}
