import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/dialects/mysql/charset.ts
var MAXLEN = {
  armscii8: 1,
  ascii: 1,
  big5: 2,
  binary: 1,
  cp1250: 1,
  cp1251: 1,
  cp1256: 1,
  cp1257: 1,
  cp850: 1,
  cp852: 1,
  cp866: 1,
  cp932: 2,
  dec8: 1,
  eucjpms: 3,
  euckr: 2,
  gb18030: 4,
  gb2312: 2,
  gbk: 2,
  geostd8: 1,
  greek: 1,
  hebrew: 1,
  hp8: 1,
  keybcs2: 1,
  koi8r: 1,
  koi8u: 1,
  latin1: 1,
  latin2: 1,
  latin5: 1,
  latin7: 1,
  macce: 1,
  macroman: 1,
  sjis: 2,
  swe7: 1,
  tis620: 1,
  ucs2: 2,
  ujis: 3,
  utf16: 4,
  utf16le: 4,
  utf32: 4,
  utf8: 3,
  utf8mb3: 3,
  utf8mb4: 4
};
function charsetMaxBytes(charset) {
  return charset ? MAXLEN[charset.toLowerCase()] : void 0;
}
var TEXT_TYPES = [
  ["tinytext", 255],
  ["text", 65535],
  ["mediumtext", 16777215],
  ["longtext", 4294967295]
];
function convertedTextType(type, from, to) {
  const i = TEXT_TYPES.findIndex(([n]) => n === type);
  const a = charsetMaxBytes(from);
  const b = charsetMaxBytes(to);
  if (i < 0 || !a || !b || b <= a) return void 0;
  const need = Math.floor(TEXT_TYPES[i][1] / a) * b;
  const fit = TEXT_TYPES.find(([, bytes]) => bytes >= need)?.[0] ?? "longtext";
  return fit === type ? void 0 : fit;
}

// src/dialects/mysql/online/facts.ts
function compareVersion(server, v2) {
  return server.major - v2[0] || server.minor - v2[1] || server.patch - v2[2];
}
var atLeast = (server, v2) => compareVersion(server, v2) >= 0;
function versionText(server) {
  const name = server.flavor === "mariadb" ? "MariaDB" : "MySQL";
  return `${name} ${server.major}.${server.minor}${server.patch ? `.${server.patch}` : ""}`;
}
var v = (text) => {
  const [a = 0, b = 0, c = 0] = text.split(".").map(Number);
  return [a, b, c];
};
var named = (flavor, version) => versionText({ flavor, major: version[0], minor: version[1], patch: version[2] });
function bytesPerChar(charsetOrCollation) {
  if (!charsetOrCollation) return void 0;
  const cs = charsetOrCollation.toLowerCase();
  return charsetMaxBytes(cs) ?? charsetMaxBytes(cs.split("_")[0]);
}
function charsetOfCollation(collation) {
  if (!collation) return void 0;
  const prefix = collation.toLowerCase().split("_")[0];
  return charsetMaxBytes(prefix) !== void 0 ? prefix : void 0;
}
function enumSetBytes(kind, members) {
  if (kind === "enum") return members <= 255 ? 1 : 2;
  if (members <= 8) return 1;
  if (members <= 16) return 2;
  if (members <= 24) return 3;
  if (members <= 32) return 4;
  return 8;
}
var CHAR_TYPES = /* @__PURE__ */ new Set(["char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set"]);

// src/dialects/mysql/online/classify.ts
var eq = (a, b) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
var tick = (s) => `\`${s}\``;
function findColumn(table, name) {
  return table?.columns.find((c) => eq(c.name, name));
}
function isIndexed(table, column) {
  return table.indexes.some((i) => i.columns.some((c) => !c.expression && eq(c.name, column)));
}
var inPrimaryKey = (table, column) => table.indexes.some((i) => i.kind === "primary" && i.columns.some((c) => eq(c.name, column)));
var TIMESTAMP_DEFAULT = /^\(?\s*(current_timestamp|now|localtime|localtimestamp)\s*(\(\s*\d*\s*\))?\s*\)?$/i;
function isConstantDefault(d) {
  return d?.kind !== "expression" || TIMESTAMP_DEFAULT.test(d.text.trim());
}
var ONCE_FUNCTIONS = new Set(
  "rand now current_timestamp localtime localtimestamp curdate current_date curtime current_time utc_timestamp utc_date utc_time user current_user session_user system_user connection_id database schema json_array json_object json_quote lower upper lcase ucase md5 sha1 sha sha2 concat concat_ws date_add date_sub adddate subdate coalesce ifnull if nullif length char_length substring substr left right trim ltrim rtrim replace round floor ceil ceiling abs unix_timestamp from_unixtime cast convert".split(
    " "
  )
);
var EXPR_WORDS = new Set(
  "interval microsecond second minute hour day week month quarter year and or not xor null true false is in like between case when then else end as char binary signed unsigned integer decimal date datetime time json div mod current_timestamp current_date current_time localtime localtimestamp current_user utc_timestamp".split(
    " "
  )
);
function isOnceExpression(text) {
  const code = text.replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"/g, "''");
  if (code.includes("`")) return false;
  for (const m of code.matchAll(/([A-Za-z_][A-Za-z0-9_$]*)(\s*\()?/g)) {
    const word = m[1].toLowerCase();
    if (m[2] ? !ONCE_FUNCTIONS.has(word) : !EXPR_WORDS.has(word)) return false;
  }
  return true;
}
var INT_RANK = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, integer: 4, bigint: 5 };
var TEXT_RANK = { tinytext: 1, text: 2, mediumtext: 3, longtext: 4 };
var BLOB_RANK = { tinyblob: 1, blob: 2, mediumblob: 3, longblob: 4 };
var ALIAS = {
  integer: "int",
  bool: "tinyint",
  boolean: "tinyint",
  dec: "decimal",
  numeric: "decimal",
  fixed: "decimal"
};
var base = (t) => ALIAS[t.name.toLowerCase()] ?? t.name.toLowerCase();
function newCharset(def, table) {
  if (!CHAR_TYPES.has(base(def.type))) return void 0;
  return def.type.charset?.toLowerCase() ?? charsetOfCollation(def.type.collation) ?? table?.charset?.toLowerCase();
}
function typeChange(old, def, table, indexed) {
  const a = old.type;
  const b = def.type;
  const na = base(a);
  const nb = base(b);
  const from = `${a.text} \u2192 ${b.text}`;
  const csOld = CHAR_TYPES.has(na) ? old.charset?.toLowerCase() : void 0;
  const csNew = newCharset(def, table);
  if (CHAR_TYPES.has(na) && CHAR_TYPES.has(nb) && csOld !== csNew) {
    if (csOld && csNew) return { kinds: ["changeCharset"], why: [`character set ${csOld} \u2192 ${csNew}`] };
    return {
      kinds: ["changeCharset"],
      why: [`the character set may change (${csOld ?? "server default"} \u2192 ${csNew ?? "server default"})`],
      unknown: "the server's default character set"
    };
  }
  const kinds = [];
  const why2 = [];
  let unknown;
  const collOld = old.collation?.toLowerCase();
  const collNew = b.collation?.toLowerCase();
  if (CHAR_TYPES.has(nb) && collNew && collOld !== collNew) {
    kinds.push(indexed ? "changeCollationIndexed" : "changeCollation");
    why2.push(`collation ${collOld ?? "default"} \u2192 ${collNew}${indexed ? " on an indexed column" : ""}`);
  }
  if (na === nb && !!a.unsigned === !!b.unsigned) {
    if (na === "varchar" || na === "varbinary") {
      const [la] = a.args ?? [];
      const [lb] = b.args ?? [];
      if (la === void 0 || lb === void 0 || la === lb) return { kinds, why: why2 };
      if (lb < la) return { kinds: [...kinds, "shrinkType"], why: [...why2, `${from} shrinks it`] };
      const bpc = na === "varbinary" ? 1 : bytesPerChar(csNew);
      const classify = (n) => lb * n <= 255 || la * n > 255 ? "varcharExtend" : la * n <= 127 ? "varcharExtendSmall" : "varcharCrossPrefix";
      if (bpc === void 0) {
        const lo = classify(1);
        const hi = classify(4);
        const kind2 = lo === hi ? lo : "varcharCrossPrefix";
        if (lo !== hi) unknown = "the column's character set (bytes per character decide the 255-byte boundary)";
        return { kinds: [...kinds, kind2], why: [...why2, `${from}, character set unknown`], unknown };
      }
      const kind = classify(bpc);
      return {
        kinds: [...kinds, kind],
        why: [...why2, `${from} is ${la * bpc} \u2192 ${lb * bpc} bytes${csNew ? ` in ${csNew}` : ""}`]
      };
    }
    if (na === "enum" || na === "set") {
      const va = a.values ?? [];
      const vb = b.values ?? [];
      const prefix = vb.length >= va.length && va.every((x, i) => x === vb[i]);
      if (!prefix) return { kinds: [...kinds, "enumReorder"], why: [...why2, `${from} reorders or removes members`] };
      if (vb.length === va.length) return { kinds, why: why2 };
      const grows = enumSetBytes(na, vb.length) !== enumSetBytes(na, va.length);
      return {
        kinds: [...kinds, grows ? "enumAppendGrows" : "enumAppend"],
        why: [
          ...why2,
          grows ? `${na.toUpperCase()} grows from ${va.length} to ${vb.length} members: ${enumSetBytes(na, va.length)} \u2192 ${enumSetBytes(na, vb.length)} bytes per value` : `appends ${vb.length - va.length} member(s) at the end`
        ]
      };
    }
    if (INT_RANK[na] !== void 0) return { kinds, why: why2 };
    const same2 = (a.args ?? []).join(",") === (b.args ?? []).join(",");
    if (same2) return { kinds, why: why2 };
    const shrinks = (a.args ?? []).some((x, i) => (b.args ?? [])[i] !== void 0 && (b.args ?? [])[i] < x);
    return { kinds: [...kinds, shrinks ? "shrinkType" : "changeType"], why: [...why2, `${from}`] };
  }
  const ranks = [INT_RANK, TEXT_RANK, BLOB_RANK].find((r) => r[na] !== void 0 && r[nb] !== void 0);
  if (ranks && ranks[nb] < ranks[na]) return { kinds: [...kinds, "shrinkType"], why: [...why2, `${from} shrinks it`] };
  return { kinds: [...kinds, "changeType"], why: [...why2, `${from} changes the type`] };
}
function modify(op, table) {
  const from = op.op === "changeColumn" ? op.from : op.column.name;
  const def = op.column;
  const old = findColumn(table, from);
  if (!table || !old)
    return {
      kinds: ["changeType"],
      why: [`${tick(from)} is redefined`],
      unknown: table ? `column ${tick(from)} is not in the replayed history` : "the table is not in the replayed history"
    };
  const kinds = [];
  const why2 = [];
  let unknown;
  if (!eq(def.name, old.name)) kinds.push("renameColumn"), why2.push(`renames ${tick(old.name)} to ${tick(def.name)}`);
  const indexed = isIndexed(table, old.name);
  const t = typeChange(old, def, table, indexed);
  kinds.push(...t.kinds), why2.push(...t.why), unknown = t.unknown;
  const pk = inPrimaryKey(table, old.name);
  const nullable = pk ? false : def.nullable ?? true;
  if (old.nullable && !nullable) kinds.push("makeNotNull"), why2.push("NULL \u2192 NOT NULL");
  if (!old.nullable && nullable)
    kinds.push("makeNull"), why2.push(def.nullable === void 0 ? "NOT NULL \u2192 NULL (MODIFY without NOT NULL)" : "NOT NULL \u2192 NULL");
  if (def.autoIncrement && !old.autoIncrement) kinds.push("changeType"), why2.push("adds AUTO_INCREMENT");
  if (!!def.generated !== !!old.generated || def.generated && def.generated.expr !== old.generated?.expr)
    kinds.push("changeType"), why2.push("changes the generated expression");
  if ((def.default?.text ?? "") !== (old.default?.text ?? ""))
    kinds.push(def.default ? "setDefault" : "dropDefault"), why2.push(def.default ? `DEFAULT ${def.default.text}` : "drops the default");
  if (op.position && moves(table, old.name, op.position)) kinds.push("reorderColumn"), why2.push("moves the column");
  if (!kinds.length) kinds.push("columnComment"), why2.push("no change to how the column is stored");
  return { kinds: [...new Set(kinds)], why: why2, unknown };
}
function moves(table, column, pos) {
  const i = table.columns.findIndex((c) => eq(c.name, column));
  if ("first" in pos) return i !== 0;
  return i < 1 || !eq(table.columns[i - 1].name, pos.after);
}
function addColumn(op, table) {
  const c = op.column;
  const column = { name: c.name, virtual: !!c.generated && !c.generated.stored };
  if (op.ifNotExists && findColumn(table, c.name))
    return { kinds: [], why: ["the column already exists (IF NOT EXISTS)"] };
  const kinds = [];
  const why2 = [];
  let unknown;
  if (c.generated?.stored)
    kinds.push("addColumnStored"), why2.push("a STORED generated column is computed for every row");
  else if (c.generated) kinds.push("addColumnVirtual"), why2.push("a VIRTUAL generated column");
  else if (c.autoIncrement)
    kinds.push("addColumnAutoIncrement"), why2.push("AUTO_INCREMENT numbers every existing row");
  else if (!isConstantDefault(c.default) && isOnceExpression(c.default.text))
    kinds.push("addColumnConstExprDefault"), why2.push(`DEFAULT ${c.default.text} is an expression`);
  else if (!isConstantDefault(c.default))
    kinds.push("addColumnExprDefault"), why2.push(`DEFAULT ${c.default.text} is computed for every existing row`);
  else if (!op.position) kinds.push("addColumnEnd");
  else if ("first" in op.position) kinds.push("addColumnMiddle"), why2.push("FIRST");
  else {
    const last = table?.columns.at(-1)?.name;
    if (table && last && eq(last, op.position.after)) kinds.push("addColumnEnd"), why2.push(`AFTER the last column`);
    else {
      kinds.push("addColumnMiddle"), why2.push(`AFTER ${tick(op.position.after)}`);
      if (!table) unknown = `whether ${tick(op.position.after)} is the last column`;
    }
  }
  if (c.primaryKey) kinds.push("addPrimaryKey"), why2.push("PRIMARY KEY");
  else if (c.unique) kinds.push("addIndex"), why2.push("UNIQUE");
  return { kinds, why: why2, unknown, column };
}
function dropColumn(op, table) {
  const col = findColumn(table, op.name);
  if (!table || !col) {
    if (table && op.ifExists) return { kinds: [], why: ["no such column (IF EXISTS)"] };
    return {
      kinds: ["dropColumn"],
      why: [`drops ${tick(op.name)}`],
      unknown: `whether ${tick(op.name)} is indexed or generated (${table ? "column" : "table"} not in the replayed history)`,
      column: { name: op.name, virtual: false }
    };
  }
  const column = { name: col.name, virtual: !!col.generated && !col.generated.stored };
  if (inPrimaryKey(table, col.name))
    return { kinds: ["dropPrimaryKey"], why: [`${tick(col.name)} is in the primary key`], column };
  if (col.generated)
    return {
      kinds: [col.generated.stored ? "dropColumnStored" : "dropColumnVirtual"],
      why: [`drops ${tick(col.name)}`],
      column
    };
  if (isIndexed(table, col.name))
    return { kinds: ["dropColumnIndexed"], why: [`${tick(col.name)} is indexed`], column };
  return { kinds: ["dropColumn"], why: [`drops ${tick(col.name)}`], column };
}
var REBUILD_OPTIONS = /* @__PURE__ */ new Set(["ROW_FORMAT", "KEY_BLOCK_SIZE"]);
var METADATA_OPTIONS = /* @__PURE__ */ new Set(["COMMENT", "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES"]);
function tableOption(op, table) {
  const name = op.name.toUpperCase();
  if (name === "ENGINE") {
    const to = op.value.toUpperCase();
    const from = table?.engine.toUpperCase();
    if (from ? from === to : to === "INNODB")
      return { kinds: ["rebuildTable"], why: [`ENGINE=${op.value} on an ${from ?? "InnoDB"} table rebuilds it`] };
    return { kinds: ["changeEngine"], why: [`ENGINE ${from ?? "?"} \u2192 ${op.value}`] };
  }
  if (REBUILD_OPTIONS.has(name)) return { kinds: ["rebuildTable"], why: [`${name}=${op.value}`] };
  if (METADATA_OPTIONS.has(name)) return { kinds: ["tableMetadata"], why: [name] };
  if (name === "AUTO_INCREMENT") return { kinds: ["autoIncrementValue"], why: [`AUTO_INCREMENT=${op.value}`] };
  if (name === "CHARSET" || name === "COLLATE")
    return { kinds: ["tableCharset"], why: [`DEFAULT ${name} ${op.value}`] };
  return {
    kinds: ["changeType"],
    why: [`table option ${name}`],
    unknown: `the online behaviour of table option ${name}`
  };
}
function fkNeedsIndex(columns, ast, table) {
  const leads = (cols) => columns.length <= cols.length && columns.every((c, i) => !cols[i].expression && eq(cols[i].name, c));
  if (table?.indexes.some((ix) => leads(ix.columns))) return false;
  return !ast.ops.some((o) => o.op === "addIndex" && leads(o.index.columns));
}
function classifyAlter(ast, table, foreignKeyChecks = true) {
  const swapsPk = ast.ops.some((o) => o.op === "dropPrimaryKey" || o.op === "dropIndex" && eq(o.name, "PRIMARY")) && ast.ops.some(
    (o) => o.op === "addIndex" && o.index.kind === "primary" || o.op === "addColumn" && o.column.primaryKey
  );
  const fulltexts = ast.ops.filter((o) => o.op === "addIndex" && o.index.kind === "fulltext").length;
  const hasFulltext = table?.indexes.some((i) => i.kind === "fulltext");
  return ast.ops.map((op, index) => {
    const r = (c) => ({ index, clause: op.op, ...c });
    const one = (kind, why2, unknown) => r({ kinds: [kind], why: [why2], unknown });
    switch (op.op) {
      case "addColumn": {
        const c = addColumn(op, table);
        if (swapsPk) c.kinds = c.kinds.map((k) => k === "addPrimaryKey" ? "swapPrimaryKey" : k);
        return r(c);
      }
      case "dropColumn":
        return r(dropColumn(op, table));
      case "modifyColumn":
      case "changeColumn":
        return r(modify(op, table));
      case "renameColumn":
        return one("renameColumn", `renames ${tick(op.from)} to ${tick(op.to)}`);
      case "alterColumnDefault":
        return op.default ? one("setDefault", `SET DEFAULT ${op.default.text}`) : one("dropDefault", "DROP DEFAULT");
      case "alterColumnVisibility":
        return one("columnVisibility", op.visible ? "SET VISIBLE" : "SET INVISIBLE");
      case "addIndex": {
        const k = op.index.kind;
        if (ast.ignore && (k === "primary" || k === "unique"))
          return one("addUniqueIgnore", "ALTER IGNORE copies the table to drop duplicates");
        if (k === "primary") return one(swapsPk ? "swapPrimaryKey" : "addPrimaryKey", "ADD PRIMARY KEY");
        if (k === "spatial") return one("addSpatial", "ADD SPATIAL INDEX");
        if (k === "fulltext") {
          if (fulltexts > 1) return one("addFulltextMany", `${fulltexts} FULLTEXT indexes in one ALTER`);
          if (hasFulltext) return one("addFulltext", "the table already has a FULLTEXT index");
          return one("addFulltextFirst", "the table's first FULLTEXT index adds the hidden FTS_DOC_ID column");
        }
        return one("addIndex", k === "unique" ? "ADD UNIQUE" : "ADD INDEX");
      }
      case "dropIndex":
        if (eq(op.name, "PRIMARY")) return one(swapsPk ? "swapPrimaryKey" : "dropPrimaryKey", "DROP PRIMARY KEY");
        if (op.ifExists && table && !table.indexes.some((i) => eq(i.name, op.name)))
          return r({ kinds: [], why: ["no such index (IF EXISTS)"] });
        return one("dropIndex", `DROP INDEX ${tick(op.name)}`);
      case "dropPrimaryKey":
        return one(swapsPk ? "swapPrimaryKey" : "dropPrimaryKey", "DROP PRIMARY KEY");
      case "renameIndex":
        return one("renameIndex", `RENAME INDEX ${tick(op.from)}`);
      case "alterIndexVisibility":
        return one("indexVisibility", op.visible ? "VISIBLE" : "INVISIBLE");
      case "addForeignKey": {
        if (foreignKeyChecks) return one("addForeignKey", "every existing row is checked");
        if (fkNeedsIndex(op.fk.columns, ast, table))
          return r({
            kinds: ["addForeignKeyNoChecks", "addIndex"],
            why: [
              "existing rows are not checked",
              `no index leads with (${op.fk.columns.join(", ")}), so the server builds one`
            ]
          });
        return one("addForeignKeyNoChecks", "existing rows are not checked");
      }
      case "dropForeignKey":
        return one("dropForeignKey", `DROP FOREIGN KEY ${tick(op.name)}`);
      case "addCheck":
        return one("addCheck", "every existing row is checked");
      case "dropConstraint": {
        if (op.check || table?.checks.some((c) => eq(c.name, op.name)))
          return one("dropCheck", `DROP CHECK ${tick(op.name)}`);
        if (table?.foreignKeys.some((f) => eq(f.name, op.name)))
          return one("dropForeignKey", `DROP CONSTRAINT ${tick(op.name)}`);
        if (table?.indexes.some((i) => eq(i.name, op.name)))
          return one("dropIndex", `DROP CONSTRAINT ${tick(op.name)}`);
        return one("dropCheck", `DROP CONSTRAINT ${tick(op.name)}`, `what kind of constraint ${tick(op.name)} is`);
      }
      case "renameTable":
        return one("renameTable", "RENAME TO");
      case "convertCharset":
        return one("convertCharset", `CONVERT TO CHARACTER SET ${op.charset} rewrites every character column`);
      case "tableOption":
        return r(tableOption(op, table));
      case "force":
        return one("rebuildTable", "FORCE rebuilds the table");
      case "partition":
      case "other":
        return one("changeType", op.text, `the online behaviour of \`${op.text.slice(0, 40)}\``);
    }
  });
}

// src/dialects/mysql/online/row-types.ts
var MY_COL = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Column Operations"';
var MY_IDX = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Index Operations"';
var MY_PK = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Primary Key Operations"';
var MY_GEN = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Generated Column Operations"';
var MY_FK = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Foreign Key Operations"';
var MY_TAB = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Table Operations"';
var MY_TS = 'MySQL 8.0 Reference Manual 15.12.1 (8.4: 17.12.1) Online DDL Operations, "Tablespace Operations" and 15.12.8 "Online DDL Limitations"';
var MA_INSTANT = 'MariaDB KB "InnoDB Online DDL Operations with the INSTANT Alter Algorithm"';
var MA_NOCOPY = 'MariaDB KB "InnoDB Online DDL Operations with the NOCOPY Alter Algorithm"';
var MA_INPLACE = 'MariaDB KB "InnoDB Online DDL Operations with the INPLACE Alter Algorithm"';
var MA_OVERVIEW = 'MariaDB KB "InnoDB Online DDL Overview"';
var MEASURED = "measured on MariaDB 10.11 (test/dialects/mysql/online-truth.test.ts)";
var NONE_REBUILD = { lock: "NONE", rebuilds: true };
var NONE_META = { lock: "NONE", rebuilds: false };
var SHARED_REBUILD = { lock: "SHARED", rebuilds: true };
var SHARED_META = { lock: "SHARED", rebuilds: false };
var MYSQL_INSTANT = v("8.0.12");
var MYSQL_INSTANT_ANYWHERE = v("8.0.29");
var MARIADB_INSTANT = v("10.3.0");
var MARIADB_INSTANT_ANYWHERE = v("10.4.0");
var mysql = (r, manual, basis = "manual") => ({
  ...r,
  flavor: "mysql",
  manual,
  basis
});
var mariadb = (r, manual, basis = "manual") => ({
  ...r,
  flavor: "mariadb",
  manual,
  basis
});

// src/dialects/mysql/online/rows-columns.ts
var COLUMN_ROWS = [
  // ── columns ──
  mysql(
    { op: "addColumnEnd", what: "adding a column at the end", instantSince: MYSQL_INSTANT, inplace: NONE_REBUILD },
    MY_COL
  ),
  mariadb(
    { op: "addColumnEnd", what: "adding a column at the end", instantSince: MARIADB_INSTANT, inplace: NONE_REBUILD },
    MA_INSTANT
  ),
  mysql(
    {
      op: "addColumnMiddle",
      what: "adding a column with FIRST/AFTER",
      instantSince: MYSQL_INSTANT_ANYWHERE,
      inplace: NONE_REBUILD
    },
    MY_COL
  ),
  mariadb(
    {
      op: "addColumnMiddle",
      what: "adding a column with FIRST/AFTER",
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_REBUILD
    },
    MA_INSTANT
  ),
  // an expression default (other than CURRENT_TIMESTAMP) must be computed for every existing row. MySQL refuses
  // INSTANT for it (error 1845; not in the manual's table, seen by Vitess' schemadiff, vitessio/vitess#16024); whether
  // INPLACE is allowed is not documented, so zerodown assumes COPY. MariaDB refuses INPLACE too (MDEV-12586), measured.
  mysql({ op: "addColumnExprDefault", what: "adding a column with an expression default" }, MY_COL, "assumed"),
  mariadb({ op: "addColumnExprDefault", what: "adding a column with an expression default" }, MEASURED, "measured"),
  // an expression default without column references or per-row functions: MySQL still refuses INSTANT for any
  // expression default (vitessio/vitess#16024, even `DEFAULT (2 + 5)`); MariaDB stores it once (measured)
  mysql({ op: "addColumnConstExprDefault", what: "adding a column with an expression default" }, MY_COL, "assumed"),
  mariadb(
    {
      op: "addColumnConstExprDefault",
      what: "adding a column with a constant expression default",
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_REBUILD
    },
    MEASURED,
    "measured"
  ),
  // "Concurrent DML is not permitted when adding an auto-increment column"
  mysql({ op: "addColumnAutoIncrement", what: "adding an AUTO_INCREMENT column", inplace: SHARED_REBUILD }, MY_COL),
  mariadb(
    { op: "addColumnAutoIncrement", what: "adding an AUTO_INCREMENT column", inplace: SHARED_REBUILD },
    MA_INPLACE
  ),
  mysql({ op: "addColumnStored", what: "adding a STORED generated column" }, MY_GEN),
  mariadb({ op: "addColumnStored", what: "adding a STORED (PERSISTENT) generated column" }, MEASURED, "measured"),
  mysql(
    {
      op: "addColumnVirtual",
      what: "adding a VIRTUAL generated column",
      instantSince: MYSQL_INSTANT,
      inplace: NONE_META
    },
    MY_GEN
  ),
  mariadb(
    {
      op: "addColumnVirtual",
      what: "adding a VIRTUAL generated column",
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  ),
  mysql(
    { op: "dropColumn", what: "dropping a column", instantSince: MYSQL_INSTANT_ANYWHERE, inplace: NONE_REBUILD },
    MY_COL
  ),
  mariadb(
    { op: "dropColumn", what: "dropping a column", instantSince: MARIADB_INSTANT_ANYWHERE, inplace: NONE_REBUILD },
    MA_INSTANT
  ),
  // the column's index goes with it: not an INSTANT-only change
  mysql({ op: "dropColumnIndexed", what: "dropping an indexed column", inplace: NONE_REBUILD }, MY_COL, "assumed"),
  mariadb({ op: "dropColumnIndexed", what: "dropping an indexed column", inplace: NONE_META }, MEASURED, "measured"),
  mysql({ op: "dropColumnStored", what: "dropping a STORED generated column", inplace: NONE_REBUILD }, MY_GEN),
  mariadb(
    { op: "dropColumnStored", what: "dropping a STORED generated column", inplace: NONE_REBUILD },
    MA_INPLACE,
    "assumed"
  ),
  mysql(
    {
      op: "dropColumnVirtual",
      what: "dropping a VIRTUAL generated column",
      instantSince: MYSQL_INSTANT,
      inplace: NONE_META
    },
    MY_GEN
  ),
  mariadb(
    {
      op: "dropColumnVirtual",
      what: "dropping a VIRTUAL generated column",
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META
    },
    MA_INSTANT
  ),
  mysql({ op: "reorderColumn", what: "reordering columns", inplace: NONE_REBUILD }, MY_COL),
  mariadb(
    { op: "reorderColumn", what: "reordering columns", instantSince: MARIADB_INSTANT_ANYWHERE, inplace: NONE_REBUILD },
    MA_INSTANT
  ),
  mysql({ op: "renameColumn", what: "renaming a column", instantSince: v("8.0.28"), inplace: NONE_META }, MY_COL),
  mariadb(
    { op: "renameColumn", what: "renaming a column", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT
  ),
  mysql(
    { op: "setDefault", what: "setting a column default", instantSince: MYSQL_INSTANT, inplace: NONE_META },
    MY_COL
  ),
  mariadb(
    { op: "setDefault", what: "setting a column default", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT
  ),
  mysql(
    { op: "dropDefault", what: "dropping a column default", instantSince: MYSQL_INSTANT, inplace: NONE_META },
    MY_COL
  ),
  mariadb(
    { op: "dropDefault", what: "dropping a column default", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT
  ),
  mysql({ op: "columnComment", what: "changing a column comment", inplace: NONE_META }, MY_COL, "assumed"),
  mariadb(
    { op: "columnComment", what: "changing a column comment", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MEASURED,
    "measured"
  ),
  // "Changing the column data type … In Place No … Permits Concurrent DML No"
  mysql({ op: "changeType", what: "changing a column type" }, MY_COL),
  mariadb({ op: "changeType", what: "changing a column type" }, MA_INPLACE),
  mysql({ op: "shrinkType", what: "shrinking a column type" }, MY_COL),
  mariadb({ op: "shrinkType", what: "shrinking a column type" }, MA_INPLACE),
  // "Extending VARCHAR column size: In Place Yes … the number of length bytes … must remain the same"
  mysql({ op: "varcharExtend", what: "widening a VARCHAR within its length-prefix size", inplace: NONE_META }, MY_COL),
  mariadb(
    {
      op: "varcharExtend",
      what: "widening a VARCHAR within its length-prefix size",
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META
    },
    MA_INSTANT
  ),
  // MariaDB 10.4.3 (MDEV-15563; 10.4.6 was the first GA): a VARCHAR of at most 127 bytes can grow past 255 bytes instantly
  mysql({ op: "varcharExtendSmall", what: "widening a VARCHAR of at most 127 bytes past 255 bytes" }, MY_COL),
  mariadb(
    {
      op: "varcharExtendSmall",
      what: "widening a VARCHAR of at most 127 bytes past 255 bytes",
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  ),
  mysql({ op: "varcharCrossPrefix", what: "widening a VARCHAR across the 255-byte length-prefix boundary" }, MY_COL),
  mariadb(
    { op: "varcharCrossPrefix", what: "widening a VARCHAR across the 255-byte length-prefix boundary" },
    MA_INPLACE
  ),
  // "Modifying the definition of an ENUM or SET column: Instant Yes" (members added at the end, same storage size)
  mysql(
    { op: "enumAppend", what: "adding ENUM/SET members at the end", instantSince: MYSQL_INSTANT, inplace: NONE_META },
    MY_COL
  ),
  mariadb(
    { op: "enumAppend", what: "adding ENUM/SET members at the end", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT
  ),
  mysql({ op: "enumAppendGrows", what: "adding ENUM/SET members that change the storage size" }, MY_COL),
  mariadb(
    { op: "enumAppendGrows", what: "adding ENUM/SET members that change the storage size" },
    MEASURED,
    "measured"
  ),
  mysql({ op: "enumReorder", what: "reordering or removing ENUM/SET members" }, MY_COL),
  mariadb({ op: "enumReorder", what: "reordering or removing ENUM/SET members" }, MA_INPLACE),
  mysql({ op: "makeNull", what: "making a column NULL", inplace: NONE_REBUILD }, MY_COL),
  mariadb({ op: "makeNull", what: "making a column NULL", inplace: NONE_REBUILD }, MA_INPLACE),
  // "Making a column NOT NULL: In Place Yes* … SQL_MODE must include STRICT_ALL_TABLES or STRICT_TRANS_TABLES"
  mysql({ op: "makeNotNull", what: "making a column NOT NULL", inplace: NONE_REBUILD }, MY_COL),
  mariadb({ op: "makeNotNull", what: "making a column NOT NULL", inplace: NONE_REBUILD }, MA_INPLACE),
  mysql({ op: "changeCharset", what: "changing a column's character set" }, MY_COL),
  mariadb({ op: "changeCharset", what: "changing a column's character set" }, MEASURED, "measured"),
  mysql({ op: "changeCollation", what: "changing a column's collation" }, MY_COL, "assumed"),
  mariadb(
    {
      op: "changeCollation",
      what: "changing a non-indexed column's collation",
      since: MARIADB_INSTANT_ANYWHERE,
      instantSince: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  ),
  mysql({ op: "changeCollationIndexed", what: "changing an indexed column's collation" }, MY_COL, "assumed"),
  // the column's indexes are rebuilt, the table is not (ALGORITHM=NOCOPY accepted)
  mariadb(
    {
      op: "changeCollationIndexed",
      what: "changing an indexed column's collation",
      since: MARIADB_INSTANT_ANYWHERE,
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  ),
  mysql({ op: "columnVisibility", what: "making a column VISIBLE/INVISIBLE", inplace: NONE_META }, MY_COL, "assumed"),
  mariadb({ op: "columnVisibility", what: "making a column VISIBLE/INVISIBLE" }, MA_INPLACE, "assumed")
];

// src/dialects/mysql/online/table.ts
var ONLINE_TABLE = [
  ...COLUMN_ROWS,
  // ── indexes ──
  mysql({ op: "addIndex", what: "adding a secondary index", inplace: NONE_META }, MY_IDX),
  mariadb({ op: "addIndex", what: "adding a secondary index", inplace: NONE_META }, MA_NOCOPY),
  // ALTER IGNORE TABLE … ADD UNIQUE/PRIMARY KEY drops duplicate rows as it copies (MySQL removed IGNORE in 5.7.4)
  mysql({ op: "addUniqueIgnore", what: "adding a unique key with ALTER IGNORE" }, MY_IDX, "assumed"),
  mariadb(
    { op: "addUniqueIgnore", what: "adding a unique key with ALTER IGNORE (duplicates are dropped row by row)" },
    MEASURED,
    "measured"
  ),
  // "Adding a FULLTEXT index: In Place Yes* Rebuilds No* Permits Concurrent DML No" (the first one rebuilds: FTS_DOC_ID)
  mysql({ op: "addFulltext", what: "adding a FULLTEXT index", inplace: SHARED_META }, MY_IDX),
  mariadb({ op: "addFulltext", what: "adding a FULLTEXT index", inplace: SHARED_META }, MA_NOCOPY),
  mysql({ op: "addFulltextFirst", what: "adding a table's first FULLTEXT index", inplace: SHARED_REBUILD }, MY_IDX),
  mariadb(
    { op: "addFulltextFirst", what: "adding a table's first FULLTEXT index", inplace: SHARED_REBUILD },
    MA_INPLACE
  ),
  // InnoDB builds one FULLTEXT index at a time in place
  mysql({ op: "addFulltextMany", what: "adding several FULLTEXT indexes in one ALTER" }, MY_IDX),
  mariadb({ op: "addFulltextMany", what: "adding several FULLTEXT indexes in one ALTER" }, MEASURED, "measured"),
  mysql({ op: "addSpatial", what: "adding a SPATIAL index", inplace: SHARED_META }, MY_IDX),
  mariadb({ op: "addSpatial", what: "adding a SPATIAL index", inplace: SHARED_META }, MA_NOCOPY),
  mysql({ op: "dropIndex", what: "dropping an index", inplace: NONE_META }, MY_IDX),
  mariadb({ op: "dropIndex", what: "dropping an index", inplace: NONE_META }, MA_NOCOPY),
  mysql({ op: "renameIndex", what: "renaming an index", inplace: NONE_META }, MY_IDX),
  mariadb(
    { op: "renameIndex", what: "renaming an index", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT
  ),
  mysql({ op: "indexVisibility", what: "making an index VISIBLE/INVISIBLE", inplace: NONE_META }, MY_IDX, "assumed"),
  mariadb(
    {
      op: "indexVisibility",
      what: "making an index IGNORED/NOT IGNORED",
      instantSince: v("10.6.0"),
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  ),
  // ── primary key ──
  mysql({ op: "addPrimaryKey", what: "adding a primary key", inplace: NONE_REBUILD }, MY_PK),
  mariadb({ op: "addPrimaryKey", what: "adding a primary key", inplace: NONE_REBUILD }, MA_INPLACE),
  // "Dropping a primary key: In Place No … Permits Concurrent DML No"
  mysql({ op: "dropPrimaryKey", what: "dropping the primary key" }, MY_PK),
  mariadb({ op: "dropPrimaryKey", what: "dropping the primary key" }, MA_INPLACE),
  // "Dropping a primary key and adding another: In Place Yes, Rebuilds Yes, Permits Concurrent DML Yes"
  mysql({ op: "swapPrimaryKey", what: "replacing the primary key", inplace: NONE_REBUILD }, MY_PK),
  mariadb({ op: "swapPrimaryKey", what: "replacing the primary key", inplace: NONE_REBUILD }, MA_INPLACE),
  // ── foreign keys and checks ──
  // "Adding a foreign key constraint: The INPLACE algorithm is supported when foreign_key_checks is disabled. Otherwise, only the COPY algorithm is supported."
  mysql({ op: "addForeignKey", what: "adding a foreign key with foreign_key_checks=1" }, MY_FK),
  mariadb({ op: "addForeignKey", what: "adding a foreign key with foreign_key_checks=1" }, MA_INPLACE),
  mysql(
    { op: "addForeignKeyNoChecks", what: "adding a foreign key with foreign_key_checks=0", inplace: NONE_META },
    MY_FK
  ),
  mariadb(
    {
      op: "addForeignKeyNoChecks",
      what: "adding a foreign key with foreign_key_checks=0",
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  ),
  mysql({ op: "dropForeignKey", what: "dropping a foreign key", inplace: NONE_META }, MY_FK),
  mariadb(
    { op: "dropForeignKey", what: "dropping a foreign key", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MEASURED,
    "measured"
  ),
  // every existing row must be checked
  mysql({ op: "addCheck", what: "adding a CHECK constraint" }, MY_TAB, "assumed"),
  mariadb({ op: "addCheck", what: "adding a CHECK constraint" }, MEASURED, "measured"),
  mysql({ op: "dropCheck", what: "dropping a CHECK constraint", inplace: NONE_META }, MY_TAB, "assumed"),
  mariadb(
    { op: "dropCheck", what: "dropping a CHECK constraint", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT
  ),
  // ── table ──
  mysql({ op: "renameTable", what: "renaming the table", instantSince: MYSQL_INSTANT, inplace: NONE_META }, MY_TAB),
  mariadb(
    { op: "renameTable", what: "renaming the table", instantSince: MARIADB_INSTANT, inplace: NONE_META },
    MA_INSTANT
  ),
  // "Converting a character set: In Place No … Permits Concurrent DML No"
  mysql({ op: "convertCharset", what: "converting the table to another character set" }, MY_TAB),
  mariadb({ op: "convertCharset", what: "converting the table to another character set" }, MEASURED, "measured"),
  // "Specifying a character set: In Place Yes, Rebuilds Yes*" (the table's default, for new columns)
  mysql({ op: "tableCharset", what: "changing the table's default character set", inplace: NONE_REBUILD }, MY_TAB),
  mariadb(
    {
      op: "tableCharset",
      what: "changing the table's default character set",
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  ),
  // ROW_FORMAT, KEY_BLOCK_SIZE, FORCE, ENGINE=InnoDB on InnoDB, OPTIMIZE: "In Place Yes, Rebuilds Yes, Permits Concurrent DML Yes"
  mysql(
    {
      op: "rebuildTable",
      what: "rebuilding the table (ROW_FORMAT, KEY_BLOCK_SIZE, FORCE, ENGINE=InnoDB)",
      inplace: NONE_REBUILD
    },
    MY_TAB
  ),
  mariadb(
    {
      op: "rebuildTable",
      what: "rebuilding the table (ROW_FORMAT, KEY_BLOCK_SIZE, FORCE, ENGINE=InnoDB)",
      inplace: NONE_REBUILD
    },
    MA_INPLACE
  ),
  mysql({ op: "changeEngine", what: "moving the table to another storage engine" }, MY_TS, "assumed"),
  mariadb({ op: "changeEngine", what: "moving the table to another storage engine" }, MA_OVERVIEW, "assumed"),
  // "Changing the auto-increment value: In Place Yes, Rebuilds No"
  mysql({ op: "autoIncrementValue", what: "changing the AUTO_INCREMENT value", inplace: NONE_META }, MY_COL),
  mariadb(
    {
      op: "autoIncrementValue",
      what: "changing the AUTO_INCREMENT value",
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  ),
  // COMMENT, STATS_PERSISTENT / STATS_AUTO_RECALC / STATS_SAMPLE_PAGES: "Only Modifies Metadata"
  mysql({ op: "tableMetadata", what: "changing table metadata (COMMENT, STATS_*)", inplace: NONE_META }, MY_TAB),
  mariadb(
    {
      op: "tableMetadata",
      what: "changing table metadata (COMMENT, STATS_*)",
      instantSince: MARIADB_INSTANT,
      inplace: NONE_META
    },
    MEASURED,
    "measured"
  )
];
var BY_KEY = new Map(ONLINE_TABLE.map((r) => [`${r.flavor}:${r.op}`, r]));
function rowFor(op, flavor) {
  const row = BY_KEY.get(`${flavor}:${op}`);
  if (!row) throw new Error(`online table: no row for ${flavor} ${op}`);
  return row;
}
var TABLE_CONDITIONS = [
  // "ALGORITHM=INSTANT … is not supported for tables with a FULLTEXT index"; a rebuild with a FULLTEXT index cannot allow concurrent DML
  {
    condition: "fulltext",
    flavor: "mysql",
    noInstantColumns: true,
    rebuildLock: "SHARED",
    why: "the table has a FULLTEXT index",
    manual: MY_COL,
    basis: "manual"
  },
  {
    condition: "fulltext",
    flavor: "mariadb",
    noInstantColumns: true,
    rebuildLock: "SHARED",
    why: "the table has a FULLTEXT index (hidden FTS_DOC_ID column)",
    manual: MA_INSTANT,
    basis: "measured"
  },
  {
    condition: "compressed",
    flavor: "mysql",
    noInstantColumns: true,
    why: "the table is ROW_FORMAT=COMPRESSED",
    manual: MY_COL,
    basis: "manual"
  },
  {
    condition: "compressed",
    flavor: "mariadb",
    noInstantColumns: true,
    why: "the table is ROW_FORMAT=COMPRESSED",
    manual: MA_INSTANT,
    basis: "measured"
  },
  // online DDL is InnoDB's: other engines copy
  {
    condition: "notInnodb",
    flavor: "mysql",
    copyAll: { except: ["renameTable"] },
    why: "the table is not InnoDB",
    manual: MY_TS,
    basis: "assumed"
  },
  {
    condition: "notInnodb",
    flavor: "mariadb",
    copyAll: { except: ["renameTable"] },
    why: "the table is not InnoDB",
    manual: MA_OVERVIEW,
    basis: "measured"
  }
];
var COLUMN_SHAPE_OPS = /* @__PURE__ */ new Set([
  "addColumnEnd",
  "addColumnMiddle",
  "addColumnVirtual",
  "dropColumn",
  "dropColumnStored",
  "dropColumnVirtual",
  "reorderColumn"
]);
var ROW_VERSION_LIMITS = [
  { since: v("9.1.0"), limit: 255 },
  { since: MYSQL_INSTANT_ANYWHERE, limit: 64 }
];
var MYSQL_INSTANT_BUGGY = { from: v("8.0.29"), to: v("8.0.31") };

// src/dialects/mysql/online/predict.ts
var LOCK_RANK = { NONE: 0, SHARED: 1, EXCLUSIVE: 2 };
var ALGO_RANK = { INSTANT: 0, INPLACE: 1, COPY: 2 };
var maxLock = (a, b) => LOCK_RANK[a] >= LOCK_RANK[b] ? a : b;
function conditionsOf(table, server) {
  if (!table) return [];
  const holds = {
    fulltext: table.indexes.some((i) => i.kind === "fulltext"),
    compressed: table.rowFormat.toUpperCase() === "COMPRESSED",
    notInnodb: table.engine.toUpperCase() !== "INNODB"
  };
  return TABLE_CONDITIONS.filter((c) => c.flavor === server.flavor && holds[c.condition]);
}
function capability(kind, row, conds, server) {
  const notes = [];
  const supported = !row.since || atLeast(server, row.since);
  let instant = supported && !!row.instantSince && atLeast(server, row.instantSince);
  let inplace = supported && row.inplace ? { ...row.inplace } : void 0;
  if (!supported) notes.push(`only COPY before ${named(server.flavor, row.since)}`);
  for (const c of conds) {
    if (c.copyAll && !c.copyAll.except.includes(kind)) {
      if (instant || inplace) notes.push(c.why);
      instant = false;
      inplace = void 0;
    }
    if (c.noInstantColumns && instant && COLUMN_SHAPE_OPS.has(kind)) {
      instant = false;
      notes.push(`no INSTANT: ${c.why}`);
    }
    if (c.rebuildLock && inplace?.rebuilds && LOCK_RANK[c.rebuildLock] > LOCK_RANK[inplace.lock]) {
      inplace.lock = c.rebuildLock;
      notes.push(`a rebuild needs LOCK=${c.rebuildLock}: ${c.why}`);
    }
  }
  if (instant && !inplace) inplace = { lock: "NONE", rebuilds: false };
  return { instant, inplace, notes };
}
var bestOf = (c) => c.instant ? "INSTANT" : c.inplace ? "INPLACE" : "COPY";
function predictClause(cl, conds, server) {
  let worst;
  const caps = [];
  for (const kind of cl.kinds) {
    const row = rowFor(kind, server.flavor);
    const cap = capability(kind, row, conds, server);
    caps.push(cap);
    if (!worst || ALGO_RANK[bestOf(cap)] > ALGO_RANK[bestOf(worst.cap)]) worst = { kind, row, cap };
  }
  return { worst, caps };
}
function why(row, cl, cap, server) {
  const parts = [...cl.why, ...cap.notes];
  if (!cap.instant && row.instantSince && !atLeast(server, row.instantSince))
    parts.push(`INSTANT only from ${named(server.flavor, row.instantSince)}`);
  return `${row.what}${parts.length ? ` (${parts.join("; ")})` : ""}`;
}
function rowVersionLimit(server) {
  if (server.flavor !== "mysql") return void 0;
  return ROW_VERSION_LIMITS.find((l) => atLeast(server, l.since))?.limit;
}
function predictAlter(ast, table, server, opts = {}) {
  const classified = classifyAlter(ast, table, opts.foreignKeyChecks ?? true);
  const conds = conditionsOf(table, server);
  const unknown = [];
  const warnings = [];
  const ops = [];
  const all = [];
  for (const cl of classified) {
    if (cl.unknown) unknown.push(cl.unknown);
    const { worst, caps } = predictClause(cl, conds, server);
    all.push(...caps);
    if (!worst) continue;
    const best = bestOf(worst.cap);
    ops.push({
      index: cl.index,
      kind: worst.kind,
      algorithm: best,
      lock: best === "COPY" ? "SHARED" : best === "INSTANT" ? "NONE" : worst.cap.inplace.lock,
      rebuilds: best === "COPY" || best === "INPLACE" && worst.cap.inplace.rebuilds,
      why: why(worst.row, cl, worst.cap, server),
      manual: worst.row.manual,
      basis: worst.row.basis
    });
  }
  const result = combine(all, ops, warnings, unknown);
  if (!table && result.algorithm !== "COPY")
    unknown.push(
      `\`${ast.table.name}\` is not in the replayed history: assumed InnoDB, not COMPRESSED, no FULLTEXT index`
    );
  rowVersions(result, classified, table, server);
  if (classified.some((c) => c.kinds.includes("makeNotNull")))
    warnings.push(
      "NULL \u2192 NOT NULL runs in place only in strict SQL mode, and fails if any row holds NULL: backfill first."
    );
  if (classified.some((c) => c.kinds.includes("addPrimaryKey")) && server.flavor === "mysql")
    warnings.push(
      "MySQL refuses ADD PRIMARY KEY in place when a key column must first become NOT NULL outside strict mode."
    );
  explicit(ast, result, server);
  return result;
}
function combine(all, ops, warnings, unknown) {
  const base2 = { ops, warnings, unknown };
  if (!all.length) return { algorithm: "INSTANT", lock: "NONE", rebuilds: false, ...base2 };
  if (all.some((c) => !c.instant && !c.inplace)) return { algorithm: "COPY", lock: "SHARED", rebuilds: true, ...base2 };
  if (all.every((c) => c.instant)) return { algorithm: "INSTANT", lock: "NONE", rebuilds: false, ...base2 };
  return {
    algorithm: "INPLACE",
    lock: all.reduce((l, c) => maxLock(l, c.inplace.lock), "NONE"),
    rebuilds: all.some((c) => c.inplace.rebuilds),
    ...base2
  };
}
function rowVersions(p, classified, table, server) {
  const limit = rowVersionLimit(server);
  if (server.flavor === "mysql" && compareVersion(server, MYSQL_INSTANT_BUGGY.from) >= 0 && compareVersion(server, MYSQL_INSTANT_BUGGY.to) <= 0) {
    if (p.algorithm === "INSTANT" && classified.some((c) => c.column && c.kinds.some((k) => COLUMN_SHAPE_OPS.has(k))))
      p.warnings.push(
        `${versionText(server)} has known bugs in INSTANT ADD/DROP COLUMN (crash recovery and backups of such tables can corrupt data; fixed in 8.0.32): upgrade first, or run it with ALGORITHM=INPLACE.`
      );
  }
  if (!limit || p.algorithm !== "INSTANT") return;
  const versioned = classified.some(
    (c) => c.column && !c.column.virtual && c.kinds.some((k) => COLUMN_SHAPE_OPS.has(k))
  );
  if (!versioned) return;
  const before = table?.rowVersions ?? 0;
  const after = before + 1;
  p.rowVersions = { before, after, limit };
  if (!table) p.unknown.push("how many instant row versions the table has used (not in the replayed history)");
  if (after > limit) {
    p.algorithm = "INPLACE";
    p.rebuilds = true;
    p.warnings.push(
      `The table has used all ${limit} instant row versions: this ADD/DROP COLUMN cannot be INSTANT (error 4092 with ALGORITHM=INSTANT) and rebuilds the table in place.`
    );
  } else if (after >= limit - Math.ceil(limit / 8)) {
    p.warnings.push(
      `This INSTANT ADD/DROP COLUMN is row version ${after} of ${limit}: after ${limit}, MySQL refuses instant column changes on the table (error 4092) until it is rebuilt (ALTER TABLE \u2026 FORCE).`
    );
  }
}
function explicit(clauses, p, server) {
  const algo = clauses.algorithm && clauses.algorithm !== "DEFAULT" ? clauses.algorithm : void 0;
  const lock = clauses.lock && clauses.lock !== "DEFAULT" ? clauses.lock : clauses.online ? "NONE" : void 0;
  if (!algo && !lock) return;
  const requested = [algo && `ALGORITHM=${algo}`, lock && (clauses.online && !clauses.lock ? "ONLINE" : `LOCK=${lock}`)].filter(Boolean).join(", ");
  const refuse = (reason) => {
    p.explicit = {
      requested,
      refused: `${reason} The server refuses the ALTER (ER_ALTER_OPERATION_NOT_SUPPORTED, error 1846).`
    };
  };
  p.explicit = { requested };
  const inplace = (rebuildsToo) => {
    p.algorithm = "INPLACE";
    p.lock = p.ops.reduce((l, o) => maxLock(l, o.lock), "NONE");
    p.rebuilds = rebuildsToo;
  };
  if (algo === "INSTANT" && p.algorithm !== "INSTANT")
    return refuse(`ALGORITHM=INSTANT is not possible: ${firstBlocker(p, "INSTANT")}.`);
  if (algo === "INSTANT" && lock && server.flavor === "mysql")
    return void (p.explicit.refused = "MySQL allows only LOCK=DEFAULT with ALGORITHM=INSTANT (error 1221): drop the LOCK clause.");
  if ((algo === "INPLACE" || algo === "NOCOPY") && p.algorithm === "COPY")
    return refuse(`ALGORITHM=${algo} is not possible: ${firstBlocker(p, "INPLACE")}.`);
  if (algo === "NOCOPY" && p.rebuilds)
    return refuse("ALGORITHM=NOCOPY is not possible: the change rebuilds the table.");
  if (algo === "COPY") {
    p.algorithm = "COPY";
    p.rebuilds = true;
    p.lock = "SHARED";
  } else if (algo === "INPLACE" && p.algorithm === "INSTANT" && server.flavor === "mysql") {
    inplace(p.ops.some((o) => o.rebuilds || rowFor(o.kind, "mysql").inplace?.rebuilds));
  } else if (lock && !algo && p.algorithm === "INSTANT" && server.flavor === "mysql") {
    inplace(p.ops.some((o) => rowFor(o.kind, "mysql").inplace?.rebuilds));
  }
  if (lock === "NONE" && LOCK_RANK[p.lock] > 0)
    return refuse(`LOCK=NONE is not possible: ${firstBlocker(p, p.algorithm === "COPY" ? "INPLACE" : "LOCK=NONE")}.`);
  if (lock && LOCK_RANK[lock] > LOCK_RANK[p.lock]) p.lock = lock;
}
function firstBlocker(p, what) {
  const op = p.ops.find(
    (o) => what === "INSTANT" ? o.algorithm !== "INSTANT" : what === "INPLACE" ? o.algorithm === "COPY" : o.lock !== "NONE"
  );
  if (!op) return "the server cannot";
  if (what === "INSTANT")
    return `${op.why} cannot be INSTANT (best: ${op.algorithm === "COPY" ? "ALGORITHM=COPY" : `ALGORITHM=INPLACE, LOCK=${op.lock}`})`;
  return `${op.why} needs ${what === "INPLACE" ? "ALGORITHM=COPY" : `LOCK=${op.lock}`}`;
}
function predictCreateIndex(ast, table, server) {
  const alter = {
    ...clausesOf(ast),
    type: "alter_table",
    table: ast.table,
    ops: [{ op: "addIndex", index: ast.index, ifNotExists: ast.ifNotExists }],
    body: ""
  };
  return predictAlter(alter, table, server);
}
function predictDropIndex(ast, table, server) {
  const alter = {
    ...clausesOf(ast),
    type: "alter_table",
    table: ast.table,
    ops: [{ op: "dropIndex", name: ast.name, ifExists: ast.ifExists }],
    body: ""
  };
  return predictAlter(alter, table, server);
}
var clausesOf = (c) => ({
  algorithm: c.algorithm,
  lock: c.lock,
  online: c.online,
  wait: c.wait
});

// src/dialects/mysql/version.ts
var MYSQL_80_LATEST_PATCH = 46;
var DEFAULT_MYSQL_VERSION = 8e4 + MYSQL_80_LATEST_PATCH;
var DEFAULT_MARIADB_VERSION = 101100;
var MAJORS = {
  mysql: /* @__PURE__ */ new Set([5, 8, 9]),
  mariadb: /* @__PURE__ */ new Set([5, 10, 11, 12])
};
function parseMysqlVersion(text, flavor) {
  const m = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return void 0;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (!MAJORS[flavor].has(major)) return void 0;
  if (flavor === "mysql" && major === 5 && (minor < 5 || minor > 7)) return void 0;
  if (flavor === "mariadb" && major === 5 && minor !== 5) return void 0;
  let patch = m[3] === void 0 ? 0 : Number(m[3]);
  if (flavor === "mysql" && major === 8 && minor === 0 && m[3] === void 0) patch = MYSQL_80_LATEST_PATCH;
  return major * 1e4 + minor * 100 + patch;
}
function serverVersionOf(n, flavor) {
  return { flavor, major: Math.floor(n / 1e4), minor: Math.floor(n / 100) % 100, patch: n % 100 };
}
function mysqlVersionText(n) {
  const v2 = serverVersionOf(n, "mysql");
  return v2.patch ? `${v2.major}.${v2.minor}.${v2.patch}` : `${v2.major}.${v2.minor}`;
}
function atLeast2(v2, major, minor = 0, patch = 0) {
  return v2.major * 1e4 + v2.minor * 100 + v2.patch >= major * 1e4 + minor * 100 + patch;
}

// src/dialects/mysql/online/row-versions.ts
var COUNTING = { flavor: "mysql", major: 9, minor: 1, patch: 0 };
function rowVersionsAfter(ast, table) {
  const p = predictAlter(ast, table, COUNTING);
  if (p.explicit?.refused) return table.rowVersions;
  if (p.algorithm === "INSTANT" && p.rowVersions) return p.rowVersions.after;
  if (p.rebuilds) return 0;
  return table.rowVersions;
}

// src/dialects/mysql/catalog.ts
function mysqlRelationKey(rel) {
  if (rel === void 0) return "";
  if (typeof rel === "string") return rel.toLowerCase();
  const name = rel.name ?? rel.relname ?? "";
  const schema = rel.schema ?? rel.schemaname;
  return (schema ? `${schema}.${name}` : name).toLowerCase();
}
var CHARACTER_TYPES = /* @__PURE__ */ new Set([
  "char",
  "varchar",
  "tinytext",
  "text",
  "mediumtext",
  "longtext",
  "enum",
  "set",
  "character",
  "character varying",
  "char varying",
  "national char",
  "national character",
  "national varchar",
  "nchar",
  "nvarchar",
  "nchar varchar",
  "nchar varying",
  "long",
  "long varchar"
]);
function isCharacterType(name) {
  return CHARACTER_TYPES.has(name);
}
var same = (a, b) => a.toLowerCase() === b.toLowerCase();
var MyCatalog = class {
  byKey = /* @__PURE__ */ new Map();
  /** the database `USE` selected, when the migrations said */
  database;
  /** every table the replay knows */
  tables() {
    return this.byKey.values();
  }
  table(key) {
    const k = key.toLowerCase();
    const hit = this.byKey.get(k);
    if (hit) return hit;
    const dot = k.indexOf(".");
    if (dot >= 0) {
      const db = k.slice(0, dot);
      if (this.database === void 0 || db === this.database.toLowerCase()) return this.byKey.get(k.slice(dot + 1));
      return void 0;
    }
    return this.database ? this.byKey.get(`${this.database.toLowerCase()}.${k}`) : void 0;
  }
  /** the table a statement names */
  tableOf(name) {
    return this.table(mysqlRelationKey(name));
  }
  column(table, column) {
    return table.columns.find((c) => same(c.name, column));
  }
  createdIn(table) {
    return table.createdIn;
  }
  addedIn(column) {
    return column.addedIn;
  }
  apply(stmt, origin) {
    this.applyAst(stmt.ast, origin);
  }
  /** applies one statement's AST (the plan and shadow slices replay their own statements too) */
  applyAst(ast, origin) {
    switch (ast.type) {
      case "create_table":
        return this.createTable(ast, origin);
      case "alter_table": {
        const t = this.tableOf(ast.table);
        if (!t) return;
        t.rowVersions = rowVersionsAfter(ast, t);
        for (const op of ast.ops) this.alter(t, op, origin);
        return;
      }
      case "truncate": {
        const t = this.tableOf(ast.table);
        if (t) t.rowVersions = 0;
        return;
      }
      case "create_index": {
        const t = this.tableOf(ast.table);
        if (t && !(ast.ifNotExists && this.index(t, ast.index.name ?? ""))) this.addIndex(t, ast.index);
        return;
      }
      case "drop_index": {
        const t = this.tableOf(ast.table);
        if (t) this.dropIndex(t, ast.name);
        return;
      }
      case "drop_table":
        for (const n of ast.tables) this.remove(n);
        return;
      case "rename_table":
        for (const p of ast.pairs) this.rename(p.from, p.to);
        return;
      case "routine":
        if (ast.object !== "trigger") return;
        if (ast.action === "create" && ast.table) this.tableOf(ast.table)?.triggers.push(ast.name.name);
        if (ast.action === "drop")
          for (const t of this.byKey.values()) t.triggers = t.triggers.filter((n) => !same(n, ast.name.name));
        return;
      case "database":
        if (ast.action === "use") this.database = ast.name;
        else if (ast.action === "drop") {
          for (const [k, t] of this.byKey) if (t.schema && same(t.schema, ast.name)) this.byKey.delete(k);
        }
        return;
      default:
        return;
    }
  }
  keyOf(name) {
    return mysqlRelationKey(name);
  }
  createTable(ast, origin) {
    const key = this.keyOf(ast.table);
    if (this.table(key) && ast.ifNotExists) return;
    let table;
    if (ast.like) {
      const src = this.tableOf(ast.like);
      if (!src) return;
      table = structuredClone({ ...src, foreignKeys: [], triggers: [] });
      table.name = ast.table.name;
      table.schema = ast.table.schema;
      if (table.schema === void 0) delete table.schema;
      for (const c of table.columns) delete c.addedIn;
    } else {
      const o = ast.options;
      table = {
        name: ast.table.name,
        columns: [],
        indexes: [],
        foreignKeys: [],
        checks: [...ast.checks],
        engine: (o.ENGINE ?? "InnoDB").toUpperCase(),
        rowFormat: (o.ROW_FORMAT ?? (o.KEY_BLOCK_SIZE && o.KEY_BLOCK_SIZE !== "0" ? "COMPRESSED" : "DYNAMIC")).toUpperCase(),
        rowVersions: 0,
        triggers: [],
        partitioned: !!ast.partition,
        createdIn: origin
      };
      if (ast.table.schema) table.schema = ast.table.schema;
      if (o.CHARSET && !/^default$/i.test(o.CHARSET)) table.charset = o.CHARSET.toLowerCase();
      if (o.COLLATE && !/^default$/i.test(o.COLLATE)) table.collation = o.COLLATE.toLowerCase();
      if (table.rowFormat === "DEFAULT") table.rowFormat = "DYNAMIC";
      const inline = [];
      for (const c of ast.columns) {
        table.columns.push(this.columnOf(table, c));
        if (c.check) table.checks.push({ expr: c.check });
        if (c.references) inline.push({ columns: [c.name], ...c.references });
      }
      for (const ix of ast.indexes) this.addIndex(table, ix);
      for (const fk of [...ast.foreignKeys, ...inline]) this.addForeignKey(table, fk);
    }
    table.createdIn = origin;
    this.byKey.set(key, table);
  }
  columnOf(table, def, addedIn) {
    const col = {
      name: def.name,
      type: def.type,
      // PRIMARY KEY and AUTO_INCREMENT columns are NOT NULL whatever the definition says (measured on MariaDB 10.11)
      nullable: def.nullable !== false && !def.primaryKey && !def.autoIncrement,
      autoIncrement: !!def.autoIncrement,
      invisible: !!def.invisible
    };
    if (def.default) col.default = def.default;
    if (def.generated) col.generated = def.generated;
    if (isCharacterType(def.type.name)) {
      const charset = def.type.charset ?? table.charset;
      const collation = def.type.collation ?? (def.type.charset ? void 0 : table.collation);
      if (charset) col.charset = charset;
      if (collation) col.collation = collation;
    }
    if (addedIn) col.addedIn = addedIn;
    return col;
  }
  index(table, name) {
    return table.indexes.find((i) => same(i.name, name));
  }
  /** the name MySQL gives an unnamed index: its first column, then `_2`, `_3`, … */
  indexName(table, def) {
    if (def.kind === "primary") return "PRIMARY";
    if (def.name) return def.name;
    const base2 = def.columns[0]?.expression ? "functional_index" : def.columns[0]?.name ?? "index";
    if (!this.index(table, base2)) return base2;
    for (let n = 2; ; n++) if (!this.index(table, `${base2}_${n}`)) return `${base2}_${n}`;
  }
  addIndex(table, def, implicit = false) {
    const name = this.indexName(table, def);
    if (this.index(table, name)) return;
    const serves = (ix) => ix.columns.every((c, i) => def.columns[i] && !def.columns[i].expression && same(def.columns[i].name, c.name));
    if (!implicit) table.indexes = table.indexes.filter((ix) => !(ix.implicit && serves(ix)));
    const index = {
      name,
      kind: def.kind,
      columns: def.columns.map((c) => ({ ...c })),
      invisible: !!def.invisible
    };
    if (implicit) index.implicit = true;
    table.indexes.push(index);
    if (def.kind === "primary")
      for (const c of def.columns) {
        const col = this.column(table, c.name);
        if (col) col.nullable = false;
      }
  }
  dropIndex(table, name) {
    table.indexes = table.indexes.filter((i) => !same(i.name, name));
  }
  /**
   * A foreign key (a copy: the catalog never changes the AST). Unnamed, it is `<table>_ibfk_<n>`.
   * Unless a key the migrations made starts with its columns, the server adds a key for it, named
   * after the constraint (else its first column), which replaces an older such key on the same
   * columns (measured on MariaDB 10.11: DROP FOREIGN KEY keeps the key; ADD CONSTRAINT renames it).
   */
  addForeignKey(table, def) {
    const fk = { ...def, columns: [...def.columns], refColumns: [...def.refColumns] };
    if (!fk.name) {
      const n = Math.max(0, ...table.foreignKeys.map((f) => Number(/_ibfk_(\d+)$/.exec(f.name ?? "")?.[1] ?? 0)));
      fk.name = `${table.name}_ibfk_${n + 1}`;
    }
    table.foreignKeys.push(fk);
    const covers = (ix) => fk.columns.every((c, i) => ix.columns[i] && !ix.columns[i].expression && same(ix.columns[i].name, c));
    if (table.indexes.some((ix) => !ix.implicit && covers(ix))) return;
    table.indexes = table.indexes.filter((ix) => !(ix.implicit && covers(ix)));
    const name = def.name ?? fk.columns[0];
    this.addIndex(table, { name, kind: "index", columns: fk.columns.map((c) => ({ name: c })) }, true);
  }
  place(table, col, position, at) {
    if (position && "first" in position) table.columns.unshift(col);
    else if (position && "after" in position) {
      const i = table.columns.findIndex((c) => same(c.name, position.after));
      table.columns.splice(i < 0 ? table.columns.length : i + 1, 0, col);
    } else table.columns.splice(at < 0 ? table.columns.length : at, 0, col);
  }
  renameColumnEverywhere(table, from, to) {
    for (const ix of table.indexes) for (const c of ix.columns) if (!c.expression && same(c.name, from)) c.name = to;
    for (const fk of table.foreignKeys) fk.columns = fk.columns.map((c) => same(c, from) ? to : c);
  }
  alter(table, op, origin) {
    switch (op.op) {
      case "addColumn": {
        if (this.column(table, op.column.name)) return;
        this.place(table, this.columnOf(table, op.column, origin), op.position, -1);
        if (op.column.primaryKey) this.addIndex(table, { kind: "primary", columns: [{ name: op.column.name }] });
        else if (op.column.unique)
          this.addIndex(table, { name: op.column.name, kind: "unique", columns: [{ name: op.column.name }] });
        if (op.column.references) this.addForeignKey(table, { columns: [op.column.name], ...op.column.references });
        return;
      }
      case "dropColumn": {
        table.columns = table.columns.filter((c) => !same(c.name, op.name));
        for (const ix of table.indexes) ix.columns = ix.columns.filter((c) => c.expression || !same(c.name, op.name));
        table.indexes = table.indexes.filter((ix) => ix.columns.length > 0);
        return;
      }
      case "modifyColumn":
      case "changeColumn": {
        const from = op.op === "changeColumn" ? op.from : op.column.name;
        const at = table.columns.findIndex((c) => same(c.name, from));
        if (at < 0) return;
        const old = table.columns[at];
        table.columns.splice(at, 1);
        const col = this.columnOf(table, op.column, old.addedIn);
        if (!op.column.type.charset && old.charset && isCharacterType(op.column.type.name)) {
          col.charset = table.charset ?? old.charset;
        }
        this.place(table, col, op.position, at);
        if (!same(from, op.column.name)) this.renameColumnEverywhere(table, from, op.column.name);
        if (table.indexes.some((i) => i.kind === "primary" && i.columns.some((c) => same(c.name, col.name))))
          col.nullable = false;
        return;
      }
      case "renameColumn": {
        const col = this.column(table, op.from);
        if (!col) return;
        col.name = op.to;
        this.renameColumnEverywhere(table, op.from, op.to);
        return;
      }
      case "alterColumnDefault": {
        const col = this.column(table, op.name);
        if (!col) return;
        if (op.default) col.default = op.default;
        else delete col.default;
        return;
      }
      case "alterColumnVisibility": {
        const col = this.column(table, op.name);
        if (col) col.invisible = !op.visible;
        return;
      }
      case "addIndex":
        return this.addIndex(table, op.index);
      case "dropIndex":
        return this.dropIndex(table, op.name);
      case "dropPrimaryKey":
        return this.dropIndex(table, "PRIMARY");
      case "renameIndex": {
        const ix = this.index(table, op.from);
        if (ix) ix.name = op.to;
        return;
      }
      case "alterIndexVisibility": {
        const ix = this.index(table, op.name);
        if (ix) ix.invisible = !op.visible;
        return;
      }
      case "addForeignKey":
        if (op.ifNotExists && op.fk.name && table.foreignKeys.some((f) => f.name && same(f.name, op.fk.name))) return;
        return this.addForeignKey(table, op.fk);
      case "dropForeignKey":
        table.foreignKeys = table.foreignKeys.filter((f) => !f.name || !same(f.name, op.name));
        return;
      case "addCheck":
        table.checks.push(op.check);
        return;
      case "dropConstraint": {
        const named2 = (n) => !!n && same(n, op.name);
        table.checks = table.checks.filter((c) => !named2(c.name));
        if (op.check) return;
        table.foreignKeys = table.foreignKeys.filter((f) => !named2(f.name));
        table.indexes = table.indexes.filter((i) => !(i.kind === "unique" && named2(i.name)));
        return;
      }
      case "renameTable":
        for (const [k, t] of this.byKey) if (t === table) this.byKey.delete(k);
        table.name = op.to.name;
        if (op.to.schema) table.schema = op.to.schema;
        this.byKey.set(this.keyOf(op.to), table);
        return;
      case "convertCharset":
        table.charset = op.charset;
        if (op.collation) table.collation = op.collation;
        else delete table.collation;
        for (const c of table.columns) {
          if (!isCharacterType(c.type.name)) continue;
          const wider = convertedTextType(c.type.name, c.charset, op.charset);
          if (wider) c.type = { ...c.type, name: wider, text: wider.toUpperCase() };
          c.charset = op.charset;
          if (op.collation) c.collation = op.collation;
          else delete c.collation;
        }
        return;
      case "tableOption": {
        const v2 = op.value;
        if (op.name === "ENGINE") table.engine = v2.toUpperCase();
        else if (op.name === "ROW_FORMAT") table.rowFormat = /^default$/i.test(v2) ? "DYNAMIC" : v2.toUpperCase();
        else if (op.name === "CHARSET") table.charset = v2.toLowerCase();
        else if (op.name === "COLLATE") table.collation = v2.toLowerCase();
        return;
      }
      case "partition":
        if (/^PARTITION\s+BY/i.test(op.text)) table.partitioned = true;
        else if (/^REMOVE\s+PARTITIONING/i.test(op.text)) table.partitioned = false;
        return;
      default:
        return;
    }
  }
  remove(name) {
    const t = this.tableOf(name);
    if (!t) return;
    for (const [k, v2] of this.byKey) if (v2 === t) this.byKey.delete(k);
  }
  rename(from, to) {
    const t = this.tableOf(from);
    if (!t) return;
    this.remove(from);
    t.name = to.name;
    if (to.schema) t.schema = to.schema;
    this.byKey.set(this.keyOf(to), t);
  }
};

export {
  versionText,
  predictAlter,
  predictCreateIndex,
  predictDropIndex,
  DEFAULT_MYSQL_VERSION,
  DEFAULT_MARIADB_VERSION,
  parseMysqlVersion,
  serverVersionOf,
  mysqlVersionText,
  atLeast2 as atLeast,
  mysqlRelationKey,
  isCharacterType,
  MyCatalog
};
