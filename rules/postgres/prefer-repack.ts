import { defineRule } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { optionOn } from '../../src/dialects/postgres/locks.js';
import { displayTable, quoteIdent, quoteRel } from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'prefer-repack',
    severity: 'warning',
    summary:
      'VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock; use REPACK (CONCURRENTLY) on PostgreSQL 19+, pg_repack before.',
    kinds: ['VacuumStmt', 'ClusterStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const cluster = stmt.kind === 'ClusterStmt';
    if (!cluster) {
      // ANALYZE and VACUUM without FULL keep reads and writes going
      if (!ast.is_vacuumcmd) return;
      if (!optionOn(ast.options, 'full')) return;
    }
    const rels: any[] = cluster
      ? ast.relation
        ? [ast.relation]
        : []
      : (ast.rels ?? []).map((r: any) => r.VacuumRelation?.relation).filter(Boolean);
    // A table this migration created holds no rows yet: rewriting it costs nothing.
    const existing = rels.filter((r) => !ctx.isNewTable(r));
    if (rels.length && !existing.length) return;
    const command = cluster ? 'CLUSTER' : 'VACUUM FULL';
    const names = existing.map((r) => `\`${displayTable(r)}\``).join(', ');
    const target = rels.length
      ? names
      : cluster
        ? 'every table that was clustered before'
        : 'every table of the database';
    const using = cluster && ast.indexname ? ` USING INDEX ${quoteIdent(ast.indexname)}` : '';
    const repack = rels.length
      ? existing.map((r) => `REPACK (CONCURRENTLY) ${quoteRel(r)}${using}`).join('; ')
      : `REPACK (CONCURRENTLY)${cluster ? ' USING INDEX' : ''} on each table`;
    return {
      message: `${command} rewrites ${target} while holding an ACCESS EXCLUSIVE lock for the whole rewrite: every read and write waits, for as long as copying the table and rebuilding its indexes takes.`,
      help:
        ctx.pgVersion >= 19
          ? `Use \`${repack}\`: it copies the table under SHARE UPDATE EXCLUSIVE (reads and writes go on) and takes ACCESS EXCLUSIVE only for the final swap. It needs a free replication slot, and only one runs at a time. Better still, run it by hand outside the migration.`
          : `PostgreSQL ${ctx.pgVersion} has no online form: run pg_repack outside the migration (it copies the table with a trigger and locks only for the swap), or REPACK (CONCURRENTLY) once on PostgreSQL 19. Maintenance like this rarely belongs in a migration that runs on deploy.`,
      lock: 'AccessExclusiveLock',
      ...(existing.length === 1 ? { table: relKey(existing[0]) } : {}),
      data: { command, tables: existing.map((r) => relKey(r)) },
    };
  },
});
