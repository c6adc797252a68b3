/** Type names as PostgreSQL stores them, from libpg-query `TypeName` nodes. */

export interface TypeRef {
  /** canonical internal name: int4, int8, varchar, text, numeric, timestamptz, bpchar, … (or a user type's name) */
  name: string;
  /** schema when written qualified (other than pg_catalog) */
  schema?: string;
  /** type modifiers: varchar(200) → [200], numeric(10,2) → [10, 2], timestamp(3) → [3]; empty when none */
  mods: number[];
  /** array dimensions (0 for scalars) */
  arrayDims: number;
  /** written as serial/bigserial/smallserial */
  serial?: boolean;
}

// The parser already spells SQL-standard names the internal way (`integer` →
// pg_catalog.int4, `char(3)` → pg_catalog.bpchar). These cover what it leaves
// as written: serial pseudo-types and names given without pg_catalog. Note the
// quoted single-byte `"char"` arrives as plain `char` and stays `char`.
const ALIASES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  serial: 'int4',
  serial4: 'int4',
  bigserial: 'int8',
  serial8: 'int8',
  smallserial: 'int2',
  serial2: 'int2',
  boolean: 'bool',
  real: 'float4',
  'double precision': 'float8',
  float: 'float8',
  decimal: 'numeric',
  'character varying': 'varchar',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
};

const SERIALS = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);

function str(n: any): string | undefined {
  return n?.String?.sval;
}

function constInt(n: any): number | undefined {
  const c = n?.A_Const;
  if (!c) return undefined;
  if (c.ival) return c.ival.ival ?? 0;
  if ('ival' in c) return 0;
  if (c.sval) return undefined;
  return undefined;
}

/** Converts a libpg-query `TypeName` node (the inner object) into a `TypeRef`. */
export function typeRef(typeName: any): TypeRef {
  const names: string[] = (typeName?.names ?? []).map(str).filter((s: string | undefined): s is string => !!s);
  let schema: string | undefined;
  let name = names[names.length - 1] ?? 'unknown';
  if (names.length > 1) schema = names[names.length - 2];
  if (schema === 'pg_catalog') schema = undefined;
  const serial = !schema && SERIALS.has(name);
  if (!schema) name = ALIASES[name] ?? name;
  const mods: number[] = [];
  for (const m of typeName?.typmods ?? []) {
    const v = constInt(m);
    if (v !== undefined) mods.push(v);
  }
  // float(p): p <= 24 → float4, else float8
  if (name === 'float8' && names[names.length - 1] === 'float' && mods.length) {
    name = mods[0]! <= 24 ? 'float4' : 'float8';
    mods.length = 0;
  }
  const arrayDims = (typeName?.arrayBounds ?? []).length;
  const ref: TypeRef = { name, mods, arrayDims };
  if (schema) ref.schema = schema;
  if (serial) ref.serial = true;
  return ref;
}

const DISPLAY: Record<string, string> = {
  int4: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  bool: 'boolean',
  float4: 'real',
  float8: 'double precision',
  bpchar: 'char',
  varchar: 'varchar',
  timestamptz: 'timestamptz',
};

/** Human-readable SQL spelling, e.g. `varchar(200)`, `bigint`, `text[]`. */
export function typeToSql(t: TypeRef): string {
  let s = (t.schema ? `${t.schema}.` : '') + (DISPLAY[t.name] ?? t.name);
  if (t.serial) s = t.name === 'int8' ? 'bigserial' : t.name === 'int2' ? 'smallserial' : 'serial';
  if (t.mods.length) s += `(${t.mods.join(', ')})`;
  for (let i = 0; i < t.arrayDims; i++) s += '[]';
  return s;
}

export function sameType(a: TypeRef, b: TypeRef): boolean {
  return (
    a.name === b.name &&
    (a.schema ?? '') === (b.schema ?? '') &&
    a.arrayDims === b.arrayDims &&
    a.mods.length === b.mods.length &&
    a.mods.every((m, i) => m === b.mods[i])
  );
}
