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
import { COLUMN_ROWS } from './rows-columns.js';
import {
  MY_IDX,
  MY_PK,
  MY_FK,
  MY_TAB,
  MY_TS,
  MY_COL,
  MA_INSTANT,
  MA_NOCOPY,
  MA_INPLACE,
  MA_OVERVIEW,
  MEASURED,
  NONE_REBUILD,
  NONE_META,
  SHARED_REBUILD,
  SHARED_META,
  MYSQL_INSTANT,
  MYSQL_INSTANT_ANYWHERE,
  MARIADB_INSTANT,
  mysql,
  mariadb,
  type OnlineLock,
  type OnlineRow,
  type OpKind,
} from './row-types.js';

export type { OnlineLock, OnlineRow, OpKind } from './row-types.js';
export { MARIADB_INSTANT, MARIADB_INSTANT_ANYWHERE, MYSQL_INSTANT, MYSQL_INSTANT_ANYWHERE } from './row-types.js';

/** The rows. Order does not matter: (op, flavor) is unique. */
export const ONLINE_TABLE: readonly OnlineRow[] = [
  ...COLUMN_ROWS,
  // ── indexes ──
  mysql({ op: 'addIndex', what: 'adding a secondary index', inplace: NONE_META }, MY_IDX),
  mariadb({ op: 'addIndex', what: 'adding a secondary index', inplace: NONE_META }, MA_NOCOPY),
  // ALTER IGNORE TABLE … ADD UNIQUE/PRIMARY KEY drops duplicate rows as it copies (MySQL removed IGNORE in 5.7.4)
  mysql({ op: 'addUniqueIgnore', what: 'adding a unique key with ALTER IGNORE' }, MY_IDX, 'assumed'),
  mariadb(
    { op: 'addUniqueIgnore', what: 'adding a unique key with ALTER IGNORE (duplicates are dropped row by row)' },
    MEASURED,
    'measured',
  ),
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
