/**
 * MySQL's instant row versions, counted along the replayed history: from MySQL 8.0.29 every ALTER
 * TABLE that adds or drops columns with ALGORITHM=INSTANT makes a new row version of the table, up
 * to 64 (255 from MySQL 9.1); a rebuild (INPLACE with a rebuild, COPY, TRUNCATE) starts again at 0.
 * MySQL 8.0 Reference Manual 15.12.1 "Online DDL Operations", "Column Operations": "Adding a column"
 * (the row-version limit and INFORMATION_SCHEMA.INNODB_TABLES.TOTAL_ROW_VERSIONS).
 *
 * The catalog does not know the target server, so it counts as a MySQL with row versions and no
 * lower limit would (9.1: 255); rules compare the count with the target's own limit.
 */
import type { AlterTableAst, MyTable, ServerVersion } from '../ast.js';
import { predictAlter } from './predict.js';

const COUNTING: ServerVersion = { flavor: 'mysql', major: 9, minor: 1, patch: 0 };

/** The table's row-version count after the ALTER (called by the catalog before it applies the ALTER). */
export function rowVersionsAfter(ast: AlterTableAst, table: MyTable): number {
  const p = predictAlter(ast, table, COUNTING);
  if (p.explicit?.refused) return table.rowVersions;
  if (p.algorithm === 'INSTANT' && p.rowVersions) return p.rowVersions.after;
  if (p.rebuilds) return 0;
  return table.rowVersions;
}
