import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  errnoOf,
  nameId
} from "./chunk-ZDXYUV6L.js";
import {
  lockEffect,
  lockStrength
} from "./chunk-JJQEPNJF.js";
import {
  loadMysqlParser,
  parseMigration
} from "./chunk-Z2W6ZCS5.js";
import {
  quoteIdent,
  quoteLiteral
} from "./chunk-3TIBL5EG.js";
import {
  runTraced,
  toParsed
} from "./chunk-TZQQVLBZ.js";
import {
  fastestOfBoth
} from "./chunk-NT3OVCB4.js";
import {
  MIN_SIGNAL_MS
} from "./chunk-KLJQAZEJ.js";
import {
  isShadowStop,
  toSqlError
} from "./chunk-SYUIUCCK.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import "./chunk-XJGXLKRM.js";

// src/dialects/mysql/shadow/dump.ts
function withoutDefiners(sql) {
  return sql.replace(
    /\bDEFINER\s*=\s*(?:`(?:[^`]|``)*`|'(?:[^'\\]|\\.|'')*'|[\w.$%-]+)(?:\s*@\s*(?:`(?:[^`]|``)*`|'(?:[^'\\]|\\.|'')*'|[\w.$%-]+))?/gi,
    (m) => m.replace(/[^\n]/g, " ")
  );
}
var loadSchemaDump = async (shadow, sql, path = "<schema dump>") => {
  const errors = [];
  const refused = [];
  await shadow.probes.load();
  const parsed = toParsed(
    { path, sql: withoutDefiners(sql), transaction: "none" },
    (m) => shadow.probes.parse({ ...m, dialect: "mysql" })
  );
  const r = await runTraced(shadow, parsed, {
    trace: false,
    continueOnError: true,
    onStatement: (s) => {
      if (s.error) errors.push(s.error);
      if (s.refused) refused.push({ line: s.line, statement: s.sql.split("\n")[0].slice(0, 120), why: s.refused });
    }
  });
  const statements = parsed.statements.length;
  if (r.error && !errors.includes(r.error)) errors.unshift(r.error);
  return r.stopped ? { statements, errors, refused, stopped: true } : { statements, errors, refused };
};

// src/dialects/mysql/shadow/inspect.ts
function asMysql(shadow) {
  const s = shadow;
  if (shadow.kind !== "mysql" || typeof s.adminQuery !== "function" || typeof s.database !== "string")
    throw new Error("MySQL probes need a MySQL shadow");
  return shadow;
}
var RELKIND = { t: "table", v: "view", s: "sequence" };
var KIND_OF_TYPE = { "BASE TABLE": "t", VIEW: "v", SEQUENCE: "s", "SYSTEM VERSIONED": "t" };
async function relations(target) {
  const shadow = asMysql(target);
  const rows = await shadow.adminQuery(
    "SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
    [shadow.database]
  );
  const view = shadow.server.flavor === "mariadb" ? "INNODB_SYS_TABLES" : "INNODB_TABLES";
  const ids = /* @__PURE__ */ new Map();
  try {
    const inno = await shadow.adminQuery(
      `SELECT NAME AS name, TABLE_ID AS id FROM information_schema.${view} WHERE NAME LIKE ?`,
      [`${shadow.database}/%`]
    );
    for (const r of inno) {
      const table = r.name.slice(shadow.database.length + 1).replace(/#[pP]#.*$/, "");
      ids.set(table, Math.max(ids.get(table) ?? 0, Number(r.id)));
    }
  } catch {
  }
  const out = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const oid = nameId(r.name);
    out.set(oid, { oid, name: r.name, relkind: KIND_OF_TYPE[r.type] ?? "t", filenode: ids.get(r.name) ?? 0 });
  }
  return out;
}
function lockQuery(source) {
  if (source === "performance_schema")
    return `SELECT m.OBJECT_NAME AS name, m.LOCK_TYPE AS mode
              FROM performance_schema.metadata_locks m
              JOIN performance_schema.threads t ON t.THREAD_ID = m.OWNER_THREAD_ID
             WHERE t.PROCESSLIST_ID = ? AND m.OBJECT_TYPE = 'TABLE' AND m.LOCK_STATUS = 'GRANTED' AND m.OBJECT_SCHEMA = ?`;
  if (source === "metadata_lock_info")
    return `SELECT TABLE_NAME AS name, LOCK_MODE AS mode FROM information_schema.METADATA_LOCK_INFO
             WHERE THREAD_ID = ? AND TABLE_SCHEMA = ? AND TABLE_NAME <> ''`;
  return void 0;
}
var toHeld = (rows) => rows.map((r) => ({ oid: nameId(r.name), mode: normaliseMode(r.mode) }));
function normaliseMode(mode) {
  const m = mode.toUpperCase();
  return m === "SHARED" || m === "MDL_SHARED" ? "MDL_SHARED" : m.replace(/^MDL_/, "");
}
async function ownLocks(target) {
  const shadow = asMysql(target);
  const sql = lockQuery(shadow.lockSource);
  if (!sql) return [];
  return toHeld(await shadow.adminQuery(sql, [shadow.connectionId, shadow.database]));
}
async function sampleLocks(side, pid) {
  const [db] = await side.query(
    `SELECT DATABASE() AS db, @@performance_schema AS ps`
  );
  const source = Number(db?.ps) === 1 ? "performance_schema" : "metadata_lock_info";
  try {
    return toHeld(await side.query(lockQuery(source), [pid, db?.db]));
  } catch {
    return [];
  }
}

// src/dialects/mysql/shadow/online.ts
import { randomBytes } from "node:crypto";
var ATTEMPTS = [
  // INSTANT takes no LOCK clause (MySQL: error 1221 with one); it never blocks DML
  { algorithm: "INSTANT", lock: "NONE", clause: "ALGORITHM=INSTANT" },
  { algorithm: "INPLACE", lock: "NONE", clause: "ALGORITHM=INPLACE, LOCK=NONE" },
  { algorithm: "INPLACE", lock: "SHARED", clause: "ALGORITHM=INPLACE, LOCK=SHARED" },
  { algorithm: "INPLACE", lock: "EXCLUSIVE", clause: "ALGORITHM=INPLACE, LOCK=EXCLUSIVE" },
  { algorithm: "COPY", lock: "SHARED", clause: "ALGORITHM=COPY, LOCK=SHARED" },
  { algorithm: "COPY", lock: "EXCLUSIVE", clause: "ALGORITHM=COPY, LOCK=EXCLUSIVE" }
];
var REFUSED = /* @__PURE__ */ new Set([1845, 1846, 1221, 4092]);
var PROBE_ROWS = 1e4;
function unmeasurable(a) {
  if (!a.body.trim()) return "its clauses could not be told apart from the ALGORITHM/LOCK options";
  if (a.table.schema) return "it names a table in another database";
  for (const op of a.ops) {
    if (op.op === "renameTable")
      return "it renames the table (RENAME is a metadata change; a copy cannot be renamed to the same name)";
    if (op.op === "dropForeignKey") return "it drops a foreign key, and a copy made with CREATE TABLE \u2026 LIKE has none";
    if (op.op === "dropConstraint" && !op.check)
      return "it drops a constraint that may be a foreign key, and a copy made with CREATE TABLE \u2026 LIKE has none";
  }
  return void 0;
}
async function copyableColumns(shadow, table) {
  const cols = await shadow.query(
    `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND EXTRA NOT LIKE '%GENERATED%'
      ORDER BY ORDINAL_POSITION`,
    [table]
  );
  return cols.map((c) => quoteIdent(c.name)).join(", ");
}
async function measureOnline(target, stmt) {
  const a = stmt.ast;
  if (a?.type !== "alter_table") return void 0;
  const why = unmeasurable(a);
  if (why) return { unmeasured: `not measured: ${why}` };
  const shadow = asMysql(target);
  const table = quoteIdent(a.table.name);
  const probe = quoteIdent(`zd_probe_${randomBytes(6).toString("hex")}`);
  try {
    try {
      await shadow.exec(`CREATE TABLE ${probe} LIKE ${table}`);
    } catch {
      return void 0;
    }
    const list = await copyableColumns(shadow, a.table.name);
    if (list) {
      try {
        await shadow.exec(`INSERT INTO ${probe} (${list}) SELECT ${list} FROM ${table} LIMIT ${PROBE_ROWS}`);
      } catch (err) {
        if (errnoOf(err) === void 0) throw err;
      }
    }
    for (const t of ATTEMPTS) {
      try {
        await shadow.exec(`ALTER ${a.ignore ? "IGNORE " : ""}TABLE ${probe} ${a.body}, ${t.clause}`);
        return { algorithm: t.algorithm, lock: t.lock, basis: "measured", server: shadow.engine };
      } catch (err) {
        const n = errnoOf(err);
        if (n === void 0) throw err;
        if (!REFUSED.has(n)) {
          return { unmeasured: `not measured: on a copy of the table the change fails (${err.message})` };
        }
      }
    }
    return { unmeasured: "not measured: the server refused every algorithm and lock on a copy of the table" };
  } finally {
    if (!shadow.stopped) await shadow.exec(`DROP TABLE IF EXISTS ${probe}`).catch(() => {
    });
  }
}

// src/dialects/mysql/shadow/scale.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/dialects/mysql/shadow/seed.ts
async function loadTables(sh, only) {
  const tables = await sh.query(
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
        AND (TABLE_NAME NOT LIKE 'zd\\_probe\\_%'${only?.size ? " OR TABLE_NAME IN (?)" : ""})
      ORDER BY TABLE_NAME`,
    only?.size ? [[...only]] : []
  );
  const cols = await sh.query(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS dt, COLUMN_TYPE AS ct, IS_NULLABLE AS n,
            CHARACTER_MAXIMUM_LENGTH AS ml, NUMERIC_PRECISION AS np, NUMERIC_SCALE AS ns, EXTRA AS x,
            COLUMN_DEFAULT AS d
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`
  );
  const fks = await sh.query(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, REFERENCED_TABLE_NAME AS rt, REFERENCED_COLUMN_NAME AS rc
       FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL
        AND REFERENCED_TABLE_SCHEMA = DATABASE()`
  );
  const uniq = await sh.query(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0`
  );
  const jsonCols = /* @__PURE__ */ new Set();
  try {
    const checks = await sh.query(
      `SELECT tc.TABLE_NAME AS t, cc.CHECK_CLAUSE AS c
         FROM information_schema.CHECK_CONSTRAINTS cc
         JOIN information_schema.TABLE_CONSTRAINTS tc
           ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'
        WHERE cc.CONSTRAINT_SCHEMA = DATABASE()`
    );
    for (const ch of checks)
      for (const m of ch.c.matchAll(/json_valid\(`((?:[^`]|``)+)`\)/gi))
        jsonCols.add(`${ch.t}.${m[1].replace(/``/g, "`")}`);
  } catch {
  }
  const byName = new Map(
    tables.map((t) => [t.name, { name: t.name, cols: [], fks: /* @__PURE__ */ new Map(), unique: /* @__PURE__ */ new Set() }])
  );
  const num = (v) => v === null || v === void 0 ? null : Number(v);
  for (const r of cols) {
    const t = byName.get(String(r.t));
    if (!t) continue;
    t.cols.push({
      table: t.name,
      name: String(r.c),
      type: jsonCols.has(`${t.name}.${String(r.c)}`) ? "json" : String(r.dt).toLowerCase(),
      columnType: String(r.ct).toLowerCase(),
      nullable: r.n === "YES",
      maxLen: num(r.ml),
      precision: num(r.np),
      scale: num(r.ns),
      extra: String(r.x ?? "").toLowerCase(),
      // MariaDB reports "no default" as NULL, a NULL default as the text 'NULL'
      hasDefault: r.d !== null && r.d !== void 0
    });
  }
  for (const f of fks) byName.get(f.t)?.fks.set(f.c, { table: f.rt, column: f.rc });
  for (const u of uniq) byName.get(u.t)?.unique.add(u.c);
  return [...byName.values()];
}
function parentsFirst(tables) {
  const out = [];
  const done = /* @__PURE__ */ new Set();
  let left = [...tables];
  while (left.length) {
    const ready = left.filter(
      (t) => [...t.fks.values()].every(
        (r) => r.table === t.name || done.has(r.table) || !tables.some((x) => x.name === r.table)
      )
    );
    const take = ready.length ? ready : [left[0]];
    for (const t of take) {
      out.push(t);
      done.add(t.name);
    }
    left = left.filter((t) => !done.has(t.name));
  }
  return out;
}
var pad2 = (n) => String(n).padStart(2, "0");
function valueFor(c, i) {
  const t = c.type;
  if (["tinyint", "smallint", "mediumint", "int", "integer", "bigint"].includes(t)) {
    if (c.columnType === "tinyint(1)") return String(i % 2);
    const max = t === "tinyint" ? 127 : t === "smallint" ? 32767 : t === "mediumint" ? 8388607 : 2147483647;
    return String((i - 1) % max + 1);
  }
  if (t === "decimal" || t === "numeric") {
    const whole = Math.max(1, (c.precision ?? 10) - (c.scale ?? 0));
    return String(i % 10 ** Math.min(whole, 9));
  }
  if (t === "float" || t === "double" || t === "real") return `${i}.5`;
  if (t === "bit") return String(i % 2);
  if (t === "year") return String(1901 + i % 254);
  if (t === "date") return quoteLiteral(`2024-${pad2(i % 12 + 1)}-${pad2(i % 28 + 1)}`);
  if (t === "datetime" || t === "timestamp")
    return quoteLiteral(`2024-${pad2(i % 12 + 1)}-${pad2(i % 28 + 1)} ${pad2(i % 24)}:${pad2(i % 60)}:00`);
  if (t === "time") return quoteLiteral(`${pad2(i % 24)}:${pad2(i % 60)}:00`);
  if (t === "json") return quoteLiteral(`{"n": ${i}}`);
  if (t === "enum" || t === "set") {
    const values = [...c.columnType.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
    return values.length ? quoteLiteral(values[(i - 1) % values.length]) : void 0;
  }
  if (["char", "varchar", "tinytext", "text", "mediumtext", "longtext"].includes(t)) {
    const s = `${c.name.slice(0, 8)}-${i}`;
    return quoteLiteral(c.maxLen !== null && c.maxLen < s.length ? String(i).slice(-c.maxLen) : s);
  }
  if (["binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"].includes(t)) {
    const s = String(i);
    return quoteLiteral(c.maxLen !== null && c.maxLen < s.length ? s.slice(-c.maxLen) : s);
  }
  if (t === "uuid") return quoteLiteral(`00000000-0000-0000-0000-${String(i).padStart(12, "0")}`);
  if (t === "inet4") return quoteLiteral(`10.0.${Math.floor(i / 256) % 256}.${i % 256}`);
  return void 0;
}
async function seed(sh, opts = {}) {
  const t0 = performance.now();
  const n = opts.rows ?? 1e3;
  const proof = opts.policy?.kind === "proof";
  const result = { tables: 0, rows: /* @__PURE__ */ new Map(), failures: [], durationMs: 0 };
  const only = opts.tables ? new Set(opts.tables) : void 0;
  const todo = parentsFirst(await loadTables(sh, only)).filter((t) => !only || only.has(t.name));
  await sh.exec("SET SESSION foreign_key_checks = 1");
  for (const t of todo) {
    opts.onProgress?.(result.tables, todo.length, t.name);
    result.tables++;
    try {
      if (n > 0) await seedTable(sh, t, n, proof);
    } catch (err) {
      if (isShadowStop(err)) throw err;
      const e = toSqlError(err);
      result.failures.push({ table: t.name, code: e.code, message: e.message });
    }
    const [c] = await sh.query(`SELECT COUNT(*) AS n FROM ${quoteIdent(t.name)}`);
    result.rows.set(t.name, Number(c?.n ?? 0));
  }
  result.durationMs = Math.round(performance.now() - t0);
  return result;
}
async function seedTable(sh, t, n, proof) {
  const parents = /* @__PURE__ */ new Map();
  for (const [col, ref] of t.fks) {
    const rows = await sh.query(
      `SELECT ${quoteIdent(ref.column)} AS v FROM ${quoteIdent(ref.table)} WHERE ${quoteIdent(ref.column)} IS NOT NULL ORDER BY 1 LIMIT ${n}`
    );
    parents.set(
      col,
      rows.map((r) => typeof r.v === "number" ? String(r.v) : quoteLiteral(String(r.v)))
    );
  }
  const cols = t.cols.filter((c) => !c.extra.includes("auto_increment") && !c.extra.includes("generated"));
  const filled = [];
  for (const c of cols) {
    const parent = parents.get(c.name);
    if (parent && !parent.length && !c.nullable)
      throw new Error(`its parent table ${t.fks.get(c.name).table} has no rows`);
    if (parent || valueFor(c, 1) !== void 0) filled.push(c);
    else if (!c.nullable && !c.hasDefault) throw new Error(`no sample value for column ${c.name} (${c.columnType})`);
  }
  if (!filled.length && !cols.length && !t.cols.some((c) => c.extra.includes("auto_increment"))) return;
  const ignore = filled.some((c) => t.unique.has(c.name) && ["enum", "set", "bit", "year"].includes(c.type));
  const head = `INSERT ${ignore ? "IGNORE " : ""}INTO ${quoteIdent(t.name)} (${filled.map((c) => quoteIdent(c.name)).join(", ")}) VALUES `;
  const BATCH = 500;
  for (let from = 1; from <= n; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(n + 1, from + BATCH); i++) {
      const vals = filled.map((c) => {
        const parent = parents.get(c.name);
        if (parent) return parent.length ? parent[(i - 1) % parent.length] : "NULL";
        if (!proof && c.nullable && !t.unique.has(c.name) && i % 7 === 0) return "NULL";
        return valueFor(c, i);
      });
      rows.push(`(${vals.join(", ")})`);
    }
    await sh.exec(
      filled.length ? head + rows.join(", ") : `INSERT INTO ${quoteIdent(t.name)} () VALUES ${rows.map(() => "()").join(", ")}`
    );
  }
}

// src/dialects/mysql/shadow/scale.ts
var ROUNDS = { repeats: 3, stable: 2, maxRounds: 8, minDiffMs: MIN_SIGNAL_MS };
var SAMPLE_ROWS = 1e4;
var SAVEPOINT = "zerodown_scale";
function clausesOf(o) {
  const out = [];
  if (o.algorithm && o.algorithm !== "DEFAULT") out.push(`ALGORITHM=${o.algorithm}`);
  if (o.lock && o.lock !== "DEFAULT") out.push(`LOCK=${o.lock}`);
  else if (o.online) out.push("LOCK=NONE");
  return out.map((c) => `, ${c}`).join("");
}
var CREATE_INDEX_ON = /^(\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:ONLINE\s+|OFFLINE\s+)?(?:UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:`(?:[^`]|``)+`|[\w$]+)(?:\s+USING\s+\w+)?\s+ON\s+)(`(?:[^`]|``)+`|[\w$]+)/i;
var unquote = (name) => name.startsWith("`") ? name.slice(1, -1).replace(/``/g, "`") : name;
function targetOf(stmt) {
  const a = stmt.ast;
  switch (a?.type) {
    case "alter_table": {
      if (unmeasurable(a)) return void 0;
      const head = (t) => `ALTER ${a.ignore ? "IGNORE " : ""}TABLE ${quoteIdent(t)} ${a.body}`;
      const indexOnly = a.ops.length > 0 && a.ops.every((op) => op.op === "addIndex" && op.index.kind !== "primary");
      return {
        kind: "ddl",
        table: a.table.name,
        work: indexOnly ? "index" : "alter",
        sql: (t) => head(t) + clausesOf(a),
        ...!a.algorithm || a.algorithm === "DEFAULT" || a.algorithm === "INSTANT" ? { instant: (t) => `${head(t)}, ALGORITHM=INSTANT` } : {}
      };
    }
    case "create_index": {
      if (a.table.schema) return void 0;
      const m = CREATE_INDEX_ON.exec(stmt.text);
      if (!m || unquote(m[2]) !== a.table.name) return void 0;
      const rest = stmt.text.slice(m[0].length);
      return { kind: "ddl", table: a.table.name, work: "index", sql: (t) => `${m[1]}${quoteIdent(t)}${rest}` };
    }
    case "update":
    case "delete":
      if (a.tables.length !== 1 || a.tables[0].schema) return void 0;
      return { kind: "dml", table: a.tables[0].name, sql: stmt.text };
    default:
      return void 0;
  }
}
async function sizeOf(shadow, table) {
  const [c] = await shadow.query(`SELECT COUNT(*) AS n FROM ${quoteIdent(table)}`);
  const [b] = await shadow.query(
    "SELECT DATA_LENGTH AS b FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
    [table]
  );
  return { rows: Number(c?.n ?? 0), bytes: Number(b?.b ?? 0) };
}
async function fkChecksOf(shadow) {
  const [fk] = await shadow.query("SELECT @@SESSION.foreign_key_checks AS v");
  return Number(fk?.v ?? 1) ? 1 : 0;
}
var probeName = () => `zd_probe_${randomBytes2(6).toString("hex")}`;
async function scaleDdl(shadow, t) {
  const sample = probeName();
  const created = [];
  const create = async (name, like) => {
    await shadow.exec(`CREATE TABLE ${quoteIdent(name)} LIKE ${quoteIdent(like)}`);
    created.push(name);
  };
  const drop = async (name) => {
    await shadow.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
    created.splice(created.indexOf(name), 1);
  };
  const fkChecks = await fkChecksOf(shadow);
  try {
    try {
      await create(sample, t.table);
    } catch (err) {
      if (errnoOf(err) === void 0) throw err;
      return void 0;
    }
    const list = await copyableColumns(shadow, t.table);
    if (!list) return void 0;
    const seeded = await seed(shadow, { rows: SAMPLE_ROWS, tables: [sample] });
    if ((seeded.rows.get(sample) ?? 0) === 0) {
      await shadow.exec(
        `INSERT INTO ${quoteIdent(sample)} (${list}) SELECT ${list} FROM ${quoteIdent(t.table)} LIMIT ${SAMPLE_ROWS}`
      );
    }
    await shadow.exec(`ANALYZE TABLE ${quoteIdent(sample)}`);
    const size = await sizeOf(shadow, sample);
    if (!size.rows) return void 0;
    const fresh = async (full) => {
      const copy = probeName();
      await create(copy, sample);
      if (full)
        await shadow.exec(`INSERT INTO ${quoteIdent(copy)} (${list}) SELECT ${list} FROM ${quoteIdent(sample)}`);
      return copy;
    };
    if (t.instant) {
      const copy = await fresh(true);
      try {
        await shadow.exec(t.instant(copy));
        return void 0;
      } catch (err) {
        if (errnoOf(err) === void 0) throw err;
      } finally {
        await drop(copy);
      }
    }
    const once = async (full) => {
      const copy = await fresh(full);
      try {
        const t0 = performance.now();
        await shadow.exec(t.sql(copy));
        return performance.now() - t0;
      } finally {
        await drop(copy);
      }
    };
    return { table: t.table, work: t.work, ...size, ...await fastestOfBoth(once, ROUNDS) };
  } finally {
    if (!shadow.stopped) {
      for (const name of [...created].reverse()) await drop(name).catch(() => {
      });
      await shadow.exec(`SET SESSION foreign_key_checks = ${fkChecks}`).catch(() => {
      });
    }
  }
}
async function scaleDml(shadow, t, inTransaction) {
  const table = quoteIdent(t.table);
  if (!inTransaction) await shadow.exec(`ANALYZE TABLE ${table}`);
  const counted = await sizeOf(shadow, t.table);
  if (!counted.rows) return void 0;
  const size = inTransaction ? { rows: counted.rows, bytes: 0 } : counted;
  const fkChecks = await fkChecksOf(shadow);
  const [open, undo] = inTransaction ? [`SAVEPOINT ${SAVEPOINT}`, `ROLLBACK TO SAVEPOINT ${SAVEPOINT}`] : ["START TRANSACTION", "ROLLBACK"];
  const once = async (full) => {
    await shadow.exec(open);
    try {
      if (!full) {
        await shadow.exec("SET SESSION foreign_key_checks = 0");
        try {
          await shadow.exec(`DELETE FROM ${table}`);
        } finally {
          await shadow.exec(`SET SESSION foreign_key_checks = ${fkChecks}`);
        }
      }
      const t0 = performance.now();
      await shadow.exec(t.sql);
      return performance.now() - t0;
    } finally {
      await shadow.exec(undo);
    }
  };
  return { table: t.table, work: "dml", ...size, ...await fastestOfBoth(once, ROUNDS) };
}
async function scale(shadow, stmt, inTransaction) {
  const target = targetOf(stmt);
  if (!target) return void 0;
  try {
    return target.kind === "ddl" ? await scaleDdl(shadow, target) : await scaleDml(shadow, target, inTransaction);
  } catch (err) {
    if (isShadowStop(err)) throw err;
    return void 0;
  }
}

// src/dialects/mysql/shadow/snapshot.ts
async function snapshotSchema(sh) {
  const out = /* @__PURE__ */ new Map();
  const rels = await sh.query(
    `SELECT TABLE_NAME AS t, TABLE_TYPE AS type, ENGINE AS engine, ROW_FORMAT AS rf, TABLE_COLLATION AS coll
       FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'zd\\_probe\\_%'`
  );
  for (const r of rels)
    out.set(
      `relation ${r.t}`,
      r.type === "BASE TABLE" ? `table ENGINE=${r.engine} ROW_FORMAT=${r.rf} COLLATE=${r.coll}` : r.type.toLowerCase()
    );
  const cols = await sh.query(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS ct, IS_NULLABLE AS n, COLUMN_DEFAULT AS d, EXTRA AS x,
            CHARACTER_SET_NAME AS cs, COLLATION_NAME AS co, GENERATION_EXPRESSION AS g
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'zd\\_probe\\_%'
      ORDER BY TABLE_NAME, ORDINAL_POSITION`
  );
  const order = /* @__PURE__ */ new Map();
  for (const c of cols) {
    const def = [
      c.ct,
      c.cs ? `CHARACTER SET ${c.cs} COLLATE ${c.co}` : "",
      c.n === "NO" ? "NOT NULL" : "NULL",
      c.d !== null ? `DEFAULT ${c.d}` : "",
      c.x ? c.x.toUpperCase() : "",
      c.g ? `AS (${c.g})` : ""
    ].filter(Boolean).join(" ");
    out.set(`column ${c.t}.${c.c}`, def);
    order.set(c.t, [...order.get(c.t) ?? [], c.c]);
  }
  for (const [t, names] of order) out.set(`column order ${t}`, names.join(", "));
  const idx = await sh.query(
    `SELECT TABLE_NAME AS t, INDEX_NAME AS i, NON_UNIQUE AS nu, COLUMN_NAME AS c, SUB_PART AS sub, INDEX_TYPE AS type
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'zd\\_probe\\_%'
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`
  );
  const indexes = /* @__PURE__ */ new Map();
  for (const r of idx) {
    const key = `index ${r.t}.${r.i}`;
    const part = `${r.c ?? "(expression)"}${r.sub ? `(${r.sub})` : ""}`;
    const prev = indexes.get(key);
    indexes.set(key, prev ? prev.replace(/\)$/, `, ${part})`) : `${Number(r.nu) ? "" : "UNIQUE "}${r.type} (${part})`);
  }
  for (const [k, v] of indexes) out.set(k, v);
  const fks = await sh.query(
    `SELECT k.TABLE_NAME AS t, k.CONSTRAINT_NAME AS n, k.COLUMN_NAME AS c, k.REFERENCED_TABLE_NAME AS rt,
            k.REFERENCED_COLUMN_NAME AS rc, r.UPDATE_RULE AS u, r.DELETE_RULE AS d
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`
  );
  const fk = /* @__PURE__ */ new Map();
  for (const r of fks) {
    const key = `constraint ${r.t}.${r.n}`;
    const e = fk.get(key) ?? { c: [], rt: r.rt, rc: [], u: r.u, d: r.d };
    e.c.push(r.c);
    e.rc.push(r.rc);
    fk.set(key, e);
  }
  for (const [k, e] of fk)
    out.set(
      k,
      `FOREIGN KEY (${e.c.join(", ")}) REFERENCES ${e.rt} (${e.rc.join(", ")}) ON UPDATE ${e.u} ON DELETE ${e.d}`
    );
  try {
    const checks = await sh.query(
      `SELECT tc.TABLE_NAME AS t, cc.CONSTRAINT_NAME AS n, cc.CHECK_CLAUSE AS c
         FROM information_schema.CHECK_CONSTRAINTS cc
         JOIN information_schema.TABLE_CONSTRAINTS tc
           ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'
        WHERE cc.CONSTRAINT_SCHEMA = DATABASE()`
    );
    for (const c of checks) out.set(`constraint ${c.t}.${c.n}`, `CHECK (${c.c})`);
  } catch {
  }
  const trg = await sh.query(
    `SELECT TRIGGER_NAME AS n, EVENT_OBJECT_TABLE AS t, ACTION_TIMING AS timing, EVENT_MANIPULATION AS ev, ACTION_STATEMENT AS body
       FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()`
  );
  for (const r of trg) out.set(`trigger ${r.t}.${r.n}`, `${r.timing} ${r.ev}: ${r.body.replace(/\s+/g, " ").trim()}`);
  const views = await sh.query(
    `SELECT TABLE_NAME AS n, VIEW_DEFINITION AS def FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()`
  );
  for (const v of views) out.set(`relation ${v.n}`, `view: ${v.def.replace(/\s+/g, " ").trim()}`);
  return out;
}
async function snapshotData(sh) {
  const out = /* @__PURE__ */ new Map();
  const tables = await sh.query(
    `SELECT TABLE_NAME AS t FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT LIKE 'zd\\_probe\\_%' ORDER BY 1`
  );
  for (const { t } of tables) {
    const pk = (await sh.query(
      `SELECT COLUMN_NAME AS c FROM information_schema.STATISTICS
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX`,
      [t]
    )).map((r) => r.c);
    const rows = await sh.query(`SELECT * FROM ${quoteIdent(t)}`);
    const m = /* @__PURE__ */ new Map();
    for (const r of rows) {
      const key = JSON.stringify(
        pk.length ? pk.map((c) => r[c]) : r,
        (_k, v) => Buffer.isBuffer(v) ? v.toString("hex") : v
      );
      m.set(key, r);
    }
    out.set(t, m);
  }
  return out;
}

// src/dialects/mysql/shadow/statements.ts
function txControl(stmt) {
  const a = stmt.ast;
  if (a?.type !== "transaction") return void 0;
  if (a.action === "begin") return "begin";
  if (a.action === "commit") return a.chain ? "commit-chain" : "commit";
  return a.chain ? "rollback-chain" : "rollback";
}
var COMMITTING_OTHER = /^(ANALYZE|OPTIMIZE|REPAIR|CHECK|CHECKSUM)\s+TABLE|^(LOCK|UNLOCK)\s+TABLES|^(CACHE\s+INDEX|LOAD\s+INDEX|FLUSH|RESET)\b|^(CREATE|ALTER|DROP)\s+(SEQUENCE|SPATIAL\s+REFERENCE\s+SYSTEM|RESOURCE\s+GROUP)\b/;
function notInTransaction(stmt, _serverVersion) {
  const a = stmt.ast;
  const ddl = "DDL commits by itself in MySQL and MariaDB (an implicit commit before and after it)";
  switch (a?.type) {
    case "alter_table":
    case "create_index":
    case "drop_index":
    case "rename_table":
    case "truncate":
    case "database":
    case "routine":
    case "account":
      return ddl;
    case "create_table":
      return a.temporary ? void 0 : ddl;
    case "drop_table":
      return a.temporary ? void 0 : ddl;
    case "server":
      return `${a.keyword} commits by itself`;
    case "other":
      return COMMITTING_OTHER.test(a.keyword) ? `${a.keyword} commits by itself` : void 0;
    case "unparsed":
      return /^(ALTER|CREATE|DROP|RENAME|TRUNCATE)\b/.test(a.keyword) ? ddl : void 0;
    default:
      return void 0;
  }
}
var CATALOG_SCHEMAS = /* @__PURE__ */ new Set(["information_schema"]);
function namedTables(a) {
  switch (a.type) {
    case "alter_table": {
      const out = [a.table];
      for (const op of a.ops) {
        if (op.op === "addForeignKey") out.push(op.fk.refTable);
        if (op.op === "renameTable") out.push(op.to);
        if (op.op === "addColumn" || op.op === "modifyColumn" || op.op === "changeColumn") {
          if (op.column.references) out.push(op.column.references.refTable);
        }
      }
      return out;
    }
    case "create_table":
      return [
        a.table,
        ...a.like ? [a.like] : [],
        ...a.foreignKeys.map((f) => f.refTable),
        ...a.columns.flatMap((c) => c.references ? [c.references.refTable] : [])
      ];
    case "create_index":
    case "drop_index":
    case "truncate":
    case "insert":
      return [a.table];
    case "drop_table":
      return a.tables;
    case "rename_table":
      return a.pairs.flatMap((p) => [p.from, p.to]);
    case "update":
    case "delete":
      return a.tables;
    case "select":
      return a.tables.filter((t) => !t.schema || !CATALOG_SCHEMAS.has(t.schema.toLowerCase()));
    case "routine":
      return [a.name, ...a.table ? [a.table] : []];
    case "load_data":
      return a.table ? [a.table] : [];
    case "other":
      return a.tables ?? [];
    default:
      return [];
  }
}
var FILE_ACCESS = /\bLOAD\s+(?:DATA|XML)\b|\bINTO\s+(?:OUTFILE|DUMPFILE)\b|\bLOAD_FILE\s*\(/i;
var OUTSIDE_ENGINES = /^(FEDERATED|FEDERATEDX|CONNECT|SPIDER)$/i;
var OUTSIDE_ENGINE_TEXT = /\bENGINE\s*=?\s*[`'"]?(?:FEDERATED|FEDERATEDX|CONNECT|SPIDER)\b/i;
var OUTSIDE_OPTIONS = /* @__PURE__ */ new Set(["DATA DIRECTORY", "INDEX DIRECTORY", "CONNECTION", "TABLESPACE"]);
var OUTSIDE_OPTION_TEXT = /\b(?:DATA|INDEX)\s+DIRECTORY\b/i;
function outsideOption(name, value) {
  const n = name.toUpperCase();
  if (n === "ENGINE" && OUTSIDE_ENGINES.test(value.trim()))
    return `ENGINE=${value.trim().toUpperCase()} keeps the table's rows on another server or in files`;
  if (OUTSIDE_OPTIONS.has(n)) return `the table option ${n} places the table outside the throwaway database`;
  return void 0;
}
function refusedOnShadow(stmt) {
  const a = stmt.ast;
  if (!a) return void 0;
  switch (a.type) {
    case "load_data":
      return `LOAD DATA ${a.local ? "LOCAL " : ""}INFILE reads a file${a.local ? " on the client" : " on the database server"}`;
    case "select":
      if (a.intoFile !== void 0) return "SELECT \u2026 INTO OUTFILE/DUMPFILE writes a file on the database server";
      break;
    case "server":
      return /^(SYSTEM|\\!)/i.test(a.keyword) ? `${a.keyword} runs a program on the machine of the mysql client` : `${a.keyword} acts on the whole server (plugins, tablespaces, servers, logs, sessions), not on one database`;
    case "database":
      return a.action === "use" ? `USE ${a.name} switches to another database: the shadow runs everything in its throwaway database` : `${a.action.toUpperCase()} DATABASE acts on a database other than the throwaway one`;
    case "account":
      return `${a.keyword} manages accounts and privileges, which belong to the whole server`;
    case "set": {
      const g = a.vars.find((v) => v.scope === "global" || v.scope === "persist" || v.scope === "persist_only");
      if (g) return `SET ${g.scope.toUpperCase()} ${g.name} changes the whole server's settings`;
      break;
    }
    case "create_table":
      for (const [name, value] of Object.entries(a.options)) {
        const why = outsideOption(name, value);
        if (why) return why;
      }
      break;
    case "alter_table":
      for (const op of a.ops) {
        const why = op.op === "tableOption" ? outsideOption(op.name, op.value) : void 0;
        if (why) return why;
      }
      break;
    default:
      break;
  }
  const other = namedTables(a).find((t) => t.schema !== void 0);
  if (other) return `it names a table in another database (${other.schema}.${other.name})`;
  if (FILE_ACCESS.test(stmt.text)) return "it reads or writes files (LOAD DATA, INTO OUTFILE/DUMPFILE, LOAD_FILE)";
  if (OUTSIDE_ENGINE_TEXT.test(stmt.text))
    return "it names a storage engine that keeps rows on another server or in files (FEDERATED, CONNECT, Spider)";
  if (OUTSIDE_OPTION_TEXT.test(stmt.text)) return "DATA/INDEX DIRECTORY places table files on the server";
  return void 0;
}
var rel = (t) => t.name;
function statementLocks(stmt) {
  const a = stmt.ast;
  switch (a?.type) {
    case "update":
    case "delete":
      return a.tables.map((t) => ({ relation: rel(t), mode: "SHARED_WRITE" }));
    case "insert":
      return [{ relation: rel(a.table), mode: "SHARED_WRITE" }];
    case "select":
      return a.tables.filter((t) => !t.schema).map((t) => ({ relation: rel(t), mode: "SHARED_READ" }));
    default:
      return [];
  }
}

// src/dialects/mysql/shadow/tools.ts
var TABLES = {
  // golang-migrate database/mysql
  "golang-migrate": [
    "CREATE TABLE IF NOT EXISTS `schema_migrations` (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)"
  ],
  // dbmate pkg/driver/mysql
  dbmate: ["CREATE TABLE IF NOT EXISTS `schema_migrations` (version varchar(128) NOT NULL PRIMARY KEY)"],
  // goose dialect mysql
  goose: [
    "CREATE TABLE IF NOT EXISTS `goose_db_version` (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NULL DEFAULT now(), PRIMARY KEY (id))"
  ],
  // Flyway MySQL createMetaDataTable.sql
  flyway: [
    "CREATE TABLE IF NOT EXISTS `flyway_schema_history` (installed_rank INT NOT NULL, version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, execution_time INT NOT NULL, success BOOL NOT NULL, CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (installed_rank), INDEX `flyway_schema_history_s_idx` (success)) ENGINE=InnoDB"
  ],
  // Prisma migrate, MySQL connector
  prisma: [
    "CREATE TABLE IF NOT EXISTS `_prisma_migrations` (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at DATETIME(3), migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at DATETIME(3), started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0) DEFAULT CHARACTER SET utf8mb4"
  ],
  diesel: [
    "CREATE TABLE IF NOT EXISTS `__diesel_schema_migrations` (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)"
  ],
  sqlx: [
    "CREATE TABLE IF NOT EXISTS `_sqlx_migrations` (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)"
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

// src/dialects/mysql/shadow/watch.ts
async function watchLocks(shadow) {
  const rows = /* @__PURE__ */ new Set();
  for (const rel2 of (await relations(shadow)).values()) {
    if (rel2.relkind !== "t") continue;
    const [r] = await shadow.query(`SELECT 1 AS one FROM \`${rel2.name.replace(/`/g, "``")}\` LIMIT 1`);
    if (r) rows.add(rel2.name);
  }
  const violations = [];
  const spans = [];
  let inTx = false;
  return {
    violations,
    spans,
    scansVisible: false,
    scansHiddenWhy: "MySQL and MariaDB keep no per-table scan counters the proof could read",
    quietClaim: "no table with rows rebuilt inside a transaction",
    setPhase() {
    },
    began() {
      inTx = true;
    },
    ended() {
      inTx = false;
    },
    async before() {
      return inTx ? relations(shadow) : void 0;
    },
    async after(token, label) {
      if (!token) return;
      const before = token;
      const after = await relations(shadow);
      for (const [oid, b] of before) {
        const a = after.get(oid);
        if (a && b.filenode && a.filenode !== b.filenode && rows.has(b.name))
          violations.push(`${label} rebuilt table ${b.name}, which holds rows, inside a transaction`);
      }
    }
  };
}

// src/dialects/mysql/shadow/probes.ts
var flavorOf = (m, flavor) => m.dialect === "mysql" ? "mysql" : m.dialect === "mariadb" ? "mariadb" : flavor;
function createMysqlProbes(flavor) {
  return {
    load: loadMysqlParser,
    parse: (m) => parseMigration(m, flavorOf(m, flavor)),
    txControl,
    notInTransaction,
    refused: (stmt) => refusedOnShadow(stmt),
    // one statement per round trip: the driver runs with multiple statements off (a hostile file
    // cannot smuggle a second statement past the refusals), so history never runs as one batch
    breaksBatch: () => true,
    toolTables: ensureToolTables,
    extensionOf: () => void 0,
    relations,
    ownLocks,
    async backendId(shadow) {
      const [row] = await shadow.query("SELECT CONNECTION_ID() AS id");
      return Number(row.id);
    },
    sampleLocks,
    // an INSERT locks its table's metadata only; indexes have no locks of their own
    tableParts: async () => /* @__PURE__ */ new Set(),
    relationName: (key) => key.replace(/^[^.]*\./, ""),
    lockStrength,
    // a lock type the table does not know is taken to block everyone: never called harmless unproven
    lockEffect: (mode) => lockEffect(mode) ?? { blocksReads: true, blocksWrites: true },
    relkindName: (relkind) => RELKIND[relkind] ?? relkind,
    isAuxiliary: (kind) => kind === "index" || kind === "sequence",
    // MySQL documents the locks of its online operations per operation (LOCK=NONE/SHARED/EXCLUSIVE),
    // and the shadow measures them (`online`): no documented table lock is invented here
    documentedLocks: () => [],
    statementLocks: (stmt) => statementLocks(stmt),
    // no multi-statement round trips (see breaksBatch): INSERT runs are traced one by one
    insertTarget: () => void 0,
    seed,
    snapshotSchema,
    snapshotData,
    watch: watchLocks,
    online: measureOnline,
    scale
  };
}

// src/dialects/mysql/shadow/index.ts
var NO_EMBEDDED_ENGINE = "MySQL and MariaDB have no embedded engine to dry-run on: give a server with --shadow-url mysql://user:password@host:3306/db (zerodown creates and drops its own throwaway database and user there). Without it the lint stays static.";
function mysqlShadowFor(flavor) {
  const probes = createMysqlProbes(flavor);
  return {
    async open(options) {
      if (!options.url) throw new UsageError(NO_EMBEDDED_ENGINE);
      const { MysqlShadow } = await import("./server-IPGMBNRR.js");
      return MysqlShadow.open(options.url, probes, {
        ...options.allowSuperuser !== void 0 ? { allowSuperuser: options.allowSuperuser } : {},
        ...options.timeoutMs !== void 0 ? { timeoutMs: options.timeoutMs } : {}
      });
    },
    extensionsIn: () => [],
    loadSchemaDump,
    probes
  };
}
var mysqlShadow = mysqlShadowFor("mysql");
var mariadbShadow = mysqlShadowFor("mariadb");
export {
  NO_EMBEDDED_ENGINE,
  mariadbShadow,
  mysqlShadow,
  mysqlShadowFor
};
