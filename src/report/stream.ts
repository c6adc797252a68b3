/**
 * Every lint report (text, JSON, GitHub, SARIF, GitLab Code Quality) a file at a time, for a lint run that hands
 * each file's result on as soon as it is final and keeps none (src/pipeline/index.ts `onFile`): the report of 10,000
 * files is written as it goes instead of being held, with every file's findings, until one string is built at the
 * end. The bytes are exactly those of `formatText`, `formatJson`, `formatGithub`, `formatSarif` and
 * `formatCodeQuality` (test/report/stream.test.ts).
 */
import type { FileResult, LintResult } from '../model.js';
import { githubEnd, githubFile } from './github.js';
import { codeQualityParts } from './gitlab.js';
import { jsonParts } from './json.js';
import { sarifParts } from './sarif.js';
import { textParts } from './text.js';

export interface ReportStream {
  /** what comes before the first file ('' for text and GitHub) */
  head(): string;
  /** one file's part, in the run's order */
  file(f: FileResult): string;
  /** the end of the report: the run's summary (and `--stats`' note, which a streamed run never has) */
  end(summary: LintResult['summary'], stats?: LintResult['stats']): string;
}

/** A streamed report in `format` (`pretty`: JSON indented for a terminal), or undefined for a format this build lacks. */
export function reportStream(format: string, color: boolean, pretty: boolean): ReportStream | undefined {
  if (format === 'json') return jsonParts(pretty ? 2 : 0);
  if (format === 'github') return { head: () => '', file: githubFile, end: githubEnd };
  if (format === 'sarif') return sarifParts();
  if (format === 'gitlab') return codeQualityParts();
  if (format !== 'text') return undefined;
  return { head: () => '', ...textParts(color) };
}
