import { defineRule } from '../../src/dialects/postgres/rule.js';
import { dropIssues } from '../../src/dialects/postgres/dropped.js';

export default defineRule({
  meta: {
    id: 'ban-drop-view',
    severity: 'error',
    summary: 'Dropping a view (or materialized view) breaks running code that still queries it.',
    kinds: ['DropStmt'],
  },
  check(stmt, ctx) {
    return dropIssues(stmt, ctx, 'view', {
      harm: (o, cascade) =>
        `Dropping the ${o.noun} \`${o.display}\` makes every query of app instances still running the old code fail with "relation does not exist" until the new code is deployed everywhere${cascade ? '; CASCADE also drops the views built on it' : ''}.`,
      help: () =>
        'First ship code that no longer reads the view, then drop it in a later migration; to change its definition, use CREATE OR REPLACE VIEW (it keeps the existing columns).',
    });
  },
});
