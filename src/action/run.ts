/**
 * The GitHub Action: finds the migrations under review for this event, lints
 * them (history feeds the schema replay), then reports in every channel GitHub
 * offers — annotations on the offending lines, the job summary, a SARIF file,
 * step outputs, one sticky PR comment — and fails the step when findings reach
 * `fail-on`. A comment that cannot be posted (fork PRs, read-only tokens) never
 * fails the run.
 */
import { loadStatsFile } from '../stats/format.js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { detectDialect, discover, findMigrations } from '../discover/index.js';
import { loadConfig } from '../config.js';
import type { LintResult, Migration } from '../model.js';
import { toSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { visible } from '../report/visible.js';
import {
  COMMENT_BUDGET,
  SUMMARY_BUDGET,
  composeReport,
  stickyMarker,
  type RepoRef,
  type ReportInput,
} from '../report/markdown.js';
import { exitCodeFor } from '../errors.js';
import { VERSION } from '../version.js';
import { protectSecretUrl, readInputs, type ActionInputs } from './inputs.js';
import { redactSecrets, registerSecret } from '../secrets.js';
import { withShadowCleanup } from '../pipeline/signals.js';
import { lintOptionsOf, lintStage, planSettingsOf, resolveSettings, targetText } from '../pipeline/index.js';
import { changedFiles, type EventInfo, type Octokit } from './files.js';
import { explainNoComment, upsertStickyComment } from './comment.js';
import { extraSections } from './extras.js';
import { createOctokit } from './octokit.js';

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

function eventInfo(workspace: string): EventInfo {
  const ctx = github.context;
  let owner = '';
  let repo = '';
  try {
    ({ owner, repo } = ctx.repo);
  } catch {
    /* no GITHUB_REPOSITORY: a local run */
  }
  return { eventName: ctx.eventName ?? '', payload: ctx.payload ?? {}, owner, repo, workspace, sha: ctx.sha };
}

function withStopCommands(text: string): string {
  // untrusted text (file names, SQL in code frames) must not be read as workflow commands
  const token = `zerodown-${randomUUID()}`;
  return `::stop-commands::${token}\n${text.replace(/\n$/, '')}\n::${token}::\n`;
}

/** GitHub shows at most 10 error and 10 warning annotations per step and 50 per job; more is only log noise. */
export const MAX_ANNOTATIONS = 50;

export function annotate(result: LintResult): void {
  const all = result.files.flatMap((file) => file.findings);
  const ordered = [...all.filter((f) => f.severity === 'error'), ...all.filter((f) => f.severity !== 'error')];
  if (ordered.length > MAX_ANNOTATIONS) {
    core.info(
      `zerodown: annotating the first ${MAX_ANNOTATIONS} of ${ordered.length} findings (GitHub shows no more); all of them are in the job summary and the SARIF file.`,
    );
  }
  for (const f of ordered.slice(0, MAX_ANNOTATIONS)) {
    const props: core.AnnotationProperties = {
      title: `zerodown ${f.rule}`,
      file: f.path,
      startLine: f.line,
      endLine: f.endLine,
    };
    if (f.endLine === f.line) {
      props.startColumn = f.column;
      props.endColumn = f.endColumn;
    }
    const msg = visible(`${f.message}\nFix: ${f.help}`, { newlines: true }); // identifiers from the PR: no raw escapes
    if (f.severity === 'error') core.error(msg, props);
    else if (f.severity === 'note') core.notice(msg, props);
    else core.warning(msg, props);
  }
}

export async function run(): Promise<void> {
  const inputs: ActionInputs = readInputs();
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const ev = eventInfo(workspace);
  const octokit: Octokit | undefined = inputs.token
    ? createOctokit(inputs.token, { baseUrl: github.context.apiUrl, log: (m) => core.info(m) })
    : undefined;
  const { config } = loadConfig(workspace);
  protectSecretUrl(config.dryRun?.shadowUrl);
  registerSecret(process.env.PGPASSWORD);

  // 1. what is under review
  const changed = await changedFiles(ev, octokit, (m) => core.info(m));
  core.info(`zerodown: files under review come from ${changed.source}.`);
  const paths = inputs.paths.length ? inputs.paths : (config.paths ?? []);
  // resolved once, for every stage: lint, plan, proof, dry run
  // no `dialect` input and no config `dialect`: the migrations' own evidence (Prisma provider, names, SQL), else postgres
  const detected = inputs.dialect || config.dialect ? undefined : await detectDialect(paths, workspace);
  const settings = resolveSettings(
    {
      pgVersion: inputs.pgVersion,
      failOn: inputs.failOn,
      ...(inputs.dialect ? { dialect: inputs.dialect } : {}),
      ...(inputs.mysqlVersion ? { mysqlVersion: inputs.mysqlVersion } : {}),
      ...(detected ? { detected } : {}),
    },
    config,
  );
  if (settings.dialect.id !== 'postgres' || detected)
    core.info(
      `zerodown: dialect ${targetText(settings)} (${detected ? `detected: ${detected.reason}` : inputs.dialect ? 'input "dialect"' : 'config `dialect`'}).`,
    );
  const selection = await selectMigrations(workspace, paths, changed.files, {
    framework: config.framework,
    dialect: settings.dialect.id,
    pgVersion: settings.pgVersion,
  });
  const reviewed = selection.migrations.filter((m) => m.review);
  core.info(
    `zerodown: ${reviewed.length} migration file(s) under review, ${selection.migrations.length - reviewed.length} earlier file(s) replayed as history (${selection.how}).`,
  );

  // 2. lint (the parsed files go on to the staged plan)
  // one walk for lint and the staged plan (the planner reads the catalog the engine replays)
  const lint = await lintStage(selection.migrations, {
    ...lintOptionsOf(settings),
    keepParsed: true,
    plan: planSettingsOf(settings),
  });
  const result = lint.result;
  const stats = inputs.statsFile
    ? { stats: loadStatsFile(path.resolve(workspace, inputs.statsFile)), source: inputs.statsFile }
    : undefined;

  // 3. staged plan and dry run (when those stages are part of this build); a cancelled job
  // (SIGINT, then SIGTERM) stops the running statement and drops the shadow database first
  const extras = await withShadowCleanup(() =>
    extraSections({
      result,
      migrations: selection.migrations,
      inputs,
      config,
      settings,
      ...(lint.parsed ? { parsed: lint.parsed } : {}),
      ...(lint.plan ? { plan: lint.plan } : {}),
      ...(stats ? { stats } : {}),
      log: (m) => core.info(m),
      warn: (m) => core.warning(m),
    }),
  );

  // 4. the log, annotations, SARIF, outputs
  if (reviewed.length) process.stdout.write(withStopCommands(formatText(result, { color: true })));
  annotate(result);
  let sarifOut = '';
  if (inputs.sarifFile) {
    const abs = path.resolve(workspace, inputs.sarifFile);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, redactSecrets(JSON.stringify(toSarif(result, VERSION), null, 2) + '\n'));
    sarifOut = inputs.sarifFile;
    core.info(`zerodown: SARIF written to ${inputs.sarifFile}`);
  }
  const { errors, warnings } = result.summary;
  core.setOutput('findings', errors + warnings);
  core.setOutput('errors', errors);
  core.setOutput('warnings', warnings);
  core.setOutput('sarif-file', redactSecrets(sarifOut));

  // 5. the job summary (full report) and the sticky comment
  const pr = ev.payload?.pull_request;
  const serverUrl = github.context.serverUrl || 'https://github.com';
  const runId = process.env.GITHUB_RUN_ID;
  const repoRef: RepoRef | undefined = ev.owner
    ? {
        serverUrl,
        owner: ev.owner,
        repo: ev.repo,
        sha: pr?.head?.sha ?? ev.sha ?? 'HEAD',
        runUrl: runId ? `${serverUrl.replace(/\/+$/, '')}/${ev.owner}/${ev.repo}/actions/runs/${runId}` : undefined,
      }
    : undefined;
  const report: ReportInput = { result, repo: repoRef, version: VERSION, noMigrations: !reviewed.length, ...extras };
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      const body = composeReport(report, { budget: SUMMARY_BUDGET, detailed: true }).body;
      await core.summary.addRaw(redactSecrets(body)).write();
    } catch (err) {
      core.warning(`zerodown could not write the job summary: ${(err as Error).message}`);
    }
  }
  if (pr && typeof pr.number === 'number') {
    if (!inputs.comment) core.info('zerodown: commenting is off (`comment: false`).');
    else if (!octokit) core.info('zerodown: no `github-token`, so no pull request comment.');
    else {
      const marker = stickyMarker(inputs.commentKey);
      const composed = composeReport(report, { budget: COMMENT_BUDGET, marker });
      if (composed.level > 0)
        core.info(
          `zerodown: the full report is too long for a comment; the comment is shortened (level ${composed.level}) and points to the job summary.`,
        );
      const pull = { owner: ev.owner, repo: ev.repo, number: pr.number };
      const createIfMissing = reviewed.length > 0;
      let outcome = await upsertStickyComment(octokit, pull, redactSecrets(composed.body), { createIfMissing, marker });
      if (outcome.action === 'failed' && outcome.status === 422) {
        // GitHub still refused the body (its own size count): post the bare verdict, which always fits
        core.info(`zerodown: GitHub refused the comment (${outcome.reason}); posting the short form.`);
        const bare = composeReport(report, { budget: 4_000, marker });
        outcome = await upsertStickyComment(octokit, pull, redactSecrets(bare.body), { createIfMissing, marker });
      }
      if (outcome.action === 'created' || outcome.action === 'updated')
        core.info(`zerodown: ${outcome.action} the pull request comment${outcome.url ? ` ${outcome.url}` : ''}.`);
      else if (outcome.action === 'skipped') core.info(`zerodown: no pull request comment (${outcome.reason}).`);
      else {
        const fork = !pr.head?.repo || pr.head.repo.full_name !== pr.base?.repo?.full_name;
        core.warning(explainNoComment(outcome, fork));
      }
    }
  }

  // 6. the status
  const code = exitCodeFor(result, settings.failOn);
  if (code !== 0) {
    core.setFailed(
      `zerodown: ${errors} error(s) and ${warnings} warning(s) in ${reviewed.length} migration file(s) (fail-on: ${inputs.failOn}).`,
    );
  } else {
    core.info(`zerodown: ${errors} error(s), ${warnings} warning(s); nothing reaches fail-on: ${inputs.failOn}.`);
  }
}
