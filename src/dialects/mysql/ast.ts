/**
 * The MySQL/MariaDB dialect's own syntax tree: what rules, the catalog, the online-DDL prediction
 * and the planner read. The parsers (node-sql-parser, plus what fills its measured gaps: see
 * parse.ts) are normalised into these shapes, so no code outside parse.ts reads a parser's raw
 * output, and a parser can be swapped without touching a rule.
 *
 * Names are as written with quotes removed (backticks, double quotes); comparisons are
 * case-insensitive (MySQL column and index names are; table names depend on
 * lower_case_table_names, and we treat them as case-insensitive too). Keywords are upper case.
 * SQL fragments (`text`) are the source text as written.
 */
import type { Statement } from '../../model.js';

/** `mysql` or `mariadb`: one dialect folder, two servers with different online-DDL behaviour. */
export type Flavor = 'mysql' | 'mariadb';

/** A target server: the flavor and its version (8.0.35 is major 8, minor 0, patch 35). */
export interface ServerVersion {
  flavor: Flavor;
  major: number;
  minor: number;
  patch: number;
}

export interface TableName {
  /** the database (MySQL's "schema") when qualified */
  schema?: string;
  name: string;
}

/** A column type. */
export interface ColumnType {
  /** the base type, lower case: `varchar`, `int`, `bigint`, `enum`, `text`, `decimal`, `json`, … */
  name: string;
  /** length, or precision and scale: `varchar(255)` → [255], `decimal(10,2)` → [10, 2] */
  args?: number[];
  /** ENUM/SET values, unquoted, in order */
  values?: string[];
  unsigned?: boolean;
  zerofill?: boolean;
  /** CHARACTER SET / CHARSET given on the column, lower case */
  charset?: string;
  /** COLLATE given on the column, lower case */
  collation?: string;
  /** the type as written, e.g. `VARCHAR(255)` */
  text: string;
}

export interface DefaultValue {
  /** `literal`: a constant ('a', 1, TRUE); `null`: DEFAULT NULL; `expression`: anything else (CURRENT_TIMESTAMP, (uuid()), …) */
  kind: 'literal' | 'null' | 'expression';
  /** as written, e.g. `'active'`, `0`, `CURRENT_TIMESTAMP(6)`, `(uuid())` */
  text: string;
}

export interface ForeignKeyDef {
  /** the CONSTRAINT name, when given */
  name?: string;
  columns: string[];
  refTable: TableName;
  refColumns: string[];
  onDelete?: string;
  onUpdate?: string;
}

/** A column definition (CREATE TABLE, ADD/MODIFY/CHANGE COLUMN). */
export interface ColumnDef {
  name: string;
  type: ColumnType;
  /** true: NULL said; false: NOT NULL said; undefined: nothing said (nullable unless PRIMARY KEY) */
  nullable?: boolean;
  default?: DefaultValue;
  autoIncrement?: boolean;
  /** inline PRIMARY KEY */
  primaryKey?: boolean;
  /** inline UNIQUE [KEY] */
  unique?: boolean;
  /** GENERATED ALWAYS AS (expr) [VIRTUAL|STORED] (MariaDB: PERSISTENT is STORED) */
  generated?: { expr: string; stored: boolean };
  /** ON UPDATE expression, e.g. CURRENT_TIMESTAMP */
  onUpdate?: string;
  comment?: string;
  /** inline REFERENCES */
  references?: Omit<ForeignKeyDef, 'columns' | 'name'>;
  /** inline CHECK (expr) */
  check?: string;
  /** INVISIBLE column (MySQL 8.0.23+, MariaDB 10.3+) */
  invisible?: boolean;
}

export interface IndexColumn {
  /** the column, or the expression text for a functional key part `((expr))` */
  name: string;
  /** prefix length, `name(10)` */
  length?: number;
  desc?: boolean;
  /** a functional key part */
  expression?: boolean;
}

export interface IndexDef {
  /** the index (or constraint) name, when given */
  name?: string;
  kind: 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial';
  columns: IndexColumn[];
  /** USING BTREE / HASH */
  using?: string;
  invisible?: boolean;
}

export interface CheckDef {
  name?: string;
  expr: string;
  /** NOT ENFORCED (MySQL) */
  enforced?: boolean;
}

/** Where ADD/MODIFY/CHANGE COLUMN puts the column. Absent: at the end (ADD) or where it was (MODIFY/CHANGE). */
export type ColumnPosition = { first: true } | { after: string };

/** One clause of an ALTER TABLE. */
export type AlterOp =
  | { op: 'addColumn'; column: ColumnDef; position?: ColumnPosition; ifNotExists?: boolean }
  | { op: 'dropColumn'; name: string; ifExists?: boolean }
  /** MODIFY [COLUMN] name def */
  | { op: 'modifyColumn'; column: ColumnDef; position?: ColumnPosition; ifExists?: boolean }
  /** CHANGE [COLUMN] from def (def.name is the new name; equal to `from` when only the definition changes) */
  | { op: 'changeColumn'; from: string; column: ColumnDef; position?: ColumnPosition; ifExists?: boolean }
  | { op: 'renameColumn'; from: string; to: string }
  /** ALTER [COLUMN] name SET DEFAULT x / DROP DEFAULT (default undefined) */
  | { op: 'alterColumnDefault'; name: string; default?: DefaultValue }
  /** ALTER [COLUMN] name SET VISIBLE / INVISIBLE */
  | { op: 'alterColumnVisibility'; name: string; visible: boolean }
  /** ADD INDEX/KEY/UNIQUE/PRIMARY KEY/FULLTEXT/SPATIAL, with or without CONSTRAINT name */
  | { op: 'addIndex'; index: IndexDef; ifNotExists?: boolean }
  | { op: 'dropIndex'; name: string; ifExists?: boolean }
  | { op: 'dropPrimaryKey' }
  | { op: 'renameIndex'; from: string; to: string }
  /** ALTER INDEX name VISIBLE/INVISIBLE (MySQL 8.0), IGNORED/NOT IGNORED (MariaDB 10.6) */
  | { op: 'alterIndexVisibility'; name: string; visible: boolean }
  | { op: 'addForeignKey'; fk: ForeignKeyDef; ifNotExists?: boolean }
  | { op: 'dropForeignKey'; name: string; ifExists?: boolean }
  | { op: 'addCheck'; check: CheckDef }
  /** DROP CHECK name / DROP CONSTRAINT name (the kind of constraint is looked up in the catalog) */
  | { op: 'dropConstraint'; name: string; check: boolean; ifExists?: boolean }
  /** RENAME [TO|AS] new */
  | { op: 'renameTable'; to: TableName }
  /** CONVERT TO CHARACTER SET cs [COLLATE c] */
  | { op: 'convertCharset'; charset: string; collation?: string }
  /**
   * a table option: name upper case (ENGINE, ROW_FORMAT, AUTO_INCREMENT, DEFAULT CHARSET is `CHARSET`,
   * COLLATE, COMMENT, KEY_BLOCK_SIZE, STATS_PERSISTENT, …); value as written, unquoted for strings
   */
  | { op: 'tableOption'; name: string; value: string }
  /** FORCE (rebuild) */
  | { op: 'force' }
  /** PARTITION BY / ADD / DROP / … PARTITION: as written */
  | { op: 'partition'; text: string }
  /** ORDER BY, DISCARD/IMPORT TABLESPACE, …: understood as a clause but not modelled */
  | { op: 'other'; text: string };

export type Algorithm = 'DEFAULT' | 'INSTANT' | 'INPLACE' | 'COPY' | 'NOCOPY';
export type LockClause = 'DEFAULT' | 'NONE' | 'SHARED' | 'EXCLUSIVE';

/** The online clauses any DDL may carry. */
export interface OnlineClauses {
  algorithm?: Algorithm;
  lock?: LockClause;
  /** MariaDB `ALTER ONLINE TABLE` (same as LOCK=NONE) */
  online?: boolean;
  /** MariaDB `WAIT n` (seconds) or `NOWAIT` (0) */
  wait?: number;
}

export interface AlterTableAst extends OnlineClauses {
  type: 'alter_table';
  table: TableName;
  ops: AlterOp[];
  /** ALTER IGNORE TABLE */
  ignore?: boolean;
  /** ALTER TABLE IF EXISTS (MariaDB) */
  ifExists?: boolean;
  /**
   * the clauses as written after the table name, with the ALGORITHM= / LOCK= clauses (and MariaDB's
   * ONLINE / WAIT) removed: to issue the same change against another table (the shadow's probe copy)
   * or with other online clauses (plan rewrites). Empty when the parser could not tell.
   */
  body: string;
}

export interface CreateTableAst {
  type: 'create_table';
  table: TableName;
  ifNotExists?: boolean;
  temporary?: boolean;
  /** MariaDB CREATE OR REPLACE TABLE */
  orReplace?: boolean;
  columns: ColumnDef[];
  /** table-level keys, PRIMARY KEY (…) and inline PRIMARY KEY/UNIQUE folded in here too */
  indexes: IndexDef[];
  foreignKeys: ForeignKeyDef[];
  checks: CheckDef[];
  /** table options by upper-case name (see `tableOption`) */
  options: Record<string, string>;
  /** CREATE TABLE t LIKE other */
  like?: TableName;
  /** CREATE TABLE t AS SELECT / CREATE TABLE t SELECT */
  asSelect?: boolean;
  partition?: string;
}

export interface CreateIndexAst extends OnlineClauses {
  type: 'create_index';
  table: TableName;
  index: IndexDef;
  ifNotExists?: boolean;
}

export interface DropIndexAst extends OnlineClauses {
  type: 'drop_index';
  table: TableName;
  name: string;
  ifExists?: boolean;
}

export interface DropTableAst {
  type: 'drop_table';
  tables: TableName[];
  ifExists?: boolean;
  temporary?: boolean;
}

export interface RenameTableAst {
  type: 'rename_table';
  pairs: { from: TableName; to: TableName }[];
}

export interface TruncateAst {
  type: 'truncate';
  table: TableName;
}

export interface UpdateAst {
  type: 'update';
  /** the tables written (more than one for a multi-table UPDATE) */
  tables: TableName[];
  set: { column: string; expr: string }[];
  /** the WHERE clause as written, without the keyword */
  where?: string;
  limit?: number;
  orderBy?: string;
}

export interface DeleteAst {
  type: 'delete';
  tables: TableName[];
  where?: string;
  limit?: number;
}

export interface InsertAst {
  type: 'insert';
  table: TableName;
  /** INSERT … SELECT */
  select: boolean;
  /** rows of a VALUES list (0 for INSERT … SELECT) */
  rows: number;
  /** REPLACE INTO */
  replace?: boolean;
}

/** SET [SESSION|GLOBAL|PERSIST|LOCAL] name = value, …; and SET @user = …; SET NAMES/CHARSET is `names`. */
export interface SetAst {
  type: 'set';
  vars: { scope: 'session' | 'global' | 'persist' | 'persist_only' | 'user' | 'names'; name: string; value: string }[];
}

/** BEGIN, START TRANSACTION, COMMIT, ROLLBACK (and their AND CHAIN forms), SAVEPOINT… is `other`. */
export interface TransactionAst {
  type: 'transaction';
  action: 'begin' | 'commit' | 'rollback';
  chain?: boolean;
}

/** CREATE/ALTER/DROP DATABASE|SCHEMA, USE. */
export interface DatabaseAst {
  type: 'database';
  action: 'create' | 'alter' | 'drop' | 'use';
  name: string;
}

/** LOAD DATA [LOCAL] INFILE / LOAD XML. */
export interface LoadDataAst {
  type: 'load_data';
  local: boolean;
  file: string;
  table?: TableName;
}

export interface SelectAst {
  type: 'select';
  /** SELECT … INTO OUTFILE / DUMPFILE 'file' (writes a file on the server) */
  intoFile?: string;
  /** reads tables (FROM) */
  tables: TableName[];
}

/** CREATE [OR REPLACE] PROCEDURE / FUNCTION / TRIGGER / EVENT / VIEW, and their DROP. */
export interface RoutineAst {
  type: 'routine';
  action: 'create' | 'drop' | 'alter';
  object: 'procedure' | 'function' | 'trigger' | 'event' | 'view';
  name: TableName;
  /** a trigger's table */
  table?: TableName;
}

/** CREATE/ALTER/DROP/RENAME USER|ROLE, GRANT, REVOKE, SET PASSWORD: account management (outside the database). */
export interface AccountAst {
  type: 'account';
  keyword: string;
}

/** Server-level statements: SET GLOBAL is `set`; these are INSTALL PLUGIN, SHUTDOWN, KILL, FLUSH, CREATE TABLESPACE, CREATE SERVER, `SYSTEM`/`\!`, … */
export interface ServerAst {
  type: 'server';
  keyword: string;
}

/** Understood as a statement (its first keywords are known) but not modelled; harmless for rules. */
export interface OtherAst {
  type: 'other';
  /** the leading keywords, upper case, e.g. `CALL`, `OPTIMIZE TABLE`, `ANALYZE TABLE`, `DO` */
  keyword: string;
  /** tables it names, when known */
  tables?: TableName[];
}

/** No parser could read the statement: reported as not analysed (fail closed). */
export interface UnparsedAst {
  type: 'unparsed';
  /** the leading keywords, upper case (`ALTER TABLE`), so that DDL can be told from DML */
  keyword: string;
  /** the parser's message */
  reason: string;
  /** 1-based line and column of the error within the file, when the parser said */
  line?: number;
  column?: number;
}

export type MyAst =
  | AlterTableAst
  | CreateTableAst
  | CreateIndexAst
  | DropIndexAst
  | DropTableAst
  | RenameTableAst
  | TruncateAst
  | UpdateAst
  | DeleteAst
  | InsertAst
  | SetAst
  | TransactionAst
  | DatabaseAst
  | LoadDataAst
  | SelectAst
  | RoutineAst
  | AccountAst
  | ServerAst
  | OtherAst
  | UnparsedAst;

/**
 * `Statement.kind` for each AST type: `AlterTable`, `CreateTable`, `CreateIndex`, `DropIndex`,
 * `DropTable`, `RenameTable`, `Truncate`, `Update`, `Delete`, `Insert`, `Set`, `Transaction`,
 * `Database`, `LoadData`, `Select`, `Routine`, `Account`, `Server`, `Other`, `Unparsed`.
 */
export const KIND_OF: { readonly [T in MyAst['type']]: string } = {
  alter_table: 'AlterTable',
  create_table: 'CreateTable',
  create_index: 'CreateIndex',
  drop_index: 'DropIndex',
  drop_table: 'DropTable',
  rename_table: 'RenameTable',
  truncate: 'Truncate',
  update: 'Update',
  delete: 'Delete',
  insert: 'Insert',
  set: 'Set',
  transaction: 'Transaction',
  database: 'Database',
  load_data: 'LoadData',
  select: 'Select',
  routine: 'Routine',
  account: 'Account',
  server: 'Server',
  other: 'Other',
  unparsed: 'Unparsed',
};

export type MyStatement = Statement<MyAst>;

// ── The catalog's model (catalog.ts replays statements into it) ────────────────────────────────

export interface MyColumn {
  name: string;
  type: ColumnType;
  nullable: boolean;
  default?: DefaultValue;
  autoIncrement: boolean;
  generated?: { expr: string; stored: boolean };
  invisible: boolean;
  /** the charset in effect (the column's, else the table's), lower case; undefined for non-character types */
  charset?: string;
  collation?: string;
  /** the file that added the column to an existing table (undefined: created with the table) */
  addedIn?: string;
}

export interface MyIndex {
  name: string;
  kind: IndexDef['kind'];
  columns: IndexColumn[];
  invisible: boolean;
  /**
   * the server made this index for a foreign key that had none; it silently drops it when another
   * index that can serve the foreign key is created (also in a CREATE TABLE … LIKE copy)
   */
  implicit?: boolean;
}

export interface MyTable {
  schema?: string;
  name: string;
  /** in table order */
  columns: MyColumn[];
  /** the primary key is named `PRIMARY` */
  indexes: MyIndex[];
  foreignKeys: ForeignKeyDef[];
  checks: CheckDef[];
  /** upper case, e.g. `INNODB` (default) */
  engine: string;
  /** upper case, e.g. `DYNAMIC` (default), `COMPRESSED`, `COMPACT`, `REDUNDANT` */
  rowFormat: string;
  /** the table's default charset and collation, lower case, when the migrations said */
  charset?: string;
  collation?: string;
  /** MySQL: instant row versions used (INSTANT ADD/DROP COLUMN since the table was created or last rebuilt) */
  rowVersions: number;
  /** the table has triggers (CREATE TRIGGER … ON it) */
  triggers: string[];
  partitioned: boolean;
  /** the file that created the table */
  createdIn: string;
}
