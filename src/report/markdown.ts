/**
 * The PR comment (and job summary) composer: one Markdown document with a
 * one-line verdict, the findings per file with links to the exact lines at the
 * head commit, then the sections other stages render (dry-run headline, staged
 * plan, lock table), and a footer.
 *
 * Everything that comes from the pull request (file names, identifiers inside
 * messages, SQL) is untrusted. It reaches the Markdown only through the helpers
 * below: code spans and fences longer than any backtick run inside them, HTML
 * escaped, @mentions and #references neutralised with a zero-width joiner.
 *
 * GitHub rejects comment bodies over 65,536 characters, so `composeReport`
 * degrades step by step (sections → short forms → fewer findings rows → a bare
 * summary) until the body fits the budget it is given.
 */
import type { Finding, LintResult } from '../model.js';
import { LOCKS } from '../dialects/postgres/util.js';
import { DOCS_BASE } from './sarif.js';
import { byStatement } from './group.js';
import type { DryRun } from '../shadow/dryrun.js';
import type { TracedStatement } from '../shadow/trace.js';
import {
  firstLine,
  historyLine,
  lineCell,
  lockNote,
  ms as dryMs,
  notRunText,
  rewriteCell,
  seedLine,
  shownLocks,
  statementCell,
  stoppedLine,
} from './dryrun-common.js';

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

const ZWJ = '\u200D';

// ---------------------------------------------------------------- safe text

/** Breaks @mentions and #123 / GH-123 references so that text from a PR cannot ping or cross-link anyone. */
export function neutralise(s: string): string {
  return s
    .replace(/@/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`);
}

/** Escapes text for an HTML context (`<summary>`, attributes): entities, plus mention neutralising. */
export function escapeHtml(s: string): string {
  return neutralise(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
}

/**
 * Escapes untrusted text for Markdown prose (and table cells): HTML entities,
 * backslash-escaped Markdown punctuation that could open emphasis, links,
 * code, tables, strikethrough or GitHub's `$…$` math, newlines folded to
 * spaces, mentions broken.
 */
export function escapeText(s: string): string {
  const flat = s.replace(/\r?\n|\r/g, ' ');
  const md = flat.replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
  return neutralise(md.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let cur = 0;
  for (const c of s) {
    cur = c === ch ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}

/**
 * An inline code span that holds any text: the delimiter is one backtick longer
 * than the longest run inside, newlines become spaces, and `|` is escaped so the
 * span can sit in a table cell (GFM unescapes `\|` inside code spans in tables).
 */
export function inlineCode(s: string, opts: { table?: boolean } = {}): string {
  let body = s.replace(/\r?\n|\r/g, ' ');
  if (opts.table) body = body.replace(/\|/g, '\\|');
  if (body === '') return '` `';
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block that holds any text: the fence is longer than any backtick run inside. */
export function codeFence(code: string, lang = 'sql'): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  const body = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return `${fence}${lang}\n${body}\n${fence}`;
}

/**
 * Renders a rule message: the rules wrap identifiers and SQL in backticks, which
 * become safe code spans; everything else is escaped prose.
 */
export function richText(s: string, opts: { table?: boolean } = {}): string {
  const out: string[] = [];
  const re = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(escapeText(s.slice(last, m.index)));
    out.push(inlineCode(m[1]!, opts));
    last = m.index + m[0].length;
  }
  out.push(escapeText(s.slice(last)));
  return out.join('');
}

/** Percent-encodes a repository path for a URL, segment by segment (also `(`, `)` so Markdown links hold). */
export function encodePath(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

// ---------------------------------------------------------------- the report

export interface RepoRef {
  /** e.g. https://github.com (GITHUB_SERVER_URL) */
  serverUrl: string;
  owner: string;
  repo: string;
  /** the commit the links point at: the PR's head commit */
  sha: string;
  /** the workflow run page, where the job summary lives */
  runUrl?: string;
}

/** A section rendered by another stage (staged plan, dry-run lock table), already safe Markdown. */
export interface ReportSection {
  id: string;
  markdown: string;
  /** a shorter form used when the full one does not fit (e.g. the headline without the SQL) */
  short?: string;
}

export interface ReportInput {
  result: LintResult;
  repo?: RepoRef;
  /** a paragraph right under the findings, e.g. the dry-run headline (already safe Markdown) */
  headline?: string;
  /** collapsible sections in order: staged plans, dry-run details (already safe Markdown) */
  sections?: ReportSection[];
  /** plain-text notes (escaped here), e.g. "dry run skipped: …" */
  notes?: string[];
  /** nothing under review at all (e.g. the PR no longer touches a migration) */
  noMigrations?: boolean;
  version?: string;
}

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

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const shortTable = (t: string) => (t.startsWith('public.') ? t.slice(7) : t);
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

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
    for (const f of files.flatMap((x) => x.findings)) {
      if (f.severity !== 'error' || !f.lock || !f.table) continue;
      const l = LOCKS[f.lock as keyof typeof LOCKS];
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
  const anchor = f.endLine > f.line ? `#L${f.line}-L${f.endLine}` : `#L${f.line}`;
  const url = `${repo.serverUrl.replace(/\/+$/, '')}/${encodePath(repo.owner)}/${encodePath(repo.repo)}/blob/${encodeURIComponent(repo.sha)}/${encodePath(f.path)}${anchor}`;
  return `[${label}](${url})`;
}

function ruleLink(rule: string): string {
  if (rule === 'syntax-error') return inlineCode(rule, { table: true });
  return `[${inlineCode(rule, { table: true })}](${DOCS_BASE}${encodeURIComponent(rule)}.md)`;
}

const ROW_HEAD = '| | file | line | rule | what happens in production, and what to do instead |\n|---|---|---|---|---|';

/**
 * One table row per finding. The findings of one statement sit in consecutive rows, the
 * statement's line given once (`″` below it, like the file), so that several rules on one
 * statement read as one place with several hazards.
 */
function findingRows(input: ReportInput): string[] {
  const rows: string[] = [];
  for (const file of input.result.files) {
    let first = true;
    for (const group of byStatement(file.findings)) {
      group.forEach((f, i) => {
        const icon = f.severity === 'error' ? '🛑' : '⚠️';
        const where = first ? inlineCode(f.path, { table: true }) : '″';
        const line = i === 0 ? lineLink(f, input.repo) : '″';
        const confirmed = f.confirmed ? ' **(seen in the dry run)**' : '';
        rows.push(
          `| ${icon} | ${where} | ${line} | ${ruleLink(f.rule)} | ${richText(f.message, { table: true })}${confirmed}<br>**Instead:** ${richText(f.help, { table: true })} |`,
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
function details(input: ReportInput): string {
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
        );
    }
  }
  return out.join('\n');
}

function footer(input: ReportInput): string {
  const v = input.version ? ` ${escapeText(input.version)}` : '';
  return `<sub>zerodown${v} · [rules](${DOCS_BASE}) · ignore a finding with ${inlineCode('-- zerodown-ignore rule-id')} on the line before the statement · this comment updates itself on every push</sub>`;
}

function seeSummary(input: ReportInput, what: string): string {
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

// ---------------------------------------------------------------- the dry run

/**
 * The dry-run part of the report, rendered here (not by the CLI's
 * dryrun-markdown.ts) so that every piece of text from the shadow (SQL,
 * relation names, PostgreSQL error messages that quote values) goes through the
 * safe helpers above. `headline` sits under the findings; `section` is the
 * collapsible per-statement lock table.
 */
export function dryRunReport(d: DryRun): { headline: string; section: ReportSection } {
  const runLine = `${escapeText(d.engine)} (${escapeText(historyLine(d))} · ${escapeText(seedLine(d))} · ${dryMs(d.timings.totalMs)})`;
  const facts: string[] = [];
  // a statement that overran --shadow-timeout, or history / seeding that did: what follows did not run
  if (d.stopped && d.stopped.phase !== 'run') facts.push(`❌ ${escapeText(stoppedLine(d)!)}`);
  for (const f of d.files) {
    if (!f.error) continue;
    const e = f.error;
    facts.push(
      `❌ ${inlineCode(`${f.path}:${e.line}`)} fails on the shadow: ${inlineCode(e.code)} ${escapeText(e.message)}${e.limit ? ' (an engine limit, not a bug in the migration)' : ''}`,
    );
  }
  for (const s of d.statements) {
    if (!s.refused) continue;
    facts.push(
      `⚠️ ${inlineCode(`${s.path}:${s.line}`)} was not run on the shadow: ${escapeText(s.refused)}. zerodown never runs a statement that reaches outside the throwaway database`,
    );
  }
  for (const h of d.heldLocks) {
    if (!h.blocksReads && !h.blocksWrites) continue;
    // indexes locked with their table are folded into its entry (trace.ts); one locked harder
    // than its table (REINDEX INDEX: the table's writes wait, the index blocks planning reads) stays
    const until =
      h.until === 'end of file'
        ? `the end of the file (line ${h.untilLine}, where the tool commits)`
        : h.until === 'error'
          ? `the error at line ${h.untilLine}`
          : `${h.until} at line ${h.untilLine}`;
    const rows = h.rows !== undefined ? ` on ${plural(h.rows, 'row')}` : '';
    facts.push(
      `${escapeText(h.mode)} on ${inlineCode(h.relation)} taken at line ${h.line} and held until ${until}, across ${plural(h.statements, 'statement')}, ${dryMs(h.heldMs)}${rows}: ${h.blocksReads ? 'reads and writes' : 'writes'} wait all that time`,
    );
  }
  // the first statement of each file that rewrote a table
  const seen = new Set<string>();
  for (const s of d.statements) {
    const fresh = s.rewrites.filter((r) => !seen.has(`${s.path}\0${r}`));
    for (const r of s.rewrites) seen.add(`${s.path}\0${r}`);
    if (fresh.length)
      facts.push(`${fresh.map((r) => inlineCode(r)).join(', ')} rewritten at line ${s.line} of ${inlineCode(s.path)}`);
  }
  const blocking = d.statements.some(
    (s) => !s.skipped && !s.error && s.locks.some((l) => l.blocksReads || l.blocksWrites),
  );
  if (!facts.length)
    facts.push(
      blocking
        ? 'locks that block reads or writes were taken, each only for its own statement (see the table)'
        : 'no statement took a lock that blocks reads or writes, and no table was rewritten',
    );
  const shown = facts.slice(0, 8);
  if (facts.length > shown.length) shown.push(`…and ${facts.length - shown.length} more`);
  const headline = `**Dry run** on ${runLine}:\n${shown.map((f) => `- ${f}`).join('\n')}`;

  const out: string[] = ['<details><summary>Dry-run details: locks per statement</summary>', ''];
  const byFile = new Map<string, TracedStatement[]>();
  for (const s of d.statements) {
    const list = byFile.get(s.path);
    if (list) list.push(s);
    else byFile.set(s.path, [s]);
  }
  for (const [file, stmts] of byFile) {
    out.push(
      `**${inlineCode(file)}**`,
      '',
      '| line | statement | locks | blocks | rewrite | time |',
      '|---:|---|---|---|---|---:|',
    );
    for (const s of stmts) {
      const stmt = inlineCode(statementCell(s, 70), { table: true });
      if (s.skipped) {
        out.push(
          `| ${s.line} | ${stmt} | ${d.stopped ? escapeText(notRunText(d)) : 'not run: an earlier statement failed'} | | | |`,
        );
        continue;
      }
      if (s.refused) {
        out.push(`| ${s.line} | ${stmt} | not run on the shadow: ${escapeText(s.refused)} | | | |`);
        continue;
      }
      if (s.error) {
        out.push(
          `| ${s.line} | ${stmt} | ❌ ${inlineCode(s.error.code, { table: true })} ${escapeText(s.error.message)} | | | ${dryMs(s.durationMs)} |`,
        );
        continue;
      }
      const locks = shownLocks(s);
      const lockCell = locks
        .map((l) => `${escapeText(l.mode)} ${inlineCode(l.relation, { table: true })}${lockNote(l)}`)
        .join('<br>');
      const blocks = locks
        .map((l) => (l.blocksReads ? '**reads, writes**' : l.blocksWrites ? '**writes**' : 'nothing'))
        .join('<br>');
      const rewrite = rewriteCell(s, (r) => inlineCode(r, { table: true })) || 'no';
      out.push(`| ${lineCell(s)} | ${stmt} | ${lockCell} | ${blocks} | ${rewrite} | ${dryMs(s.durationMs)} |`);
    }
    out.push('');
  }
  for (const l of d.limits) out.push(`- engine limit: ${escapeText(l.message)}`);
  if (d.limits.length) out.push('');
  out.push(
    '<sub>Lock modes as PostgreSQL reported them in pg_locks on the shadow; "documented" marks statements that cannot run in a transaction, whose lock comes from the PostgreSQL documentation.</sub>',
    '',
    '</details>',
  );
  return { headline, section: { id: 'dry-run', markdown: out.join('\n') } };
}
