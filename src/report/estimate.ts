/**
 * The words every report uses for an estimate (src/estimate/apply.ts): always marked as an estimate,
 * with its basis, never as a measurement.
 */
import type { Finding } from '../model.js';
import { formatDuration } from '../estimate/model.js';

/** `~14 min (estimate) under ACCESS EXCLUSIVE: rewrite: 52M rows × 16 µs/row measured on the shadow (1,000 rows)` */
export function estimateText(f: Finding): string | undefined {
  const e = f.estimate;
  if (!e) return undefined;
  return `${formatDuration(e.seconds)} (estimate) under ${e.lock}: ${e.basis}`;
}

/** The estimate and the size note of a finding, as lines; none without `--stats`. */
export function sizeLines(f: Finding): string[] {
  const lines: string[] = [];
  const e = estimateText(f);
  if (e) lines.push(e);
  if (f.sizeNote) lines.push(f.sizeNote);
  return lines;
}
