import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  shorten
} from "./chunk-27OUY7LE.js";
import {
  dollarQuote,
  ident,
  literal,
  relation,
  sqlComment
} from "./chunk-IW5IPINL.js";
import {
  notInTransaction
} from "./chunk-OQTGZYYF.js";
import {
  DEFAULT_SCHEMA,
  alterCmds,
  columnConstraints,
  names,
  parsePlPgSQLSync,
  parseSql,
  parseSync,
  qualifiedKey,
  relKey,
  sameType,
  scanSync,
  stringList,
  typeRef,
  typeToSql,
  volatility
} from "./chunk-RB5SEY6D.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import "./chunk-XJGXLKRM.js";

// src/dialects/postgres/plan/sqltext.ts
var MAX_AST_DEPTH = 400;
function astDepth(node, limit = MAX_AST_DEPTH) {
  let max = 0;
  const stack = [[node, 1]];
  while (stack.length) {
    const [n, d] = stack.pop();
    if (!n || typeof n !== "object") continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const v of Array.isArray(n) ? n : Object.values(n)) if (v && typeof v === "object") stack.push([v, d + 1]);
  }
  return max;
}
function stripLocations(node) {
  if (Array.isArray(node)) return node.map(stripLocations);
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "location" || k === "stmt_location" || k === "stmt_len") continue;
    out[k] = stripLocations(v);
  }
  return out;
}
function sameAst(a, b) {
  return JSON.stringify(stripLocations(a)) === JSON.stringify(stripLocations(b));
}
function locations(node, out = []) {
  if (Array.isArray(node)) {
    for (const n of node) locations(n, out);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "location" && typeof v === "number" && v >= 0) out.push(v);
      else locations(v, out);
    }
  }
  return out;
}
function findNodes(node, kind, out = []) {
  if (Array.isArray(node)) {
    for (const n of node) findNodes(n, kind, out);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === kind && v && typeof v === "object") out.push(v);
      findNodes(v, kind, out);
    }
  }
  return out;
}
var EXPR = {
  prefix: "SELECT ",
  suffix: "",
  pick: (p) => p.stmts?.[0]?.stmt?.SelectStmt?.targetList?.length === 1 ? p.stmts[0].stmt.SelectStmt.targetList[0].ResTarget?.val : void 0
};
var TYPE = {
  prefix: "SELECT NULL::",
  suffix: "",
  pick: (p) => p.stmts?.[0]?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val?.TypeCast?.typeName
};
function refersTo(ref, column, qualifiers) {
  const f = names(ref.fields);
  if (f[f.length - 1] !== column) return false;
  return f.length === 1 || qualifiers.includes(f[f.length - 2]);
}
var StmtSource = class {
  constructor(text) {
    this.text = text;
    this.bytes = Buffer.from(text, "utf8");
    const parsed = parseSync(text);
    const stmt = parsed.stmts?.[0]?.stmt ?? {};
    this.kind = Object.keys(stmt)[0] ?? "";
    this.ast = stmt[this.kind];
    const scanned = scanSync(text);
    this.tokens = scanned.tokens.filter((t) => !/^(--|\/\*)/.test(t.text)).map((t) => ({
      start: t.start,
      end: t.end,
      text: t.text,
      word: t.keywordKind ? t.text.toUpperCase() : t.text,
      keyword: t.keywordKind > 0
    }));
  }
  text;
  bytes;
  tokens;
  /** the inner AST of the re-parsed statement */
  ast;
  kind;
  slice(start, end) {
    return this.bytes.subarray(start, end).toString("utf8");
  }
  /** index of the first token starting at or after a byte offset */
  tokenAt(offset) {
    const i = this.tokens.findIndex((t) => t.start >= offset);
    return i < 0 ? this.tokens.length : i;
  }
  /**
   * The exact source text range [start, end) of an expression (or, with `kind: 'type'`, a TypeName).
   * Throws when no slice of the text reproduces the node.
   */
  range(node, kind = "expr") {
    const tpl = kind === "type" ? TYPE : EXPR;
    const locs = locations(node);
    if (!locs.length) throw new Error("node has no location");
    const first = this.tokenAt(Math.min(...locs));
    const lastLoc = Math.max(...locs);
    let last = this.tokens.findIndex((t) => t.start >= lastLoc);
    if (last < 0) last = this.tokens.length - 1;
    const want = JSON.stringify(stripLocations(node));
    const starts = [first];
    for (let s = first - 1; s >= 0 && starts.length < 5 && this.tokens[s].text === "("; s--) starts.push(s);
    for (const s of starts) {
      let depth = 0;
      for (let i = s; i < this.tokens.length; i++) {
        const t = this.tokens[i].text;
        if (t === "(" || t === "[") depth++;
        else if (t === ")" || t === "]") depth--;
        if (depth < 0) break;
        if (i < last) continue;
        if (depth === 0 && (t === "," || t === ";")) break;
        if (depth !== 0) continue;
        const candidate = this.slice(this.tokens[s].start, this.tokens[i].end);
        let got;
        try {
          got = tpl.pick(parseSync(tpl.prefix + candidate + tpl.suffix));
        } catch {
          continue;
        }
        if (got !== void 0 && JSON.stringify(stripLocations(got)) === want)
          return [this.tokens[s].start, this.tokens[i].end];
      }
    }
    throw new Error(`cannot find the source text of a ${Object.keys(node)[0] ?? "node"}`);
  }
  /** The exact source text of an expression node (the wrapper, e.g. `{FuncCall: …}`). */
  expr(node) {
    const [a, b] = this.range(node);
    return this.slice(a, b);
  }
  /** The exact source text of a TypeName (inner object). */
  type(typeName) {
    const [a, b] = this.range(typeName, "type");
    return this.slice(a, b);
  }
  /**
   * An expression's text with some column references replaced, e.g. `upper(plan_code)`
   * with `plan_code` → `(md5(random()::text))`. `replace` gets each ColumnRef (inner) and
   * returns the new text, or undefined to keep it.
   */
  substitute(node, replace) {
    const [start, end] = this.range(node);
    const edits = [];
    for (const ref of findNodes(node, "ColumnRef")) {
      const text = replace(ref);
      if (text === void 0) continue;
      const [a, b] = this.range({ ColumnRef: ref });
      edits.push({ a, b, text });
    }
    edits.sort((x, y) => x.a - y.a);
    let out = "";
    let at = start;
    for (const e of edits) {
      out += this.slice(at, e.a) + e.text;
      at = e.b;
    }
    return out + this.slice(at, end);
  }
  /**
   * Top-level clauses: the text between a keyword at paren depth 0 and the next of
   * `stops` at depth 0. Returns undefined when the keyword is absent.
   */
  clause(keyword, stops, from = 0) {
    const r = this.clauseRange(keyword, stops, from);
    return r && this.slice(r[0], r[1]).trim();
  }
  clauseRange(keyword, stops, from = 0) {
    let depth = 0;
    let begin = -1;
    for (let i = this.tokenAt(from); i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.text === "(" || t.text === "[") depth++;
      else if (t.text === ")" || t.text === "]") depth--;
      if (depth !== 0) continue;
      if (begin < 0) {
        if (t.keyword && t.word === keyword) begin = i + 1;
        continue;
      }
      if (t.keyword && stops.includes(t.word)) return [this.tokens[begin]?.start ?? t.start, this.tokens[i - 1].end];
      if (t.text === ";") return [this.tokens[begin]?.start ?? t.start, this.tokens[i - 1].end];
    }
    if (begin < 0) return void 0;
    return [this.tokens[begin]?.start ?? this.bytes.length, this.tokens[this.tokens.length - 1].end];
  }
  /**
   * For ALTER TABLE: the header (`ALTER TABLE [IF EXISTS] [ONLY] name [*]`) and one text per
   * sub-command, split at top-level commas. Undefined when the split does not match the AST.
   */
  alterTableParts() {
    const rel = this.ast?.relation;
    if (!rel || typeof rel.location !== "number") return void 0;
    let i = this.tokenAt(rel.location);
    i++;
    while (i + 1 < this.tokens.length && this.tokens[i].text === ".") i += 2;
    if (this.tokens[i]?.text === "*") i++;
    const headerEnd = this.tokens[i - 1].end;
    const cmds = [];
    let depth = 0;
    let segStart = i;
    for (let k = i; k <= this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t && (t.text === "(" || t.text === "[")) depth++;
      else if (t && (t.text === ")" || t.text === "]")) depth--;
      if (!t || depth === 0 && (t.text === "," || t.text === ";")) {
        if (k > segStart) {
          const start = this.tokens[segStart].start;
          const end = this.tokens[k - 1].end;
          cmds.push({ text: this.slice(start, end), start, end });
        }
        segStart = k + 1;
        if (!t || t.text === ";") break;
      }
    }
    if (cmds.length !== (this.ast.cmds ?? []).length) return void 0;
    return { header: this.slice(0, headerEnd), cmds };
  }
  /** Inserts text after the first top-level keyword token (e.g. ` CONCURRENTLY` after `INDEX`). */
  insertAfterKeyword(keyword, insert) {
    const t = this.tokens.find((x) => x.keyword && x.word === keyword);
    if (!t) return void 0;
    return this.slice(0, t.end) + insert + this.slice(t.end, this.bytes.length);
  }
};

// src/dialects/postgres/plan/context.ts
function isNewTable(ctx, key) {
  return ctx.catalog.table(key)?.createdIn === ctx.origin;
}
function primaryKey(table) {
  if (!table) return void 0;
  for (const c of table.constraints.values()) {
    if (c.type === "primary" && c.columns.length === 1) return table.columns.get(c.columns[0]);
  }
  return void 0;
}
function nameTaken(ctx, schema, name, table) {
  if (ctx.usedNames.has(`${schema}.${name}`)) return true;
  if (ctx.catalog.tables.has(`${schema}.${name}`)) return true;
  if (ctx.catalog.indexes.has(`${schema}.${name}`)) return true;
  if (table?.constraints.has(name)) return true;
  for (const t of ctx.catalog.tables.values()) if (t.schema === schema && t.constraints.has(name)) return true;
  return false;
}
function reserve(ctx, schema, name) {
  ctx.usedNames.add(`${schema}.${name}`);
  return name;
}
function colKey(tableKey, column) {
  return `${tableKey}#${column}`;
}
function tablesOf(stmt) {
  if (stmt.kind === "RenameStmt" && stmt.ast.renameType === "OBJECT_COLUMN" && stmt.ast.relation) {
    const k = relKey(stmt.ast.relation);
    return [colKey(k, stmt.ast.subname), colKey(k, stmt.ast.newname)];
  }
  if (stmt.kind === "AlterTableStmt" && stmt.ast.relation && (stmt.ast.objtype ?? "OBJECT_TABLE") === "OBJECT_TABLE") {
    const k = relKey(stmt.ast.relation);
    const cols = [];
    for (const c of stmt.ast.cmds ?? []) {
      const cmd = c.AlterTableCmd;
      const simple = [
        "AT_AddColumn",
        "AT_ColumnDefault",
        "AT_DropNotNull",
        "AT_SetNotNull",
        "AT_AlterColumnType",
        "AT_SetStatistics",
        "AT_SetStorage"
      ];
      const name = cmd?.subtype === "AT_AddColumn" ? cmd.def?.ColumnDef?.colname : cmd?.name;
      const plainDef = cmd?.subtype !== "AT_AddColumn" || !(cmd.def?.ColumnDef?.constraints ?? []).some(
        (x) => ["CONSTR_FOREIGN", "CONSTR_CHECK", "CONSTR_PRIMARY", "CONSTR_UNIQUE"].includes(x.Constraint?.contype)
      );
      if (!cmd || !simple.includes(cmd.subtype) || !name || !plainDef) return tablesOfAst(stmt);
      cols.push(colKey(k, name));
    }
    if (cols.length) return cols;
  }
  return tablesOfAst(stmt);
}
function tablesOfAst(stmt) {
  if (stmt.kind === "DropStmt") {
    const t = stmt.ast.removeType;
    if (t !== "OBJECT_TABLE" && t !== "OBJECT_VIEW" && t !== "OBJECT_MATVIEW") return ["*"];
  }
  const out = /* @__PURE__ */ new Set();
  const stack = [stmt.ast];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== "object") continue;
    if (Array.isArray(n)) stack.push(...n);
    else {
      if (typeof n.relname === "string") out.add(relKey(n));
      stack.push(...Object.values(n));
    }
  }
  if (stmt.kind === "DropStmt") {
    for (const o of stmt.ast.objects ?? []) {
      const names2 = (o.List?.items ?? []).map((x) => x.String?.sval).filter(Boolean);
      if (names2.length) out.add(qualifiedKey(names2));
    }
  }
  return out.size ? [...out] : ["*"];
}
function mustRunAlone(stmt, pgVersion = 99) {
  return notInTransaction(stmt, pgVersion) !== void 0;
}
function timeoutPreamble(ctx, scan) {
  return [
    `SET lock_timeout = ${literal(ctx.lockTimeout)};`,
    scan ? `SET statement_timeout = 0; -- VALIDATE scans the table under SHARE UPDATE EXCLUSIVE: reads and writes go on, so no time limit` : `SET statement_timeout = ${literal(ctx.statementTimeout)};`
  ];
}
function typeSqlOf(t) {
  const name = typeToSql({ name: t.name, mods: [], arrayDims: 0 });
  const plain = !t.schema && (name === "double precision" || /^[a-z_][a-z0-9_]*$/.test(name));
  const mods = t.mods.length ? `(${t.mods.map((m) => String(Number(m))).join(", ")})` : "";
  return `${t.schema ? `${ident(t.schema)}.` : ""}${plain ? name : ident(name)}${mods}${"[]".repeat(t.arrayDims)}`;
}
function terminate(sql) {
  const t = sql.trimEnd();
  if (t.endsWith(";")) return t;
  const lastLine = t.slice(t.lastIndexOf("\n") + 1);
  if (lastLine.includes("--")) {
    const tokens = scanSync(t).tokens;
    if (tokens.at(-1)?.text.startsWith("--")) return `${t}
;`;
  }
  return `${t};`;
}
function step(kind, sql, keys, reason, extra = {}) {
  return {
    kind,
    sql: terminate(sql),
    transactional: kind !== "backfill" && kind !== "index",
    keys,
    reason,
    ...extra,
    ...extra.local ? { local: terminate(extra.local) } : {}
  };
}
function record(ctx, stmt, rule, summary2) {
  ctx.rewrites.push({ rule, line: stmt.span.line, statement: shorten(stmt.text), summary: summary2 });
  if (ctx.current) ctx.answered.push({ index: stmt.index, rewrite: ctx.current.id });
}
function note(ctx, stmt, level, message) {
  ctx.notes.push({ level, message, line: stmt.span.line });
}
function source(stmt) {
  return new StmtSource(stmt.text);
}
function regclassOf(rel) {
  return `to_regclass(${literal(relation(rel))})`;
}
function hasColumn(rel, column) {
  return `EXISTS (SELECT FROM pg_attribute WHERE attrelid = ${regclassOf(rel)} AND attname = ${literal(column)} AND attnum > 0 AND NOT attisdropped)`;
}
function hasConstraint(rel, name) {
  return `EXISTS (SELECT FROM pg_constraint WHERE conrelid = ${regclassOf(rel)} AND conname = ${literal(name)})`;
}
function guarded(cond, sql) {
  return `DO ${dollarQuote(`
BEGIN
  IF ${cond} THEN
${terminate(sql)}
  END IF;
END
`, "zd")}`;
}

// src/dialects/postgres/plan/phases.ts
function checkPhaseSql(phase) {
  const stmts = parseSql(phase.sql);
  if (!stmts.length) throw new Error("phase has no statement");
  if (!phase.transactional && stmts.length !== 1)
    throw new Error("a phase that runs outside a transaction must hold exactly one statement");
  for (const s of stmts) {
    const isPlpgsql = s.kind === "DoStmt" ? !(s.ast.args ?? []).some(
      (a) => a.DefElem?.defname === "language" && a.DefElem.arg?.String?.sval !== "plpgsql"
    ) : s.kind === "CreateFunctionStmt" && (s.ast.options ?? []).some(
      (o) => o.DefElem?.defname === "language" && o.DefElem.arg?.String?.sval === "plpgsql"
    );
    if (isPlpgsql) parsePlPgSQLSync(s.text);
  }
}
function transactionalSql(steps, settings, scan) {
  return [...timeoutPreamble(settings, scan), ...steps, "RESET statement_timeout;", "RESET lock_timeout;"].join("\n");
}

// src/dialects/postgres/plan/lint-ignore.ts
function withIgnore(rule, why, sql) {
  return `${sqlComment(`zerodown-ignore ${rule}: ${why}`)}
${sql}`;
}
function afterBackfill(column, sql) {
  return withIgnore(
    "index-same-step-as-add-column",
    `built CONCURRENTLY in a phase of its own, after every backfill of ${ident(column)} in this plan`,
    sql
  );
}

// src/dialects/postgres/plan/backfill.ts
function indent(lines, n) {
  const pad = " ".repeat(n);
  return lines.map((l) => l ? pad + l : l);
}
var PROGRESS_TABLE = "zerodown_backfill_progress";
function progressTableKeys(schema = "public") {
  const t = `${schema}.${PROGRESS_TABLE}`;
  return [
    `relation ${t}`,
    `column ${t}.backfill`,
    `column ${t}.done_up_to`,
    `column ${t}.finished`,
    `column order ${t}`,
    `constraint ${t}.${PROGRESS_TABLE}_pkey`,
    // PostgreSQL 18 records NOT NULL as named constraints
    `constraint ${t}.${PROGRESS_TABLE}_backfill_not_null`,
    `constraint ${t}.${PROGRESS_TABLE}_finished_not_null`,
    `index ${schema}.${PROGRESS_TABLE}_pkey`
  ];
}
var TIMEOUT_DECLARE = `  zd_timeout interval := nullif(current_setting('statement_timeout'), '0')::interval;`;
var WAIT_OUT_TIMEOUT = [
  `  IF zd_timeout <= interval '1 minute' THEN`,
  `    RAISE NOTICE 'zerodown: waiting out statement_timeout (%) once, so that it cannot stop the backfill half-way', zd_timeout;`,
  "    BEGIN",
  `      PERFORM pg_sleep_for(greatest(zd_timeout - (clock_timestamp() - statement_timestamp()), interval '0') + interval '200 milliseconds');`,
  "    EXCEPTION WHEN query_canceled THEN",
  "      IF clock_timestamp() - statement_timestamp() < zd_timeout THEN",
  "        RAISE;",
  "      END IF;",
  "    END;",
  "    zd_timeout := NULL;",
  "  END IF;"
];
function onTimeout(pad, retry) {
  return [
    `${pad}EXCEPTION WHEN query_canceled THEN`,
    `${pad}  -- the statement_timeout this block started under fired (once per statement): this batch again`,
    `${pad}  IF zd_timeout IS NULL OR clock_timestamp() - statement_timestamp() < zd_timeout THEN`,
    `${pad}    RAISE;`,
    `${pad}  END IF;`,
    `${pad}  zd_timeout := NULL;`,
    ...retry.map((l) => `${pad}  ${l}`),
    `${pad}END;`
  ];
}
function backfillSql(spec) {
  const pk = ident(spec.pk);
  const self = spec.alias ? ident(spec.alias) : spec.tableName;
  const key = `${self}.${pk}`;
  const keyType = `${spec.table}.${pk}%TYPE`;
  const range = `${key} BETWEEN zd_batch_start AND zd_batch_end`;
  const target = spec.alias ? `${spec.table} AS ${ident(spec.alias)}` : spec.table;
  const useProgress = !spec.pending && !spec.fill && !spec.delete;
  const progress = PROGRESS_TABLE;
  const perBatch = [];
  if (spec.fill) {
    const col = ident(spec.fill.column);
    perBatch.push(
      `WITH filled AS (`,
      `  UPDATE ${spec.table} SET ${col} = ${spec.fill.value}`,
      `   WHERE ${spec.tableName}.${pk} BETWEEN zd_batch_start AND zd_batch_end AND ${col} IS NULL`,
      `  RETURNING ${pk}`,
      `)`,
      `SELECT array_agg(${pk}::text) INTO zd_filled FROM filled;`,
      `UPDATE ${spec.table} SET ${spec.fill.then}`,
      ` WHERE ${spec.tableName}.${pk} BETWEEN zd_batch_start AND zd_batch_end AND ${spec.tableName}.${pk}::text = ANY (zd_filled)${spec.fill.where ? ` AND (${spec.fill.where})` : ""};`
    );
  } else {
    const conds = [range];
    if (spec.where) conds.push(`(${spec.where})`);
    if (spec.pending) conds.push(spec.pending);
    if (spec.delete) {
      perBatch.push(`DELETE FROM ${target}`);
      if (spec.from) perBatch.push(`  USING ${spec.from}`);
    } else {
      perBatch.push(`UPDATE ${target} SET ${spec.set}`);
      if (spec.from) perBatch.push(`  FROM ${spec.from}`);
    }
    conds.forEach((c, i) => perBatch.push(`${i === 0 ? " WHERE" : "   AND"} ${c}${i === conds.length - 1 ? ";" : ""}`));
  }
  if (useProgress) {
    perBatch.push(
      `INSERT INTO ${progress} (backfill, done_up_to) VALUES (${literal(spec.progressKey)}, zd_batch_end::text)`,
      `  ON CONFLICT (backfill) DO UPDATE SET done_up_to = EXCLUDED.done_up_to;`
    );
  }
  const tableName = spec.table;
  const lines = [];
  lines.push("DECLARE");
  lines.push(`  zd_batch_start ${keyType};`);
  lines.push(`  zd_batch_end ${keyType};`);
  lines.push(`  zd_next ${keyType};`);
  lines.push(TIMEOUT_DECLARE);
  if (spec.fill) lines.push("  zd_filled text[];");
  lines.push("BEGIN");
  if (spec.todo) lines.push(`  RAISE EXCEPTION '%', ${literal(spec.todo)};`);
  if (spec.onlyIf)
    lines.push(
      `  IF NOT (${spec.onlyIf}) THEN`,
      `    RAISE NOTICE 'zerodown: nothing to backfill (a later phase has already run)';`,
      "    RETURN;",
      "  END IF;"
    );
  lines.push("  SET statement_timeout = 0;");
  lines.push(`  SET lock_timeout = ${literal(spec.lockTimeout)};`);
  lines.push(...WAIT_OUT_TIMEOUT);
  if (useProgress) {
    lines.push(
      `  -- this UPDATE cannot tell done rows from pending ones: progress is kept in ${progress}`,
      `  CREATE TABLE IF NOT EXISTS ${progress} (backfill text PRIMARY KEY, done_up_to text, finished boolean NOT NULL DEFAULT false);`,
      "  COMMIT;",
      `  IF EXISTS (SELECT FROM ${progress} WHERE backfill = ${literal(spec.progressKey)} AND finished) THEN`,
      `    RAISE NOTICE 'zerodown: backfill % already finished, nothing to do', ${literal(spec.progressKey)};`,
      "    RESET statement_timeout;",
      "    RESET lock_timeout;",
      "    RETURN;",
      "  END IF;",
      `  zd_batch_end := (SELECT done_up_to FROM ${progress} WHERE backfill = ${literal(spec.progressKey)});`,
      `  SELECT ${pk} INTO zd_batch_start FROM ${tableName} WHERE zd_batch_end IS NULL OR ${pk} > zd_batch_end ORDER BY ${pk} LIMIT 1;`
    );
  } else {
    lines.push(`  SELECT ${pk} INTO zd_batch_start FROM ${tableName} ORDER BY ${pk} LIMIT 1;`);
  }
  lines.push("  WHILE zd_batch_start IS NOT NULL LOOP");
  lines.push("    BEGIN");
  lines.push(
    `      SELECT ${pk} INTO zd_batch_end FROM (SELECT ${pk} FROM ${tableName} WHERE ${pk} >= zd_batch_start ORDER BY ${pk} LIMIT ${spec.batchSize}) AS zd_batch ORDER BY ${pk} DESC LIMIT 1;`
  );
  lines.push(...indent(perBatch, 6));
  lines.push(`      SELECT ${pk} INTO zd_next FROM ${tableName} WHERE ${pk} > zd_batch_end ORDER BY ${pk} LIMIT 1;`);
  lines.push(...onTimeout("    ", ["zd_next := zd_batch_start;"]));
  lines.push("    COMMIT;");
  lines.push("    zd_batch_start := zd_next;");
  lines.push("  END LOOP;");
  if (useProgress) {
    lines.push(`  UPDATE ${progress} SET finished = true WHERE backfill = ${literal(spec.progressKey)};`);
  }
  lines.push("  RESET statement_timeout;");
  lines.push("  RESET lock_timeout;");
  lines.push("END");
  return `DO ${dollarQuote(`
${lines.join("\n")}
`)};`;
}
var pagesFor = (rows) => Math.max(1, Math.round(rows / 100));
function pageBackfillSql(spec) {
  if (!spec.delete && !spec.pending) throw new Error("a page-range backfill needs a pending predicate");
  const self = spec.alias ? ident(spec.alias) : spec.tableName;
  const target = spec.alias ? `${spec.table} AS ${ident(spec.alias)}` : spec.table;
  const conds = [
    `${self}.ctid >= format('(%s,0)', zd_page)::tid`,
    `${self}.ctid < format('(%s,0)', zd_page + ${spec.pages})::tid`
  ];
  if (spec.where) conds.push(`(${spec.where})`);
  if (spec.pending) conds.push(spec.pending);
  const left = [...spec.where ? [`(${spec.where})`] : [], ...spec.pending ? [spec.pending] : []];
  const statement = spec.delete ? [`DELETE FROM ${target}`] : [`UPDATE ${target} SET ${spec.set}`];
  const lines = [
    "DECLARE",
    "  zd_page bigint;",
    "  zd_pages bigint;",
    "  zd_pass int := 0;",
    "  zd_next bigint;",
    "  zd_left boolean;",
    TIMEOUT_DECLARE,
    "BEGIN",
    ...spec.todo ? [`  RAISE EXCEPTION '%', ${literal(spec.todo)};`] : [],
    "  SET statement_timeout = 0;",
    `  SET lock_timeout = ${literal(spec.lockTimeout)};`,
    ...WAIT_OUT_TIMEOUT,
    "  LOOP",
    "    zd_pass := zd_pass + 1;",
    "    zd_page := 0;",
    `    zd_pages := pg_relation_size(${literal(spec.table)}::regclass) / current_setting('block_size')::int;`,
    "    WHILE zd_page <= zd_pages LOOP",
    `      zd_next := zd_page + ${spec.pages};`,
    "      BEGIN",
    ...statement.map((l) => `        ${l}`),
    ...conds.map((c, i) => `        ${i === 0 ? " WHERE" : "   AND"} ${c}${i === conds.length - 1 ? ";" : ""}`),
    ...onTimeout("      ", ["zd_next := zd_page;"]),
    "      COMMIT;",
    "      zd_page := zd_next;",
    "    END LOOP;",
    // a DELETE makes one pass: rows inserted after it started are not its business
    ...spec.delete ? ["    EXIT;"] : [
      "    BEGIN",
      `      zd_left := EXISTS (SELECT FROM ${target} WHERE ${left.join(" AND ")});`,
      ...onTimeout("    ", ["zd_left := true;"]),
      "    EXIT WHEN NOT zd_left;",
      `    IF zd_pass >= 5 THEN`,
      `      RAISE EXCEPTION 'zerodown: rows of % keep moving under the backfill; run this phase again when writes calm down', ${literal(spec.table)};`,
      "    END IF;"
    ],
    "  END LOOP;",
    "  RESET statement_timeout;",
    "  RESET lock_timeout;",
    "END"
  ];
  return `DO ${dollarQuote(`
${lines.join("\n")}
`)};`;
}

// src/dialects/postgres/plan/reasons.ts
var REASONS = {
  same: "statements that are already safe, unchanged",
  addColumn: "add the column without a table rewrite (no volatile default, no NOT NULL yet)",
  checkNotValid: "CHECK (\u2026 IS NOT NULL) NOT VALID guards new rows without a scan",
  backfill: "fill existing rows in batches of {n}, each committed on its own (no transaction; safe to run again)",
  validate: "validate constraints while reads and writes go on (SHARE UPDATE EXCLUSIVE)",
  setNotNull: "SET NOT NULL without a table scan: the validated CHECK proves it (PostgreSQL 12+); then drop the CHECK",
  index: "build the index CONCURRENTLY: writes go on; it runs outside a transaction, one index per phase",
  dropIndex: "drop the index CONCURRENTLY: reads and writes go on; it runs outside a transaction, one index per phase",
  notValid: "add the constraint NOT VALID: checks new rows only, no scan under lock",
  attach: "turn the concurrently built unique index into the constraint (instant)"
};

// src/dialects/postgres/plan/batching.ts
function backfillReason(ctx, byKey) {
  return byKey ? REASONS.backfill.replace("{n}", String(ctx.batchSize)) : `fill existing rows in batches of ${pagesFor(ctx.batchSize)} pages (about ${ctx.batchSize} rows; no single-column primary key), each committed on its own (no transaction; safe to run again)`;
}
function pageNote(ctx, stmt, rel) {
  if (ctx.pgVersion < 14) {
    note(
      ctx,
      stmt,
      "warning",
      `${rel.relname} has no single-column primary key, so the batches walk page ranges (ctid); below PostgreSQL 14 each batch scans the table to find its pages, which is slow on a large table.`
    );
  }
}

// src/dialects/postgres/plan/column-backfill.ts
function term(text) {
  const t = text.trim();
  if (/^[A-Za-z_][A-Za-z0-9_$.]*\s*\(.*\)$/s.test(t) && balanced(t)) return t;
  if (/^('(?:[^']|'')*'|-?[0-9.]+|true|false|null)(::[A-Za-z_ ]+(\([0-9, ]+\))?(\[\])?)?$/i.test(t)) return t;
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(t)) return t;
  return `(${t})`;
}
function balanced(t) {
  const open = t.indexOf("(");
  let depth = 0;
  let inStr = false;
  for (let i = open; i < t.length; i++) {
    const c = t[i];
    if (c === "'") inStr = !inStr;
    if (inStr) continue;
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0 && i !== t.length - 1) return false;
    }
  }
  return depth === 0;
}
function columnsRead(expr) {
  try {
    return [
      ...new Set(findNodes(new StmtSource(`SELECT ${expr}`).ast, "ColumnRef").map((r) => names(r.fields).at(-1)))
    ];
  } catch {
    return [];
  }
}
function valueIsVolatile(value) {
  try {
    return volatility(new StmtSource(`SELECT ${value}`).ast.targetList[0].ResTarget.val) === "volatile";
  } catch {
    return true;
  }
}
function findFusableUpdate(ctx, stmt, key, column) {
  for (let j = stmt.index + 1; j < ctx.statements.length; j++) {
    const s = ctx.statements[j];
    if (ctx.consumed.has(j)) continue;
    if (s.kind === "TransactionStmt" || s.kind === "VariableSetStmt") continue;
    const keys = tablesOf(s);
    if (!keys.includes(key) && !keys.includes("*")) continue;
    if (s.kind === "UpdateStmt" && relKey(s.ast.relation) === key) {
      const targets = (s.ast.targetList ?? []).map((t) => t.ResTarget);
      const ok = !s.ignoreAll && ctx.allowed(s, "unbatched-backfill") && !s.ast.fromClause?.length && !s.ast.withClause && !s.ast.returningList?.length && targets.length === 1 && targets[0]?.name === column && !targets[0]?.indirection?.length && !findNodes(targets[0]?.val, "SetToDefault").length && !("SetToDefault" in (targets[0]?.val ?? {}));
      return ok ? s : void 0;
    }
    if (s.kind === "IndexStmt" || s.kind === "CommentStmt") continue;
    return void 0;
  }
  return void 0;
}
function fusedSql(_ctx, f, fused, emit, base) {
  const { rel, pk, column, value } = f;
  const u = source(fused);
  const target = u.ast.targetList[0].ResTarget;
  const quals = [rel.relname, ...u.ast.relation?.alias?.aliasname ? [u.ast.relation.alias.aliasname] : []];
  const isCol = (ref) => refersTo(ref, column, quals);
  const refs = findNodes(target.val, "ColumnRef").filter(isCol).length + (u.ast.whereClause ? findNodes(u.ast.whereClause, "ColumnRef").filter(isCol).length : 0);
  if (!u.ast.relation?.alias && (!valueIsVolatile(value) || refs <= 1)) {
    const sub = (node) => u.substitute(node, (ref) => isCol(ref) ? term(value) : void 0);
    const e = sub(target.val);
    const expr = u.ast.whereClause ? `CASE WHEN ${sub(u.ast.whereClause)} THEN ${e} ELSE ${value} END` : e;
    return emit(`${ident(column)} = ${expr}`);
  }
  if (pk) {
    const set = u.clause("SET", ["FROM", "WHERE", "RETURNING"]);
    const where = u.ast.whereClause ? u.clause("WHERE", ["RETURNING"]) : void 0;
    return backfillSql({ ...base, set: "", fill: { column, value, then: set, ...where ? { where } : {} } });
  }
  return void 0;
}
function columnBackfill(ctx, f) {
  const { stmt, rel, pk, column, value, todo, keys } = f;
  const key = relKey(rel);
  const common = {
    table: relation(rel),
    tableName: ident(rel.relname),
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout,
    ...todo ? { todo } : {}
  };
  const pending = `${ident(column)} IS NULL`;
  if (!pk) pageNote(ctx, stmt, rel);
  const emit = (set) => pk ? backfillSql({ ...common, pk, progressKey: `${ctx.path}:${stmt.span.line}:${column}`, set, pending }) : pageBackfillSql({ ...common, set, pending, pages: pagesFor(ctx.batchSize) });
  const base = { ...common, pk: pk ?? "", set: "", progressKey: `${ctx.path}:${stmt.span.line}:${column}` };
  const fused = todo ? void 0 : findFusableUpdate(ctx, stmt, key, column);
  let sql;
  if (fused) {
    try {
      sql = fusedSql(ctx, f, fused, emit, base);
      if (sql) {
        ctx.consumed.add(fused.index);
        f.onFused(fused);
      }
    } catch {
      sql = void 0;
    }
  }
  const folded = !!sql;
  sql ??= emit(`${ident(column)} = ${value}`);
  const reason = backfillReason(ctx, !!pk) + (folded ? "; the UPDATE of the original is folded in" : "");
  const reads = folded ? [key] : columnsRead(value).map((c) => colKey(key, c));
  return step("backfill", sql, [...keys, pk ? colKey(key, pk) : key, ...reads], reason, todo ? { todo: true } : {});
}

// src/dialects/postgres/plan/names.ts
var NAMEDATALEN = 64;
function clip(s, bytes) {
  let out = "";
  let n = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch);
    if (n + b > bytes) break;
    out += ch;
    n += b;
  }
  return out;
}
function makeObjectName(name1, name2, label) {
  const overhead = (label ? Buffer.byteLength(label) + 1 : 0) + (name2 ? 1 : 0);
  const avail = NAMEDATALEN - 1 - overhead;
  let n1 = Buffer.byteLength(name1);
  let n2 = name2 ? Buffer.byteLength(name2) : 0;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  let out = clip(name1, n1);
  if (name2) out += `_${clip(name2, n2)}`;
  if (label) out += `_${label}`;
  return out;
}
function chooseName(name1, name2, label, taken) {
  let name = makeObjectName(name1, name2, label);
  for (let pass = 1; taken(name); pass++) name = makeObjectName(name1, name2, `${label}${pass}`);
  return name;
}
function helperName(base, suffix, taken) {
  let name = makeObjectName(base, void 0, suffix);
  for (let pass = 1; taken(name); pass++) name = makeObjectName(base, void 0, `${suffix}${pass}`);
  return name;
}

// src/dialects/postgres/plan/not-null.ts
var COMPAT_WHY = "the NOT NULL the migration asks for, after the plan filled the column; whether the running release writes it is the original statement's finding, kept open there";
function notNullPath(ctx, stmt, header, rel, table, column) {
  const key = relKey(rel);
  const schema = rel.schemaname ?? "public";
  const name = reserve(
    ctx,
    schema,
    chooseName(rel.relname, column, "not_null_check", (n) => nameTaken(ctx, schema, n, table))
  );
  const keys = [colKey(key, column)];
  const expand = step(
    "expand",
    withIgnore(
      "breaks-running-code",
      COMPAT_WHY,
      guarded(
        `NOT ${hasConstraint(rel, name)}`,
        `${header} ADD CONSTRAINT ${ident(name)} CHECK (${ident(column)} IS NOT NULL) NOT VALID`
      )
    ),
    keys,
    REASONS.checkNotValid
  );
  const validate = step(
    "validate",
    guarded(hasConstraint(rel, name), `${header} VALIDATE CONSTRAINT ${ident(name)}`),
    keys,
    REASONS.validate,
    { timeout: "scan" }
  );
  const contract = [];
  if (ctx.pgVersion >= 12) {
    contract.push(
      step(
        "contract",
        withIgnore(
          "breaks-running-code",
          COMPAT_WHY,
          withIgnore(
            "adding-not-nullable-field",
            `the validated CHECK ${ident(name)} proves ${ident(column)} holds no NULL, so PostgreSQL 12+ sets NOT NULL without a scan`,
            `${header} ALTER COLUMN ${ident(column)} SET NOT NULL`
          )
        ),
        keys,
        REASONS.setNotNull,
        { weak: true }
      )
    );
    contract.push(
      step("contract", `${header} DROP CONSTRAINT IF EXISTS ${ident(name)}`, keys, REASONS.setNotNull, { weak: true })
    );
  } else {
    keepCheckBelow12(ctx, stmt, rel, column, name);
  }
  return { name, expand, validate, contract };
}
function keepCheckBelow12(ctx, stmt, rel, column, name) {
  const schema = rel.schemaname ?? "public";
  const what = `${rel.relname}.${column}`;
  const at = `${schema}.${rel.relname}`;
  ctx.expected.push({
    keys: [
      `column ${at}.${column}`,
      `constraint ${at}.${name}`,
      `constraint ${at}.${makeObjectName(rel.relname, column, "not_null")}`
    ],
    why: `${what} stays nullable; the validated CHECK constraint ${name} enforces NOT NULL instead (below PostgreSQL 12 SET NOT NULL scans the table)`
  });
  note(
    ctx,
    stmt,
    "info",
    `Below PostgreSQL 12, SET NOT NULL always scans the whole table under ACCESS EXCLUSIVE, so the plan keeps the validated CHECK (${name}) on ${what} instead of a NOT NULL column. Run SET NOT NULL after upgrading to 12+ (it will then be instant).`
  );
}
function provenNotNull(ctx, table, column) {
  if (ctx.pgVersion < 12 || !table) return false;
  for (const c of table.constraints.values()) {
    if (c.type !== "check" || !c.validated) continue;
    const nt = c.expr?.NullTest;
    if (nt?.nulltesttype === "IS_NOT_NULL" && names(nt.arg?.ColumnRef?.fields).at(-1) === column) return true;
  }
  return false;
}
function setNotNull(inp, cmd) {
  const { stmt, ctx, rel, table, header } = inp;
  const column = cmd.name;
  const col = table?.columns.get(column);
  if (col?.notNull) return void 0;
  if (provenNotNull(ctx, table, column)) return void 0;
  if (!ctx.allowed(stmt, "adding-not-nullable-field")) return void 0;
  const nn = notNullPath(ctx, stmt, header, rel, table, column);
  record(
    ctx,
    stmt,
    "adding-not-nullable-field",
    `NOT NULL on ${column} via CHECK \u2026 NOT VALID, VALIDATE, then SET NOT NULL without a scan`
  );
  return [[nn.expand, nn.validate, ...nn.contract]];
}
var setNotNullRewrite = {
  id: "set-not-null",
  subtype: "AT_SetNotNull",
  answers: ["adding-not-nullable-field"],
  rewrite: setNotNull
};

// src/dialects/postgres/plan/constraints.ts
function deferrable(con) {
  let s = "";
  if (con.deferrable) s += " DEFERRABLE";
  if (con.initdeferred) s += " INITIALLY DEFERRED";
  return s;
}
function uniqueIndexStep(rel, name, columns, con, keys, added) {
  const including = names(con.including);
  let sql = `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${ident(name)} ON ${relation(rel)} (${columns.map(ident).join(", ")})`;
  if (including.length) sql += ` INCLUDE (${including.map(ident).join(", ")})`;
  if (con.nulls_not_distinct) sql += " NULLS NOT DISTINCT";
  return step(
    "index",
    `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${ident(name)}) before running it again`)}
${added ? afterBackfill(added, sql) : sql}`,
    keys,
    REASONS.index
  );
}
function attachStep(header, rel, name, con, keys) {
  const primary = con.contype === "CONSTR_PRIMARY";
  return step(
    "contract",
    guarded(
      `NOT ${hasConstraint(rel, name)}`,
      `${header} ADD CONSTRAINT ${ident(name)} ${primary ? "PRIMARY KEY" : "UNIQUE"} USING INDEX ${ident(name)}${deferrable(con)}`
    ),
    keys,
    REASONS.attach
  );
}
function checkName(expr) {
  const cols = new Set(findNodes(expr, "ColumnRef").map((r) => names(r.fields).at(-1)));
  return cols.size === 1 ? [...cols][0] : void 0;
}
function addNotValid(inp, cmd) {
  const { stmt, ctx, rel, key, table, header, cmdText } = inp;
  const con = cmd.def?.Constraint;
  if (!con || con.contype !== "CONSTR_FOREIGN" && con.contype !== "CONSTR_CHECK") return void 0;
  if (con.skip_validation) return void 0;
  const schema = rel.schemaname ?? "public";
  const taken = (n) => nameTaken(ctx, schema, n, table);
  const fk = con.contype === "CONSTR_FOREIGN";
  const rule = "constraint-missing-not-valid";
  if (!ctx.allowed(stmt, rule) || fk && !ctx.allowed(stmt, "adding-foreign-key-constraint")) return void 0;
  const cols = fk ? names(con.fk_attrs) : [...new Set(findNodes(con.raw_expr, "ColumnRef").map((r) => names(r.fields).at(-1)))];
  const name = con.conname ?? reserve(
    ctx,
    schema,
    fk ? chooseName(rel.relname, cols.join("_"), "fkey", taken) : chooseName(rel.relname, checkName(con.raw_expr), "check", taken)
  );
  const text = con.conname ? cmdText : cmdText.replace(/^ADD\s+/i, `ADD CONSTRAINT ${ident(name)} `);
  const refCols = names(con.pk_attrs);
  const refKeys = fk && con.pktable ? refCols.length ? refCols.map((c) => colKey(relKey(con.pktable), c)) : [relKey(con.pktable)] : [];
  const keys = [...cols.length ? cols.map((c) => colKey(key, c)) : [key], ...refKeys];
  record(ctx, stmt, rule, `${fk ? "foreign key" : "CHECK"} ${name} added NOT VALID, validated in a later phase`);
  const addSql = `${header} ${text} NOT VALID`;
  const validateSql = `${header} VALIDATE CONSTRAINT ${ident(name)}`;
  return [
    [
      step("expand", guarded(`NOT ${hasConstraint(rel, name)}`, addSql), keys, REASONS.notValid, { local: addSql }),
      step("validate", guarded(hasConstraint(rel, name), validateSql), keys, REASONS.validate, {
        timeout: "scan",
        local: validateSql
      })
    ]
  ];
}
function addUnique(inp, cmd) {
  const { stmt, ctx, rel, key, table, header } = inp;
  const con = cmd.def?.Constraint;
  if (!con || con.contype !== "CONSTR_PRIMARY" && con.contype !== "CONSTR_UNIQUE") return void 0;
  if (con.indexname) return void 0;
  const primary = con.contype === "CONSTR_PRIMARY";
  const rule = primary ? "adding-serial-primary-key-field" : "disallowed-unique-constraint";
  if (!ctx.allowed(stmt, rule)) return void 0;
  if (con.options?.length || con.indexspace) {
    note(
      ctx,
      stmt,
      "warning",
      "No automatic plan for a unique or primary key constraint with storage options or a tablespace: build the index CONCURRENTLY by hand, then ADD CONSTRAINT \u2026 USING INDEX."
    );
    return void 0;
  }
  if (table?.partitioned) return void 0;
  const schema = rel.schemaname ?? "public";
  const taken = (n) => nameTaken(ctx, schema, n, table);
  const cols = names(con.keys);
  const name = con.conname ?? reserve(
    ctx,
    schema,
    primary ? chooseName(rel.relname, void 0, "pkey", taken) : chooseName(rel.relname, cols.join("_"), "key", taken)
  );
  const keys = cols.map((c) => colKey(key, c));
  const steps = [];
  const validate = [];
  const contract = [];
  if (primary) {
    for (const c of cols) {
      if (table?.columns.get(c)?.notNull) continue;
      const nn = notNullPath(ctx, stmt, header, rel, table, c);
      steps.push(nn.expand);
      validate.push(nn.validate);
      contract.push(...nn.contract);
    }
  }
  contract.push(attachStep(header, rel, name, con, keys));
  record(ctx, stmt, rule, `unique index ${name} built CONCURRENTLY, then attached with ADD CONSTRAINT \u2026 USING INDEX`);
  return [[...steps, ...validate, uniqueIndexStep(rel, name, cols, con, keys), ...contract]];
}
var addNotValidRewrite = {
  id: "add-constraint-not-valid",
  subtype: "AT_AddConstraint",
  answers: ["constraint-missing-not-valid", "adding-foreign-key-constraint"],
  rewrite: addNotValid
};
var addUniqueRewrite = {
  id: "add-unique-constraint",
  subtype: "AT_AddConstraint",
  answers: ["adding-serial-primary-key-field", "disallowed-unique-constraint"],
  rewrite: addUnique
};

// src/dialects/postgres/plan/fk-column.ts
function foreignKeyRefusal(inp, column) {
  if (!inp.table?.partitioned) return void 0;
  return `No automatic plan for the foreign key on ${relation(inp.rel)}.${ident(column)}: the table is partitioned, where CREATE INDEX CONCURRENTLY does not work (and NOT VALID foreign keys only from PostgreSQL 18). Add the column bare, then the foreign key NOT VALID and VALIDATE on each partition, index each partition CONCURRENTLY and attach the indexes.`;
}
function migrationIndexes(inp, column) {
  const key = relKey(inp.rel);
  return inp.ctx.statements.some(
    (s) => s.index > inp.stmt.index && s.kind === "IndexStmt" && relKey(s.ast.relation) === key && s.ast.indexParams?.[0]?.IndexElem?.name === column
  );
}
function foreignKeyIndexStep(inp, column, parent) {
  const { ctx, rel, table } = inp;
  if (migrationIndexes(inp, column)) return void 0;
  const schema = rel.schemaname ?? "public";
  const name = reserve(
    ctx,
    schema,
    chooseName(rel.relname, column, "idx", (n) => nameTaken(ctx, schema, n, table))
  );
  ctx.expected.push({
    keys: [`index ${schema}.${name}`],
    why: `index ${ident(name)} on ${relation(rel)} (${ident(column)}) is added by the plan: without it every DELETE on ${relation(parent)} (or UPDATE of its key) scans ${relation(rel)} for referencing rows`
  });
  const sql = `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${ident(name)} ON ${relation(rel)} (${ident(column)})`;
  return step(
    "index",
    `${sqlComment(`added by the plan: the foreign key on ${ident(column)} needs it, or every DELETE on ${relation(parent)} scans ${relation(rel)}`)}
${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${ident(name)}) before running it again`)}
${afterBackfill(column, sql)}`,
    [colKey(relKey(rel), column)],
    "index the new foreign key column CONCURRENTLY: a DELETE on the referenced table looks up referencing rows through it"
  );
}

// src/dialects/postgres/plan/add-column.ts
function shapeOf(ctx, def) {
  const cons = columnConstraints(def);
  const notNull = cons.some((c) => c.contype === "CONSTR_NOTNULL");
  const defCon = cons.find((c) => c.contype === "CONSTR_DEFAULT");
  const pkCon = cons.find((c) => c.contype === "CONSTR_PRIMARY");
  const uniqueCons = cons.filter((c) => c.contype === "CONSTR_UNIQUE");
  const fkCons = cons.filter((c) => c.contype === "CONSTR_FOREIGN");
  const typeNames = names(def.typeName?.names);
  const serial = /^(small|big)?serial[248]?$/.test(typeNames[typeNames.length - 1] ?? "");
  const special = serial || cons.some((c) => c.contype === "CONSTR_IDENTITY" || c.contype === "CONSTR_GENERATED");
  const rewritesTable = !!defCon && (volatility(defCon.raw_expr) === "volatile" || ctx.pgVersion < 11);
  const required = (notNull || !!pkCon) && !defCon;
  const needsIndex = !!pkCon || uniqueCons.length > 0;
  const base = {
    column: def.colname,
    notNull,
    defCon,
    pkCon,
    uniqueCons,
    fkCons,
    special,
    rewritesTable,
    required
  };
  if (!rewritesTable && !required && !needsIndex && !fkCons.length) return base;
  const rule = rewritesTable ? "adding-field-with-default" : required ? "adding-required-field" : pkCon ? "adding-serial-primary-key-field" : needsIndex ? "disallowed-unique-constraint" : "adding-foreign-key-constraint";
  return { ...base, rule };
}
function columnElements(def, defEnd) {
  const els = [];
  for (const c of def.constraints ?? []) {
    if (c.Constraint && typeof c.Constraint.location === "number")
      els.push({ node: c.Constraint, kind: c.Constraint.contype, start: c.Constraint.location, end: 0 });
  }
  if (def.collClause && typeof def.collClause.location === "number")
    els.push({ node: def.collClause, kind: "COLLATE", start: def.collClause.location, end: 0 });
  els.sort((a, b) => a.start - b.start);
  els.forEach((e, i) => e.end = els[i + 1]?.start ?? defEnd);
  return els;
}
function cut(src, start, end, remove) {
  let out = "";
  let at = start;
  for (const r of [...remove].sort((a, b) => a.start - b.start)) {
    out += src.slice(at, r.start);
    at = r.end;
  }
  out += src.slice(at, end);
  return out.replace(/\s+/g, " ").trim();
}
function expandColumn(inp, def, s, keys) {
  const needsBackfill = s.rewritesTable || s.required;
  const remove = [];
  const split = [];
  for (const e of columnElements(def, inp.cmdEnd)) {
    if (e.kind === "CONSTR_NOTNULL" && needsBackfill) remove.push(e);
    else if (e.kind === "CONSTR_DEFAULT" && s.rewritesTable) remove.push(e);
    else if (e.kind === "CONSTR_PRIMARY" || e.kind === "CONSTR_UNIQUE") remove.push(e);
    else if (e.kind === "CONSTR_CHECK" && needsBackfill || e.kind === "CONSTR_FOREIGN") {
      remove.push(e);
      split.push(e);
    }
  }
  const columnSql = cut(inp.src, inp.cmdStart, inp.cmdEnd, remove).replace(
    /^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?/i,
    "ADD COLUMN IF NOT EXISTS "
  );
  return { step: step("expand", `${inp.header} ${columnSql}`, keys, REASONS.addColumn), split };
}
function backfillValueFromConfig(ctx, rel, column) {
  const schema = rel.schemaname ?? "public";
  return ctx.backfill[`${rel.relname}.${column}`] ?? ctx.backfill[`${schema}.${rel.relname}.${column}`];
}
function readsColumns(value) {
  try {
    return findNodes(new StmtSource(`SELECT ${value}`).ast, "ColumnRef").length > 0;
  } catch {
    return true;
  }
}
function existingRows(inp, s, keys, ph) {
  const { stmt, ctx, rel, src, header } = inp;
  const { column } = s;
  const tableName = `${rel.relname}.${column}`;
  const waitForApp = `the app must set ${tableName} on every INSERT before the NOT NULL check goes in`;
  if (s.rewritesTable) {
    const value2 = src.expr(s.defCon.raw_expr);
    ph.expand.push(
      step("expand", `${header} ALTER COLUMN ${ident(column)} SET DEFAULT ${value2}`, keys, "new rows get the default")
    );
    return { value: value2 };
  }
  if (!s.required) return {};
  const value = backfillValueFromConfig(ctx, rel, column);
  if (value === void 0) {
    note(
      ctx,
      stmt,
      "todo",
      `${tableName} is NOT NULL without a default, so existing rows need a value. zerodown does not guess it: the backfill phase raises an exception until you replace NULL with the value (or set plan.backfill."${tableName}" in zerodown.config.json).`
    );
    return {
      value: "NULL",
      todo: `zerodown: choose the value of ${tableName} for existing rows: replace NULL in the UPDATE below (or set plan.backfill."${tableName}" in the config), then delete this RAISE line`,
      checkBarrier: waitForApp
    };
  }
  let checkBarrier;
  if (!readsColumns(value)) {
    ph.expand.push(
      step(
        "expand",
        `${header} ALTER COLUMN ${ident(column)} SET DEFAULT ${value}`,
        keys,
        "a temporary default keeps INSERTs that do not set the column working until the contract phase"
      )
    );
    ph.contract.push(
      step(
        "contract",
        withIgnore(
          "breaks-running-code",
          "after the deploy gate above: every running instance writes the column",
          withIgnore(
            "ban-drop-default",
            `the plan's own temporary default, dropped after the deploy gate: the original ${ident(column)} has none`,
            `${header} ALTER COLUMN ${ident(column)} DROP DEFAULT`
          )
        ),
        keys,
        "drop the temporary default: the column has no default in the original migration",
        {
          weak: true,
          deploy: `the app must set ${tableName} on every INSERT: from this phase on, an INSERT without it fails (as the original migration intends)`
        }
      )
    );
  } else {
    checkBarrier = waitForApp;
  }
  note(
    ctx,
    stmt,
    "info",
    `Existing rows of ${tableName} get ${shorten(value, 60)} (from plan.backfill in the config).`
  );
  return { value, ...checkBarrier ? { checkBarrier } : {} };
}
function withBarrier(s, checkBarrier) {
  if (checkBarrier) {
    s.barrier = true;
    s.deploy = checkBarrier;
  }
  return s;
}
function splitConstraint(inp, column, e, keys, rows, ph) {
  const { ctx, rel, table, src, header } = inp;
  const schema = rel.schemaname ?? "public";
  const con = e.node;
  const label = e.kind === "CONSTR_CHECK" ? "check" : "fkey";
  const name = con.conname ?? reserve(
    ctx,
    schema,
    chooseName(rel.relname, column, label, (n) => nameTaken(ctx, schema, n, table))
  );
  let text = src.slice(e.start, e.end).trim();
  text = text.replace(/^CONSTRAINT\s+("(?:[^"]|"")+"|\S+)\s+/i, "");
  if (e.kind === "CONSTR_FOREIGN") text = `FOREIGN KEY (${ident(column)}) ${text}`;
  const more = con.pktable ? [relKey(con.pktable)] : [];
  const s = step(
    "expand",
    guarded(`NOT ${hasConstraint(rel, name)}`, `${header} ADD CONSTRAINT ${ident(name)} ${text} NOT VALID`),
    [...keys, ...more],
    REASONS.notValid
  );
  ph.expand.push(withBarrier(s, rows.checkBarrier));
  ph.validate.push(
    step(
      "validate",
      guarded(hasConstraint(rel, name), `${header} VALIDATE CONSTRAINT ${ident(name)}`),
      [...keys, ...more],
      REASONS.validate,
      { timeout: "scan" }
    )
  );
}
function uniqueConstraints(inp, s, keys, ph) {
  const { ctx, rel, table, header } = inp;
  const schema = rel.schemaname ?? "public";
  const taken = (n) => nameTaken(ctx, schema, n, table);
  for (const con of [...s.uniqueCons, ...s.pkCon ? [s.pkCon] : []]) {
    const primary = con.contype === "CONSTR_PRIMARY";
    const name = con.conname ?? reserve(
      ctx,
      schema,
      primary ? chooseName(rel.relname, void 0, "pkey", taken) : chooseName(rel.relname, s.column, "key", taken)
    );
    ph.index.push(uniqueIndexStep(rel, name, [s.column], con, keys, s.column));
    ph.contract.push(attachStep(header, rel, name, con, keys));
  }
}
function summary(s, nn, todo) {
  const { column } = s;
  return s.rewritesTable ? `add ${column} without the volatile default, set the default for new rows, backfill in batches${nn ? ", then NOT NULL via a validated CHECK" : ""}` : s.required ? `add ${column} nullable, backfill${todo ? " (value needed: TODO)" : ""}, then NOT NULL via a validated CHECK` : s.uniqueCons.length || s.pkCon ? `add ${column}, then build its unique index concurrently and attach it` : `add ${column} without the foreign key, add it NOT VALID, validate it in a later phase, index ${column} concurrently`;
}
function addColumn(inp, cmd) {
  const { stmt, ctx, rel, key, table, header } = inp;
  const def = cmd.def?.ColumnDef;
  if (!def) return void 0;
  if (cmd.missing_ok && table?.columns.has(def.colname)) return void 0;
  const shape = shapeOf(ctx, def);
  if (!shape.rule) return void 0;
  const s = shape;
  const { column } = s;
  if (!ctx.allowed(stmt, s.rule)) return void 0;
  if (s.rule === "adding-foreign-key-constraint" && !ctx.allowed(stmt, "index-same-step-as-add-column"))
    return void 0;
  if (s.special) {
    note(
      ctx,
      stmt,
      "warning",
      `No automatic plan for adding ${column} as a serial, identity or generated column to an existing table: PostgreSQL fills every row under ACCESS EXCLUSIVE. Add a plain column, backfill it in batches, then attach the sequence or identity.`
    );
    return void 0;
  }
  const refused = s.fkCons.length ? foreignKeyRefusal(inp, column) : void 0;
  if (refused) return void note(ctx, stmt, "warning", refused);
  const keys = [colKey(key, column)];
  const expanded = expandColumn(inp, def, s, keys);
  const ph = { expand: [expanded.step], backfill: [], validate: [], index: [], contract: [] };
  const rows = existingRows(inp, s, keys, ph);
  let nn;
  if ((s.notNull || s.pkCon) && !table?.columns.get(column)?.notNull) {
    nn = notNullPath(ctx, stmt, header, rel, table, column);
    ph.expand.push(withBarrier(nn.expand, rows.checkBarrier));
  }
  for (const e of expanded.split) splitConstraint(inp, column, e, keys, rows, ph);
  if (s.rewritesTable || s.required) {
    ph.backfill.push(
      columnBackfill(ctx, {
        stmt,
        rel,
        pk: primaryKey(table)?.name,
        column,
        value: rows.value,
        todo: rows.todo,
        keys,
        onFused: (fused) => {
          if (fused) record(ctx, fused, "unbatched-backfill", `folded into the batched backfill of ${column}`);
        }
      })
    );
  }
  if (nn) {
    ph.validate.unshift(nn.validate);
    ph.contract.unshift(...nn.contract);
  }
  uniqueConstraints(inp, s, keys, ph);
  for (const fk of s.uniqueCons.length || s.pkCon ? [] : s.fkCons) {
    const ix = foreignKeyIndexStep(inp, column, fk.pktable);
    if (ix) ph.index.push(ix);
  }
  record(ctx, stmt, s.rule, summary(s, nn, rows.todo));
  return [[...ph.expand, ...ph.backfill, ...ph.validate, ...ph.index, ...ph.contract]];
}
var addColumnRewrite = {
  id: "add-column",
  subtype: "AT_AddColumn",
  answers: [
    "adding-field-with-default",
    "adding-required-field",
    // an inline UNIQUE / PRIMARY KEY builds its index in the same step as the column (the plan's
    // list of rewrites labels it adding-serial-primary-key-field or disallowed-unique-constraint)
    "index-same-step-as-add-column",
    // a following UPDATE of the new column, folded into its backfill
    "unbatched-backfill",
    // inline UNIQUE: the unique index is built concurrently, then attached (reported on its own)
    "disallowed-unique-constraint",
    // inline REFERENCES: the foreign key added NOT VALID, validated later, the column indexed
    // concurrently (fk-column.ts)
    "adding-foreign-key-constraint"
  ],
  rewrite: addColumn
};

// src/dialects/postgres/plan/bigint-key-sql.ts
function narrow(w, column = w.column) {
  return `EXISTS (SELECT FROM pg_attribute WHERE attrelid = ${regclassOf(w.rel)} AND attname = ${literal(column)} AND atttypid IN ('int2'::regtype, 'int4'::regtype) AND attnum > 0 AND NOT attisdropped)`;
}
function both(w) {
  return `${narrow(w)} AND ${hasColumn(w.rel, w.newName)}`;
}
function keysOf(w) {
  return [colKey(w.key, w.column), colKey(w.key, w.newName), colKey(w.key, w.oldName)];
}
function expandSteps(ctx, w) {
  const rel = relation(w.rel);
  const fnRef = `${ident(w.schema)}.${ident(w.fn)}`;
  const keys = keysOf(w);
  const execute = ctx.pgVersion >= 11 ? "FUNCTION" : "PROCEDURE";
  const why = `a trigger copies ${w.column} into ${w.newName} on every write while the app still uses ${w.column}`;
  const steps = [
    step(
      "expand",
      // not guarded: run again after the swap, it re-adds an empty helper column so that the index
      // phase (CREATE INDEX CONCURRENTLY cannot be guarded) still finds its column; the last phase drops it
      `ALTER TABLE ${rel} ADD COLUMN IF NOT EXISTS ${ident(w.newName)} bigint`,
      keys,
      `add ${w.newName} bigint next to ${w.column} (nullable, no default: no table rewrite)`
    ),
    step(
      "expand",
      guarded(
        narrow(w),
        `CREATE OR REPLACE FUNCTION ${fnRef}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuote(`
BEGIN
  NEW.${ident(w.newName)} := NEW.${ident(w.column)};
  RETURN NEW;
END
`, "zd")}`
      ),
      keys,
      why
    ),
    step(
      "expand",
      guarded(
        `${both(w)} AND NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = ${regclassOf(w.rel)} AND tgname = ${literal(w.fn)})`,
        `CREATE TRIGGER ${ident(w.fn)} BEFORE INSERT OR UPDATE ON ${rel} FOR EACH ROW EXECUTE ${execute} ${fnRef}()`
      ),
      keys,
      why
    )
  ];
  if (w.check)
    steps.push(
      step(
        "expand",
        withIgnore(
          "breaks-running-code",
          "the plan's own new column, which its sync trigger fills on every write of the running release",
          guarded(
            `${both(w)} AND NOT ${hasConstraint(w.rel, w.check)}`,
            `ALTER TABLE ${rel} ADD CONSTRAINT ${ident(w.check)} CHECK (${ident(w.newName)} IS NOT NULL) NOT VALID`
          )
        ),
        keys,
        "CHECK (\u2026 IS NOT NULL) NOT VALID guards new rows without a scan; validated later, it lets SET NOT NULL skip its scan"
      )
    );
  return steps;
}
function backfillStep(ctx, w, line) {
  return step(
    "backfill",
    backfillSql({
      table: relation(w.rel),
      tableName: ident(w.rel.relname),
      pk: w.pk,
      set: `${ident(w.newName)} = ${ident(w.column)}`,
      pending: `${ident(w.newName)} IS NULL AND ${ident(w.column)} IS NOT NULL`,
      batchSize: ctx.batchSize,
      lockTimeout: ctx.lockTimeout,
      progressKey: `${ctx.path}:${line}:${w.rel.relname}.${w.column}`,
      onlyIf: both(w)
    }),
    [...keysOf(w), colKey(w.key, w.pk)],
    `copy ${w.rel.relname}.${w.column} into ${w.newName} in batches of ${ctx.batchSize}, each committed on its own (safe to run again)`
  );
}
function validateCheckStep(w) {
  if (!w.check) return void 0;
  return step(
    "validate",
    guarded(hasConstraint(w.rel, w.check), `ALTER TABLE ${relation(w.rel)} VALIDATE CONSTRAINT ${ident(w.check)}`),
    keysOf(w),
    "validate constraints while reads and writes go on (SHARE UPDATE EXCLUSIVE)",
    { timeout: "scan" }
  );
}
function indexSteps(w) {
  return w.indexes.map(
    (ix) => step(
      "index",
      `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${ident(ix.tmp)}) before running it again`)}
${ix.create}`,
      keysOf(w),
      `build ${ix.tmp} on ${w.newName} CONCURRENTLY (reads and writes go on)`
    )
  );
}
function copiedGuard(ctx, all, keys, reason) {
  const checks = all.flatMap((w) => [
    `  IF ${both(w)} THEN`,
    `    IF EXISTS (SELECT FROM ${relation(w.rel)} WHERE ${ident(w.newName)} IS DISTINCT FROM ${ident(w.column)}) THEN`,
    `      RAISE EXCEPTION '%', ${literal(`zerodown: ${w.rel.relname}.${w.newName} does not hold ${w.rel.relname}.${w.column} on every row (did the backfill phase finish?), so nothing is swapped: run the backfill phase again, then this phase`)};`,
    "    END IF;",
    "  END IF;"
  ]);
  return step(
    "contract",
    [
      sqlComment("the check below reads every row before the swap: no time limit, no lock that blocks writes"),
      "SET statement_timeout = 0;",
      `DO ${dollarQuote(["", "BEGIN", ...checks, "END", ""].join("\n"), "zd")};`,
      `SET statement_timeout = ${literal(ctx.statementTimeout)}`
    ].join("\n"),
    keys,
    reason
  );
}
function swapColumn(ctx, w) {
  const rel = relation(w.rel);
  const out = [
    `    DROP TRIGGER IF EXISTS ${ident(w.fn)} ON ${rel};`,
    ...w.notNull ? [`    ALTER TABLE ${rel} ALTER COLUMN ${ident(w.column)} DROP NOT NULL;`] : [],
    `    ALTER TABLE ${rel} RENAME COLUMN ${ident(w.column)} TO ${ident(w.oldName)};`,
    `    ALTER TABLE ${rel} RENAME COLUMN ${ident(w.newName)} TO ${ident(w.column)};`
  ];
  for (const ix of w.indexes) {
    if (ix.name === ix.tmp) continue;
    out.push(
      `    ALTER INDEX ${ident(w.schema)}.${ident(ix.name)} RENAME TO ${ident(ix.oldName)};`,
      `    ALTER INDEX ${ident(w.schema)}.${ident(ix.tmp)} RENAME TO ${ident(ix.name)};`
    );
  }
  if (w.check && ctx.pgVersion >= 12)
    out.push(
      `    ALTER TABLE ${rel} ALTER COLUMN ${ident(w.column)} SET NOT NULL;`,
      `    ALTER TABLE ${rel} DROP CONSTRAINT IF EXISTS ${ident(w.check)};`
    );
  return out;
}
function swapSql(ctx, s) {
  const w = s.key;
  const rel = relation(w.rel);
  const regclass = regclassOf(w.rel);
  const pkIndex = `(SELECT conindid FROM pg_constraint WHERE conrelid = ${regclass} AND contype = 'p')`;
  const body = [
    "",
    "DECLARE",
    "  zd_fk record;",
    "  zd_fks text[] := ARRAY[]::text[];",
    "  zd_seq text;",
    '  zd_identity "char";',
    "  zd_next bigint;",
    "  zd_options text := '';",
    "BEGIN",
    // run again after the swap, the column is bigint: nothing to do
    `  IF ${both(w)} THEN`,
    "    -- the referenced table first, then the referencing ones: the order an app writes them in (parent, then child)",
    `    LOCK TABLE ${rel} IN ACCESS EXCLUSIVE MODE;`,
    `    FOR zd_fk IN SELECT DISTINCT conrelid::regclass::text AS rel FROM pg_constraint WHERE contype = 'f' AND confrelid = ${regclass} AND conrelid <> ${regclass} ORDER BY 1 LOOP`,
    `      EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', zd_fk.rel);`,
    "    END LOOP;",
    "    -- the foreign keys that use the primary key, as defined now; re-added NOT VALID below",
    `    FOR zd_fk IN SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND confrelid = ${regclass} AND conindid = ${pkIndex} ORDER BY 1, 2 LOOP`,
    "      zd_fks := zd_fks || ARRAY[zd_fk.rel, zd_fk.conname, zd_fk.def];",
    `      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', zd_fk.rel, zd_fk.conname);`,
    "    END LOOP;",
    `    zd_seq := pg_get_serial_sequence(${literal(rel)}, ${literal(w.column)});`,
    `    SELECT attidentity INTO zd_identity FROM pg_attribute WHERE attrelid = ${regclass} AND attname = ${literal(w.column)};`,
    `    ALTER TABLE ${rel} DROP CONSTRAINT ${ident(s.pkName)};`,
    "    IF zd_identity IN ('a', 'd') THEN",
    "      -- an identity sequence belongs to its column: a new one continues where the old one stopped",
    "      -- the old sequence's increment, cache and cycle carry over; its bounds were integer ones, the new are bigint's",
    "      SELECT format(' INCREMENT BY %s CACHE %s %s', seqincrement, seqcache, CASE WHEN seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END), seqincrement INTO zd_options, zd_next FROM pg_sequence WHERE seqrelid = zd_seq::regclass;",
    `      EXECUTE format('SELECT CASE WHEN is_called THEN last_value + %s ELSE last_value END FROM %s', zd_next, zd_seq) INTO zd_next;`,
    `      ALTER TABLE ${rel} ALTER COLUMN ${ident(w.column)} DROP IDENTITY;`,
    "    ELSIF zd_seq IS NOT NULL THEN",
    "      -- serial: the sequence moves to the new column and to bigint",
    `      ALTER TABLE ${rel} ALTER COLUMN ${ident(w.column)} DROP DEFAULT;`,
    `      EXECUTE format('ALTER SEQUENCE %s OWNED BY %s.%I', zd_seq, ${literal(rel)}, ${literal(w.newName)});`,
    `      EXECUTE format('ALTER SEQUENCE %s AS bigint', zd_seq);`,
    "    END IF;",
    ...swapColumn(ctx, w).filter((l) => !l.includes("SET NOT NULL") && !l.includes("DROP CONSTRAINT IF EXISTS")),
    "    -- the validated CHECK proves there is no NULL: the primary key takes the unique index without a scan",
    `    ALTER TABLE ${rel} ALTER COLUMN ${ident(w.column)} SET NOT NULL;`,
    `    ALTER TABLE ${rel} ADD CONSTRAINT ${ident(s.pkName)} PRIMARY KEY USING INDEX ${ident(s.uniqueIndex)};`,
    ...w.check ? [`    ALTER TABLE ${rel} DROP CONSTRAINT IF EXISTS ${ident(w.check)};`] : [],
    "    IF zd_identity IN ('a', 'd') THEN",
    `      EXECUTE format('ALTER TABLE %s ALTER COLUMN %I ADD GENERATED %s AS IDENTITY (SEQUENCE NAME %s START WITH %s%s)', ${literal(rel)}, ${literal(w.column)}, CASE zd_identity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END, zd_seq, zd_next, zd_options);`,
    "    ELSIF zd_seq IS NOT NULL THEN",
    `      EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', ${literal(rel)}, ${literal(w.column)}, zd_seq);`,
    "    END IF;",
    ...s.children.flatMap((c) => c.key === w.key ? [] : swapColumn(ctx, c)),
    "    FOR i IN 1 .. coalesce(array_length(zd_fks, 1), 0) / 3 LOOP",
    `      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s NOT VALID', zd_fks[3 * i - 2], zd_fks[3 * i - 1], zd_fks[3 * i]);`,
    "    END LOOP;",
    "  END IF;",
    "END",
    ""
  ];
  return `DO ${dollarQuote(body.join("\n"), "zd")}`;
}
function validateForeignKeysSql(w) {
  const body = [
    "",
    "DECLARE",
    "  zd_fk record;",
    "BEGIN",
    `  FOR zd_fk IN SELECT conrelid::regclass::text AS rel, conname FROM pg_constraint WHERE contype = 'f' AND confrelid = ${regclassOf(w.rel)} AND NOT convalidated ORDER BY 1, 2 LOOP`,
    `    EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', zd_fk.rel, zd_fk.conname);`,
    "  END LOOP;",
    "END",
    ""
  ];
  return `DO ${dollarQuote(body.join("\n"), "zd")}`;
}
function dropOldSteps(all, keys, reason, deploy) {
  const out = [];
  all.forEach((w, i) => {
    out.push(
      step(
        "contract",
        [
          sqlComment(
            `zerodown-ignore ban-drop-column: ${w.oldName} is the old integer ${w.column}, renamed at the swap; since then nothing writes it, and the deploy above ends every reader`
          ),
          `ALTER TABLE ${relation(w.rel)} DROP COLUMN IF EXISTS ${ident(w.oldName)}`
        ].join("\n"),
        keys,
        reason,
        i === 0 ? { deploy } : {}
      )
    );
    out.push(
      step(
        "contract",
        guarded(`NOT ${narrow(w)}`, `ALTER TABLE ${relation(w.rel)} DROP COLUMN IF EXISTS ${ident(w.newName)}`),
        keys,
        `${reason}; ${w.newName} is there again only when the plan was run a second time after the swap (empty)`
      )
    );
    out.push(
      step(
        "contract",
        withIgnore(
          "ban-drop-function",
          "the plan's own sync function, created by its expand phase and unused once the swap is done",
          `DROP FUNCTION IF EXISTS ${ident(w.schema)}.${ident(w.fn)}()`
        ),
        keys,
        reason
      )
    );
  });
  return out;
}

// src/dialects/postgres/plan/expand-contract.ts
function catalogExprText(ctx, node) {
  const text = ctx.sourceOf.get(node);
  if (!text) return void 0;
  try {
    const src = new StmtSource(text);
    let found;
    const visit = (n) => {
      if (found || !n || typeof n !== "object") return;
      if (Array.isArray(n)) return n.forEach(visit);
      for (const v of Object.values(n)) {
        if (found) return;
        if (v && typeof v === "object" && !Array.isArray(v) && sameAst(v, node)) {
          found = v;
          return;
        }
        visit(v);
      }
    };
    visit(src.ast);
    return found ? src.expr(found) : void 0;
  } catch {
    return void 0;
  }
}
function rebuildIndex(ctx, ix, table, rel, from, to, tmp) {
  const text = ctx.indexSource.get(`${table.schema}.${ix.name}`);
  const mapName = (n) => ident(n === from ? to : n);
  if (!text) {
    if (ix.columns.some((c) => !c)) return void 0;
    return `CREATE ${ix.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY IF NOT EXISTS ${ident(tmp)} ON ${relation(rel)} (${ix.columns.map((c) => mapName(c)).join(", ")})`;
  }
  const src = new StmtSource(text);
  const ast = src.ast;
  if (ast.options?.length || ast.tableSpace) return void 0;
  const sub = (node) => src.substitute(node, (ref) => {
    const f = names(ref.fields);
    return f.at(-1) === from && f.length === 1 ? ident(to) : void 0;
  });
  const elem = (p) => {
    const e = p.IndexElem;
    if (!e || e.opclassopts?.length) return void 0;
    let s = e.name ? mapName(e.name) : `(${sub(e.expr)})`;
    if (e.collation?.length) s += ` COLLATE ${names(e.collation).map(ident).join(".")}`;
    if (e.opclass?.length) s += ` ${names(e.opclass).map(ident).join(".")}`;
    if (e.ordering === "SORTBY_DESC") s += " DESC";
    if (e.nulls_ordering === "SORTBY_NULLS_FIRST") s += " NULLS FIRST";
    if (e.nulls_ordering === "SORTBY_NULLS_LAST") s += " NULLS LAST";
    return s;
  };
  const elems = (ast.indexParams ?? []).map(elem);
  const incl = (ast.indexIncludingParams ?? []).map(elem);
  if ([...elems, ...incl].some((e) => e === void 0)) return void 0;
  let sql = `CREATE ${ast.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY IF NOT EXISTS ${ident(tmp)} ON ${relation(rel)}`;
  if (ast.accessMethod && ast.accessMethod !== "btree") sql += ` USING ${ident(ast.accessMethod)}`;
  sql += ` (${elems.join(", ")})`;
  if (incl.length) sql += ` INCLUDE (${incl.join(", ")})`;
  if (ast.nulls_not_distinct) sql += " NULLS NOT DISTINCT";
  if (ast.whereClause) sql += ` WHERE ${sub(ast.whereClause)}`;
  return sql;
}
function indexUses(ctx, ix, table, column) {
  if (ix.columns.includes(column)) return true;
  const text = ctx.indexSource.get(`${table.schema}.${ix.name}`);
  if (!text) return ix.columns.some((c) => c === null);
  try {
    const ast = new StmtSource(text).ast;
    const refs = findNodes(ast, "ColumnRef").map((r) => names(r.fields).at(-1));
    const incl = (ast.indexIncludingParams ?? []).map((p) => p.IndexElem?.name);
    return refs.includes(column) || incl.includes(column);
  } catch {
    return true;
  }
}
function blockers(ctx, table, column) {
  if (column.identity || column.generated || column.type.serial) return "it is an identity, serial or generated column";
  if (column.default && findNodes(column.default, "FuncCall").some((f) => names(f.funcname).at(-1) === "nextval"))
    return "its default draws from a sequence";
  for (const c of table.constraints.values()) {
    if (!c.columns.includes(column.name) && !(c.type === "check" && findNodes(c.expr, "ColumnRef").some((r) => names(r.fields).at(-1) === column.name)))
      continue;
    if (c.type === "primary") return "it is part of the primary key";
    if (c.type === "foreign") return `it is part of the foreign key ${c.name}`;
    if (c.type === "check") return `the CHECK constraint ${c.name} uses it`;
    if (c.type === "exclusion") return `the exclusion constraint ${c.name} uses it`;
    if (c.type === "unique" && c.columns.length !== 1) return `the multi-column unique constraint ${c.name} uses it`;
  }
  const key = `${table.schema}.${table.name}`;
  const referencable = ctx.catalog.indexesOf(key).some((ix) => (ix.unique || ix.primary) && ix.columns.includes(column.name));
  if (referencable) {
    for (const t of ctx.catalog.tables.values()) {
      for (const c of t.constraints.values()) {
        if (c.type === "foreign" && c.references === key)
          return `the foreign key ${c.name} of ${t.name} may reference it`;
      }
    }
  }
  return void 0;
}
function refusal(spec) {
  const { ctx, table, column } = spec;
  return !primaryKey(table) ? `${table.name} has no single-column primary key to batch the backfill by` : blockers(ctx, table, column);
}
function indexPlans(spec, taken) {
  const { stmt, ctx, rel, table, column } = spec;
  const plans = [];
  for (const ix of ctx.catalog.indexesOf(relKey(rel))) {
    if (!indexUses(ctx, ix, table, column.name)) continue;
    if (ix.primary) return void 0;
    const tmp = reserve(ctx, table.schema, helperName(ix.name, "zd_new", taken));
    const create = rebuildIndex(ctx, ix, table, rel, column.name, spec.newName, tmp);
    if (!create) {
      note(
        ctx,
        stmt,
        "warning",
        `No automatic expand/contract plan for ${table.name}.${column.name}: the index ${ix.name} uses storage options, operator class options or an expression zerodown cannot rebuild.`
      );
      return void 0;
    }
    const constraint = [...table.constraints.values()].find((c) => c.type === "unique" && c.index === ix.name)?.name;
    plans.push({ create, tmp, original: ix, ...constraint ? { constraint } : {} });
  }
  return plans;
}
function syncBody(spec) {
  const { column } = spec;
  const newRow = (c) => `NEW.${ident(c)}`;
  if (!spec.back) return [`  NEW.${ident(spec.newName)} := ${spec.convert(newRow)};`];
  return [
    `  IF TG_OP = 'INSERT' THEN`,
    `    IF NEW.${ident(spec.newName)} IS NULL THEN`,
    `      NEW.${ident(spec.newName)} := ${spec.convert(newRow)};`,
    "    ELSE",
    `      NEW.${ident(column.name)} := ${spec.back(newRow)};`,
    "    END IF;",
    `  ELSIF NEW.${ident(column.name)} IS DISTINCT FROM OLD.${ident(column.name)} THEN`,
    `    NEW.${ident(spec.newName)} := ${spec.convert(newRow)};`,
    `  ELSIF NEW.${ident(spec.newName)} IS DISTINCT FROM OLD.${ident(spec.newName)} THEN`,
    `    NEW.${ident(column.name)} := ${spec.back(newRow)};`,
    "  END IF;"
  ];
}
function sizedText(typeSql, sql) {
  if (!/^(varchar|character varying)\s*\(/i.test(typeSql)) return sql;
  return withIgnore(
    "prefer-text-field",
    "the replacement column takes the type the migration asks for (its own finding, if any, is on the original)",
    sql
  );
}
function expandSteps2(spec, fn, keys) {
  const { ctx, header, rel, table, column } = spec;
  const fnRef = `${ident(table.schema)}.${ident(fn)}`;
  const why = "a trigger keeps the new column in sync with every write while the app still uses the old one";
  const execute = ctx.pgVersion >= 11 ? "FUNCTION" : "PROCEDURE";
  return [
    step(
      "expand",
      // run again after the contract of a rename, the old column is gone: then nothing is re-added
      guarded(
        hasColumn(rel, column.name),
        sizedText(spec.typeSql, `${header} ADD COLUMN IF NOT EXISTS ${ident(spec.newName)} ${spec.typeSql}`)
      ),
      keys,
      "add the replacement column (no default, nullable: no table rewrite)"
    ),
    step(
      "expand",
      guarded(
        hasColumn(rel, column.name),
        `CREATE OR REPLACE FUNCTION ${fnRef}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuote(`
BEGIN
${syncBody(spec).join("\n")}
  RETURN NEW;
END
`, "zd")}`
      ),
      keys,
      why
    ),
    step(
      "expand",
      // a trigger that names a dropped column would break every write: only while the old column is there
      guarded(
        `${hasColumn(rel, column.name)} AND NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = ${regclassOf(rel)} AND tgname = ${literal(fn)})`,
        `CREATE TRIGGER ${ident(fn)} BEFORE INSERT OR UPDATE ON ${relation(rel)} FOR EACH ROW EXECUTE ${execute} ${fnRef}()`
      ),
      keys,
      why
    )
  ];
}
var SYNCED = "the plan's own new column, which its sync trigger fills on every write of the running release";
function notNullCheck(spec, check, keys) {
  const { header, rel } = spec;
  return {
    expand: step(
      "expand",
      withIgnore(
        "breaks-running-code",
        SYNCED,
        guarded(
          `${hasColumn(rel, spec.newName)} AND NOT ${hasConstraint(rel, check)}`,
          `${header} ADD CONSTRAINT ${ident(check)} CHECK (${ident(spec.newName)} IS NOT NULL) NOT VALID`
        )
      ),
      keys,
      "CHECK (\u2026 IS NOT NULL) NOT VALID guards new rows without a scan"
    ),
    validate: step(
      "validate",
      guarded(hasConstraint(rel, check), `${header} VALIDATE CONSTRAINT ${ident(check)}`),
      keys,
      "validate constraints while reads and writes go on (SHARE UPDATE EXCLUSIVE)",
      { timeout: "scan" }
    )
  };
}
function copyStep(spec, pk, keys) {
  const { stmt, ctx, rel, column } = spec;
  const key = relKey(rel);
  const plain = (c) => ident(c);
  return step(
    "backfill",
    backfillSql({
      table: relation(rel),
      tableName: ident(rel.relname),
      pk,
      set: `${ident(spec.newName)} = ${spec.convert(plain)}`,
      pending: `${ident(spec.newName)} IS NULL AND ${ident(column.name)} IS NOT NULL`,
      batchSize: ctx.batchSize,
      lockTimeout: ctx.lockTimeout,
      progressKey: `${ctx.path}:${stmt.span.line}:${column.name}`,
      // run again after the contract, one of the two columns is gone: nothing to copy
      onlyIf: `${hasColumn(rel, column.name)} AND ${hasColumn(rel, spec.newName)}`
    }),
    [...keys, colKey(key, pk), ...spec.reads.map((c) => colKey(key, c))],
    `copy the existing values into ${spec.newName} in batches of ${ctx.batchSize}, each committed on its own (no transaction; safe to run again)`
  );
}
function indexStep(ip, newName, keys) {
  return step(
    "index",
    `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${ident(ip.tmp)}) before running it again`)}
${afterBackfill(newName, ip.create)}`,
    keys,
    `rebuild ${ip.original.name} on the new column CONCURRENTLY, under a temporary name`
  );
}
function bothColumns(spec) {
  return `${hasColumn(spec.rel, spec.column.name)} AND ${hasColumn(spec.rel, spec.newName)}`;
}
function copiedGuard2(spec, keys) {
  const { ctx, rel, table, column } = spec;
  const plain = (c) => ident(c);
  const mismatch = spec.volatile ? `${ident(spec.newName)} IS NULL AND ${ident(column.name)} IS NOT NULL` : `${ident(spec.newName)} IS DISTINCT FROM ${spec.convert(plain)}`;
  const guardBody = [
    "",
    "BEGIN",
    // after the contract (run again) one of the two is gone: nothing to check. Two IFs: plpgsql plans
    // the inner query only when it runs, and it names both columns
    `  IF ${bothColumns(spec)} THEN`,
    `    IF EXISTS (SELECT FROM ${relation(rel)} WHERE ${mismatch}) THEN`,
    `      RAISE EXCEPTION '%', ${literal(
      `zerodown: ${table.name}.${spec.newName} does not hold ${spec.volatile ? "a value for" : "the value of"} ${table.name}.${column.name} on every row (did the backfill phase finish?), so nothing is dropped: run the backfill phase again, then this phase`
    )};`,
    "    END IF;",
    "  END IF;",
    "END",
    ""
  ].join("\n");
  return step(
    "contract",
    [
      sqlComment(
        `the check below reads every row before anything is dropped: no time limit, no lock that blocks writes`
      ),
      "SET statement_timeout = 0;",
      `DO ${dollarQuote(guardBody, "zd")};`,
      `SET statement_timeout = ${literal(ctx.statementTimeout)}`
    ].join("\n"),
    keys,
    spec.contractReason,
    spec.deploy ? { deploy: spec.deploy } : {}
  );
}
function notNullContract(spec, check, keys) {
  const { ctx, header, rel, table, column } = spec;
  const schema = table.schema;
  const reason = spec.contractReason;
  if (ctx.pgVersion < 12) {
    ctx.expected.push({
      keys: [`column ${schema}.${table.name}.${spec.finalName}`, `constraint ${schema}.${table.name}.${check}`],
      why: `${table.name}.${spec.finalName} stays nullable; the validated CHECK ${check} enforces NOT NULL instead (below PostgreSQL 12 SET NOT NULL scans the table)`
    });
    return [];
  }
  const steps = [
    step(
      "contract",
      withIgnore(
        "breaks-running-code",
        SYNCED,
        withIgnore(
          "adding-not-nullable-field",
          `the validated CHECK ${ident(check)} proves ${ident(spec.finalName)} holds no NULL, so PostgreSQL 12+ sets NOT NULL without a scan`,
          `${header} ALTER COLUMN ${ident(spec.finalName)} SET NOT NULL`
        )
      ),
      keys,
      reason
    ),
    step("contract", `${header} DROP CONSTRAINT IF EXISTS ${ident(check)}`, keys, reason)
  ];
  if (spec.finalName !== column.name) {
    const was = makeObjectName(table.name, column.name, "not_null");
    const now = makeObjectName(table.name, spec.finalName, "not_null");
    if (ctx.pgVersion >= 18)
      steps.push(
        step(
          "contract",
          guarded(hasConstraint(rel, now), `${header} RENAME CONSTRAINT ${ident(now)} TO ${ident(was)}`),
          keys,
          reason
        )
      );
    else {
      ctx.expected.push({
        keys: [`constraint ${schema}.${table.name}.${was}`, `constraint ${schema}.${table.name}.${now}`],
        why: `on PostgreSQL 18+ the NOT NULL constraint of ${spec.finalName} is named ${now} instead of ${was} (plan with --pg-version 18 to keep the old name)`
      });
    }
  }
  return steps;
}
function indexSwap(spec, ip, keys) {
  const { header, rel, table } = spec;
  const tmpRef = `${ident(table.schema)}.${ident(ip.tmp)}`;
  const tmpExists = `to_regclass(${literal(tmpRef)}) IS NOT NULL`;
  const taken = ip.constraint ? hasConstraint(rel, ip.constraint) : `to_regclass(${literal(`${ident(table.schema)}.${ident(ip.original.name)}`)}) IS NOT NULL`;
  const attach = ip.constraint ? `${header} ADD CONSTRAINT ${ident(ip.constraint)} UNIQUE USING INDEX ${ident(ip.tmp)};` : `ALTER INDEX ${tmpRef} RENAME TO ${ident(ip.original.name)};`;
  const body = [
    "",
    "BEGIN",
    `  IF ${tmpExists} THEN`,
    `    IF NOT ${taken} THEN`,
    `      ${attach}`,
    "    ELSE",
    `      DROP INDEX ${tmpRef};`,
    "    END IF;",
    "  END IF;",
    "END",
    ""
  ].join("\n");
  return step("contract", `DO ${dollarQuote(body, "zd")}`, keys, spec.contractReason);
}
function contractSteps(spec, fn, check, plans, keys) {
  const { stmt, ctx, header, rel, table, column } = spec;
  const reason = spec.contractReason;
  const fnRef = `${ident(table.schema)}.${ident(fn)}`;
  const contract = [copiedGuard2(spec, keys)];
  const own = "the plan's own sync trigger and its function, which the swap below makes useless";
  contract.push(
    step(
      "contract",
      withIgnore("ban-drop-trigger", own, `DROP TRIGGER IF EXISTS ${ident(fn)} ON ${relation(rel)}`),
      keys,
      reason
    )
  );
  contract.push(
    step("contract", withIgnore("ban-drop-function", own, `DROP FUNCTION IF EXISTS ${fnRef}()`), keys, reason)
  );
  contract.push(
    step(
      "contract",
      guarded(
        bothColumns(spec),
        [
          withIgnore(
            "ban-drop-column",
            spec.deploy ? `after the deploy gate no app version reads ${ident(column.name)}, and ${ident(spec.newName)} was checked above to hold its value on every row` : `${ident(spec.newName)}, checked above to hold the converted value of ${ident(column.name)} on every row, takes its name in this same transaction`,
            `${header} DROP COLUMN ${ident(column.name)};`
          ),
          ...spec.newName !== spec.finalName ? [
            withIgnore(
              "renaming-column",
              `${ident(spec.newName)} is the plan's own replacement column, which no app version reads`,
              `${header} RENAME COLUMN ${ident(spec.newName)} TO ${ident(spec.finalName)};`
            )
          ] : []
        ].join("\n")
      ),
      keys,
      reason
    )
  );
  if (column.default) {
    const d = catalogExprText(ctx, column.default);
    if (d === void 0) {
      note(
        ctx,
        stmt,
        "warning",
        `No automatic expand/contract plan for ${table.name}.${column.name}: zerodown cannot recover the text of its default.`
      );
      return void 0;
    }
    contract.push(step("contract", `${header} ALTER COLUMN ${ident(spec.finalName)} SET DEFAULT ${d}`, keys, reason));
  }
  if (check) contract.push(...notNullContract(spec, check, keys));
  for (const ip of plans) contract.push(indexSwap(spec, ip, keys));
  return contract;
}
function replaceColumn(spec) {
  const { stmt, ctx, table, column } = spec;
  const schema = table.schema;
  const why = refusal(spec);
  if (why) {
    note(
      ctx,
      stmt,
      "warning",
      `No automatic expand/contract plan for ${table.name}.${column.name}: ${why}. Do it by hand: add the new column, keep it in sync with a trigger, backfill in batches, then swap in a short transaction.`
    );
    return void 0;
  }
  const key = relKey(spec.rel);
  const taken = (n) => nameTaken(ctx, schema, n, table);
  const fn = reserve(ctx, schema, helperName(`${table.name}_${column.name}`, "zd_sync", taken));
  const keys = [colKey(key, column.name), colKey(key, spec.newName), colKey(key, spec.finalName)];
  const plans = indexPlans(spec, taken);
  if (!plans) return void 0;
  const expand = expandSteps2(spec, fn, keys);
  const validate = [];
  let check;
  if (column.notNull) {
    check = reserve(ctx, schema, chooseName(table.name, spec.finalName, "not_null_check", taken));
    const nn = notNullCheck(spec, check, keys);
    expand.push(nn.expand);
    validate.push(nn.validate);
  }
  const backfill = copyStep(spec, primaryKey(table).name, keys);
  const index = plans.map((ip) => indexStep(ip, spec.newName, keys));
  const contract = contractSteps(spec, fn, check, plans, keys);
  if (!contract) return void 0;
  ctx.expected.push({
    keys: [`column order ${schema}.${table.name}`],
    why: `${table.name}.${spec.finalName} is now the last column of ${table.name} (SELECT * returns the columns in a different order)`
  });
  record(ctx, stmt, spec.rule, spec.summary);
  return [[...expand, backfill, ...validate, ...index, ...contract]];
}

// src/dialects/postgres/plan/bigint-key.ts
var NARROW = /* @__PURE__ */ new Set(["int2", "int4"]);
function widen(ctx, table, column, isKey, parent) {
  const key = `${table.schema}.${table.name}`;
  const col = table.columns.get(column);
  const pk = primaryKey(table);
  if (!pk) return { why: `${table.name} has no single-column primary key to batch the backfill by` };
  if (!isKey && pk.name === column) return { why: `${table.name}.${column} is also ${table.name}'s primary key` };
  if (!isKey && (col.default || col.identity || col.generated))
    return { why: `${table.name}.${column} has a default, an identity or a generation expression` };
  for (const c of table.constraints.values()) {
    if (!c.columns.includes(column) || c.type === "primary" || c.type === "foreign" && c.columns.length === 1 && c.references === parent)
      continue;
    return { why: `the ${c.type} constraint ${c.name} uses ${table.name}.${column}` };
  }
  const taken = (n) => table.columns.has(n) || nameTaken(ctx, table.schema, n, table);
  const rel = table.schema === DEFAULT_SCHEMA ? { relname: table.name } : { schemaname: table.schema, relname: table.name };
  const newName = reserve(ctx, table.schema, helperName(column, "zd_new", taken));
  const oldName = reserve(ctx, table.schema, helperName(column, "zd_old", taken));
  const fn = reserve(ctx, table.schema, helperName(`${table.name}_${column}`, "zd_sync", taken));
  const indexes = [];
  for (const ix of ctx.catalog.indexesOf(key)) {
    if (ix.primary || !indexUses(ctx, ix, table, column)) continue;
    if (isKey) return { why: `the index ${ix.name} uses ${table.name}.${column} besides the primary key` };
    if ([...table.constraints.values()].some((c) => c.index === ix.name))
      return { why: `the index ${ix.name} backs a constraint` };
    const tmp = reserve(ctx, table.schema, helperName(ix.name, "zd_new", taken));
    const create = rebuildIndex(ctx, ix, table, rel, column, newName, tmp);
    if (!create) return { why: `zerodown cannot rebuild the index ${ix.name}` };
    indexes.push({
      create,
      tmp,
      name: ix.name,
      oldName: reserve(ctx, table.schema, helperName(ix.name, "zd_old", taken))
    });
  }
  const w = {
    rel,
    schema: table.schema,
    key,
    column,
    notNull: col.notNull,
    newName,
    oldName,
    fn,
    pk: pk.name,
    indexes
  };
  if (col.notNull) w.check = reserve(ctx, table.schema, chooseName(table.name, newName, "not_null", taken));
  return { w };
}
function bigintKey(inp, cmd) {
  const { stmt, ctx, key, table } = inp;
  if (!table || isNewTable(ctx, key)) return void 0;
  const column = table.columns.get(cmd.name);
  const def = cmd.def?.ColumnDef;
  if (!column || !def?.typeName || def.raw_default || def.collClause) return void 0;
  if (typeRef(def.typeName).name !== "int8" || typeRef(def.typeName).arrayDims) return void 0;
  if (!NARROW.has(column.type.name) || column.type.arrayDims || column.addedIn === ctx.origin) return void 0;
  const pkCon = [...table.constraints.values()].find((c) => c.type === "primary");
  if (pkCon?.columns.length !== 1 || pkCon.columns[0] !== column.name) return void 0;
  if (!ctx.allowed(stmt, "changing-column-type")) return void 0;
  const refuse = (why) => {
    note(
      ctx,
      stmt,
      "warning",
      `No automatic int \u2192 bigint plan for ${table.name}.${column.name}: ${why}. Do it by hand: a bigint column kept in sync by a trigger, backfilled in batches, a unique index built CONCURRENTLY, then the primary key swapped with ADD CONSTRAINT \u2026 PRIMARY KEY USING INDEX.`
    );
    return void 0;
  };
  if (ctx.pgVersion < 12)
    return refuse(
      "below PostgreSQL 12 the primary key swap would scan the table for NULLs under ACCESS EXCLUSIVE (a validated CHECK lets SET NOT NULL skip that scan from 12 on)"
    );
  if (column.default && !column.type.serial) return refuse("its default is not a sequence zerodown can move");
  const k = widen(ctx, table, column.name, true, key);
  if ("why" in k) return refuse(k.why);
  const children = [];
  for (const t of ctx.catalog.tables.values()) {
    for (const c of t.constraints.values()) {
      if (c.type !== "foreign" || c.references !== key) continue;
      if (t === table) return refuse(`the foreign key ${c.name} references its own table`);
      if (c.columns.length !== 1) return refuse(`the foreign key ${c.name} has more than one column`);
      if (!c.validated) return refuse(`the foreign key ${c.name} is NOT VALID`);
      const col = t.columns.get(c.columns[0]);
      if (!col) return refuse(`zerodown does not know the column of the foreign key ${c.name}`);
      if (!NARROW.has(col.type.name)) continue;
      const r = widen(ctx, t, col.name, false, key);
      if ("why" in r) return refuse(r.why);
      children.push(r.w);
    }
  }
  const w = k.w;
  const schema = table.schema;
  const taken = (n) => nameTaken(ctx, schema, n, table);
  const uniqueIndex = reserve(ctx, schema, chooseName(table.name, w.newName, "key", taken));
  w.indexes = [
    {
      create: `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${ident(uniqueIndex)} ON ${relation(inp.rel)} (${ident(w.newName)})`,
      tmp: uniqueIndex,
      name: uniqueIndex,
      oldName: uniqueIndex
    }
  ];
  const all = [w, ...children];
  const keys = all.flatMap(keysOf);
  const swapWhy = `swap in one short transaction: the primary key moves to the bigint column (ADD CONSTRAINT ${pkCon.name} PRIMARY KEY USING INDEX), with its identity or sequence; the referencing columns are swapped the same way and their foreign keys re-added NOT VALID`;
  const deploy = `deploy (or restart) the app after the swap, so that no process still holds a cached statement or ORM column list naming ${all.map((x) => `${x.rel.relname}.${x.oldName}`).join(", ")}`;
  const steps = [
    ...all.flatMap((x) => expandSteps(ctx, x)),
    ...all.map((x) => backfillStep(ctx, x, stmt.span.line)),
    ...all.flatMap((x) => validateCheckStep(x) ?? []),
    ...all.flatMap(indexSteps),
    copiedGuard(ctx, all, keys, swapWhy),
    step("contract", swapSql(ctx, { key: w, children, pkName: pkCon.name, uniqueIndex }), keys, swapWhy),
    step(
      "validate",
      validateForeignKeysSql(w),
      keys,
      "validate the re-added foreign keys while reads and writes go on (SHARE UPDATE EXCLUSIVE)",
      { timeout: "scan" }
    ),
    ...dropOldSteps(all, keys, "drop the old integer columns (no rewrite: a short ACCESS EXCLUSIVE lock)", deploy)
  ];
  ctx.expected.push({
    keys: all.map((x) => `column order ${x.key}`),
    why: `${all.map((x) => `${x.rel.relname}.${x.column}`).join(", ")} ${all.length > 1 ? "are" : "is"} now the last column of ${all.length > 1 ? "their tables" : "its table"} (SELECT * returns the columns in a different order)`
  });
  if (children.length)
    ctx.expected.push({
      keys: children.map((x) => `column ${x.key}.${x.column}`),
      why: `${children.map((x) => `${x.rel.relname}.${x.column}`).join(", ")} ${children.length > 1 ? "are" : "is"} bigint too, like the key ${children.length > 1 ? "they reference" : "it references"} (the original ALTER leaves ${children.length > 1 ? "them" : "it"} integer, to overflow later)`
    });
  record(
    ctx,
    stmt,
    "changing-column-type",
    `expand/contract to bigint: ${[w, ...children].map((x) => `${x.rel.relname}.${x.newName}`).join(", ")} kept in sync by triggers and backfilled in batches, a unique index built CONCURRENTLY, the primary key swapped with ADD CONSTRAINT \u2026 PRIMARY KEY USING INDEX in one short transaction, foreign keys re-added NOT VALID then validated, the old columns dropped after a deploy`
  );
  return [steps];
}
var bigintKeyRewrite = {
  id: "bigint-key",
  subtype: "AT_AlterColumnType",
  answers: ["changing-column-type"],
  rewrite: bigintKey
};

// src/dialects/postgres/plan/column-type.ts
function typeChangeIsInstant(from, to) {
  if (from.arrayDims !== to.arrayDims) return false;
  if (sameType(from, to)) return true;
  const text = (t) => t.name === "text" || t.name === "varchar" && !t.mods.length;
  if (from.name === "varchar" && (text(to) || to.name === "varchar" && to.mods[0] >= from.mods[0])) return true;
  if (from.name === "text" && text(to)) return true;
  if (from.name === "numeric" && to.name === "numeric") {
    if (!to.mods.length) return true;
    return from.mods.length === 2 && to.mods.length === 2 && to.mods[1] === from.mods[1] && to.mods[0] >= from.mods[0];
  }
  if (from.name === "varbit" && to.name === "varbit")
    return !to.mods.length || !!from.mods.length && to.mods[0] >= from.mods[0];
  if (from.name === "cidr" && to.name === "inet") return true;
  return false;
}
function alterColumnType(inp, cmd) {
  const { stmt, ctx, rel, key, table, src } = inp;
  if (!table || isNewTable(ctx, key)) return void 0;
  const column = table.columns.get(cmd.name);
  const def = cmd.def?.ColumnDef;
  if (!column || !def?.typeName) return void 0;
  const to = typeRef(def.typeName);
  const flagged = ctx.flaggedBy(stmt).has("changing-column-type");
  if (!flagged && !def.raw_default && typeChangeIsInstant(column.type, to)) return void 0;
  if (!ctx.allowed(stmt, "changing-column-type")) return void 0;
  if (column.addedIn === ctx.origin) return void 0;
  let typeSql;
  try {
    typeSql = src.type(def.typeName);
  } catch {
    return void 0;
  }
  const bareType = typeSql;
  if (def.collClause) typeSql += ` COLLATE ${names(def.collClause.collname).map(ident).join(".")}`;
  const using = !!def.raw_default;
  if (using && findNodes(def.raw_default, "ColumnRef").some((r) => names(r.fields).length > 1)) return void 0;
  const volatileUsing = def.raw_default && volatility(def.raw_default) === "volatile";
  const newName = helperName(
    column.name,
    "zd_new",
    (n) => table.columns.has(n) || nameTaken(ctx, table.schema, n, table)
  );
  const convert = (col) => using ? src.substitute(def.raw_default, (ref) => col(names(ref.fields).at(-1))) : `${col(column.name)}::${bareType}`;
  return replaceColumn({
    stmt,
    ctx,
    header: inp.header,
    rel,
    table,
    column,
    newName,
    finalName: column.name,
    typeSql,
    convert: (col) => using ? `(${convert(col)})` : convert(col),
    reads: using ? findNodes(def.raw_default, "ColumnRef").map((r) => names(r.fields).at(-1)) : [],
    volatile: !!volatileUsing,
    rule: "changing-column-type",
    summary: `expand/contract: ${newName} ${shorten(typeSql, 30)} kept in sync by a trigger, backfilled in batches, indexes rebuilt CONCURRENTLY, then swapped in one short transaction${volatileUsing ? " (the USING expression is volatile: values differ from the original run)" : ""}`,
    contractReason: `swap in one short transaction: drop the trigger and the old column, rename ${newName} to ${column.name}, restore its default, NOT NULL and index names (the app keeps using the same column name)`
  });
}
var alterColumnTypeRewrite = {
  id: "alter-column-type",
  subtype: "AT_AlterColumnType",
  answers: ["changing-column-type"],
  rewrite: alterColumnType
};

// src/dialects/postgres/plan/alter-table.ts
var ALTER_COMMAND_REWRITES = [
  addColumnRewrite,
  setNotNullRewrite,
  addNotValidRewrite,
  addUniqueRewrite,
  bigintKeyRewrite,
  alterColumnTypeRewrite
];
function as(ctx, r, fn) {
  const before = ctx.current;
  ctx.current = r;
  try {
    return fn();
  } finally {
    ctx.current = before;
  }
}
function rewriteCommand(inp, cmd) {
  for (const r of ALTER_COMMAND_REWRITES) {
    if (r.subtype !== cmd.subtype) continue;
    const out = as(inp.ctx, r, () => r.rewrite(inp, cmd));
    if (out) return out;
  }
  return void 0;
}
function alterTable(stmt, ctx, src) {
  const ast = stmt.ast;
  if (ast.objtype && ast.objtype !== "OBJECT_TABLE") return void 0;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return void 0;
  const table = ctx.catalog.table(key);
  const cmds = alterCmds(ast);
  const parts = src.alterTableParts();
  if (!parts) return void 0;
  const planned = cmds.map((cmd, i) => {
    const part = parts.cmds[i];
    const inp = {
      stmt,
      ctx,
      rel,
      key,
      table,
      src,
      header: parts.header,
      cmdText: part.text,
      cmdStart: part.start,
      cmdEnd: part.end
    };
    return rewriteCommand(inp, cmd);
  });
  if (planned.every((p) => !p)) return void 0;
  const groups = [];
  cmds.forEach((cmd, i) => {
    const p = planned[i];
    if (p) groups.push(...p);
    else {
      const keys = cmd.subtype === "AT_AddColumn" && cmd.def?.ColumnDef ? [colKey(key, cmd.def.ColumnDef.colname)] : tablesOf(stmt);
      groups.push([step("expand", `${parts.header} ${parts.cmds[i].text}`, keys, REASONS.same)]);
    }
  });
  return groups;
}

// src/dialects/postgres/plan/batched-dml.ts
function isPkEquality(where, pk, quals) {
  if (!where) return false;
  const e = where.A_Expr;
  const isPk = (n) => !!n?.ColumnRef && refersTo(n.ColumnRef, pk, quals);
  const isConst = (n) => !!(n?.A_Const || n?.ParamRef || n?.TypeCast && (n.TypeCast.arg?.A_Const || n.TypeCast.arg?.ParamRef));
  if (e?.kind === "AEXPR_OP" && names(e.name)[0] === "=" && (isPk(e.lexpr) && isConst(e.rexpr) || isPk(e.rexpr) && isConst(e.lexpr)))
    return true;
  if (e?.kind === "AEXPR_IN" && isPk(e.lexpr) && Array.isArray(e.rexpr?.List?.items) && e.rexpr.List.items.every(isConst))
    return true;
  const b = where.BoolExpr;
  if (b?.boolop === "AND_EXPR") return (b.args ?? []).some((a) => isPkEquality(a, pk, quals));
  return false;
}
function needsBatches(stmt, ctx, pk, rel) {
  const quals = [rel.relname, ...rel.alias?.aliasname ? [rel.alias.aliasname] : []];
  const flagged = ctx.flaggedBy(stmt).has("unbatched-backfill");
  if (!flagged && pk && isPkEquality(stmt.ast.whereClause, pk, quals)) return false;
  return ctx.allowed(stmt, "unbatched-backfill");
}
function unbatchable(ast) {
  return !!(ast.withClause || ast.returningList?.length || findNodes(ast.whereClause, "CurrentOfExpr").length);
}
function pendingCondition(ast, table, src, self) {
  const targets = (ast.targetList ?? []).map((t) => t.ResTarget);
  const simple = targets.every(
    (t) => t?.name && !t.indirection?.length && t.val && !("SetToDefault" in t.val) && !("MultiAssignRef" in t.val)
  );
  if (!simple) return void 0;
  const targetNames = targets.map((t) => t.name);
  const readsTarget = targets.some(
    (t) => findNodes(t.val, "ColumnRef").some((r) => targetNames.includes(names(r.fields).at(-1)))
  );
  const volatile = targets.some((t) => volatility(t.val) === "volatile") || findNodes(ast, "SubLink").length > 0;
  const types = targetNames.map((n) => table?.columns.get(n)?.type);
  if (readsTarget || volatile || !types.every((t) => t && t.name !== "unknown"))
    return void 0;
  try {
    const exprs = targets.map((t, i) => `CAST(${src.expr(t.val)} AS ${typeSqlOf(types[i])})`);
    return targets.length === 1 ? `${self}.${ident(targetNames[0])} IS DISTINCT FROM ${exprs[0]}` : `ROW(${targetNames.map((n) => `${self}.${ident(n)}`).join(", ")}) IS DISTINCT FROM ROW(${exprs.join(", ")})`;
  } catch {
    return void 0;
  }
}
function update(stmt, ctx, src) {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return void 0;
  const table = ctx.catalog.table(key);
  if (unbatchable(ast)) return void 0;
  const pk = primaryKey(table);
  if (!needsBatches(stmt, ctx, pk?.name, rel)) return void 0;
  const set = src.clause("SET", ["FROM", "WHERE", "RETURNING"]);
  if (!set) return void 0;
  const from = ast.fromClause?.length ? src.clause("FROM", ["WHERE", "RETURNING"]) : void 0;
  const where = ast.whereClause ? src.clause("WHERE", ["RETURNING"]) : void 0;
  const alias = rel.alias?.aliasname;
  const self = alias ? ident(alias) : ident(rel.relname);
  const pending = from ? void 0 : pendingCondition(ast, table, src, self);
  if (!pk && !pending) {
    note(
      ctx,
      stmt,
      "warning",
      `No automatic plan for this UPDATE: ${rel.relname} has no single-column primary key to batch by, and the UPDATE cannot tell done rows from pending ones (it reads what it writes, or calls a volatile function), so page-range batches could apply it twice.`
    );
    return void 0;
  }
  const shared = {
    table: relation(rel),
    tableName: ident(rel.relname),
    set,
    ...alias ? { alias } : {},
    ...from ? { from } : {},
    ...where ? { where } : {},
    ...pending ? { pending } : {},
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout
  };
  if (!pk) pageNote(ctx, stmt, rel);
  const sql = pk ? backfillSql({ ...shared, pk: pk.name, progressKey: `${ctx.path}:${stmt.span.line}` }) : pageBackfillSql({ ...shared, pages: pagesFor(ctx.batchSize) });
  if (!pending && !ctx.expected.some((e) => e.keys.includes(progressTableKeys()[0]))) {
    ctx.expected.push({
      keys: progressTableKeys(),
      why: `${PROGRESS_TABLE} remembers which batches are done, so that running the backfill again never applies the UPDATE twice; drop it once the migration has run everywhere`
    });
  }
  record(
    ctx,
    stmt,
    "unbatched-backfill",
    `the same UPDATE in batches of ${pk ? `${ctx.batchSize} rows by ${pk.name}` : `${pagesFor(ctx.batchSize)} pages`}, each committed on its own${pending ? "" : ` (progress kept in ${PROGRESS_TABLE}, so a rerun resumes)`}`
  );
  return [[step("backfill", sql, [key], backfillReason(ctx, !!pk))]];
}
function deleteRows(stmt, ctx, src) {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return void 0;
  if (unbatchable(ast)) return void 0;
  const table = ctx.catalog.table(key);
  const pk = primaryKey(table);
  if (!needsBatches(stmt, ctx, pk?.name, rel)) return void 0;
  const using = ast.usingClause?.length ? src.clause("USING", ["WHERE", "RETURNING"]) : void 0;
  const where = ast.whereClause ? src.clause("WHERE", ["RETURNING"]) : void 0;
  const alias = rel.alias?.aliasname;
  const shared = {
    table: relation(rel),
    tableName: ident(rel.relname),
    set: "",
    delete: true,
    ...alias ? { alias } : {},
    ...using ? { from: using } : {},
    ...where ? { where } : {},
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout
  };
  if (!pk && using) {
    note(
      ctx,
      stmt,
      "warning",
      `No automatic plan for this DELETE \u2026 USING: ${rel.relname} has no single-column primary key to batch by.`
    );
    return void 0;
  }
  if (!pk) pageNote(ctx, stmt, rel);
  const sql = pk ? backfillSql({ ...shared, pk: pk.name, progressKey: `${ctx.path}:${stmt.span.line}` }) : pageBackfillSql({ ...shared, pages: pagesFor(ctx.batchSize) });
  const how = pk ? `${ctx.batchSize} rows by ${pk.name}` : `${pagesFor(ctx.batchSize)} pages`;
  record(ctx, stmt, "unbatched-backfill", `the same DELETE in batches of ${how}, each committed on its own`);
  return [
    [
      step(
        "backfill",
        sql,
        [key],
        `delete in batches of ${how}, each committed on its own (no transaction; safe to run again)`
      )
    ]
  ];
}
var batchedUpdateRewrite = {
  id: "batched-update",
  kind: "UpdateStmt",
  answers: ["unbatched-backfill"],
  rewrite: update
};
var batchedDeleteRewrite = {
  id: "batched-delete",
  kind: "DeleteStmt",
  answers: ["unbatched-backfill"],
  rewrite: deleteRows
};

// src/dialects/postgres/plan/indexes.ts
function createIndex(stmt, ctx, src) {
  const ast = stmt.ast;
  if (ast.concurrent) return void 0;
  const key = relKey(ast.relation);
  if (isNewTable(ctx, key)) return void 0;
  const table = ctx.catalog.table(key);
  const cols = (ast.indexParams ?? []).map((p) => p.IndexElem?.name);
  const added = cols.find((c) => c && table?.columns.get(c)?.addedIn === ctx.origin);
  const onNewColumn = added !== void 0;
  const rule = onNewColumn ? "index-same-step-as-add-column" : "require-concurrent-index-creation";
  if (!ctx.allowed(stmt, "require-concurrent-index-creation") || !ctx.allowed(stmt, rule)) return void 0;
  if (table?.partitioned || ast.relation?.inh === false) {
    note(
      ctx,
      stmt,
      "warning",
      "No automatic plan: CREATE INDEX CONCURRENTLY does not work on a partitioned table. Build the index CONCURRENTLY on each partition, then create it ON ONLY the parent and ATTACH each partition index."
    );
    return void 0;
  }
  const sql = src.insertAfterKeyword(
    "INDEX",
    ast.idxname && !ast.if_not_exists ? " CONCURRENTLY IF NOT EXISTS" : " CONCURRENTLY"
  );
  if (!sql) return void 0;
  const keys = cols.every((c) => c) ? cols.map((c) => colKey(key, c)) : [key];
  const which = ast.idxname ? ident(ast.idxname) : "the index";
  record(ctx, stmt, rule, `CREATE INDEX CONCURRENTLY in its own phase${onNewColumn ? ", after the backfill" : ""}`);
  return [
    [
      step(
        "index",
        `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${which}) before running it again`)}
${added ? afterBackfill(added, sql) : sql}`,
        keys,
        REASONS.index,
        // in place of the original, the statement itself (an index on a new column waits for its backfill: not local)
        added ? {} : { local: sql }
      )
    ]
  ];
}
var createIndexRewrite = {
  id: "create-index-concurrently",
  kind: "IndexStmt",
  answers: ["require-concurrent-index-creation", "index-same-step-as-add-column"],
  rewrite: createIndex
};
function dropIndex(stmt, ctx, src) {
  const ast = stmt.ast;
  if (ast.removeType !== "OBJECT_INDEX" || ast.concurrent) return void 0;
  if (!ctx.allowed(stmt, "require-concurrent-index-deletion")) return void 0;
  const objects = ast.objects ?? [];
  if (objects.length !== 1 || ast.behavior === "DROP_CASCADE") {
    note(
      ctx,
      stmt,
      "warning",
      "No automatic plan: DROP INDEX CONCURRENTLY drops one index per statement and allows no CASCADE. Drop each index in a statement of its own (and what depends on it first)."
    );
    return void 0;
  }
  const o = objects[0];
  const n = stringList(o.List?.items ?? (o.String ? [o] : []));
  if (!n.length) return void 0;
  const ix = ctx.catalog.indexes.get(qualifiedKey(n));
  if (ix && (ix.createdIn === ctx.origin || isNewTable(ctx, ix.table))) return void 0;
  if (ix && ctx.catalog.table(ix.table)?.partitioned) {
    note(
      ctx,
      stmt,
      "warning",
      "No automatic plan: DROP INDEX CONCURRENTLY does not work on the index of a partitioned table."
    );
    return void 0;
  }
  const sql = src.insertAfterKeyword("INDEX", ast.missing_ok ? " CONCURRENTLY" : " CONCURRENTLY IF EXISTS");
  if (!sql) return void 0;
  record(ctx, stmt, "require-concurrent-index-deletion", "DROP INDEX CONCURRENTLY in its own phase");
  return [[step("index", sql, [ix?.table ?? "*"], REASONS.dropIndex, { local: sql })]];
}
var dropIndexRewrite = {
  id: "drop-index-concurrently",
  kind: "DropStmt",
  answers: ["require-concurrent-index-deletion"],
  rewrite: dropIndex
};

// src/dialects/postgres/plan/rename-column.ts
function renameColumn(stmt, ctx) {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  const table = ctx.catalog.table(key);
  if (!table || isNewTable(ctx, key)) return void 0;
  const column = table.columns.get(ast.subname);
  if (!column || column.addedIn === ctx.origin) return void 0;
  if (!ctx.allowed(stmt, "renaming-column")) return void 0;
  const header = `ALTER TABLE ${ast.missing_ok ? "IF EXISTS " : ""}${rel.inh === false ? "ONLY " : ""}${relation(rel)}`;
  const typeSql = typeSqlOf(column.type);
  return replaceColumn({
    stmt,
    ctx,
    header,
    rel,
    table,
    column,
    newName: ast.newname,
    finalName: ast.newname,
    typeSql,
    convert: (col) => col(column.name),
    back: (col) => col(ast.newname),
    reads: [],
    rule: "renaming-column",
    summary: `expand/contract: ${ast.newname} added next to ${column.name}, kept in sync both ways by a trigger and backfilled; ${column.name} is dropped after the app is deployed`,
    deploy: `deploy the app version that reads and writes ${ast.newname} instead of ${column.name}`,
    contractReason: `drop the trigger and ${column.name}; give ${ast.newname} the default, NOT NULL and index names ${column.name} had`
  });
}
var renameColumnRewrite = {
  id: "rename-column",
  kind: "RenameStmt",
  answers: ["renaming-column"],
  rewrite: (stmt, ctx) => stmt.ast.renameType === "OBJECT_COLUMN" && (stmt.ast.relationType ?? "OBJECT_TABLE") === "OBJECT_TABLE" ? renameColumn(stmt, ctx) : void 0
};

// src/dialects/postgres/plan/rename-table.ts
function renameTable(stmt, ctx) {
  const ast = stmt.ast;
  if (ast.renameType !== "OBJECT_TABLE") return void 0;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key) || !ctx.catalog.table(key)) return void 0;
  if (!ctx.allowed(stmt, "renaming-table")) return void 0;
  const schema = rel.schemaname ?? "public";
  const newKey = `${schema}.${ast.newname}`;
  const newRel = rel.schemaname ? `${ident(schema)}.${ident(ast.newname)}` : ident(ast.newname);
  const keys = [key, newKey];
  record(
    ctx,
    stmt,
    "renaming-table",
    `rename, keep the old name working as a view until the app is deployed, then drop the view`
  );
  return [
    [
      // once: while the old name is still the table (run again, it is the view, or gone after the contract)
      step(
        "expand",
        guarded(
          `EXISTS (SELECT FROM pg_class WHERE oid = ${regclassOf(rel)} AND relkind IN ('r', 'p'))`,
          `${terminate(stmt.text)}
CREATE VIEW ${relation(rel)} AS SELECT * FROM ${newRel};`
        ),
        keys,
        "rename the table and keep the old name working as a simple (updatable) view, so the running app does not break"
      ),
      step(
        "contract",
        withIgnore(
          "ban-drop-view",
          `the plan's own compatibility view, dropped after the deploy gate: no app version reads ${relation(rel)} then`,
          `DROP VIEW IF EXISTS ${relation(rel)}`
        ),
        keys,
        "drop the compatibility view once no deployed code uses the old name",
        {
          deploy: `deploy the app version that uses ${ast.newname} instead of ${rel.relname}`
        }
      )
    ]
  ];
}
var renameTableRewrite = {
  id: "rename-table",
  kind: "RenameStmt",
  answers: ["renaming-table"],
  rewrite: renameTable
};

// src/dialects/postgres/plan/rewrite.ts
var STATEMENT_REWRITES = [
  createIndexRewrite,
  dropIndexRewrite,
  batchedUpdateRewrite,
  batchedDeleteRewrite,
  renameTableRewrite,
  renameColumnRewrite
];
var REWRITES = [
  ...ALTER_COMMAND_REWRITES,
  ...STATEMENT_REWRITES
];
var REWRITTEN_KINDS = /* @__PURE__ */ new Set([
  "AlterTableStmt",
  ...STATEMENT_REWRITES.map((r) => r.kind)
]);
function rewriteStatement(original, ctx) {
  if (original.ignoreAll) return void 0;
  if (!REWRITTEN_KINDS.has(original.kind)) return void 0;
  const src = new StmtSource(original.text);
  if (src.kind !== original.kind) return void 0;
  const stmt = { ...original, ast: src.ast };
  if (stmt.kind === "AlterTableStmt") return alterTable(stmt, ctx, src);
  for (const r of STATEMENT_REWRITES) {
    if (r.kind !== stmt.kind) continue;
    const out = as(ctx, r, () => r.rewrite(stmt, ctx, src));
    if (out) return out;
  }
  return void 0;
}
function passThrough(stmt) {
  const alone = mustRunAlone(stmt);
  const kind = stmt.kind === "IndexStmt" && alone ? "index" : "expand";
  return { ...step(kind, stmt.text, tablesOf(stmt), REASONS.same), transactional: !alone };
}

// src/dialects/postgres/plan/session.ts
function dropped(stmt) {
  if (stmt.kind === "TransactionStmt") return true;
  if (stmt.kind === "VariableSetStmt") {
    const name = stmt.ast.name;
    return name === "lock_timeout" || name === "statement_timeout";
  }
  return false;
}
var PostgresPlanRun = class {
  /** `catalog`: the one the lint engine replays; the run reads it and never applies a statement */
  constructor(settings, catalog) {
    this.settings = settings;
    this.catalog = catalog;
  }
  settings;
  catalog;
  sourceOf = /* @__PURE__ */ new WeakMap();
  indexSource = /* @__PURE__ */ new Map();
  /** keeps the source text of nodes that later rewrites may need to reproduce (defaults, indexes) */
  remember(stmt) {
    const visit = (root) => {
      const stack = [root];
      while (stack.length) {
        const n = stack.pop();
        if (!n || typeof n !== "object") continue;
        if (Array.isArray(n)) {
          stack.push(...n);
          continue;
        }
        for (const [k, v] of Object.entries(n)) {
          if (k === "raw_expr" && v && typeof v === "object") this.sourceOf.set(v, stmt.text);
          stack.push(v);
        }
      }
    };
    if (stmt.kind === "CreateStmt" || stmt.kind === "AlterTableStmt") visit(stmt.ast);
    if (stmt.kind === "IndexStmt") {
      const ast = stmt.ast;
      const cols = (ast.indexParams ?? []).map((p) => p.IndexElem?.name ?? null);
      const name = ast.idxname ?? `${ast.relation?.relname}_${cols.filter(Boolean).join("_")}_idx`;
      this.indexSource.set(`${ast.relation?.schemaname ?? "public"}.${name}`, stmt.text);
    }
    if (stmt.kind === "AlterTableStmt") {
      for (const c of stmt.ast.cmds ?? [])
        if (c.AlterTableCmd?.subtype === "AT_ColumnDefault" && c.AlterTableCmd.def)
          this.sourceOf.set(c.AlterTableCmd.def, stmt.text);
    }
  }
  seen(stmt) {
    this.remember(stmt);
  }
  file(parsed, findings) {
    return new PostgresFilePlan(this, parsed, findings);
  }
};
var PostgresFilePlan = class {
  constructor(run, parsed, findings) {
    this.run = run;
    const m = parsed.migration;
    const s = run.settings;
    this.ctx = {
      catalog: run.catalog,
      pgVersion: s.version,
      origin: m.absPath,
      path: m.path,
      statements: parsed.statements,
      consumed: /* @__PURE__ */ new Set(),
      notes: [],
      rewrites: [],
      expected: [],
      lockTimeout: s.lockTimeout,
      statementTimeout: s.statementTimeout,
      batchSize: s.batchSize,
      backfill: s.backfill,
      usedNames: /* @__PURE__ */ new Set(),
      flaggedBy: (stmt) => findings.flaggedBy(stmt),
      allowed: (stmt, rule) => findings.allowed(stmt, rule),
      sourceOf: run.sourceOf,
      indexSource: run.indexSource,
      answered: []
    };
  }
  run;
  ctx;
  get notes() {
    return this.ctx.notes;
  }
  get rewrites() {
    return this.ctx.rewrites;
  }
  get expected() {
    return this.ctx.expected;
  }
  /**
   * breaks-running-code is answered only by the plan of a new NOT NULL column: its temporary default
   * keeps the running release's INSERTs working, and its deploy gate comes before the default goes.
   * Every other rewrite keeps the hazard as the original has it (a narrowed type: the sync trigger
   * copies the old code's writes into the narrower column, which rejects them the same way; SET NOT
   * NULL or a dropped default: the plan makes the same change, only without the long lock).
   */
  answersOnRewrite(rule, finding) {
    return rule !== "breaks-running-code" || finding?.data?.change === "add-column";
  }
  consumed(index) {
    return this.ctx.consumed.has(index);
  }
  skip(stmt) {
    return this.ctx.consumed.has(stmt.index) || dropped(stmt);
  }
  transactionControl(stmt) {
    return stmt.kind === "TransactionStmt";
  }
  runsAlone(stmt) {
    return mustRunAlone(stmt);
  }
  keepIsPure = true;
  keep(stmt) {
    return passThrough(stmt);
  }
  rewrite(stmt) {
    const ctx = this.ctx;
    if (astDepth(stmt.ast) > MAX_AST_DEPTH) {
      if (REWRITTEN_KINDS.has(stmt.kind))
        ctx.notes.push({
          level: "warning",
          line: stmt.span.line,
          message: `No automatic plan for this statement: its expression nests more than ${MAX_AST_DEPTH} levels deep, too deep for zerodown to rewrite safely; it is kept as written.`
        });
      return void 0;
    }
    const before = {
      rewrites: ctx.rewrites.length,
      expected: ctx.expected.length,
      notes: ctx.notes.length,
      answered: ctx.answered.length,
      consumed: new Set(ctx.consumed)
    };
    const out = rewriteStatement(stmt, ctx);
    if (out && ctx.pgVersion < 11 && out.some((g) => g.some((s) => s.kind === "backfill"))) {
      ctx.rewrites.length = before.rewrites;
      ctx.expected.length = before.expected;
      ctx.notes.length = before.notes;
      ctx.answered.length = before.answered;
      ctx.consumed.clear();
      for (const i of before.consumed) ctx.consumed.add(i);
      ctx.notes.push({
        level: "warning",
        line: stmt.span.line,
        message: `No automatic plan for this statement below PostgreSQL 11: its safe form backfills in batches, each committed inside a DO block, and PostgreSQL ${ctx.pgVersion} cannot COMMIT there. Do it by hand: add the column without the default or NOT NULL, then fill it from a script that runs one UPDATE \u2026 WHERE id BETWEEN \u2026 per transaction until none is left, then add the constraint (see docs/plan.md).`
      });
      return void 0;
    }
    return out;
  }
  after(stmt) {
    this.run.remember(stmt);
    if (stmt.kind === "RenameStmt" && stmt.ast.renameType === "OBJECT_TABLE" && stmt.ast.relation) {
      const from = relKey(stmt.ast.relation);
      const to = `${stmt.ast.relation.schemaname ?? "public"}.${stmt.ast.newname}`;
      const follow = (k) => k.endsWith(` ${from}`) ? `${k.slice(0, -from.length)}${to}` : k.replace(` ${from}.`, ` ${to}.`);
      for (const e of this.ctx.expected) e.keys = e.keys.map(follow);
    }
  }
};

// src/dialects/postgres/plan/index.ts
var postgresPlanner = {
  answers: new Set(REWRITES.flatMap((r) => r.answers)),
  // every transactional phase starts with SET lock_timeout and statement_timeout
  phaseAnswers: /* @__PURE__ */ new Set(["require-lock-timeout", "require-statement-timeout"]),
  start: (settings, catalog) => new PostgresPlanRun(settings, catalog),
  transactionalSql,
  checkPhase: checkPhaseSql
};
export {
  REWRITES,
  checkPhaseSql,
  postgresPlanner
};
