/** `--format json`: the stable lint contract (version 1). Every input file appears, even with no findings. */
import type { LintResult } from '../model.js';

export interface JsonFinding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  help: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  confirmed?: boolean;
}

export interface JsonReport {
  version: 1;
  files: { path: string; framework: string; findings: JsonFinding[] }[];
  summary: LintResult['summary'];
}

export function toJson(result: LintResult): JsonReport {
  return {
    version: 1,
    files: result.files.map((f) => ({
      path: f.migration.path,
      framework: f.migration.framework,
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
        return o;
      }),
    })),
    summary: result.summary,
  };
}

export function formatJson(result: LintResult): string {
  return JSON.stringify(toJson(result), null, 2) + '\n';
}
