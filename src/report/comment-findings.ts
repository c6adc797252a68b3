/**
 * The findings part of the PR comment and job summary: the one-line verdict, the table of
 * findings with links to the exact lines at the head commit, and (job summary) the findings in
 * detail with each statement's SQL. Several findings on one statement are shown together.
 */
import type { Finding } from '../model.js';
import { dialectFor } from '../dialects/index.js';
import { ruleDocUrl } from './sarif.js';
import { byStatement } from './group.js';
import type { RepoRef, ReportInput } from './comment-types.js';
import { codeFence, encodePath, inlineCode, richText } from './markdown-safe.js';
import { sizeLines } from './estimate.js';

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const shortTable = (t: string) => (t.startsWith('public.') ? t.slice(7) : t);

/** The one-line verdict (a level-3 heading). */
export function verdict(input: ReportInput): string {
  const { result } = input;
  if (input.noMigrations) return '### ✅ zerodown: no migration files changed';
  const files = result.files;
  const errorFiles = files.filter((f) => f.findings.some((x) => x.severity === 'error'));
  const warnFiles = files.filter((f) => f.findings.length);
  const { errors, warnings } = result.summary;
  if (errors) {
    let reads = false;
    const tables: string[] = [];
    for (const file of files)
      for (const f of file.findings) {
        if (f.severity !== 'error' || !f.lock || !f.table) continue;
        const l = dialectFor(file.migration.dialect).locks.effect(f.lock);
        if (!l?.blocksWrites) continue;
        reads ||= l.blocksReads;
        if (!tables.includes(f.table)) tables.push(f.table);
      }
    const who = plural(errorFiles.length, 'migration');
    const more = warnings ? ` (and ${plural(warnings, 'warning')})` : '';
    if (tables.length) {
      const shown = tables.slice(0, 3).map((t) => inlineCode(shortTable(t)));
      const list = tables.length > 3 ? `${shown.join(', ')} and ${tables.length - 3} more tables` : shown.join(', ');
      return `### 🛑 zerodown: ${who} would block ${reads ? 'reads and writes' : 'writes'} on ${list}${more}`;
    }
    return `### 🛑 zerodown: ${plural(errors, 'error')} in ${who}${more}`;
  }
  if (warnings)
    return `### ⚠️ zerodown: ${plural(warnings, 'warning')} in ${plural(warnFiles.length, 'migration')}, nothing blocking`;
  return `### ✅ zerodown: ${plural(files.length, 'migration')} checked, no locking or rewrite problems found`;
}

function lineLink(f: Finding, repo: RepoRef | undefined): string {
  const label = f.endLine > f.line ? `${f.line}–${f.endLine}` : String(f.line);
  if (!repo) return label;
  if (repo.gitlab) {
    const range = f.endLine > f.line ? `#L${f.line}-${f.endLine}` : `#L${f.line}`;
    return `[${label}](${repo.gitlab.projectUrl.replace(/\/+$/, '')}/-/blob/${encodeURIComponent(repo.sha)}/${encodePath(f.path)}${range})`;
  }
  const anchor = f.endLine > f.line ? `#L${f.line}-L${f.endLine}` : `#L${f.line}`;
  const url = `${repo.serverUrl.replace(/\/+$/, '')}/${encodePath(repo.owner)}/${encodePath(repo.repo)}/blob/${encodeURIComponent(repo.sha)}/${encodePath(f.path)}${anchor}`;
  return `[${label}](${url})`;
}

export function ruleLink(rule: string): string {
  if (rule === 'syntax-error') return inlineCode(rule, { table: true });
  return `[${inlineCode(rule, { table: true })}](${ruleDocUrl(rule)})`;
}

export const ROW_HEAD =
  '| | file | line | rule | what happens in production, and what to do instead |\n|---|---|---|---|---|';

/**
 * One table row per finding. The findings of one statement sit in consecutive rows, the
 * statement's line given once (`″` below it, like the file), so that several rules on one
 * statement read as one place with several hazards.
 */
export function findingRows(input: ReportInput): string[] {
  const rows: string[] = [];
  for (const file of input.result.files) {
    let first = true;
    for (const group of byStatement(file.findings)) {
      group.forEach((f, i) => {
        const icon = f.severity === 'error' ? '🛑' : f.severity === 'note' ? 'ℹ️' : '⚠️';
        const where = first ? inlineCode(f.path, { table: true }) : '″';
        const line = i === 0 ? lineLink(f, input.repo) : '″';
        const confirmed = f.confirmed ? ' **(seen in the dry run)**' : '';
        const size = sizeLines(f)
          .map((l) => `<br>**Size:** ${richText(l, { table: true })}`)
          .join('');
        rows.push(
          `| ${icon} | ${where} | ${line} | ${ruleLink(f.rule)} | ${richText(f.message, { table: true })}${confirmed}<br>**Instead:** ${richText(f.help, { table: true })}${size} |`,
        );
        first = false;
      });
    }
  }
  return rows;
}

/** The statement's SQL in a fence, cut at 40 lines and 8,000 characters. */
function statementFence(text: string): string {
  const lines = text.split('\n');
  const cut = lines.length > 40 ? `${lines.slice(0, 40).join('\n')}\n-- … ${lines.length - 40} more lines` : text;
  return codeFence(cut.length > 8000 ? `${cut.slice(0, 8000)}\n-- … (truncated)` : cut);
}

/** The job summary's findings: per statement one heading and one SQL fence, then each rule's finding. */
export function details(input: ReportInput): string {
  const out: string[] = ['#### Findings in detail'];
  for (const file of input.result.files) {
    const stmts = file.statements;
    for (const group of byStatement(file.findings)) {
      const f = group[0]!;
      const s = f.statementIndex >= 0 ? stmts[f.statementIndex] : undefined;
      if (group.length === 1) {
        out.push(
          '',
          `**${inlineCode(`${f.path}:${f.line}`)}** · ${ruleLink(f.rule)} · ${f.severity}`,
          '',
          richText(f.message),
          '',
          `**Instead:** ${richText(f.help)}`,
          ...sizeLines(f).flatMap((l) => ['', `**Size:** ${richText(l)}`]),
        );
        if (s) out.push('', statementFence(s.text));
        continue;
      }
      // several rules on one statement: the place and the SQL once, then each rule's finding
      out.push('', `**${inlineCode(`${f.path}:${f.line}`)}** · ${group.length} findings on this statement`);
      if (s) out.push('', statementFence(s.text));
      for (const g of group)
        out.push(
          '',
          `- ${ruleLink(g.rule)} · ${g.severity}: ${richText(g.message)}`,
          '',
          `  **Instead:** ${richText(g.help)}`,
          ...sizeLines(g).flatMap((l) => ['', `  **Size:** ${richText(l)}`]),
        );
    }
  }
  return out.join('\n');
}
