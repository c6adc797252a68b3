/** The contract every migration tool model implements (see frameworks.ts for the registry). */
import type { TransactionMode } from '../model.js';

/**
 * How a tool runs a region of SQL:
 * - `wrapped`: inside a transaction the tool opens (BEGIN … COMMIT around it)
 * - `none`: statement by statement in autocommit mode
 * - `script`: sent as ONE query string with no transaction of the tool's own.
 *   PostgreSQL runs a multi-statement simple query in one implicit transaction
 *   (protocol docs, "Multiple Statements in a Simple Query"), so this resolves to
 *   `wrapped` when the region holds two or more statements and to `none` when it
 *   holds one. That is why `CREATE INDEX CONCURRENTLY` works alone in a
 *   golang-migrate or dbmate `transaction:false` file and fails next to anything else.
 */
export type TxKind = TransactionMode | 'script';

export interface RawSegment {
  start: number;
  end: number;
  tx: TxKind;
}

export interface FileInfo {
  /** how the tool runs the whole file when `segments` is not given (default `none`) */
  transaction?: TxKind;
  /** forward-SQL regions with their own transaction handling (down sections, rollbacks excluded) */
  segments?: RawSegment[];
  version?: string;
  /** the tool does not run this file as a forward migration; the string says why */
  skip?: string;
  /** one sentence on how the tool runs this file (shown next to transaction findings) */
  note?: string;
}

export interface DescribeContext {
  root: string;
  /** per-root facts read once by `prepare` */
  info: any;
  pgVersion: number;
}

export interface Framework {
  /** id used by `--framework` and in reports */
  name: string;
  /** the layout, for error messages */
  pattern: string;
  /** true when `dir` (and optionally the given files in it) look like this tool's layout */
  detect(dir: string, files?: string[]): boolean;
  /** the migration root for a directory that holds one migration file */
  root(dir: string): string;
  /** files of one root that belong to the same sequence as other roots with the same key (default: the root) */
  sequence?(root: string): string;
  /** every migration file under a root (absolute paths), forward files only where the layout allows */
  find(root: string): Promise<string[]>;
  /** the files that may precede a file given on its own (default: `find`) */
  siblings?(root: string): Promise<string[]>;
  /** per-root facts (journal, plan, config) read once; a promise when reading them needs a module loaded on demand */
  prepare?(root: string): any;
  /** orders files the way the tool applies them */
  order(files: string[], ctx: DescribeContext): string[];
  /** how the tool runs one file */
  describe(abs: string, source: string, ctx: DescribeContext): FileInfo;
}
