import { defineRule } from '../../src/dialects/postgres/rule.js';
import { dropIssues } from '../../src/dialects/postgres/dropped.js';

export default defineRule({
  meta: {
    id: 'ban-drop-function',
    severity: 'error',
    summary: 'Dropping a function or procedure breaks running code, triggers and defaults that still call it.',
    kinds: ['DropStmt'],
  },
  check(stmt, ctx) {
    return dropIssues(stmt, ctx, 'function', {
      harm: (o, cascade) =>
        `Dropping the ${o.noun} \`${o.display}\` makes every call from app instances still running the old code fail until the new code is deployed everywhere${cascade ? '; CASCADE also drops the triggers, defaults, constraints and views that use it, silently' : ''}.`,
      help: () =>
        'First ship code that no longer calls it, then drop it in a later migration; to change its body keep the signature and use CREATE OR REPLACE FUNCTION, and to change the signature add the new function beside the old one.',
    });
  },
});
