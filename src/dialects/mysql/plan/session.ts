/**
 * The MySQL/MariaDB planning run behind `DialectPlanner.start` (src/dialect.ts): one `FilePlan` per
 * file under review, reading the catalog the lint engine replays.
 */
import type { FileFindings, FilePlan, PlanRun, PlanSettings } from '../../../dialect.js';
import type { ParsedMigration } from '../../../model.js';
import type { Step } from '../../../plan/schedule.js';
import type { MyAst, MyStatement, ServerVersion, TableName } from '../ast.js';
import { ADVISORY, changeStep, piece, rewriteAlter, rewriteCreateIndex } from './alter.js';
import { step, tableKey, type MyRewriteContext, type PlanCatalog } from './context.js';
import { isOnline, type Predict } from './predict.js';
import { lockWaitSql } from './sqltext.js';
import { rewriteUpdate } from './update.js';

/** DDL: commits implicitly before and after, so it never runs inside the plan's transactions. */
const DDL = new Set<MyAst['type']>([
  'alter_table',
  'create_table',
  'create_index',
  'drop_index',
  'drop_table',
  'rename_table',
  'truncate',
  'routine',
  'database',
  'account',
  'server',
]);

/** DDL that waits for the table's metadata lock: the phase bounds the wait with lock_wait_timeout. */
const WAITS_FOR_MDL = new Set<MyAst['type']>([
  'alter_table',
  'create_index',
  'drop_index',
  'drop_table',
  'rename_table',
  'truncate',
]);

/** Session limits the phases set themselves: replayed, not planned. */
function dropped(stmt: MyStatement): boolean {
  const a = stmt.ast;
  if (a.type === 'transaction') return true;
  if (a.type === 'set')
    return (
      a.vars.length > 0 &&
      a.vars.every((v) => v.scope === 'session' && /^(lock_wait_timeout|innodb_lock_wait_timeout)$/i.test(v.name))
    );
  return false;
}

/** The tables a statement touches (step ordering); `*` when it names none the planner knows. */
function keysOf(a: MyAst): string[] {
  let names: TableName[] = [];
  if ('table' in a && a.table && a.type !== 'routine' && a.type !== 'load_data') names = [a.table];
  else if (a.type === 'update' || a.type === 'delete' || a.type === 'drop_table') names = a.tables;
  else if (a.type === 'rename_table') names = a.pairs.flatMap((p) => [p.from, p.to]);
  return names.length ? names.map(tableKey) : ['*'];
}

export class MysqlPlanRun implements PlanRun {
  constructor(
    readonly settings: PlanSettings,
    readonly catalog: PlanCatalog,
    readonly server: ServerVersion,
    readonly predict: Predict,
  ) {}

  seen(): void {}

  file(parsed: ParsedMigration, findings: FileFindings): MysqlFilePlan {
    return new MysqlFilePlan(this, parsed as ParsedMigration<MyAst>, findings);
  }
}

export class MysqlFilePlan implements FilePlan {
  readonly ctx: MyRewriteContext;

  constructor(run: MysqlPlanRun, parsed: ParsedMigration<MyAst>, findings: FileFindings) {
    this.ctx = {
      catalog: run.catalog,
      server: run.server,
      predict: run.predict,
      settings: run.settings,
      origin: parsed.migration.absPath,
      statements: parsed.statements,
      notes: [],
      rewrites: [],
      expected: [],
      consumed: new Set(),
      flaggedBy: (stmt) => findings.flaggedBy(stmt),
      allowed: (stmt, rule) => findings.allowed(stmt, rule),
    };
  }

  get notes() {
    return this.ctx.notes;
  }
  get rewrites() {
    return this.ctx.rewrites;
  }
  get expected() {
    return this.ctx.expected;
  }

  answersOnRewrite(rule: string): boolean {
    return !ADVISORY.has(rule);
  }
  consumed(index: number): boolean {
    return this.ctx.consumed.has(index);
  }

  skip(stmt: MyStatement): boolean {
    return this.ctx.consumed.has(stmt.index) || dropped(stmt);
  }

  transactionControl(stmt: MyStatement): boolean {
    return stmt.ast.type === 'transaction';
  }

  /**
   * DDL commits on its own and unread statements run alone. The planner asks this to decide whether a
   * kept statement's phase bounds its lock waits (`phaseAnswers`): a DDL that waits for a metadata lock
   * is kept after its own `SET SESSION lock_wait_timeout` (see `keep`), so it counts as bounded too.
   */
  runsAlone(stmt: MyStatement): boolean {
    const t = stmt.ast.type;
    return (DDL.has(t) && !WAITS_FOR_MDL.has(t)) || t === 'unparsed';
  }

  keep(stmt: MyStatement): Step {
    const a = stmt.ast;
    const reason = DDL.has(a.type)
      ? 'statements kept as written; DDL commits on its own in MySQL, so this phase is not transactional'
      : 'statements that are already safe, unchanged';
    const sql = WAITS_FOR_MDL.has(a.type) ? `${lockWaitSql(this.ctx.settings.lockTimeout)}\n${stmt.text}` : stmt.text;
    const s = step('expand', sql, keysOf(a), reason);
    // DML and session statements may share a transactional phase; DDL and anything unread go alone
    s.transactional = !DDL.has(a.type) && a.type !== 'unparsed';
    // kept as written, but an ALTER that copies the table still gets the tools' commands and the pre-flight queries
    if (a.type === 'alter_table' && a.body.trim()) {
      const t = this.ctx.catalog.table(a.table);
      const whole = piece(a, a.ops, a.body);
      const pred = this.ctx.predict(whole, t, this.ctx.server);
      if (pred) {
        const made = changeStep(this.ctx, 'expand', whole, t, pred, s.keys, reason);
        if (!isOnline(pred) && made.commands) s.commands = made.commands;
        if (made.preflight) s.preflight = made.preflight;
      }
    }
    return s;
  }

  rewrite(stmt: MyStatement): Step[][] | undefined {
    if (stmt.ignoreAll) return undefined;
    const a = stmt.ast;
    if (a.type === 'alter_table') return rewriteAlter(this.ctx, stmt, a);
    if (a.type === 'create_index') return rewriteCreateIndex(this.ctx, stmt, a);
    if (a.type === 'update') return rewriteUpdate(this.ctx, stmt, a);
    return undefined;
  }

  after(): void {}
}
