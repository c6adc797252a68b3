/** `dry-run --format text`: a per-statement table for a terminal. Colours only when asked. */
import pc from 'picocolors';
import { formatDuration } from '../estimate/model.js';
import type { DryRun } from '../shadow/dryrun.js';
import {
  blocksText,
  heldSentence,
  historyLine,
  lineCell,
  lockNote,
  locksHidden,
  ms,
  notRunText,
  onlineBlocks,
  onlineText,
  rewriteCell,
  seedLine,
  shownLocks,
  statementCell,
  statementCount,
  stoppedLine,
  versionNote,
} from './dryrun-common.js';
import { visible as v } from './visible.js';

export interface DryRunTextOptions {
  color: boolean;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function formatDryRunText(d: DryRun, opts: DryRunTextOptions): string {
  const c = opts.color ? pc : pc.createColors(false);
  const out: string[] = [];
  out.push(
    c.bold(`zerodown dry run on ${v(d.engine)}`) +
      c.dim(` · ${v(historyLine(d))} · ${v(seedLine(d))}${versionNote(d, d.dialect)}`),
  );
  if (d.cache === 'result')
    out.push(
      c.dim(
        'reused: an earlier run traced these same migrations on the same history (shadow cache; --no-cache reruns)',
      ),
    );
  out.push('');
  const byFile = new Map<string, typeof d.statements>();
  for (const s of d.statements) {
    const list = byFile.get(s.path);
    if (list) list.push(s);
    else byFile.set(s.path, [s]);
  }
  for (const [file, stmts] of byFile) {
    out.push(c.bold(v(file)));
    const lw = stmts.reduce((w, s) => Math.max(w, lineCell(s).length), 4);
    out.push(
      c.dim(
        `  ${pad('line', lw)}  ${pad('statement', 46)}  ${'time'.padStart(8)}  ${pad('locks', 44)}  ${pad('blocks', 16)}  rewrites`,
      ),
    );
    for (const s of stmts) {
      const line = pad(lineCell(s), lw);
      const sql = pad(v(statementCell(s, 46)), 46);
      if (s.skipped) {
        out.push(`  ${line}  ${sql}  ${' '.repeat(8)}  ${c.dim(notRunText(d))}`);
        continue;
      }
      if (s.refused) {
        out.push(`  ${line}  ${sql}  ${' '.repeat(8)}  ${c.yellow(v(`not run on the shadow: ${s.refused}`))}`);
        continue;
      }
      const locks = s.error ? [] : shownLocks(s, d.dialect);
      const rewrite = v(rewriteCell(s, (r) => r));
      const rows = locks.length ? locks : [undefined];
      rows.forEach((l, i) => {
        const lockText = l
          ? v(`${l.mode} ${l.relation}${lockNote(l)}`)
          : s.error
            ? ''
            : c.dim(locksHidden(d) ? 'not visible' : 'none');
        const blocks = l ? blocksText(l) : '';
        const colored = l?.blocksReads
          ? c.red(pad(lockText, 44))
          : l?.blocksWrites
            ? c.yellow(pad(lockText, 44))
            : pad(lockText, 44);
        const bl = l?.blocksReads
          ? c.red(pad(blocks, 16))
          : l?.blocksWrites
            ? c.yellow(pad(blocks, 16))
            : pad(blocks, 16);
        if (i === 0) {
          out.push(
            `  ${line}  ${sql}  ${ms(s.durationMs).padStart(8)}  ${colored}  ${bl}  ${c.magenta(rewrite)}`.trimEnd(),
          );
        } else {
          out.push(`  ${' '.repeat(lw)}  ${' '.repeat(46)}  ${' '.repeat(8)}  ${colored}  ${bl}`.trimEnd());
        }
      });
      const online = onlineText(s);
      if (online) {
        const blocks = onlineBlocks(s);
        const text = s.online
          ? `online DDL (measured on ${s.online.server}): ${online}${blocks ? ` (blocks ${blocks} for the whole operation)` : ''}`
          : online;
        out.push(
          `  ${' '.repeat(lw)}  ${blocks === 'reads and writes' ? c.red(v(text)) : blocks ? c.yellow(v(text)) : c.dim(v(text))}`,
        );
      }
      if (s.estimate) {
        const e = s.estimate;
        out.push(
          `  ${' '.repeat(lw)}  ${c.blue(v(`production: ${formatDuration(e.seconds)} (estimate) under ${e.lock}: ${e.basis}`))}`,
        );
      }
      if (s.error) {
        const e = s.error;
        out.push(
          `  ${' '.repeat(lw)}  ${c.red('✖')} ${c.red(v(`${e.code} ${e.message}`))} ${c.dim(`(${v(e.path)}:${e.line}:${e.column})`)}`,
        );
        if (e.detail) out.push(`  ${' '.repeat(lw)}    ${c.dim(v(e.detail))}`);
        if (e.hint) out.push(`  ${' '.repeat(lw)}    ${c.dim(`hint: ${v(e.hint)}`)}`);
        if (e.limit) out.push(`  ${' '.repeat(lw)}    ${c.dim(`engine limit: ${v(e.limit)}`)}`);
        if (e.consequenceOf) out.push(`  ${' '.repeat(lw)}    ${c.dim(v(`probably follows from ${e.consequenceOf}`))}`);
      }
    }
    out.push('');
  }
  if (d.heldLocks.length) {
    out.push(c.bold('locks held across a transaction'));
    for (const h of d.heldLocks)
      out.push(`  ${h.blocksReads ? c.red('⚠') : c.yellow('⚠')} ${v(h.path)}: ${v(heldSentence(h))}`);
    out.push('');
  }
  if (d.limits.length) {
    out.push(c.bold('engine limits'));
    for (const l of d.limits) out.push(`  • ${v(l.message)}`);
    out.push('');
  }
  const h = d.history;
  const histFailures = h.source === 'migrations' ? h.failures : h.errors;
  if (histFailures.length) {
    out.push(
      c.bold(
        h.source === 'migrations'
          ? 'earlier migrations that failed on the shadow'
          : 'schema dump statements that failed',
      ),
    );
    for (const f of histFailures.slice(0, 20)) {
      const note =
        'limit' in f && f.limit
          ? ' (engine limit)'
          : 'consequenceOf' in f && f.consequenceOf
            ? ` (follows from: ${f.consequenceOf})`
            : '';
      out.push(`  ${v(f.path)}:${f.line}  ${f.code} ${v(f.message)}${c.dim(v(note))}`);
    }
    if (histFailures.length > 20) out.push(`  … and ${histFailures.length - 20} more`);
    out.push('');
  }
  const histRefused = h.refused ?? [];
  if (histRefused.length) {
    out.push(c.bold('earlier statements not run on the shadow (they reach outside the throwaway database)'));
    for (const r of histRefused.slice(0, 20))
      out.push(v(`  ${'path' in r ? r.path : h.source === 'schema' ? h.path : ''}:${r.line}  ${r.why}`));
    if (histRefused.length > 20) out.push(`  … and ${histRefused.length - 20} more`);
    out.push('');
  }
  if (d.seed.failures.length) {
    out.push(
      c.dim(
        v(`tables left empty or partly seeded: ${d.seed.failures.map((f) => `${f.table} (${f.code})`).join(', ')}`),
      ),
    );
    out.push('');
  }
  const stopped = stoppedLine(d);
  if (stopped) {
    out.push(c.red(`✖ ${stopped}`));
    out.push('');
  }
  const failedFiles = d.files.filter((f) => f.error);
  const n = d.statements.reduce((k, s) => k + (s.index >= 0 ? statementCount(s) : 0), 0);
  const t = d.timings;
  const refused = d.statements.filter((s) => s.refused).length;
  const timing =
    `${ms(t.totalMs)} (boot ${ms(t.bootMs)}, history ${ms(t.historyMs)}, seed ${ms(t.seedMs)}, run ${ms(t.runMs)})` +
    (refused ? ` · ${refused} statement${refused === 1 ? '' : 's'} not run (reach outside the shadow)` : '');
  if (failedFiles.length || d.stopped) {
    out.push(
      c.red(
        d.stopped && !failedFiles.length
          ? `✖ ${d.files.length} migration file${d.files.length === 1 ? '' : 's'} not run on the shadow (stopped) · ${n} statements · ${timing}`
          : `✖ ${failedFiles.length} of ${d.files.length} migration file${d.files.length === 1 ? '' : 's'} failed on the shadow · ${n} statements · ${timing}`,
      ),
    );
  } else {
    const blocking = d.statements.some((s) => s.locks.some((l) => l.blocksReads || l.blocksWrites) || onlineBlocks(s));
    const mark = blocking || d.heldLocks.length ? c.yellow('⚠') : c.green('✔');
    out.push(
      `${mark} ${d.files.length} migration file${d.files.length === 1 ? '' : 's'} ran on the shadow · ${n} statements · ${timing}`,
    );
  }
  return out.join('\n') + '\n';
}
