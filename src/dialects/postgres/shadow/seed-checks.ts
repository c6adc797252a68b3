/**
 * Seeding, when an INSERT fails on a CHECK constraint: first the simple fixes (the CHECK's nullable
 * columns NULL, its NOT NULL columns cycling through the literals it mentions); when those are not
 * enough, random candidates filtered through every CHECK of the table, cycling through the
 * combinations of CHECK columns a probe saw pass (see `CheckFilter`, `Combos` in seed-insert.ts).
 */
import { isShadowStop } from '../../../shadow/driver.js';
import type { ProbeTarget } from '../../../shadow/probes.js';
import { planInsert, type CheckFilter, type Combos } from './seed-insert.js';
import { ql, type Tbl } from './seed-schema.js';
import { checkLiterals } from './seed-values.js';

/** The simple fixes for one failing CHECK: its nullable columns NULL, its NOT NULL ones through its literals. */
export function simpleCheckFix(
  t: Tbl,
  check: Tbl['checks'][number],
  nulls: Set<number>,
  literals: Map<number, string[]>,
): void {
  for (const num of check.cols) {
    const col = t.cols.find((c) => c.num === num);
    if (!col) continue;
    if (!col.notNull) nulls.add(num);
    else {
      const lits = checkLiterals(check.def, col);
      if (lits.length) literals.set(num, lits);
    }
  }
}

/**
 * The filter through every CHECK of the table; when the probe finds combinations that pass, the
 * NOT NULL CHECK columns cycle through their values (set in `literals`), in step with their NULL bits.
 */
export async function checkFilter(
  shadow: ProbeTarget,
  t: Tbl,
  tables: Map<number, Tbl>,
  n: number,
  proof: boolean,
  literals: Map<number, string[]>,
): Promise<CheckFilter> {
  let filter: CheckFilter = {
    checks: t.checks.map((c) => c.def.replace(/^CHECK\s*/, '').replace(/\s+NOT VALID$/, '')),
    factor: 40,
    materialized: shadow.serverVersion >= 12,
  };
  const combos = await probeCombos(shadow, t, tables, n, filter, proof);
  if (combos) {
    filter = { ...filter, combos, factor: 4 };
    combos.notNull.forEach((num, i) =>
      literals.set(
        num,
        combos.rows.map((r) => r.values[i]!),
      ),
    );
  }
  return filter;
}

/** Runs the combination probe (see `Combos`); undefined when it finds none or cannot run. */
async function probeCombos(
  shadow: ProbeTarget,
  t: Tbl,
  tables: Map<number, Tbl>,
  n: number,
  filter: CheckFilter,
  proof: boolean,
): Promise<Combos | undefined> {
  const plan = planInsert(t, tables, n, new Set(), new Map(), { ...filter, probe: true }, false, proof);
  if (!plan?.combo) return undefined;
  const { notNull, nullable } = plan.combo;
  try {
    const rows = await shadow.query<Record<string, string | number>>(plan.sql);
    if (!rows.length) return undefined;
    return {
      notNull,
      nullable,
      rows: rows.map((r) => ({ values: notNull.map((_, i) => ql(String(r[`v${i}`]))), bits: Number(r.bits) })),
    };
  } catch (err) {
    if (isShadowStop(err)) throw err;
    return undefined; // the random candidates alone, as before
  }
}
