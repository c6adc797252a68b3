/**
 * The seam between the CI front ends (the Action, `zerodown gitlab`) and the later pipeline stages: the staged plan
 * (src/plan/) and the dry run on a shadow database (src/shadow/). Each stage
 * contributes already-safe Markdown to the report: a headline under the
 * findings and collapsible sections (plan phases with their verification, the
 * per-statement lock table). The composer (src/report/markdown.ts) orders them
 * and drops them to their short form when the PR comment would be too long.
 *
 * Nothing here may fail the run: a stage that breaks becomes a note in the
 * report and a warning in the log.
 */
import type { Config } from '../config.js';
import type { LintResult, Migration } from '../model.js';
import { dryRunReport, type ReportSection } from '../report/markdown.js';
import { applyStats } from '../estimate/apply.js';
import type { StatsFile } from '../stats/format.js';
import type { DryRun } from '../shadow/dryrun-types.js';
import { confirmFindings, stopFindings } from '../shadow/dryrun.js';
import { dryRunStage, planStage, proveStage, type ParsedRun, type Settings } from '../pipeline/index.js';
import type { PlanResult } from '../plan/planner.js';
import { timeoutMsOf } from '../shadow/driver.js';
import { planSection, unhandledSection } from '../report/plan-markdown.js';
import { proofState } from '../report/plan-summary.js';
import { redactSecrets, registerSecretUrl } from '../secrets.js';

/** Whether and where the dry run and the plans' proof run (the Action's inputs, `zerodown gitlab`'s options). */
export interface ReviewShadow {
  dryRun: boolean;
  shadowUrl?: string;
  /** seconds a statement may run on the shadow */
  shadowTimeout?: number;
  /** run as the shadow URL's role when no unprivileged run role can be made, even if it is powerful */
  allowSuperuserShadow: boolean;
  /**
   * the shadow cache (src/shadow/cache.ts; embedded engine only): the dry run and the plans' proof boot from the
   * replayed and seeded history an earlier run saved here, and save it when there is none
   */
  cacheDir?: string;
  /**
   * A shadow server the front end can start when none is given (the Action: the GitHub runner's own
   * MySQL): undefined when it has none for this run, else how to start it and what to log once it runs.
   */
  fallback?: (
    dialect: string,
    opts: { shadowUrl?: string; dryRun: boolean },
  ) => { start: () => Promise<string>; started: string } | undefined;
}

export interface ExtrasInput {
  result: LintResult;
  /** every migration in apply order (history has review=false) */
  migrations: Migration[];
  shadow: ReviewShadow;
  config: Config;
  /** the run's settings (src/pipeline/settings.ts), resolved once */
  settings: Settings;
  /** the files the lint stage parsed, for the proof and the dry run */
  parsed?: ParsedRun;
  /** the staged plans the lint stage made in the same walk */
  plan?: PlanResult;
  log: (msg: string) => void;
  warn: (msg: string) => void;
  /** `stats-file`: production sizes, and where they came from */
  stats?: { stats: StatsFile; source: string };
}

export interface Extras {
  headline?: string;
  sections?: ReportSection[];
  notes?: string[];
}

const errText = (err: unknown) => ((err as Error)?.message ?? String(err)).split('\n')[0]!.slice(0, 300);

/** Staged plans for the reviewed files with findings, proven on the shadow database when `dry-run` is on. */
async function planSections(
  x: ExtrasInput,
  notes: string[],
  shadowUrl: string | undefined,
  redact: (s: string) => string,
): Promise<ReportSection[]> {
  const findings = x.result.files.flatMap((f) => f.findings);
  if (!findings.length) return [];
  const { config } = x;
  const result = await planStage(
    x.migrations,
    { result: x.result, ...(x.parsed ? { parsed: x.parsed } : {}), ...(x.plan ? { plan: x.plan } : {}) },
    x.settings,
  );
  for (const f of result.failed) notes.push(`No staged plan for ${f.path}: ${f.message}`);
  // findings in files no plan touches are still unsafe: say "not handled", never "already safe"
  const orphans = unhandledSection(result);
  if (!result.plans.length) return orphans ? [orphans] : [];
  if (x.shadow.dryRun) {
    const seedRows = config.dryRun?.seedRows;
    for (const p of result.plans) {
      const started = Date.now();
      try {
        p.verified = await proveStage(
          p,
          x.migrations,
          x.settings,
          {
            ...(shadowUrl ? { shadowUrl } : {}),
            ...(x.shadow.allowSuperuserShadow ? { allowSuperuserShadow: true } : {}),
            ...(seedRows !== undefined ? { seedRows } : {}),
            ...(x.shadow.cacheDir ? { cacheDir: x.shadow.cacheDir } : {}),
            shadowTimeoutMs: timeoutMsOf(x.shadow.shadowTimeout ?? config.dryRun?.shadowTimeout),
          },
          x.parsed,
        );
        const from = PROOF_CACHE[p.verified.cache ?? ''] ?? '';
        x.log(`zerodown: staged plan for ${p.path}: ${proofState(p)} (${Date.now() - started} ms${from}).`);
      } catch (err) {
        x.warn(redact(`zerodown could not verify the staged plan for ${p.path}: ${errText(err)}`));
      }
    }
  } else {
    notes.push('The staged plans are not verified: dry-run is off.');
  }
  return [...result.plans.map((p) => planSection(p)), ...(orphans ? [orphans] : [])];
}

/** What the review's log says of a proof's shadow cache. */
const PROOF_CACHE: Partial<Record<string, string>> = {
  hit: ', history and seed from the shadow cache',
  proof: ', the verdict an earlier run reached on the same migration, plan and history (shadow cache)',
};

/** What the review's log says of the dry run's shadow cache. */
const DRY_RUN_CACHE: Partial<Record<string, string>> = {
  hit: ' (history and seed from the shadow cache)',
  result: ' (the report an earlier run made of the same migrations and history: shadow cache)',
};

export async function extraSections(x: ExtrasInput): Promise<Extras> {
  const notes: string[] = [];
  const sections: ReportSection[] = [];
  let headline: string | undefined;
  let shadowUrl = x.shadow.shadowUrl ?? x.config.dryRun?.shadowUrl;
  // never lets the shadow URL (it may hold a password) reach the comment through an error message, in any escaping
  registerSecretUrl(shadowUrl);
  const redact = redactSecrets;
  // (after the line above: a fallback's published default credentials, such as the GitHub runner MySQL's
  // root/root, are not a secret to mask in every 'root' of the report)
  const fallback = x.migrations.some((m) => m.review)
    ? x.shadow.fallback?.(x.settings.dialect.id, {
        ...(shadowUrl ? { shadowUrl } : {}),
        dryRun: x.shadow.dryRun,
      })
    : undefined;
  if (fallback) {
    try {
      shadowUrl = await fallback.start();
      x.log(fallback.started);
    } catch (err) {
      x.warn(`zerodown: ${errText(err)}; the lint stays static (give shadow-database-url for a dry run).`);
      notes.push(`The dry run could not run: ${errText(err)}.`);
    }
  }
  const reviewed = x.migrations.some((m) => m.review);

  // The plans' proof needs nothing from the dry run (the plans come from the lint stage's walk), and each boots its
  // own shadow: it runs beside the dry run, which on a second core takes the dry run's time off the whole review.
  // Its notes follow the dry run's, as when they ran one after the other.
  const planNotes: string[] = [];
  const planning = planSections(x, planNotes, shadowUrl, redact).catch((err) => {
    x.warn(redact(`zerodown could not make a staged plan: ${errText(err)}`));
    planNotes.push(redact(`The staged plan could not be made: ${errText(err)}`));
    return [] as ReportSection[];
  });

  // the dry run: the files under review on a shadow database, after the history; confirms the findings it sees
  let dryRunSection: ReportSection | undefined;
  let dry: DryRun | undefined;
  if (x.shadow.dryRun && reviewed) {
    try {
      const seedRows = x.config.dryRun?.seedRows;
      const d = await dryRunStage(
        x.migrations,
        x.settings,
        {
          ...(shadowUrl ? { url: shadowUrl } : {}),
          ...(x.shadow.allowSuperuserShadow ? { allowSuperuserShadow: true } : {}),
          ...(seedRows !== undefined ? { seedRows } : {}),
          timeoutMs: timeoutMsOf(x.shadow.shadowTimeout ?? x.config.dryRun?.shadowTimeout),
          ...(x.stats ? { estimate: true } : {}),
          ...(x.shadow.cacheDir ? { cacheDir: x.shadow.cacheDir } : {}),
        },
        x.parsed,
      );
      dry = d;
      const c = confirmFindings(x.result, d);
      // a statement that overran the time bound fails the check (fail-on), like any error finding
      stopFindings(x.result, d);
      const r = dryRunReport(d);
      headline = r.headline;
      dryRunSection = r.section;
      x.log(
        `zerodown: dry run on ${d.engine}${DRY_RUN_CACHE[d.cache] ?? ''}: ${d.statements.reduce((n, s) => n + (s.count ?? 1), 0)} statement(s) traced in ${d.timings.totalMs} ms; ${c.confirmed} finding(s) confirmed, ${c.unconfirmed} not seen.`,
      );
    } catch (err) {
      x.warn(redact(`zerodown could not run the dry run: ${errText(err)}`));
      notes.push(redact(`The dry run could not run: ${errText(err)}`));
    }
  }

  // stats-file: sizes change severities; the dry run's timings become estimates at the production size
  if (x.stats) {
    applyStats(x.result, x.stats.stats, x.settings.estimates, x.stats.source, dry);
    for (const n of x.result.stats?.notes ?? []) notes.push(`Stats: ${n}.`);
  }

  sections.push(...(await planning));
  notes.push(...planNotes);
  if (dryRunSection) sections.push(dryRunSection);
  return { ...(headline ? { headline } : {}), sections, notes: notes.map(redact) };
}
