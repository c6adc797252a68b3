/**
 * The PR comment (and job summary) composer: one Markdown document with a
 * one-line verdict, the findings per file with links to the exact lines at the
 * head commit, then the sections other stages render (dry-run headline, staged
 * plan, lock table), and a footer.
 *
 * Everything that comes from the pull request (file names, identifiers inside
 * messages, SQL) is untrusted. It reaches the Markdown only through the helpers
 * of markdown-safe.ts.
 *
 * The parts live by job: markdown-safe.ts (escaping), comment-types.ts (inputs),
 * comment-findings.ts (verdict, findings table, findings in detail),
 * comment-dryrun.ts (the dry-run headline and lock table). This module composes
 * them and re-exports what callers use.
 *
 * GitHub rejects comment bodies over 65,536 characters, so `composeReport`
 * degrades step by step (sections → short forms → fewer findings rows → a bare
 * summary) until the body fits the budget it is given.
 */
import type { ReportInput } from './comment-types.js';
import { details, findingRows, plural, ROW_HEAD, verdict } from './comment-findings.js';
import { escapeText, inlineCode } from './markdown-safe.js';
import { DOCS_BASE } from './sarif.js';

export type { RepoRef, ReportInput, ReportSection } from './comment-types.js';
export { verdict } from './comment-findings.js';
export { dryRunReport } from './comment-dryrun.js';
export { codeFence, encodePath, escapeHtml, escapeText, inlineCode, neutralise, richText } from './markdown-safe.js';

/** The hidden marker that identifies zerodown's sticky comment. */
export const STICKY_MARKER = '<!-- zerodown:sticky -->';

/**
 * The marker of one sticky comment: zerodown's own, or one per `comment-key` (matrix jobs: one
 * comment each instead of overwriting each other's). The key is validated by the Action's inputs.
 */
export function stickyMarker(key = ''): string {
  return key ? `<!-- zerodown:sticky:${key} -->` : STICKY_MARKER;
}
/** GitHub's limit for an issue comment body. */
export const COMMENT_LIMIT = 65_536;
/** What we aim for, leaving room for GitHub's own counting. */
export const COMMENT_BUDGET = 65_000;
/** The job summary limit is 1 MiB per step. */
export const SUMMARY_BUDGET = 1_000_000;

export interface ComposeOptions {
  /** maximum size in UTF-8 bytes (a safe upper bound for GitHub's character count) */
  budget: number;
  /** start with this hidden sticky marker (PR comment): `stickyMarker(key)` */
  marker?: string;
  /** job summary: each finding also shows its statement's SQL */
  detailed?: boolean;
}

export interface Composed {
  body: string;
  /** 0 = everything; higher = how far it had to degrade to fit */
  level: number;
  /** findings rows left out of the table */
  omittedFindings: number;
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function footer(input: ReportInput): string {
  const v = input.version ? ` ${escapeText(input.version)}` : '';
  const self = input.repo?.gitlab ? 'this note' : 'this comment';
  return `<sub>zerodown${v} · [rules](${DOCS_BASE}) · ignore a finding with ${inlineCode('-- zerodown-ignore rule-id')} on the line before the statement · ${self} updates itself on every push</sub>`;
}

function seeSummary(input: ReportInput, what: string): string {
  const gitlab = input.repo?.gitlab;
  if (gitlab)
    return gitlab.jobUrl
      ? `${what}: see the [job log](${gitlab.jobUrl}).`
      : `${what}: see the log of this pipeline job.`;
  return input.repo?.runUrl
    ? `${what}: see the [job summary](${input.repo.runUrl}).`
    : `${what}: see the job summary of this workflow run.`;
}

/**
 * Composes the report, degrading until it fits `budget` bytes:
 * 0 everything · 1 sections in their short form · 2 sections dropped ·
 * 3 findings table truncated · 4 verdict and counts only.
 */
export function composeReport(input: ReportInput, opts: ComposeOptions): Composed {
  const head = opts.marker ? `${opts.marker}\n` : '';
  const top = `${head}${verdict(input)}`;
  const { summary } = input.result;
  const counts = input.noMigrations
    ? ''
    : `${plural(summary.files, 'migration file')} under review · ${plural(summary.statements, 'statement')} · ${plural(summary.errors, 'error')} · ${plural(summary.warnings, 'warning')}`;
  const rows = findingRows(input);
  const notes = (input.notes ?? []).map((n) => `> ${escapeText(n)}`).join('\n>\n');
  const sections = input.sections ?? [];

  const build = (level: number, rowCount: number): string => {
    const parts: string[] = [top];
    if (counts) parts.push(counts);
    if (rows.length) {
      const shown = rows.slice(0, rowCount);
      let table = `${ROW_HEAD}\n${shown.join('\n')}`;
      if (shown.length < rows.length)
        table += `\n\n${seeSummary(input, `…and ${plural(rows.length - shown.length, 'more finding')}`)}`;
      parts.push(table);
    }
    if (level <= 3 && input.headline) parts.push(input.headline);
    if (level === 0) for (const s of sections) parts.push(s.markdown);
    else if (level === 1) for (const s of sections) if (s.short) parts.push(s.short);
    if (level >= 1 && sections.length)
      parts.push(seeSummary(input, 'The full staged plan and dry-run details did not fit in this comment'));
    if (level === 0 && opts.detailed && rows.length) parts.push(details(input));
    if (notes) parts.push(notes);
    parts.push(footer(input));
    return parts.join('\n\n') + '\n';
  };

  const levels = sections.length ? [0, 1, 2] : opts.detailed ? [0, 2] : [0];
  for (const level of levels) {
    const body = build(level, rows.length);
    if (bytes(body) <= opts.budget) return { body, level, omittedFindings: 0 };
  }
  // level 3: as many rows as fit (binary search on the row count)
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (bytes(build(3, mid)) <= opts.budget) lo = mid;
    else hi = mid - 1;
  }
  const body3 = build(3, lo);
  if (lo > 0 && bytes(body3) <= opts.budget) return { body: body3, level: 3, omittedFindings: rows.length - lo };
  // level 4: the verdict and counts only
  const minimal =
    [top, counts, seeSummary(input, 'The findings did not fit in this comment'), footer(input)]
      .filter(Boolean)
      .join('\n\n') + '\n';
  return { body: minimal, level: 4, omittedFindings: rows.length };
}
