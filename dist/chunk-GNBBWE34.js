import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  trackShadow,
  untrackShadow
} from "./chunk-JB5CXEFZ.js";
import {
  fastestOfBoth
} from "./chunk-NT3OVCB4.js";
import {
  MIN_SIGNAL_MS,
  REFERENCE_ROWS
} from "./chunk-KLJQAZEJ.js";
import {
  ShadowStoppedError,
  isShadowStop,
  majorVersion,
  timeoutMsOf,
  toSqlError,
  withinBound
} from "./chunk-SYUIUCCK.js";
import {
  statementLocks
} from "./chunk-N5OLXBFP.js";
import {
  moduleAhead,
  takeWorker
} from "./chunk-7HAOERLI.js";
import {
  breaksBatch,
  documentedLocks,
  notInTransaction,
  refusedOnShadow,
  txControl
} from "./chunk-OQTGZYYF.js";
import {
  LOCKS,
  displayTable,
  loadParser,
  lockStrength,
  parseMigration,
  quoteIdent
} from "./chunk-RB5SEY6D.js";
import {
  compilePglite,
  ownBuffer,
  pglite_initdb_default
} from "./chunk-2BY3P7E5.js";
import {
  effectiveTier
} from "./chunk-WHSIOZEN.js";

// src/dialects/postgres/shadow/extensions.ts
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
function extensionsIn(sources) {
  const out = /* @__PURE__ */ new Set();
  const re = /create\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"((?:[^"]|"")+)"|([a-z_][\w$-]*))/gi;
  for (const src of sources) {
    if (!/extension/i.test(src)) continue;
    for (const m of src.matchAll(re)) {
      const name = m[1] !== void 0 ? m[1].replace(/""/g, '"') : m[2].toLowerCase();
      out.add(name);
    }
  }
  return [...out].sort();
}
var BUNDLE_OF = {
  autoinc: "spi",
  insert_username: "spi",
  moddatetime: "spi",
  refint: "spi"
};
var REQUIRES = {
  earthdistance: ["cube"]
};
var BUILTIN_EXTENSIONS = /* @__PURE__ */ new Set(["plpgsql"]);
function bundleDirs(moduleDir2, pgliteDist) {
  const dirs = [moduleDir2];
  if (pgliteDist) dirs.push(pgliteDist);
  return dirs.filter((d) => existsSync(d));
}
function availableBundles(dirs) {
  const files = /* @__PURE__ */ new Map();
  for (const dir of dirs) {
    let list = [];
    try {
      list = readdirSync(dir);
    } catch {
      continue;
    }
    for (const f of list) {
      if (!f.endsWith(".tar.gz") || f.startsWith("pglite-")) continue;
      const name = f.slice(0, -".tar.gz".length);
      if (!files.has(name)) files.set(name, path.join(dir, f));
    }
  }
  const out = /* @__PURE__ */ new Map();
  for (const [name, file] of files) out.set(name, file);
  for (const [ext, bundle] of Object.entries(BUNDLE_OF)) {
    const f = files.get(bundle);
    if (f) out.set(ext, f);
  }
  return out;
}
function resolveBundles(wanted, available) {
  const load = /* @__PURE__ */ new Map();
  const missing = [];
  const visit = (name) => {
    if (BUILTIN_EXTENSIONS.has(name)) return;
    const file = available.get(name);
    if (!file) {
      if (!missing.includes(name)) missing.push(name);
      return;
    }
    if (![...load.values()].some((b) => b.file === file)) load.set(name, { name, file });
    for (const dep of REQUIRES[name] ?? []) visit(dep);
  };
  for (const w of wanted) visit(w);
  return { load: [...load.values()], missing };
}

// src/dialects/postgres/shadow/inspect.ts
var USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
async function relations(shadow) {
  const [row] = await shadow.query(
    `SELECT json_agg(json_build_array(c.oid::int8, n.nspname, c.relname, c.relkind::text, c.relfilenode::int8))::text AS rels
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${USER_SCHEMAS}`
  );
  const map = /* @__PURE__ */ new Map();
  const rels = JSON.parse(row?.rels ?? "[]");
  for (const [oid, nspname, relname, relkind, filenode] of rels)
    map.set(oid, { oid, name: displayTable(`${nspname}.${relname}`), relkind, filenode });
  return map;
}
async function ownLocks(shadow) {
  const rows = await shadow.query(
    `SELECT l.relation::int8 AS oid, l.mode
       FROM pg_locks l
      WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`
  );
  return rows.map((r) => ({ oid: Number(r.oid), mode: r.mode }));
}
function lockEffect(mode) {
  const l = LOCKS[mode];
  return l ? { blocksReads: l.blocksReads, blocksWrites: l.blocksWrites } : { blocksReads: false, blocksWrites: false };
}
function isAuxiliary(kind) {
  return kind === "index" || kind === "sequence";
}
var RELKIND = {
  r: "table",
  p: "table",
  i: "index",
  I: "index",
  S: "sequence",
  v: "view",
  m: "materialized view",
  f: "foreign table",
  c: "type",
  t: "toast"
};

// src/dialects/postgres/shadow/seed-schema.ts
var qi = (s) => `"${s.replace(/"/g, '""')}"`;
var ql = (s) => `'${s.replace(/'/g, "''")}'`;
var rel = (t) => `${qi(t.schema)}.${qi(t.name)}`;
async function loadTables(shadow) {
  const userNs = USER_SCHEMAS;
  const tables = await shadow.query(
    `SELECT c.oid::int8 AS oid, n.nspname, c.relname
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userNs}
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY n.nspname, c.relname`
  );
  const map = /* @__PURE__ */ new Map();
  for (const t of tables) {
    const oid = Number(t.oid);
    map.set(oid, {
      oid,
      schema: t.nspname,
      name: t.relname,
      display: t.nspname === "public" ? t.relname : `${t.nspname}.${t.relname}`,
      cols: [],
      fks: [],
      uniques: [],
      checks: []
    });
  }
  if (!map.size) return map;
  const oids = [...map.keys()].join(",");
  const cols = await shadow.query(
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
      ORDER BY a.attrelid, a.attnum`
  );
  const enumOids = /* @__PURE__ */ new Set();
  for (const c of cols) if (c.base_typtype === "e") enumOids.add(Number(c.base_oid));
  const labels = /* @__PURE__ */ new Map();
  if (enumOids.size) {
    const rows = await shadow.query(
      `SELECT enumtypid::int8 AS oid, enumlabel AS label FROM pg_enum WHERE enumtypid IN (${[...enumOids].join(",")}) ORDER BY enumtypid, enumsortorder`
    );
    for (const r of rows) {
      const k = Number(r.oid);
      labels.set(k, [...labels.get(k) ?? [], r.label]);
    }
  }
  for (const c of cols) {
    const t = map.get(Number(c.rel));
    const def = c.def;
    const col = {
      name: c.attname,
      num: c.num,
      type: c.type,
      notNull: c.attnotnull,
      hasDefault: c.atthasdef && !c.gen,
      defaultVolatile: !!def && /nextval\(|gen_random_uuid|uuid_generate|random\(|clock_timestamp|txid_current|gen_random_bytes/i.test(def),
      defaultUnstable: !!def && /nextval|random|uuid|now|clock_timestamp|current_timestamp|statement_timestamp|timeofday|localtimestamp|current_date|txid_current|gen_random_bytes/i.test(
        def
      ),
      identity: !!c.ident,
      generated: !!c.gen,
      base: c.base ?? "",
      baseTypmod: Number(c.base_typmod),
      isArray: !!c.is_array
    };
    if (c.base_typtype === "e") col.enumLabels = labels.get(Number(c.base_oid)) ?? [];
    t.cols.push(col);
  }
  const cons = await shadow.query(
    `SELECT conrelid::int8 AS rel, conname, contype::text AS contype, conkey::int[] AS conkey,
            confrelid::int8 AS confrel, confkey::int[] AS confkey, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE conrelid IN (${oids}) AND contype IN ('f', 'c', 'u', 'p')`
  );
  for (const c of cons) {
    const t = map.get(Number(c.rel));
    const conkey = parseIntArray(c.conkey);
    if (c.contype === "f") {
      const parent = Number(c.confrel);
      if (map.has(parent)) t.fks.push({ cols: conkey, parent, parentCols: parseIntArray(c.confkey) });
    } else if (c.contype === "c") t.checks.push({ name: c.conname, cols: conkey, def: c.def });
    else {
      t.uniques.push(conkey);
      if (c.contype === "p") t.primaryKey = conkey;
    }
  }
  const idx = await shadow.query(
    `SELECT indrelid::int8 AS rel, indkey::text AS key FROM pg_index WHERE indrelid IN (${oids}) AND indisunique AND indpred IS NULL`
  );
  for (const i of idx) {
    const key = i.key.split(" ").map(Number);
    if (key.includes(0)) continue;
    map.get(Number(i.rel)).uniques.push(key);
  }
  inferForeignKeys(map);
  return map;
}
var INTS = /* @__PURE__ */ new Set(["int2", "int4", "int8"]);
function inferForeignKeys(map) {
  const byName = /* @__PURE__ */ new Map();
  for (const t of map.values()) byName.set(`${t.schema}.${t.name.toLowerCase()}`, t);
  for (const t of map.values()) {
    for (const c of t.cols) {
      if (c.generated || c.identity || c.isArray) continue;
      if (t.fks.some((f) => f.cols.includes(c.num)) || t.primaryKey?.includes(c.num)) continue;
      const m = /^(.+?)(?:_id|Id|ID)$/.exec(c.name);
      if (!m) continue;
      const base = m[1].toLowerCase();
      const names = [base, `${base}s`, `${base}es`, base.replace(/y$/, "ies")];
      const parent = names.map((nm) => byName.get(`${t.schema}.${nm}`)).find((p) => p && p !== t);
      const pk = parent?.primaryKey;
      if (!parent || !pk || pk.length !== 1) continue;
      const pcol = parent.cols.find((x) => x.num === pk[0]);
      if (!pcol) continue;
      const compatible = pcol.base === c.base || INTS.has(pcol.base) && INTS.has(c.base);
      if (!compatible) continue;
      t.fks.push({ cols: [c.num], parent: parent.oid, parentCols: [pcol.num], inferred: true });
    }
  }
}
function parseIntArray(v) {
  if (Array.isArray(v)) return v.map(Number);
  if (typeof v === "string") return v.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
  return [];
}
function inUnique(t, num) {
  return t.uniques.some((u) => u.includes(num));
}
var colName = (t, num) => qi(t.cols.find((c) => c.num === num).name);

// src/dialects/postgres/shadow/seed-values.ts
function baseExpr(col, table, n) {
  const tm = col.baseTypmod;
  switch (col.base) {
    case "int2":
      return `(g % 30000)`;
    case "int4":
    case "int8":
    case "oid":
      return `(g + 100000)`;
    case "float4":
    case "float8":
      return `(g * 1.5)`;
    case "numeric": {
      if (tm >= 4) {
        const p = tm - 4 >> 16 & 65535;
        const s = tm - 4 & 65535;
        const digits = p - s;
        return digits <= 0 ? `0` : `(g % ${10 ** Math.min(digits, 15)})`;
      }
      return `(g * 1.5)`;
    }
    case "money":
      return `(g::numeric)`;
    case "bool":
      return `(g % 2 = 0)`;
    case "text":
    case "varchar":
    case "bpchar":
    case "name":
    case "citext": {
      const limit = col.base === "varchar" || col.base === "bpchar" ? tm - 4 : -1;
      const label = `${col.name}_`;
      if (limit > 0 && limit < label.length + String(n).length) return `(g::text)`;
      return `(${ql(label)} || g)`;
    }
    case "uuid":
      return `(md5(${ql(`${table.display}.${col.name}.`)} || g)::uuid)`;
    case "date":
      return `(date '2024-01-01' + (g % 3650))`;
    case "timestamp":
    case "timestamptz":
      return `(timestamp '2024-01-01 00:00:00' + g * interval '1 minute')`;
    case "time":
    case "timetz":
      return `(time '00:00' + g * interval '1 second')`;
    case "interval":
      return `(g * interval '1 second')`;
    case "json":
    case "jsonb":
      return `(json_build_object('n', g)::text)`;
    case "bytea":
      return `decode(md5(g::text), 'hex')`;
    case "inet":
      return `(('10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256)::inet)`;
    case "cidr":
      return `(('10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256 || '/32')::cidr)`;
    case "macaddr":
      return `(('08:00:2b:' || lpad(to_hex((g / 65536) % 256), 2, '0') || ':' || lpad(to_hex((g / 256) % 256), 2, '0') || ':' || lpad(to_hex(g % 256), 2, '0'))::macaddr)`;
    case "tsvector":
      return `to_tsvector('simple', 'word' || g)`;
    case "ltree":
      return `('top.n' || g)`;
    case "hstore":
      return `('k=>' || g)`;
    case "xml":
      return `('<v>' || g || '</v>')`;
    case "point":
      return `point(g, g)`;
    case "int4range":
    case "int8range":
    case "numrange":
      return `${col.base}(g, g + 10)`;
    case "tsrange":
    case "tstzrange":
      return `${col.base}(timestamp '2024-01-01' + g * interval '1 minute', timestamp '2024-01-01' + (g + 1) * interval '1 minute')`;
    case "daterange":
      return `daterange(date '2024-01-01' + g, date '2024-01-01' + g + 1)`;
    case "bit":
      return `(g::int4::bit(${tm > 0 ? tm : 1}))`;
    case "varbit":
      return `(g::int4::bit(32)::varbit)`;
    default:
      if (col.enumLabels?.length) {
        return `(ARRAY[${col.enumLabels.map(ql).join(", ")}])[1 + g % ${col.enumLabels.length}]`;
      }
      return void 0;
  }
}
function valueExpr(col, table, n, override) {
  let e;
  if (override?.length) {
    e = `(ARRAY[${override.join(", ")}])[1 + g % ${override.length}]`;
  } else {
    e = baseExpr(col, table, n);
  }
  if (e === void 0) return void 0;
  if (col.isArray) e = `ARRAY[${e}]`;
  return `(${e})::${col.type}`;
}
function checkLiterals(def, col) {
  const strings = [...def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
  const numbers = [...def.replace(/'(?:[^']|'')*'/g, "").matchAll(/(?<![\w.])(-?\d+(?:\.\d+)?)(?![\w.])/g)].map(
    (m) => m[1]
  );
  const numeric = ["int2", "int4", "int8", "numeric", "float4", "float8", "money", "oid"].includes(col.base);
  if (numeric) return [...new Set(numbers)];
  if (col.enumLabels) return [...new Set(strings.filter((s) => col.enumLabels.includes(s)))].map(ql);
  return [...new Set(strings)].map(ql);
}

// src/dialects/postgres/shadow/seed-insert.ts
var PROBE_CANDIDATES = 4096;
var where = (conds) => conds.length ? `
 WHERE ${conds.join(" AND ")}` : "";
var NULL_MULTIPLIERS = [7919, 104729, 1299709, 15485863, 179424673, 2147483647, 48271, 69621, 16807, 39916801];
var nullPrime = (num) => NULL_MULTIPLIERS[num % NULL_MULTIPLIERS.length];
function planInsert(t, tables, n, nulls, literals, filter, onConflict = false, proof = false) {
  const conflict = onConflict ? "\nON CONFLICT DO NOTHING" : "";
  const combos = filter?.combos;
  const pick = (xs) => `(ARRAY[${xs.join(", ")}])[1 + g % ${xs.length}]`;
  const randomNull = (c, v) => {
    if (!filter || c.notNull) return v;
    const j = combos?.nullable.indexOf(c.num) ?? -1;
    if (j >= 0) return `CASE WHEN ${pick(combos.rows.map((r) => r.bits))} & ${1 << j} <> 0 THEN NULL ELSE ${v} END`;
    return `CASE WHEN (g::int8 * ${nullPrime(c.num)} % 1000003) % 2 = 0 THEN NULL ELSE ${v} END`;
  };
  const ctes = [];
  const joins = [];
  const conds = [];
  const names = [];
  const values = [];
  const fkCol = /* @__PURE__ */ new Map();
  let ctr = 0;
  const self = /* @__PURE__ */ new Map();
  const plain = /* @__PURE__ */ new Map();
  for (const c of t.cols) plain.set(c.num, valueExpr(c, t, n, literals.get(c.num)));
  for (const fk of t.fks) {
    if (fk.cols.some((c) => fkCol.has(c))) continue;
    const childCols = fk.cols.map((num) => t.cols.find((c) => c.num === num));
    if (childCols.some((c) => !c || c.generated || c.identity)) continue;
    const nullable = childCols.every((c) => !c.notNull);
    if (nullable && childCols.some((c) => nulls.has(c.num))) continue;
    if (fk.parent === t.oid) {
      const exprs = fk.parentCols.map((pc) => {
        const col = t.cols.find((c) => c.num === pc);
        return col && !(col.hasDefault && col.defaultVolatile) && !col.identity ? plain.get(pc) : void 0;
      });
      if (exprs.every((e) => e !== void 0)) {
        fk.cols.forEach((c, i) => self.set(c, exprs[i]));
      }
      fk.cols.forEach((c) => fkCol.set(c, self.get(c) ?? `NULL::${t.cols.find((x) => x.num === c).type}`));
      continue;
    }
    const parent = tables.get(fk.parent);
    const pcols = fk.parentCols.map((pc) => parent.cols.find((c) => c.num === pc)?.name);
    if (pcols.some((c) => c === void 0)) continue;
    const alias = `p${ctr++}`;
    const keyOrder = proof ? ` ORDER BY ${pcols.map((c) => qi(c)).join(", ")}` : "";
    const unique = t.uniques.some((u) => u.every((num) => fk.cols.includes(num)));
    ctes.push(
      `${alias} AS (SELECT ${pcols.map((c, i) => `array_agg(${qi(c)}${keyOrder}) AS a${i}`).join(", ")} FROM ${rel(parent)} WHERE ${pcols.map((c) => `${qi(c)} IS NOT NULL`).join(" AND ")})`
    );
    joins.push(`CROSS JOIN ${alias}`);
    const at = unique ? "g" : `1 + (g - 1) % cardinality(${alias}.a0)`;
    if (!nullable) conds.push(unique ? `g <= cardinality(${alias}.a0)` : `${alias}.a0 IS NOT NULL`);
    fk.cols.forEach((c, i) => fkCol.set(c, `${alias}.a${i}[${at}]`));
  }
  for (const c of t.cols) {
    if (c.generated || c.identity) continue;
    if (fkCol.has(c.num)) {
      names.push(qi(c.name));
      values.push(randomNull(c, fkCol.get(c.num)));
      continue;
    }
    if (nulls.has(c.num) && !c.notNull) {
      continue;
    }
    if (c.hasDefault && !literals.has(c.num) && !(proof && c.defaultUnstable)) {
      if (c.defaultVolatile || !inUnique(t, c.num)) continue;
    }
    const v = plain.get(c.num);
    if (v === void 0) {
      if (c.notNull && !c.hasDefault) return void 0;
      continue;
    }
    names.push(qi(c.name));
    values.push(
      filter ? randomNull(c, v) : !proof && !c.notNull && !c.hasDefault && !inUnique(t, c.num) ? `CASE WHEN g % 10 = 0 THEN NULL ELSE ${v} END` : v
    );
  }
  if (!names.length) {
    return { sql: `INSERT INTO ${rel(t)} SELECT FROM generate_series(1, ${n}) g${conflict}`, cols: [] };
  }
  if (filter) {
    const count = filter.probe ? PROBE_CANDIDATES : n * filter.factor;
    const cand = `cand AS ${filter.materialized ? "MATERIALIZED " : ""}(SELECT ${values.map((v, i) => `${v} AS ${names[i]}`).join(",\n       ")}
  FROM generate_series(1, ${count}) g ${joins.join(" ")}${where(conds)})`;
    const checks = filter.checks.map((c) => `(${c}) IS NOT FALSE`).join(" AND ");
    if (filter.probe) {
      const { notNull, nullable } = comboColumns(t, names, fkCol);
      if (!notNull.length && !nullable.length) return void 0;
      const bits = nullable.length ? nullable.map((num, j) => `CASE WHEN ${colName(t, num)} IS NULL THEN ${1 << j} ELSE 0 END`).join(" + ") : "0";
      const sql3 = `WITH ${[...ctes, cand].join(",\n     ")}
SELECT DISTINCT ${[...notNull.map((num, i) => `${colName(t, num)}::text AS v${i}`), `${bits} AS bits`].join(", ")} FROM cand WHERE ${checks}` + (proof ? ` ORDER BY ${notNull.map((_, i) => `${i + 1}`).concat(`${notNull.length + 1}`).join(", ")}` : "");
      return { sql: sql3, cols: [], combo: { notNull, nullable } };
    }
    const sql2 = `WITH ${[...ctes, cand].join(",\n     ")}
INSERT INTO ${rel(t)} (${names.join(", ")})
SELECT ${names.join(", ")} FROM cand WHERE ${checks} LIMIT ${n}${conflict}`;
    return { sql: sql2, cols: names };
  }
  const withClause = ctes.length ? `WITH ${ctes.join(",\n     ")}
` : "";
  const sql = `${withClause}INSERT INTO ${rel(t)} (${names.join(", ")})
SELECT ${values.join(",\n       ")}
  FROM generate_series(1, ${n}) g ${joins.join(" ")}${where(conds)}${conflict}`;
  return { sql, cols: names };
}
function comboColumns(t, names, fkCol) {
  const mentioned = new Set(t.checks.flatMap((c) => c.cols));
  const set = new Set(names);
  const cols = t.cols.filter(
    (c) => mentioned.has(c.num) && set.has(qi(c.name)) && !fkCol.has(c.num) && !inUnique(t, c.num) && !c.isArray
  );
  const nullable = [
    ...cols.filter((c) => !c.notNull).map((c) => c.num),
    // nullable foreign keys: whether they are NULL is what a num_nonnulls CHECK looks at
    ...t.cols.filter((c) => mentioned.has(c.num) && !c.notNull && fkCol.has(c.num)).map((c) => c.num)
  ];
  return { notNull: cols.filter((c) => c.notNull).map((c) => c.num), nullable: nullable.slice(0, 12) };
}

// src/dialects/postgres/shadow/seed-checks.ts
function simpleCheckFix(t, check, nulls, literals) {
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
async function checkFilter(shadow, t, tables, n, proof, literals) {
  let filter = {
    checks: t.checks.map((c) => c.def.replace(/^CHECK\s*/, "").replace(/\s+NOT VALID$/, "")),
    factor: 40,
    materialized: shadow.serverVersion >= 12
  };
  const combos = await probeCombos(shadow, t, tables, n, filter, proof);
  if (combos) {
    filter = { ...filter, combos, factor: 4 };
    combos.notNull.forEach(
      (num, i) => literals.set(
        num,
        combos.rows.map((r) => r.values[i])
      )
    );
  }
  return filter;
}
async function probeCombos(shadow, t, tables, n, filter, proof) {
  const plan = planInsert(t, tables, n, /* @__PURE__ */ new Set(), /* @__PURE__ */ new Map(), { ...filter, probe: true }, false, proof);
  if (!plan?.combo) return void 0;
  const { notNull, nullable } = plan.combo;
  try {
    const rows = await shadow.query(plan.sql);
    if (!rows.length) return void 0;
    return {
      notNull,
      nullable,
      rows: rows.map((r) => ({ values: notNull.map((_, i) => ql(String(r[`v${i}`]))), bits: Number(r.bits) }))
    };
  } catch (err) {
    if (isShadowStop(err)) throw err;
    return void 0;
  }
}

// src/dialects/postgres/shadow/seed-order.ts
function order(tables) {
  const out = [];
  const state = /* @__PURE__ */ new Map();
  const visit = (t) => {
    if (state.get(t.oid)) return;
    state.set(t.oid, 1);
    for (const fk of t.fks) {
      if (fk.parent !== t.oid) visit(tables.get(fk.parent));
    }
    state.set(t.oid, 2);
    out.push(t);
  };
  for (const t of tables.values()) visit(t);
  return out;
}

// src/dialects/postgres/shadow/seed-policy.ts
var isProofPolicy = (opts) => opts.policy?.kind === "proof";
async function continueSequences(shadow, t, names) {
  for (const c of t.cols) {
    if (!c.defaultUnstable || !names.includes(qi(c.name))) continue;
    await shadow.exec(
      `SELECT setval(s, (SELECT max(${qi(c.name)}) FROM ${rel(t)})) FROM pg_get_serial_sequence(${ql(rel(t))}, ${ql(c.name)}) AS s WHERE s IS NOT NULL`
    ).catch((err) => {
      if (isShadowStop(err)) throw err;
    });
  }
}

// src/dialects/postgres/shadow/seed-scope.ts
var NAMED_REACH = /* @__PURE__ */ new Set([
  "AlterTableStmt",
  "IndexStmt",
  "CreateStmt",
  "CreateTableAsStmt",
  "ViewStmt",
  "InsertStmt",
  "UpdateStmt",
  "DeleteStmt",
  "MergeStmt",
  "SelectStmt",
  "TruncateStmt",
  "DropStmt",
  "RenameStmt",
  "CommentStmt",
  "GrantStmt",
  "GrantRoleStmt",
  "CreateRoleStmt",
  "AlterRoleStmt",
  "TransactionStmt",
  "VariableSetStmt",
  "VariableShowStmt",
  "CreateSeqStmt",
  "AlterSeqStmt",
  "CreateEnumStmt",
  "AlterEnumStmt",
  "CompositeTypeStmt",
  "CreateExtensionStmt",
  "CreatePolicyStmt",
  "AlterPolicyStmt",
  "CreateFunctionStmt",
  "CreateSchemaStmt",
  "CreateDomainStmt",
  "DefineStmt",
  "AlterFunctionStmt",
  "ClusterStmt",
  "ReindexStmt",
  "VacuumStmt",
  "LockStmt",
  "RefreshMatViewStmt",
  "CreateStatsStmt",
  "AlterOwnerStmt",
  "AlterObjectSchemaStmt",
  "AlterDefaultPrivilegesStmt"
]);
var REACHES_CHILDREN = /* @__PURE__ */ new Set(["AT_AlterColumnType"]);
var DROP_RELATION = /* @__PURE__ */ new Set([
  "OBJECT_TABLE",
  "OBJECT_INDEX",
  "OBJECT_VIEW",
  "OBJECT_MATVIEW",
  "OBJECT_SEQUENCE",
  "OBJECT_FOREIGN_TABLE"
]);
var sval = (n) => n?.String?.sval;
function collect(node, rels, funcs, children) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== "object") continue;
    if (Array.isArray(n)) {
      for (const x of n) stack.push(x);
      continue;
    }
    const o = n;
    if (typeof o.relname === "string")
      add(rels, rangeVarParts(o), children);
    if (o.FuncCall?.funcname) {
      const parts = o.FuncCall.funcname.map(sval).filter((x) => !!x);
      if (parts.length) funcs.add(parts.join("."));
    }
    for (const v of Object.values(o)) if (v && typeof v === "object") stack.push(v);
  }
}
function rangeVarParts(rv) {
  return rv.schemaname ? [rv.schemaname, rv.relname] : [rv.relname];
}
function add(rels, parts, children) {
  const key = JSON.stringify(parts);
  const had = rels.get(key);
  if (!had) {
    rels.set(key, { parts, children });
    return;
  }
  if (had.children === true || children === false) return;
  if (children === true || had.children === false) {
    had.children = children;
    return;
  }
  had.children = [.../* @__PURE__ */ new Set([...had.children, ...children])];
}
function seedScope(statements) {
  const rels = /* @__PURE__ */ new Map();
  const functions = /* @__PURE__ */ new Set();
  const created = /* @__PURE__ */ new Set();
  for (const s of statements) {
    if (!NAMED_REACH.has(s.kind)) return void 0;
    const ast = s.ast;
    if (!ast) return void 0;
    let own;
    let children = false;
    switch (s.kind) {
      case "UpdateStmt":
        own = ast.relation?.relname ? rangeVarParts(ast.relation) : void 0;
        children = (ast.targetList ?? []).map((t) => t?.ResTarget?.name).filter((x) => !!x);
        break;
      case "DeleteStmt":
      case "MergeStmt":
        own = ast.relation?.relname ? rangeVarParts(ast.relation) : void 0;
        children = true;
        break;
      case "AlterTableStmt": {
        own = ast.relation?.relname ? rangeVarParts(ast.relation) : void 0;
        const cmds = (ast.cmds ?? []).map((c) => c?.AlterTableCmd?.subtype);
        children = cmds.some((c) => REACHES_CHILDREN.has(c));
        break;
      }
      case "TruncateStmt":
      case "LockStmt":
        for (const r of ast.relations ?? []) if (r?.RangeVar?.relname) add(rels, rangeVarParts(r.RangeVar), true);
        break;
      case "DropStmt":
        if (!DROP_RELATION.has(ast.removeType)) break;
        for (const obj of ast.objects ?? []) {
          const parts = (obj?.List?.items ?? []).map(sval).filter((x) => !!x);
          if (parts.length) add(rels, parts, true);
        }
        break;
      case "RenameStmt":
      case "AlterObjectSchemaStmt":
      case "AlterOwnerStmt":
      case "CommentStmt":
      case "GrantStmt":
        break;
    }
    if (s.kind === "CreateFunctionStmt") {
      const name = (ast.funcname ?? []).map(sval).at(-1);
      if (name) created.add(name);
    }
    if (own) add(rels, own, children);
    collect(ast, rels, functions, false);
  }
  for (const f of functions) if (created.has(f.split(".").at(-1))) return void 0;
  return { relations: [...rels.values()], functions: [...functions] };
}
async function scopeTables(shadow, tables, scope) {
  const fnames = [...new Set(scope.functions.map((f) => f.split(".").at(-1)))];
  if (fnames.length) {
    const [user] = await shadow.query(
      `SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.proname IN (${fnames.map(ql).join(", ")}) AND ${USER_SCHEMAS}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`
    );
    if (Number(user?.n) > 0) return void 0;
  }
  const picked = /* @__PURE__ */ new Set();
  const reach = /* @__PURE__ */ new Map();
  if (scope.relations.length) {
    const names = scope.relations.map((r) => ql(r.parts.map(qi).join(".")));
    const rows = await shadow.query(
      `WITH RECURSIVE named AS (
         SELECT u.i, to_regclass(u.n)::oid AS oid FROM unnest(ARRAY[${names.join(", ")}]::text[]) WITH ORDINALITY AS u(n, i)
       ), rels(i, oid) AS (
         SELECT i, oid FROM named WHERE oid IS NOT NULL
         UNION
         SELECT rels.i, d.refobjid FROM rels JOIN pg_rewrite r ON r.ev_class = rels.oid
           JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
            AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> rels.oid
       )
       SELECT rels.i::int AS i, c.oid::int8 AS oid,
              (SELECT x.indrelid::int8 FROM pg_index x WHERE x.indexrelid = c.oid) AS idx,
              (SELECT d.refobjid::int8 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1) AS owner,
              ${shadow.serverVersion >= 12 ? "CASE WHEN c.relispartition THEN pg_partition_root(c.oid)::int8 END" : "NULL::int8"} AS root
         FROM rels JOIN pg_class c ON c.oid = rels.oid`
    );
    for (const r of rows) {
      const oid = [r.oid, r.idx, r.owner, r.root].map(Number).find((x) => tables.has(x));
      if (oid === void 0) continue;
      picked.add(oid);
      const children = scope.relations[Number(r.i) - 1]?.children;
      if (!children || Array.isArray(children) && !children.length) continue;
      const had = reach.get(oid);
      if (children === true || had === true) reach.set(oid, true);
      else reach.set(oid, /* @__PURE__ */ new Set([...had ?? [], ...children]));
    }
  }
  if (!picked.size) return picked;
  const triggers = await shadow.query(
    `SELECT t.tgrelid::int8 AS rel, p.prosrc AS src FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'`
  );
  const named = (src, t) => new RegExp(`(^|[^\\w$])"?${escapeRegExp(t.name)}"?($|[^\\w$])`, "i").test(src);
  const todo = [...picked];
  const pick = (oid) => {
    if (picked.has(oid) || !tables.has(oid)) return;
    picked.add(oid);
    todo.push(oid);
  };
  while (todo.length) {
    const oid = todo.pop();
    const t = tables.get(oid);
    for (const fk of t.fks) pick(fk.parent);
    for (const trg of triggers) {
      if (Number(trg.rel) !== oid) continue;
      for (const other of tables.values()) if (named(trg.src, other)) pick(other.oid);
    }
    const r = reach.get(oid);
    if (!r) continue;
    for (const child of tables.values()) {
      for (const fk of child.fks) {
        if (fk.parent !== oid) continue;
        const cols = fk.parentCols.map((n) => t.cols.find((c) => c.num === n)?.name);
        if (r !== true && !cols.some((c) => c !== void 0 && r.has(c))) continue;
        if (!reach.has(child.oid)) reach.set(child.oid, true);
        pick(child.oid);
      }
    }
  }
  return picked;
}
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// src/dialects/postgres/shadow/seed-triggers.ts
async function pauseTriggers(shadow) {
  let replica = false;
  let disabled = [];
  try {
    await shadow.exec("SET session_replication_role = replica");
    replica = true;
  } catch (err) {
    if (isShadowStop(err)) throw err;
    disabled = await shadow.query(
      `SELECT t.tgrelid::regclass::text AS rel, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE NOT t.tgisinternal AND t.tgenabled = 'O' AND pg_has_role(c.relowner, 'USAGE')`
    ).catch(() => []);
    for (const [i, d] of disabled.entries()) {
      try {
        await shadow.exec(`ALTER TABLE ${d.rel} DISABLE TRIGGER ${qi(d.name)}`);
      } catch {
        disabled = disabled.slice(0, i);
        break;
      }
    }
  }
  return { replica, disabled };
}
async function resumeTriggers(shadow, paused) {
  if (paused.replica && !shadow.stopped) await shadow.exec("SET session_replication_role = DEFAULT");
  if (!shadow.stopped)
    for (const d of paused.disabled) await shadow.exec(`ALTER TABLE ${d.rel} ENABLE TRIGGER ${qi(d.name)}`);
}

// src/dialects/postgres/shadow/seed.ts
async function seed(shadow, opts = {}) {
  const t0 = performance.now();
  const n = opts.rows ?? 1e3;
  const proof = isProofPolicy(opts);
  const result = { tables: 0, rows: /* @__PURE__ */ new Map(), failures: [], durationMs: 0 };
  const tables = await loadTables(shadow);
  const names = opts.tables ? new Set(opts.tables.map((x) => x.startsWith("public.") ? x.slice(7) : x)) : void 0;
  const scoped = opts.scope ? await scopeTables(shadow, tables, opts.scope) : void 0;
  const only = names || scoped ? new Set(
    [...tables.values()].filter((t) => (!names || names.has(t.display)) && (!scoped || scoped.has(t.oid))).map((t) => t.display)
  ) : void 0;
  if (scoped) result.of = tables.size;
  const paused = await pauseTriggers(shadow);
  const filtered = /* @__PURE__ */ new Set();
  const todo = order(tables).filter((t) => !only || only.has(t.display));
  try {
    for (const t of todo) {
      opts.onProgress?.(result.tables, todo.length, t.display);
      result.tables++;
      if (n <= 0) continue;
      const nulls = /* @__PURE__ */ new Set();
      const literals = /* @__PURE__ */ new Map();
      const tried = /* @__PURE__ */ new Set();
      let filter;
      let onConflict = false;
      for (let attempt = 0; attempt < 8; attempt++) {
        const plan = planInsert(t, tables, n, nulls, literals, filter, onConflict, proof);
        if (!plan) {
          result.failures.push({ table: t.display, code: "0A000", message: "no generator for a NOT NULL column type" });
          break;
        }
        try {
          await shadow.exec(plan.sql);
          if (filter) filtered.add(t.display);
          if (proof) await continueSequences(shadow, t, plan.cols);
          break;
        } catch (err) {
          if (isShadowStop(err)) throw err;
          const e = toSqlError(err);
          if ((e.code === "23505" || e.code === "23P01") && !onConflict) {
            onConflict = true;
            continue;
          }
          const name = /constraint "([^"]+)"/.exec(e.message)?.[1];
          const check = e.code === "23514" && name ? t.checks.find((c) => c.name === name) : void 0;
          if (check && tried.has(check.name) && !filter && t.checks.length) {
            nulls.clear();
            literals.clear();
            filter = await checkFilter(shadow, t, tables, n, proof, literals);
            continue;
          }
          if (check && !tried.has(check.name)) {
            tried.add(check.name);
            simpleCheckFix(t, check, nulls, literals);
            continue;
          }
          result.failures.push({ table: t.display, code: e.code, message: e.message });
          break;
        }
      }
    }
  } finally {
    await resumeTriggers(shadow, paused);
  }
  const list = [...tables.values()].filter((t) => !only || only.has(t.display));
  await countRows(shadow, list, result);
  if (n > 0) {
    for (const t of list) {
      if (result.rows.get(t.display) !== 0 || result.failures.some((f) => f.table === t.display)) continue;
      result.failures.push(
        filtered.has(t.display) ? { table: t.display, code: "23514", message: "no generated row satisfies its CHECK constraints" } : { table: t.display, code: "02000", message: "no rows: a NOT NULL foreign key points at an empty table" }
      );
    }
  }
  result.durationMs = Math.round(performance.now() - t0);
  return result;
}
async function countRows(shadow, list, result) {
  for (let i = 0; i < list.length; i += 200) {
    const chunk = list.slice(i, i + 200);
    if (!chunk.length) break;
    const rows = await shadow.query(
      chunk.map((t) => `SELECT ${ql(t.display)} AS t, count(*)::int8 AS n FROM ${rel(t)}`).join(" UNION ALL ")
    );
    for (const r of rows) result.rows.set(r.t, Number(r.n));
  }
}

// src/dialects/postgres/shadow/scale.ts
var REPEATS = 4;
var STABLE = 3;
var MAX_ROUNDS = 12;
var SAVEPOINT = "zerodown_scale";
var SAMPLE = "zerodown_scale_sample";
var REFERENCE = "zerodown_scale_reference";
var SAMPLE_ROWS = 1e4;
function targetOf(stmt) {
  const ast = stmt.ast;
  switch (stmt.kind) {
    case "AlterTableStmt":
      if (ast.objtype !== "OBJECT_TABLE" || !ast.relation?.relname) return void 0;
      return { rel: ast.relation, work: "alter", sql: stmt.text };
    case "IndexStmt": {
      if (!ast.relation?.relname) return void 0;
      if (!ast.concurrent) return { rel: ast.relation, work: "index", sql: stmt.text };
      const plain = stmt.text.replace(/^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+)CONCURRENTLY\b/i, "$1");
      return plain === stmt.text ? void 0 : { rel: ast.relation, work: "index-concurrently", sql: plain };
    }
    case "UpdateStmt":
    case "DeleteStmt":
      if (ast.withClause || !ast.relation?.relname) return void 0;
      return { rel: ast.relation, work: "dml", sql: stmt.text };
    default:
      return void 0;
  }
}
var warmed = /* @__PURE__ */ new WeakSet();
async function warmUp(shadow) {
  if (warmed.has(shadow)) return;
  warmed.add(shadow);
  const t0 = performance.now();
  await rolledBack(shadow, "zerodown_warm", async () => {
    await shadow.exec(
      "CREATE TABLE zerodown_warm (id bigserial PRIMARY KEY, v int, t text); INSERT INTO zerodown_warm (v, t) SELECT g, md5(g::text) FROM generate_series(1, 20000) g"
    );
    for (let i = 0; i < 10 && performance.now() - t0 < 2e3; i++)
      await rolledBack(shadow, "zerodown_warm_round", async () => {
        await shadow.exec("ALTER TABLE zerodown_warm ADD COLUMN c text DEFAULT md5(random()::text)");
        await shadow.exec("CREATE INDEX ON zerodown_warm (v)");
        await shadow.exec("UPDATE zerodown_warm SET v = v + 1");
        await shadow.exec("ALTER TABLE zerodown_warm ADD CONSTRAINT zerodown_warm_v CHECK (v > 0)");
      });
  });
}
async function rolledBack(shadow, name, work) {
  await shadow.exec(`SAVEPOINT ${name}`);
  try {
    return await work();
  } finally {
    await shadow.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    await shadow.exec(`RELEASE SAVEPOINT ${name}`);
  }
}
async function keptIfDone(shadow, name, work) {
  await shadow.exec(`SAVEPOINT ${name}`);
  try {
    await work();
    await shadow.exec(`RELEASE SAVEPOINT ${name}`);
    return true;
  } catch (err) {
    if (isShadowStop(err)) throw err;
    await shadow.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    await shadow.exec(`RELEASE SAVEPOINT ${name}`);
    return false;
  }
}
async function referenceOf(shadow) {
  const timed = shadow.timed?.bind(shadow);
  if (!timed) return void 0;
  const made = await keptIfDone(
    shadow,
    REFERENCE,
    () => shadow.exec(
      `CREATE TABLE ${REFERENCE} (v int, t text); INSERT INTO ${REFERENCE} (v, t) SELECT g, md5(g::text) FROM generate_series(1, ${REFERENCE_ROWS}) g`
    )
  );
  return made ? () => rolledBack(shadow, REFERENCE, () => timed(`CREATE INDEX ON ${REFERENCE} (v)`)) : void 0;
}
async function scale(shadow, stmt, inTransaction) {
  const target = targetOf(stmt);
  if (!target) return void 0;
  const { schemaname, relname } = target.rel;
  const table = (schemaname ? `${quoteIdent(schemaname)}.` : "") + quoteIdent(relname);
  const name = schemaname ? `${schemaname}.${relname}` : relname;
  if (!inTransaction) await shadow.exec("BEGIN");
  try {
    const sizeOf = async () => {
      const [size] = await shadow.query(
        `SELECT count(*)::int8 AS rows, pg_relation_size('${table.replace(/'/g, "''")}'::regclass)::int8 AS bytes FROM ${table}`
      );
      return { rows: Number(size?.rows ?? 0), bytes: Number(size?.bytes ?? 0) };
    };
    if (!(await sizeOf()).rows) return void 0;
    if (shadow.kind === "pglite") await warmUp(shadow);
    const once = (empty) => rolledBack(shadow, SAVEPOINT, async () => {
      if (empty) await shadow.exec(`TRUNCATE ${table} CASCADE`);
      if (shadow.timed) return await shadow.timed(target.sql);
      const t0 = performance.now();
      await shadow.exec(target.sql);
      return performance.now() - t0;
    });
    return await rolledBack(shadow, SAMPLE, async () => {
      const seeded = await sizeOf();
      if (seeded.rows < SAMPLE_ROWS)
        await keptIfDone(shadow, `${SAMPLE}_fill`, async () => {
          await shadow.exec(`TRUNCATE ${table} CASCADE`);
          await seed(shadow, { rows: SAMPLE_ROWS, tables: [name] });
          if ((await sizeOf()).rows <= seeded.rows) throw new Error("the sample is not larger");
        });
      const sample = await sizeOf();
      const reference = shadow.kind === "pglite" ? await referenceOf(shadow) : void 0;
      const timed = await fastestOfBoth((full) => once(!full), {
        repeats: REPEATS,
        stable: STABLE,
        maxRounds: MAX_ROUNDS,
        minDiffMs: MIN_SIGNAL_MS,
        reference
      });
      return { table: displayTable(target.rel), work: target.work, rows: sample.rows, bytes: sample.bytes, ...timed };
    });
  } catch (err) {
    if (isShadowStop(err)) throw err;
    return void 0;
  } finally {
    if (!inTransaction) await shadow.exec("ROLLBACK").catch(() => {
    });
  }
}

// src/dialects/postgres/shadow/reproducible.ts
var SCHEMA_ONLY = /* @__PURE__ */ new Set([
  "AlterTableStmt",
  "CreateStmt",
  "RenameStmt",
  "CommentStmt",
  "DropStmt",
  "VariableSetStmt",
  "TransactionStmt",
  "AlterEnumStmt",
  "CreateEnumStmt",
  "CreateSeqStmt",
  "AlterSeqStmt"
]);
var UNSTABLE = /* @__PURE__ */ new Set(["FuncCall", "SQLValueFunction", "NextValueExpr", "SubLink"]);
function callsAnything(ast) {
  const stack = [ast];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (UNSTABLE.has(key)) return true;
      if (value && typeof value === "object") stack.push(value);
    }
  }
  return false;
}
function reproducible(statements, historySources) {
  if (!statements.length) return false;
  if (historySources.some((s) => /\bevent\s+trigger\b/i.test(s))) return false;
  return statements.every((s) => s.kind === "IndexStmt" || SCHEMA_ONLY.has(s.kind) && !callsAnything(s.ast));
}

// src/dialects/postgres/shadow/snapshot.ts
async function snapshotSchema(sh) {
  const out = /* @__PURE__ */ new Map();
  const rels = await sh.query(
    `SELECT n.nspname || '.' || c.relname AS key, c.relkind AS kind,
            CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS def
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${USER_SCHEMAS}`
  );
  const kinds = {
    r: "table",
    p: "partitioned table",
    v: "view",
    m: "materialized view",
    S: "sequence",
    f: "foreign table"
  };
  for (const r of rels)
    out.set(`relation ${r.key}`, `${kinds[r.kind] ?? r.kind}${r.def ? `: ${r.def.replace(/\s+/g, " ").trim()}` : ""}`);
  const cols = await sh.query(
    `SELECT n.nspname || '.' || c.relname AS rel, a.attname AS name, a.attnum AS num,
            format_type(a.atttypid, a.atttypmod)
            || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
            || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
            || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
            || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END
            || CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN ' COLLATE ' || (SELECT collname FROM pg_collation WHERE oid = a.attcollation) ELSE '' END AS def
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type ty ON ty.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped AND ${USER_SCHEMAS}
      ORDER BY 1, a.attnum`
  );
  const order2 = /* @__PURE__ */ new Map();
  for (const c of cols) {
    out.set(`column ${c.rel}.${c.name}`, c.def);
    order2.set(c.rel, [...order2.get(c.rel) ?? [], c.name]);
  }
  for (const [rel2, names] of order2) out.set(`column order ${rel2}`, names.join(", "));
  const idx = await sh.query(
    `SELECT n.nspname || '.' || c.relname AS key, pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' (INVALID)' END AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMAS}`
  );
  for (const i of idx) out.set(`index ${i.key}`, i.def);
  const cons = await sh.query(
    `SELECT n.nspname || '.' || c.relname || '.' || k.conname AS key,
            pg_get_constraintdef(k.oid) || CASE WHEN k.convalidated THEN '' ELSE ' (NOT VALIDATED)' END AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMAS}`
  );
  for (const k of cons) out.set(`constraint ${k.key}`, k.def);
  const trg = await sh.query(
    `SELECT n.nspname || '.' || c.relname || '.' || t.tgname AS key, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND ${USER_SCHEMAS}`
  );
  for (const t of trg) out.set(`trigger ${t.key}`, t.def);
  const fns = await sh.query(
    `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key, md5(p.prosrc) AS def
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
      WHERE d.objid IS NULL AND ${USER_SCHEMAS}`
  );
  for (const f of fns) out.set(`function ${f.key}`, f.def);
  const types = await sh.query(
    `SELECT n.nspname || '.' || t.typname AS key, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS def
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE ${USER_SCHEMAS} GROUP BY 1`
  );
  for (const t of types) out.set(`enum ${t.key}`, t.def);
  return out;
}
async function snapshotData(sh) {
  const out = /* @__PURE__ */ new Map();
  const tables = await sh.query(
    `SELECT n.nspname AS schema, c.relname AS name,
            (SELECT ARRAY(SELECT a.attname::text FROM unnest(i.indkey) k(n) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.n)
               FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${USER_SCHEMAS}`
  );
  for (const t of tables) {
    const rows = await sh.query(
      `SELECT to_jsonb(x) AS r FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)} AS x`
    );
    const m = /* @__PURE__ */ new Map();
    const seen = /* @__PURE__ */ new Map();
    for (const { r } of rows) {
      const row = typeof r === "string" ? JSON.parse(r) : r;
      let key = t.pk?.length ? JSON.stringify(t.pk.map((c) => row[c])) : JSON.stringify(row);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > 1) key += `#${n}`;
      m.set(key, row);
    }
    out.set(`${t.schema}.${t.name}`, m);
  }
  return out;
}

// src/dialects/postgres/shadow/watch.ts
var BLOCKING = new Set(
  Object.entries(LOCKS).filter(([, v]) => v.blocksWrites).map(([k]) => k)
);
var PgLockWatch = class {
  constructor(sh, busy) {
    this.sh = sh;
    this.busy = busy;
  }
  sh;
  busy;
  violations = [];
  spans = [];
  scansVisible = true;
  inTx = false;
  aelSince = /* @__PURE__ */ new Map();
  /** time spent running the migration's own statements (not the watch's queries), in ms */
  clock = 0;
  phase = 0;
  async stats() {
    const rows = await this.sh.query(
      `SELECT c.oid::int8::text AS oid, c.relfilenode::int8::text AS filenode, s.seq_scan AS seq
         FROM pg_class c LEFT JOIN pg_stat_xact_user_tables s ON s.relid = c.oid WHERE c.oid = ANY ($1::int8[]::oid[])`,
      [[...this.busy.keys()]]
    );
    return new Map(
      rows.map((r) => [r.oid, { name: this.busy.get(r.oid), filenode: r.filenode, seq: Number(r.seq ?? 0) }])
    );
  }
  async locks() {
    const rows = await this.sh.query(
      `SELECT relation::int8::text AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation = ANY ($1::int8[]::oid[])`,
      [[...this.busy.keys()]]
    );
    const out = /* @__PURE__ */ new Map();
    for (const r of rows) out.set(r.oid, [...out.get(r.oid) ?? [], r.mode]);
    return out;
  }
  setPhase(n) {
    this.phase = n;
  }
  began() {
    this.inTx = true;
  }
  ended(ms) {
    this.clock += ms;
    const end = this.clock;
    for (const [oid, since] of this.aelSince) {
      this.spans.push({
        phase: this.phase,
        table: this.busy.get(oid),
        mode: "AccessExclusiveLock",
        ms: Math.max(0, Math.round((end - since) * 10) / 10)
      });
    }
    this.aelSince.clear();
    this.inTx = false;
  }
  async before() {
    return { stats: await this.stats(), t0: this.clock };
  }
  async after(token, label, ms) {
    const { stats: before, t0 } = token;
    this.clock += ms;
    const after = await this.stats();
    if (!this.inTx) {
      for (const [oid, b] of before) {
        if (after.get(oid)?.filenode !== b.filenode)
          this.violations.push(`${label} rewrote ${b.name} outside a transaction`);
      }
      return;
    }
    const locks = await this.locks();
    for (const [oid, b] of before) {
      const a = after.get(oid);
      if (!a) continue;
      const modes = locks.get(oid) ?? [];
      if (modes.includes("AccessExclusiveLock") && !this.aelSince.has(oid)) this.aelSince.set(oid, t0);
      const blocking = modes.filter((m) => BLOCKING.has(m));
      if (!blocking.length) continue;
      const strongest = blocking.includes("AccessExclusiveLock") ? "AccessExclusiveLock" : blocking[blocking.length - 1];
      const what = a.filenode !== b.filenode ? "rewrote" : a.seq > b.seq ? "scanned" : "";
      if (what)
        this.violations.push(
          `${label} ${what} ${b.name} while holding ${strongest} on it (${LOCKS[strongest]?.blocksReads ? "reads and writes wait" : "writes wait"})`
        );
    }
  }
};
async function watchLocks(sh) {
  await sh.exec("SET track_counts = on").catch(() => {
  });
  const [tc] = await sh.query("SHOW track_counts").catch(() => [{ track_counts: "off" }]);
  const rows = await sh.query(
    `SELECT c.oid::int8::text AS oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND ${USER_SCHEMAS}`
  );
  const busy = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const [{ has }] = await sh.query(
      `SELECT EXISTS (SELECT FROM ${quoteIdent(r.nspname)}.${quoteIdent(r.relname)}) AS has`
    );
    if (has) busy.set(r.oid, `${r.nspname}.${r.relname}`);
  }
  const watch = new PgLockWatch(sh, busy);
  watch.scansVisible = tc?.track_counts === "on";
  return watch;
}

// src/dialects/postgres/shadow/tools.ts
var TABLES = {
  "golang-migrate": [
    "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)"
  ],
  dbmate: ["CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) NOT NULL PRIMARY KEY)"],
  diesel: [
    "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)"
  ],
  prisma: [
    "CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)"
  ],
  goose: [
    "CREATE TABLE IF NOT EXISTS goose_db_version (id serial PRIMARY KEY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp DEFAULT now())"
  ],
  sqlx: [
    "CREATE TABLE IF NOT EXISTS _sqlx_migrations (version bigint PRIMARY KEY, description text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now(), success boolean NOT NULL, checksum bytea NOT NULL, execution_time bigint NOT NULL)"
  ],
  flyway: [
    "CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)"
  ],
  drizzle: [
    "CREATE SCHEMA IF NOT EXISTS drizzle",
    "CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint)"
  ],
  supabase: [
    "CREATE SCHEMA IF NOT EXISTS supabase_migrations",
    "CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text)"
  ]
};
async function ensureToolTables(shadow, frameworks) {
  for (const fw of new Set(frameworks)) {
    for (const sql of TABLES[fw] ?? []) {
      try {
        await shadow.exec(sql);
      } catch {
      }
    }
  }
}

// src/dialects/postgres/shadow/probes.ts
function insertTarget(stmt) {
  if (stmt.kind !== "InsertStmt" || stmt.ast.withClause || !stmt.ast.relation?.relname) return void 0;
  const select = stmt.ast.selectStmt?.SelectStmt;
  if (!select?.valuesLists?.length || select.withClause) return void 0;
  return displayTable(`${stmt.ast.relation.schemaname ?? ""}.${stmt.ast.relation.relname}`.replace(/^\./, ""));
}
var postgresProbes = {
  load: loadParser,
  parse: (m) => parseMigration(m),
  txControl,
  notInTransaction,
  refused: (stmt, kind) => refusedOnShadow(stmt, kind),
  breaksBatch,
  seedScope: (statements) => seedScope(statements),
  reproducible: (statements, historySources) => reproducible(statements, historySources),
  toolTables: ensureToolTables,
  extensionOf: (stmt) => stmt.kind === "CreateExtensionStmt" ? stmt.ast?.extname : void 0,
  relations,
  ownLocks,
  scale: (shadow, stmt, inTransaction) => scale(shadow, stmt, inTransaction),
  async backendId(shadow) {
    const [row] = await shadow.query("SELECT pg_backend_pid() AS pid");
    return Number(row.pid);
  },
  async sampleLocks(side, pid) {
    const rows = await side.query(
      `SELECT relation::int8 AS oid, mode FROM pg_locks WHERE pid = $1 AND locktype = 'relation' AND granted AND relation IS NOT NULL`,
      [pid]
    );
    return rows.map((r) => ({ oid: Number(r.oid), mode: r.mode }));
  },
  async tableParts(shadow, oid) {
    const rows = await shadow.query(
      `SELECT indexrelid::int8 AS oid FROM pg_index WHERE indrelid = $1
       UNION ALL
       SELECT objid::int8 FROM pg_depend
        WHERE refobjid = $1 AND refclassid = 'pg_class'::regclass AND classid = 'pg_class'::regclass AND deptype IN ('a', 'i')`,
      [oid]
    );
    return new Set(rows.map((r) => Number(r.oid)));
  },
  relationName: (key) => displayTable(key),
  lockStrength,
  lockEffect,
  relkindName: (relkind) => RELKIND[relkind] ?? relkind,
  isAuxiliary,
  documentedLocks: (stmt) => documentedLocks(stmt).map((d) => ({ relation: displayTable(d.relation), mode: d.mode })),
  statementLocks: (stmt, serverVersion) => statementLocks(stmt.kind, stmt.ast, { pgVersion: serverVersion }).flatMap(
    (t) => t.rel ? [{ relation: displayTable(t.rel), mode: t.mode }] : []
  ),
  insertTarget,
  seed,
  snapshotSchema,
  snapshotData,
  watch: watchLocks
};

// src/dialects/postgres/shadow/pglite.ts
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path2 from "node:path";
import { fileURLToPath } from "node:url";
var INITDB_PARAMS = pglite_initdb_default.params;
var DATADIR_FILE = "pglite-datadir.tgz";
function moduleDir() {
  return path2.dirname(fileURLToPath(import.meta.url));
}
var installCache;
function pgliteInstall() {
  if (installCache !== void 0) return installCache ?? void 0;
  installCache = null;
  try {
    const req = createRequire(import.meta.url);
    const main = req.resolve("@electric-sql/pglite");
    let dir = path2.dirname(main);
    for (let i = 0; i < 4; i++) {
      const pkg = path2.join(dir, "package.json");
      if (existsSync2(pkg)) {
        const json = JSON.parse(readFileSync(pkg, "utf8"));
        if (json.name === "@electric-sql/pglite") {
          installCache = { dist: path2.dirname(main), version: String(json.version) };
          break;
        }
      }
      dir = path2.dirname(dir);
    }
  } catch {
  }
  return installCache ?? void 0;
}
function cacheDir() {
  const inst = pgliteInstall();
  if (!inst) return void 0;
  const idx = inst.dist.lastIndexOf(`${path2.sep}node_modules${path2.sep}`);
  if (idx < 0) return void 0;
  return path2.join(inst.dist.slice(0, idx), "node_modules", ".cache", "zerodown");
}
function dataDirCandidates() {
  const out = [];
  if (process.env.ZERODOWN_PGLITE_DATADIR) out.push(process.env.ZERODOWN_PGLITE_DATADIR);
  out.push(path2.join(moduleDir(), DATADIR_FILE));
  const cached = cacheTarget();
  if (cached) out.push(cached);
  return out;
}
function pgliteVersion() {
  const inst = pgliteInstall();
  if (inst) return inst.version;
  try {
    return String(JSON.parse(readFileSync(path2.join(moduleDir(), "pglite-datadir.json"), "utf8")).pglite);
  } catch {
    return "unknown";
  }
}
function cacheTarget() {
  const cache = cacheDir();
  const inst = pgliteInstall();
  return cache && inst ? path2.join(cache, `pglite-datadir-${inst.version}-${pglite_initdb_default.tag}.tgz`) : void 0;
}
var compiled = /* @__PURE__ */ new Map();
function compileEngine(asked = "optimizing") {
  const tier = effectiveTier(asked);
  let module = compiled.get(tier);
  if (!module) {
    const own = () => compilePglite(tier).catch(() => void 0);
    const ahead = moduleAhead(tier);
    module = ahead ? ahead.then((m) => m ?? own()) : own();
    compiled.set(tier, module);
  }
  return module;
}
var BOOT_TIMEOUT_MS = 12e4;
var SETTLE_STATEMENTS = 100;
var SETTLE_WAL_BYTES = 8 << 20;
var WAL_POSITION = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::float8 AS wal";
var PgliteShadow = class _PgliteShadow {
  kind = "pglite";
  probes = postgresProbes;
  limits = [];
  engine = "pglite";
  serverVersion = 0;
  boot = "";
  /** the data directory tarball it booted from, when it did */
  bootFile;
  /** it runs the process's one compiled PGlite module (compileEngine), not one its worker compiled */
  wasmShared = false;
  timeoutMs;
  stopped;
  /** extensions the migrations mention that PGlite does not bundle */
  missing = /* @__PURE__ */ new Set();
  closed = false;
  available;
  worker;
  /** the tier its worker, started ahead, compiles PGlite's WebAssembly for (worker-start.ts `compileAhead`) */
  compilingAhead;
  pending = /* @__PURE__ */ new Map();
  seq = 0;
  exited;
  constructor(available, timeoutMs) {
    this.available = available;
    this.timeoutMs = timeoutMs;
    const taken = takeWorker();
    this.worker = taken.worker;
    this.compilingAhead = taken.compiling;
    this.worker.unref();
    this.worker.on("message", (r) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (!this.pending.size) this.worker.unref();
      if (r.ok) p.resolve(r.value);
      else p.reject(Object.assign(new Error(String(r.error.message)), r.error));
    });
    const gone = (why) => {
      this.exited ??= why;
      for (const p of this.pending.values()) p.reject(new ShadowStoppedError(why));
      this.pending.clear();
    };
    this.worker.on("error", (err) => gone(`the PGlite worker failed: ${err.message}`));
    this.worker.on("exit", (code) => gone(`the PGlite worker exited (${code})`));
  }
  send(req, transfer = []) {
    if (this.stopped) return Promise.reject(new ShadowStoppedError(`a statement overran ${this.stopped.seconds} s`));
    if (this.closed || this.exited) return Promise.reject(new ShadowStoppedError(this.exited ?? "closed"));
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }
  /** Sends a request bounded by `ms`; past it the worker (and the statement with it) is terminated. */
  bounded(req, sql, ms = this.timeoutMs, transfer) {
    return withinBound(this.send(req, transfer), ms, sql, async () => {
      this.stopped = { seconds: ms / 1e3, sql: sql.slice(0, 200) };
      await this.worker.terminate();
    });
  }
  static async open(opts = {}) {
    const inst = pgliteInstall();
    const bundles = availableBundles(bundleDirs(moduleDir(), inst?.dist));
    const { load, missing } = resolveBundles(opts.extensions ?? [], bundles);
    const extensions = {};
    for (const b of load) extensions[path2.basename(b.file, ".tar.gz")] = b.file;
    const loaded = new Set(BUILTIN_EXTENSIONS);
    for (const [name, file] of bundles) if (load.some((b) => b.file === file)) loaded.add(name);
    const trace = !!process.env.ZERODOWN_TRACE;
    const now = () => performance.timeOrigin + performance.now();
    const t0 = now();
    const shadow = new _PgliteShadow(loaded, opts.timeoutMs ?? timeoutMsOf());
    let online = 0;
    if (trace) shadow.worker.once("online", () => online = now());
    trackShadow(shadow);
    try {
      const target = opts.cold ? void 0 : cacheTarget();
      const tier = opts.tier ?? "optimizing";
      const ahead = shadow.compilingAhead === effectiveTier(tier);
      const compiling = ahead ? void 0 : compileEngine(tier);
      const owned = (d) => {
        const own = d && opts.handOver ? ownBuffer(d) : void 0;
        return own ? new Uint8Array(own) : d ? new Uint8Array(d) : void 0;
      };
      const late = typeof opts.dataDir === "function" ? opts.dataDir : void 0;
      const dataDir = late ? void 0 : owned(opts.dataDir);
      const wasm = await compiling;
      const opening = shadow.ownWork(
        {
          op: "open",
          opts: {
            extensions,
            candidates: opts.cold ? [] : dataDirCandidates(),
            ...dataDir ? { dataDir } : {},
            ...late ? { stateFollows: true } : {},
            ...target ? { cacheTarget: target } : {},
            ...wasm ? { wasm } : {},
            ...ahead ? { wasmAhead: true } : {},
            tier,
            ...opts.buffers ? { buffers: opts.buffers } : {}
          }
        },
        "booting PGlite",
        dataDir ? [dataDir.buffer] : []
      );
      if (late) {
        const state = owned(late());
        shadow.worker.postMessage(
          { op: "state", ...state ? { dataDir: state } : {} },
          state ? [state.buffer] : []
        );
      }
      const booted = await opening;
      if (trace) {
        const seen = online ? [["worker online (seen)", online]] : [];
        const steps = [...booted.marks, ...seen, ["reply received", now()]];
        const list = steps.map(([step, t]) => `${step} +${Math.round(t - t0)}`).join(", ");
        process.stderr.write(
          `zerodown: PGlite boot (${booted.boot}, ${effectiveTier(tier)} code${ahead ? " compiled ahead" : ""}), open at +${Math.round(t0 - performance.timeOrigin)} ms of the process; ms after open: ${list}
`
        );
      }
      shadow.boot = booted.boot;
      shadow.wasmShared = !!wasm || ahead;
      if (booted.bootFile) shadow.bootFile = booted.bootFile;
      shadow.serverVersion = majorVersion(booted.serverVersion);
      shadow.engine = `pglite ${booted.serverVersion.split(" ")[0]}`;
    } catch (err) {
      await shadow.close();
      throw err;
    }
    shadow.missing = new Set(missing);
    return shadow;
  }
  /**
   * zerodown's own work on the engine, not the migration's (booting, checkpoints, dumping the data directory):
   * bounded by BOOT_TIMEOUT_MS, or the statement limit when that is longer.
   */
  ownWork(req, what, transfer) {
    return this.bounded(req, what, Math.max(BOOT_TIMEOUT_MS, this.timeoutMs), transfer);
  }
  /** The current data directory as an uncompressed tarball (for the shadow cache). */
  async dumpDataDir() {
    const bytes = await this.ownWork(
      { op: "dumpDataDir" },
      "CHECKPOINT and dump of the data directory"
    );
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  saveState() {
    return this.dumpDataDir();
  }
  extensionAvailable(name) {
    return this.available.has(name);
  }
  async exec(sql) {
    await this.bounded({ op: "exec", sql }, sql);
  }
  /** statements run since the write-ahead log was last measured, and where it stood after the last checkpoint */
  unsettled = 0;
  walAtCheckpoint;
  /**
   * PostgreSQL in PGlite has no checkpointer: every WAL segment written stays in its in-memory file system until a
   * CHECKPOINT (lemmy's 342 files of DDL: 41 MB of WAL). Every SETTLE_STATEMENTS statements of history the log is
   * measured, and past SETTLE_WAL_BYTES since the last checkpoint it is checkpointed (old segments are removed:
   * `wal_recycle=off`). Lemmy's cold dry run peaks 10-15 MB lower, the next file after a 20 MB history of INSERTs 36
   * MB lower, in the same time. A failure (a transaction a broken file left aborted) is ignored: the log stays.
   */
  async settle(statements) {
    this.unsettled += statements;
    if (this.unsettled < SETTLE_STATEMENTS || this.stopped || this.closed) return;
    this.unsettled = 0;
    try {
      const wal = async () => Number(
        (await this.ownWork({ op: "query", sql: WAL_POSITION }, "the WAL position"))[0]?.wal
      );
      const now = await wal();
      if (this.walAtCheckpoint !== void 0 && now - this.walAtCheckpoint < SETTLE_WAL_BYTES) return;
      await this.ownWork({ op: "exec", sql: "CHECKPOINT" }, "CHECKPOINT of the history replayed so far");
      this.walAtCheckpoint = await wal();
    } catch {
    }
  }
  async timed(sql) {
    return await this.bounded({ op: "timed", sql }, sql);
  }
  async query(sql, params) {
    return await this.bounded({ op: "query", sql, ...params ? { params } : {} }, sql);
  }
  /** Stops the engine at once, running statement or not (the data directory is in memory: nothing to save). */
  async close() {
    if (this.closed) return;
    this.closed = true;
    untrackShadow(this);
    await this.worker.terminate();
  }
};

export {
  extensionsIn,
  postgresProbes,
  pgliteVersion,
  compileEngine,
  PgliteShadow
};
