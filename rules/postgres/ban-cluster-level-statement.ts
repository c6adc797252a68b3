import { defineRule } from '../../src/dialects/postgres/rule.js';
import { outsideReach } from '../../src/dialects/postgres/outside.js';

export default defineRule({
  meta: {
    id: 'ban-cluster-level-statement',
    severity: 'error',
    summary:
      'CREATE/ALTER DATABASE, ALTER SYSTEM, tablespaces and calls acting on other sessions change more than the database (error); roles are server-wide too (warning).',
  },
  check(stmt) {
    // DROP DATABASE is ban-drop-database's; programs, files and connections are ban-server-program-or-file-access's
    if (stmt.kind === 'DropdbStmt') return;
    const r = outsideReach(stmt).find(
      (x) => x.category === 'database' || x.category === 'cluster' || x.category === 'role',
    );
    if (!r) return;
    if (r.category === 'role') {
      return {
        message: `${r.what} ${r.why}: the migration then depends on, or changes, something every other database on the server shares, and it fails or does something else on a server where the role already exists or does not.`,
        help: 'Manage roles and their memberships outside the migrations (infrastructure code, by hand); keep GRANTs on your own objects in the migration. Silence it with `-- zerodown-ignore ban-cluster-level-statement` where a role really belongs here.',
        severity: 'warning',
        data: { category: r.category, what: r.what },
      };
    }
    return {
      message: `${r.what} ${r.why}: it changes more than the database the migration is for, on every server the migration is applied to.`,
      help:
        r.category === 'database'
          ? 'Create, configure and rename databases outside the migrations (infrastructure code or by hand); a migration changes objects inside its own database.'
          : 'Change server settings, tablespaces and other sessions outside the migrations (the server configuration or by hand).',
      data: { category: r.category, what: r.what },
    };
  },
});
