import { defineRule } from '../../src/dialects/postgres/rule.js';
import { foreignKeyLabel, unvalidatedForeignKeys } from '../../src/dialects/postgres/foreign-keys.js';
import { mergeIssues } from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'adding-foreign-key-constraint',
    severity: 'error',
    summary:
      'ADD FOREIGN KEY without NOT VALID on an existing table checks every row while blocking writes to both tables.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    return mergeIssues(unvalidatedForeignKeys(stmt, ctx), foreignKeyLabel);
  },
});
