/**
 * `--format json`: the stable lint contract, version 1.
 *
 *   {"version":1,
 *    "files":[{"path":"…","findings":[{"rule","severity","message","help","line","column","endLine","endColumn"}]}],
 *    "summary":{"files","statements","errors","warnings"}}
 *
 * Every file under review appears, in the order it was linted, even with no findings.
 * Paths are as given on the command line or relative to the working directory.
 * Lines and columns are 1-based; `endColumn` is one past the last character.
 * `confirmed` appears only after a dry run (`true` when the shadow database saw what the rule predicted).
 * `online` (MySQL/MariaDB): `{algorithm, lock, basis}`, the ALGORITHM and LOCK of a statement that cannot run with LOCK=NONE.
 * With `--stats`: `severity` may be `note` (a table below the size thresholds), `estimate: {seconds, basis, lock}`
 * (an estimate scaled from the shadow, never a measurement), `sizeNote`, and a top-level `stats` saying which
 * statistics were used and what they could not answer; `summary.notes` counts the notes.
 * Fields are only ever added, never renamed or removed, within a version.
 */
import type { Estimate, FileResult, LintResult, OnlineDdl, Severity, StatsUse } from '../model.js';
import { jsonArrayWriter } from './json-array.js';

export interface JsonFinding {
  rule: string;
  severity: Severity;
  message: string;
  help: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  confirmed?: boolean;
  online?: OnlineDdl;
  estimate?: Estimate;
  sizeNote?: string;
}

export interface JsonFile {
  path: string;
  findings: JsonFinding[];
}

export interface JsonReport {
  version: 1;
  files: JsonFile[];
  stats?: StatsUse;
  /** `analysed`: statements the rules could read, for dialects that report unparsed statements */
  summary: { files: number; statements: number; errors: number; warnings: number; analysed?: number; notes?: number };
}

export function toJson(result: LintResult): JsonReport {
  return {
    version: 1,
    files: result.files.map(jsonFile),
    summary: jsonSummary(result.summary),
    ...(result.stats ? { stats: result.stats } : {}),
  };
}

/** One file of the report. */
export function jsonFile(f: FileResult): JsonFile {
  return {
    path: f.migration.path,
    findings: f.findings.map((x) => {
      const o: JsonFinding = {
        rule: x.rule,
        severity: x.severity,
        message: x.message,
        help: x.help,
        line: x.line,
        column: x.column,
        endLine: x.endLine,
        endColumn: x.endColumn,
      };
      if (x.confirmed !== undefined) o.confirmed = x.confirmed;
      if (x.online) o.online = x.online;
      if (x.estimate) o.estimate = x.estimate;
      if (x.sizeNote) o.sizeNote = x.sizeNote;
      return o;
    }),
  };
}

function jsonSummary(s: LintResult['summary']): JsonReport['summary'] {
  return {
    files: s.files,
    statements: s.statements,
    errors: s.errors,
    warnings: s.warnings,
    ...(s.analysed !== undefined ? { analysed: s.analysed } : {}),
    ...(s.notes ? { notes: s.notes } : {}),
  };
}

/** `indent` 2 (default) for people; 0 for a pipe or file, where a large run's output is a third smaller and faster to write. */
export function formatJson(result: LintResult, indent = 2): string {
  return JSON.stringify(toJson(result), null, indent || undefined) + '\n';
}

/**
 * The same report a file at a time (`formatJson`'s bytes exactly, for `indent` 0 or 2): `head()`, then each
 * file's part in order, then `end()` with the run's summary. The report of a large run is never one string.
 */
export function jsonParts(indent: number): {
  head(): string;
  file(f: FileResult): string;
  end(summary: LintResult['summary'], stats?: StatsUse): string;
} {
  // the whole report with no files, cut where the files go: `{"version":1,"files":[` | `]…}`
  const skeleton = (summary: LintResult['summary'], stats?: StatsUse) => {
    const text = JSON.stringify(toJson({ files: [], summary, ...(stats ? { stats } : {}) }), null, indent || undefined);
    const at = text.indexOf(indent ? '"files": []' : '"files":[]') + (indent ? 10 : 9);
    return [text.slice(0, at), text.slice(at)] as const;
  };
  // `files` sits one level into the report
  const files = jsonArrayWriter(indent, 1);
  return {
    head: () => skeleton({ files: 0, statements: 0, errors: 0, warnings: 0 })[0],
    file: (f) => files.element(jsonFile(f)),
    end: (summary, stats) => `${files.close()}${skeleton(summary, stats)[1]}\n`,
  };
}
