/** What every batched step says: its reason, and the warning when batches walk page ranges on an old server. */
import type { PgStatement } from '../statement.js';
import { pagesFor } from './backfill.js';
import { note } from './context.js';
import { REASONS } from './reasons.js';
import type { RewriteContext } from './types.js';

/** The reason of a backfill step: batches by primary key, or by page ranges when the table has no single-column key. */
export function backfillReason(ctx: RewriteContext, byKey: boolean): string {
  return byKey
    ? REASONS.backfill.replace('{n}', String(ctx.batchSize))
    : `fill existing rows in batches of ${pagesFor(ctx.batchSize)} pages (about ${ctx.batchSize} rows; no single-column primary key), each committed on its own (no transaction; safe to run again)`;
}

/** Below PostgreSQL 14, page-range batches scan the table each time: said in a note. */
export function pageNote(ctx: RewriteContext, stmt: PgStatement, rel: any): void {
  if (ctx.pgVersion < 14) {
    note(
      ctx,
      stmt,
      'warning',
      `${rel.relname} has no single-column primary key, so the batches walk page ranges (ctid); below PostgreSQL 14 each batch scans the table to find its pages, which is slow on a large table.`,
    );
  }
}
