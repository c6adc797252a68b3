/**
 * `--format text`: for a person at a terminal. Per finding: `path:line:col  severity  rule`,
 * the message, a code frame of the statement, and a one-line fix. Several findings on one
 * statement share one header and one code frame, then each rule's severity, message and fix.
 * Then one summary line.
 * Colours only when asked (the CLI decides from the TTY, NO_COLOR, FORCE_COLOR and flags).
 */
import pc from 'picocolors';
import type { FileResult, Finding, LintResult } from '../model.js';
import { byStatement } from './group.js';
import { sizeLines } from './estimate.js';
import { visible } from './visible.js';

export interface TextOptions {
  color: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/** most statement lines shown in a frame; longer statements end with `… N more lines` */
const MAX_LINES = 5;
/** frame lines are cut at this width */
const MAX_WIDTH = 160;

function expandTabs(s: string): string {
  return s.includes('\t') ? s.replace(/\t/g, '  ') : s;
}

/** A source line as shown: tabs expanded, control characters escaped (see visible.ts). */
function shown(line: string): string {
  return visible(expandTabs(line));
}

/** Display width of the first `col - 1` characters of a line, as shown. */
function caretOffset(line: string, col: number): number {
  return shown(line.slice(0, Math.max(0, col - 1))).length;
}

function cut(s: string): string {
  return s.length > MAX_WIDTH ? `${s.slice(0, MAX_WIDTH - 1)}…` : s;
}

/** The source lines of a finding: one line of context above, the statement's lines (marked `>`), a caret for syntax errors. */
export function codeFrame(source: string | string[], f: Finding, c: Colors): string {
  const lines = typeof source === 'string' ? source.split('\n') : source;
  const first = Math.max(1, f.line - 1);
  const endLine = Math.max(f.line, Math.min(f.endLine, lines.length));
  const last = Math.min(endLine, f.line + MAX_LINES - 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = (lines[n - 1] ?? '').replace(/\r$/, '');
    const marked = n >= f.line && n <= endLine;
    const gutter = `${marked ? '>' : ' '} ${String(n).padStart(width)} | `;
    out.push(`  ${marked ? c.red(gutter) : c.dim(gutter)}${marked ? cut(shown(raw)) : c.dim(cut(shown(raw)))}`);
    if (n === f.line && f.rule === 'syntax-error') {
      const pad = Math.min(caretOffset(raw, f.column), MAX_WIDTH);
      out.push(`  ${c.dim(`  ${' '.repeat(width)} | `)}${' '.repeat(pad)}${c.red('^')}`);
    }
  }
  if (endLine > last) {
    const more = endLine - last;
    out.push(`  ${c.dim(`  ${' '.repeat(width)} | … ${more} more line${more === 1 ? '' : 's'}`)}`);
  }
  return out.join('\n');
}

const severity = (f: Finding, c: Colors) =>
  f.severity === 'error'
    ? c.red(c.bold('error'))
    : f.severity === 'note'
      ? c.dim(c.bold('note'))
      : c.yellow(c.bold('warning'));
const confirmed = (f: Finding, c: Colors) => (f.confirmed ? c.magenta('  (confirmed by dry run)') : '');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(result: LintResult, opts: TextOptions): string {
  const parts = textParts(opts.color);
  let out = '';
  for (const file of result.files) out += parts.file(file);
  return out + parts.end(result.summary, result.stats);
}

/**
 * The text report a file at a time, `formatText`'s bytes: each file's part in the run's order, then the end with
 * the run's summary. The summary line names each file's tool and counts the files with findings: the parts keep
 * those as the files go by, and nothing else.
 */
export function textParts(color: boolean): {
  file(f: FileResult): string;
  end(summary: LintResult['summary'], stats?: LintResult['stats']): string;
} {
  const c = pc.createColors(color);
  const frameworks = new Set<string>();
  let withFindings = 0;
  return {
    file(f) {
      frameworks.add(f.migration.framework);
      if (f.findings.length) withFindings++;
      return textFile(f, c);
    },
    end: (summary, stats) => textEnd(summary, stats, frameworks, withFindings, c),
  };
}

/** One file's part of the text report: each group of findings, each line ended by a newline ('' without findings). */
function textFile(file: FileResult, c: Colors): string {
  const out: string[] = [];
  let lines: string[] | undefined; // split once per file, not once per finding
  const frame = (f: Finding) =>
    (f.statementIndex >= 0 || f.rule === 'syntax-error') && !file.migration.notText
      ? codeFrame((lines ??= file.migration.source.split('\n')), f, c)
      : undefined;
  for (const group of byStatement(file.findings)) {
    const f = group[0]!;
    const where = c.bold(`${visible(f.path)}:${f.line}:${f.column}`);
    if (group.length === 1) {
      out.push(`${where}  ${severity(f, c)}  ${c.cyan(f.rule)}${confirmed(f, c)}`);
      out.push(`  ${visible(f.message)}`);
      const shown = frame(f);
      if (shown) out.push(shown);
      out.push(`  ${c.green('fix:')} ${visible(f.help)}`);
      for (const l of sizeLines(f)) out.push(`  ${c.blue('size:')} ${visible(l)}`);
      out.push('');
      continue;
    }
    // several rules on one statement: one frame, then each rule's finding
    out.push(`${where}  ${group.length} findings on this statement`);
    const shown = frame(f);
    if (shown) out.push(shown);
    for (const g of group) {
      out.push(`  ${severity(g, c)}  ${c.cyan(g.rule)}${confirmed(g, c)}`);
      out.push(`    ${visible(g.message)}`);
      out.push(`    ${c.green('fix:')} ${visible(g.help)}`);
      for (const l of sizeLines(g)) out.push(`    ${c.blue('size:')} ${visible(l)}`);
    }
    out.push('');
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/**
 * The end of the text report: what the statistics were (with `--stats`) and the summary line. `frameworks`: each
 * file's tool, in the order first seen; `withFindings`: how many files have a finding.
 */
function textEnd(
  s: LintResult['summary'],
  stats: LintResult['stats'],
  frameworks: ReadonlySet<string>,
  withFindings: number,
  c: Colors,
): string {
  const out: string[] = [];
  if (stats) {
    const st = stats;
    out.push(
      c.dim(
        `stats: ${visible(st.source)} (${visible(st.server)}, exported ${st.exportedAt.slice(0, 10)}); estimates are estimates, not measurements`,
      ),
    );
    for (const n of st.notes) out.push(`  ${c.yellow('stats:')} ${visible(n)}`);
    out.push('');
  }
  const counted =
    s.analysed !== undefined && s.analysed < s.statements
      ? `analysed ${s.analysed} of ${plural(s.statements, 'statement')}`
      : plural(s.statements, 'statement');
  const scope = `${counted}; framework: ${[...frameworks].join(', ') || 'none'}`;
  if (s.errors + s.warnings === 0) {
    const noted = s.notes ? `, ${plural(s.notes, 'note')}` : '';
    out.push(c.green(`✔ no problems in ${plural(s.files, 'migration file')}${noted} (${scope})`));
  } else {
    const parts = [
      s.errors ? c.red(plural(s.errors, 'error')) : '',
      s.warnings ? c.yellow(plural(s.warnings, 'warning')) : '',
      s.notes ? c.dim(plural(s.notes, 'note')) : '',
    ].filter(Boolean);
    const mark = s.errors ? c.red('✖') : c.yellow('⚠');
    out.push(`${mark} ${parts.join(', ')} in ${withFindings} of ${plural(s.files, 'migration file')} (${scope})`);
  }
  return out.join('\n') + '\n';
}
