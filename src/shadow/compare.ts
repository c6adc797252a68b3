/**
 * Comparing two shadows' end states for the plan proof: snapshots are taken by the dialect
 * (`shadow.probes.snapshotSchema` / `snapshotData`, src/dialects/<id>/shadow/snapshot.ts) and
 * compared here, whatever the dialect.
 */
import type { DataSnapshot, SchemaSnapshot } from './probes.js';

/** Lines that differ between the original's catalog and the plan's, keyed like the snapshots. */
export function diffSchemas(orig: SchemaSnapshot, plan: SchemaSnapshot): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const [k, v] of orig) {
    const p = plan.get(k);
    if (p === undefined) out.push({ key: k, text: `${k}: missing after the plan (original: ${v})` });
    else if (p !== v) out.push({ key: k, text: `${k}: original ${v}; plan ${p}` });
  }
  for (const [k, v] of plan) if (!orig.has(k)) out.push({ key: k, text: `${k}: only after the plan (${v})` });
  return out;
}

/** Columns (`schema.table.column`) whose values differ between two runs of the same migration. */
export function volatileColumns(a: DataSnapshot, b: DataSnapshot): Set<string> {
  const out = new Set<string>();
  for (const [table, rowsA] of a) {
    const rowsB = b.get(table);
    if (!rowsB) continue;
    for (const [key, ra] of rowsA) {
      const rb = rowsB.get(key);
      if (!rb) continue;
      for (const col of Object.keys(ra))
        if (JSON.stringify(ra[col]) !== JSON.stringify(rb[col])) out.add(`${table}.${col}`);
    }
    // rows that exist in one run only (a volatile key): compare nothing of them
    if (rowsA.size !== rowsB.size || [...rowsA.keys()].some((k) => !rowsB.has(k))) out.add(`${table}.*`);
  }
  return out;
}

export function compareData(orig: DataSnapshot, plan: DataSnapshot, skip: Set<string>): string[] {
  const diffs: string[] = [];
  for (const [table, rowsO] of orig) {
    const rowsP = plan.get(table);
    if (!rowsP || skip.has(`${table}.*`)) continue;
    if (rowsO.size !== rowsP.size) {
      diffs.push(`data ${table}: ${rowsO.size} rows after the original, ${rowsP.size} after the plan`);
      continue;
    }
    let shown = 0;
    let count = 0;
    for (const [key, ro] of rowsO) {
      const rp = rowsP.get(key);
      if (!rp) {
        count++;
        if (shown++ < 3) diffs.push(`data ${table}: row ${key} missing after the plan`);
        continue;
      }
      for (const col of Object.keys(ro)) {
        if (skip.has(`${table}.${col}`) || !(col in rp)) continue;
        if (JSON.stringify(ro[col]) !== JSON.stringify(rp[col])) {
          count++;
          if (shown++ < 3)
            diffs.push(
              `data ${table}.${col} for key ${key}: original ${JSON.stringify(ro[col])}, plan ${JSON.stringify(rp[col])}`,
            );
        }
      }
    }
    if (count > 3) diffs.push(`data ${table}: ${count - 3} more differences`);
  }
  return diffs;
}
