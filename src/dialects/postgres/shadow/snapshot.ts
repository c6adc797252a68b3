/**
 * Schema and data snapshots of the shadow, for comparing two runs (the plan
 * verifier runs the original migration and the staged plan on two shadows and
 * checks they end in the same schema with the same data).
 */
import type { Shadow } from '../../../shadow/driver.js';

export interface ColumnSnapshot {
  type: string;
  notNull: boolean;
  default: string | null;
  /** identity (`a`lways / by `d`efault) or generated (`s`tored) marker, empty when neither */
  identity: string;
  generated: string;
}

export interface ConstraintSnapshot {
  /** p, u, f, c, x, n (PostgreSQL 18: NOT NULL constraints) */
  type: string;
  definition: string;
  validated: boolean;
}

export interface TableSnapshot {
  kind: string;
  columns: Record<string, ColumnSnapshot>;
  /** index name → pg_get_indexdef, plus `(INVALID)` when a concurrent build failed */
  indexes: Record<string, string>;
  constraints: Record<string, ConstraintSnapshot>;
}

export interface SchemaSnapshot {
  /** `schema.table` → table */
  tables: Record<string, TableSnapshot>;
  /** `schema.type` → labels in order */
  enums: Record<string, string[]>;
  /** `schema.view` → definition */
  views: Record<string, string>;
}

const USER_NS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

export async function snapshotSchema(shadow: Shadow): Promise<SchemaSnapshot> {
  const snap: SchemaSnapshot = { tables: {}, enums: {}, views: {} };
  const rels = await shadow.query<{ oid: number; key: string; relkind: string; def: string | null }>(
    `SELECT c.oid::int8 AS oid, n.nspname || '.' || c.relname AS key, c.relkind::text AS relkind,
            CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS def
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_NS}`,
  );
  const byOid = new Map<number, TableSnapshot>();
  for (const r of rels) {
    if (r.relkind === 'v') {
      snap.views[r.key] = (r.def ?? '').trim();
      continue;
    }
    const t: TableSnapshot = { kind: r.relkind, columns: {}, indexes: {}, constraints: {} };
    snap.tables[r.key] = t;
    byOid.set(Number(r.oid), t);
  }
  if (byOid.size) {
    const oids = [...byOid.keys()].join(',');
    const cols = await shadow.query<any>(
      `SELECT a.attrelid::int8 AS rel, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
              pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity::text AS ident, a.attgenerated::text AS gen
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid IN (${oids}) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum`,
    );
    for (const c of cols) {
      byOid.get(Number(c.rel))!.columns[c.attname] = {
        type: c.type,
        notNull: !!c.attnotnull,
        default: c.def ?? null,
        identity: c.ident ?? '',
        generated: c.gen ?? '',
      };
    }
    const idx = await shadow.query<any>(
      `SELECT i.indrelid::int8 AS rel, c.relname, pg_get_indexdef(i.indexrelid) AS def, i.indisvalid
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid IN (${oids})`,
    );
    for (const i of idx) byOid.get(Number(i.rel))!.indexes[i.relname] = i.def + (i.indisvalid ? '' : ' (INVALID)');
    const cons = await shadow.query<any>(
      `SELECT conrelid::int8 AS rel, conname, contype::text AS contype, pg_get_constraintdef(oid) AS def, convalidated
         FROM pg_constraint WHERE conrelid IN (${oids})`,
    );
    for (const c of cons) {
      // NOT VALID is in `validated`; the definition stays comparable across ADD … NOT VALID + VALIDATE
      const definition = String(c.def).replace(/ NOT VALID$/, '');
      byOid.get(Number(c.rel))!.constraints[c.conname] = { type: c.contype, definition, validated: !!c.convalidated };
    }
  }
  const enums = await shadow.query<{ key: string; label: string }>(
    `SELECT n.nspname || '.' || t.typname AS key, e.enumlabel AS label
       FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${USER_NS} ORDER BY key, e.enumsortorder`,
  );
  for (const e of enums) (snap.enums[e.key] ??= []).push(e.label);
  return snap;
}

/**
 * Differences between two snapshots, one line each, e.g.
 * `column public.users.email: nullable in a, NOT NULL in b`. Empty when equal.
 */
export function diffSchemas(a: SchemaSnapshot, b: SchemaSnapshot): string[] {
  const out: string[] = [];
  const keys = (x: object, y: object) => [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  for (const t of keys(a.tables, b.tables)) {
    const ta = a.tables[t];
    const tb = b.tables[t];
    if (!ta || !tb) {
      out.push(`table ${t}: only in ${ta ? 'a' : 'b'}`);
      continue;
    }
    for (const c of keys(ta.columns, tb.columns)) {
      const ca = ta.columns[c];
      const cb = tb.columns[c];
      if (!ca || !cb) {
        out.push(`column ${t}.${c}: only in ${ca ? 'a' : 'b'}`);
        continue;
      }
      if (ca.type !== cb.type) out.push(`column ${t}.${c}: type ${ca.type} in a, ${cb.type} in b`);
      if (ca.notNull !== cb.notNull)
        out.push(
          `column ${t}.${c}: ${ca.notNull ? 'NOT NULL' : 'nullable'} in a, ${cb.notNull ? 'NOT NULL' : 'nullable'} in b`,
        );
      if (ca.default !== cb.default)
        out.push(`column ${t}.${c}: default ${ca.default ?? 'none'} in a, ${cb.default ?? 'none'} in b`);
      if (ca.identity !== cb.identity || ca.generated !== cb.generated)
        out.push(`column ${t}.${c}: identity/generated differs`);
    }
    for (const i of keys(ta.indexes, tb.indexes)) {
      const ia = ta.indexes[i];
      const ib = tb.indexes[i];
      if (ia === undefined || ib === undefined) out.push(`index ${i} on ${t}: only in ${ia !== undefined ? 'a' : 'b'}`);
      else if (ia !== ib) out.push(`index ${i} on ${t}: ${ia} in a, ${ib} in b`);
    }
    for (const k of keys(ta.constraints, tb.constraints)) {
      const ka = ta.constraints[k];
      const kb = tb.constraints[k];
      if (!ka || !kb) {
        out.push(`constraint ${k} on ${t}: only in ${ka ? 'a' : 'b'}`);
        continue;
      }
      if (ka.definition !== kb.definition)
        out.push(`constraint ${k} on ${t}: ${ka.definition} in a, ${kb.definition} in b`);
      if (ka.validated !== kb.validated)
        out.push(
          `constraint ${k} on ${t}: ${ka.validated ? 'validated' : 'NOT VALID'} in a, ${kb.validated ? 'validated' : 'NOT VALID'} in b`,
        );
    }
  }
  for (const e of keys(a.enums, b.enums)) {
    const ea = a.enums[e];
    const eb = b.enums[e];
    if (!ea || !eb) out.push(`enum ${e}: only in ${ea ? 'a' : 'b'}`);
    else if (ea.join(',') !== eb.join(',')) out.push(`enum ${e}: (${ea.join(', ')}) in a, (${eb.join(', ')}) in b`);
  }
  for (const v of keys(a.views, b.views)) {
    const va = a.views[v];
    const vb = b.views[v];
    if (va === undefined || vb === undefined) out.push(`view ${v}: only in ${va !== undefined ? 'a' : 'b'}`);
    else if (va !== vb) out.push(`view ${v}: definition differs`);
  }
  return out;
}

export interface TableData {
  rows: number;
  /** md5 over the rows' text forms, sorted (independent of physical order) */
  hash: string;
}

/** Per-table content hash, `schema.table` → { rows, hash }. */
export async function snapshotData(shadow: Shadow): Promise<Record<string, TableData>> {
  const tables = await shadow.query<{ nspname: string; relname: string }>(
    `SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${USER_NS} ORDER BY 1, 2`,
  );
  const out: Record<string, TableData> = {};
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (const t of tables) {
    const [r] = await shadow.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int8 AS n, md5(COALESCE(string_agg(x.r, E'\\n' ORDER BY x.r), '')) AS h
         FROM (SELECT t::text AS r FROM ${q(t.nspname)}.${q(t.relname)} t) x`,
    );
    out[`${t.nspname}.${t.relname}`] = { rows: Number(r!.n), hash: r!.h ?? '' };
  }
  return out;
}

/** Tables whose data differs between two data snapshots, one line each. */
export function diffData(a: Record<string, TableData>, b: Record<string, TableData>): string[] {
  const out: string[] = [];
  for (const t of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[t];
    const y = b[t];
    if (!x || !y) out.push(`table ${t}: data only in ${x ? 'a' : 'b'}`);
    else if (x.rows !== y.rows) out.push(`table ${t}: ${x.rows} rows in a, ${y.rows} in b`);
    else if (x.hash !== y.hash) out.push(`table ${t}: same row count (${x.rows}), different contents`);
  }
  return out;
}
