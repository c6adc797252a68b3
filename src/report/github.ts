/**
 * `--format github`: workflow commands that GitHub Actions turns into
 * annotations on the pull request's diff.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { FileResult, Finding, LintResult } from '../model.js';
import { visible } from './visible.js';
import { sizeLines } from './estimate.js';

/** Escapes a workflow-command property value (as @actions/core does: `%`, CR, LF, `:` and `,`). */
export function escapeProperty(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Escapes a workflow-command message (`%`, CR and LF; `:` and `,` are fine after the `::`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * One annotation. Control characters in the message (identifiers from the migration) are made
 * `visible`, then everything is encoded per GitHub's rules, so a newline or `%0A` in a path or
 * message cannot end the command and start another. The path stays exact (only %-encoded) so
 * the annotation lands on the real file.
 */
export function annotation(f: Finding): string {
  const cmd = f.severity === 'error' ? 'error' : f.severity === 'note' ? 'notice' : 'warning';
  const props = [
    `file=${escapeProperty(f.path)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `title=${escapeProperty(`zerodown ${f.rule}`)}`,
  ];
  if (f.endLine === f.line) props.push(`endColumn=${f.endColumn}`);
  return `::${cmd} ${props.join(',')}::${escapeData(visible([`${f.message}`, `Fix: ${f.help}`, ...sizeLines(f)].join('\n'), { newlines: true }))}`;
}

export function formatGithub(result: LintResult): string {
  let out = '';
  for (const file of result.files) out += githubFile(file);
  return out + githubEnd(result.summary);
}

/** One file's annotations, each line ended by a newline. */
export function githubFile(file: FileResult): string {
  let out = '';
  for (const f of file.findings) out += `${annotation(f)}\n`;
  return out;
}

/** The summary line that ends the report. */
export function githubEnd(s: LintResult['summary']): string {
  return `zerodown: ${s.errors} error(s), ${s.warnings} warning(s) in ${s.files} migration file(s)\n`;
}
