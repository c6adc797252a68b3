/**
 * Seeding, step 1: reading the schema to fill. Every user table (not an extension's, not a
 * partition), its columns with their base types, its foreign keys (declared, and inferred from
 * `user_id` next to `users`), unique keys and CHECK constraints, in one query per catalog.
 */
import type { ProbeTarget } from '../../../shadow/probes.js';
import { USER_SCHEMAS } from './inspect.js';

export interface Col {
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

export interface Fk {
  cols: number[];
  parent: number;
  parentCols: number[];
  /** not a declared foreign key: a `user_id` column next to a `users` table */
  inferred?: boolean;
}

export interface Tbl {
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

export const qi = (s: string) => `"${s.replace(/"/g, '""')}"`;
export const ql = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const rel = (t: { schema: string; name: string }) => `${qi(t.schema)}.${qi(t.name)}`;

export async function loadTables(shadow: ProbeTarget): Promise<Map<number, Tbl>> {
  const userNs = USER_SCHEMAS;
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

export function inUnique(t: Tbl, num: number): boolean {
  return t.uniques.some((u) => u.includes(num));
}

export const colName = (t: Tbl, num: number) => qi(t.cols.find((c) => c.num === num)!.name);
