/** Seeding, step 2: the order to fill the tables in, by foreign keys. */
import type { Tbl } from './seed-schema.js';

/** Orders tables parents first (cycles broken arbitrarily; self references ignored). */
export function order(tables: Map<number, Tbl>): Tbl[] {
  const out: Tbl[] = [];
  const state = new Map<number, 1 | 2>();
  const visit = (t: Tbl) => {
    if (state.get(t.oid)) return;
    state.set(t.oid, 1);
    for (const fk of t.fks) {
      if (fk.parent !== t.oid) visit(tables.get(fk.parent)!);
    }
    state.set(t.oid, 2);
    out.push(t);
  };
  for (const t of tables.values()) visit(t);
  return out;
}
