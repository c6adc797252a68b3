/**
 * `--format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`), which GitLab
 * shows in the merge request's Code Quality widget and, on Ultimate, next to the changed lines.
 *
 * The format is the subset of the Code Climate spec GitLab documents
 * (https://docs.gitlab.com/ci/testing/code_quality/#implement-a-custom-tool): a JSON array of issues with
 * `description`, `check_name`, `fingerprint`, `severity` (info, minor, major, critical, blocker),
 * `location.path` (relative to the repository root) and `location.lines.begin`. GitLab's parser checks every
 * issue against its schema (app/validators/json_schemas/codeclimate.json) and stops at the first one that
 * fails, and keeps one issue per fingerprint (lib/gitlab/ci/reports/codequality_reports.rb): so every issue
 * here is complete, and every fingerprint unique. The report must not start with a byte order mark.
 * test/report/gitlab.test.ts validates the output against both schemas (test/fixtures/gitlab/).
 *
 * Fingerprints: a hash of the rule, the path and the statement's text (whitespace folded), plus a counter
 * for the same rule on the same text in one file. They stay the same across runs and when the statement
 * moves to another line, so the widget reports a finding as new or fixed only when it is.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FileResult, Finding, LintResult, Severity } from '../model.js';
import { visible } from './visible.js';
import { jsonArrayWriter } from './json-array.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  categories: string[];
  location: { path: string; lines: { begin: number; end: number } };
}

/** An error would block reads or writes in production (or fail there): critical; a warning: minor; a note (a finding on a table too small to hurt, with --stats): info. */
const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'critical', warning: 'minor', note: 'info' };

export interface CodeQualityOptions {
  /** the repository root the paths are made relative to (GitLab wants paths from there; default: `cwd`) */
  root?: string;
  /** the directory the findings' paths are relative to (default: process.cwd()) */
  cwd?: string;
}

/** `p` (relative to `cwd`) relative to `root` with forward slashes; a path outside `root` stays absolute. */
function repoPath(p: string, cwd: string, root: string): string {
  const abs = path.resolve(cwd, p);
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

export function toCodeQuality(result: LintResult, opts: CodeQualityOptions = {}): CodeQualityIssue[] {
  return result.files.flatMap((file) => fileIssues(file, opts));
}

/** The issues of one file's findings (fingerprints count repeats within the file only). */
function fileIssues(file: FileResult, opts: CodeQualityOptions): CodeQualityIssue[] {
  const cwd = opts.cwd ?? process.cwd();
  const root = opts.root ?? cwd;
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  for (const f of file.findings) {
    const where = repoPath(f.path, cwd, root);
    const stmt = f.statementIndex >= 0 ? file.statements[f.statementIndex] : undefined;
    // a finding on no statement (a syntax error, a file-level finding) is known by its message
    const what = stmt ? fold(stmt.text) : `${fold(f.message)}`;
    const key = `${f.rule}\0${where}\0${what}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    issues.push(issue(f, where, fingerprint(`${key}\0${n}`)));
  }
  return issues;
}

function fingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function issue(f: Finding, where: string, print: string): CodeQualityIssue {
  const seen = f.confirmed ? ' (seen in the dry run)' : '';
  return {
    type: 'issue',
    // plain text (GitLab shows it as text); identifiers from the migration cannot carry terminal escapes
    description: visible(`${f.message}${seen} Instead: ${f.help}`),
    check_name: f.rule,
    fingerprint: print,
    severity: SEVERITY[f.severity],
    categories: ['Bug Risk'],
    location: { path: where, lines: { begin: Math.max(1, f.line), end: Math.max(1, f.line, f.endLine) } },
  };
}

export function formatCodeQuality(result: LintResult, opts: CodeQualityOptions = {}): string {
  return JSON.stringify(toCodeQuality(result, opts), null, 2) + '\n';
}

/** `formatCodeQuality`'s bytes a file at a time (src/report/stream.ts): `[`, each file's issues, `]`. */
export function codeQualityParts(opts: CodeQualityOptions = {}): {
  head(): string;
  file(f: FileResult): string;
  end(): string;
} {
  // the report is the array itself
  const issues = jsonArrayWriter(2, 0);
  return {
    head: () => '[',
    file: (f) =>
      fileIssues(f, opts)
        .map((i) => issues.element(i))
        .join(''),
    end: () => `${issues.close()}]\n`,
  };
}
