import type { MyStatement, TableName } from '../../src/dialects/mysql/ast.js';
import { defineRule } from '../../src/dialects/mysql/rule.js';
import { before, isNew, relKey, showTable } from '../../src/dialects/mysql/rule-util.js';

const ID = 'require-lock-timeout';

/** lock_wait_timeout's default: 31,536,000 s, one year (MySQL 8.0 reference manual, 7.1.8 "Server System Variables"). */
const DEFAULT_WAIT = 31_536_000;

/** `@@session.lock_wait_timeout` → `lock_wait_timeout` */
const bare = (name: string) =>
  name
    .toLowerCase()
    .replace(/^@@/, '')
    .replace(/^(session|local)\./, '');

/** The DDL's verb and the existing tables whose metadata lock it needs. */
function ddl(stmt: MyStatement): { label: string; tables: TableName[]; wait?: number } | undefined {
  const a = stmt.ast;
  switch (a.type) {
    case 'alter_table':
      return { label: 'ALTER TABLE', tables: [a.table], wait: a.wait };
    case 'create_index':
      return { label: 'CREATE INDEX', tables: [a.table], wait: a.wait };
    case 'drop_index':
      return { label: 'DROP INDEX', tables: [a.table], wait: a.wait };
    case 'drop_table':
      return a.temporary ? undefined : { label: 'DROP TABLE', tables: a.tables };
    case 'rename_table':
      return { label: 'RENAME TABLE', tables: a.pairs.map((p) => p.from) };
    case 'truncate':
      return { label: 'TRUNCATE TABLE', tables: [a.table] };
    case 'routine':
      return a.object === 'trigger' && a.table
        ? { label: `${a.action.toUpperCase()} TRIGGER`, tables: [a.table] }
        : undefined;
    default:
      return undefined;
  }
}

/** The last `SET [SESSION] lock_wait_timeout = n` before `stmt`, with its value. */
function lastSetting(statements: readonly MyStatement[], stmt: MyStatement, name: string) {
  let found: { stmt: MyStatement; value: string } | undefined;
  for (const s of before(statements, stmt)) {
    if (s.ast.type !== 'set') continue;
    for (const v of s.ast.vars)
      if ((v.scope === 'session' || v.scope === 'global' || v.scope === 'persist') && bare(v.name) === name)
        found = v.scope === 'session' ? { stmt: s, value: v.value } : found;
  }
  return found;
}

/** MariaDB `SET STATEMENT lock_wait_timeout=n FOR …`: the limit for this one statement. */
const setStatement = (text: string) =>
  /^\s*SET\s+STATEMENT\b[\s\S]*?\block_wait_timeout\s*=\s*\d+[\s\S]*?\bFOR\b/i.test(text);

export default defineRule({
  meta: {
    id: ID,
    severity: 'warning',
    summary:
      'DDL on an existing table with no lock_wait_timeout set first: while it waits for the metadata lock (up to a year by default), every query on the table queues behind it.',
  },
  check(stmt, ctx) {
    const d = ddl(stmt);
    if (!d) return;
    // MariaDB `WAIT n` / `NOWAIT` on the statement bounds the wait (MariaDB KB "WAIT and NOWAIT", 10.3+)
    if (d.wait !== undefined || setStatement(stmt.text)) return;
    const tables = d.tables.filter((t) => !isNew(ctx, stmt, t));
    if (!tables.length) return;
    const set = lastSetting(ctx.statements, stmt, 'lock_wait_timeout');
    const value = set ? Number(set.value.replace(/^'|'$/g, '')) : Number.NaN;
    if (set && !(Number.isFinite(value) && value >= DEFAULT_WAIT) && set.value.toUpperCase() !== 'DEFAULT') return;
    // report once per file: the first DDL that waits unbounded
    const first = ctx.statements.find((s) => {
      const o = ddl(s);
      if (!o || o.wait !== undefined || setStatement(s.text) || s.ignoreAll || s.ignored.has(ID)) return false;
      return o.tables.some((t) => !isNew(ctx, s, t));
    });
    if (first && first.index !== stmt.index) return;
    const innodb = lastSetting(ctx.statements, stmt, 'innodb_lock_wait_timeout');
    const t = tables[0]!;
    // MySQL 8.0 reference manual, 10.11.4 "Metadata Locking": DDL waits for an exclusive metadata lock
    // behind every open transaction that used the table, and later requests queue behind the pending
    // one; 7.1.8 "Server System Variables", lock_wait_timeout (default 31536000 s) applies to metadata
    // locks, innodb_lock_wait_timeout to row locks only.
    const because = set
      ? `lock_wait_timeout is set back to ${set.value} on line ${set.stmt.span.line}`
      : `no lock_wait_timeout is set, so it waits up to its default of 31,536,000 seconds (one year)${innodb ? ` (the innodb_lock_wait_timeout on line ${innodb.stmt.span.line} only bounds row-lock waits, not this one)` : ''}`;
    return {
      message: `${d.label} on \`${showTable(t)}\` needs the table's metadata lock, and ${because}. If any transaction has touched the table, even a long SELECT or an idle open transaction, this statement waits, and every query on \`${showTable(t)}\` arriving meanwhile queues behind it: an outage until the blocker ends.`,
      help: `Start the migration with \`SET SESSION lock_wait_timeout = 5;\`${ctx.server.flavor === 'mariadb' ? ' (or write `WAIT 5` after the table name)' : ''} so the statement gives up instead of queueing traffic, and retry the migration.`,
      lock: 'EXCLUSIVE',
      table: relKey(t),
      data: { setting: 'lock_wait_timeout', tables: tables.map(relKey) },
    };
  },
});
