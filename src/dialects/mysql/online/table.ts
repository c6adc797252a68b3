/**
 * What the server does with each kind of ALTER TABLE clause, as DATA: one row per (operation,
 * flavor), in the shape of the vendors' own tables. Each row says from which version the server can
 * do the operation INSTANT, whether it can do it INPLACE (and then with which lock, and whether it
 * rebuilds the table), else it needs COPY; plus the manual section the row comes from.
 *
 * Sources:
 * - MySQL 8.0 Reference Manual, 15.12.1 "Online DDL Operations" (MySQL 8.4: 17.12.1), its tables
 *   "Online DDL Support for Index / Primary Key / Column / Generated Column / Foreign Key / Table
 *   Operations" (columns Instant, In Place, Rebuilds Table, Permits Concurrent DML).
 * - MariaDB KB "InnoDB Online DDL Operations with the INSTANT Alter Algorithm", "… with the NOCOPY
 *   Alter Algorithm", "… with the INPLACE Alter Algorithm" and "InnoDB Online DDL Overview".
 * - The local MariaDB 10.11, asked by test/dialects/mysql/online-truth.test.ts (basis `measured`).
 *
 * `basis: 'assumed'` marks a row no manual table states outright: zerodown's conservative reading,
 * never one that would call an operation more online than the manual does.
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
  | 'columnVisibility'
  | 'addIndex'
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
  /** the server can do it INSTANT from this version on; absent: never */
  instantSince?: Version;
  /** the server can do it INPLACE: the weakest LOCK it allows, and whether the table is rebuilt; absent: COPY only */
  inplace?: { lock: OnlineLock; rebuilds: boolean };
  /** the manual section the row comes from */
  manual: string;
  basis: 'manual' | 'measured' | 'assumed';
}

const MY_COL = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Column Operations"';
const MY_IDX = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Index Operations"';
const MY_PK = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Primary Key Operations"';
const MY_GEN = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Generated Column Operations"';
const MY_FK = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Foreign Key Operations"';
const MY_TAB = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Table Operations"';
const MY_TS =
  'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Tablespace Operations" and 15.12.8 "Online DDL Limitations"';
const MA_INSTANT = 'MariaDB KB "InnoDB Online DDL Operations with the INSTANT Alter Algorithm"';
const MA_NOCOPY = 'MariaDB KB "InnoDB Online DDL Operations with the NOCOPY Alter Algorithm"';
const MA_INPLACE = 'MariaDB KB "InnoDB Online DDL Operations with the INPLACE Alter Algorithm"';
const MA_OVERVIEW = 'MariaDB KB "InnoDB Online DDL Overview"';
const MEASURED = 'measured on MariaDB 10.11 (test/dialects/mysql/online-truth.test.ts)';

const NONE_REBUILD = { lock: 'NONE', rebuilds: true } as const;
const NONE_META = { lock: 'NONE', rebuilds: false } as const;
const SHARED_REBUILD = { lock: 'SHARED', rebuilds: true } as const;
const SHARED_META = { lock: 'SHARED', rebuilds: false } as const;

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
const mysql = (r: Both, manual: string, basis: OnlineRow['basis'] = 'manual'): OnlineRow => ({
  ...r,
  flavor: 'mysql',
  manual,
  basis,
});
const mariadb = (r: Both, manual: string, basis: OnlineRow['basis'] = 'manual'): OnlineRow => ({
  ...r,
  flavor: 'mariadb',
  manual,
  basis,
});

/** The rows. Order does not matter: (op, flavor) is unique. */
export const ONLINE_TABLE: readonly OnlineRow[] = [
  // ── columns ──
  mysql(
    { op: 'addColumnEnd', what: 'adding a column at the end', instantSince: MYSQL_INSTANT, inplace: NONE_REBUILD },
    MY_COL,
  ),
  mariadb(
    { op: 'addColumnEnd', what: 'adding a column at the end', instantSince: MARIADB_INSTANT, inplace: NONE_REBUILD },
    MA_INSTANT,
  ),
  mysql(
    {
      op: 'addColumnMiddle',
      what: 'adding a column with FIRST/AFTER',
      instantSince: MYSQL_INSTANT_ANYWHERE,
      inplace: NONE_REBUILD,
    },
    MY_COL,
  ),
  mariadb(
    {
      op: 'addColumnMiddle',
      what: 'adding a column with FIRST/AFTER',
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_REBUILD,
    },
    MA_INSTANT,
  ),
  // an expression default (other than CURRENT_TIMESTAMP) must be computed for every existing row
  mysql({ op: 'addColumnExprDefault', what: 'adding a column with an expression default' }, MY_COL, 'assumed'),
  mariadb({ op: 'addColumnExprDefault', what: 'adding a column with an expression default' }, MEASURED, 'measured'),
  // "Concurrent DML is not permitted when adding an auto-increment column"
  mysql({ op: 'addColumnAutoIncrement', what: 'adding an AUTO_INCREMENT column', inplace: SHARED_REBUILD }, MY_COL),
  mariadb(
    { op: 'addColumnAutoIncrement', what: 'adding an AUTO_INCREMENT column', inplace: SHARED_REBUILD },
    MA_INPLACE,
  ),
  mysql({ op: 'addColumnStored', what: 'adding a STORED generated column' }, MY_GEN),
  mariadb({ op: 'addColumnStored', what: 'adding a STORED (PERSISTENT) generated column' }, MEASURED, 'measured'),
  mysql(
    {
      op: 'addColumnVirtual',
      what: 'adding a VIRTUAL generated column',
      instantSince: MYSQL_INSTANT,
      inplace: NONE_META,
    },
    MY_GEN,
  ),
  mariadb(
    {
      op: 'addColumnVirtual',
      what: 'adding a VIRTUAL generated column',
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  mysql(
    { op: 'dropColumn', what: 'dropping a column', instantSince: MYSQL_INSTANT_ANYWHERE, inplace: NONE_REBUILD },
    MY_COL,
  ),
  mariadb(
    { op: 'dropColumn', what: 'dropping a column', instantSince: MARIADB_INSTANT_ANYWHERE, inplace: NONE_REBUILD },
    MA_INSTANT,
  ),
  // the column's index goes with it: not an INSTANT-only change
  mysql({ op: 'dropColumnIndexed', what: 'dropping an indexed column', inplace: NONE_REBUILD }, MY_COL, 'assumed'),
  mariadb({ op: 'dropColumnIndexed', what: 'dropping an indexed column', inplace: NONE_META }, MEASURED, 'measured'),
  mysql({ op: 'dropColumnStored', what: 'dropping a STORED generated column', inplace: NONE_REBUILD }, MY_GEN),
  mariadb(
    { op: 'dropColumnStored', what: 'dropping a STORED generated column', inplace: NONE_REBUILD },
    MA_INPLACE,
    'assumed',
  ),
  mysql(
    {
      op: 'dropColumnVirtual',
      what: 'dropping a VIRTUAL generated column',
      instantSince: MYSQL_INSTANT,
      inplace: NONE_META,
    },
    MY_GEN,
  ),
  mariadb(
    {
      op: 'dropColumnVirtual',
      what: 'dropping a VIRTUAL generated column',
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META,
    },
    MA_INSTANT,
  ),
  mysql({ op: 'reorderColumn', what: 'reordering columns', inplace: NONE_REBUILD }, MY_COL),
  mariadb(
    { op: 'reorderColumn', what: 'reordering columns', instantSince: MARIADB_INSTANT_ANYWHERE, inplace: NONE_REBUILD },
    MA_INSTANT,
  ),
  mysql({ op: 'renameColumn', what: 'renaming a column', instantSince: v('8.0.28'), inplace: NONE_META }, MY_COL),
  mariadb(
    { op: 'renameColumn', what: 'renaming a column', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT,
  ),
  mysql(
    { op: 'setDefault', what: 'setting a column default', instantSince: MYSQL_INSTANT, inplace: NONE_META },
    MY_COL,
  ),
  mariadb(
    { op: 'setDefault', what: 'setting a column default', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT,
  ),
  mysql(
    { op: 'dropDefault', what: 'dropping a column default', instantSince: MYSQL_INSTANT, inplace: NONE_META },
    MY_COL,
  ),
  mariadb(
    { op: 'dropDefault', what: 'dropping a column default', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT,
  ),
  mysql({ op: 'columnComment', what: 'changing a column comment', inplace: NONE_META }, MY_COL, 'assumed'),
  mariadb(
    { op: 'columnComment', what: 'changing a column comment', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MEASURED,
    'measured',
  ),
  // "Changing the column data type … In Place No … Permits Concurrent DML No"
  mysql({ op: 'changeType', what: 'changing a column type' }, MY_COL),
  mariadb({ op: 'changeType', what: 'changing a column type' }, MA_INPLACE),
  mysql({ op: 'shrinkType', what: 'shrinking a column type' }, MY_COL),
  mariadb({ op: 'shrinkType', what: 'shrinking a column type' }, MA_INPLACE),
  // "Extending VARCHAR column size: In Place Yes … the number of length bytes … must remain the same"
  mysql({ op: 'varcharExtend', what: 'widening a VARCHAR within its length-prefix size', inplace: NONE_META }, MY_COL),
  mariadb(
    {
      op: 'varcharExtend',
      what: 'widening a VARCHAR within its length-prefix size',
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META,
    },
    MA_INSTANT,
  ),
  // MariaDB 10.4.3 (MDEV-15563; 10.4.6 was the first GA): a VARCHAR of at most 127 bytes can grow past 255 bytes instantly
  mysql({ op: 'varcharExtendSmall', what: 'widening a VARCHAR of at most 127 bytes past 255 bytes' }, MY_COL),
  mariadb(
    {
      op: 'varcharExtendSmall',
      what: 'widening a VARCHAR of at most 127 bytes past 255 bytes',
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  mysql({ op: 'varcharCrossPrefix', what: 'widening a VARCHAR across the 255-byte length-prefix boundary' }, MY_COL),
  mariadb(
    { op: 'varcharCrossPrefix', what: 'widening a VARCHAR across the 255-byte length-prefix boundary' },
    MA_INPLACE,
  ),
  // "Modifying the definition of an ENUM or SET column: Instant Yes" (members added at the end, same storage size)
  mysql(
    { op: 'enumAppend', what: 'adding ENUM/SET members at the end', instantSince: MYSQL_INSTANT, inplace: NONE_META },
    MY_COL,
  ),
  mariadb(
    { op: 'enumAppend', what: 'adding ENUM/SET members at the end', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT,
  ),
  mysql({ op: 'enumAppendGrows', what: 'adding ENUM/SET members that change the storage size' }, MY_COL),
  mariadb(
    { op: 'enumAppendGrows', what: 'adding ENUM/SET members that change the storage size' },
    MEASURED,
    'measured',
  ),
  mysql({ op: 'enumReorder', what: 'reordering or removing ENUM/SET members' }, MY_COL),
  mariadb({ op: 'enumReorder', what: 'reordering or removing ENUM/SET members' }, MA_INPLACE),
  mysql({ op: 'makeNull', what: 'making a column NULL', inplace: NONE_REBUILD }, MY_COL),
  mariadb({ op: 'makeNull', what: 'making a column NULL', inplace: NONE_REBUILD }, MA_INPLACE),
  // "Making a column NOT NULL: In Place Yes* … SQL_MODE must include STRICT_ALL_TABLES or STRICT_TRANS_TABLES"
  mysql({ op: 'makeNotNull', what: 'making a column NOT NULL', inplace: NONE_REBUILD }, MY_COL),
  mariadb({ op: 'makeNotNull', what: 'making a column NOT NULL', inplace: NONE_REBUILD }, MA_INPLACE),
  mysql({ op: 'changeCharset', what: "changing a column's character set" }, MY_COL),
  mariadb({ op: 'changeCharset', what: "changing a column's character set" }, MEASURED, 'measured'),
  mysql({ op: 'changeCollation', what: "changing a column's collation" }, MY_COL, 'assumed'),
  mariadb(
    {
      op: 'changeCollation',
      what: "changing a non-indexed column's collation",
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  mysql({ op: 'columnVisibility', what: 'making a column VISIBLE/INVISIBLE', inplace: NONE_META }, MY_COL, 'assumed'),
  mariadb({ op: 'columnVisibility', what: 'making a column VISIBLE/INVISIBLE' }, MA_INPLACE, 'assumed'),
  // ── indexes ──
  mysql({ op: 'addIndex', what: 'adding a secondary index', inplace: NONE_META }, MY_IDX),
  mariadb({ op: 'addIndex', what: 'adding a secondary index', inplace: NONE_META }, MA_NOCOPY),
  // "Adding a FULLTEXT index: In Place Yes* Rebuilds No* Permits Concurrent DML No" (the first one rebuilds: FTS_DOC_ID)
  mysql({ op: 'addFulltext', what: 'adding a FULLTEXT index', inplace: SHARED_META }, MY_IDX),
  mariadb({ op: 'addFulltext', what: 'adding a FULLTEXT index', inplace: SHARED_META }, MA_NOCOPY),
  mysql({ op: 'addFulltextFirst', what: "adding a table's first FULLTEXT index", inplace: SHARED_REBUILD }, MY_IDX),
  mariadb(
    { op: 'addFulltextFirst', what: "adding a table's first FULLTEXT index", inplace: SHARED_REBUILD },
    MA_INPLACE,
  ),
  // InnoDB builds one FULLTEXT index at a time in place
  mysql({ op: 'addFulltextMany', what: 'adding several FULLTEXT indexes in one ALTER' }, MY_IDX),
  mariadb({ op: 'addFulltextMany', what: 'adding several FULLTEXT indexes in one ALTER' }, MEASURED, 'measured'),
  mysql({ op: 'addSpatial', what: 'adding a SPATIAL index', inplace: SHARED_META }, MY_IDX),
  mariadb({ op: 'addSpatial', what: 'adding a SPATIAL index', inplace: SHARED_META }, MA_NOCOPY),
  mysql({ op: 'dropIndex', what: 'dropping an index', inplace: NONE_META }, MY_IDX),
  mariadb({ op: 'dropIndex', what: 'dropping an index', inplace: NONE_META }, MA_NOCOPY),
  mysql({ op: 'renameIndex', what: 'renaming an index', inplace: NONE_META }, MY_IDX),
  mariadb(
    { op: 'renameIndex', what: 'renaming an index', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT,
  ),
  mysql({ op: 'indexVisibility', what: 'making an index VISIBLE/INVISIBLE', inplace: NONE_META }, MY_IDX, 'assumed'),
  mariadb(
    {
      op: 'indexVisibility',
      what: 'making an index IGNORED/NOT IGNORED',
      instantSince: v('10.6.0'),
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  // ── primary key ──
  mysql({ op: 'addPrimaryKey', what: 'adding a primary key', inplace: NONE_REBUILD }, MY_PK),
  mariadb({ op: 'addPrimaryKey', what: 'adding a primary key', inplace: NONE_REBUILD }, MA_INPLACE),
  // "Dropping a primary key: In Place No … Permits Concurrent DML No"
  mysql({ op: 'dropPrimaryKey', what: 'dropping the primary key' }, MY_PK),
  mariadb({ op: 'dropPrimaryKey', what: 'dropping the primary key' }, MA_INPLACE),
  // "Dropping a primary key and adding another: In Place Yes, Rebuilds Yes, Permits Concurrent DML Yes"
  mysql({ op: 'swapPrimaryKey', what: 'replacing the primary key', inplace: NONE_REBUILD }, MY_PK),
  mariadb({ op: 'swapPrimaryKey', what: 'replacing the primary key', inplace: NONE_REBUILD }, MA_INPLACE),
  // ── foreign keys and checks ──
  // "Adding a foreign key constraint: The INPLACE algorithm is supported when foreign_key_checks is disabled. Otherwise, only the COPY algorithm is supported."
  mysql({ op: 'addForeignKey', what: 'adding a foreign key with foreign_key_checks=1' }, MY_FK),
  mariadb({ op: 'addForeignKey', what: 'adding a foreign key with foreign_key_checks=1' }, MA_INPLACE),
  mysql(
    { op: 'addForeignKeyNoChecks', what: 'adding a foreign key with foreign_key_checks=0', inplace: NONE_META },
    MY_FK,
  ),
  mariadb(
    {
      op: 'addForeignKeyNoChecks',
      what: 'adding a foreign key with foreign_key_checks=0',
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  mysql({ op: 'dropForeignKey', what: 'dropping a foreign key', inplace: NONE_META }, MY_FK),
  mariadb(
    { op: 'dropForeignKey', what: 'dropping a foreign key', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MEASURED,
    'measured',
  ),
  // every existing row must be checked
  mysql({ op: 'addCheck', what: 'adding a CHECK constraint' }, MY_TAB, 'assumed'),
  mariadb({ op: 'addCheck', what: 'adding a CHECK constraint' }, MEASURED, 'measured'),
  mysql({ op: 'dropCheck', what: 'dropping a CHECK constraint', inplace: NONE_META }, MY_TAB, 'assumed'),
  mariadb(
    { op: 'dropCheck', what: 'dropping a CHECK constraint', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT,
  ),
  // ── table ──
  mysql({ op: 'renameTable', what: 'renaming the table', instantSince: MYSQL_INSTANT, inplace: NONE_META }, MY_TAB),
  mariadb(
    { op: 'renameTable', what: 'renaming the table', instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT,
  ),
  // "Converting a character set: In Place No … Permits Concurrent DML No"
  mysql({ op: 'convertCharset', what: 'converting the table to another character set' }, MY_TAB),
  mariadb({ op: 'convertCharset', what: 'converting the table to another character set' }, MEASURED, 'measured'),
  // "Specifying a character set: In Place Yes, Rebuilds Yes*" (the table's default, for new columns)
  mysql({ op: 'tableCharset', what: "changing the table's default character set", inplace: NONE_REBUILD }, MY_TAB),
  mariadb(
    {
      op: 'tableCharset',
      what: "changing the table's default character set",
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  // ROW_FORMAT, KEY_BLOCK_SIZE, FORCE, ENGINE=InnoDB on InnoDB, OPTIMIZE: "In Place Yes, Rebuilds Yes, Permits Concurrent DML Yes"
  mysql(
    {
      op: 'rebuildTable',
      what: 'rebuilding the table (ROW_FORMAT, KEY_BLOCK_SIZE, FORCE, ENGINE=InnoDB)',
      inplace: NONE_REBUILD,
    },
    MY_TAB,
  ),
  mariadb(
    {
      op: 'rebuildTable',
      what: 'rebuilding the table (ROW_FORMAT, KEY_BLOCK_SIZE, FORCE, ENGINE=InnoDB)',
      inplace: NONE_REBUILD,
    },
    MA_INPLACE,
  ),
  mysql({ op: 'changeEngine', what: 'moving the table to another storage engine' }, MY_TS, 'assumed'),
  mariadb({ op: 'changeEngine', what: 'moving the table to another storage engine' }, MA_OVERVIEW, 'assumed'),
  // "Changing the auto-increment value: In Place Yes, Rebuilds No"
  mysql({ op: 'autoIncrementValue', what: 'changing the AUTO_INCREMENT value', inplace: NONE_META }, MY_COL),
  mariadb(
    {
      op: 'autoIncrementValue',
      what: 'changing the AUTO_INCREMENT value',
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  // COMMENT, STATS_PERSISTENT / STATS_AUTO_RECALC / STATS_SAMPLE_PAGES: "Only Modifies Metadata"
  mysql({ op: 'tableMetadata', what: 'changing table metadata (COMMENT, STATS_*)', inplace: NONE_META }, MY_TAB),
  mariadb(
    {
      op: 'tableMetadata',
      what: 'changing table metadata (COMMENT, STATS_*)',
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
];

const BY_KEY = new Map(ONLINE_TABLE.map((r) => [`${r.flavor}:${r.op}`, r]));

/** The row for an operation on a flavor (every (op, flavor) has one: a test checks it). */
export function rowFor(op: OpKind, flavor: Flavor): OnlineRow {
  const row = BY_KEY.get(`${flavor}:${op}`);
  if (!row) throw new Error(`online table: no row for ${flavor} ${op}`);
  return row;
}

/**
 * Facts about the table that change the answer for a whole class of operations, as data too.
 * `noInstantColumns`: the table cannot take INSTANT ADD/DROP/reorder COLUMN; `rebuildLock`: a rebuild
 * in place needs at least this lock; `copyAll`: only COPY works (but for `except`).
 */
export interface TableConditionRow {
  condition: 'fulltext' | 'compressed' | 'notInnodb';
  flavor: Flavor;
  noInstantColumns?: boolean;
  rebuildLock?: OnlineLock;
  copyAll?: { except: OpKind[] };
  why: string;
  manual: string;
  basis: OnlineRow['basis'];
}

export const TABLE_CONDITIONS: readonly TableConditionRow[] = [
  // "ALGORITHM=INSTANT … is not supported for tables with a FULLTEXT index"; a rebuild with a FULLTEXT index cannot allow concurrent DML
  {
    condition: 'fulltext',
    flavor: 'mysql',
    noInstantColumns: true,
    rebuildLock: 'SHARED',
    why: 'the table has a FULLTEXT index',
    manual: MY_COL,
    basis: 'manual',
  },
  {
    condition: 'fulltext',
    flavor: 'mariadb',
    noInstantColumns: true,
    rebuildLock: 'SHARED',
    why: 'the table has a FULLTEXT index (hidden FTS_DOC_ID column)',
    manual: MA_INSTANT,
    basis: 'measured',
  },
  {
    condition: 'compressed',
    flavor: 'mysql',
    noInstantColumns: true,
    why: 'the table is ROW_FORMAT=COMPRESSED',
    manual: MY_COL,
    basis: 'manual',
  },
  {
    condition: 'compressed',
    flavor: 'mariadb',
    noInstantColumns: true,
    why: 'the table is ROW_FORMAT=COMPRESSED',
    manual: MA_INSTANT,
    basis: 'measured',
  },
  // online DDL is InnoDB's: other engines copy
  {
    condition: 'notInnodb',
    flavor: 'mysql',
    copyAll: { except: ['renameTable'] },
    why: 'the table is not InnoDB',
    manual: MY_TS,
    basis: 'assumed',
  },
  {
    condition: 'notInnodb',
    flavor: 'mariadb',
    copyAll: { except: ['renameTable'] },
    why: 'the table is not InnoDB',
    manual: MA_OVERVIEW,
    basis: 'measured',
  },
];

/** Operations that add, drop or reorder columns (what INSTANT row versions and the table conditions concern). */
export const COLUMN_SHAPE_OPS: ReadonlySet<OpKind> = new Set<OpKind>([
  'addColumnEnd',
  'addColumnMiddle',
  'addColumnVirtual',
  'dropColumn',
  'dropColumnStored',
  'dropColumnVirtual',
  'reorderColumn',
]);

/** MySQL's instant row-version limit per table: 64, 255 from 9.1 (error 4092, ER_INNODB_MAX_ROW_VERSION). */
export const ROW_VERSION_LIMITS: readonly { since: Version; limit: number }[] = [
  { since: v('9.1.0'), limit: 255 },
  { since: MYSQL_INSTANT_ANYWHERE, limit: 64 },
];

/** MySQL versions whose INSTANT ADD/DROP COLUMN has known data-corrupting bugs (fixed in 8.0.32). */
export const MYSQL_INSTANT_BUGGY = { from: v('8.0.29'), to: v('8.0.31') } as const;
