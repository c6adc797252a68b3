import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  LineIndex
} from "./chunk-5T3UE7HX.js";
import {
  readIgnores
} from "./chunk-IXAVB2MN.js";

// src/dialects/mysql/ast.ts
var KIND_OF = {
  alter_table: "AlterTable",
  create_table: "CreateTable",
  create_index: "CreateIndex",
  drop_index: "DropIndex",
  drop_table: "DropTable",
  rename_table: "RenameTable",
  truncate: "Truncate",
  update: "Update",
  delete: "Delete",
  insert: "Insert",
  set: "Set",
  transaction: "Transaction",
  database: "Database",
  load_data: "LoadData",
  select: "Select",
  routine: "Routine",
  account: "Account",
  server: "Server",
  other: "Other",
  unparsed: "Unparsed"
};

// src/dialects/mysql/lex.ts
var LexError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
    this.name = "LexError";
  }
  offset;
};
var ESCAPES = { n: "\n", t: "	", r: "\r", b: "\b", "0": "\0", Z: "" };
function unquote(text, i, end, q) {
  const body = text.slice(i + 1, end - 1);
  if (q === "`") return body.replace(/``/g, "`");
  return body.replace(
    /\\(.)|(['"])\2/gs,
    (_m, e, d) => e !== void 0 ? ESCAPES[e] ?? e : d
  );
}
function isWordChar(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 36 || c >= 128;
}
var OPS3 = ["<=>", "->>"];
var OPS2 = ["<=", ">=", "<>", "!=", ":=", "||", "&&", "<<", ">>", "->"];
function tokenize(text) {
  const out = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 65279) {
      i++;
      continue;
    }
    if (c === 35 || c === 45 && text.charCodeAt(i + 1) === 45 && (i + 2 >= n || text.charCodeAt(i + 2) <= 32)) {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? n : nl + 1;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      if (text.charCodeAt(i + 2) === 33) {
        i += 3;
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
        continue;
      }
      const close = text.indexOf("*/", i + 2);
      if (close === -1) throw new LexError("unterminated /* comment", i);
      i = close + 2;
      continue;
    }
    if (c === 42 && text.charCodeAt(i + 1) === 47) {
      i += 2;
      continue;
    }
    if (c === 39 || c === 34 || c === 96) {
      let j = i + 1;
      for (; ; ) {
        if (j >= n) throw new LexError(c === 96 ? "unterminated `identifier`" : "unterminated string", i);
        const d = text.charCodeAt(j);
        if (d === 92 && c !== 96) j += 2;
        else if (d === c) {
          if (text.charCodeAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      const q = text[i];
      out.push({ type: c === 96 ? "qident" : "string", v: unquote(text, i, j + 1, q), start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    if ((c === 120 || c === 88 || c === 98 || c === 66 || c === 110 || c === 78) && text.charCodeAt(i + 1) === 39) {
      const close = text.indexOf("'", i + 2);
      if (close === -1) throw new LexError("unterminated string", i);
      out.push({ type: "string", v: text.slice(i + 2, close), start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (c === 64) {
      let j = i + 1;
      if (text.charCodeAt(j) === 64) j++;
      const q = text.charCodeAt(j);
      if (q === 39 || q === 34 || q === 96) {
        const close = text.indexOf(text[j], j + 1);
        j = close === -1 ? n : close + 1;
      } else while (j < n && (isWordChar(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      out.push({ type: "var", v: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57 || c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) {
      const m = /^(?:0x[0-9a-f]+|0b[01]+|\d*\.?\d+(?:e[+-]?\d+)?|\d+\.)(?![\w$\u0080-\uffff])/i.exec(
        text.slice(i, i + 64)
      );
      if (m) {
        out.push({ type: "number", v: m[0], start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      out.push({ type: "word", v: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    const op = OPS3.includes(three) ? three : OPS2.includes(two) ? two : text[i];
    out.push({ type: "op", v: op, start: i, end: i + op.length });
    i += op.length;
  }
  return out;
}

// src/dialects/mysql/reader.ts
var GrammarError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
    this.name = "GrammarError";
  }
  offset;
};
var Reader = class {
  constructor(tokens, text) {
    this.tokens = tokens;
    this.text = text;
  }
  tokens;
  text;
  pos = 0;
  get done() {
    return this.pos >= this.tokens.length;
  }
  peek(k = 0) {
    return this.tokens[this.pos + k];
  }
  /** the current token's upper-case word, or '' when it is not a bare word */
  kw(k = 0) {
    const t = this.tokens[this.pos + k];
    return t?.type === "word" ? t.v.toUpperCase() : "";
  }
  /** true when the next tokens are these bare words (upper case) */
  is(...words) {
    return words.every((w, k) => this.kw(k) === w);
  }
  isOp(op, k = 0) {
    const t = this.tokens[this.pos + k];
    return t?.type === "op" && t.v === op;
  }
  /** consumes the words when they are next */
  accept(...words) {
    if (!this.is(...words)) return false;
    this.pos += words.length;
    return true;
  }
  acceptOp(op) {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }
  expect(...words) {
    if (!this.accept(...words)) this.fail(`expected ${words.join(" ")}`);
  }
  expectOp(op) {
    if (!this.acceptOp(op)) this.fail(`expected "${op}"`);
  }
  next() {
    const t = this.tokens[this.pos];
    if (!t) this.fail("unexpected end of statement");
    this.pos++;
    return t;
  }
  /** offset of the current token (the text's end when done) */
  offset() {
    return this.tokens[this.pos]?.start ?? this.text.length;
  }
  /** offset one past the previous token */
  prevEnd() {
    return this.pos > 0 ? this.tokens[this.pos - 1].end : 0;
  }
  fail(message) {
    const t = this.tokens[this.pos];
    const near = t ? ` near "${this.text.slice(t.start, Math.min(t.end, t.start + 40))}"` : " at the end";
    throw new GrammarError(`${message}${near}`, t?.start ?? this.text.length);
  }
  end() {
    this.acceptOp(";");
    if (!this.done) this.fail("unexpected text");
  }
  /** an identifier: bare word or `quoted` (or a "string" where MySQL takes one as a name) */
  ident(what = "a name") {
    const t = this.peek();
    if (t && (t.type === "word" || t.type === "qident" || t.type === "string" && what !== "strict")) {
      this.pos++;
      return t.v;
    }
    this.fail(`expected ${what}`);
  }
  /** a possibly qualified name `db.t` */
  tableName() {
    const first = this.ident("a table name");
    if (this.isOp(".")) {
      this.pos++;
      return { schema: first, name: this.ident("a table name") };
    }
    return { name: first };
  }
  /** `( a, b )` of identifiers */
  identList() {
    this.expectOp("(");
    const out = [this.ident()];
    while (this.acceptOp(",")) out.push(this.ident());
    this.expectOp(")");
    return out;
  }
  /** skips a balanced run starting at `(`; returns the text inside the parentheses */
  parenthesized() {
    const open = this.peek();
    if (open?.type !== "op" || open.v !== "(") this.fail('expected "("');
    let depth = 0;
    while (!this.done) {
      const t = this.next();
      if (t.type === "op" && t.v === "(") depth++;
      else if (t.type === "op" && t.v === ")" && --depth === 0) return this.text.slice(open.end, t.start).trim();
    }
    this.fail("unbalanced parentheses");
  }
  /**
   * skips an expression up to (not including) a `,` or `)` at depth 0, `;`, or a bare word in
   * `stops` at depth 0; returns its text. Throws when the expression is empty.
   */
  expression(stops = NO_STOPS) {
    const from = this.offset();
    let depth = 0;
    let n = 0;
    while (!this.done) {
      const t = this.peek();
      if (t.type === "op") {
        if (t.v === "(") depth++;
        else if (t.v === ")") {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (t.v === "," || t.v === ";")) break;
      } else if (depth === 0 && n > 0 && t.type === "word" && stops.has(t.v.toUpperCase())) break;
      this.pos++;
      n++;
    }
    if (n === 0) this.fail("expected an expression");
    if (depth !== 0) this.fail("unbalanced parentheses");
    return this.text.slice(from, this.prevEnd());
  }
  /** `[=] value`: a word, number, string or identifier as written (strings unquoted) */
  optionValue() {
    this.acceptOp("=");
    const t = this.next();
    if (t.type === "op") {
      if (t.v === "-" || t.v === "+") return t.v + this.next().v;
      this.pos--;
      this.fail("expected a value");
    }
    return t.v;
  }
  /** an unsigned integer */
  int() {
    const t = this.next();
    if (t.type !== "number" || !/^\d+$/.test(t.v)) {
      this.pos--;
      this.fail("expected a number");
    }
    return Number(t.v);
  }
  /** A DEFAULT value: a literal, NULL, or any expression (function call, (expr), CURRENT_TIMESTAMP). */
  defaultValue() {
    const from = this.offset();
    const t = this.peek();
    if (!t) this.fail("expected a default value");
    if (t.type === "word" && t.v.toUpperCase() === "NULL") {
      this.pos++;
      return { kind: "null", text: t.v };
    }
    if (t.type === "op" && t.v === "(") {
      this.parenthesized();
      return { kind: "expression", text: this.text.slice(from, this.prevEnd()) };
    }
    if (t.type === "op" && (t.v === "-" || t.v === "+") && this.peek(1)?.type === "number") {
      this.pos += 2;
      return { kind: "literal", text: this.text.slice(from, this.prevEnd()) };
    }
    if (t.type === "string" || t.type === "number") {
      this.pos++;
      while (this.peek()?.type === "string") this.pos++;
      return { kind: "literal", text: this.text.slice(from, this.prevEnd()) };
    }
    if (t.type === "word" && /^(TRUE|FALSE)$/i.test(t.v)) {
      this.pos++;
      return { kind: "literal", text: t.v };
    }
    if (t.type === "word" && /^_[a-z0-9]+$/i.test(t.v) && this.peek(1)?.type === "string") {
      this.pos += 2;
      return { kind: "literal", text: this.text.slice(from, this.prevEnd()) };
    }
    if (t.type === "word") {
      this.pos++;
      if (this.isOp("(")) this.parenthesized();
      return { kind: "expression", text: this.text.slice(from, this.prevEnd()) };
    }
    this.fail("expected a default value");
  }
};
var NO_STOPS = /* @__PURE__ */ new Set();

// src/dialects/mysql/grammar-defs.ts
var POSITION_STOPS = /* @__PURE__ */ new Set(["FIRST", "AFTER"]);
var TWO_WORD_TYPES = {
  DOUBLE: ["PRECISION"],
  CHARACTER: ["VARYING"],
  CHAR: ["VARYING"],
  NATIONAL: ["CHAR", "CHARACTER", "VARCHAR"],
  NCHAR: ["VARCHAR", "VARYING"],
  LONG: ["VARCHAR", "VARBINARY"]
};
function dataType(r) {
  const from = r.offset();
  const first = r.next();
  if (first.type !== "word") {
    r.pos--;
    r.fail("expected a data type");
  }
  let name = first.v.toLowerCase();
  const second = TWO_WORD_TYPES[first.v.toUpperCase()];
  if (second?.includes(r.kw())) name += ` ${r.next().v.toLowerCase()}`;
  const type = { name, text: "" };
  if (r.isOp("(")) {
    r.next();
    if (name === "enum" || name === "set") {
      const values = [];
      do {
        const t = r.next();
        if (t.type !== "string") {
          r.pos--;
          r.fail("expected an ENUM/SET value");
        }
        values.push(t.v);
      } while (r.acceptOp(","));
      type.values = values;
    } else {
      const args = [];
      do
        args.push(r.int());
      while (r.acceptOp(","));
      type.args = args;
    }
    r.expectOp(")");
  }
  for (; ; ) {
    const k = r.kw();
    if (k === "UNSIGNED" || k === "ZEROFILL") {
      r.pos++;
      if (k === "UNSIGNED") type.unsigned = true;
      else type.zerofill = true;
    } else if (k === "SIGNED") r.pos++;
    else if (k === "BINARY" || k === "ASCII" || k === "UNICODE" || k === "BYTE") r.pos++;
    else if (k === "CHARACTER" && r.kw(1) === "SET") {
      r.pos += 2;
      type.charset = r.optionValue().toLowerCase();
    } else if (k === "CHARSET") {
      r.pos++;
      type.charset = r.optionValue().toLowerCase();
    } else if (k === "COLLATE") {
      r.pos++;
      type.collation = r.optionValue().toLowerCase();
    } else break;
  }
  type.text = r.text.slice(from, r.prevEnd());
  return type;
}
function columnDef(r, name) {
  const col = { name, type: dataType(r) };
  for (; ; ) {
    const k = r.kw();
    if (r.done || r.isOp(",") || r.isOp(")") || r.isOp(";") || POSITION_STOPS.has(k) || k === "PARTITION" && r.kw(1) === "BY")
      break;
    if (k === "NOT" && r.kw(1) === "NULL") {
      r.pos += 2;
      col.nullable = false;
    } else if (k === "NULL") {
      r.pos++;
      col.nullable = true;
    } else if (k === "DEFAULT") {
      r.pos++;
      col.default = r.defaultValue();
    } else if (k === "AUTO_INCREMENT") {
      r.pos++;
      col.autoIncrement = true;
    } else if (k === "PRIMARY" || k === "KEY" && !col.unique) {
      r.accept("PRIMARY");
      r.expect("KEY");
      col.primaryKey = true;
    } else if (k === "UNIQUE") {
      r.pos++;
      r.accept("KEY") || r.accept("INDEX");
      col.unique = true;
    } else if (k === "COMMENT") {
      r.pos++;
      col.comment = r.optionValue();
    } else if (k === "COLLATE") {
      r.pos++;
      col.type.collation = r.optionValue().toLowerCase();
    } else if (k === "CHARACTER" && r.kw(1) === "SET" || k === "CHARSET") {
      r.pos += k === "CHARSET" ? 1 : 2;
      col.type.charset = r.optionValue().toLowerCase();
    } else if (k === "ON" && r.kw(1) === "UPDATE") {
      r.pos += 2;
      col.onUpdate = r.defaultValue().text;
    } else if (k === "GENERATED" || k === "AS") {
      if (r.accept("GENERATED")) r.expect("ALWAYS");
      r.expect("AS");
      const expr = r.parenthesized();
      const kind = r.kw();
      const stored = kind === "STORED" || kind === "PERSISTENT";
      if (stored || kind === "VIRTUAL") r.pos++;
      col.generated = { expr, stored };
    } else if (k === "VIRTUAL" || k === "STORED" || k === "PERSISTENT") {
      r.pos++;
      if (col.generated) col.generated.stored = k !== "VIRTUAL";
    } else if (k === "REFERENCES") {
      col.references = references(r);
    } else if (k === "CONSTRAINT" || k === "CHECK") {
      if (r.accept("CONSTRAINT") && r.kw() !== "CHECK") r.ident();
      r.expect("CHECK");
      col.check = r.parenthesized();
      if (r.accept("NOT")) r.expect("ENFORCED");
      else r.accept("ENFORCED");
    } else if (k === "INVISIBLE") {
      r.pos++;
      col.invisible = true;
    } else if (k === "VISIBLE") r.pos++;
    else if (k === "COLUMN_FORMAT" || k === "STORAGE" || k === "SRID" || k === "ENGINE_ATTRIBUTE" || k === "SECONDARY_ENGINE_ATTRIBUTE") {
      r.pos++;
      r.optionValue();
    } else if (k === "SERIAL" && r.is("SERIAL", "DEFAULT", "VALUE")) {
      r.pos += 3;
      col.nullable = false;
      col.autoIncrement = true;
      col.unique = true;
    } else if (k === "WITH" && r.kw(1) === "SYSTEM") {
      r.pos += 3;
    } else if (k === "WITHOUT" && r.kw(1) === "SYSTEM") r.pos += 3;
    else r.fail("unknown column attribute");
  }
  return col;
}
function references(r) {
  r.expect("REFERENCES");
  const refTable = r.tableName();
  const refColumns = r.isOp("(") ? r.identList() : [];
  const out = { refTable, refColumns };
  for (; ; ) {
    if (r.accept("MATCH")) r.next();
    else if (r.is("ON", "DELETE") || r.is("ON", "UPDATE")) {
      const which = r.kw(1);
      r.pos += 2;
      const action = refAction(r);
      if (which === "DELETE") out.onDelete = action;
      else out.onUpdate = action;
    } else break;
  }
  return out;
}
function refAction(r) {
  for (const a of [["RESTRICT"], ["CASCADE"], ["SET", "NULL"], ["SET", "DEFAULT"], ["NO", "ACTION"]])
    if (r.accept(...a)) return a.join(" ");
  r.fail("expected RESTRICT, CASCADE, SET NULL, SET DEFAULT or NO ACTION");
}
function keyParts(r) {
  r.expectOp("(");
  const out = [];
  do {
    let part;
    if (r.isOp("(")) part = { name: r.parenthesized(), expression: true };
    else {
      part = { name: r.ident("a column") };
      if (r.isOp("(")) {
        r.next();
        part.length = r.int();
        r.expectOp(")");
      }
    }
    if (r.accept("DESC")) part.desc = true;
    else r.accept("ASC");
    out.push(part);
  } while (r.acceptOp(","));
  r.expectOp(")");
  return out;
}
function indexOptions(r, index) {
  for (; ; ) {
    const k = r.kw();
    if (k === "USING" || k === "TYPE") {
      r.pos++;
      index.using = r.ident().toUpperCase();
    } else if (k === "KEY_BLOCK_SIZE" || k === "COMMENT" || k === "ENGINE_ATTRIBUTE" || k === "SECONDARY_ENGINE_ATTRIBUTE" || k === "CLUSTERING") {
      r.pos++;
      r.optionValue();
    } else if (k === "WITH" && r.kw(1) === "PARSER") {
      r.pos += 2;
      r.ident();
    } else if (k === "INVISIBLE" || k === "IGNORED") {
      r.pos++;
      index.invisible = true;
    } else if (k === "VISIBLE") r.pos++;
    else if (k === "NOT" && r.kw(1) === "IGNORED") r.pos += 2;
    else break;
  }
}
function indexDef(r, constraintName) {
  let kind;
  const k = r.kw();
  if (k === "PRIMARY") {
    r.pos++;
    r.expect("KEY");
    kind = "primary";
  } else if (k === "UNIQUE") {
    r.pos++;
    r.accept("INDEX") || r.accept("KEY");
    kind = "unique";
  } else if (k === "FULLTEXT" || k === "SPATIAL") {
    r.pos++;
    r.accept("INDEX") || r.accept("KEY");
    kind = k === "FULLTEXT" ? "fulltext" : "spatial";
  } else if (k === "INDEX" || k === "KEY") {
    r.pos++;
    kind = "index";
  } else r.fail("expected a key definition");
  const ifNotExists = r.accept("IF", "NOT", "EXISTS");
  const index = { kind, columns: [] };
  if (constraintName !== void 0) index.name = constraintName;
  if (!r.isOp("(") && r.kw() !== "USING" && r.kw() !== "TYPE") index.name = r.ident("an index name");
  indexOptions(r, index);
  index.columns = keyParts(r);
  indexOptions(r, index);
  if (kind === "primary") index.name = "PRIMARY";
  return { index, ifNotExists };
}
function foreignKeyDef(r, constraintName) {
  r.expect("FOREIGN", "KEY");
  const ifNotExists = r.accept("IF", "NOT", "EXISTS");
  let name = constraintName;
  if (!r.isOp("(")) name = r.ident("a foreign key name");
  const columns = r.identList();
  const fk = { columns, ...references(r) };
  if (name !== void 0) fk.name = name;
  return { fk, ifNotExists };
}
function checkDef(r, name) {
  r.expect("CHECK");
  const check = { expr: r.parenthesized() };
  if (name !== void 0) check.name = name;
  if (r.accept("NOT", "ENFORCED")) check.enforced = false;
  else r.accept("ENFORCED");
  return check;
}

// src/dialects/mysql/grammar-table.ts
var ALGORITHMS = /* @__PURE__ */ new Set(["DEFAULT", "INSTANT", "INPLACE", "COPY", "NOCOPY"]);
var LOCKS = /* @__PURE__ */ new Set(["DEFAULT", "NONE", "SHARED", "EXCLUSIVE"]);
var TABLE_OPTIONS = /* @__PURE__ */ new Set([
  "ENGINE",
  "TYPE",
  "AUTO_INCREMENT",
  "AVG_ROW_LENGTH",
  "CHARSET",
  "CHECKSUM",
  "COLLATE",
  "COMMENT",
  "COMPRESSION",
  "CONNECTION",
  "DATA",
  "INDEX",
  "DELAY_KEY_WRITE",
  "ENCRYPTION",
  "ENCRYPTED",
  "ENCRYPTION_KEY_ID",
  "INSERT_METHOD",
  "KEY_BLOCK_SIZE",
  "MAX_ROWS",
  "MIN_ROWS",
  "PACK_KEYS",
  "PASSWORD",
  "ROW_FORMAT",
  "STATS_AUTO_RECALC",
  "STATS_PERSISTENT",
  "STATS_SAMPLE_PAGES",
  "TABLESPACE",
  "UNION",
  "PAGE_COMPRESSED",
  "PAGE_COMPRESSION_LEVEL",
  "TRANSACTIONAL",
  "SEQUENCE",
  "IETF_QUOTES",
  "ENGINE_ATTRIBUTE",
  "SECONDARY_ENGINE",
  "SECONDARY_ENGINE_ATTRIBUTE",
  "AUTOEXTEND_SIZE",
  "START",
  "STORAGE"
]);
function tableOption(r) {
  const save = r.pos;
  r.accept("DEFAULT");
  let name = r.kw();
  if (name === "CHARACTER" && r.kw(1) === "SET") {
    r.pos += 2;
    name = "CHARSET";
  } else if (name === "DATA" || name === "INDEX" && r.kw(1) === "DIRECTORY") {
    if (r.kw(1) !== "DIRECTORY") return void (r.pos = save);
    r.pos += 2;
    name = `${name} DIRECTORY`;
  } else if (name === "START" && r.kw(1) === "TRANSACTION") {
    r.pos += 2;
    return { name: "START TRANSACTION", value: "" };
  } else if (name === "TABLESPACE" || name === "STORAGE") {
    r.pos++;
    const value = r.optionValue();
    if (name === "TABLESPACE" && r.accept("STORAGE")) r.next();
    return { name, value };
  } else if (name === "UNION") {
    r.pos++;
    r.acceptOp("=");
    r.identList();
    return { name, value: "" };
  } else if (TABLE_OPTIONS.has(name) && name !== "INDEX" && name !== "DATA") r.pos++;
  else return void (r.pos = save);
  if (name === "TYPE") name = "ENGINE";
  return { name, value: r.optionValue() };
}
function onlineClause(r, into) {
  const k = r.kw();
  if (k !== "ALGORITHM" && k !== "LOCK") return false;
  if (!(r.isOp("=", 1) || r.peek(1)?.type === "word")) return false;
  r.pos++;
  const v = r.optionValue().toUpperCase();
  if (k === "ALGORITHM") {
    if (!ALGORITHMS.has(v)) r.fail(`unknown ALGORITHM ${v}`);
    into.algorithm = v;
  } else {
    if (!LOCKS.has(v)) r.fail(`unknown LOCK ${v}`);
    into.lock = v;
  }
  return true;
}
function onlineClauses(r, into) {
  while (onlineClause(r, into)) r.acceptOp(",");
}
function position(r) {
  if (r.accept("FIRST")) return { first: true };
  if (r.accept("AFTER")) return { after: r.ident("a column") };
  return void 0;
}
function withPosition(r, op) {
  const p = position(r);
  if (p) op.position = p;
  return op;
}
function restOfClause(r) {
  return r.expression();
}
function alterClause(r, ast) {
  if (onlineClause(r, ast)) return [];
  const k = r.kw();
  if (k === "ADD") {
    r.pos++;
    const column = r.accept("COLUMN");
    const ifNotExists = r.accept("IF", "NOT", "EXISTS");
    if (column || !isKeyStart(r) && r.kw() !== "PARTITION") {
      if (r.isOp("(")) {
        r.next();
        const ops = [];
        do
          ops.push({
            op: "addColumn",
            column: columnDef(r, r.ident("a column")),
            ...ifNotExists ? { ifNotExists } : {}
          });
        while (r.acceptOp(","));
        r.expectOp(")");
        return ops;
      }
      const name2 = r.ident("a column");
      const op = { op: "addColumn", column: columnDef(r, name2) };
      if (ifNotExists) op.ifNotExists = true;
      return [withPosition(r, op)];
    }
    if (r.kw() === "PARTITION") return [{ op: "partition", text: `ADD ${restOfClause(r)}` }];
    let name;
    let ifne = ifNotExists;
    if (r.accept("CONSTRAINT")) {
      ifne = r.accept("IF", "NOT", "EXISTS") || ifne;
      const kk = r.kw();
      if (kk !== "PRIMARY" && kk !== "UNIQUE" && kk !== "FOREIGN" && kk !== "CHECK")
        name = r.ident("a constraint name");
    }
    if (r.kw() === "FOREIGN") {
      const { fk, ifNotExists: i22 } = foreignKeyDef(r, name);
      return [{ op: "addForeignKey", fk, ...ifne || i22 ? { ifNotExists: true } : {} }];
    }
    if (r.kw() === "CHECK") return [{ op: "addCheck", check: checkDef(r, name) }];
    const { index, ifNotExists: i2 } = indexDef(r, name);
    return [{ op: "addIndex", index, ...ifne || i2 ? { ifNotExists: true } : {} }];
  }
  if (k === "DROP") {
    r.pos++;
    const k2 = r.kw();
    if (k2 === "PRIMARY") {
      r.expect("PRIMARY", "KEY");
      return [{ op: "dropPrimaryKey" }];
    }
    if (k2 === "INDEX" || k2 === "KEY") {
      r.pos++;
      const ifExists2 = r.accept("IF", "EXISTS");
      return [{ op: "dropIndex", name: r.ident("an index"), ...ifExists2 ? { ifExists: ifExists2 } : {} }];
    }
    if (k2 === "FOREIGN") {
      r.expect("FOREIGN", "KEY");
      const ifExists2 = r.accept("IF", "EXISTS");
      return [{ op: "dropForeignKey", name: r.ident("a foreign key"), ...ifExists2 ? { ifExists: ifExists2 } : {} }];
    }
    if (k2 === "CHECK" || k2 === "CONSTRAINT") {
      r.pos++;
      const ifExists2 = r.accept("IF", "EXISTS");
      return [
        {
          op: "dropConstraint",
          name: r.ident("a constraint"),
          check: k2 === "CHECK",
          ...ifExists2 ? { ifExists: ifExists2 } : {}
        }
      ];
    }
    if (k2 === "PARTITION") return [{ op: "partition", text: `DROP ${restOfClause(r)}` }];
    if (k2 === "SYSTEM" && r.kw(1) === "VERSIONING") return [{ op: "other", text: `DROP ${restOfClause(r)}` }];
    r.accept("COLUMN");
    const ifExists = r.accept("IF", "EXISTS");
    const name = r.ident("a column");
    r.accept("RESTRICT") || r.accept("CASCADE");
    return [{ op: "dropColumn", name, ...ifExists ? { ifExists } : {} }];
  }
  if (k === "MODIFY" || k === "CHANGE") {
    r.pos++;
    r.accept("COLUMN");
    const ifExists = r.accept("IF", "EXISTS");
    const from = r.ident("a column");
    const ie = ifExists ? { ifExists } : {};
    if (k === "MODIFY") return [withPosition(r, { op: "modifyColumn", column: columnDef(r, from), ...ie })];
    const to = r.ident("a column");
    return [withPosition(r, { op: "changeColumn", from, column: columnDef(r, to), ...ie })];
  }
  if (k === "ALTER") {
    r.pos++;
    if (r.accept("INDEX") || r.accept("KEY")) {
      const name2 = r.ident("an index");
      if (r.accept("VISIBLE") || r.accept("NOT", "IGNORED"))
        return [{ op: "alterIndexVisibility", name: name2, visible: true }];
      if (r.accept("INVISIBLE") || r.accept("IGNORED")) return [{ op: "alterIndexVisibility", name: name2, visible: false }];
      r.fail("expected VISIBLE, INVISIBLE, IGNORED or NOT IGNORED");
    }
    if (r.kw() === "CHECK" || r.kw() === "CONSTRAINT" && r.peek(2)?.type === "word" && /ENFORCED|NOT/i.test(r.peek(2).v))
      return [{ op: "other", text: `ALTER ${restOfClause(r)}` }];
    r.accept("COLUMN");
    r.accept("IF", "EXISTS");
    const name = r.ident("a column");
    if (r.accept("SET", "DEFAULT")) return [{ op: "alterColumnDefault", name, default: r.defaultValue() }];
    if (r.accept("DROP", "DEFAULT")) return [{ op: "alterColumnDefault", name }];
    if (r.accept("SET", "VISIBLE")) return [{ op: "alterColumnVisibility", name, visible: true }];
    if (r.accept("SET", "INVISIBLE")) return [{ op: "alterColumnVisibility", name, visible: false }];
    r.fail("expected SET DEFAULT, DROP DEFAULT, SET VISIBLE or SET INVISIBLE");
  }
  if (k === "RENAME") {
    r.pos++;
    if (r.accept("COLUMN")) {
      r.accept("IF", "EXISTS");
      const from = r.ident("a column");
      r.expect("TO");
      return [{ op: "renameColumn", from, to: r.ident("a column") }];
    }
    if (r.accept("INDEX") || r.accept("KEY")) {
      r.accept("IF", "EXISTS");
      const from = r.ident("an index");
      r.expect("TO");
      return [{ op: "renameIndex", from, to: r.ident("an index") }];
    }
    r.accept("TO") || r.accept("AS");
    return [{ op: "renameTable", to: r.tableName() }];
  }
  if (k === "CONVERT") {
    r.expect("CONVERT", "TO");
    if (!r.accept("CHARSET")) r.expect("CHARACTER", "SET");
    const charset = r.optionValue().toLowerCase();
    const op = { op: "convertCharset", charset };
    if (r.accept("COLLATE")) op.collation = r.optionValue().toLowerCase();
    return [op];
  }
  if (k === "FORCE") {
    r.pos++;
    return [{ op: "force" }];
  }
  if (k === "PARTITION" || k === "REMOVE" || k === "COALESCE" || k === "REORGANIZE" || k === "EXCHANGE" || k === "REBUILD" || k === "REPAIR" || k === "OPTIMIZE" || k === "ANALYZE" || k === "CHECK" || k === "TRUNCATE" || k === "DISCARD" || k === "IMPORT") {
    if (k === "DISCARD" || k === "IMPORT") return [{ op: "other", text: restOfClause(r) }];
    if (k === "PARTITION" && r.kw(1) !== "BY") r.fail("expected PARTITION BY");
    return [{ op: "partition", text: restOfClause(r) }];
  }
  if (k === "ORDER" || k === "ENABLE" || k === "DISABLE" || k === "WITH" || k === "WITHOUT" || k === "ADD_SYSTEM")
    return [{ op: "other", text: restOfClause(r) }];
  const opt = tableOption(r);
  if (opt) return [{ op: "tableOption", ...opt }];
  r.fail("unknown ALTER TABLE clause");
}
function isKeyStart(r) {
  const k = r.kw();
  return ["INDEX", "KEY", "PRIMARY", "UNIQUE", "FULLTEXT", "SPATIAL", "FOREIGN", "CONSTRAINT", "CHECK"].includes(k);
}
function alterTable(r) {
  const ast = { type: "alter_table", table: { name: "" }, ops: [], body: "" };
  if (r.accept("ONLINE")) ast.online = true;
  else r.accept("OFFLINE");
  if (r.accept("IGNORE")) ast.ignore = true;
  r.expect("TABLE");
  if (r.accept("IF", "EXISTS")) ast.ifExists = true;
  ast.table = r.tableName();
  if (r.accept("WAIT")) ast.wait = r.int();
  else if (r.accept("NOWAIT")) ast.wait = 0;
  let body = "";
  let comma = false;
  while (!r.done && !r.isOp(";")) {
    const from = r.offset();
    const ops = alterClause(r, ast);
    const text = r.text.slice(from, r.prevEnd());
    if (ops.length) body += (body ? comma ? ", " : " " : "") + text;
    ast.ops.push(...ops);
    comma = r.acceptOp(",");
    if (!comma && !r.done && !r.isOp(";") && !/^(ALGORITHM|LOCK)$/.test(r.kw()) && !tableOptionNext(r))
      r.fail('expected "," between ALTER TABLE clauses');
  }
  if (comma) r.fail('expected an ALTER TABLE clause after ","');
  r.end();
  ast.body = body;
  return ast;
}
function tableOptionNext(r) {
  const save = r.pos;
  const opt = tableOption(r);
  r.pos = save;
  return !!opt || r.kw() === "PARTITION";
}
function createTable(r, flags) {
  const ast = {
    type: "create_table",
    table: { name: "" },
    columns: [],
    indexes: [],
    foreignKeys: [],
    checks: [],
    options: {}
  };
  if (flags.orReplace) ast.orReplace = true;
  if (flags.temporary) ast.temporary = true;
  if (r.accept("IF", "NOT", "EXISTS")) ast.ifNotExists = true;
  ast.table = r.tableName();
  if (r.accept("LIKE")) {
    ast.like = r.tableName();
    return r.end(), ast;
  }
  if (r.isOp("(") && r.kw(1) === "LIKE") {
    r.next();
    r.expect("LIKE");
    ast.like = r.tableName();
    r.expectOp(")");
    return r.end(), ast;
  }
  if (r.isOp("(") && r.kw(1) !== "SELECT" && !r.isOp("(", 1)) {
    r.next();
    do
      tableElement(r, ast);
    while (r.acceptOp(","));
    r.expectOp(")");
  }
  for (; ; ) {
    const opt = tableOption(r);
    if (!opt) break;
    ast.options[opt.name] = opt.value;
    r.acceptOp(",");
  }
  if (r.kw() === "PARTITION" && r.kw(1) === "BY")
    ast.partition = r.expression(/* @__PURE__ */ new Set(["AS", "SELECT", "IGNORE", "REPLACE"]));
  r.accept("IGNORE") || r.accept("REPLACE");
  if (r.accept("AS") || r.kw() === "SELECT" || r.kw() === "WITH" || r.isOp("(") || r.kw() === "TABLE" || r.kw() === "VALUES") {
    ast.asSelect = true;
    r.pos = r.tokens.length;
  }
  r.end();
  return ast;
}
function tableElement(r, ast) {
  let name;
  if (r.kw() === "CONSTRAINT") {
    r.pos++;
    const k2 = r.kw();
    if (k2 !== "PRIMARY" && k2 !== "UNIQUE" && k2 !== "FOREIGN" && k2 !== "CHECK") name = r.ident("a constraint name");
  } else if (!isKeyStart(r) && r.kw() !== "PERIOD") {
    const col = columnDef(r, r.ident("a column"));
    ast.columns.push(col);
    if (col.primaryKey) ast.indexes.push({ name: "PRIMARY", kind: "primary", columns: [{ name: col.name }] });
    else if (col.unique) ast.indexes.push({ name: col.name, kind: "unique", columns: [{ name: col.name }] });
    return;
  }
  const k = r.kw();
  if (k === "FOREIGN") ast.foreignKeys.push(foreignKeyDef(r, name).fk);
  else if (k === "CHECK") ast.checks.push(checkDef(r, name));
  else if (k === "PERIOD") r.fail("PERIOD FOR is not modelled");
  else ast.indexes.push(indexDef(r, name).index);
}

// src/dialects/mysql/grammar-dml.ts
function tableRefs(r, stops) {
  const out = [];
  while (!r.done && !stops.has(r.kw()) && !r.isOp(";")) {
    const t = r.peek();
    if (t.type === "op" && t.v === "(") {
      r.parenthesized();
      continue;
    }
    if ((t.type === "word" || t.type === "qident") && (out.length === 0 || r.isOp(",", -1) || /^(JOIN)$/i.test(r.tokens[r.pos - 1]?.v ?? ""))) {
      out.push(r.tableName());
      continue;
    }
    r.pos++;
  }
  return out;
}
function whereLimit(r, ast) {
  if (r.accept("WHERE")) ast.where = r.expression(/* @__PURE__ */ new Set(["ORDER", "LIMIT"]));
  if (r.accept("ORDER", "BY")) ast.orderBy = r.expression(/* @__PURE__ */ new Set(["LIMIT"]));
  if (r.accept("LIMIT") && r.peek()?.type === "number") ast.limit = r.int();
  r.pos = r.tokens.length;
}
function update(r) {
  r.pos++;
  r.accept("LOW_PRIORITY");
  r.accept("IGNORE");
  const tables = tableRefs(r, /* @__PURE__ */ new Set(["SET"]));
  r.expect("SET");
  const ast = { type: "update", tables, set: [] };
  do {
    let column = r.ident("a column");
    while (r.acceptOp(".")) column = r.ident("a column");
    r.expectOp("=");
    ast.set.push({ column, expr: r.expression(/* @__PURE__ */ new Set(["WHERE", "ORDER", "LIMIT"])) });
  } while (r.acceptOp(","));
  whereLimit(r, ast);
  return ast;
}
function deleteStmt(r) {
  r.pos++;
  while (r.accept("LOW_PRIORITY") || r.accept("QUICK") || r.accept("IGNORE")) ;
  const before = r.kw() === "FROM" ? [] : tableRefs(r, /* @__PURE__ */ new Set(["FROM"]));
  r.expect("FROM");
  const from = tableRefs(r, /* @__PURE__ */ new Set(["WHERE", "ORDER", "LIMIT", "USING", "RETURNING"]));
  if (r.accept("USING")) tableRefs(r, /* @__PURE__ */ new Set(["WHERE"]));
  const ast = { type: "delete", tables: before.length ? before : from };
  whereLimit(r, ast);
  return ast;
}
function insert(r) {
  const replace = r.next().v.toUpperCase() === "REPLACE";
  while (r.accept("LOW_PRIORITY") || r.accept("DELAYED") || r.accept("HIGH_PRIORITY") || r.accept("IGNORE")) ;
  r.accept("INTO");
  const table = r.tableName();
  let strict = true;
  if (r.isOp("(") && r.kw(1) !== "SELECT") {
    const save = r.pos;
    try {
      r.identList();
    } catch {
      r.pos = save;
      r.parenthesized();
      strict = false;
    }
  }
  const ast = { type: "insert", table, select: false, rows: 0, ...replace ? { replace } : {} };
  if (r.accept("VALUES") || r.accept("VALUE")) {
    let more = true;
    while (r.isOp("(") || r.kw() === "ROW") {
      r.accept("ROW");
      if (strict) strict = constantRow(r);
      else r.parenthesized();
      ast.rows++;
      more = r.acceptOp(",");
      if (!more) break;
    }
    strict &&= !more && (r.done || r.isOp(";") && r.pos === r.tokens.length - 1);
  } else {
    strict = false;
    if (r.kw() === "SET") ast.rows = 1;
    else ast.select = true;
  }
  r.pos = r.tokens.length;
  return { ast, strict };
}
function constantRow(r) {
  const start = r.pos;
  r.expectOp("(");
  let ok = true;
  for (; ; ) {
    if (!constantValue(r)) {
      ok = false;
      break;
    }
    if (r.acceptOp(")")) return true;
    if (!r.acceptOp(",")) {
      ok = false;
      break;
    }
  }
  r.pos = start;
  r.parenthesized();
  return ok;
}
var CONSTANT_WORDS = /* @__PURE__ */ new Set(["NULL", "DEFAULT", "TRUE", "FALSE", "CURRENT_TIMESTAMP", "NOW", "UUID"]);
function constantValue(r) {
  const t = r.peek();
  if (!t) return false;
  if (t.type === "op" && (t.v === "-" || t.v === "+") && r.peek(1)?.type === "number") {
    r.pos += 2;
    return true;
  }
  if (t.type === "number") return r.pos++ >= 0;
  if (t.type === "string") {
    while (r.peek()?.type === "string") r.pos++;
    return true;
  }
  if (t.type === "word" && /^_[a-z0-9]+$/i.test(t.v) && r.peek(1)?.type === "string") {
    r.pos += 2;
    return true;
  }
  if (t.type === "word") {
    r.pos++;
    if (r.acceptOp("(")) {
      if (r.acceptOp(")")) return true;
      do
        if (!constantValue(r)) return false;
      while (r.acceptOp(","));
      return r.acceptOp(")");
    }
    return CONSTANT_WORDS.has(t.v.toUpperCase());
  }
  return false;
}
function select(r) {
  const ast = { type: "select", tables: [] };
  for (let depth = 0; !r.done; ) {
    const t = r.next();
    if (t.type === "op" && t.v === "(") depth++;
    else if (t.type === "op" && t.v === ")") depth--;
    else if (depth === 0 && t.type === "word") {
      const k = t.v.toUpperCase();
      if (k === "FROM" || k === "JOIN")
        ast.tables.push(
          ...tableRefs(
            r,
            /* @__PURE__ */ new Set([
              "WHERE",
              "GROUP",
              "ORDER",
              "LIMIT",
              "HAVING",
              "INTO",
              "UNION",
              "WINDOW",
              "FOR",
              "LOCK",
              "JOIN",
              "LEFT",
              "RIGHT",
              "INNER",
              "CROSS",
              "STRAIGHT_JOIN",
              "NATURAL",
              "ON",
              "USING"
            ])
          )
        );
      else if (k === "INTO" && (r.kw() === "OUTFILE" || r.kw() === "DUMPFILE")) {
        r.pos++;
        const f = r.peek();
        if (f?.type === "string") ast.intoFile = f.v;
      }
    }
  }
  return ast;
}
function loadData(r) {
  r.pos++;
  if (!r.accept("DATA")) r.expect("XML");
  r.accept("LOW_PRIORITY") || r.accept("CONCURRENT");
  const local = r.accept("LOCAL");
  r.expect("INFILE");
  const f = r.next();
  const ast = { type: "load_data", local, file: f.v };
  while (!r.done && !r.is("TABLE")) r.pos++;
  if (r.accept("TABLE")) ast.table = r.tableName();
  r.pos = r.tokens.length;
  return ast;
}

// src/dialects/mysql/grammar-session.ts
function plainUntilEnd(r) {
  while (!r.done && !r.isOp(";")) {
    const t = r.peek();
    if (t.type === "op" && t.v !== "," && t.v !== "=") r.fail("unexpected text");
    r.pos++;
  }
  r.end();
}
function simpleStatement(r, k) {
  if (k === "SAVEPOINT" || k === "RELEASE" && r.kw(1) === "SAVEPOINT") {
    r.pos += k === "SAVEPOINT" ? 1 : 2;
    r.ident("a savepoint");
    r.end();
    return true;
  }
  if (k === "DO") {
    r.pos++;
    do
      r.expression();
    while (r.acceptOp(","));
    r.end();
    return true;
  }
  if (k === "PREPARE") {
    r.pos++;
    r.ident("a statement name");
    r.expect("FROM");
    const t = r.next();
    if (t.type !== "string" && t.type !== "var") r.fail("expected a string or a @variable");
    r.end();
    return true;
  }
  if (k === "EXECUTE" || k === "DEALLOCATE" || k === "XA") {
    r.pos++;
    if (k === "DEALLOCATE") r.expect("PREPARE");
    plainUntilEnd(r);
    return true;
  }
  return false;
}
var TABLE_MAINTENANCE = /* @__PURE__ */ new Set(["OPTIMIZE", "ANALYZE", "CHECK", "REPAIR", "CHECKSUM"]);
function maintenanceTables(r) {
  r.pos++;
  r.accept("NO_WRITE_TO_BINLOG") || r.accept("LOCAL");
  if (!r.accept("TABLE")) r.expect("TABLES");
  const tables = [];
  do
    tables.push(r.tableName());
  while (r.acceptOp(","));
  while (!r.done && !r.isOp(";") && (r.peek().type === "word" || r.isOp(",") || r.isOp("(") || r.isOp(")") || r.peek().type === "number"))
    r.pos++;
  r.end();
  return tables;
}
function transaction(r) {
  const k = r.next().v.toUpperCase();
  if (k === "START") r.expect("TRANSACTION");
  if (k === "ROLLBACK" && (r.is("TO") || r.is("WORK", "TO"))) {
    r.accept("WORK");
    r.expect("TO");
    r.accept("SAVEPOINT");
    r.ident("a savepoint");
    r.end();
    return { ast: { type: "other", keyword: "ROLLBACK TO" }, looseSyntax: false };
  }
  if (k === "BEGIN" && !r.done && !r.isOp(";") && !r.is("WORK"))
    r.fail("BEGIN \u2026 END is a compound statement, allowed only in stored programs");
  r.accept("WORK");
  let chain = false;
  if (r.accept("AND", "CHAIN")) chain = true;
  else r.accept("AND", "NO", "CHAIN");
  r.accept("NO", "RELEASE") || r.accept("RELEASE");
  if (k === "START") r.pos = r.tokens.length;
  r.end();
  const action = k === "BEGIN" || k === "START" ? "begin" : k === "COMMIT" ? "commit" : "rollback";
  return { ast: { type: "transaction", action, ...chain ? { chain } : {} }, looseSyntax: false };
}
function setStatement(r) {
  r.pos++;
  const k = r.kw();
  if (k === "PASSWORD" || k === "ROLE" || k === "DEFAULT" && r.kw(1) === "ROLE")
    return { ast: { type: "account", keyword: `SET ${k}` }, looseSyntax: false };
  if (k === "TRANSACTION" || (k === "SESSION" || k === "GLOBAL") && r.kw(1) === "TRANSACTION") {
    plainUntilEnd(r);
    return { ast: { type: "other", keyword: "SET TRANSACTION" }, looseSyntax: false };
  }
  const ast = { type: "set", vars: [] };
  do {
    let scope = "session";
    const w = r.kw();
    if (w === "NAMES" || w === "CHARSET" || w === "CHARACTER" && r.kw(1) === "SET") {
      r.pos += w === "CHARACTER" ? 2 : 1;
      const value = r.expression(/* @__PURE__ */ new Set(["COLLATE"]));
      if (r.accept("COLLATE")) r.next();
      ast.vars.push({ scope: "names", name: w === "NAMES" ? "names" : "charset", value });
      continue;
    }
    if (w === "SESSION" || w === "LOCAL" || w === "GLOBAL" || w === "PERSIST" || w === "PERSIST_ONLY") {
      r.pos++;
      scope = w === "LOCAL" ? "session" : w.toLowerCase();
    }
    const t = r.next();
    let name;
    if (t.type === "var") {
      const m = /^@@(?:(global|session|local|persist|persist_only)\.)?(.+)$/i.exec(t.v);
      if (m) {
        if (m[1]) scope = m[1].toLowerCase() === "local" ? "session" : m[1].toLowerCase();
        name = m[2].replace(/^`|`$/g, "");
      } else {
        scope = "user";
        name = t.v.slice(1);
      }
    } else if (t.type === "word" || t.type === "qident") {
      name = t.v;
      if (r.acceptOp(".")) name += `.${r.ident()}`;
    } else {
      r.pos--;
      r.fail("expected a variable");
    }
    if (!r.acceptOp("=")) r.expectOp(":=");
    ast.vars.push({ scope, name: name.toLowerCase(), value: r.expression() });
  } while (r.acceptOp(","));
  r.end();
  return { ast, looseSyntax: false };
}

// src/dialects/mysql/grammar.ts
var ACCOUNT = /* @__PURE__ */ new Set(["USER", "ROLE"]);
var SERVER_FIRST = /* @__PURE__ */ new Set([
  "INSTALL",
  "UNINSTALL",
  "SHUTDOWN",
  "KILL",
  "FLUSH",
  "RESET",
  "PURGE",
  "SYSTEM",
  "RESTART",
  "CLONE",
  "BINLOG",
  "CACHE"
]);
var OTHER_FIRST = /* @__PURE__ */ new Set([
  "CALL",
  "LOCK",
  "UNLOCK",
  "SHOW",
  "DESCRIBE",
  "DESC",
  "EXPLAIN",
  "HANDLER",
  "HELP",
  "SIGNAL",
  "RESIGNAL",
  "GET",
  "TABLE",
  "VALUES",
  "WITH",
  "BACKUP"
]);
var LEAD_WORDS = /* @__PURE__ */ new Set([
  "TABLE",
  "TABLES",
  "INDEX",
  "KEY",
  "UNIQUE",
  "FULLTEXT",
  "SPATIAL",
  "ONLINE",
  "OFFLINE",
  "IGNORE",
  "TEMPORARY",
  "OR",
  "REPLACE",
  "DATABASE",
  "SCHEMA",
  "VIEW",
  "PROCEDURE",
  "FUNCTION",
  "TRIGGER",
  "EVENT",
  "USER",
  "ROLE",
  "TRANSACTION",
  "DATA",
  "XML",
  "LOCAL",
  "INFILE",
  "INTO",
  "FROM",
  "SLAVE",
  "REPLICA",
  "MASTER",
  "PLUGIN",
  "TABLESPACE",
  "SERVER",
  "SESSION",
  "GLOBAL",
  "PERSIST",
  "NAMES",
  "PASSWORD",
  "WORK",
  "LOW_PRIORITY",
  "CONCURRENT",
  "DEFINER",
  "SEQUENCE"
]);
function leadingKeywords(tokens) {
  const words = [];
  for (const t of tokens) {
    if (t.type !== "word" || words.length >= 4) break;
    const w = t.v.toUpperCase();
    if (words.length > 0 && !LEAD_WORDS.has(w)) break;
    words.push(w);
  }
  return words.join(" ") || (tokens[0]?.v ?? "");
}
function readStatement(tokens, text) {
  const r = new Reader(tokens, text);
  const k = r.kw();
  const strict = (ast) => ({ ast, looseSyntax: false });
  const loose = (ast) => ({ ast, looseSyntax: true });
  switch (k) {
    case "ALTER": {
      r.pos++;
      const k2 = r.kw();
      if (k2 === "TABLE" || k2 === "ONLINE" || k2 === "OFFLINE" || k2 === "IGNORE") return strict(alterTable(r));
      if (k2 === "DATABASE" || k2 === "SCHEMA") return strict(database(r, "alter"));
      if (ACCOUNT.has(k2)) return strict({ type: "account", keyword: `ALTER ${k2}` });
      return strict(routineOrOther(r, "alter"));
    }
    case "CREATE":
      r.pos++;
      return create(r);
    case "DROP":
      r.pos++;
      return drop(r);
    case "RENAME": {
      r.pos++;
      if (ACCOUNT.has(r.kw())) return strict({ type: "account", keyword: `RENAME ${r.kw()}` });
      if (!r.accept("TABLE")) r.expect("TABLES");
      const pairs = [];
      do {
        const from = r.tableName();
        r.expect("TO");
        pairs.push({ from, to: r.tableName() });
      } while (r.acceptOp(","));
      r.end();
      return strict({ type: "rename_table", pairs });
    }
    case "TRUNCATE": {
      r.pos++;
      r.accept("TABLE");
      const table = r.tableName();
      r.end();
      return strict({ type: "truncate", table });
    }
    case "USE": {
      r.pos++;
      const name = r.ident("a database");
      r.end();
      return strict({ type: "database", action: "use", name });
    }
    case "BEGIN":
    case "START":
    case "COMMIT":
    case "ROLLBACK":
      return transaction(r);
    case "SET":
      return setStatement(r);
    case "UPDATE":
      return loose(update(r));
    case "DELETE":
      return loose(deleteStmt(r));
    case "INSERT":
    case "REPLACE": {
      const { ast, strict: whole } = insert(r);
      return whole ? strict(ast) : loose(ast);
    }
    case "SELECT":
      return loose(select(r));
    case "LOAD":
      return strict(loadData(r));
    case "GRANT":
    case "REVOKE":
      return strict({ type: "account", keyword: k });
  }
  if (SERVER_FIRST.has(k) || k === "CHANGE" && /^(MASTER|REPLICATION)$/.test(r.kw(1)) || (k === "STOP" || k === "START") && /^(SLAVE|REPLICA|GROUP_REPLICATION)$/.test(r.kw(1)))
    return strict({ type: "server", keyword: leadingKeywords(tokens) });
  if (r.isOp("\\") && r.isOp("!", 1)) return strict({ type: "server", keyword: "\\!" });
  const simple = simpleStatement(r, k);
  if (simple) return strict({ type: "other", keyword: leadingKeywords(tokens) });
  if (TABLE_MAINTENANCE.has(k))
    return strict({ type: "other", keyword: leadingKeywords(tokens), tables: maintenanceTables(r) });
  if (OTHER_FIRST.has(k)) return loose({ type: "other", keyword: leadingKeywords(tokens) });
  return r.fail("unknown statement");
}
function create(r) {
  const orReplace = r.accept("OR", "REPLACE");
  const temporary = r.accept("TEMPORARY");
  const k = r.kw();
  if (k === "TABLE") {
    r.pos++;
    return { ast: createTable(r, { orReplace, temporary }), looseSyntax: false };
  }
  if (k === "DATABASE" || k === "SCHEMA") return { ast: database(r, "create"), looseSyntax: false };
  if (ACCOUNT.has(k)) return { ast: { type: "account", keyword: `CREATE ${k}` }, looseSyntax: false };
  if (k === "TABLESPACE" || k === "SERVER" || k === "LOGFILE" || k === "SPATIAL" && r.kw(1) === "REFERENCE")
    return { ast: { type: "server", keyword: `CREATE ${k}` }, looseSyntax: false };
  const save = r.pos;
  const online = r.accept("ONLINE");
  if (!online) r.accept("OFFLINE");
  const kind = r.kw();
  if (kind === "INDEX" || (kind === "UNIQUE" || kind === "FULLTEXT" || kind === "SPATIAL") && r.kw(1) === "INDEX") {
    r.pos += kind === "INDEX" ? 1 : 2;
    const ifNotExists = r.accept("IF", "NOT", "EXISTS");
    const index = {
      name: r.ident("an index name"),
      kind: kind === "INDEX" ? "index" : kind.toLowerCase(),
      columns: []
    };
    indexOptions(r, index);
    r.expect("ON");
    const table = r.tableName();
    index.columns = keyParts(r);
    indexOptions(r, index);
    const ast = {
      type: "create_index",
      table,
      index,
      ...ifNotExists ? { ifNotExists } : {},
      ...online ? { online } : {}
    };
    onlineClauses(r, ast);
    r.end();
    return { ast, looseSyntax: false };
  }
  r.pos = save;
  return { ast: routineOrOther(r, "create"), looseSyntax: false };
}
function drop(r) {
  const temporary = r.accept("TEMPORARY");
  const k = r.kw();
  if (k === "TABLE" || k === "TABLES") {
    r.pos++;
    const ifExists = r.accept("IF", "EXISTS");
    const tables = [];
    do
      tables.push(r.tableName());
    while (r.acceptOp(","));
    r.accept("RESTRICT") || r.accept("CASCADE");
    r.end();
    return {
      ast: { type: "drop_table", tables, ...ifExists ? { ifExists } : {}, ...temporary ? { temporary } : {} },
      looseSyntax: false
    };
  }
  if (k === "INDEX" || k === "ONLINE" || k === "OFFLINE") {
    const online = r.accept("ONLINE");
    if (!online) r.accept("OFFLINE");
    r.expect("INDEX");
    const ifExists = r.accept("IF", "EXISTS");
    const name = r.ident("an index");
    r.expect("ON");
    const ast = {
      type: "drop_index",
      table: r.tableName(),
      name,
      ...ifExists ? { ifExists } : {},
      ...online ? { online } : {}
    };
    onlineClauses(r, ast);
    r.end();
    return { ast, looseSyntax: false };
  }
  if (k === "DATABASE" || k === "SCHEMA") return { ast: database(r, "drop"), looseSyntax: false };
  if (ACCOUNT.has(k)) return { ast: { type: "account", keyword: `DROP ${k}` }, looseSyntax: false };
  if (k === "TABLESPACE" || k === "SERVER" || k === "LOGFILE")
    return { ast: { type: "server", keyword: `DROP ${k}` }, looseSyntax: false };
  return { ast: routineOrOther(r, "drop"), looseSyntax: false };
}
function database(r, action) {
  r.pos++;
  r.accept("IF", "NOT", "EXISTS") || r.accept("IF", "EXISTS");
  const name = r.kw() === "DEFAULT" || r.kw() === "CHARACTER" || r.kw() === "CHARSET" || r.kw() === "COLLATE" ? "" : r.ident("a database");
  r.pos = r.tokens.length;
  return { type: "database", action, name };
}
var ROUTINES = /* @__PURE__ */ new Set(["PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "VIEW"]);
function routineOrOther(r, action) {
  while (!r.done && !ROUTINES.has(r.kw())) {
    const k = r.kw();
    if (k === "DEFINER") {
      r.pos++;
      r.acceptOp("=");
      r.next();
      if (r.peek()?.type === "var" || r.isOp("@")) r.next();
      if (r.isOp("(")) r.parenthesized();
    } else if (k === "ALGORITHM" || k === "SQL" || k === "SECURITY" || k === "UNDEFINED" || k === "MERGE" || k === "TEMPTABLE" || k === "AGGREGATE" || k === "INVOKER" || k === "OR" || k === "REPLACE" || k === "NONEDITIONABLE" || k === "EDITIONABLE" || k === "DEFINER")
      r.pos++;
    else if (r.isOp("=")) r.pos++;
    else r.fail(`unknown ${action.toUpperCase()} statement`);
  }
  const object = r.next().v.toLowerCase();
  r.accept("IF", "NOT", "EXISTS") || r.accept("IF", "EXISTS");
  const name = r.tableName();
  const ast = { type: "routine", action, object, name };
  if (object === "trigger" && action === "create") {
    while (!r.done && r.kw() !== "ON") r.pos++;
    if (r.accept("ON")) ast.table = r.tableName();
  }
  r.pos = r.tokens.length;
  return ast;
}

// src/dialects/mysql/split.ts
var isBlank = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 65279;
function dashComment(text, i) {
  if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45) return false;
  if (i + 2 >= text.length) return true;
  const c = text.charCodeAt(i + 2);
  return c <= 32 || c === 127;
}
function skipMysqlComment(text, i, to = text.length) {
  const c = text.charCodeAt(i);
  if (c === 35 || dashComment(text, i)) {
    const nl = text.indexOf("\n", i);
    return nl === -1 || nl >= to ? to : nl + 1;
  }
  if (c === 47 && text.charCodeAt(i + 1) === 42 && text.charCodeAt(i + 2) !== 33) {
    const close = text.indexOf("*/", i + 2);
    return close === -1 || close + 2 > to ? to : close + 2;
  }
  return i;
}
function skipMysqlTrivia(text, from, to = text.length) {
  let i = from;
  while (i < to) {
    if (isBlank(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const next = skipMysqlComment(text, i, to);
    if (next === i) break;
    i = next;
  }
  return i;
}
function trimBlankEnd(text, from, to) {
  let e = to;
  while (e > from && isBlank(text.charCodeAt(e - 1))) e--;
  return e;
}
function delimiterCommand(text, i, to) {
  if (to - i < 10 || !/^delimiter[ \t]/i.test(text.slice(i, i + 10))) return void 0;
  const nl = text.indexOf("\n", i);
  const lineEnd = nl === -1 || nl > to ? to : nl;
  const arg = text.slice(i + 10, lineEnd).trim().split(/[ \t]/)[0] ?? "";
  if (!arg) return void 0;
  return { delimiter: arg, end: nl === -1 || nl >= to ? to : nl + 1 };
}
function skipQuoted(text, i, to, q) {
  let j = i + 1;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 92 && q !== 96) {
      j += 2;
      continue;
    }
    if (c === q) {
      if (text.charCodeAt(j + 1) === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return -1;
}
function splitMysql(text, from = 0, to = text.length) {
  const statements = [];
  let delimiter = ";";
  let unterminated;
  let i = from;
  while (i < to) {
    i = skipMysqlTrivia(text, i, to);
    if (i >= to) break;
    if (onlyBlanksBefore(text, i)) {
      const cmd = delimiterCommand(text, i, to);
      if (cmd) {
        delimiter = cmd.delimiter;
        i = cmd.end;
        continue;
      }
    }
    if (text.startsWith("\\!", i) || onlyBlanksBefore(text, i) && /^system[ \t]/i.test(text.slice(i, i + 7))) {
      const nl = text.indexOf("\n", i);
      const e2 = trimBlankEnd(text, i, nl === -1 || nl >= to ? to : nl);
      statements.push({ start: i, end: e2 });
      i = nl === -1 || nl >= to ? to : nl + 1;
      continue;
    }
    const start = i;
    let versioned = false;
    let end = -1;
    let next = to;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (versioned && c === 42 && text.charCodeAt(i + 1) === 47) {
        versioned = false;
        i += 2;
        continue;
      }
      if (c === 39 || c === 34 || c === 96) {
        const j = skipQuoted(text, i, to, c);
        if (j < 0) {
          unterminated ??= { offset: i, what: c === 96 ? "a `quoted` identifier" : "a quoted string" };
          i = to;
          break;
        }
        i = j;
        continue;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 42 && text.charCodeAt(i + 2) === 33 && !versioned) {
        versioned = true;
        i += 3;
        continue;
      }
      const k = versioned ? i : skipMysqlComment(text, i, to);
      if (k !== i) {
        if (k === to && text.charCodeAt(i) === 47 && !text.startsWith("*/", to - 2))
          unterminated ??= { offset: i, what: "a /* comment" };
        i = k;
        continue;
      }
      if (!versioned && text.startsWith(delimiter, i)) {
        end = i;
        next = i + delimiter.length;
        break;
      }
      if (c === 10 && delimiter !== ";") {
        const j = skipBlanksOnLine(text, i + 1, to);
        if (delimiterCommand(text, j, to)) {
          end = i;
          next = j;
          break;
        }
      }
      i++;
    }
    if (end < 0) {
      end = to;
      next = to;
      if (versioned) unterminated ??= { offset: start, what: "a /*! versioned comment" };
    }
    const e = trimBlankEnd(text, start, end);
    if (e > start) statements.push({ start, end: e });
    i = next;
  }
  return unterminated ? { statements, unterminated } : { statements };
}
function skipBlanksOnLine(text, i, to) {
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}
function onlyBlanksBefore(text, i) {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 65279) return false;
  }
  return true;
}

// src/dialects/mysql/parse.ts
var builds;
var loading;
function loadMysqlParser() {
  loading ??= Promise.all([import("./mysql-MJ7FBNKI.js"), import("./mariadb-JEFJ6EYR.js")]).then(
    ([mysql, mariadb]) => {
      const build = (m) => m.default ?? m;
      builds = { mysql: build(mysql), mariadb: build(mariadb) };
    }
  );
  return loading;
}
var parsers = {};
function nsp(flavor) {
  if (!builds) throw new Error("the MySQL parser is not loaded yet: await the dialect\u2019s load() before parsing");
  parsers[flavor] ??= new builds[flavor].Parser();
  return parsers[flavor];
}
function nspReject(sql, flavor) {
  let first;
  for (const f of flavor === "mysql" ? ["mysql", "mariadb"] : ["mariadb", "mysql"]) {
    const parser = nsp(f);
    try {
      parser.parse(sql, { database: f });
      return void 0;
    } catch (err) {
      first ??= cleanMessage(err instanceof Error ? err.message : String(err));
    }
  }
  return first;
}
function cleanMessage(m) {
  const found = /but "(.*?)"|but (end of input) found/.exec(m);
  return found ? `unexpected ${found[1] ? `"${found[1]}"` : "end of input"}` : m.split("\n")[0].slice(0, 200);
}
function parseStatementText(text, flavor) {
  let tokens;
  try {
    tokens = tokenize(text);
  } catch (err) {
    if (!(err instanceof LexError)) throw err;
    return { ast: unparsed(firstWords(text), err.message), errorOffset: err.offset };
  }
  const keyword = leadingKeywords(tokens);
  try {
    const { ast, looseSyntax } = readStatement(tokens, text);
    if (looseSyntax) {
      const reject = nspReject(text, flavor);
      if (reject) return { ast: unparsed(keyword, reject) };
    }
    return { ast };
  } catch (err) {
    if (err instanceof RangeError) return { ast: unparsed(keyword, "the statement is nested too deeply to read") };
    if (!(err instanceof GrammarError)) throw err;
    return { ast: unparsed(keyword, err.message), errorOffset: err.offset };
  }
}
function unparsed(keyword, reason) {
  return { type: "unparsed", keyword, reason };
}
function firstWords(text) {
  return (/^[\s(]*([A-Za-z_]+(?:\s+[A-Za-z_]+)?)/.exec(text)?.[1] ?? "").toUpperCase().replace(/\s+/g, " ");
}
var MAX_BAD_BYTES = 10;
function badBytesOf(migration, lines, server) {
  const at = (offset, message, help) => ({
    message,
    help,
    offset,
    ...lines.position(offset)
  });
  if (migration.notText)
    return [
      at(
        0,
        `This is not a SQL text file: it looks like ${migration.notText}. There is nothing zerodown can check, and the migration tool would fail on it.`,
        "Remove it from the migrations, or save it as UTF-8 SQL text."
      )
    ];
  const out = [];
  const src = migration.source;
  for (let i = src.indexOf("\0"); i !== -1 && out.length <= MAX_BAD_BYTES; i = src.indexOf("\0", i + 1))
    out.push(
      at(
        i,
        `A NUL byte (0x00) is here: ${server} clients that read SQL as a C string stop at it, silently skipping everything after it.`,
        "Delete the byte. zerodown checked the statements around it, but runs nothing from this file on the shadow."
      )
    );
  for (const b of migration.badBytes ?? [])
    out.push(
      at(
        b.offset,
        `Invalid UTF-8 (${b.bytes}) is here: with a utf8mb4 connection ${server} rejects or mangles it (error 1366, incorrect string value); the file was probably saved as Latin-1 or Windows-1252.`,
        "Save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)."
      )
    );
  out.sort((a, b) => a.offset - b.offset);
  if (out.length > MAX_BAD_BYTES) out.length = MAX_BAD_BYTES;
  return out;
}
function parseMigration(migration, flavor) {
  const lines = new LineIndex(migration.source);
  const source = migration.source.replace(/[\0\uFEFF]/g, " ");
  const ignores = readIgnores(source);
  const bad = badBytesOf(migration, lines, flavor === "mysql" ? "MySQL" : "MariaDB");
  const base = {
    migration,
    ignoreFile: ignores.file,
    ignoreFileRules: ignores.fileRules,
    ...bad.length ? { error: bad[0], badBytes: bad } : {}
  };
  const statements = [];
  const unparsedList = [];
  if (migration.notText) return { ...base, statements, unparsed: unparsedList };
  for (const seg of migration.segments ?? [{ start: 0, end: source.length }]) {
    const split = splitMysql(source, seg.start, seg.end);
    for (const raw of split.statements) {
      const text = source.slice(raw.start, raw.end);
      const { ast, errorOffset } = parseStatementText(text, flavor);
      if (ast.type === "unparsed" && errorOffset !== void 0)
        Object.assign(ast, lines.position(raw.start + errorOffset));
      if (ast.type === "unparsed" && split.unterminated && split.unterminated.offset >= raw.start && split.unterminated.offset < raw.end)
        ast.reason = `${split.unterminated.what} is never closed`;
      if (ast.type === "unparsed") {
        const where = ast.line !== void 0 ? ` at line ${ast.line}, column ${ast.column}` : "";
        unparsedList.push({
          index: statements.length,
          message: `${ast.reason}${where}`,
          ddl: isDdlKeyword(ast.keyword)
        });
      }
      const a = lines.position(raw.start);
      const b = lines.position(Math.max(raw.start, raw.end - 1));
      const ig = ignores.forLine(a.line);
      statements.push({
        index: statements.length,
        kind: KIND_OF[ast.type],
        ast,
        text,
        span: {
          line: a.line,
          column: a.column,
          endLine: b.line,
          endColumn: b.column + 1,
          offset: raw.start,
          endOffset: raw.end
        },
        ignored: ig.rules,
        ignoreAll: ig.all
      });
    }
  }
  return { ...base, statements, unparsed: unparsedList };
}
function isDdlKeyword(keyword) {
  return /^(ALTER|CREATE|DROP|RENAME|TRUNCATE)\b/.test(keyword);
}
function parseSql(sql, flavor = "mysql") {
  const m = {
    path: "<sql>",
    absPath: "<sql>",
    source: sql,
    dialect: flavor,
    framework: "plain",
    transaction: "none",
    review: true
  };
  const parsed = parseMigration(m, flavor);
  const bad = parsed.statements.find((s) => s.ast.type === "unparsed");
  if (bad && bad.ast.type === "unparsed")
    throw new Error(`${bad.ast.reason} at line ${bad.span.line}, column ${bad.span.column}`);
  return parsed.statements;
}

export {
  loadMysqlParser,
  parseMigration,
  parseSql
};
