/** `--format text`: a code frame per finding, for people at a terminal. Colours only when asked (TTY). */
import pc from 'picocolors';
import type { Finding, LintResult } from '../model.js';

export interface TextOptions {
  color: boolean;
  /** lines of context around the statement's first line */
  context?: number;
}

function frame(source: string, f: Finding, color: boolean): string {
  const lines = source.split('\n');
  const first = Math.max(1, f.line - 1);
  const last = Math.min(lines.length, Math.min(f.endLine, f.line + 4));
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? '').replace(/\r$/, '').replace(/\t/g, '  ');
    const marked = n >= f.line && n <= f.endLine;
    const gutter = `${marked ? '>' : ' '} ${String(n).padStart(width)} | `;
    out.push(color ? (marked ? pc.red(gutter) : pc.dim(gutter)) + text : gutter + text);
  }
  if (f.endLine > last) out.push(`  ${' '.repeat(width)} | …`);
  return out.join('\n');
}

export function formatText(result: LintResult, opts: TextOptions): string {
  const c = opts.color ? pc : pc.createColors(false);
  const out: string[] = [];
  const frameworks = new Set(result.files.map((f) => f.migration.framework));
  for (const file of result.files) {
    for (const f of file.findings) {
      const sev = f.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
      out.push(`${c.bold(`${f.path}:${f.line}:${f.column}`)}  ${sev}  ${c.cyan(f.rule)}${f.confirmed ? c.magenta('  (confirmed by dry run)') : ''}`);
      out.push(`  ${f.message}`);
      if (f.statementIndex >= 0 || f.rule === 'syntax-error') out.push(frame(file.migration.source, f, opts.color));
      out.push(`  ${c.green('fix:')} ${f.help}`);
      out.push('');
    }
  }
  const s = result.summary;
  const withFindings = result.files.filter((f) => f.findings.length).length;
  const fw = [...frameworks].join(', ') || 'none';
  if (s.errors + s.warnings === 0) {
    out.push(c.green(`✔ no problems in ${s.files} migration file${s.files === 1 ? '' : 's'} (${s.statements} statements; framework: ${fw})`));
  } else {
    const parts = [
      s.errors ? c.red(`${s.errors} error${s.errors === 1 ? '' : 's'}`) : '',
      s.warnings ? c.yellow(`${s.warnings} warning${s.warnings === 1 ? '' : 's'}`) : '',
    ].filter(Boolean);
    out.push(`${s.errors ? c.red('✖') : c.yellow('⚠')} ${parts.join(', ')} in ${withFindings} of ${s.files} migration files (${s.statements} statements; framework: ${fw})`);
  }
  return out.join('\n') + '\n';
}
