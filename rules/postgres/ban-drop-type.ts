import { defineRule } from '../../src/dialects/postgres/rule.js';
import { dropIssues } from '../../src/dialects/postgres/dropped.js';

export default defineRule({
  meta: {
    id: 'ban-drop-type',
    severity: 'error',
    summary:
      'Dropping a type or domain breaks running code that casts to it; with CASCADE it also drops every column of that type.',
    kinds: ['DropStmt'],
  },
  check(stmt, ctx) {
    return dropIssues(stmt, ctx, 'type', {
      harm: (o, cascade) =>
        cascade
          ? `Dropping the ${o.noun} \`${o.display}\` with CASCADE also drops every table column of that type, deleting its data for good, and every function that takes or returns it; app instances still running the old code fail on their next query that uses any of them.`
          : `Dropping the ${o.noun} \`${o.display}\` breaks every query of app instances still running the old code that casts to it or calls a function using it (and the migration fails if a column still has that type).`,
      help: () =>
        'First ship code that no longer uses the type, move any column off it, then drop it in a later migration; never drop a type with CASCADE.',
    });
  },
});
