/**
 * The planner: replays history into a catalog, and for each migration under
 * review turns unsafe statements into staged phases (see rewrite.ts,
 * schedule.ts). Every phase's SQL is parsed with libpg-query (and PL/pgSQL
 * bodies with the PL/pgSQL parser) before the plan is returned; a plan whose
 * SQL does not parse is never shown.
 */
import { parsePlPgSQLSync } from '../dialects/postgres/parse.js'; // zerodown's one parser instance, loaded by loadParser() (libpg-query's own loads asynchronously and may not be ready)
import type { Migration, ParsedMigration, Statement } from '../model.js';
import { loadParser, parseMigration, parseSql } from '../dialects/postgres/parse.js';
import { Catalog, relKey } from '../dialects/postgres/catalog.js';
import { mustRunAlone, shorten, timeoutPreamble, type RewriteContext } from '../dialects/postgres/plan/context.js';
import { passThrough, rewriteStatement, type Group } from '../dialects/postgres/plan/rewrite.js';
import { schedule, type ScheduledPhase } from './schedule.js';
import { astDepth, MAX_AST_DEPTH } from '../dialects/postgres/plan/sqltext.js';
import { sqlComment } from '../dialects/postgres/plan/quote.js';
import { DEFAULT_PG_VERSION } from '../dialects/postgres/version.js';
import { DEFAULTS, type Phase, type PlanOptions, type StagedPlan, type Unhandled } from './types.js';

export interface PlanResult {
  /** one plan per reviewed file that needs one */
  plans: StagedPlan[];
  /** reviewed files that need no plan (paths): no finding, or every finding answered */
  unchanged: string[];
  /** findings (every reviewed file, with or without a plan) that no rewrite answers: a person must handle them */
  unhandled: Unhandled[];
  /** reviewed files the planner could not handle (parse errors, internal errors) */
  failed: { path: string; message: string }[];
}

/** Rules some rewrite answers (rewrite.ts, expand-contract.ts): when the rewrite declines, its note says why. */
const REWRITE_RULES = new Set([
  'adding-field-with-default',
  'adding-required-field',
  'adding-serial-primary-key-field',
  'disallowed-unique-constraint',
  'adding-not-nullable-field',
  'constraint-missing-not-valid',
  'adding-foreign-key-constraint',
  'require-concurrent-index-creation',
  'index-same-step-as-add-column',
  'unbatched-backfill',
  'changing-column-type',
  'renaming-column',
  'renaming-table',
]);

/** Statement kinds some rewrite may replace (rewrite.ts `rewriteStatement`). */
const REWRITTEN_KINDS = new Set(['AlterTableStmt', 'IndexStmt', 'UpdateStmt', 'DeleteStmt', 'RenameStmt']);

/** Findings every transactional phase answers with its SET lock_timeout / statement_timeout preamble. */
const TIMEOUT_RULES = new Set(['require-lock-timeout', 'require-statement-timeout']);

function dropped(stmt: Statement): boolean {
  if (stmt.kind === 'TransactionStmt') return true;
  if (stmt.kind === 'VariableSetStmt') {
    const name = stmt.ast.name as string | undefined;
    return name === 'lock_timeout' || name === 'statement_timeout';
  }
  return false;
}

/** Throws when a phase's SQL does not parse, or a non-transactional phase holds more than one statement. */
export function checkPhaseSql(phase: Pick<Phase, 'sql' | 'transactional'>): void {
  const stmts = parseSql(phase.sql);
  if (!stmts.length) throw new Error('phase has no statement');
  if (!phase.transactional && stmts.length !== 1)
    throw new Error('a phase that runs outside a transaction must hold exactly one statement');
  for (const s of stmts) {
    const isPlpgsql =
      s.kind === 'DoStmt'
        ? !(s.ast.args ?? []).some(
            (a: any) => a.DefElem?.defname === 'language' && a.DefElem.arg?.String?.sval !== 'plpgsql',
          )
        : s.kind === 'CreateFunctionStmt' &&
          (s.ast.options ?? []).some(
            (o: any) => o.DefElem?.defname === 'language' && o.DefElem.arg?.String?.sval === 'plpgsql',
          );
    if (isPlpgsql) parsePlPgSQLSync(s.text);
  }
}

function phaseFrom(sp: ScheduledPhase, opts: { lockTimeout: string; statementTimeout: string }): Phase {
  const reasons = [...new Set(sp.steps.map((s) => s.reason))];
  let sql: string;
  if (sp.transactional) {
    const scan = sp.steps.every((s) => s.timeout === 'scan');
    sql = [
      ...timeoutPreamble(opts, scan),
      ...sp.steps.map((s) => s.sql),
      'RESET statement_timeout;',
      'RESET lock_timeout;',
    ].join('\n');
  } else {
    sql = sp.steps.map((s) => s.sql).join('\n');
  }
  const phase: Phase = { name: sp.kind, transactional: sp.transactional, reason: reasons.join('; '), sql };
  if (sp.deploy) phase.deploy = sp.deploy;
  if (sp.steps.some((s) => s.todo)) phase.todo = true;
  return phase;
}

class Planner {
  readonly catalog = new Catalog();
  readonly sourceOf = new WeakMap<object, string>();
  readonly indexSource = new Map<string, string>();
  readonly pgVersion: number;
  readonly lockTimeout: string;
  readonly statementTimeout: string;
  readonly batchSize: number;

  constructor(private readonly options: PlanOptions) {
    this.pgVersion = options.pgVersion ?? DEFAULT_PG_VERSION;
    this.lockTimeout = options.lockTimeout ?? DEFAULTS.lockTimeout;
    this.statementTimeout = options.statementTimeout ?? DEFAULTS.statementTimeout;
    this.batchSize = options.batchSize ?? DEFAULTS.batchSize;
  }

  private remember(stmt: Statement): void {
    // keep the source text of nodes that later rewrites may need to reproduce (defaults, indexes);
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

  replay(parsed: ParsedMigration): void {
    for (const stmt of parsed.statements) {
      this.remember(stmt);
      this.catalog.apply(stmt, parsed.migration.absPath);
    }
  }

  plan(parsed: ParsedMigration): { plan?: StagedPlan; unhandled: Unhandled[] } {
    const m = parsed.migration;
    const findings = (this.options.findings ?? []).filter((f) => f.path === m.path);
    const ctx: RewriteContext = {
      catalog: this.catalog,
      pgVersion: this.pgVersion,
      origin: m.absPath,
      path: m.path,
      statements: parsed.statements,
      consumed: new Set(),
      notes: [],
      rewrites: [],
      expected: [],
      lockTimeout: this.lockTimeout,
      statementTimeout: this.statementTimeout,
      batchSize: this.batchSize,
      backfill: this.options.backfill ?? {},
      usedNames: new Set(),
      flaggedBy: (stmt) => new Set(findings.filter((f) => f.statementIndex === stmt.index).map((f) => f.rule)),
      allowed: (stmt, rule) =>
        !parsed.ignoreFile && !parsed.ignoreFileRules.has(rule) && !stmt.ignoreAll && !stmt.ignored.has(rule),
      sourceOf: this.sourceOf,
      indexSource: this.indexSource,
    };
    const groups: Group[] = [];
    const rewritten = new Set<number>();
    let hadTransaction = m.transaction === 'wrapped' || !!this.options.assumeInTransaction;
    for (const stmt of parsed.statements) {
      if (stmt.kind === 'TransactionStmt') hadTransaction = true;
      if (ctx.consumed.has(stmt.index) || dropped(stmt)) {
        this.remember(stmt);
        this.catalog.apply(stmt, m.absPath);
        continue;
      }
      let out: Group[] | undefined;
      const depth = astDepth(stmt.ast);
      try {
        if (depth > MAX_AST_DEPTH) {
          // the rewrites walk the tree recursively: refuse plainly rather than overflow the stack
          if (REWRITTEN_KINDS.has(stmt.kind))
            ctx.notes.push({
              level: 'warning',
              line: stmt.span.line,
              message: `No automatic plan for this statement: its expression nests more than ${MAX_AST_DEPTH} levels deep, too deep for zerodown to rewrite safely; it is kept as written.`,
            });
          out = undefined;
        } else {
          const before = {
            rewrites: ctx.rewrites.length,
            expected: ctx.expected.length,
            notes: ctx.notes.length,
            consumed: new Set(ctx.consumed),
          };
          out = rewriteStatement(stmt, ctx);
          if (out && this.pgVersion < 11 && out.some((g) => g.some((s) => s.kind === 'backfill'))) {
            // a batched backfill commits inside a DO block, which PostgreSQL 10 rejects: refuse plainly
            ctx.rewrites.length = before.rewrites;
            ctx.expected.length = before.expected;
            ctx.notes.length = before.notes;
            ctx.consumed.clear();
            for (const i of before.consumed) ctx.consumed.add(i);
            ctx.notes.push({
              level: 'warning',
              line: stmt.span.line,
              message: `No automatic plan for this statement below PostgreSQL 11: its safe form backfills in batches, each committed inside a DO block, and PostgreSQL ${this.pgVersion} cannot COMMIT there. Do it by hand: add the column without the default or NOT NULL, then fill it from a script that runs one UPDATE … WHERE id BETWEEN … per transaction until none is left, then add the constraint (see docs/plan.md).`,
            });
            out = undefined;
          }
        }
      } catch (err) {
        ctx.notes.push({
          level: 'warning',
          line: stmt.span.line,
          message: `No automatic plan for this statement (${(err as Error).message}); it is kept as written.`,
        });
        out = undefined;
      }
      if (out) {
        rewritten.add(stmt.index);
        groups.push(...out);
      } else {
        const kept = passThrough(stmt);
        const open = findings.filter((f) => f.statementIndex === stmt.index);
        // never "already safe" when a finding on it stands
        if (open.length)
          kept.reason = `kept as written, NOT handled: ${[...new Set(open.map((f) => f.rule))].join(', ')} at line ${stmt.span.line}: do it by hand`;
        groups.push([kept]);
      }
      this.remember(stmt);
      this.catalog.apply(stmt, m.absPath);
      // a later rename of the table: the plan's expected differences follow it
      if (stmt.kind === 'RenameStmt' && stmt.ast.renameType === 'OBJECT_TABLE' && stmt.ast.relation) {
        const from = relKey(stmt.ast.relation);
        const to = `${stmt.ast.relation.schemaname ?? 'public'}.${stmt.ast.newname}`;
        const follow = (k: string) =>
          k.endsWith(` ${from}`) ? `${k.slice(0, -from.length)}${to}` : k.replace(` ${from}.`, ` ${to}.`);
        for (const e of ctx.expected) e.keys = e.keys.map(follow);
      }
    }
    // findings the plan does not answer: said plainly, counted, and they fail the run like lint's
    const unhandled: Unhandled[] = [];
    for (const f of findings) {
      if (f.statementIndex >= 0 && (rewritten.has(f.statementIndex) || ctx.consumed.has(f.statementIndex))) continue;
      // a statement kept as written inside a transactional phase runs under the phase's lock and statement timeouts
      const stmt = parsed.statements[f.statementIndex];
      if (ctx.rewrites.length && TIMEOUT_RULES.has(f.rule) && stmt && !mustRunAlone(stmt)) continue;
      // why the planner had no rewrite (its note on that line) for a rule a rewrite exists for, else the rule's advice
      const why = REWRITE_RULES.has(f.rule)
        ? ctx.notes.find((n) => n.line === f.line && n.level === 'warning')?.message
        : undefined;
      unhandled.push({
        path: m.path,
        line: f.line,
        rule: f.rule,
        severity: f.severity === 'warning' ? 'warning' : 'error',
        message: shorten(f.message, 300),
        advice: shorten(why ?? f.help ?? 'see the rule documentation', 400),
      });
    }
    if (!ctx.rewrites.length) return { unhandled };
    if (hadTransaction) {
      ctx.notes.push({
        level: 'info',
        message:
          'The original runs as one transaction; the plan deliberately splits it into phases so that no lock outlives a step. If a phase fails, the earlier ones stay applied; each is safe to keep, and each can be run again.',
      });
    }
    const phases = schedule(groups).map((sp) => phaseFrom(sp, this));
    phases.forEach((p, i) => {
      try {
        checkPhaseSql(p);
      } catch (err) {
        throw new Error(
          `generated SQL of phase ${i + 1} (${p.name}) does not parse: ${(err as Error).message}\n${p.sql}`,
        );
      }
    });
    return {
      plan: {
        path: m.path,
        migration: m,
        phases,
        rewrites: ctx.rewrites,
        notes: ctx.notes,
        expectedDifferences: ctx.expected,
        unhandled,
      },
      unhandled,
    };
  }
}

/** Plans every migration under review (`review: true`), replaying the others as history first. */
export async function planMigrations(migrations: Migration[], options: PlanOptions = {}): Promise<PlanResult> {
  await loadParser();
  return planParsed(
    migrations.map((m) => parseMigration(m)),
    options,
  );
}

/**
 * `planMigrations` on files the pipeline has parsed already (src/pipeline/): no second parse.
 * The planner still replays its own catalog, interleaved with the rewrites it makes.
 */
export function planParsed(files: readonly ParsedMigration[], options: PlanOptions = {}): PlanResult {
  const planner = new Planner(options);
  const result: PlanResult = { plans: [], unchanged: [], unhandled: [], failed: [] };
  for (const parsed of files) {
    const m = parsed.migration;
    if (!m.review) {
      if (!parsed.error) planner.replay(parsed);
      continue;
    }
    if (parsed.error) {
      result.failed.push({
        path: m.path,
        message: parsed.badBytes?.includes(parsed.error)
          ? `not planned: ${parsed.error.message} (line ${parsed.error.line}, column ${parsed.error.column})`
          : `cannot parse: ${parsed.error.message} at line ${parsed.error.line}`,
      });
      continue;
    }
    try {
      const { plan, unhandled } = planner.plan(parsed);
      result.unhandled.push(...unhandled);
      if (plan) result.plans.push(plan);
      else if (!unhandled.length) result.unchanged.push(m.path);
    } catch (err) {
      // plan() has replayed the file into the catalog before it checks the generated SQL
      result.failed.push({ path: m.path, message: `internal error while planning: ${(err as Error).message}` });
    }
  }
  return result;
}

/** The phases as one script for psql: transactional phases wrapped in BEGIN/COMMIT. */
export function planScript(plan: StagedPlan): string {
  const out: string[] = [sqlComment(`zerodown plan for ${plan.path}: ${plan.phases.length} phases`)];
  plan.phases.forEach((p, i) => {
    out.push(
      '',
      sqlComment(`Phase ${i + 1} · ${p.name} (${p.transactional ? 'transactional' : 'no transaction'}): ${p.reason}`),
    );
    if (p.deploy) out.push(sqlComment(`DEPLOY FIRST: ${p.deploy}`));
    if (p.transactional) out.push('BEGIN;', p.sql, 'COMMIT;');
    else out.push(p.sql);
  });
  return `${out.join('\n')}\n`;
}
