import { defineRule } from '../../src/dialects/postgres/rule.js';
import { dropIssues } from '../../src/dialects/postgres/dropped.js';

export default defineRule({
  meta: {
    id: 'ban-drop-trigger',
    severity: 'warning',
    summary:
      'Dropping a trigger silently stops the work it did (audit rows, synced columns, counters) that running code relies on. Opt-in.',
    kinds: ['DropStmt'],
    optIn: true,
  },
  check(stmt, ctx) {
    return dropIssues(stmt, ctx, 'trigger', {
      harm: (o) =>
        `Dropping the trigger \`${o.display}\` on \`${o.table?.schemaname ? `${o.table.schemaname}.` : ''}${o.table?.relname}\` silently stops what it did on every write (audit rows, a synced column, a counter); app instances still running the old code keep writing as if it were there, and nothing fails to tell you.`,
      help: () =>
        'Move the work into application code (or a replacement trigger) and ship that first, then drop the trigger in a later migration; to change it, CREATE OR REPLACE TRIGGER (PostgreSQL 14+) swaps it in one step.',
    });
  },
});
