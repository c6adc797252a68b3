/**
 * The GitHub Action: finds the migrations under review for this event, lints
 * them (history feeds the schema replay), then reports in every channel GitHub
 * offers — annotations on the offending lines, the job summary, a SARIF file,
 * step outputs, one sticky PR comment — and fails the step when findings reach
 * `fail-on`. A comment that cannot be posted (fork PRs, read-only tokens) never
 * fails the run.
 */
import { loadStatsFile } from '../stats/load.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { loadConfig } from '../config.js';
import type { LintResult } from '../model.js';
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
import { postReport, review } from '../review/index.js';
import { changedFiles, type EventInfo, type Octokit } from './files.js';
import { explainNoComment, upsertStickyComment } from './comment.js';
import { createOctokit } from './octokit.js';
import { runnerMysqlSkip, startRunnerMysql } from './runner-mysql.js';
import { defaultCacheDir } from '../shadow/cache.js';

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
  const { config } = await loadConfig(workspace);
  protectSecretUrl(config.dryRun?.shadowUrl);
  registerSecret(process.env.PGPASSWORD);

  // 1. what is under review
  const changed = await changedFiles(ev, octokit, (m) => core.info(m));
  core.info(`zerodown: files under review come from ${changed.source}.`);
  // production sizes (stats-file): read and checked before any work, so a bad file fails fast
  const stats = inputs.statsFile
    ? { stats: loadStatsFile(path.resolve(workspace, inputs.statsFile)), source: inputs.statsFile }
    : undefined;
  // 2. lint, staged plan, dry run and proof (src/review/)
  const shadowCache = defaultCacheDir(workspace);
  const { result, reviewed, extras, settings } = await review({
    workspace,
    config,
    paths: inputs.paths,
    changed: changed.files,
    given: {
      pgVersion: inputs.pgVersion,
      ...(inputs.failOn ? { failOn: inputs.failOn } : {}),
      ...(inputs.dialect ? { dialect: inputs.dialect } : {}),
      ...(inputs.mysqlVersion ? { mysqlVersion: inputs.mysqlVersion } : {}),
    },
    dialectOrigin: 'input "dialect"',
    ...(stats ? { stats } : {}),
    shadow: {
      dryRun: inputs.dryRun,
      ...(inputs.shadowUrl ? { shadowUrl: inputs.shadowUrl } : {}),
      ...(inputs.shadowTimeout !== undefined ? { shadowTimeout: inputs.shadowTimeout } : {}),
      allowSuperuserShadow: inputs.allowSuperuserShadow,
      // the replayed and seeded history an earlier run saved (keep the folder with actions/cache: docs/action.md)
      ...(shadowCache ? { cacheDir: shadowCache } : {}),
      // MySQL has no embedded engine: on a GitHub Ubuntu runner, its own MySQL server is the default shadow
      fallback: (dialect, o) =>
        runnerMysqlSkip(dialect, { ...o, runnerMysql: inputs.runnerMysql })
          ? undefined
          : {
              start: () => startRunnerMysql(),
              started:
                "zerodown: started the runner's own MySQL server (GitHub's Ubuntu images ship one, stopped) as the shadow database; give shadow-database-url to use another server, or set runner-mysql: false.",
            },
    },
    log: (m) => core.info(m),
    warn: (m) => core.warning(m),
  });

  // 3. the log, annotations, SARIF, outputs
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

  // 4. the job summary (full report) and the sticky comment
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
      const outcome = await postReport(
        report,
        composed,
        marker,
        (body) => upsertStickyComment(octokit, pull, body, { createIfMissing, marker }),
        (o) =>
          o.action === 'failed' && o.status === 422
            ? `zerodown: GitHub refused the comment (${o.reason}); posting the short form.`
            : undefined,
        (m) => core.info(m),
      );
      if (outcome.action === 'created' || outcome.action === 'updated')
        core.info(`zerodown: ${outcome.action} the pull request comment${outcome.url ? ` ${outcome.url}` : ''}.`);
      else if (outcome.action === 'skipped') core.info(`zerodown: no pull request comment (${outcome.reason}).`);
      else {
        const fork = !pr.head?.repo || pr.head.repo.full_name !== pr.base?.repo?.full_name;
        core.warning(explainNoComment(outcome, fork));
      }
    }
  }

  // 5. the status
  const code = exitCodeFor(result, settings.failOn);
  if (code !== 0) {
    core.setFailed(
      `zerodown: ${errors} error(s) and ${warnings} warning(s) in ${reviewed.length} migration file(s) (fail-on: ${settings.failOn}).`,
    );
  } else {
    core.info(`zerodown: ${errors} error(s), ${warnings} warning(s); nothing reaches fail-on: ${settings.failOn}.`);
  }
}
