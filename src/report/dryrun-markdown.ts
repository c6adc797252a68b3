/** `dry-run --format markdown`: the PR comment. */
import type { DryRun } from '../shadow/dryrun.js';
import {
  blocksText,
  firstLine,
  heldSentence,
  historyLine,
  lineCell,
  lockNote,
  locksHidden,
  ms,
  notRunText,
  onlineBlocks,
  onlineText,
  stoppedLine,
  rewriteCell,
  seedLine,
  shownLocks,
  statementCell,
  versionNote,
} from './dryrun-common.js';
import { escapeText, inlineCode, richText } from './markdown-safe.js';

// Paths, relation names, SQL and server messages come from the migrations under review:
// untrusted text, escaped like everything else in a PR comment.
const code = (s: string) => (s ? inlineCode(s, { table: true }) : '');

export function formatDryRunMarkdown(d: DryRun): string {
  const out: string[] = [];
  const failed = d.files.filter((f) => f.error);
  const blocking = d.statements.some((s) => s.locks.some((l) => l.blocksReads || l.blocksWrites) || onlineBlocks(s));
  // MySQL/MariaDB: the algorithm and lock each ALTER ran with, measured on the shadow
  const measured = d.statements.some((s) => s.online || s.unmeasured);
  const icon = failed.length || d.stopped ? '❌' : blocking || d.heldLocks.length ? '⚠️' : '✅';
  out.push(`### ${icon} zerodown dry run`);
  out.push('');
  out.push(
    `Ran on **${escapeText(d.engine)}** · ${escapeText(historyLine(d))} · ${escapeText(seedLine(d))} · ${ms(d.timings.totalMs)}${escapeText(versionNote(d, d.dialect))}`,
  );
  out.push('');
  const stopped = stoppedLine(d);
  if (stopped) {
    out.push(`> **${escapeText(stopped)}**`);
    out.push('');
  }
  if (failed.length) {
    for (const f of failed) {
      const e = f.error!;
      out.push(`> **${escapeText(f.path)}:${e.line}** fails: ${code(e.code)} ${escapeText(e.message)}`);
    }
    out.push('');
  }
  const byFile = new Map<string, typeof d.statements>();
  for (const s of d.statements) {
    const list = byFile.get(s.path);
    if (list) list.push(s);
    else byFile.set(s.path, [s]);
  }
  for (const [file, stmts] of byFile) {
    out.push(`#### ${code(file)}`);
    out.push('');
    out.push(`| line | statement |${measured ? ' online DDL (measured) |' : ''} locks | blocks | rewrite | time | error |`);
    out.push(`| ---: | --- |${measured ? ' --- |' : ''} --- | --- | --- | ---: | --- |`);
    const onlineCell = (s: (typeof stmts)[number]) => {
      if (!measured) return '';
      const text = onlineText(s);
      const blocks = onlineBlocks(s);
      return ` ${s.online ? `${code(text!)}${blocks ? ` blocks **${blocks}**` : ''}` : text ? escapeText(text) : ''} |`;
    };
    for (const s of stmts) {
      if (s.skipped) {
        out.push(
          `| ${s.line} | ${code(firstLine(s.sql, 60))} |${measured ? ' |' : ''} | | | | ${d.stopped ? escapeText(notRunText(d)) : 'not run (earlier error)'} |`,
        );
        continue;
      }
      if (s.refused) {
        out.push(
          `| ${s.line} | ${code(firstLine(s.sql, 60))} |${measured ? ' |' : ''} | | | | not run on the shadow: ${escapeText(s.refused)} |`,
        );
        continue;
      }
      const locks = s.error ? [] : shownLocks(s, d.dialect);
      const lockCell =
        locks.map((l) => `${l.mode} on ${code(l.relation)}${lockNote(l)}`).join('<br>') ||
        (locksHidden(d) && !s.error ? 'not visible' : '');
      const blocks = locks
        .map((l) => (l.blocksReads ? '**reads and writes**' : l.blocksWrites ? '**writes**' : blocksText(l)))
        .join('<br>');
      const rewrite = rewriteCell(s, code);
      const err = s.error ? `❌ ${code(s.error.code)} ${escapeText(s.error.message)}` : '';
      out.push(
        `| ${lineCell(s)} | ${code(statementCell(s, 60))} |${onlineCell(s)} ${lockCell} | ${blocks} | ${rewrite} | ${ms(s.durationMs)} | ${err} |`,
      );
    }
    out.push('');
  }
  if (d.heldLocks.length) {
    out.push('**Locks held across a transaction**');
    out.push('');
    for (const h of d.heldLocks) out.push(`- ${code(h.path)}: ${richText(heldSentence(h))}`);
    out.push('');
  }
  if (d.limits.length) {
    out.push('**Engine limits**');
    out.push('');
    for (const l of d.limits) out.push(`- ${richText(l.message)}`);
    out.push('');
  }
  out.push(
    /^(mysql|mariadb)\b/.test(d.engine)
      ? `<sub>Online DDL measured on ${escapeText(d.engine)}: each ALTER was first tried on a copy of its table with ALGORITHM=INSTANT, then INPLACE with LOCK=NONE, SHARED, EXCLUSIVE, then COPY; the first the server accepted is shown. Locks are metadata lock types as the server reports them, where it shows them.</sub>`
      : '<sub>Lock modes as PostgreSQL reports them in pg_locks; "documented" marks statements that cannot run inside a transaction, whose lock comes from the PostgreSQL documentation.</sub>',
  );
  return out.join('\n') + '\n';
}
