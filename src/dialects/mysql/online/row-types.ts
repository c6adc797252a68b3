/**
 * The shape of the online table's rows (table.ts) and the helpers that write them: the manual
 * sections cited, the version thresholds, and the lock/rebuild combinations.
 */
import type { Flavor } from '../ast.js';
import { v, type Version } from './facts.js';

/** The LOCK a clause needs at least when it runs INPLACE. */
export type OnlineLock = 'NONE' | 'SHARED' | 'EXCLUSIVE';

/** The kinds of operation the prediction tells apart (classify.ts maps AST clauses onto them). */
export type OpKind =
  | 'addColumnEnd'
  | 'addColumnMiddle'
  | 'addColumnExprDefault'
  | 'addColumnConstExprDefault'
  | 'addColumnAutoIncrement'
  | 'addColumnStored'
  | 'addColumnVirtual'
  | 'dropColumn'
  | 'dropColumnIndexed'
  | 'dropColumnStored'
  | 'dropColumnVirtual'
  | 'reorderColumn'
  | 'renameColumn'
  | 'setDefault'
  | 'dropDefault'
  | 'columnComment'
  | 'changeType'
  | 'shrinkType'
  | 'varcharExtend'
  | 'varcharExtendSmall'
  | 'varcharCrossPrefix'
  | 'enumAppend'
  | 'enumAppendGrows'
  | 'enumReorder'
  | 'makeNull'
  | 'makeNotNull'
  | 'changeCharset'
  | 'changeCollation'
  | 'changeCollationIndexed'
  | 'columnVisibility'
  | 'addIndex'
  | 'addUniqueIgnore'
  | 'addFulltext'
  | 'addFulltextFirst'
  | 'addFulltextMany'
  | 'addSpatial'
  | 'dropIndex'
  | 'renameIndex'
  | 'indexVisibility'
  | 'addPrimaryKey'
  | 'dropPrimaryKey'
  | 'swapPrimaryKey'
  | 'addForeignKey'
  | 'addForeignKeyNoChecks'
  | 'dropForeignKey'
  | 'addCheck'
  | 'dropCheck'
  | 'renameTable'
  | 'convertCharset'
  | 'tableCharset'
  | 'rebuildTable'
  | 'changeEngine'
  | 'autoIncrementValue'
  | 'tableMetadata';

/** One row of the table. */
export interface OnlineRow {
  op: OpKind;
  flavor: Flavor;
  /** what the operation is, for messages (`adding a column at the end`) */
  what: string;
  /** before this version the server can only COPY (the row's INSTANT/INPLACE facts start here); absent: always */
  since?: Version;
  /** the server can do it INSTANT from this version on; absent: never */
  instantSince?: Version;
  /** the server can do it INPLACE: the weakest LOCK it allows, and whether the table is rebuilt; absent: COPY only */
  inplace?: { lock: OnlineLock; rebuilds: boolean };
  /** the manual section the row comes from */
  manual: string;
  basis: 'manual' | 'measured' | 'assumed';
}

export const MY_COL = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Column Operations"';
export const MY_IDX = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Index Operations"';
export const MY_PK =
  'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Primary Key Operations"';
export const MY_GEN =
  'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Generated Column Operations"';
export const MY_FK =
  'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Foreign Key Operations"';
export const MY_TAB = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Table Operations"';
export const MY_TS =
  'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Tablespace Operations" and 15.12.8 "Online DDL Limitations"';
export const MA_INSTANT = 'MariaDB KB "InnoDB Online DDL Operations with the INSTANT Alter Algorithm"';
export const MA_NOCOPY = 'MariaDB KB "InnoDB Online DDL Operations with the NOCOPY Alter Algorithm"';
export const MA_INPLACE = 'MariaDB KB "InnoDB Online DDL Operations with the INPLACE Alter Algorithm"';
export const MA_OVERVIEW = 'MariaDB KB "InnoDB Online DDL Overview"';
export const MEASURED = 'measured on MariaDB 10.11 (test/dialects/mysql/online-truth.test.ts)';

export const NONE_REBUILD = { lock: 'NONE', rebuilds: true } as const;
export const NONE_META = { lock: 'NONE', rebuilds: false } as const;
export const SHARED_REBUILD = { lock: 'SHARED', rebuilds: true } as const;
export const SHARED_META = { lock: 'SHARED', rebuilds: false } as const;

/** MySQL's first version with ALGORITHM=INSTANT, and the one that added it anywhere + DROP COLUMN. */
export const MYSQL_INSTANT = v('8.0.12');
export const MYSQL_INSTANT_ANYWHERE = v('8.0.29');
/**
 * MariaDB's first version with instant ADD COLUMN (at the end: 10.3.2, a pre-GA release; 10.3.7 was the
 * first GA, so `--mysql-version 10.3` gets it), and the one with DROP/reorder/anywhere.
 */
export const MARIADB_INSTANT = v('10.3.0');
export const MARIADB_INSTANT_ANYWHERE = v('10.4.0');

type Both = Omit<OnlineRow, 'flavor' | 'manual' | 'basis'>;
export const mysql = (r: Both, manual: string, basis: OnlineRow['basis'] = 'manual'): OnlineRow => ({
  ...r,
  flavor: 'mysql',
  manual,
  basis,
});
export const mariadb = (r: Both, manual: string, basis: OnlineRow['basis'] = 'manual'): OnlineRow => ({
  ...r,
  flavor: 'mariadb',
  manual,
  basis,
});
