/**
 * Seeding: sample rows in every existing table, generated from the column
 * types, so that scans, validations, rewrites and backfills act on real data
 * (and `SET NOT NULL` on a column holding NULLs fails, as in production).
 *
 * - parents before children (foreign keys point at real parent rows);
 * - NOT NULL respected; nullable columns without a default get some NULLs;
 * - unique keys: values derive from the row number; the rare collision with rows
 *   the migrations inserted is retried with ON CONFLICT DO NOTHING (only then:
 *   a speculative insert costs about 15% more per row);
 * - CHECK constraints: when one fails, its nullable columns become NULL and its
 *   NOT NULL columns cycle through the literals it mentions (`status IN (…)`,
 *   `rating BETWEEN 1 AND 5`), then the insert is retried; when that is not enough,
 *   a probe finds which combinations of the CHECK columns pass, and rows cycle
 *   through those (see `CheckFilter`, `Combos`).
 * A table that still cannot be seeded is reported, never fatal.
 *
 * One seeder for the dry run and the plan proof. The proof's policy (`policy: { kind: 'proof' }`)
 * differs in three ways, because the proof runs the original twice and the plan once on separate
 * shadows that must start with exactly the same rows: no NULL in a nullable column unless a CHECK
 * needs one (the original's SET NOT NULL must not fail on seeded NULLs); columns whose default
 * differs from run to run (nextval, random, now, …) get values derived from the row number, their
 * sequences moved past them; and parent keys and CHECK combinations are taken in a fixed order.
 */
import { isShadowStop, toSqlError } from '../../../shadow/driver.js';
import type { ProbeTarget, SeedFailure, SeedOptions, SeedPolicy, SeedResult } from '../../../shadow/probes.js';

export type { SeedFailure, SeedOptions, SeedPolicy, SeedResult };

interface Col {
  name: string;
  num: number;
  type: string;
  notNull: boolean;
  hasDefault: boolean;
  defaultVolatile: boolean;
  /** the default gives a different value on each run (volatile, or the time): the proof sets the column itself */
  defaultUnstable: boolean;
  identity: boolean;
  generated: boolean;
  /** base type after domains and arrays */
  base: string;
  baseTypmod: number;
  isArray: boolean;
  enumLabels?: string[];
}

interface Fk {
  cols: number[];
  parent: number;
  parentCols: number[];
  /** not a declared foreign key: a `user_id` column next to a `users` table */
  inferred?: boolean;
}

interface Tbl {
  oid: number;
  schema: string;
  name: string;
  display: string;
  cols: Col[];
  fks: Fk[];
  /** column-number sets of unique keys (PK, unique constraints, unique indexes) */
  uniques: number[][];
  primaryKey?: number[];
  checks: { name: string; cols: number[]; def: string }[];
}

const qi = (s: string) => `"${s.replace(/"/g, '""')}"`;
const ql = (s: string) => `'${s.replace(/'/g, "''")}'`;
const rel = (t: { schema: string; name: string }) => `${qi(t.schema)}.${qi(t.name)}`;

async function loadTables(shadow: ProbeTarget): Promise<Map<number, Tbl>> {
  const userNs = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
  const tables = await shadow.query<{ oid: number; nspname: string; relname: string }>(
    `SELECT c.oid::int8 AS oid, n.nspname, c.relname
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userNs}
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY n.nspname, c.relname`,
  );
  const map = new Map<number, Tbl>();
  for (const t of tables) {
    const oid = Number(t.oid);
    map.set(oid, {
      oid,
      schema: t.nspname,
      name: t.relname,
      display: t.nspname === 'public' ? t.relname : `${t.nspname}.${t.relname}`,
      cols: [],
      fks: [],
      uniques: [],
      checks: [],
    });
  }
  if (!map.size) return map;
  const oids = [...map.keys()].join(',');
  const cols = await shadow.query<any>(
    `SELECT a.attrelid::int8 AS rel, a.attname, a.attnum::int AS num, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull, a.atthasdef, a.attidentity::text AS ident, a.attgenerated::text AS gen,
            pg_get_expr(d.adbin, d.adrelid) AS def,
            bt.typname AS base, CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS base_typmod,
            (t.typcategory = 'A' OR bt0.typcategory = 'A') AS is_array,
            bt.oid::int8 AS base_oid, bt.typtype::text AS base_typtype
       FROM pg_attribute a
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type bt0 ON bt0.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
       LEFT JOIN pg_type bt ON bt.oid = CASE WHEN bt0.typcategory = 'A' THEN bt0.typelem ELSE bt0.oid END
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid IN (${oids}) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
  );
  const enumOids = new Set<number>();
  for (const c of cols) if (c.base_typtype === 'e') enumOids.add(Number(c.base_oid));
  const labels = new Map<number, string[]>();
  if (enumOids.size) {
    const rows = await shadow.query<{ oid: number; label: string }>(
      `SELECT enumtypid::int8 AS oid, enumlabel AS label FROM pg_enum WHERE enumtypid IN (${[...enumOids].join(',')}) ORDER BY enumtypid, enumsortorder`,
    );
    for (const r of rows) {
      const k = Number(r.oid);
      labels.set(k, [...(labels.get(k) ?? []), r.label]);
    }
  }
  for (const c of cols) {
    const t = map.get(Number(c.rel))!;
    const def: string | null = c.def;
    const col: Col = {
      name: c.attname,
      num: c.num,
      type: c.type,
      notNull: c.attnotnull,
      hasDefault: c.atthasdef && !c.gen,
      defaultVolatile:
        !!def &&
        /nextval\(|gen_random_uuid|uuid_generate|random\(|clock_timestamp|txid_current|gen_random_bytes/i.test(def),
      defaultUnstable:
        !!def &&
        /nextval|random|uuid|now|clock_timestamp|current_timestamp|statement_timestamp|timeofday|localtimestamp|current_date|txid_current|gen_random_bytes/i.test(
          def,
        ),
      identity: !!c.ident,
      generated: !!c.gen,
      base: c.base ?? '',
      baseTypmod: Number(c.base_typmod),
      isArray: !!c.is_array,
    };
    if (c.base_typtype === 'e') col.enumLabels = labels.get(Number(c.base_oid)) ?? [];
    t.cols.push(col);
  }
  const cons = await shadow.query<any>(
    `SELECT conrelid::int8 AS rel, conname, contype::text AS contype, conkey::int[] AS conkey,
            confrelid::int8 AS confrel, confkey::int[] AS confkey, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE conrelid IN (${oids}) AND contype IN ('f', 'c', 'u', 'p')`,
  );
  for (const c of cons) {
    const t = map.get(Number(c.rel))!;
    const conkey = parseIntArray(c.conkey);
    if (c.contype === 'f') {
      const parent = Number(c.confrel);
      if (map.has(parent)) t.fks.push({ cols: conkey, parent, parentCols: parseIntArray(c.confkey) });
    } else if (c.contype === 'c') t.checks.push({ name: c.conname, cols: conkey, def: c.def });
    else {
      t.uniques.push(conkey);
      if (c.contype === 'p') t.primaryKey = conkey;
    }
  }
  const idx = await shadow.query<{ rel: number; key: string }>(
    `SELECT indrelid::int8 AS rel, indkey::text AS key FROM pg_index WHERE indrelid IN (${oids}) AND indisunique AND indpred IS NULL`,
  );
  for (const i of idx) {
    const key = i.key.split(' ').map(Number);
    if (key.includes(0)) continue; // expression index
    map.get(Number(i.rel))!.uniques.push(key);
  }
  inferForeignKeys(map);
  return map;
}

const INTS = new Set(['int2', 'int4', 'int8']);

/**
 * A `user_id` (or Prisma's `userId`) column without a declared foreign key,
 * next to a `users` (`user`, `User`) table with a one-column primary key of a
 * compatible type, gets values from that table: production data is consistent,
 * so a later `ADD FOREIGN KEY` / `VALIDATE CONSTRAINT` must not fail on the
 * shadow just because the sample rows were random.
 */
function inferForeignKeys(map: Map<number, Tbl>): void {
  const byName = new Map<string, Tbl>();
  for (const t of map.values()) byName.set(`${t.schema}.${t.name.toLowerCase()}`, t);
  for (const t of map.values()) {
    for (const c of t.cols) {
      if (c.generated || c.identity || c.isArray) continue;
      if (t.fks.some((f) => f.cols.includes(c.num)) || t.primaryKey?.includes(c.num)) continue;
      const m = /^(.+?)(?:_id|Id|ID)$/.exec(c.name);
      if (!m) continue;
      const base = m[1]!.toLowerCase();
      const names = [base, `${base}s`, `${base}es`, base.replace(/y$/, 'ies')];
      const parent = names.map((nm) => byName.get(`${t.schema}.${nm}`)).find((p) => p && p !== t);
      const pk = parent?.primaryKey;
      if (!parent || !pk || pk.length !== 1) continue;
      const pcol = parent.cols.find((x) => x.num === pk[0]);
      if (!pcol) continue;
      const compatible = pcol.base === c.base || (INTS.has(pcol.base) && INTS.has(c.base));
      if (!compatible) continue;
      t.fks.push({ cols: [c.num], parent: parent.oid, parentCols: [pcol.num], inferred: true });
    }
  }
}

function parseIntArray(v: unknown): number[] {
  if (Array.isArray(v)) return v.map(Number);
  if (typeof v === 'string') return v.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
  return [];
}

/** Expression of the base type for row number `g`; undefined when zerodown cannot make one. */
function baseExpr(col: Col, table: Tbl, n: number): string | undefined {
  const tm = col.baseTypmod;
  switch (col.base) {
    case 'int2':
      return `(g % 30000)`;
    case 'int4':
    case 'int8':
    case 'oid':
      return `(g + 100000)`;
    case 'float4':
    case 'float8':
      return `(g * 1.5)`;
    case 'numeric': {
      if (tm >= 4) {
        const p = ((tm - 4) >> 16) & 0xffff;
        const s = (tm - 4) & 0xffff;
        const digits = p - s;
        return digits <= 0 ? `0` : `(g % ${10 ** Math.min(digits, 15)})`;
      }
      return `(g * 1.5)`;
    }
    case 'money':
      return `(g::numeric)`;
    case 'bool':
      return `(g % 2 = 0)`;
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'name':
    case 'citext': {
      const limit = col.base === 'varchar' || col.base === 'bpchar' ? tm - 4 : -1;
      const label = `${col.name}_`;
      if (limit > 0 && limit < label.length + String(n).length) return `(g::text)`;
      return `(${ql(label)} || g)`;
    }
    case 'uuid':
      return `(md5(${ql(`${table.display}.${col.name}.`)} || g)::uuid)`;
    case 'date':
      return `(date '2024-01-01' + (g % 3650))`;
    case 'timestamp':
    case 'timestamptz':
      return `(timestamp '2024-01-01 00:00:00' + g * interval '1 minute')`;
    case 'time':
    case 'timetz':
      return `(time '00:00' + g * interval '1 second')`;
    case 'interval':
      return `(g * interval '1 second')`;
    case 'json':
    case 'jsonb':
      return `(json_build_object('n', g)::text)`;
    case 'bytea':
      return `decode(md5(g::text), 'hex')`;
    case 'inet':
      return `(('10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256)::inet)`;
    case 'cidr':
      return `(('10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256 || '/32')::cidr)`;
    case 'macaddr':
      return `(('08:00:2b:' || lpad(to_hex((g / 65536) % 256), 2, '0') || ':' || lpad(to_hex((g / 256) % 256), 2, '0') || ':' || lpad(to_hex(g % 256), 2, '0'))::macaddr)`;
    case 'tsvector':
      return `to_tsvector('simple', 'word' || g)`;
    case 'ltree':
      return `('top.n' || g)`;
    case 'hstore':
      return `('k=>' || g)`;
    case 'xml':
      return `('<v>' || g || '</v>')`;
    case 'point':
      return `point(g, g)`;
    case 'int4range':
    case 'int8range':
    case 'numrange':
      return `${col.base}(g, g + 10)`;
    case 'tsrange':
    case 'tstzrange':
      return `${col.base}(timestamp '2024-01-01' + g * interval '1 minute', timestamp '2024-01-01' + (g + 1) * interval '1 minute')`;
    case 'daterange':
      return `daterange(date '2024-01-01' + g, date '2024-01-01' + g + 1)`;
    case 'bit':
      return `(g::int4::bit(${tm > 0 ? tm : 1}))`;
    case 'varbit':
      return `(g::int4::bit(32)::varbit)`;
    default:
      if (col.enumLabels?.length) {
        return `(ARRAY[${col.enumLabels.map(ql).join(', ')}])[1 + g % ${col.enumLabels.length}]`;
      }
      return undefined;
  }
}

function valueExpr(col: Col, table: Tbl, n: number, override?: string[]): string | undefined {
  let e: string | undefined;
  if (override?.length) {
    e = `(ARRAY[${override.join(', ')}])[1 + g % ${override.length}]`;
  } else {
    e = baseExpr(col, table, n);
  }
  if (e === undefined) return undefined;
  if (col.isArray) e = `ARRAY[${e}]`;
  return `(${e})::${col.type}`;
}

function inUnique(t: Tbl, num: number): boolean {
  return t.uniques.some((u) => u.includes(num));
}

interface Plan {
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
interface CheckFilter {
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
interface Combos {
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
function planInsert(
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

const colName = (t: Tbl, num: number) => qi(t.cols.find((c) => c.num === num)!.name);

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

/** Orders tables parents first (cycles broken arbitrarily; self references ignored). */
function order(tables: Map<number, Tbl>): Tbl[] {
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

/** Literal values a CHECK expression mentions: candidates that may satisfy it. */
function checkLiterals(def: string, col: Col): string[] {
  const strings = [...def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  const numbers = [...def.replace(/'(?:[^']|'')*'/g, '').matchAll(/(?<![\w.])(-?\d+(?:\.\d+)?)(?![\w.])/g)].map(
    (m) => m[1]!,
  );
  const numeric = ['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'money', 'oid'].includes(col.base);
  if (numeric) return [...new Set(numbers)];
  if (col.enumLabels) return [...new Set(strings.filter((s) => col.enumLabels!.includes(s)))].map(ql);
  return [...new Set(strings)].map(ql);
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

/** Sequences behind serial columns the INSERT set itself continue after the seeded values (the proof's policy). */
async function continueSequences(shadow: ProbeTarget, t: Tbl, names: string[]): Promise<void> {
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

export async function seed(shadow: ProbeTarget, opts: SeedOptions = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const n = opts.rows ?? 1000;
  const proof = opts.policy?.kind === 'proof';
  const result: SeedResult = { tables: 0, rows: new Map(), failures: [], durationMs: 0 };
  const tables = await loadTables(shadow);
  const only = opts.tables ? new Set(opts.tables.map((x) => (x.startsWith('public.') ? x.slice(7) : x))) : undefined;
  let replica = false;
  /** user triggers switched off one by one, when session_replication_role is not ours to set */
  let disabled: { rel: string; name: string }[] = [];
  try {
    // triggers off while seeding (they would write their own rows, or fail on synthetic ones)
    await shadow.exec('SET session_replication_role = replica');
    replica = true;
  } catch (err) {
    if (isShadowStop(err)) throw err;
    // not a superuser (the run role on a server): it owns the tables, so it may switch off their
    // enabled user triggers itself, and back on afterwards (those a migration disabled stay off)
    disabled = await shadow
      .query<{ rel: string; name: string }>(
        `SELECT t.tgrelid::regclass::text AS rel, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE NOT t.tgisinternal AND t.tgenabled = 'O' AND pg_has_role(c.relowner, 'USAGE')`,
      )
      .catch(() => []);
    for (const [i, d] of disabled.entries()) {
      try {
        await shadow.exec(`ALTER TABLE ${d.rel} DISABLE TRIGGER ${qi(d.name)}`);
      } catch {
        disabled = disabled.slice(0, i);
        break;
      }
    }
  }
  const filtered = new Set<string>();
  const todo = order(tables).filter((t) => !only || only.has(t.display));
  try {
    for (const t of todo) {
      opts.onProgress?.(result.tables, todo.length, t.display);
      result.tables++;
      if (n <= 0) continue;
      const nulls = new Set<number>();
      const literals = new Map<number, string[]>();
      const tried = new Set<string>();
      let filter: CheckFilter | undefined;
      let onConflict = false;
      for (let attempt = 0; attempt < 8; attempt++) {
        const plan = planInsert(t, tables, n, nulls, literals, filter, onConflict, proof);
        if (!plan) {
          result.failures.push({ table: t.display, code: '0A000', message: 'no generator for a NOT NULL column type' });
          break;
        }
        try {
          await shadow.exec(plan.sql);
          if (filter) filtered.add(t.display);
          if (proof) await continueSequences(shadow, t, plan.cols);
          break;
        } catch (err) {
          if (isShadowStop(err)) throw err; // overran the time bound: the engine is gone
          const e = toSqlError(err);
          if ((e.code === '23505' || e.code === '23P01') && !onConflict) {
            // a generated key collides with a row the migrations inserted: skip those rows
            onConflict = true;
            continue;
          }
          const name = /constraint "([^"]+)"/.exec(e.message)?.[1];
          const check = e.code === '23514' && name ? t.checks.find((c) => c.name === name) : undefined;
          if (check && tried.has(check.name) && !filter && t.checks.length) {
            // the simple fixes were not enough: filter random candidates through every CHECK
            filter = {
              checks: t.checks.map((c) => c.def.replace(/^CHECK\s*/, '').replace(/\s+NOT VALID$/, '')),
              factor: 40,
              materialized: shadow.serverVersion >= 12,
            };
            nulls.clear();
            literals.clear();
            const combos = await probeCombos(shadow, t, tables, n, filter, proof);
            if (combos) {
              // the NOT NULL CHECK columns cycle through the combinations' values, in step with their NULL bits
              filter = { ...filter, combos, factor: 4 };
              combos.notNull.forEach((num, i) =>
                literals.set(
                  num,
                  combos.rows.map((r) => r.values[i]!),
                ),
              );
            }
            continue;
          }
          if (check && !tried.has(check.name)) {
            tried.add(check.name);
            for (const num of check.cols) {
              const col = t.cols.find((c) => c.num === num);
              if (!col) continue;
              if (!col.notNull) nulls.add(num);
              else {
                const lits = checkLiterals(check.def, col);
                if (lits.length) literals.set(num, lits);
              }
            }
            continue;
          }
          result.failures.push({ table: t.display, code: e.code, message: e.message });
          break;
        }
      }
    }
  } finally {
    if (replica && !shadow.stopped) await shadow.exec('SET session_replication_role = DEFAULT');
    if (!shadow.stopped)
      for (const d of disabled) await shadow.exec(`ALTER TABLE ${d.rel} ENABLE TRIGGER ${qi(d.name)}`);
  }
  // row counts, in one round trip
  const list = [...tables.values()].filter((t) => !only || only.has(t.display));
  for (let i = 0; i < list.length; i += 200) {
    const chunk = list.slice(i, i + 200);
    if (!chunk.length) break;
    const rows = await shadow.query<{ t: string; n: number }>(
      chunk.map((t) => `SELECT ${ql(t.display)} AS t, count(*)::int8 AS n FROM ${rel(t)}`).join(' UNION ALL '),
    );
    for (const r of rows) result.rows.set(r.t, Number(r.n));
  }
  // a table left empty without an error: say why
  if (n > 0) {
    for (const t of list) {
      if (result.rows.get(t.display) !== 0 || result.failures.some((f) => f.table === t.display)) continue;
      result.failures.push(
        filtered.has(t.display)
          ? { table: t.display, code: '23514', message: 'no generated row satisfies its CHECK constraints' }
          : { table: t.display, code: '02000', message: 'no rows: a NOT NULL foreign key points at an empty table' },
      );
    }
  }
  result.durationMs = Math.round(performance.now() - t0);
  return result;
}
