/**
 * Seeding, step 4: the INSERT … SELECT that writes one table's rows: parent keys from parent rows,
 * NULLs where real data has them, CHECK-filtered candidates when a CHECK needs them, and the probe
 * that finds which CHECK-column combinations pass.
 */
import { colName, inUnique, qi, rel, type Col, type Tbl } from './seed-schema.js';
import { valueExpr } from './seed-values.js';

export interface Plan {
  sql: string;
  cols: string[];
  /** a probe: the columns its rows give, the NOT NULL ones (`v0`, `v1`, …) and the nullable ones (`bits`) */
  combo?: { notNull: number[]; nullable: number[] };
}

/**
 * Last resort for CHECK constraints the simple fixes cannot satisfy (lemmy's
 * `kind = 'AdminBan' AND num_nonnulls(a, b) = 2 AND …` per kind): generate
 * candidate rows, keep those for which every CHECK of the table holds, insert
 * the first `n`. Candidates take a combination the probe saw pass when there is
 * one, else NULLs at random (then many more candidates).
 */
export interface CheckFilter {
  /** CHECK expressions (as pg_get_constraintdef prints them, without `CHECK`) */
  checks: string[];
  /** candidate rows per wanted row */
  factor: number;
  /**
   * `cand AS MATERIALIZED` (PostgreSQL 12+; older servers always materialize): each candidate's
   * columns are computed once, not again inside every OR branch of the CHECKs that mention them
   * (lemmy's modlog: 140 ms to 40 ms)
   */
  materialized: boolean;
  /** build the probe instead of the INSERT: which CHECK-column combinations pass (see `Combos`) */
  probe?: boolean;
  combos?: Combos;
}

/**
 * Combinations of the CHECK columns that pass, found by a probe over a few thousand random
 * candidates: NOT NULL columns' values, and which nullable ones are NULL (a bit each). Row g then
 * takes combination g % length, so nearly every candidate passes instead of one in thirty
 * (lemmy's modlog: 21 kinds × 32 NULL patterns, one pattern valid per kind).
 */
export interface Combos {
  notNull: number[];
  nullable: number[];
  /** per combination: the NOT NULL columns' values (SQL literals), then the NULL bits */
  rows: { values: string[]; bits: number }[];
}

/** candidates the combination probe looks at */
const PROBE_CANDIDATES = 4096;

const where = (conds: string[]) => (conds.length ? `\n WHERE ${conds.join(' AND ')}` : '');

/**
 * CHECK-filtered candidates make each nullable column NULL in about half of the rows, independently:
 * the parity of `g * p mod 1000003`, with a different multiplier per column. Integer arithmetic: the
 * earlier `hashtext(g::text || name)` cost a third of lemmy's modlog seed (40,000 candidates).
 */
const NULL_MULTIPLIERS = [7919, 104729, 1299709, 15485863, 179424673, 2147483647, 48271, 69621, 16807, 39916801];
const nullPrime = (num: number) => NULL_MULTIPLIERS[num % NULL_MULTIPLIERS.length]!;

/** Builds the INSERT for one table; `nulls` and `literals` come from CHECK retries. */
export function planInsert(
  t: Tbl,
  tables: Map<number, Tbl>,
  n: number,
  nulls: Set<number>,
  literals: Map<number, string[]>,
  filter?: CheckFilter,
  onConflict = false,
  proof = false,
): Plan | undefined {
  const conflict = onConflict ? '\nON CONFLICT DO NOTHING' : '';
  const combos = filter?.combos;
  const pick = (xs: (string | number)[]) => `(ARRAY[${xs.join(', ')}])[1 + g % ${xs.length}]`;
  const randomNull = (c: Col, v: string) => {
    if (!filter || c.notNull) return v;
    const j = combos?.nullable.indexOf(c.num) ?? -1;
    if (j >= 0) return `CASE WHEN ${pick(combos!.rows.map((r) => r.bits))} & ${1 << j} <> 0 THEN NULL ELSE ${v} END`;
    return `CASE WHEN (g::int8 * ${nullPrime(c.num)} % 1000003) % 2 = 0 THEN NULL ELSE ${v} END`;
  };
  const ctes: string[] = [];
  const joins: string[] = [];
  /** row conditions: a NOT NULL reference needs a parent row */
  const conds: string[] = [];
  const names: string[] = [];
  const values: string[] = [];
  const fkCol = new Map<number, string>();
  let ctr = 0;
  const self = new Map<number, string>();
  // plain values first (self-referencing keys reuse them)
  const plain = new Map<number, string | undefined>();
  for (const c of t.cols) plain.set(c.num, valueExpr(c, t, n, literals.get(c.num)));
  for (const fk of t.fks) {
    if (fk.cols.some((c) => fkCol.has(c))) continue;
    const childCols = fk.cols.map((num) => t.cols.find((c) => c.num === num)!);
    if (childCols.some((c) => !c || c.generated || c.identity)) continue;
    const nullable = childCols.every((c) => !c.notNull);
    if (nullable && childCols.some((c) => nulls.has(c.num))) continue;
    if (fk.parent === t.oid) {
      // self reference: point at the row itself when the key is generated here; else NULL
      const exprs = fk.parentCols.map((pc) => {
        const col = t.cols.find((c) => c.num === pc);
        return col && !(col.hasDefault && col.defaultVolatile) && !col.identity ? plain.get(pc) : undefined;
      });
      if (exprs.every((e) => e !== undefined)) {
        fk.cols.forEach((c, i) => self.set(c, exprs[i]!));
      }
      fk.cols.forEach((c) => fkCol.set(c, self.get(c) ?? `NULL::${t.cols.find((x) => x.num === c)!.type}`));
      continue;
    }
    const parent = tables.get(fk.parent)!;
    const pcols = fk.parentCols.map((pc) => parent.cols.find((c) => c.num === pc)?.name);
    if (pcols.some((c) => c === undefined)) continue;
    const alias = `p${ctr++}`;
    // the proof: parent keys in key order, the same on every shadow (a referenced key is unique)
    const keyOrder = proof ? ` ORDER BY ${pcols.map((c) => qi(c!)).join(', ')}` : '';
    const unique = t.uniques.some((u) => u.every((num) => fk.cols.includes(num)));
    // parent keys as arrays (one row, no join to plan): row g takes element 1 + (g - 1) % count,
    // or element g when the reference is unique (one child per parent at most). The aggregates of
    // one Agg see the rows in the same order, so a multi-column key stays aligned across arrays.
    ctes.push(
      `${alias} AS (SELECT ${pcols.map((c, i) => `array_agg(${qi(c!)}${keyOrder}) AS a${i}`).join(', ')} FROM ${rel(parent)} WHERE ${pcols
        .map((c) => `${qi(c!)} IS NOT NULL`)
        .join(' AND ')})`,
    );
    joins.push(`CROSS JOIN ${alias}`);
    const at = unique ? 'g' : `1 + (g - 1) % cardinality(${alias}.a0)`;
    if (!nullable) conds.push(unique ? `g <= cardinality(${alias}.a0)` : `${alias}.a0 IS NOT NULL`);
    fk.cols.forEach((c, i) => fkCol.set(c, `${alias}.a${i}[${at}]`));
  }
  for (const c of t.cols) {
    if (c.generated || c.identity) continue;
    if (fkCol.has(c.num)) {
      names.push(qi(c.name));
      values.push(randomNull(c, fkCol.get(c.num)!));
      continue;
    }
    if (nulls.has(c.num) && !c.notNull) {
      continue; // leave it NULL (or its default): the CHECK passes
    }
    if (c.hasDefault && !literals.has(c.num) && !(proof && c.defaultUnstable)) {
      // the default is what production rows get; but a constant default in a unique key would collide
      if (c.defaultVolatile || !inUnique(t, c.num)) continue;
    }
    const v = plain.get(c.num);
    if (v === undefined) {
      if (c.notNull && !c.hasDefault) return undefined;
      continue;
    }
    names.push(qi(c.name));
    // nullable columns without a default: every 10th row NULL, as real data has
    values.push(
      filter
        ? randomNull(c, v)
        : !proof && !c.notNull && !c.hasDefault && !inUnique(t, c.num)
          ? `CASE WHEN g % 10 = 0 THEN NULL ELSE ${v} END`
          : v,
    );
  }
  if (!names.length) {
    // only defaults (or identity): a zero-column SELECT fills every column with its default
    return { sql: `INSERT INTO ${rel(t)} SELECT FROM generate_series(1, ${n}) g${conflict}`, cols: [] };
  }
  if (filter) {
    const count = filter.probe ? PROBE_CANDIDATES : n * filter.factor;
    const cand = `cand AS ${filter.materialized ? 'MATERIALIZED ' : ''}(SELECT ${values.map((v, i) => `${v} AS ${names[i]}`).join(',\n       ')}\n  FROM generate_series(1, ${count}) g ${joins.join(' ')}${where(conds)})`;
    const checks = filter.checks.map((c) => `(${c}) IS NOT FALSE`).join(' AND ');
    if (filter.probe) {
      const { notNull, nullable } = comboColumns(t, names, fkCol);
      if (!notNull.length && !nullable.length) return undefined;
      const bits = nullable.length
        ? nullable.map((num, j) => `CASE WHEN ${colName(t, num)} IS NULL THEN ${1 << j} ELSE 0 END`).join(' + ')
        : '0';
      const sql =
        `WITH ${[...ctes, cand].join(',\n     ')}\n` +
        `SELECT DISTINCT ${[...notNull.map((num, i) => `${colName(t, num)}::text AS v${i}`), `${bits} AS bits`].join(', ')} FROM cand WHERE ${checks}` +
        (proof
          ? ` ORDER BY ${notNull
              .map((_, i) => `${i + 1}`)
              .concat(`${notNull.length + 1}`)
              .join(', ')}`
          : '');
      return { sql, cols: [], combo: { notNull, nullable } };
    }
    const sql =
      `WITH ${[...ctes, cand].join(',\n     ')}\n` +
      `INSERT INTO ${rel(t)} (${names.join(', ')})\nSELECT ${names.join(', ')} FROM cand WHERE ${checks} LIMIT ${n}${conflict}`;
    return { sql, cols: names };
  }
  const withClause = ctes.length ? `WITH ${ctes.join(',\n     ')}\n` : '';
  const sql =
    `${withClause}INSERT INTO ${rel(t)} (${names.join(', ')})\n` +
    `SELECT ${values.join(',\n       ')}\n  FROM generate_series(1, ${n}) g ${joins.join(' ')}${where(conds)}${conflict}`;
  return { sql, cols: names };
}

/**
 * The columns a combination fixes: those the CHECKs mention that the INSERT sets, minus foreign
 * keys (their values come from parent rows) and unique keys (one value per combination would
 * repeat); at most 12 nullable ones (4,096 NULL patterns).
 */
function comboColumns(t: Tbl, names: string[], fkCol: Map<number, string>): { notNull: number[]; nullable: number[] } {
  const mentioned = new Set(t.checks.flatMap((c) => c.cols));
  const set = new Set(names);
  const cols = t.cols.filter(
    (c) => mentioned.has(c.num) && set.has(qi(c.name)) && !fkCol.has(c.num) && !inUnique(t, c.num) && !c.isArray,
  );
  const nullable = [
    ...cols.filter((c) => !c.notNull).map((c) => c.num),
    // nullable foreign keys: whether they are NULL is what a num_nonnulls CHECK looks at
    ...t.cols.filter((c) => mentioned.has(c.num) && !c.notNull && fkCol.has(c.num)).map((c) => c.num),
  ];
  return { notNull: cols.filter((c) => c.notNull).map((c) => c.num), nullable: nullable.slice(0, 12) };
}
