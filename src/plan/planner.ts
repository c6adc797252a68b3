/**
 * The planner: replays history into the dialect's catalog, and for each migration
 * under review turns unsafe statements into staged phases (the dialect's rewrites,
 * then schedule.ts). It knows SQL only through `Dialect.plan` (src/dialect.ts):
 * every phase's SQL is checked by the dialect (for PostgreSQL, parsed with
 * libpg-query, PL/pgSQL bodies too) before the plan is returned; a plan whose SQL
 * does not parse is never shown.
 */
import type { Dialect, DialectPlanner, FilePlan, PlanRun, PlanSettings } from '../dialect.js';
import type { Migration, ParsedMigration, Statement } from '../model.js';
import { schedule, type ScheduledPhase, type Step } from './schedule.js';
import { shorten } from './text.js';
import { DEFAULTS, type Phase, type PlanOptions, type StagedPlan, type Unhandled } from './types.js';

/** What the planner needs of a dialect. */
export type PlanningDialect = Pick<Dialect, 'name' | 'defaultVersion' | 'load' | 'parse' | 'plan'>;

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
  return phase;
}

class Planner {
  readonly settings: PlanSettings;
  private readonly run: PlanRun;

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
    this.run = planner.start(this.settings);
  }

  replay(parsed: ParsedMigration): void {
    this.run.replay(parsed);
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
    const kept = file.keep(stmt);
    // never "already safe" when a finding on it stands
    if (open.length)
      kept.reason = `kept as written, NOT handled: ${[...new Set(open.map((f) => f.rule))].join(', ')} at line ${stmt.span.line}: do it by hand`;
    return { groups: [[kept]], rewritten: false };
  }

  /** Findings the plan does not answer: said plainly, counted, and they fail the run like lint's. */
  private unhandled(parsed: ParsedMigration, file: FilePlan, findings: Finding[], rewritten: Set<number>): Unhandled[] {
    const out: Unhandled[] = [];
    for (const f of findings) {
      if (f.statementIndex >= 0 && (rewritten.has(f.statementIndex) || file.consumed(f.statementIndex))) continue;
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
        severity: f.severity === 'warning' ? 'warning' : 'error',
        message: shorten(f.message, 300),
        advice: shorten(why ?? f.help ?? 'see the rule documentation', 400),
      });
    }
    return out;
  }

  plan(parsed: ParsedMigration): { plan?: StagedPlan; unhandled: Unhandled[] } {
    const m = parsed.migration;
    const findings = (this.options.findings ?? []).filter((f) => f.path === m.path);
    const file = this.run.file(parsed, {
      flaggedBy: (stmt) => new Set(findings.filter((f) => f.statementIndex === stmt.index).map((f) => f.rule)),
      allowed: (stmt, rule) =>
        !parsed.ignoreFile && !parsed.ignoreFileRules.has(rule) && !stmt.ignoreAll && !stmt.ignored.has(rule),
    });
    const groups: Step[][] = [];
    const rewritten = new Set<number>();
    let hadTransaction = m.transaction === 'wrapped' || !!this.options.assumeInTransaction;
    for (const stmt of parsed.statements) {
      if (file.transactionControl(stmt)) hadTransaction = true;
      if (!file.skip(stmt)) {
        const open = findings.filter((f) => f.statementIndex === stmt.index);
        const steps = this.stepsFor(file, stmt, open);
        if (steps.rewritten) rewritten.add(stmt.index);
        groups.push(...steps.groups);
      }
      file.after(stmt);
    }
    const unhandled = this.unhandled(parsed, file, findings, rewritten);
    if (!file.rewrites.length) return { unhandled };
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
      },
      unhandled,
    };
  }
}

/** Parses the migrations with the dialect, then plans them (`planParsed`). */
export async function planMigrations(
  dialect: PlanningDialect,
  migrations: Migration[],
  options: PlanOptions = {},
): Promise<PlanResult> {
  await dialect.load();
  return planParsed(
    dialect,
    migrations.map((m) => dialect.parse(m)),
    options,
  );
}

/**
 * Plans files the pipeline has parsed already (src/pipeline/): history files (review=false) are
 * replayed, each file under review gets a staged plan, is unchanged, or is "not handled".
 */
export function planParsed(
  dialect: PlanningDialect,
  files: readonly ParsedMigration[],
  options: PlanOptions = {},
): PlanResult {
  const result: PlanResult = { plans: [], unchanged: [], unhandled: [], failed: [] };
  if (!dialect.plan) {
    for (const { migration: m } of files)
      if (m.review)
        result.failed.push({
          path: m.path,
          message: `not planned: zerodown cannot plan ${dialect.name} migrations yet`,
        });
    return result;
  }
  const planner = new Planner(dialect.plan, dialect.defaultVersion, options);
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
