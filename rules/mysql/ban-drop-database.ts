import { defineRule } from '../../src/dialects/mysql/rule.js';

export default defineRule({
  meta: {
    id: 'ban-drop-database',
    severity: 'error',
    summary: 'DROP DATABASE (or DROP SCHEMA) deletes every table in it: never part of a migration.',
    kinds: ['Database'],
  },
  check(stmt) {
    const ast = stmt.ast;
    if (ast.type !== 'database' || ast.action !== 'drop') return;
    return {
      message: `DROP DATABASE \`${ast.name}\` deletes every table, view, routine and row in it, and commits at once: nothing can roll it back. In MySQL and MariaDB DATABASE and SCHEMA are the same thing.`,
      help: 'Remove it from the migration; if a database really must go, drop it by hand after a verified backup, outside the migration history.',
      lock: 'EXCLUSIVE',
    };
  },
});
