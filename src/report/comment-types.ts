/** The inputs of the PR comment and job summary (markdown.ts composes them). */
import type { LintResult } from '../model.js';

export interface RepoRef {
  /** e.g. https://github.com (GITHUB_SERVER_URL) */
  serverUrl: string;
  owner: string;
  repo: string;
  /** the commit the links point at: the PR's head commit */
  sha: string;
  /** the workflow run page, where the job summary lives */
  runUrl?: string;
  /**
   * GitLab (`zerodown gitlab`): the project's web URL (CI_PROJECT_URL), so that line links take GitLab's form
   * `<project>/-/blob/<sha>/<path>#L3-5` (owner and repo are then unused), and the job's page (CI_JOB_URL),
   * where the full report is printed in the log (GitLab has no job summary).
   */
  gitlab?: { projectUrl: string; jobUrl?: string };
}

/** A section rendered by another stage (staged plan, dry-run lock table), already safe Markdown. */
export interface ReportSection {
  id: string;
  markdown: string;
  /** a shorter form used when the full one does not fit (e.g. the headline without the SQL) */
  short?: string;
}

export interface ReportInput {
  result: LintResult;
  repo?: RepoRef;
  /** a paragraph right under the findings, e.g. the dry-run headline (already safe Markdown) */
  headline?: string;
  /** collapsible sections in order: staged plans, dry-run details (already safe Markdown) */
  sections?: ReportSection[];
  /** plain-text notes (escaped here), e.g. "dry run skipped: …" */
  notes?: string[];
  /** nothing under review at all (e.g. the PR no longer touches a migration) */
  noMigrations?: boolean;
  version?: string;
}
