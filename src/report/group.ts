/**
 * Several rules often flag one statement (an index on a column just added: the build's lock,
 * and the missing backfill). Each finding stays its own in JSON and SARIF; the text output and
 * the Markdown report show such findings together, under one code frame.
 */
import type { Finding } from '../model.js';

/**
 * The findings of one file grouped by the statement they point at, in the order of each
 * group's first finding (findings come sorted by position, so a group is a run). Findings
 * that point at no statement (`statementIndex` -1: syntax errors, file-level findings) stay
 * alone, one group each.
 */
export function byStatement(findings: readonly Finding[]): Finding[][] {
  const groups: Finding[][] = [];
  const at = new Map<number, Finding[]>();
  for (const f of findings) {
    const g = f.statementIndex >= 0 ? at.get(f.statementIndex) : undefined;
    if (g) g.push(f);
    else {
      const fresh = [f];
      groups.push(fresh);
      if (f.statementIndex >= 0) at.set(f.statementIndex, fresh);
    }
  }
  return groups;
}
