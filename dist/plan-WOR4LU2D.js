import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  MyCatalog,
  isCharacterType,
  mysqlRelationKey,
  predictAlter,
  serverVersionOf
} from "./chunk-BFLEMGMC.js";
import {
  parseSql
} from "./chunk-Z2W6ZCS5.js";
import {
  quoteIdent,
  quoteTable,
  sqlComment
} from "./chunk-3TIBL5EG.js";
import {
  shorten
} from "./chunk-27OUY7LE.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import "./chunk-XJGXLKRM.js";

// src/dialects/mysql/plan/backfill.ts
import { createHash } from "node:crypto";

// src/dialects/mysql/plan/quote.ts
function literal(value) {
  if (/^[A-Za-z0-9 _.,:;@#%+=/()-]*$/.test(value)) return `'${value}'`;
  return `CONVERT(X'${Buffer.from(value, "utf8").toString("hex")}' USING utf8mb4)`;
}

// src/dialects/mysql/plan/sqltext.ts
function lockWaitSeconds(lockTimeout) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|min|h)?\s*$/i.exec(lockTimeout);
  if (!m) throw new Error(`cannot read the lock timeout ${JSON.stringify(lockTimeout)} as a duration`);
  const n = Number(m[1]);
  const unit = (m[2] ?? "s").toLowerCase();
  const seconds = unit === "ms" ? n / 1e3 : unit === "min" ? n * 60 : unit === "h" ? n * 3600 : n;
  return Math.max(1, Math.ceil(seconds));
}
function lockWaitSql(lockTimeout) {
  return `SET SESSION lock_wait_timeout = ${lockWaitSeconds(lockTimeout)};`;
}
function alterSql(table, clauses, mode) {
  const online = mode === "INSTANT" ? "ALGORITHM=INSTANT" : "ALGORITHM=INPLACE, LOCK=NONE";
  const body = clauses.trim().replace(/,\s*$/, "");
  const sep = /--[^\n]*$|#[^\n]*$/.test(body) ? "\n, " : ", ";
  return `ALTER TABLE ${quoteTable(table)} ${body}${sep}${online};`;
}
function plainAlterSql(table, clauses) {
  return terminate(`ALTER TABLE ${quoteTable(table)} ${clauses.trim().replace(/,\s*$/, "")}`);
}
function typeSql(c) {
  let t = c.type.text;
  if (c.type.charset && !/\b(character\s+set|charset)\b/i.test(t)) t += ` CHARACTER SET ${c.type.charset}`;
  if (c.type.collation && !/\bcollate\b/i.test(t)) t += ` COLLATE ${c.type.collation}`;
  return t;
}
function columnSql(c, override = {}) {
  const parts = [quoteIdent(c.name), typeSql(c)];
  if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.generated.expr}) ${c.generated.stored ? "STORED" : "VIRTUAL"}`);
  const nullable = override.nullable ?? c.nullable;
  if (nullable === false) parts.push("NOT NULL");
  else if (nullable === true) parts.push("NULL");
  if (c.default && override.withDefault !== false) parts.push(`DEFAULT ${c.default.text}`);
  if (c.autoIncrement) parts.push("AUTO_INCREMENT");
  if (c.onUpdate) parts.push(`ON UPDATE ${c.onUpdate}`);
  if (c.invisible) parts.push("INVISIBLE");
  if (c.comment !== void 0) parts.push(`COMMENT ${literal(c.comment)}`);
  return parts.join(" ");
}
function positionSql(p) {
  if (!p) return "";
  return "first" in p ? " FIRST" : ` AFTER ${quoteIdent(p.after)}`;
}
function addIndexSql(ix) {
  const cols = ix.columns.map(
    (c) => c.expression ? `(${c.name})${c.desc ? " DESC" : ""}` : `${quoteIdent(c.name)}${c.length !== void 0 ? `(${Number(c.length)})` : ""}${c.desc ? " DESC" : ""}`
  ).join(", ");
  const using = ix.using && /^(BTREE|HASH)$/i.test(ix.using) ? ` USING ${ix.using.toUpperCase()}` : "";
  if (ix.kind === "primary") return `ADD PRIMARY KEY (${cols})${using}`;
  const kind = ix.kind === "unique" ? "UNIQUE INDEX" : ix.kind === "fulltext" ? "FULLTEXT INDEX" : ix.kind === "spatial" ? "SPATIAL INDEX" : "INDEX";
  return `ADD ${kind}${ix.name ? ` ${quoteIdent(ix.name)}` : ""} (${cols})${using}`;
}
function terminate(sql) {
  const t = sql.trimEnd();
  if (t.endsWith(";")) return t;
  return /--[^\n]*$|#[^\n]*$/.test(t) ? `${t}
;` : `${t};`;
}

// src/dialects/mysql/plan/backfill.ts
var INT_TYPES = /* @__PURE__ */ new Set(["tinyint", "smallint", "mediumint", "int", "integer", "bigint"]);
var CHAR_TYPES = /* @__PURE__ */ new Set(["char", "varchar", "binary", "varbinary"]);
function declaredType(c) {
  const n = c.type.name.toLowerCase();
  if (INT_TYPES.has(n)) return `BIGINT${c.type.unsigned ? " UNSIGNED" : ""}`;
  if (n === "date" || n === "datetime" || n === "timestamp") return `${n.toUpperCase()}(6)`;
  const len = c.type.args?.[0];
  if (CHAR_TYPES.has(n) && Number.isInteger(len)) {
    if (n.endsWith("binary")) return `VARBINARY(${len})`;
    if (!c.charset || !/^[a-z0-9_]+$/.test(c.charset) || c.collation && !/^[a-z0-9_]+$/.test(c.collation))
      return void 0;
    return `VARCHAR(${len}) CHARACTER SET ${c.charset}${c.collation ? ` COLLATE ${c.collation}` : ""}`;
  }
  return void 0;
}
function rangeKey(t) {
  const pk = t?.indexes.find((i) => i.kind === "primary");
  if (!t || !pk || pk.columns.length !== 1) return void 0;
  const part = pk.columns[0];
  if (part.expression || part.length !== void 0) return void 0;
  const col = t.columns.find((c) => c.name.toLowerCase() === part.name.toLowerCase());
  const type = col && declaredType(col);
  return col && type ? { column: col.name, type } : void 0;
}
function procedureName(table, columns) {
  const hash = createHash("sha256").update(JSON.stringify([table.schema ?? "", table.name, ...columns])).digest("hex").slice(0, 8);
  const base = `${table.name}_${columns.join("_")}`.replace(/[^A-Za-z0-9_]/g, "").slice(0, 40);
  return `zd_backfill_${base}_${hash}`;
}
function delimiterFor(body) {
  for (const d of ["$$", "//", "$$zd$$", "@@zd@@"]) if (!body.includes(d)) return d;
  let i = 0;
  while (body.includes(`$zd${i}$`)) i++;
  return `$zd${i}$`;
}
var VARIABLES = ["zd_lo", "zd_hi", "zd_done", "zd_pending", "zd_rounds", "zd_changed"];
function procedureBody(inp) {
  const texts = [inp.guard, ...inp.set.map((s) => s.expr)].join(" ").toLowerCase();
  const clash = VARIABLES.find(
    (v) => texts.includes(v) || inp.catalogTable?.columns.some((c) => c.name.toLowerCase() === v)
  );
  if (clash) throw new Error(`the table or the statement uses the name ${clash}, which the batching procedure needs`);
  const t = quoteTable(inp.table);
  const set = inp.set.map((s) => `${quoteIdent(s.column)} = ${s.expr}`).join(", ");
  const n = Math.max(1, Math.floor(inp.batchSize));
  const key = rangeKey(inp.catalogTable);
  if (key) {
    const k = quoteIdent(key.column);
    return [
      "BEGIN",
      `  DECLARE zd_lo ${key.type} DEFAULT NULL;`,
      `  DECLARE zd_hi ${key.type} DEFAULT NULL;`,
      "  DECLARE zd_done INT DEFAULT 0;",
      "  WHILE zd_done = 0 DO",
      "    SET zd_hi = NULL;",
      `    SELECT MAX(zd_batch.${k}) INTO zd_hi FROM (SELECT ${k} FROM ${t} WHERE zd_lo IS NULL OR ${k} > zd_lo ORDER BY ${k} LIMIT ${n}) AS zd_batch;`,
      "    IF zd_hi IS NULL THEN",
      "      SET zd_done = 1;",
      "    ELSE",
      `      UPDATE ${t} SET ${set} WHERE (zd_lo IS NULL OR ${k} > zd_lo) AND ${k} <= zd_hi AND (${inp.guard});`,
      "      COMMIT;",
      "      SET zd_lo = zd_hi;",
      "    END IF;",
      "  END WHILE;",
      "END"
    ].join("\n");
  }
  return [
    "BEGIN",
    "  DECLARE zd_pending BIGINT DEFAULT 0;",
    "  DECLARE zd_rounds BIGINT DEFAULT 0;",
    "  DECLARE zd_changed BIGINT DEFAULT 1;",
    // bounded: a row the assignment leaves pending (e.g. an expression that gives NULL) cannot loop forever
    `  SELECT COUNT(*) INTO zd_pending FROM ${t} WHERE (${inp.guard});`,
    `  WHILE zd_changed > 0 AND zd_rounds <= zd_pending / ${n} DO`,
    `    UPDATE ${t} SET ${set} WHERE (${inp.guard}) LIMIT ${n};`,
    "    SET zd_changed = ROW_COUNT();",
    "    COMMIT;",
    "    SET zd_rounds = zd_rounds + 1;",
    "  END WHILE;",
    "END"
  ].join("\n");
}
function backfillSql(inp) {
  const name = quoteIdent(
    procedureName(
      inp.table,
      inp.set.map((s) => s.column)
    )
  );
  const body = procedureBody(inp);
  const d = delimiterFor(body);
  const secs = lockWaitSeconds(inp.lockTimeout);
  return [
    `SET SESSION lock_wait_timeout = ${secs};`,
    `SET SESSION innodb_lock_wait_timeout = ${secs};`,
    `DROP PROCEDURE IF EXISTS ${name};`,
    `DELIMITER ${d}`,
    `CREATE PROCEDURE ${name}()`,
    `${body}${d}`,
    "DELIMITER ;",
    `CALL ${name}();`,
    `DROP PROCEDURE ${name};`
  ].join("\n");
}
function batchingOf(t) {
  return rangeKey(t) ? "key-range" : "limit";
}

// src/dialects/mysql/plan/context.ts
function tableKey(t) {
  return (t.schema ? `${t.schema}.${t.name}` : t.name).toLowerCase();
}
function colKey(t, column) {
  return `${tableKey(t)}#${column.toLowerCase()}`;
}
function step(kind, sql, keys, reason, extra = {}) {
  return { kind, sql: terminate(sql), transactional: false, keys, reason, ...extra };
}
function record(ctx, stmt, rules, summary) {
  for (const rule of rules) ctx.rewrites.push({ rule, line: stmt.span.line, statement: shorten(stmt.text), summary });
}
function note(ctx, stmt, level, message) {
  ctx.notes.push({ level, message, line: stmt.span.line });
}

// src/dialects/mysql/plan/shell.ts
function shellQuote(arg) {
  if (arg.includes("\0")) throw new Error("a shell argument cannot contain a NUL character");
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
function flag(name, value) {
  return shellQuote(`--${name}=${value}`);
}
function commandLine(words) {
  return words.join(" ");
}

// src/dialects/mysql/plan/osc.ts
var CONNECT = ['--host="$MYSQL_HOST"', `--port="\${MYSQL_PORT:-3306}"`, '--user="$MYSQL_USER"', "--ask-pass"];
var BINLOG_CHECK = "needs ROW binary logs with a FULL row image on the server it reads (SELECT @@global.binlog_format, @@global.binlog_row_image; must say ROW, FULL)";
function nonNullUniqueKey(t) {
  for (const ix of t.indexes) {
    if (ix.kind !== "primary" && ix.kind !== "unique") continue;
    const cols = ix.columns.map((c) => t.columns.find((x) => x.name.toLowerCase() === c.name.toLowerCase()));
    if (ix.columns.every((c) => !c.expression) && cols.every((c) => c && (!c.nullable || ix.kind === "primary")))
      return ix.name;
  }
  return void 0;
}
var nameOf = (t) => t.schema ? `${t.schema}.${t.name}` : t.name;
function flagFile(t) {
  const safe = nameOf(t).replace(/[^A-Za-z0-9_]/g, "_").slice(0, 60);
  return `/tmp/gh-ost.${safe}.postpone`;
}
function ghostCommand(inp) {
  const t = inp.catalogTable;
  const pre = [];
  if (t) {
    pre.push(
      t.foreignKeys.length ? {
        met: false,
        text: `gh-ost refuses tables with foreign keys: ${nameOf(inp.table)} has ${t.foreignKeys.length}`
      } : { met: true, text: "no foreign keys on the table" }
    );
    pre.push(
      t.triggers.length ? {
        met: false,
        text: `gh-ost refuses tables with triggers (${t.triggers.join(", ")}); recent releases can carry them with --include-triggers`
      } : { met: true, text: "no triggers on the table" }
    );
    const key = nonNullUniqueKey(t);
    pre.push(
      key ? { met: true, text: `copies by the NOT NULL unique key ${key}` } : { met: false, text: "gh-ost needs a PRIMARY or UNIQUE key with no NULL columns; the table has none" }
    );
  } else {
    pre.push({
      met: null,
      text: "the table is not in the replayed migrations: check it has no foreign keys or triggers and has a PRIMARY or NOT NULL UNIQUE key"
    });
  }
  if (inp.referencedBy.length)
    pre.push({
      met: false,
      text: `gh-ost refuses tables that foreign keys point at: ${inp.referencedBy.map((r) => nameOf(r.table)).join(", ")}`
    });
  pre.push({ met: null, text: BINLOG_CHECK });
  pre.push({
    met: null,
    text: "connects to a replica and finds the primary by default; add --allow-on-master to run it against the primary directly"
  });
  if (inp.addsForeignKey)
    pre.push({
      met: false,
      text: "the change adds a foreign key, and gh-ost does not support foreign keys: its ghost table would be swapped in without it"
    });
  if (inp.addsUnique)
    pre.push({
      met: null,
      text: "the change adds a UNIQUE key and gh-ost copies rows with INSERT IGNORE: duplicate rows would be dropped silently. Run the pre-flight query first; it must return no rows"
    });
  const words = [
    "gh-ost",
    ...CONNECT,
    inp.table.schema ? flag("database", inp.table.schema) : '--database="$MYSQL_DATABASE"',
    flag("table", inp.table.name),
    flag("alter", inp.body),
    flag("chunk-size", inp.chunkSize),
    flag("max-load", "Threads_running=25"),
    flag("critical-load", "Threads_running=100"),
    flag("critical-load-interval-millis", 2e3),
    flag("max-lag-millis", 1500),
    flag("cut-over", "default"),
    flag("cut-over-lock-timeout-seconds", Math.max(1, inp.lockWaitSeconds)),
    flag("postpone-cut-over-flag-file", flagFile(inp.table)),
    "--exact-rowcount",
    "--concurrent-rowcount",
    "--verbose"
  ];
  return {
    tool: "gh-ost",
    dryRun: commandLine(words),
    command: commandLine([...words, "--execute"]),
    preconditions: pre
  };
}
function ptOscCommand(inp) {
  const t = inp.catalogTable;
  const pre = [];
  const extra = [];
  if (t) {
    const hasKey = t.indexes.some((i) => i.kind === "primary" || i.kind === "unique");
    pre.push(
      hasKey ? { met: true, text: "has a PRIMARY or UNIQUE key (its DELETE trigger needs one)" } : { met: false, text: "pt-osc needs a PRIMARY or UNIQUE key on the table; it has none" }
    );
    if (t.triggers.length) {
      extra.push("--preserve-triggers");
      pre.push({
        met: true,
        text: `the table has triggers (${t.triggers.join(", ")}): --preserve-triggers copies them to the new table`
      });
    }
  } else {
    pre.push({
      met: null,
      text: "the table is not in the replayed migrations: check it has a PRIMARY or UNIQUE key, and add --preserve-triggers if it has triggers"
    });
  }
  if (inp.referencedBy.length) {
    extra.push("--alter-foreign-keys-method=rebuild_constraints");
    pre.push({
      met: true,
      text: `foreign keys point at the table from ${inp.referencedBy.map((r) => nameOf(r.table)).join(", ")}: --alter-foreign-keys-method=rebuild_constraints re-points them with an ALTER of each child table after the swap (a large child table makes that ALTER long)`
    });
  }
  if (inp.addsForeignKey)
    pre.push({
      met: null,
      text: "the change adds a foreign key: pt-osc creates it on the new table under a name with a leading underscore (`_name`), so later migrations that drop it by name must use that name"
    });
  if (/[,=]/.test(inp.table.name) || /[,=]/.test(inp.table.schema ?? ""))
    pre.push({
      met: false,
      text: "pt-osc takes the table in a DSN (D=\u2026,t=\u2026), which cannot hold a name with ',' or '='"
    });
  if (inp.addsUnique)
    pre.push({
      met: false,
      text: "the change adds a UNIQUE key: pt-osc refuses it (--check-unique-key-change) because its INSERT IGNORE copy drops duplicate rows silently. Run the pre-flight query; only when it returns no rows, add --no-check-unique-key-change"
    });
  const words = [
    "pt-online-schema-change",
    ...CONNECT,
    flag("alter", inp.body),
    flag("chunk-size", inp.chunkSize),
    flag("max-load", "Threads_running=25"),
    flag("critical-load", "Threads_running=50"),
    flag("max-lag", 1),
    ...extra
  ];
  const dsn = inp.table.schema ? shellQuote(`D=${inp.table.schema},t=${inp.table.name}`) : `D="$MYSQL_DATABASE",${shellQuote(`t=${inp.table.name}`)}`;
  return {
    tool: "pt-online-schema-change",
    dryRun: commandLine([...words, "--dry-run", dsn]),
    command: commandLine([...words, "--execute", dsn]),
    preconditions: pre
  };
}
function oscCommands(inp) {
  return [ghostCommand(inp), ptOscCommand(inp)];
}

// src/dialects/mysql/plan/predict.ts
var isOnline = (p) => !!p && (p.algorithm === "INSTANT" || p.lock === "NONE");

// src/dialects/mysql/plan/preflight.ts
function duplicatesQuery(table, ix) {
  if (ix.columns.some((c) => c.expression)) return void 0;
  const parts = ix.columns.map(
    (c) => c.length !== void 0 ? `LEFT(${quoteIdent(c.name)}, ${Number(c.length)})` : quoteIdent(c.name)
  );
  const notNull = ix.columns.map((c) => `${quoteIdent(c.name)} IS NOT NULL`).join(" AND ");
  return {
    purpose: `rows that share a value of the new ${ix.kind === "primary" ? "primary key" : "unique index"} (${ix.columns.map((c) => c.name).join(", ")}): the step fails on them, or an online schema change tool drops all but one. Must return no rows`,
    sql: `SELECT ${parts.join(", ")}, COUNT(*) AS zd_rows FROM ${quoteTable(table)} WHERE ${notNull} GROUP BY ${parts.join(", ")} HAVING COUNT(*) > 1 LIMIT 20;`
  };
}
function nullsQuery(table, column) {
  return {
    purpose: `NULLs left in ${column}, which is about to become NOT NULL: the step fails on them (or, without strict sql_mode, silently turns them into 0 or ''). Must return 0`,
    sql: `SELECT COUNT(*) AS zd_nulls FROM ${quoteTable(table)} WHERE ${quoteIdent(column)} IS NULL;`
  };
}
function tooLongQuery(table, column, length) {
  return {
    purpose: `values of ${column} longer than the new length ${length}: the step fails on them (or, without strict sql_mode, cuts them off). Must return 0`,
    sql: `SELECT COUNT(*) AS zd_too_long FROM ${quoteTable(table)} WHERE CHAR_LENGTH(${quoteIdent(column)}) > ${Number(length)};`
  };
}
function removedValuesQuery(table, column, kept) {
  const list = kept.length ? kept.map(literal).join(", ") : "NULL";
  return {
    purpose: `values of ${column} the new ENUM/SET list drops: the step fails on them (or stores '' without strict sql_mode). Must return no rows`,
    sql: `SELECT ${quoteIdent(column)}, COUNT(*) AS zd_rows FROM ${quoteTable(table)} WHERE ${quoteIdent(column)} IS NOT NULL AND ${quoteIdent(column)} NOT IN (${list}) GROUP BY ${quoteIdent(column)} LIMIT 20;`
  };
}
function orphansQuery(table, fk) {
  if (!fk.refColumns.length || fk.refColumns.length !== fk.columns.length) return void 0;
  const notNull = fk.columns.map((c) => `zd_c.${quoteIdent(c)} IS NOT NULL`).join(" AND ");
  const match = fk.columns.map((c, i) => `zd_p.${quoteIdent(fk.refColumns[i])} = zd_c.${quoteIdent(c)}`).join(" AND ");
  return {
    purpose: `rows of ${table.name} whose ${fk.columns.join(", ")} has no match in ${fk.refTable.name}: the plan adds the foreign key without checking existing rows (foreign_key_checks=0), so they would stay and break it. Must return 0`,
    sql: `SELECT COUNT(*) AS zd_orphans FROM ${quoteTable(table)} AS zd_c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${quoteTable(fk.refTable)} AS zd_p WHERE ${match});`
  };
}

// src/dialects/mysql/plan/alter.ts
var ALTER_ANSWERS = [
  "adding-field-with-default",
  "index-same-step-as-add-column",
  "require-lock-timeout",
  // the plan writes its own ALGORITHM/LOCK: online where the server can, else an online schema change tool
  "ban-explicit-copy-or-lock"
];
var COPY_ANSWERS = [
  "alter-table-not-online",
  "changing-column-type",
  "charset-conversion",
  "adding-fulltext-or-spatial-index",
  "adding-auto-increment-column",
  "adding-stored-generated-column"
];
var FK_ANSWERS = ["adding-foreign-key-constraint"];
function piece(ast, ops, body) {
  const { algorithm: _a, lock: _l, online: _o, wait: _w, ...rest } = ast;
  return { ...rest, ops, body };
}
function preflightFor(ast, t) {
  const out = [];
  const col = (name) => t?.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  for (const op of ast.ops) {
    if (op.op === "addIndex" && (op.index.kind === "unique" || op.index.kind === "primary")) {
      const q = duplicatesQuery(ast.table, op.index);
      if (q) out.push(q);
      if (op.index.kind === "primary") {
        for (const c of op.index.columns)
          if (!c.expression && col(c.name)?.nullable) out.push(nullsQuery(ast.table, c.name));
      }
    }
    if (op.op === "modifyColumn" || op.op === "changeColumn") {
      const from = op.op === "changeColumn" ? op.from : op.column.name;
      const before = col(from);
      if (!before) continue;
      const after = op.column;
      if (after.nullable === false && before.nullable) out.push(nullsQuery(ast.table, from));
      const chars = ["char", "varchar", "tinytext", "text"];
      const newLen = after.type.args?.[0];
      const oldLen = before.type.args?.[0];
      if (chars.includes(after.type.name) && newLen !== void 0 && (oldLen === void 0 || newLen < oldLen) && chars.includes(before.type.name))
        out.push(tooLongQuery(ast.table, from, newLen));
      if ((after.type.name === "enum" || after.type.name === "set") && before.type.values && after.type.values) {
        const kept = new Set(after.type.values);
        if (before.type.values.some((v) => !kept.has(v)))
          out.push(removedValuesQuery(ast.table, from, after.type.values));
      }
    }
    if (op.op === "addColumn" && op.column.unique) {
      const q = duplicatesQuery(ast.table, { kind: "unique", columns: [{ name: op.column.name }] });
      if (q) out.push(q);
    }
  }
  return out;
}
function changeStep(ctx, kind, ast, t, pred, keys, reason) {
  const preflight = preflightFor(ast, t);
  const extra = preflight.length ? { preflight } : {};
  if (isOnline(pred)) {
    const mode = pred.algorithm === "INSTANT" ? "INSTANT" : "INPLACE";
    return step(
      kind,
      `${lockWaitSql(ctx.settings.lockTimeout)}
${alterSql(ast.table, ast.body, mode)}`,
      keys,
      reason,
      extra
    );
  }
  const addsUnique = ast.ops.some(
    (o) => o.op === "addIndex" && (o.index.kind === "unique" || o.index.kind === "primary") || o.op === "addColumn" && !!(o.column.unique || o.column.primaryKey)
  );
  const commands = oscCommands({
    table: ast.table,
    body: ast.body,
    catalogTable: t,
    referencedBy: ctx.catalog.referencing(ast.table),
    addsUnique,
    addsForeignKey: ast.ops.some((o) => o.op === "addForeignKey" || o.op === "addColumn" && !!o.column.references),
    chunkSize: ctx.settings.batchSize,
    lockWaitSeconds: lockWaitSeconds(ctx.settings.lockTimeout)
  });
  const sql = [
    sqlComment(
      `${pred.algorithm}${pred.lock !== "NONE" ? `, LOCK=${pred.lock}` : ""}: this ALTER blocks writes to the table while the server copies it. On a large table run the gh-ost or pt-online-schema-change command of this phase instead; the ALTER below is their end state.`
    ),
    lockWaitSql(ctx.settings.lockTimeout),
    plainAlterSql(ast.table, ast.body)
  ].join("\n");
  return step(kind, sql, keys, reason, { ...extra, commands });
}
function splittable(c) {
  return !c.autoIncrement && !c.generated && !c.primaryKey && !c.unique && !c.references && !c.check;
}
function split(ctx, stmt, ast, t) {
  const adds = ast.ops.filter((o) => o.op === "addColumn");
  const indexes = ast.ops.filter((o) => o.op === "addIndex");
  if (adds.length + indexes.length !== ast.ops.length || !adds.length) return void 0;
  if (!adds.every((a) => splittable(a.column) && !a.ifNotExists) || indexes.some((i) => i.ifNotExists))
    return void 0;
  const server = ctx.server;
  const groups = [];
  let splitAny = indexes.length > 0;
  for (const a of adds) {
    const c = a.column;
    const whole = ctx.predict(piece(ast, [a], `ADD COLUMN ${columnSql(c)}${positionSql(a.position)}`), t, server);
    if (!whole) return void 0;
    const key = colKey(ast.table, c.name);
    const filled = c.default && c.default.kind !== "null";
    if (whole.algorithm === "INSTANT" || !filled) {
      groups.push([
        changeStep(
          ctx,
          "expand",
          piece(ast, [a], `ADD COLUMN ${columnSql(c)}${positionSql(a.position)}`),
          t,
          whole,
          [key],
          "add the column (instant where the server can)"
        )
      ]);
      continue;
    }
    const bare = { ...c, nullable: true };
    delete bare.default;
    const addBody = `ADD COLUMN ${columnSql(bare)}${positionSql(a.position)}`;
    const addAst = piece(ast, [{ ...a, column: bare }], addBody);
    const addPred = ctx.predict(addAst, t, server);
    if (!addPred) return void 0;
    const modify = c;
    const modBody = `MODIFY COLUMN ${columnSql(modify)}`;
    const modAst = piece(ast, [{ op: "modifyColumn", column: modify }], modBody);
    const tAfter = t && {
      ...t,
      columns: [
        ...t.columns,
        {
          name: c.name,
          type: c.type,
          nullable: true,
          autoIncrement: false,
          invisible: false,
          // as the catalog replays it: the column's charset, else the table's (character types only)
          ...isCharacterType(c.type.name) && (c.type.charset ?? t.charset) ? { charset: c.type.charset ?? t.charset } : {},
          ...isCharacterType(c.type.name) && (c.type.collation ?? t.collation) ? { collation: c.type.collation ?? t.collation } : {}
        }
      ]
    };
    const modPred = ctx.predict(modAst, tAfter, server);
    if (!modPred) return void 0;
    splitAny = true;
    const g = [
      changeStep(
        ctx,
        "expand",
        addAst,
        t,
        addPred,
        [key],
        "add the column nullable and without its default: instant, no table copy"
      )
    ];
    g.push(
      step(
        "backfill",
        backfillSql({
          table: ast.table,
          catalogTable: t,
          set: [{ column: c.name, expr: c.default.text }],
          guard: `${quoteIdent(c.name)} IS NULL`,
          batchSize: ctx.settings.batchSize,
          lockTimeout: ctx.settings.lockTimeout
        }),
        [key],
        `fill existing rows in batches of ${ctx.settings.batchSize}, each committed on its own (no long row locks, no replica lag spike; safe to run again)`
      )
    );
    const contract = changeStep(
      ctx,
      "contract",
      modAst,
      tAfter,
      modPred,
      [key],
      "give the column its NOT NULL and default once every row has a value"
    );
    contract.weak = true;
    g.push(contract);
    groups.push(g);
    note(
      ctx,
      stmt,
      "info",
      `${c.name}: rows the application inserts between the add and the last phase get NULL; deploy code that writes ${c.name} first, or run the backfill phase again right before the last phase (batches ${batchingOf(t) === "key-range" ? "by primary-key ranges" : "by UPDATE \u2026 LIMIT, the table has no usable one-column primary key"}).`
    );
  }
  if (!splitAny) return void 0;
  for (const ix of indexes) groups.push([indexStep(ctx, ast, t, ix.index)].filter((s) => !!s));
  return groups.some((g) => !g.length) ? void 0 : groups;
}
function indexStep(ctx, ast, t, ix) {
  const body = addIndexSql(ix);
  const sub = piece(ast, [{ op: "addIndex", index: ix }], body);
  const pred = ctx.predict(sub, t, ctx.server);
  if (!pred) return void 0;
  const keys = ix.columns.filter((c) => !c.expression).map((c) => colKey(ast.table, c.name));
  return changeStep(
    ctx,
    "index",
    sub,
    t,
    pred,
    keys.length ? keys : [tableKey(ast.table)],
    "build the index in its own phase, after the data it indexes exists"
  );
}
var ANSWERS = new Set(ALTER_ANSWERS);
var FK_ALL = /* @__PURE__ */ new Set([...ALTER_ANSWERS, ...FK_ANSWERS, "alter-table-not-online"]);
function foreignKeys(ctx, stmt, ast, t) {
  const fks = ast.ops.filter((o) => o.op === "addForeignKey");
  if (!fks.length || fks.length !== ast.ops.length) return void 0;
  const rules = covered(ctx, stmt, FK_ALL);
  if (!rules) return void 0;
  const whole = piece(ast, ast.ops, ast.body);
  const pred = ctx.predict(whole, t, ctx.server, { foreignKeyChecks: false });
  const preflight = fks.map((f) => orphansQuery(ast.table, f.fk));
  if (!pred || !isOnline(pred) || preflight.some((q) => !q)) return void 0;
  const sql = [
    lockWaitSql(ctx.settings.lockTimeout),
    // session only: if the ALTER fails, end the session before running anything else in it
    "SET SESSION foreign_key_checks = 0;",
    alterSql(ast.table, ast.body, pred.algorithm === "INSTANT" ? "INSTANT" : "INPLACE"),
    "SET SESSION foreign_key_checks = 1;"
  ].join("\n");
  record(
    ctx,
    stmt,
    rules,
    "the foreign key added INPLACE, LOCK=NONE with foreign_key_checks off, after a pre-flight query for rows it would not accept"
  );
  note(
    ctx,
    stmt,
    "warning",
    `With foreign_key_checks=0 the server does not check existing rows against the new foreign key: run the pre-flight query on production first; it must return 0, or the key holds rows that break it.`
  );
  return [
    [
      step(
        "expand",
        sql,
        [tableKey(ast.table), ...fks.map((f) => tableKey(f.fk.refTable))],
        "add the foreign key without a table copy: foreign_key_checks off for this session only (existing rows are checked by the pre-flight query instead)",
        {
          preflight
        }
      )
    ]
  ];
}
var WITH_TOOLS = /* @__PURE__ */ new Set([...ALTER_ANSWERS, ...COPY_ANSWERS]);
var toolUsable = (s) => !!s.commands?.some((c) => c.preconditions.every((p) => p.met !== false));
var ADVISORY = /* @__PURE__ */ new Set(["merge-alter-table"]);
function covered(ctx, stmt, answers) {
  const rules = new Set([...ctx.flaggedBy(stmt)].filter((r) => !ADVISORY.has(r)));
  for (const r of rules) if (!answers.has(r) || !ctx.allowed(stmt, r)) return void 0;
  return rules;
}
function rewriteAlter(ctx, stmt, ast) {
  if (!covered(ctx, stmt, WITH_TOOLS) && !covered(ctx, stmt, FK_ALL)) return void 0;
  if (!ast.body.trim()) {
    note(
      ctx,
      stmt,
      "warning",
      "No automatic plan for this ALTER: zerodown could not tell its clauses apart; it is kept as written."
    );
    return void 0;
  }
  if (ast.ignore || ast.ifExists) {
    note(
      ctx,
      stmt,
      "warning",
      `No automatic plan for this ALTER: zerodown does not reissue ALTER ${ast.ignore ? "IGNORE " : ""}TABLE${ast.ifExists ? " IF EXISTS" : ""} in parts; it is kept as written.`
    );
    return void 0;
  }
  if (ast.ops.some((o) => o.op === "partition" || o.op === "other")) {
    note(
      ctx,
      stmt,
      "warning",
      "No automatic plan for this ALTER: it has partition or other clauses zerodown does not reissue with ALGORITHM/LOCK; it is kept as written."
    );
    return void 0;
  }
  const t = ctx.catalog.table(ast.table);
  const fk = foreignKeys(ctx, stmt, ast, t);
  if (fk) return fk;
  const parts = split(ctx, stmt, ast, t);
  const steps = parts?.flat() ?? [];
  const splitRules = parts && covered(ctx, stmt, steps.every((x) => !x.commands || toolUsable(x)) ? WITH_TOOLS : ANSWERS);
  if (parts && splitRules) {
    record(
      ctx,
      stmt,
      splitRules,
      "add the column instantly, fill it in batches, build each index in its own phase, then set NOT NULL"
    );
    return parts;
  }
  const pred = ctx.predict(piece(ast, ast.ops, ast.body), t, ctx.server);
  if (!pred) {
    note(
      ctx,
      stmt,
      "warning",
      "No automatic plan for this ALTER: zerodown cannot predict how the server runs it; it is kept as written."
    );
    return void 0;
  }
  const online = isOnline(pred);
  const s = changeStep(
    ctx,
    "expand",
    ast,
    t,
    pred,
    [tableKey(ast.table)],
    online ? `run online (${pred.algorithm}${pred.algorithm === "INSTANT" ? "" : ", LOCK=NONE"}); the server refuses rather than copies if it cannot` : `only a table copy can make this change (${pred.algorithm}${pred.lock !== "NONE" ? `, LOCK=${pred.lock}` : ""}): use an online schema change tool`
  );
  const rules = covered(ctx, stmt, online || !toolUsable(s) ? ANSWERS : WITH_TOOLS);
  if (!rules) {
    if (!online && !toolUsable(s))
      note(
        ctx,
        stmt,
        "warning",
        `No automatic plan for this ALTER: only a table copy can make it, and neither gh-ost nor pt-online-schema-change can run on ${ast.table.name} as it stands (${s.commands?.flatMap((c) => c.preconditions.filter((p) => p.met === false).map((p) => p.text)).join("; ")}).`
      );
    return void 0;
  }
  record(
    ctx,
    stmt,
    rules,
    online ? `explicit ALGORITHM=${pred.algorithm} after SET SESSION lock_wait_timeout` : "gh-ost / pt-online-schema-change commands in place of the copying ALTER"
  );
  return [[s]];
}
function rewriteCreateIndex(ctx, stmt, ast) {
  const all = covered(ctx, stmt, WITH_TOOLS);
  if (!all) return void 0;
  const alter = { type: "alter_table", table: ast.table, ops: [], body: "" };
  const s = indexStep(ctx, alter, ctx.catalog.table(ast.table), ast.index);
  if (!s) return void 0;
  const rules = covered(ctx, stmt, s.commands ? toolUsable(s) ? WITH_TOOLS : /* @__PURE__ */ new Set() : ANSWERS);
  if (!rules) return void 0;
  record(
    ctx,
    stmt,
    rules,
    s.commands ? "gh-ost / pt-online-schema-change commands in place of the copying index build" : "the index built in its own phase with ALGORITHM=INPLACE, LOCK=NONE"
  );
  return [[s]];
}

// src/dialects/mysql/plan/phases.ts
function transactionalSql(steps, settings) {
  const n = lockWaitSeconds(settings.lockTimeout);
  return [
    `SET SESSION lock_wait_timeout = ${n};`,
    `SET SESSION innodb_lock_wait_timeout = ${n};`,
    ...steps,
    "SET SESSION lock_wait_timeout = DEFAULT;",
    "SET SESSION innodb_lock_wait_timeout = DEFAULT;"
  ].join("\n");
}

// src/dialects/mysql/plan/update.ts
var UPDATE_ANSWERS = ["unbatched-backfill"];
var VOLATILE = /* @__PURE__ */ new Set([
  "rand",
  "uuid",
  "uuid_short",
  "sys_guid",
  "now",
  "sysdate",
  "curdate",
  "curtime",
  "current_date",
  "current_time",
  "current_timestamp",
  "localtime",
  "localtimestamp",
  "utc_date",
  "utc_time",
  "utc_timestamp",
  "unix_timestamp",
  "connection_id",
  "last_insert_id",
  "found_rows",
  "row_count",
  "sleep",
  "nextval",
  "random_bytes"
]);
function wordsOf(expr) {
  const names = /* @__PURE__ */ new Set();
  let userVars = false;
  const re = /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`((?:[^`]|``)*)`|@@?[A-Za-z0-9_$.]*|([A-Za-z_$][A-Za-z0-9_$]*)/g;
  for (const m of expr.matchAll(re)) {
    if (m[1] !== void 0) names.add(m[1].replace(/``/g, "`").toLowerCase());
    else if (m[2] !== void 0) names.add(m[2].toLowerCase());
    else if (m[0].startsWith("@")) userVars = true;
  }
  return { names, userVars };
}
function notIdempotent(set) {
  const targets = new Set(set.map((s) => s.column.toLowerCase()));
  for (const s of set) {
    const { names, userVars } = wordsOf(s.expr);
    const reads = [...names].find((n) => targets.has(n));
    if (reads) return `its SET reads ${reads}, a column it writes, so a second run would change rows again`;
    const vol = [...names].find((n) => VOLATILE.has(n));
    if (vol)
      return `its SET calls ${vol}(), whose value changes on every call, so zerodown cannot tell a done row from a pending one`;
    if (userVars) return "its SET reads a variable, so zerodown cannot tell a done row from a pending one";
  }
  return void 0;
}
var ANSWERS2 = new Set(UPDATE_ANSWERS);
function rewriteUpdate(ctx, stmt, ast) {
  const rules = ctx.flaggedBy(stmt);
  if (!rules.has("unbatched-backfill")) return void 0;
  for (const r of rules) if (!ANSWERS2.has(r) || !ctx.allowed(stmt, r)) return void 0;
  const why = ast.tables.length !== 1 ? "a multi-table UPDATE has no batched form" : ast.limit !== void 0 || ast.orderBy ? "it already has ORDER BY / LIMIT of its own" : !ast.set.length ? "zerodown could not read its SET list" : notIdempotent(ast.set);
  if (why) {
    note(
      ctx,
      stmt,
      "warning",
      `No automatic plan for this UPDATE: ${why}. Run it by hand in batches of a few thousand rows by primary key, each committed on its own.`
    );
    return void 0;
  }
  const table = ast.tables[0];
  const t = ctx.catalog.table(table);
  const pending = ast.set.map((s) => `NOT (${quoteIdent(s.column)} <=> (${s.expr}))`).join(" OR ");
  const guard = ast.where ? `(${ast.where}) AND (${pending})` : pending;
  const sql = backfillSql({
    table,
    catalogTable: t,
    set: ast.set,
    guard,
    batchSize: ctx.settings.batchSize,
    lockTimeout: ctx.settings.lockTimeout
  });
  record(
    ctx,
    stmt,
    rules,
    `the same UPDATE in batches of ${ctx.settings.batchSize} ${batchingOf(t) === "key-range" ? "by primary-key ranges" : "by UPDATE \u2026 LIMIT"}, each committed; a rerun skips rows already done`
  );
  return [
    [
      step(
        "backfill",
        sql,
        ast.set.map((s) => colKey(table, s.column)),
        `update existing rows in batches of ${ctx.settings.batchSize}, each committed on its own (no long row locks, no replica lag spike; safe to run again)`
      )
    ]
  ];
}

// src/dialects/mysql/plan/session.ts
var DDL = /* @__PURE__ */ new Set([
  "alter_table",
  "create_table",
  "create_index",
  "drop_index",
  "drop_table",
  "rename_table",
  "truncate",
  "routine",
  "database",
  "account",
  "server"
]);
var WAITS_FOR_MDL = /* @__PURE__ */ new Set([
  "alter_table",
  "create_index",
  "drop_index",
  "drop_table",
  "rename_table",
  "truncate"
]);
function dropped(stmt) {
  const a = stmt.ast;
  if (a.type === "transaction") return true;
  if (a.type === "set")
    return a.vars.length > 0 && a.vars.every((v) => v.scope === "session" && /^(lock_wait_timeout|innodb_lock_wait_timeout)$/i.test(v.name));
  return false;
}
function keysOf(a) {
  let names = [];
  if ("table" in a && a.table && a.type !== "routine" && a.type !== "load_data") names = [a.table];
  else if (a.type === "update" || a.type === "delete" || a.type === "drop_table") names = a.tables;
  else if (a.type === "rename_table") names = a.pairs.flatMap((p) => [p.from, p.to]);
  return names.length ? names.map(tableKey) : ["*"];
}
var MysqlPlanRun = class {
  constructor(settings, catalog, server, predict) {
    this.settings = settings;
    this.catalog = catalog;
    this.server = server;
    this.predict = predict;
  }
  settings;
  catalog;
  server;
  predict;
  seen() {
  }
  file(parsed, findings) {
    return new MysqlFilePlan(this, parsed, findings);
  }
};
var MysqlFilePlan = class {
  ctx;
  constructor(run, parsed, findings) {
    this.ctx = {
      catalog: run.catalog,
      server: run.server,
      predict: run.predict,
      settings: run.settings,
      origin: parsed.migration.absPath,
      statements: parsed.statements,
      notes: [],
      rewrites: [],
      expected: [],
      consumed: /* @__PURE__ */ new Set(),
      flaggedBy: (stmt) => findings.flaggedBy(stmt),
      allowed: (stmt, rule) => findings.allowed(stmt, rule)
    };
  }
  get notes() {
    return this.ctx.notes;
  }
  get rewrites() {
    return this.ctx.rewrites;
  }
  get expected() {
    return this.ctx.expected;
  }
  answersOnRewrite(rule) {
    return !ADVISORY.has(rule);
  }
  consumed(index) {
    return this.ctx.consumed.has(index);
  }
  skip(stmt) {
    return this.ctx.consumed.has(stmt.index) || dropped(stmt);
  }
  transactionControl(stmt) {
    return stmt.ast.type === "transaction";
  }
  /**
   * DDL commits on its own and unread statements run alone. The planner asks this to decide whether a
   * kept statement's phase bounds its lock waits (`phaseAnswers`): a DDL that waits for a metadata lock
   * is kept after its own `SET SESSION lock_wait_timeout` (see `keep`), so it counts as bounded too.
   */
  runsAlone(stmt) {
    const t = stmt.ast.type;
    return DDL.has(t) && !WAITS_FOR_MDL.has(t) || t === "unparsed";
  }
  keep(stmt) {
    const a = stmt.ast;
    const reason = DDL.has(a.type) ? "statements kept as written; DDL commits on its own in MySQL, so this phase is not transactional" : "statements that are already safe, unchanged";
    const sql = WAITS_FOR_MDL.has(a.type) ? `${lockWaitSql(this.ctx.settings.lockTimeout)}
${stmt.text}` : stmt.text;
    const s = step("expand", sql, keysOf(a), reason);
    s.transactional = !DDL.has(a.type) && a.type !== "unparsed";
    if (a.type === "alter_table" && a.body.trim()) {
      const t = this.ctx.catalog.table(a.table);
      const whole = piece(a, a.ops, a.body);
      const pred = this.ctx.predict(whole, t, this.ctx.server);
      if (pred) {
        const made = changeStep(this.ctx, "expand", whole, t, pred, s.keys, reason);
        if (!isOnline(pred) && made.commands) s.commands = made.commands;
        if (made.preflight) s.preflight = made.preflight;
      }
    }
    return s;
  }
  rewrite(stmt) {
    if (stmt.ignoreAll) return void 0;
    const a = stmt.ast;
    if (a.type === "alter_table") return rewriteAlter(this.ctx, stmt, a);
    if (a.type === "create_index") return rewriteCreateIndex(this.ctx, stmt, a);
    if (a.type === "update") return rewriteUpdate(this.ctx, stmt, a);
    return void 0;
  }
  after() {
  }
};

// src/dialects/mysql/plan/index.ts
var MYSQL_PLAN_ANSWERS = [
  ...ALTER_ANSWERS,
  ...COPY_ANSWERS,
  ...FK_ANSWERS,
  ...UPDATE_ANSWERS
];
function createMysqlPlanner(deps) {
  return {
    answers: new Set(MYSQL_PLAN_ANSWERS),
    // every phase bounds its metadata-lock wait itself
    phaseAnswers: /* @__PURE__ */ new Set(["require-lock-timeout"]),
    start: (settings, catalog) => new MysqlPlanRun(settings, deps.catalog(catalog), deps.server(settings.version), deps.predict),
    transactionalSql: (steps, settings) => transactionalSql(steps, settings),
    checkPhase: deps.checkPhase
  };
}
function planCatalog(catalog) {
  if (!(catalog instanceof MyCatalog)) throw new Error("the MySQL planner needs the MySQL catalog");
  return {
    table: (name) => catalog.tableOf(name),
    referencing(name) {
      const target = catalog.tableOf(name);
      const key = target ? mysqlRelationKey(target) : tableKey(name);
      const out = [];
      for (const t of catalog.tables()) {
        for (const fk of t.foreignKeys) {
          const ref = catalog.tableOf(fk.refTable);
          if ((ref ? mysqlRelationKey(ref) : mysqlRelationKey(fk.refTable)) === key && t !== target)
            out.push({ table: { ...t.schema ? { schema: t.schema } : {}, name: t.name }, fk });
        }
      }
      return out;
    }
  };
}
var predictForPlan = (ast, table, server, opts) => {
  const p = predictAlter(ast, table, server, opts);
  const why = p.ops.map((o) => o.why).join("; ");
  return { algorithm: p.algorithm, lock: p.lock, ...why ? { why } : {} };
};
function plannerOf(flavor) {
  return createMysqlPlanner({
    predict: predictForPlan,
    server: (version) => serverVersionOf(version, flavor),
    catalog: planCatalog,
    checkPhase(phase) {
      if (!parseSql(phase.sql, flavor).length) throw new Error("phase has no statement");
    }
  });
}
var mysqlPlanner = plannerOf("mysql");
var mariadbPlanner = plannerOf("mariadb");
export {
  MYSQL_PLAN_ANSWERS,
  createMysqlPlanner,
  mariadbPlanner,
  mysqlPlanner,
  planCatalog,
  plannerOf,
  predictForPlan
};
