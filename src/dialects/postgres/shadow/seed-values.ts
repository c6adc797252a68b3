/**
 * Seeding, step 3: the value of each column for row number `g`, chosen by its type (or cycled
 * through the literals a CHECK constraint mentions).
 */
import { ql, type Col, type Tbl } from './seed-schema.js';

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

export function valueExpr(col: Col, table: Tbl, n: number, override?: string[]): string | undefined {
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

/** Literal values a CHECK expression mentions: candidates that may satisfy it. */
export function checkLiterals(def: string, col: Col): string[] {
  const strings = [...def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  const numbers = [...def.replace(/'(?:[^']|'')*'/g, '').matchAll(/(?<![\w.])(-?\d+(?:\.\d+)?)(?![\w.])/g)].map(
    (m) => m[1]!,
  );
  const numeric = ['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'money', 'oid'].includes(col.base);
  if (numeric) return [...new Set(numbers)];
  if (col.enumLabels) return [...new Set(strings.filter((s) => col.enumLabels!.includes(s)))].map(ql);
  return [...new Set(strings)].map(ql);
}
