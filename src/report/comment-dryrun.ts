/**
 * The dry-run part of the PR comment and job summary: the headline under the findings and the
 * collapsible per-statement lock table.
 */
import type { DryRun } from '../shadow/dryrun.js';
import type { TracedStatement } from '../shadow/trace.js';
import type { ReportSection } from './comment-types.js';
import { plural } from './comment-findings.js';
import { escapeText, inlineCode } from './markdown-safe.js';
import {
  historyLine,
  lineCell,
  lockNote,
  locksHidden,
  ms as dryMs,
  notRunText,
  onlineBlocks,
  onlineText,
  rewriteCell,
  seedLine,
  shownLocks,
  statementCell,
  stoppedLine,
  versionNote,
} from './dryrun-common.js';

/**
 * The dry-run part of the report, rendered here (not by the CLI's
 * dryrun-markdown.ts) so that every piece of text from the shadow (SQL,
 * relation names, PostgreSQL error messages that quote values) goes through the
 * safe helpers above. `headline` sits under the findings; `section` is the
 * collapsible per-statement lock table.
 */
export function dryRunReport(d: DryRun): { headline: string; section: ReportSection } {
  const runLine = `${escapeText(d.engine)} (${escapeText(historyLine(d))} · ${escapeText(seedLine(d))} · ${dryMs(d.timings.totalMs)})${escapeText(versionNote(d, d.dialect))}`;
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
  // MySQL/MariaDB: an ALTER the server accepted only with LOCK=SHARED or EXCLUSIVE, as measured on the shadow
  for (const s of d.statements) {
    const blocks = onlineBlocks(s);
    if (!s.online || !blocks) continue;
    facts.push(
      `${inlineCode(`${s.path}:${s.line}`)} runs with ${inlineCode(onlineText(s)!)} (measured on ${escapeText(s.online.server)}): ${blocks} wait for the whole operation`,
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
        : locksHidden(d)
          ? 'no table was rewritten; the server shows no locks, so which ones were taken is not known (see the engine limit)'
          : 'no statement took a lock that blocks reads or writes, and no table was rewritten',
    );
  const measured = d.statements.some((s) => s.online || s.unmeasured);
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
      `| line | statement |${measured ? ' online DDL (measured) |' : ''} locks | blocks | rewrite | time |`,
      `|---:|---|${measured ? '---|' : ''}---|---|---|---:|`,
    );
    const gap = measured ? ' |' : '';
    for (const s of stmts) {
      const stmt = inlineCode(statementCell(s, 70), { table: true });
      if (s.skipped) {
        out.push(
          `| ${s.line} | ${stmt} |${gap} ${d.stopped ? escapeText(notRunText(d)) : 'not run: an earlier statement failed'} | | | |`,
        );
        continue;
      }
      if (s.refused) {
        out.push(`| ${s.line} | ${stmt} |${gap} not run on the shadow: ${escapeText(s.refused)} | | | |`);
        continue;
      }
      if (s.error) {
        out.push(
          `| ${s.line} | ${stmt} |${gap} ❌ ${inlineCode(s.error.code, { table: true })} ${escapeText(s.error.message)} | | | ${dryMs(s.durationMs)} |`,
        );
        continue;
      }
      const locks = shownLocks(s, d.dialect);
      const lockCell =
        locks
          .map((l) => `${escapeText(l.mode)} ${inlineCode(l.relation, { table: true })}${lockNote(l)}`)
          .join('<br>') || (locksHidden(d) ? 'not visible' : '');
      const text = onlineText(s);
      const onlineCell = !measured
        ? ''
        : ` ${s.online ? `${inlineCode(text!, { table: true })}${onlineBlocks(s) ? ` **${onlineBlocks(s)}** wait` : ''}` : text ? escapeText(text) : ''} |`;
      const blocks = locks
        .map((l) => (l.blocksReads ? '**reads, writes**' : l.blocksWrites ? '**writes**' : 'nothing'))
        .join('<br>');
      const rewrite = rewriteCell(s, (r) => inlineCode(r, { table: true })) || 'no';
      out.push(
        `| ${lineCell(s)} | ${stmt} |${onlineCell} ${lockCell} | ${blocks} | ${rewrite} | ${dryMs(s.durationMs)} |`,
      );
    }
    out.push('');
  }
  for (const l of d.limits) out.push(`- engine limit: ${escapeText(l.message)}`);
  if (d.limits.length) out.push('');
  out.push(
    /^(mysql|mariadb)\b/.test(d.engine)
      ? '<sub>Online DDL measured on the shadow: each ALTER was first tried on a copy of its table with ALGORITHM=INSTANT, then INPLACE with LOCK=NONE, SHARED, EXCLUSIVE, then COPY; the first the server accepted is shown. Locks are metadata lock types as the server reported them, where it shows them.</sub>'
      : '<sub>Lock modes as PostgreSQL reported them in pg_locks on the shadow; "documented" marks statements that cannot run in a transaction, whose lock comes from the PostgreSQL documentation.</sub>',
    '',
    '</details>',
  );
  return { headline, section: { id: 'dry-run', markdown: out.join('\n') } };
}
