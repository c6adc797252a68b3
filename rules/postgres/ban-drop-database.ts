import { defineRule } from '../../src/dialects/postgres/rule.js';

export default defineRule({
  meta: {
    id: 'ban-drop-database',
    severity: 'error',
    summary: 'DROP DATABASE deletes a whole database.',
    kinds: ['DropdbStmt'],
  },
  check(stmt) {
    const name: string = stmt.ast.dbname;
    return {
      message: `DROP DATABASE \`${name}\` deletes every table and row in it for good; a migration is never the place for that.`,
      help: 'Remove it from the migration; drop databases by hand, after a backup, outside the deploy pipeline.',
      data: { database: name, force: (stmt.ast.options ?? []).length > 0 },
    };
  },
});
