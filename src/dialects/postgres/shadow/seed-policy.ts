/**
 * Seeding under the proof's policy (`policy: { kind: 'proof' }`). The proof runs the original twice
 * and the plan once on separate shadows that must start with exactly the same rows, so: no NULL in a
 * nullable column unless a CHECK needs one; columns whose default differs from run to run (nextval,
 * random, now, …) get values derived from the row number (seed-insert.ts), their sequences moved past
 * them (here); parent keys and CHECK combinations in a fixed order (seed-insert.ts).
 */
import { isShadowStop } from '../../../shadow/driver.js';
import type { ProbeTarget, SeedOptions } from '../../../shadow/probes.js';
import { qi, ql, rel, type Tbl } from './seed-schema.js';

export const isProofPolicy = (opts: SeedOptions): boolean => opts.policy?.kind === 'proof';

/** Sequences behind serial columns the INSERT set itself continue after the seeded values (the proof's policy). */
export async function continueSequences(shadow: ProbeTarget, t: Tbl, names: string[]): Promise<void> {
  for (const c of t.cols) {
    if (!c.defaultUnstable || !names.includes(qi(c.name))) continue;
    await shadow
      .exec(
        `SELECT setval(s, (SELECT max(${qi(c.name)}) FROM ${rel(t)})) FROM pg_get_serial_sequence(${ql(rel(t))}, ${ql(c.name)}) AS s WHERE s IS NOT NULL`,
      )
      .catch((err) => {
        if (isShadowStop(err)) throw err;
      });
  }
}
