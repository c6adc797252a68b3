import type { MyStatement, TableName } from '../../src/dialects/mysql/ast.js';
import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { before, showTable } from '../../src/dialects/mysql/rule-util.js';

/** The server's own databases: DDL there changes the server itself. */
const SYSTEM_DBS = new Set(['mysql', 'sys', 'information_schema', 'performance_schema']);

/** The database `USE` selected last before `stmt` in this file, lower case. */
function currentDb(statements: readonly MyStatement[], stmt: MyStatement): string | undefined {
  let db: string | undefined;
  for (const s of before(statements, stmt)) if (s.ast.type === 'database' && s.ast.action === 'use') db = s.ast.name;
  return db?.toLowerCase();
}

/** Tables a DDL statement creates, changes or drops. */
function ddlTables(stmt: MyStatement): TableName[] {
  const a = stmt.ast;
  switch (a.type) {
    case 'alter_table':
      return [a.table, ...a.ops.flatMap((o) => (o.op === 'renameTable' ? [o.to] : []))];
    case 'create_table':
    case 'create_index':
    case 'drop_index':
    case 'truncate':
      return [a.table];
    case 'drop_table':
      return a.tables;
    case 'rename_table':
      return a.pairs.flatMap((p) => [p.from, p.to]);
    case 'routine':
      return [a.name, ...(a.table ? [a.table] : [])];
    default:
      return [];
  }
}

export default defineRule({
  meta: {
    id: 'ban-cluster-level-statement',
    severity: 'error',
    summary:
      'Statements that change the server instead of the database: accounts and grants, SET GLOBAL/PERSIST, plugins, tablespaces, other databases.',
  },
  check(stmt, ctx) {
    const a = stmt.ast;
    // MySQL 8.0 reference manual: 15.7.1 "Account Management Statements", 15.7.6.1 "SET Syntax for
    // Variable Assignment" (GLOBAL / PERSIST / PERSIST_ONLY change the whole server, PERSIST survives a
    // restart in mysqld-auto.cnf), 15.7.4 "Component, Plugin, and Loadable Function Statements".
    if (a.type === 'account') {
      return {
        message: `\`${a.keyword}\` manages accounts, which belong to the whole server, not to this database: it outlives the database, fails on a server where the account already exists (or not), and changes who can do what without any schema review.`,
        help: 'Manage users, roles and grants in infrastructure code or by hand; if this project deliberately keeps them here, say so with `-- zerodown-ignore ban-cluster-level-statement` before the statement.',
        severity: 'warning',
        data: { statement: 'account', keyword: a.keyword },
      };
    }
    if (a.type === 'set') {
      const server = a.vars.filter((v) => v.scope === 'global' || v.scope === 'persist' || v.scope === 'persist_only');
      if (!server.length) return;
      const names = server.map((v) => `${v.scope.toUpperCase()} ${v.name}`).join(', ');
      return {
        message: `SET ${names} changes the setting for every connection to the server, every database on it${server.some((v) => v.scope !== 'global') ? ', and PERSIST keeps it across restarts' : ''}: a migration should not reconfigure production.`,
        help: 'Set it for this session only (SET SESSION …), or change the server configuration in infrastructure code.',
        data: { statement: 'set-global', vars: server.map((v) => v.name) },
      };
    }
    if (a.type === 'server') {
      if (/^(SYSTEM|\\!)/i.test(a.keyword)) return; // ban-server-program-or-file-access's
      return {
        message: `\`${a.keyword}\` acts on the whole server (plugins, tablespaces, federated servers, other sessions, caches), not on this database: it changes what every other database and application on the server sees.`,
        help: "Keep server-level setup in infrastructure code or the managed service's settings, and run it by hand where it is needed.",
        data: { statement: 'server', keyword: a.keyword },
      };
    }
    if (a.type === 'database' && (a.action === 'create' || a.action === 'alter')) {
      return {
        message: `${a.action === 'create' ? 'CREATE' : 'ALTER'} DATABASE \`${a.name}\` changes the server around the database the migrations run in: it fails on a server where the database already exists (or not), and its defaults (charset, collation) apply to every table created later.`,
        help: 'Create databases and set their defaults in infrastructure code; keep migrations to the objects inside their own database.',
        data: { statement: 'database', name: a.name },
      };
    }
    // cross-database DDL: a qualified name in another database than the one the file works in
    const tables = ddlTables(stmt).filter((t) => t.schema);
    if (!tables.length) return;
    const current = currentDb(ctx.statements, stmt);
    const issues: Issue[] = [];
    const seen = new Set<string>();
    for (const t of tables) {
      const db = t.schema!.toLowerCase();
      if (db === current || seen.has(db)) continue;
      seen.add(db);
      const system = SYSTEM_DBS.has(db);
      if (!system && current === undefined) {
        issues.push({
          message: `This DDL names \`${showTable(t)}\`, a table of database \`${t.schema}\`. Migrations run against one database; if \`${t.schema}\` is not the one they run in, this changes another application's schema, out of sight of its own migrations.`,
          help: `Drop the \`${t.schema}.\` qualifier if it is this database; move changes to other databases into their own migrations.`,
          severity: 'warning',
          data: { statement: 'cross-database', database: t.schema },
        });
        continue;
      }
      issues.push({
        message: system
          ? `This DDL changes \`${showTable(t)}\` in the server's own \`${t.schema}\` database: it changes how the whole server works (accounts, settings, statistics), far outside this schema.`
          : `This DDL changes \`${showTable(t)}\` in database \`${t.schema}\`, although the file works in \`${current}\`: it changes another database's schema, out of sight of its own migrations.`,
        help: system
          ? 'Remove it from the migration; server administration belongs in infrastructure code.'
          : 'Move changes to other databases into their own migrations.',
        data: { statement: 'cross-database', database: t.schema },
      });
    }
    return issues;
  },
});
