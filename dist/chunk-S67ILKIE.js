import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  require_ajv
} from "./chunk-EX5RFYOK.js";
import {
  DEFAULT_DIALECT,
  dialectFor
} from "./chunk-66RDFW5F.js";
import {
  DIALECT_IDS
} from "./chunk-CNSCKXWJ.js";
import {
  parsePgVersion
} from "./chunk-K6RS4U4B.js";
import {
  LineIndex
} from "./chunk-5T3UE7HX.js";
import {
  registerSecretUrl
} from "./chunk-DSMXYHHG.js";
import {
  ConfigError
} from "./chunk-YPZZPID6.js";
import {
  recordRead
} from "./chunk-5THZYCGT.js";
import {
  require_dist
} from "./chunk-YOZTDGOM.js";
import {
  __toESM
} from "./chunk-XJGXLKRM.js";

// src/config-file.ts
var import_ajv2 = __toESM(require_ajv(), 1);
import { readFileSync } from "node:fs";
import path from "node:path";

// node_modules/strip-json-comments/index.js
var singleComment = /* @__PURE__ */ Symbol("singleComment");
var multiComment = /* @__PURE__ */ Symbol("multiComment");
var stripWithoutWhitespace = () => "";
var stripWithWhitespace = (string, start, end) => string.slice(start, end).replace(/[^ \t\r\n]/g, " ");
var isEscaped = (jsonString, quotePosition) => {
  let index = quotePosition - 1;
  let backslashCount = 0;
  while (jsonString[index] === "\\") {
    index -= 1;
    backslashCount += 1;
  }
  return Boolean(backslashCount % 2);
};
function stripJsonComments(jsonString, { whitespace = true, trailingCommas = false } = {}) {
  if (typeof jsonString !== "string") {
    throw new TypeError(`Expected argument \`jsonString\` to be a \`string\`, got \`${typeof jsonString}\``);
  }
  const strip = whitespace ? stripWithWhitespace : stripWithoutWhitespace;
  let isInsideString = false;
  let isInsideComment = false;
  let offset = 0;
  let buffer = "";
  let result = "";
  let commaIndex = -1;
  for (let index = 0; index < jsonString.length; index++) {
    const currentCharacter = jsonString[index];
    const nextCharacter = jsonString[index + 1];
    if (!isInsideComment && currentCharacter === '"') {
      const escaped = isEscaped(jsonString, index);
      if (!escaped) {
        isInsideString = !isInsideString;
      }
    }
    if (isInsideString) {
      continue;
    }
    if (!isInsideComment && currentCharacter + nextCharacter === "//") {
      buffer += jsonString.slice(offset, index);
      offset = index;
      isInsideComment = singleComment;
      index++;
    } else if (isInsideComment === singleComment && currentCharacter + nextCharacter === "\r\n") {
      index++;
      isInsideComment = false;
      buffer += strip(jsonString, offset, index);
      offset = index;
      continue;
    } else if (isInsideComment === singleComment && currentCharacter === "\n") {
      isInsideComment = false;
      buffer += strip(jsonString, offset, index);
      offset = index;
    } else if (!isInsideComment && currentCharacter + nextCharacter === "/*") {
      buffer += jsonString.slice(offset, index);
      offset = index;
      isInsideComment = multiComment;
      index++;
      continue;
    } else if (isInsideComment === multiComment && currentCharacter + nextCharacter === "*/") {
      index++;
      isInsideComment = false;
      buffer += strip(jsonString, offset, index + 1);
      offset = index + 1;
      continue;
    } else if (trailingCommas && !isInsideComment) {
      if (commaIndex !== -1) {
        if (currentCharacter === "}" || currentCharacter === "]") {
          buffer += jsonString.slice(offset, index);
          result += strip(buffer, 0, 1) + buffer.slice(1);
          buffer = "";
          offset = index;
          commaIndex = -1;
        } else if (currentCharacter !== " " && currentCharacter !== "	" && currentCharacter !== "\r" && currentCharacter !== "\n") {
          buffer += jsonString.slice(offset, index);
          offset = index;
          commaIndex = -1;
        }
      } else if (currentCharacter === ",") {
        result += buffer + jsonString.slice(offset, index);
        buffer = "";
        offset = index;
        commaIndex = index;
      }
    }
  }
  const remaining = isInsideComment === singleComment ? strip(jsonString, offset) : jsonString.slice(offset);
  return result + buffer + remaining;
}

// src/config-file.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/rules/options.ts
var import_ajv = __toESM(require_ajv(), 1);
var import_yaml = __toESM(require_dist(), 1);
var validators = /* @__PURE__ */ new WeakMap();
var ajv;
function validatorFor(schema) {
  let v = validators.get(schema);
  if (!v) {
    ajv ??= new import_ajv.Ajv({ allErrors: true, verbose: true });
    v = ajv.compile(schema);
    validators.set(schema, v);
  }
  return v;
}
function shown(v) {
  const s = JSON.stringify(v);
  return s === void 0 ? String(v) : s.length > 60 ? `${s.slice(0, 57)}\u2026` : s;
}
var dotted = (path2) => path2.join(".");
function describe(err, base) {
  const below = err.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const keyPath2 = [...base, ...below];
  if (err.keyword === "additionalProperties") {
    const key = err.params.additionalProperty;
    const allowed = Object.keys(err.parentSchema?.properties ?? {});
    const list = allowed.length ? ` (it takes ${allowed.map((k) => `"${k}"`).join(", ")})` : "";
    return { keyPath: [...keyPath2, key], message: `unknown option "${dotted([...keyPath2, key])}"${list}` };
  }
  const got = "data" in err ? ` (got ${shown(err.data)})` : "";
  if (err.keyword === "enum") {
    const allowed = err.params.allowedValues.map((v) => JSON.stringify(v)).join(", ");
    return { keyPath: keyPath2, message: `"${dotted(keyPath2)}" must be one of ${allowed}${got}` };
  }
  return { keyPath: keyPath2, message: `"${dotted(keyPath2)}" ${err.message ?? "is invalid"}${got}` };
}
function validateRuleOptions(rules, config, opts = {}) {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const problems = [];
  const add = (rule, keyPath2, message) => problems.push({ rule, keyPath: keyPath2, message, text: `${opts.locate?.(keyPath2) ?? opts.file ?? "config"}: ${message}` });
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!setting || typeof setting !== "object" || !("options" in setting)) continue;
    const options = setting.options;
    const base = ["rules", id, "options"];
    const schema = byId.get(id)?.meta.options;
    if (!schema) {
      add(id, base, `rule "${id}" takes no options: remove "${dotted(base)}"`);
      continue;
    }
    const validate = validatorFor(schema);
    if (validate(options)) continue;
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf");
    const first = [...errors.length ? errors : validate.errors ?? []].sort(
      (a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length
    )[0];
    const d = first ? describe(first, base) : { keyPath: base, message: `"${dotted(base)}" is invalid` };
    add(id, d.keyPath, d.message);
  }
  return problems;
}
function configLocator(text, name) {
  let doc;
  let lines;
  return (keyPath2) => {
    doc ??= (0, import_yaml.parseDocument)(text);
    for (let n = keyPath2.length; n > 0; n--) {
      const node = doc.getIn(keyPath2.slice(0, n), true);
      if (node?.range) {
        lines ??= new LineIndex(text);
        const { line, column } = lines.position(node.range[0]);
        return `${name}:${line}:${column}`;
      }
    }
    return void 0;
  };
}

// src/config-file.ts
var level = { enum: ["off", "warning", "error"] };
var configSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    paths: { type: "array", items: { type: "string", minLength: 1 } },
    framework: { type: "string" },
    dialect: { enum: DIALECT_IDS },
    pgVersion: { anyOf: [{ type: "number" }, { type: "string" }] },
    // then parsePgVersion in validateConfig
    mysqlVersion: { anyOf: [{ type: "number" }, { type: "string" }] },
    // then the dialect's parseVersion in validateConfig
    assumeInTransaction: { type: "boolean" },
    failOn: { enum: ["error", "warning", "never"] },
    rules: {
      type: "object",
      additionalProperties: {
        anyOf: [
          level,
          {
            type: "object",
            additionalProperties: false,
            properties: { severity: level, options: { type: "object" } }
          }
        ]
      }
    },
    plan: {
      type: "object",
      additionalProperties: false,
      properties: {
        lockTimeout: { type: "string", pattern: "^[0-9]+\\s*(ms|s|min)?$" },
        statementTimeout: { type: "string", pattern: "^[0-9]+\\s*(ms|s|min|h)?$" },
        batchSize: { type: "integer", minimum: 1, maximum: 1e6 },
        backfill: { type: "object", additionalProperties: { type: "string", minLength: 1 } }
      }
    },
    dryRun: {
      type: "object",
      additionalProperties: false,
      properties: {
        seedRows: { type: "integer", minimum: 0, maximum: 1e6 },
        shadowUrl: { type: "string" },
        shadowTimeout: { type: "number", exclusiveMinimum: 0, maximum: 86400 }
      }
    },
    estimates: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxLockSeconds: { type: "number", exclusiveMinimum: 0 },
        minRows: { type: "number", minimum: 0 },
        minBytes: { type: "number", minimum: 0 },
        maxStatsAgeDays: { type: "number", exclusiveMinimum: 0 }
      }
    }
  }
};
var validator;
function keyPath(instancePath) {
  return instancePath.slice(1).split("/").filter((p) => p !== "").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");
}
function shown2(v) {
  const s = JSON.stringify(v);
  return s === void 0 ? String(v) : s.length > 60 ? `${s.slice(0, 57)}\u2026` : s;
}
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
function suggest(word, candidates) {
  let best;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.includes(word) || word.includes(c) ? 1 : distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== void 0 && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}
function allowedKeys(at) {
  let node = configSchema;
  for (const part of at ? at.split(".") : []) {
    node = node?.properties?.[part];
  }
  return Object.keys(node?.properties ?? {});
}
function describe2(err) {
  const at = keyPath(err.instancePath);
  if (err.keyword === "additionalProperties") {
    const key = err.params.additionalProperty;
    const near = suggest(key, allowedKeys(at));
    return `unknown key "${at ? `${at}.` : ""}${key}"${near ? ` (did you mean "${near}"?)` : ""}`;
  }
  const got = "data" in err ? ` (got ${shown2(err.data)})` : "";
  if (err.keyword === "enum") {
    const allowed = err.params.allowedValues.map((v) => JSON.stringify(v)).join(", ");
    return `"${at}" must be one of ${allowed}${got}`;
  }
  return `"${at || "(root)"}" ${err.message ?? "is invalid"}${got}`;
}
function validateConfig(raw, file = "config") {
  validator ??= new import_ajv2.Ajv({ allErrors: true, verbose: true }).compile(configSchema);
  if (!validator(raw)) {
    const errors = validator.errors ?? [];
    const specific = errors.filter((e) => e.keyword !== "anyOf");
    const deepest = [...specific].sort(
      (a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length
    )[0];
    const first = specific.find((e) => e.keyword === "additionalProperties") ?? deepest ?? errors[0];
    throw new ConfigError(`${file}: ${describe2(first)}`);
  }
  const config = raw;
  if (config.pgVersion !== void 0) {
    const major = parsePgVersion(String(config.pgVersion));
    if (major === void 0) throw new ConfigError(`${file}: ${PG_VERSION_RULE} (got ${shown2(config.pgVersion)})`);
    config.pgVersion = major;
  }
  if (config.mysqlVersion !== void 0) {
    const text = String(config.mysqlVersion);
    const problem = mysqlVersionProblem(text, config);
    if (problem) throw new ConfigError(`${file}: ${problem} (got ${shown2(config.mysqlVersion)})`);
    config.mysqlVersion = text;
  }
  if (config.pgVersion !== void 0 && config.dialect && dialectFor(config.dialect).parseVersion)
    throw new ConfigError(
      `${file}: "pgVersion" is for PostgreSQL; with dialect "${config.dialect}" use "mysqlVersion"`
    );
  const known = new Set(dialectFor(config.dialect ?? DEFAULT_DIALECT).rules.map((r) => r.meta.id));
  known.add("syntax-error");
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) {
      const near = suggest(id, known);
      throw new ConfigError(`${file}: unknown rule "rules.${id}"${near ? ` (did you mean "${near}"?)` : ""}`);
    }
  }
  return config;
}
function readConfigFile(dir, file) {
  let text;
  try {
    text = recordRead(file, () => readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`cannot read config ${file}: ${err.message}`);
  }
  const name = path.relative(dir, file) || file;
  const at = (offset) => {
    const { line, column } = new LineIndex(text).position(offset);
    return `${name}:${line}:${column}`;
  };
  let raw;
  let written;
  let writtenMysql;
  if (file.endsWith(".json")) {
    text = stripJsonComments(text);
    try {
      raw = JSON.parse(text);
    } catch (err) {
      const msg = err.message.replace(/, ".*" is not valid JSON$/s, "");
      const pos = /^(.*) in JSON at position (\d+)/s.exec(msg);
      const where = pos ? at(Number(pos[2])) : /end of JSON input/.test(msg) ? at(text.length) : name;
      throw new ConfigError(`${where}: not valid JSON: ${pos ? pos[1] : msg}`);
    }
    const m = /"pgVersion"\s*:\s*(-?[0-9][0-9.eE+-]*)/.exec(text);
    if (m) written = { source: m[1], offset: m.index + m[0].length - m[1].length };
    const my = /"mysqlVersion"\s*:\s*(-?[0-9][0-9.eE+-]*)/.exec(text);
    if (my) writtenMysql = { source: my[1], offset: my.index + my[0].length - my[1].length };
  } else {
    const doc = (0, import_yaml2.parseDocument)(text);
    const err = doc.errors[0];
    if (err) {
      const first = err.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").trim();
      throw new ConfigError(
        `${err.linePos ? `${name}:${err.linePos[0].line}:${err.linePos[0].col}` : name}: not valid YAML: ${first}`
      );
    }
    raw = doc.toJS();
    const node = doc.get("pgVersion", true);
    if ((0, import_yaml2.isScalar)(node) && typeof node.value === "number" && node.source !== void 0 && node.range)
      written = { source: node.source, offset: node.range[0] };
    const my = doc.get("mysqlVersion", true);
    if ((0, import_yaml2.isScalar)(my) && typeof my.value === "number" && my.source !== void 0 && my.range)
      writtenMysql = { source: my.source, offset: my.range[0] };
  }
  registerSecretUrl(raw?.dryRun?.shadowUrl);
  if (written && parsePgVersion(written.source) === void 0)
    throw new ConfigError(`${at(written.offset)}: ${PG_VERSION_RULE} (got ${written.source})`);
  if (writtenMysql && raw && typeof raw === "object") {
    const problem = mysqlVersionProblem(writtenMysql.source, raw);
    if (problem) throw new ConfigError(`${at(writtenMysql.offset)}: ${problem} (got ${writtenMysql.source})`);
    raw.mysqlVersion = writtenMysql.source;
  }
  const config = validateConfig(raw ?? {}, name);
  const rules = dialectFor(config.dialect ?? DEFAULT_DIALECT).rules;
  const problems = validateRuleOptions(rules, config, { file: name, locate: configLocator(text, name) });
  if (problems.length) throw new ConfigError(problems[0].text);
  return config;
}
function mysqlVersionProblem(text, config) {
  const ids = typeof config.dialect === "string" && DIALECT_IDS.includes(config.dialect) ? [config.dialect] : ["mysql", "mariadb"];
  const readers = ids.map((id) => dialectFor(id)).filter((d) => d.parseVersion);
  if (!readers.length)
    return `"mysqlVersion" is for dialect mysql or mariadb; for ${dialectFor(config.dialect).name} use "pgVersion"`;
  if (readers.some((d) => d.parseVersion(text) !== void 0)) return void 0;
  return `"mysqlVersion" must be a ${readers.map((d) => d.name).join(" or ")} version, such as ${config.dialect === "mariadb" ? "10.6, 10.11 or 11.4" : config.dialect === "mysql" ? "5.7, 8.0.35 or 8.4" : "8.0.35 (MySQL) or 10.11 (MariaDB)"}`;
}
var PG_VERSION_RULE = '"pgVersion" must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4';

export {
  stripJsonComments,
  configSchema,
  suggest,
  validateConfig,
  readConfigFile
};
