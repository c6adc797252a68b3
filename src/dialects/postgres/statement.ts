import type { ParsedMigration, Statement } from '../../model.js';

/**
 * A statement of a PostgreSQL migration. Its `ast` is libpg-query's inner node (`{ AlterTableStmt: {...} }`
 * without the wrapper), typed loosely on purpose: libpg-query's generated node types are a union of
 * hundreds of shapes that the rules, the catalog and the rewrites narrow by `kind` at run time.
 */
export type PgStatement = Statement<any>;

/** A parsed PostgreSQL migration. */
export type PgParsedMigration = ParsedMigration<any>;
