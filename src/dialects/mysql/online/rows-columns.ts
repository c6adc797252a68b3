/**
 * The online table's column rows (see table.ts for the sources): "Column Operations" and
 * "Generated Column Operations" of MySQL 8.0 Reference Manual 15.12.1, the MariaDB KB online DDL
 * pages, and what MariaDB 10.11 measured.
 */
import { v } from './facts.js';
import {
  MY_COL,
  MY_GEN,
  MA_INSTANT,
  MA_INPLACE,
  MEASURED,
  NONE_REBUILD,
  NONE_META,
  SHARED_REBUILD,
  MYSQL_INSTANT,
  MYSQL_INSTANT_ANYWHERE,
  MARIADB_INSTANT,
  MARIADB_INSTANT_ANYWHERE,
  mysql,
  mariadb,
  type OnlineRow,
} from './row-types.js';

/** Adding, dropping, renaming and redefining columns. */
export const COLUMN_ROWS: readonly OnlineRow[] = [
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
  // an expression default (other than CURRENT_TIMESTAMP) must be computed for every existing row. MySQL refuses
  // INSTANT for it (error 1845; not in the manual's table, seen by Vitess' schemadiff, vitessio/vitess#16024); whether
  // INPLACE is allowed is not documented, so zerodown assumes COPY. MariaDB refuses INPLACE too (MDEV-12586), measured.
  mysql({ op: 'addColumnExprDefault', what: 'adding a column with an expression default' }, MY_COL, 'assumed'),
  mariadb({ op: 'addColumnExprDefault', what: 'adding a column with an expression default' }, MEASURED, 'measured'),
  // an expression default without column references or per-row functions: MySQL still refuses INSTANT for any
  // expression default (vitessio/vitess#16024, even `DEFAULT (2 + 5)`); MariaDB stores it once (measured)
  mysql({ op: 'addColumnConstExprDefault', what: 'adding a column with an expression default' }, MY_COL, 'assumed'),
  mariadb(
    {
      op: 'addColumnConstExprDefault',
      what: 'adding a column with a constant expression default',
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_REBUILD,
    },
    MEASURED,
    'measured',
  ),
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
      since: MARIADB_INSTANT_ANYWHERE,
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  mysql({ op: 'changeCollationIndexed', what: "changing an indexed column's collation" }, MY_COL, 'assumed'),
  // the column's indexes are rebuilt, the table is not (ALGORITHM=NOCOPY accepted)
  mariadb(
    {
      op: 'changeCollationIndexed',
      what: "changing an indexed column's collation",
      since: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META,
    },
    MEASURED,
    'measured',
  ),
  mysql({ op: 'columnVisibility', what: 'making a column VISIBLE/INVISIBLE', inplace: NONE_META }, MY_COL, 'assumed'),
  mariadb({ op: 'columnVisibility', what: 'making a column VISIBLE/INVISIBLE' }, MA_INPLACE, 'assumed'),
];
