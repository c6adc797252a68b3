/**
 * The review a CI front end runs on a pull or merge request, shared by the GitHub Action
 * (src/action/run.ts) and `zerodown gitlab` (src/cli/gitlab.ts): the dialect resolved once,
 * the migrations under review selected (earlier ones feed the schema replay), one walk for lint
 * and the staged plan, then the dry run and the plans' proof on a shadow database
 * (src/review/extras.ts). What each front end does with the result (annotations, a PR comment,
 * a merge-request note, a Code Quality report) stays in the front end.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { detectDialect, discover, findMigrations } from '../discover/index.js';
import type { Config } from '../config.js';
import type { LintResult, Migration } from '../model.js';
import { withShadowCleanup } from '../pipeline/signals.js';
import {
  lintOptionsOf,
  lintStage,
  loadParserBaseline,
  planSettingsOf,
  prepareEmbeddedShadow,
  resolveSettings,
  targetText,
  type GivenSettings,
  type Settings,
} from '../pipeline/index.js';
import { extraSections, type Extras, type ReviewShadow } from './extras.js';
import type { StatsFile } from '../stats/format.js';
import { composeReport, type Composed, type ReportInput } from '../report/markdown.js';
import { redactSecrets } from '../secrets.js';

export { extraSections, type Extras, type ExtrasInput, type ReviewShadow } from './extras.js';

const isDownFile = (f: string) => /(^|[._-])down\.sql$/i.test(path.basename(f));

export interface Selection {
  migrations: Migration[];
  /** how the migrations were found, for the log */
  how: string;
}

/**
 * Migrations in apply order; those under review have `review: true`, earlier
 * ones of the same sequences feed the schema replay. `paths` (or, when empty,
 * the roots autoDiscover finds) say where migrations live; `changed` says which
 * of them are under review (null: all).
 */
export async function selectMigrations(
  workspace: string,
  paths: string[],
  changed: Set<string> | null,
  opts: { framework?: string; pgVersion?: number; dialect?: string } = {},
): Promise<Selection> {
  const common = {
    cwd: workspace,
    ...(opts.framework ? { framework: opts.framework } : {}),
    ...(opts.dialect ? { dialect: opts.dialect } : {}),
    ...(opts.pgVersion ? { pgVersion: opts.pgVersion } : {}),
    ...(changed ? { reviewOnly: changed } : {}),
  };
  try {
    const found = await findMigrations(paths, common);
    return { migrations: found.migrations, how: found.how };
  } catch (err) {
    // no known layout anywhere: review the changed .sql files themselves, each after the files before it in its directory
    if (paths.length || !changed || (err as Error).name !== 'DiscoveryError') throw err;
    const rel = [...changed]
      .filter((f) => f.endsWith('.sql') && !isDownFile(f) && existsSync(f))
      .map((f) => path.relative(workspace, f).split(path.sep).join('/'))
      .filter((f) => !f.startsWith('../'));
    if (!rel.length) return { migrations: [], how: 'no migration layout found and no .sql file changed' };
    return {
      migrations: await discover(rel, {
        cwd: workspace,
        ...(opts.framework ? { framework: opts.framework } : {}),
        ...(opts.dialect ? { dialect: opts.dialect } : {}),
        ...(opts.pgVersion ? { pgVersion: opts.pgVersion } : {}),
      }),
      how: 'the changed .sql files (no migration layout found)',
    };
  }
}

export interface ReviewInput {
  workspace: string;
  config: Config;
  /** paths given to the front end (empty: config `paths`, else auto-discovery) */
  paths: string[];
  /** absolute paths of the files the request changes; null: everything matched by `paths` */
  changed: Set<string> | null;
  /** the migration tool, when the front end was told (default: config `framework`, else detected) */
  framework?: string;
  /** what the front end was told (version, fail-on, dialect); the dialect is detected when neither it nor the config says */
  given: Omit<GivenSettings, 'detected'>;
  /** the dry run, the proof, and where they run */
  shadow: ReviewShadow;
  /** what the given dialect was called, for the log (`input "dialect"`, `--dialect`) */
  dialectOrigin: string;
  /** production sizes (`stats-file`, `--stats`), and where they came from */
  stats?: { stats: StatsFile; source: string };
  log: (msg: string) => void;
  warn: (msg: string) => void;
}

export interface Review {
  settings: Settings;
  selection: Selection;
  /** the migrations under review (the others are history) */
  reviewed: Migration[];
  result: LintResult;
  extras: Extras;
}

/** Selects, lints, plans, dry-runs and proves: everything the PR comment (or MR note) reports. */
export async function review(x: ReviewInput): Promise<Review> {
  const paths = x.paths.length ? x.paths : (x.config.paths ?? []);
  // resolved once, for every stage: lint, plan, proof, dry run
  // no dialect given and no config `dialect`: the migrations' own evidence (Prisma provider, names, SQL), else postgres
  const detected = x.given.dialect || x.config.dialect ? undefined : await detectDialect(paths, x.workspace);
  const settings = resolveSettings({ ...x.given, ...(detected ? { detected } : {}) }, x.config);
  if (settings.dialect.id !== 'postgres' || detected)
    x.log(
      `zerodown: dialect ${targetText(settings)} (${detected ? `detected: ${detected.reason}` : x.given.dialect ? x.dialectOrigin : 'config `dialect`'}).`,
    );
  const selection = await selectMigrations(x.workspace, paths, x.changed, {
    ...((x.framework ?? x.config.framework) ? { framework: x.framework ?? x.config.framework } : {}),
    dialect: settings.dialect.id,
    pgVersion: settings.pgVersion,
  });
  const reviewed = selection.migrations.filter((m) => m.review);
  x.log(
    `zerodown: ${reviewed.length} migration file(s) under review, ${selection.migrations.length - reviewed.length} earlier file(s) replayed as history (${selection.how}).`,
  );

  // the dry run and the proof open the embedded engine after the lint: its code compiles and its worker starts
  // meanwhile, on the other core (the Action's first run on Node 24, 4 alternating pairs: 1.65-2.30 → 1.35-1.78 s;
  // a next run answered by the saved report, as fast as before)
  if (x.shadow.dryRun && reviewed.length)
    await prepareEmbeddedShadow(
      settings,
      x.shadow.shadowUrl ?? x.config.dryRun?.shadowUrl,
      selection.migrations,
      !!x.stats,
      true,
    );
  // the parser with V8's baseline code only (the Action's first run on a small migration 1.32-1.39 → 1.26-1.28 s)
  loadParserBaseline(settings.dialect).catch(() => {});
  // one walk for lint and the staged plan (the planner reads the catalog the engine replays)
  const lint = await lintStage(selection.migrations, {
    ...lintOptionsOf(settings),
    keepParsed: true,
    plan: planSettingsOf(settings),
  });
  const result = lint.result;

  // staged plan and dry run; a cancelled job (SIGINT, then SIGTERM) stops the running statement
  // and drops the shadow database first
  const extras = await withShadowCleanup(() =>
    extraSections({
      result,
      migrations: selection.migrations,
      shadow: x.shadow,
      config: x.config,
      settings,
      ...(lint.parsed ? { parsed: lint.parsed } : {}),
      ...(lint.plan ? { plan: lint.plan } : {}),
      ...(x.stats ? { stats: x.stats } : {}),
      log: x.log,
      warn: x.warn,
    }),
  );
  return { settings, selection, reviewed, result, extras };
}

/**
 * Posts the composed report (the sticky PR comment or MR note) through `post`, with secrets redacted. When the host
 * still refuses the body as too long by its own count (`refusedAsTooLong` gives the log line saying so), posts the
 * bare verdict instead, which always fits.
 */
export async function postReport<O>(
  report: ReportInput,
  composed: Composed,
  marker: string,
  post: (body: string) => Promise<O>,
  refusedAsTooLong: (outcome: O) => string | undefined,
  log: (msg: string) => void,
): Promise<O> {
  const outcome = await post(redactSecrets(composed.body));
  const refused = refusedAsTooLong(outcome);
  if (!refused) return outcome;
  log(refused);
  return post(redactSecrets(composeReport(report, { budget: 4_000, marker }).body));
}
