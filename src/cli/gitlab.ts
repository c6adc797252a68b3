/**
 * `zerodown gitlab [paths...]`: the GitHub Action's review, on GitLab CI for a merge request
 * (docs/gitlab.md). Reviews the migrations the merge request changes (base: CI_MERGE_REQUEST_DIFF_BASE_SHA,
 * else `--since <ref>`; earlier migrations build the schema), lints, plans and dry-runs them as configured
 * (src/review/), prints the findings in the job log, writes the GitLab Code Quality report
 * (`--code-quality`, default gl-code-quality-report.json), and posts or updates one sticky merge-request
 * note with the content of the PR comment (src/cli/gitlab-note.ts), with the token of the masked CI/CD
 * variable ZERODOWN_GITLAB_TOKEN. Without a token, or when GitLab refuses the note, the report and the
 * exit code stay: 1 when a finding reaches fail-on, 0 otherwise, 2 on usage or config errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type FailOn } from '../config.js';
import { changedFiles } from '../discover/index.js';
import { exitCodeFor, UsageError } from '../errors.js';
import { formatCodeQuality } from '../report/gitlab.js';
import { composeReport, stickyMarker, SUMMARY_BUDGET, type RepoRef, type ReportInput } from '../report/markdown.js';
import { formatText } from '../report/text.js';
import { postReport, review } from '../review/index.js';
import { redactSecrets, registerSecret, registerSecretUrl } from '../secrets.js';
import { VERSION } from '../version.js';
import { NOTE_BUDGET, upsertStickyNote, type MergeRequestRef } from './gitlab-note.js';
import { useColor, warnIgnored } from './lint.js';
import { runStats, type StatsOptions } from './stats.js';
import { defaultCacheDir } from '../shadow/cache.js';

export interface GitlabCliOptions extends StatsOptions {
  config?: string;
  framework?: string;
  dialect?: string;
  mysqlVersion?: string;
  /** `--no-history` (shared with lint): ignored here, the history always builds the schema */
  history?: boolean;
  pgVersion?: number;
  failOn?: FailOn;
  /** the base to compare with when CI_MERGE_REQUEST_DIFF_BASE_SHA is not set */
  since?: string;
  /** where to write the Code Quality report */
  codeQuality: string;
  /** `--no-dry-run` turns the dry run and the plans' proof off */
  dryRun: boolean;
  shadowUrl?: string;
  allowSuperuserShadow?: boolean;
  shadowTimeout?: number;
  /** `--no-note`: no merge-request note */
  note: boolean;
  /** `--no-cache`: the dry run and the proof neither boot from nor save a shadow state */
  cache?: boolean;
  color?: boolean;
}

/** How to give zerodown a token, said when there is none. */
export const TOKEN_HELP =
  'zerodown: no ZERODOWN_GITLAB_TOKEN, so no merge request note (the Code Quality report and the exit code are unaffected). To get the note: create a project access token (Settings > Access tokens, role Reporter or higher, scope `api`), and add it as a CI/CD variable named ZERODOWN_GITLAB_TOKEN (Settings > CI/CD > Variables, "Mask variable" on). See docs/gitlab.md.';

/** An http(s) URL from a CI variable, or undefined (it is pasted into links). */
function webUrl(v: string | undefined): string | undefined {
  if (!v) return undefined;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** The merge request this pipeline runs for, from GitLab's predefined variables; undefined outside one. */
export function mergeRequestOf(env: NodeJS.ProcessEnv): MergeRequestRef | undefined {
  const apiUrl = webUrl(env.CI_API_V4_URL);
  const iid = Number(env.CI_MERGE_REQUEST_IID);
  const projectId = env.CI_PROJECT_ID?.trim();
  if (!apiUrl || !projectId || !Number.isInteger(iid) || iid <= 0) return undefined;
  return { apiUrl, projectId, iid };
}

export async function gitlabCommand(
  paths: string[],
  opts: GitlabCliOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  if (opts.history === false)
    warnIgnored([['--no-history', true]], 'by zerodown gitlab: the earlier migrations always build the schema');
  const token = env.ZERODOWN_GITLAB_TOKEN?.trim() || undefined;
  registerSecret(token);
  const workspace = process.cwd();
  const { config } = await loadConfig(workspace, opts.config);
  registerSecretUrl(opts.shadowUrl ?? config.dryRun?.shadowUrl ?? env.ZERODOWN_SHADOW_URL);

  // 1. what the merge request changes
  const base = env.CI_MERGE_REQUEST_DIFF_BASE_SHA?.trim() || opts.since;
  let changed: Set<string> | null = null;
  if (base) {
    try {
      changed = changedFiles(workspace, base);
    } catch (err) {
      if (!env.CI_MERGE_REQUEST_DIFF_BASE_SHA) throw err;
      throw new UsageError(
        `cannot compare with the merge request's base ${base} (${(err as Error).message}): the clone must hold it; give the job \`variables: GIT_DEPTH: "0"\` (docs/gitlab.md)`,
      );
    }
    log(
      `zerodown: files under review: changed since ${env.CI_MERGE_REQUEST_DIFF_BASE_SHA ? `the merge request's base ${base.slice(0, 12)}` : base}.`,
    );
  } else
    log(
      'zerodown: not a merge request pipeline (no CI_MERGE_REQUEST_DIFF_BASE_SHA) and no --since: reviewing every migration.',
    );

  // 2. lint, staged plan, dry run and proof
  const shadowUrl = opts.shadowUrl ?? env.ZERODOWN_SHADOW_URL;
  // --stats / --stats-url: production sizes, read before any work so a bad file fails fast
  const stats = await runStats(opts, workspace);
  // the replayed and seeded history an earlier job saved (GitLab's `cache:` keeps it: docs/gitlab.md)
  const cacheDir = opts.cache !== false ? defaultCacheDir(workspace, env) : undefined;
  const { result, reviewed, extras, settings } = await review({
    ...(stats ? { stats } : {}),
    workspace,
    config,
    paths,
    changed,
    ...(opts.framework ? { framework: opts.framework } : {}),
    given: {
      ...(opts.pgVersion !== undefined ? { pgVersion: opts.pgVersion } : {}),
      ...(opts.failOn ? { failOn: opts.failOn } : {}),
      ...(opts.dialect ? { dialect: opts.dialect } : {}),
      ...(opts.mysqlVersion ? { mysqlVersion: opts.mysqlVersion } : {}),
    },
    dialectOrigin: '--dialect',
    shadow: {
      dryRun: opts.dryRun,
      ...(shadowUrl ? { shadowUrl } : {}),
      ...(opts.shadowTimeout !== undefined ? { shadowTimeout: opts.shadowTimeout } : {}),
      allowSuperuserShadow: !!opts.allowSuperuserShadow,
      ...(cacheDir ? { cacheDir } : {}),
    },
    log,
    warn: (m) => log(m.startsWith('zerodown') ? m : `zerodown: warning: ${m}`),
  });

  // 3. the job log and the Code Quality report
  if (reviewed.length) process.stdout.write(formatText(result, { color: useColor(opts.color, process.stdout, env) }));
  const cq = path.resolve(workspace, opts.codeQuality);
  try {
    mkdirSync(path.dirname(cq), { recursive: true });
    // GitLab wants paths from the repository root (CI_PROJECT_DIR), also when the job runs in a subdirectory
    const root = env.CI_PROJECT_DIR ? path.resolve(env.CI_PROJECT_DIR) : workspace;
    writeFileSync(cq, redactSecrets(formatCodeQuality(result, { root, cwd: workspace })));
  } catch (err) {
    throw new UsageError(`cannot write the Code Quality report ${opts.codeQuality}: ${(err as Error).message}`);
  }
  log(`zerodown: Code Quality report written to ${opts.codeQuality}.`);

  // 4. the sticky merge-request note
  const mr = mergeRequestOf(env);
  const projectUrl = webUrl(env.CI_PROJECT_URL);
  const jobUrl = webUrl(env.CI_JOB_URL);
  const repo: RepoRef | undefined = projectUrl
    ? {
        serverUrl: projectUrl,
        owner: '',
        repo: '',
        sha: env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA || env.CI_COMMIT_SHA || 'HEAD',
        gitlab: { projectUrl, ...(jobUrl ? { jobUrl } : {}) },
      }
    : undefined;
  const report: ReportInput = {
    result,
    ...(repo ? { repo } : {}),
    version: VERSION,
    noMigrations: !reviewed.length,
    ...extras,
  };
  if (!opts.note) log('zerodown: the merge request note is off (--no-note).');
  else if (!mr)
    log(
      'zerodown: no merge request note: this is not a merge request pipeline (CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID are not all set); run the job with `rules: - if: $CI_PIPELINE_SOURCE == "merge_request_event"`.',
    );
  else if (!token) log(TOKEN_HELP);
  else {
    const marker = stickyMarker();
    const composed = composeReport(report, { budget: NOTE_BUDGET, marker });
    if (composed.level > 0) {
      log(
        `zerodown: the full report is too long for a note; the note is shortened (level ${composed.level}). The full report follows.`,
      );
      process.stdout.write(redactSecrets(composeReport(report, { budget: SUMMARY_BUDGET, detailed: true }).body));
    }
    const createIfMissing = reviewed.length > 0;
    const outcome = await postReport(
      report,
      composed,
      marker,
      (body) => upsertStickyNote(mr, token, body, { marker, createIfMissing }),
      (o) =>
        o.action === 'failed' && o.status === 400
          ? `zerodown: GitLab refused the note (${o.reason}); posting the short form.`
          : undefined,
      log,
    );
    if (outcome.action === 'created' || outcome.action === 'updated')
      log(`zerodown: ${outcome.action} the merge request note (note ${outcome.id} on !${mr.iid}).`);
    else if (outcome.action === 'skipped') log(`zerodown: no merge request note (${outcome.reason}).`);
    else if (outcome.action === 'failed')
      log(
        `zerodown: did not post the merge request note: ${outcome.reason}.\n${outcome.help}\nThe findings are still in this log and in the Code Quality report, and the exit status still gates the merge request.`,
      );
  }

  // 5. the gate
  const code = exitCodeFor(result, settings.failOn);
  const { errors, warnings } = result.summary;
  log(
    code
      ? `zerodown: ${errors} error(s) and ${warnings} warning(s) in ${reviewed.length} migration file(s) (fail-on: ${settings.failOn}).`
      : `zerodown: ${errors} error(s), ${warnings} warning(s); nothing reaches fail-on: ${settings.failOn}.`,
  );
  return code;
}
