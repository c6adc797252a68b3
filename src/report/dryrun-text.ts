/** `dry-run --format text`: a per-statement table for a terminal. Colours only when asked. */
import pc from 'picocolors';
import type { DryRun } from '../shadow/dryrun.js';
import {
  blocksText,
  firstLine,
  heldSentence,
  historyLine,
  lockNote,
  ms,
  rewriteCell,
  seedLine,
  shownLocks,
} from './dryrun-common.js';

export interface DryRunTextOptions {
  color: boolean;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function formatDryRunText(d: DryRun, opts: DryRunTextOptions): string {
  const c = opts.color ? pc : pc.createColors(false);
  const out: string[] = [];
  out.push(c.bold(`zerodown dry run on ${d.engine}`) + c.dim(` · ${historyLine(d)} · ${seedLine(d)}`));
  out.push('');
  const byFile = new Map<string, typeof d.statements>();
  for (const s of d.statements) byFile.set(s.path, [...(byFile.get(s.path) ?? []), s]);
  for (const [file, stmts] of byFile) {
    out.push(c.bold(file));
    const lw = Math.max(4, ...stmts.map((s) => String(s.line).length));
    out.push(
      c.dim(
        `  ${pad('line', lw)}  ${pad('statement', 46)}  ${'time'.padStart(8)}  ${pad('locks', 44)}  ${pad('blocks', 16)}  rewrites`,
      ),
    );
    for (const s of stmts) {
      const line = pad(String(s.line), lw);
      const sql = pad(firstLine(s.sql, 46), 46);
      if (s.skipped) {
        out.push(`  ${line}  ${sql}  ${' '.repeat(8)}  ${c.dim('not run: an earlier statement of this file failed')}`);
        continue;
      }
      if (s.refused) {
        out.push(`  ${line}  ${sql}  ${' '.repeat(8)}  ${c.yellow(`not run on the shadow: ${s.refused}`)}`);
        continue;
      }
      const locks = s.error ? [] : shownLocks(s);
      const rewrite = rewriteCell(s, (r) => r);
      const rows = locks.length ? locks : [undefined];
      rows.forEach((l, i) => {
        const lockText = l ? `${l.mode} ${l.relation}${lockNote(l)}` : s.error ? '' : c.dim('none');
        const blocks = l ? blocksText(l) : '';
        const colored =
          l && l.blocksReads
            ? c.red(pad(lockText, 44))
            : l && l.blocksWrites
              ? c.yellow(pad(lockText, 44))
              : pad(lockText, 44);
        const bl =
          l && l.blocksReads
            ? c.red(pad(blocks, 16))
            : l && l.blocksWrites
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
      if (s.error) {
        const e = s.error;
        out.push(
          `  ${' '.repeat(lw)}  ${c.red('✖')} ${c.red(`${e.code} ${e.message}`)} ${c.dim(`(${e.path}:${e.line}:${e.column})`)}`,
        );
        if (e.detail) out.push(`  ${' '.repeat(lw)}    ${c.dim(e.detail)}`);
        if (e.hint) out.push(`  ${' '.repeat(lw)}    ${c.dim(`hint: ${e.hint}`)}`);
        if (e.limit) out.push(`  ${' '.repeat(lw)}    ${c.dim(`engine limit: ${e.limit}`)}`);
        if (e.consequenceOf) out.push(`  ${' '.repeat(lw)}    ${c.dim(`probably follows from ${e.consequenceOf}`)}`);
      }
    }
    out.push('');
  }
  if (d.heldLocks.length) {
    out.push(c.bold('locks held across a transaction'));
    for (const h of d.heldLocks)
      out.push(`  ${h.blocksReads ? c.red('⚠') : c.yellow('⚠')} ${h.path}: ${heldSentence(h)}`);
    out.push('');
  }
  if (d.limits.length) {
    out.push(c.bold('engine limits'));
    for (const l of d.limits) out.push(`  • ${l.message}`);
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
      out.push(`  ${f.path}:${f.line}  ${f.code} ${f.message}${c.dim(note)}`);
    }
    if (histFailures.length > 20) out.push(`  … and ${histFailures.length - 20} more`);
    out.push('');
  }
  const histRefused = h.refused ?? [];
  if (histRefused.length) {
    out.push(c.bold('earlier statements not run on the shadow (they reach outside the throwaway database)'));
    for (const r of histRefused.slice(0, 20))
      out.push(`  ${'path' in r ? r.path : h.source === 'schema' ? h.path : ''}:${r.line}  ${r.why}`);
    if (histRefused.length > 20) out.push(`  … and ${histRefused.length - 20} more`);
    out.push('');
  }
  if (d.seed.failures.length) {
    out.push(
      c.dim(`tables left empty or partly seeded: ${d.seed.failures.map((f) => `${f.table} (${f.code})`).join(', ')}`),
    );
    out.push('');
  }
  const failedFiles = d.files.filter((f) => f.error);
  const n = d.statements.filter((s) => s.index >= 0).length;
  const t = d.timings;
  const refused = d.statements.filter((s) => s.refused).length;
  const timing =
    `${ms(t.totalMs)} (boot ${ms(t.bootMs)}, history ${ms(t.historyMs)}, seed ${ms(t.seedMs)}, run ${ms(t.runMs)})` +
    (refused ? ` · ${refused} statement${refused === 1 ? '' : 's'} not run (reach outside the shadow)` : '');
  if (failedFiles.length) {
    out.push(
      c.red(
        `✖ ${failedFiles.length} of ${d.files.length} migration file${d.files.length === 1 ? '' : 's'} failed on the shadow · ${n} statements · ${timing}`,
      ),
    );
  } else {
    const blocking = d.statements.some((s) => s.locks.some((l) => l.blocksReads || l.blocksWrites));
    const mark = blocking || d.heldLocks.length ? c.yellow('⚠') : c.green('✔');
    out.push(
      `${mark} ${d.files.length} migration file${d.files.length === 1 ? '' : 's'} ran on the shadow · ${n} statements · ${timing}`,
    );
  }
  return out.join('\n') + '\n';
}
