/**
 * The PostgreSQL planning run behind `DialectPlanner.start` (src/dialect.ts): the
 * replayed catalog, the source texts later rewrites reproduce (defaults, index
 * definitions), and one `FilePlan` per file under review.
 */
import type { FileFindings, FilePlan, PlanRun, PlanSettings } from '../../../dialect.js';
import type { PgStatement, PgParsedMigration } from '../statement.js';
import { relKey, type Catalog } from '../catalog.js';
import { mustRunAlone } from './context.js';
import { passThrough, rewriteStatement, REWRITTEN_KINDS } from './rewrite.js';
import { astDepth, MAX_AST_DEPTH } from './sqltext.js';
import type { Group, RewriteContext } from './types.js';

/** Session settings the phases set themselves, and transaction control: replayed, not planned. */
function dropped(stmt: PgStatement): boolean {
  if (stmt.kind === 'TransactionStmt') return true;
  if (stmt.kind === 'VariableSetStmt') {
    const name = stmt.ast.name as string | undefined;
    return name === 'lock_timeout' || name === 'statement_timeout';
  }
  return false;
}

export class PostgresPlanRun implements PlanRun {
  readonly sourceOf = new WeakMap<object, string>();
  readonly indexSource = new Map<string, string>();

  /** `catalog`: the one the lint engine replays; the run reads it and never applies a statement */
  constructor(
    readonly settings: PlanSettings,
    readonly catalog: Catalog,
  ) {}

  /** keeps the source text of nodes that later rewrites may need to reproduce (defaults, indexes) */
  remember(stmt: PgStatement): void {
    // without recursion: a statement may nest thousands of levels deep
    const visit = (root: any): void => {
      const stack: any[] = [root];
      while (stack.length) {
        const n = stack.pop();
        if (!n || typeof n !== 'object') continue;
        if (Array.isArray(n)) {
          stack.push(...n);
          continue;
        }
        for (const [k, v] of Object.entries(n)) {
          if (k === 'raw_expr' && v && typeof v === 'object') this.sourceOf.set(v, stmt.text);
          stack.push(v);
        }
      }
    };
    if (stmt.kind === 'CreateStmt' || stmt.kind === 'AlterTableStmt') visit(stmt.ast);
    if (stmt.kind === 'IndexStmt') {
      // the same name the catalog replay gives the index
      const ast = stmt.ast;
      const cols = (ast.indexParams ?? []).map((p: any) => p.IndexElem?.name ?? null);
      const name = ast.idxname ?? `${ast.relation?.relname}_${cols.filter(Boolean).join('_')}_idx`;
      this.indexSource.set(`${ast.relation?.schemaname ?? 'public'}.${name}`, stmt.text);
    }
    if (stmt.kind === 'AlterTableStmt') {
      for (const c of stmt.ast.cmds ?? [])
        if (c.AlterTableCmd?.subtype === 'AT_ColumnDefault' && c.AlterTableCmd.def)
          this.sourceOf.set(c.AlterTableCmd.def, stmt.text);
    }
  }

  seen(stmt: PgStatement): void {
    this.remember(stmt);
  }

  file(parsed: PgParsedMigration, findings: FileFindings): PostgresFilePlan {
    return new PostgresFilePlan(this, parsed, findings);
  }
}

export class PostgresFilePlan implements FilePlan {
  readonly ctx: RewriteContext;

  constructor(
    private readonly run: PostgresPlanRun,
    parsed: PgParsedMigration,
    findings: FileFindings,
  ) {
    const m = parsed.migration;
    const s = run.settings;
    this.ctx = {
      catalog: run.catalog,
      pgVersion: s.version,
      origin: m.absPath,
      path: m.path,
      statements: parsed.statements,
      consumed: new Set(),
      notes: [],
      rewrites: [],
      expected: [],
      lockTimeout: s.lockTimeout,
      statementTimeout: s.statementTimeout,
      batchSize: s.batchSize,
      backfill: s.backfill,
      usedNames: new Set(),
      flaggedBy: (stmt) => findings.flaggedBy(stmt),
      allowed: (stmt, rule) => findings.allowed(stmt, rule),
      sourceOf: run.sourceOf,
      indexSource: run.indexSource,
      answered: [],
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

  /**
   * breaks-running-code is answered only by the plan of a new NOT NULL column: its temporary default
   * keeps the running release's INSERTs working, and its deploy gate comes before the default goes.
   * Every other rewrite keeps the hazard as the original has it (a narrowed type: the sync trigger
   * copies the old code's writes into the narrower column, which rejects them the same way; SET NOT
   * NULL or a dropped default: the plan makes the same change, only without the long lock).
   */
  answersOnRewrite(rule: string, finding?: { data?: Record<string, unknown> }): boolean {
    return rule !== 'breaks-running-code' || finding?.data?.change === 'add-column';
  }

  consumed(index: number): boolean {
    return this.ctx.consumed.has(index);
  }

  skip(stmt: PgStatement): boolean {
    return this.ctx.consumed.has(stmt.index) || dropped(stmt);
  }

  transactionControl(stmt: PgStatement): boolean {
    return stmt.kind === 'TransactionStmt';
  }

  runsAlone(stmt: PgStatement): boolean {
    return mustRunAlone(stmt);
  }

  readonly keepIsPure = true;

  keep(stmt: PgStatement): ReturnType<typeof passThrough> {
    return passThrough(stmt);
  }

  rewrite(stmt: PgStatement): Group[] | undefined {
    const ctx = this.ctx;
    if (astDepth(stmt.ast) > MAX_AST_DEPTH) {
      // the rewrites walk the tree recursively: refuse plainly rather than overflow the stack
      if (REWRITTEN_KINDS.has(stmt.kind))
        ctx.notes.push({
          level: 'warning',
          line: stmt.span.line,
          message: `No automatic plan for this statement: its expression nests more than ${MAX_AST_DEPTH} levels deep, too deep for zerodown to rewrite safely; it is kept as written.`,
        });
      return undefined;
    }
    const before = {
      rewrites: ctx.rewrites.length,
      expected: ctx.expected.length,
      notes: ctx.notes.length,
      answered: ctx.answered.length,
      consumed: new Set(ctx.consumed),
    };
    const out = rewriteStatement(stmt, ctx);
    if (out && ctx.pgVersion < 11 && out.some((g) => g.some((s) => s.kind === 'backfill'))) {
      // a batched backfill commits inside a DO block, which PostgreSQL 10 rejects: refuse plainly
      ctx.rewrites.length = before.rewrites;
      ctx.expected.length = before.expected;
      ctx.notes.length = before.notes;
      ctx.answered.length = before.answered;
      ctx.consumed.clear();
      for (const i of before.consumed) ctx.consumed.add(i);
      ctx.notes.push({
        level: 'warning',
        line: stmt.span.line,
        message: `No automatic plan for this statement below PostgreSQL 11: its safe form backfills in batches, each committed inside a DO block, and PostgreSQL ${ctx.pgVersion} cannot COMMIT there. Do it by hand: add the column without the default or NOT NULL, then fill it from a script that runs one UPDATE … WHERE id BETWEEN … per transaction until none is left, then add the constraint (see docs/plan.md).`,
      });
      return undefined;
    }
    return out;
  }

  after(stmt: PgStatement): void {
    this.run.remember(stmt);
    // a later rename of the table: the plan's expected differences follow it
    if (stmt.kind === 'RenameStmt' && stmt.ast.renameType === 'OBJECT_TABLE' && stmt.ast.relation) {
      const from = relKey(stmt.ast.relation);
      const to = `${stmt.ast.relation.schemaname ?? 'public'}.${stmt.ast.newname}`;
      const follow = (k: string) =>
        k.endsWith(` ${from}`) ? `${k.slice(0, -from.length)}${to}` : k.replace(` ${from}.`, ` ${to}.`);
      for (const e of this.ctx.expected) e.keys = e.keys.map(follow);
    }
  }
}
