/** `--format sarif`: SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`). */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { LintResult } from '../model.js';
import { allRules } from '../../rules/index.js';

export const DOCS_BASE = 'https://github.com/zerodown/zerodown/blob/main/docs/rules/';

export function toSarif(result: LintResult, version = '0.1.0'): Log {
  const used = new Set(result.files.flatMap((f) => f.findings.map((x) => x.rule)));
  const descriptors: ReportingDescriptor[] = allRules
    .filter((r) => used.has(r.meta.id))
    .map((r) => ({
      id: r.meta.id,
      name: r.meta.id,
      shortDescription: { text: r.meta.summary },
      helpUri: `${DOCS_BASE}${r.meta.id}.md`,
      defaultConfiguration: { level: r.meta.severity },
    }));
  if (used.has('syntax-error')) {
    descriptors.push({
      id: 'syntax-error',
      name: 'syntax-error',
      shortDescription: { text: 'The migration file does not parse as PostgreSQL.' },
      defaultConfiguration: { level: 'error' },
    });
  }
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const results: Result[] = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      results.push({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule)!,
        level: f.severity,
        message: { text: `${f.message} Fix: ${f.help}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: f.path.split('\\').join('/') },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'zerodown', version, informationUri: 'https://github.com/zerodown/zerodown', rules: descriptors } },
        results,
      },
    ],
  };
}

export function formatSarif(result: LintResult): string {
  return JSON.stringify(toSarif(result), null, 2) + '\n';
}
