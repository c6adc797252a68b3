/**
 * A generated plan must lint clean with zerodown itself (issue 14). Some steps are flagged by a
 * rule that cannot see what the plan did before them (a SET NOT NULL after a validated CHECK, an
 * index after a backfill that runs in a DO block, the DROP COLUMN of a swap whose copy was just
 * checked). Such a step carries `-- zerodown-ignore <rule>: <why>` on the line above it, saying
 * why it is safe at that point of the plan. The text goes through `sqlComment`: one line, never
 * SQL, whatever the names in it hold.
 */
import { ident, sqlComment } from './quote.js';

/** `sql` with an ignore comment for `rule` above it, stating `why` the step is safe where the plan puts it. */
export function withIgnore(rule: string, why: string, sql: string): string {
  return `${sqlComment(`zerodown-ignore ${rule}: ${why}`)}\n${sql}`;
}

/** An index on a column the migration adds: the plan builds it after every backfill of that column. */
export function afterBackfill(column: string, sql: string): string {
  return withIgnore(
    'index-same-step-as-add-column',
    `built CONCURRENTLY in a phase of its own, after every backfill of ${ident(column)} in this plan`,
    sql,
  );
}
