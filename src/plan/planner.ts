/**
 * The planner: walks along with the lint engine (reading the catalog it replays), and for each migration
 * under review turns unsafe statements into staged phases (the dialect's rewrites,
 * then schedule.ts). It knows SQL only through `Dialect.plan` (src/dialect.ts):
 * every phase's SQL is checked by the dialect (for PostgreSQL, parsed with
 * libpg-query, PL/pgSQL bodies too) before the plan is returned; a plan whose SQL
 * does not parse is never shown.
 */
import type { Dialect, DialectCatalog, DialectPlanner, FilePlan, PlanRun, PlanSettings } from '../dialect.js';
import { LintEngine, type LintObserver } from '../engine/lint.js';
import { disablesAssumeInTransaction } from '../parse/ignores.js';
import type { FileResult, Migration, ParsedMigration, Statement } from '../model.js';
import { schedule, type ScheduledPhase, type Step } from './schedule.js';
import { shorten } from './text.js';
import { DEFAULTS, type LocalEdit, type Phase, type PlanOptions, type StagedPlan, type Unhandled } from './types.js';

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

type Finding = NonNullable<PlanOptions['findings']>[number];

function phaseFrom(sp: ScheduledPhase, planner: DialectPlanner, settings: PlanSettings): Phase {
  const reasons = [...new Set(sp.steps.map((s) => s.reason))];
  const steps = sp.steps.map((s) => s.sql);
  const sql = sp.transactional
    ? planner.transactionalSql(
        steps,
        settings,
        sp.steps.every((s) => s.timeout === 'scan'),
      )
    : steps.join('\n');
  const phase: Phase = { name: sp.kind, transactional: sp.transactional, reason: reasons.join('; '), sql };
  if (sp.deploy) phase.deploy = sp.deploy;
  if (sp.steps.some((s) => s.todo)) phase.todo = true;
  const commands = sp.steps.flatMap((s) => s.commands ?? []);
  if (commands.length) phase.commands = commands;
  const preflight = sp.steps.flatMap((s) => s.preflight ?? []);
  if (preflight.length) phase.preflight = preflight;
  return phase;
}

/** The file under review being planned, statement by statement, as the lint engine walks it. */
interface OpenFile {
  parsed: ParsedMigration;
  file: FilePlan;
  groups: Step[][];
  /**
   * the statements kept as written before any step was held (`FilePlan.keepIsPure`), whose steps are
   * made again only if the file gets a rewrite: a file without one needs none of them
   */
  keptBefore: number[];
  rewritten: Set<number>;
  hadTransaction: boolean;
  /**
   * the findings the plan answers, by statement: the given ones (`PlanOptions.findings`) up front, or
   * the lint engine's as it reports them
   */
  byStatement: Map<number, Finding[]>;
  /** set when planning this file failed: the message */
  failed?: string;
  /** rewritten statements that are local edits */
  edits: LocalEdit[];
}

/**
 * The statement's rewrite as a local edit, when every one of its steps has a plain form (`Step.local`).
 * It answers what the rewrite recorded, and the statement's other findings of rules a rewrite answers
 * (not those the plan answers by its phases' time limits or its re-run guards, which the plain form lacks).
 */
function localEdit(
  stmt: Statement,
  groups: Step[][],
  recorded: readonly { rule: string }[],
  findings: readonly Finding[],
  answered: (f: Finding) => boolean,
): LocalEdit | undefined {
  const steps = schedule(groups).flatMap((p) => p.steps);
  if (!steps.length || !recorded.length || steps.some((s) => !s.local)) return undefined;
  return {
    statementIndex: stmt.index,
    line: stmt.span.line,
    rules: [...new Set([...recorded.map((r) => r.rule), ...findings.filter(answered).map((f) => f.rule)])],
    sql: steps.map((s) => s.local).join('\n'),
  };
}

/**
 * The planner walks the migrations along with the lint engine (a `LintObserver`): it reads the
 * catalog the engine replays, just before each statement is applied, so history is replayed once
 * for lint and plan together. Each file under review gets a staged plan, is unchanged, or is "not
 * handled"; `result` holds them once the walk is over.
 */
export class Planner implements LintObserver {
  readonly settings: PlanSettings;
  readonly result: PlanResult = { plans: [], unchanged: [], unhandled: [], failed: [] };
  private run?: PlanRun;
  private open?: OpenFile;

  /**
   * `options.findings`: the findings the plan answers; without them, the findings the lint engine
   * it walks with reports (the pipeline's case: one walk for lint and plan).
   */
  constructor(
    private readonly planner: DialectPlanner,
    defaultVersion: number,
    private readonly options: PlanOptions,
  ) {
    this.settings = {
      version: options.pgVersion ?? defaultVersion,
      lockTimeout: options.lockTimeout ?? DEFAULTS.lockTimeout,
      statementTimeout: options.statementTimeout ?? DEFAULTS.statementTimeout,
      batchSize: options.batchSize ?? DEFAULTS.batchSize,
      backfill: options.backfill ?? {},
    };
  }

  attach(catalog: DialectCatalog): void {
    this.run = this.planner.start(this.settings, catalog);
  }

  fileStart(parsed: ParsedMigration): void {
    const m = parsed.migration;
    if (!m.review) return;
    if (parsed.error) {
      this.result.failed.push({
        path: m.path,
        message: parsed.badBytes?.includes(parsed.error)
          ? `not planned: ${parsed.error.message} (line ${parsed.error.line}, column ${parsed.error.column})`
          : `cannot parse: ${parsed.error.message} at line ${parsed.error.line}`,
      });
      return;
    }
    const byStatement = new Map<number, Finding[]>();
    for (const f of this.options.findings ?? []) {
      if (f.path !== m.path) continue;
      const list = byStatement.get(f.statementIndex);
      if (list) list.push(f);
      else byStatement.set(f.statementIndex, [f]);
    }
    const flagged = (stmt: Statement) => byStatement.get(stmt.index) ?? [];
    this.open = {
      parsed,
      byStatement,
      groups: [],
      keptBefore: [],
      rewritten: new Set(),
      edits: [],
      hadTransaction:
        m.transaction === 'wrapped' || (!!this.options.assumeInTransaction && !disablesAssumeInTransaction(m.source)),
      file: this.run!.file(parsed, {
        flaggedBy: (stmt) => new Set(flagged(stmt).map((f) => f.rule)),
        allowed: (stmt, rule) =>
          !parsed.ignoreFile && !parsed.ignoreFileRules.has(rule) && !stmt.ignoreAll && !stmt.ignored.has(rule),
      }),
    };
  }

  statement(parsed: ParsedMigration, stmt: Statement, reported: readonly Finding[]): void {
    const o = this.open;
    if (!o || o.parsed !== parsed) {
      this.run!.seen(stmt, parsed.migration.absPath);
      return;
    }
    if (o.failed) return;
    try {
      const { file } = o;
      if (!this.options.findings && reported.length) o.byStatement.set(stmt.index, [...reported]);
      if (file.transactionControl(stmt)) o.hadTransaction = true;
      if (!file.skip(stmt)) {
        const recorded = file.rewrites.length;
        const steps = this.stepsFor(file, stmt, o.byStatement.get(stmt.index) ?? []);
        if (steps.rewritten) {
          o.rewritten.add(stmt.index);
          const edit = localEdit(
            stmt,
            steps.groups,
            file.rewrites.slice(recorded),
            o.byStatement.get(stmt.index) ?? [],
            (f) => this.planner.answers.has(f.rule) && (file.answersOnRewrite?.(f.rule, f) ?? true),
          );
          if (edit) o.edits.push(edit);
        }
        if (!steps.rewritten && file.keepIsPure && !o.groups.length) o.keptBefore.push(stmt.index);
        else {
          this.heldKept(o);
          o.groups.push(...steps.groups);
        }
      }
      file.after(stmt);
    } catch (err) {
      o.failed = `internal error while planning: ${(err as Error).message}`;
    }
  }

  fileEnd(parsed: ParsedMigration, lint: FileResult): void {
    const o = this.open;
    if (!o || o.parsed !== parsed) return;
    this.open = undefined;
    const m = parsed.migration;
    if (o.failed) {
      this.result.failed.push({ path: m.path, message: o.failed });
      return;
    }
    try {
      // every finding of the file, in order (file-level ones too): the given ones, or the engine's
      const given = this.options.findings;
      const findings = given ? given.filter((f) => f.path === m.path) : lint.findings;
      const { plan, unhandled } = this.finish(o, findings);
      this.result.unhandled.push(...unhandled);
      if (plan) this.result.plans.push(plan);
      else if (!unhandled.length) this.result.unchanged.push(m.path);
    } catch (err) {
      this.result.failed.push({ path: m.path, message: `internal error while planning: ${(err as Error).message}` });
    }
  }

  /** Makes again the steps of the statements kept before the first one held (`OpenFile.keptBefore`). */
  private heldKept(o: OpenFile): void {
    if (!o.keptBefore.length) return;
    for (const i of o.keptBefore) {
      const stmt = o.parsed.statements[i]!;
      o.groups.push([this.kept(o.file, stmt, o.byStatement.get(i) ?? [])]);
    }
    o.keptBefore = [];
  }

  /** The statement kept as written, and why. */
  private kept(file: FilePlan, stmt: Statement, open: Finding[]): Step {
    const kept = file.keep(stmt);
    // never "already safe" when a finding on it stands
    if (open.length)
      kept.reason = `kept as written, NOT handled: ${[...new Set(open.map((f) => f.rule))].join(', ')} at line ${stmt.span.line}: do it by hand`;
    return kept;
  }

  /** The steps for one statement: the dialect's rewrite, or the statement kept as written (and why). */
  private stepsFor(file: FilePlan, stmt: Statement, open: Finding[]): { groups: Step[][]; rewritten: boolean } {
    let out: Step[][] | undefined;
    try {
      out = file.rewrite(stmt);
    } catch (err) {
      file.notes.push({
        level: 'warning',
        line: stmt.span.line,
        message: `No automatic plan for this statement (${(err as Error).message}); it is kept as written.`,
      });
      out = undefined;
    }
    if (out) return { groups: out, rewritten: true };
    return { groups: [[this.kept(file, stmt, open)]], rewritten: false };
  }

  /** Findings the plan does not answer: said plainly, counted, and they fail the run like lint's. */
  private unhandled(parsed: ParsedMigration, file: FilePlan, findings: Finding[], rewritten: Set<number>): Unhandled[] {
    const out: Unhandled[] = [];
    for (const f of findings) {
      const answered = rewritten.has(f.statementIndex) && (file.answersOnRewrite?.(f.rule, f) ?? true);
      if (f.statementIndex >= 0 && (answered || file.consumed(f.statementIndex))) continue;
      // a statement kept as written inside a transactional phase runs under the phase's lock and statement timeouts
      const stmt = parsed.statements[f.statementIndex];
      if (file.rewrites.length && this.planner.phaseAnswers.has(f.rule) && stmt && !file.runsAlone(stmt)) continue;
      // why the planner had no rewrite (its note on that line) for a rule a rewrite exists for, else the rule's advice
      const why = this.planner.answers.has(f.rule)
        ? file.notes.find((n) => n.line === f.line && n.level === 'warning')?.message
        : undefined;
      out.push({
        path: parsed.migration.path,
        line: f.line,
        rule: f.rule,
        severity: f.severity,
        message: shorten(f.message, 300),
        advice: shorten(why ?? f.help ?? 'see the rule documentation', 400),
      });
    }
    return out;
  }

  /** The file's plan once all its statements are planned: phases, checked SQL, and what is not handled. */
  private finish(o: OpenFile, findings: Finding[]): { plan?: StagedPlan; unhandled: Unhandled[] } {
    const { parsed, file, groups, rewritten, hadTransaction } = o;
    const m = parsed.migration;
    const unhandled = this.unhandled(parsed, file, findings, rewritten);
    if (!file.rewrites.length) return { unhandled };
    this.heldKept(o);
    if (hadTransaction) {
      file.notes.push({
        level: 'info',
        message:
          'The original runs as one transaction; the plan deliberately splits it into phases so that no lock outlives a step. If a phase fails, the earlier ones stay applied; each is safe to keep, and each can be run again.',
      });
    }
    const phases = schedule(groups).map((sp) => phaseFrom(sp, this.planner, this.settings));
    phases.forEach((p, i) => {
      try {
        this.planner.checkPhase(p);
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
        rewrites: file.rewrites,
        notes: file.notes,
        expectedDifferences: file.expected,
        unhandled,
        ...(o.edits.length ? { edits: o.edits } : {}),
      },
      unhandled,
    };
  }
}

/**
 * Plans migrations: parses them with the dialect, and walks them with a lint engine that only
 * replays the catalog (the plan answers `options.findings`; none given: none).
 */
export async function planMigrations(
  dialect: Dialect,
  migrations: Migration[],
  options: PlanOptions = {},
): Promise<PlanResult> {
  await dialect.loadParts?.();
  const planner = plannerFor(dialect, { ...options, findings: options.findings ?? [] });
  if (!planner.observer) return planner.result(migrations);
  await dialect.load();
  const engine = new LintEngine(dialect, {
    ruleSet: [],
    observer: planner.observer,
    ...(options.pgVersion !== undefined ? { pgVersion: options.pgVersion } : {}),
    ...(options.assumeInTransaction ? { assumeInTransaction: true } : {}),
  });
  for (const m of migrations) engine.processFile(dialect.parse(m));
  return planner.result();
}

/**
 * The planner of a run, to walk along with its lint engine (`LintOptions.observer`); without
 * `options.findings` it answers what that engine reports. `result(migrations)` after the walk: a
 * dialect that cannot plan yet says so for every file under review.
 */
export function plannerFor(
  dialect: Pick<Dialect, 'name' | 'defaultVersion' | 'plan'>,
  options: PlanOptions = {},
): { observer?: Planner; result(migrations?: readonly Migration[]): PlanResult } {
  if (!dialect.plan) {
    return {
      result: (migrations = []) => ({
        plans: [],
        unchanged: [],
        unhandled: [],
        failed: migrations
          .filter((m) => m.review)
          .map((m) => ({ path: m.path, message: `not planned: zerodown cannot plan ${dialect.name} migrations yet` })),
      }),
    };
  }
  const observer = new Planner(dialect.plan, dialect.defaultVersion, options);
  return { observer, result: () => observer.result };
}
