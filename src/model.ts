/**
 * The plain typed data that flows between pipeline stages (see DESIGN.md):
 * files ─discover→ Migration[] ─parse→ Statement[] ─schema replay→ Context ─rules→ Finding[]
 * Nothing here holds behaviour; stages never talk through globals.
 */
/**
 * `note`: kept for the reader, never a failure: a size-scaled finding on a table the stats file shows
 * below the configured size (src/estimate/apply.ts). Rules themselves report `error` or `warning`.
 */
export type Severity = 'error' | 'warning' | 'note';
/** which SQL dialect a migration is written in (src/dialect.ts `DialectId`); picks the `Dialect` that reads it */
export type Dialect = 'postgres' | 'mysql' | 'mariadb' | (string & {});

/** How the migration tool runs a file. */
export type TransactionMode =
  /** the tool wraps the whole file in one transaction (Prisma's default is NOT this; Flyway, goose, dbmate are) */
  | 'wrapped'
  /** the tool sends statements one by one in autocommit mode, unless the file itself says BEGIN */
  | 'none';

/** A source region of a migration file that holds forward ("up") SQL. */
export interface Segment {
  /** character offset of the first character of the segment in `Migration.source` */
  start: number;
  /** character offset one past the segment's end */
  end: number;
  /**
   * how the tool runs this region when it differs from other regions of the
   * file (goose NO TRANSACTION blocks, dbmate sections, Liquibase changesets,
   * Supabase CLI statements run on their own); undefined: `Migration.transaction`
   */
  transaction?: TransactionMode;
}

export interface Migration {
  /** path shown to the user: as given on the command line, or relative to cwd */
  path: string;
  absPath: string;
  source: string;
  dialect: Dialect;
  /** detected or forced migration tool, e.g. `plain`, `prisma`, `golang-migrate`, `goose` */
  framework: string;
  /** version key used for ordering, when the framework has one */
  version?: string;
  /** how the tool runs this file ('wrapped' when any part of it runs in a transaction; see `Segment.transaction`) */
  transaction: TransactionMode;
  /** one sentence on how the tool runs this file, for messages (e.g. "golang-migrate sends the file as one query string, …") */
  transactionNote?: string;
  /** where the forward SQL lives; undefined means the whole file */
  segments?: Segment[];
  /** true when this file is under review; false when it only feeds the schema replay */
  review: boolean;
  /** invalid UTF-8 in the file (discovery read each as U+FFFD); the file is linted but never run */
  badBytes?: BadBytes[];
  /** set when the file is not text at all (e.g. `a PNG image`); `source` is then empty */
  notText?: string;
}

/** One invalid UTF-8 sequence in a migration file. */
export interface BadBytes {
  /** character offset in `Migration.source` of the U+FFFD that stands for it */
  offset: number;
  /** the bytes, e.g. `0xe9` or `0xe2 0x80` */
  bytes: string;
}

/** 1-based line and column; offsets are 0-based character offsets into the file. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export interface Statement<Ast = unknown> {
  /** index of the statement within its file */
  index: number;
  /** the dialect's name for the statement's kind, e.g. PostgreSQL's AST node type `AlterTableStmt` */
  kind: string;
  /**
   * the dialect's AST of the statement (PostgreSQL: libpg-query's inner node, `{ AlterTableStmt: {...} }[kind]`).
   * Core code never reads it: it asks the dialect (src/dialect.ts).
   */
  ast: Ast;
  /** source text of the statement, without the trailing semicolon */
  text: string;
  span: Span;
  /** rule ids ignored for this statement by a `-- zerodown-ignore` comment */
  ignored: Set<string>;
  /** true when an ignore comment disables every rule for this statement */
  ignoreAll: boolean;
}

export interface ParsedMigration<Ast = unknown> {
  migration: Migration;
  statements: Statement<Ast>[];
  /**
   * a parse failure (the file then has no statements), or else the first of `badBytes`
   * (the statements around them are still parsed): either way the file must not be run
   */
  error?: ParseError;
  /** bytes PostgreSQL would reject (NUL, invalid UTF-8, a file that is not text), in file order */
  badBytes?: ParseError[];
  /**
   * statements no parser of the dialect could read (their AST says so only to the dialect): the
   * engine reports each as not analysed, an error for DDL. A dialect that parses files whole (or
   * not at all) leaves it undefined.
   */
  unparsed?: Unparsed[];
  /** `-- zerodown-ignore-file`: every rule is off for this file */
  ignoreFile: boolean;
  /** `-- zerodown-ignore-file rule-a, rule-b`: these rules are off for this file */
  ignoreFileRules: Set<string>;
}

/** A statement the dialect could not read: reported as not analysed (fail closed). */
export interface Unparsed {
  /** `Statement.index` */
  index: number;
  /** why, in the parser's words */
  message: string;
  /** the statement is DDL (ALTER/CREATE/DROP/RENAME/TRUNCATE…): not analysing it is an error */
  ddl: boolean;
}

export interface ParseError {
  message: string;
  line: number;
  column: number;
  offset: number;
  /** what to do about it, when the parser's message does not say (bad bytes) */
  help?: string;
  /** SQLSTATE PostgreSQL would give (default 42601, syntax error) */
  code?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** what is wrong, in one sentence a person in a hurry understands */
  message: string;
  /** what to do instead, in one line */
  help: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** index of the statement within its file, or -1 for file-level findings */
  statementIndex: number;
  /** the lock the statement takes, when the rule knows it (PostgreSQL lock mode name) */
  lock?: string;
  /** affected table, qualified as `schema.table` when known */
  table?: string;
  /** machine-readable facts for the planner (column names, expressions, ...) */
  data?: Record<string, unknown>;
  /** set by `lint --dry-run` when the shadow database saw what the rule predicted */
  confirmed?: boolean;
  /** MySQL/MariaDB: the ALGORITHM and LOCK the statement runs with, predicted from the SQL or measured on a shadow */
  online?: OnlineDdl;
  /** with `--stats` and a dry run: how long the statement would take on the production table (an estimate, never a measurement) */
  estimate?: Estimate;
  /** with `--stats`: why the table's size changed the severity (or why it could not), in one sentence */
  sizeNote?: string;
}

/** A statement's time on the production table, scaled from the shadow (src/estimate/, docs/estimates.md). */
export interface Estimate {
  /** estimated seconds (an estimate: see `basis`) */
  seconds: number;
  /** how it was reached: `52M rows × 16 µs/row measured on the shadow (1,000 rows)` */
  basis: string;
  /** the lock held meanwhile, as people write it (`ACCESS EXCLUSIVE`, `SHARE`, `row locks`) */
  lock: string;
}

/** The production statistics a run used (`--stats`, `--stats-url`) and what they could not answer. */
export interface StatsUse {
  /** the stats file, or the masked URL they were read from */
  source: string;
  server: string;
  exportedAt: string;
  /** missing or stale stats, tables without a measurement: the findings keep their static severity */
  notes: string[];
}

/** How a MySQL/MariaDB server runs a DDL statement (its ALGORITHM= and LOCK= choice). */
export interface OnlineDdl {
  algorithm: 'INSTANT' | 'INPLACE' | 'COPY';
  /** NONE: reads and writes go on; SHARED: writes wait; EXCLUSIVE: reads and writes wait */
  lock: 'NONE' | 'SHARED' | 'EXCLUSIVE';
  /** `predicted` from the SQL and the replayed catalog, or `measured` on a real server */
  basis: 'predicted' | 'measured';
}

export interface FileResult {
  migration: Migration;
  /**
   * the file's statements, by index (`length` is the file's statement count). A lint run that hands
   * nothing on keeps only the statements some finding points at: the others are holes.
   */
  statements: Statement[];
  findings: Finding[];
  /** statements of the file no parser could read (`ParsedMigration.unparsed`); undefined when the dialect does not say */
  unanalysed?: number;
}

export interface LintResult {
  files: FileResult[];
  /** set with `--stats`: which statistics sized the findings, and what they could not */
  stats?: StatsUse;
  /** `analysed`: statements the rules could read, when the dialect reports unparsed statements (`statements` counts all) */
  summary: { files: number; statements: number; errors: number; warnings: number; analysed?: number; notes?: number };
}
