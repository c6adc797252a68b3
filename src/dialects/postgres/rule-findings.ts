/**
 * Findings that two rules share: where zerodown reports a hazard squawk's rule of the same name leaves alone, the
 * extra part has its own rule (a squawk config means the same in zerodown), and both build the same finding here.
 */
import type { Issue, PgRuleContext, PgStatement } from './rule.js';
import { qualifiedKey, relKey } from './catalog.js';
import { optionOn, tablesUsingType } from './locks.js';
import { displayTable, names, quoteIdent, quoteRel } from './util.js';

/**
 * The finding for an ALTER DOMAIN that checks every existing value of the domain (`what` names the action), or
 * nothing where no existing table uses the domain.
 */
export function domainScan(stmt: PgStatement, ctx: PgRuleContext, what: string): Issue | undefined {
  const ast = stmt.ast;
  const n = names(ast.typeName);
  const domain = n.join('.');
  const key = qualifiedKey(n);
  // a domain created earlier in this file has no rows behind it yet
  for (const s of ctx.statements.slice(0, stmt.index)) {
    if (s.kind === 'CreateDomainStmt') {
      if (qualifiedKey(names(s.ast.domainname)) === key) return;
    }
  }
  const tables = tablesUsingType(ctx.catalog, key).filter((t) => !ctx.isNewTable(t));
  // the replay knows the domain and no existing table uses it: nothing to scan
  if (ctx.catalog.domains.has(key) && !tables.length) return;
  const on = tables.length
    ? tables.map((t) => `\`${displayTable(t)}\``).join(', ')
    : 'every table with a column of this domain';
  return {
    message:
      `ALTER DOMAIN \`${domain}\` ${what} checks every existing value of the domain, holding a SHARE lock on ${on} for the whole scan: ` +
      'every INSERT, UPDATE and DELETE on those tables waits until it finishes. Unlike a table constraint, a domain constraint has no online path: VALIDATE CONSTRAINT on a domain takes the same lock.',
    help: 'Use a CHECK constraint on each table column instead: ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT (which blocks no traffic).',
    lock: 'ShareLock',
    table: tables[0],
    data: { domain, tables },
  };
}

/** The finding for a VACUUM FULL or CLUSTER that rewrites a table traffic uses, with the fix for `ctx.pgVersion`. */
export function tableRewrite(stmt: PgStatement, ctx: PgRuleContext): Issue | undefined {
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
}
