import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  dialectFor
} from "./chunk-66RDFW5F.js";
import {
  formatDuration
} from "./chunk-KLJQAZEJ.js";
import {
  VERSION
} from "./chunk-F2TVXXTQ.js";

// src/report/sarif.ts
import path from "node:path";
import { pathToFileURL } from "node:url";

// src/report/estimate.ts
function estimateText(f) {
  const e = f.estimate;
  if (!e) return void 0;
  return `${formatDuration(e.seconds)} (estimate) under ${e.lock}: ${e.basis}`;
}
function sizeLines(f) {
  const lines = [];
  const e = estimateText(f);
  if (e) lines.push(e);
  if (f.sizeNote) lines.push(f.sizeNote);
  return lines;
}

// src/report/json-array.ts
function jsonArrayWriter(indent, depth) {
  const pad = indent ? `
${" ".repeat(indent * (depth + 1))}` : "";
  let count = 0;
  return {
    element(value) {
      const text = JSON.stringify(value, null, indent || void 0);
      return `${count++ ? "," : ""}${pad}${indent ? text.replaceAll("\n", pad) : text}`;
    },
    close: () => count && indent ? `
${" ".repeat(indent * depth)}` : ""
  };
}

// src/report/sarif.ts
var DOCS_BASE = "https://github.com/zerodown/zerodown/blob/main/docs/rules/";
var SRCROOT = "%SRCROOT%";
function ruleDocUrl(id) {
  return `${DOCS_BASE}${encodeURIComponent(id)}.md`;
}
var SYNTAX_ERROR = {
  id: "syntax-error",
  name: "SyntaxError",
  shortDescription: { text: "The migration file does not parse as PostgreSQL." },
  fullDescription: {
    text: "PostgreSQL's own parser (libpg-query) rejected the file at this position (nothing else in the file is checked until it parses), or the file holds bytes PostgreSQL rejects: a NUL, invalid UTF-8, or no text at all (the statements around them are still checked; the file is never run on the shadow)."
  },
  help: { text: "Fix the SQL at the reported position." },
  defaultConfiguration: { level: "error" },
  properties: { tags: ["postgresql", "migration"] }
};
var DRY_RUN_ERROR = {
  id: "dry-run-error",
  name: "DryRunError",
  shortDescription: { text: "The statement failed on the shadow database, so it would fail in production too." },
  fullDescription: {
    text: "With --dry-run, zerodown runs the migration on a throwaway PostgreSQL built from the earlier migrations and seeded with rows; this statement raised an error there (SQLSTATE and message in the result)."
  },
  help: { text: "Fix the statement so that it runs on the current schema and data." },
  defaultConfiguration: { level: "error" },
  properties: { tags: ["postgresql", "migration", "dry-run"] }
};
var dialectTag = (d) => d.id === "postgres" ? "postgresql" : d.id;
function builtinDescriptors(d) {
  if (d.id === "postgres") return [SYNTAX_ERROR, DRY_RUN_ERROR];
  const tag = dialectTag(d);
  return [
    {
      ...SYNTAX_ERROR,
      shortDescription: { text: `A statement of the migration file does not parse as ${d.name}.` },
      fullDescription: {
        text: `zerodown could not read this statement as ${d.name}, so no rule checked it (the statements around it still are; one it cannot read that changes the schema is an error, as it may lock or rewrite a table), or the file holds bytes ${d.name} rejects: a NUL, invalid UTF-8, or no text at all.`
      },
      properties: { tags: [tag, "migration"] }
    },
    {
      ...DRY_RUN_ERROR,
      fullDescription: {
        text: `With --dry-run and a ${d.name} server's URL, zerodown runs the migration in a throwaway database on that server, built from the earlier migrations and seeded with rows; this statement raised an error there (error code and message in the result).`
      },
      properties: { tags: [tag, "migration", "dry-run"] }
    }
  ];
}
function pascal(id) {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch) => ch.toUpperCase());
}
function descriptors(dialect) {
  const d = dialectFor(dialect);
  const tag = dialectTag(d);
  const list = d.rules.map((r) => ({
    id: r.meta.id,
    name: pascal(r.meta.id),
    shortDescription: { text: r.meta.summary },
    help: {
      text: `${r.meta.summary} See ${ruleDocUrl(r.meta.id)}`,
      markdown: `${r.meta.summary} [Documentation](${ruleDocUrl(r.meta.id)})`
    },
    helpUri: ruleDocUrl(r.meta.id),
    // an opt-in rule is off unless the config names it (SARIF: `enabled: false`)
    defaultConfiguration: r.meta.optIn ? { level: r.meta.severity, enabled: false } : { level: r.meta.severity },
    properties: { tags: [tag, "migration"] }
  }));
  list.push(...builtinDescriptors(d));
  return list;
}
function relativeUri(p) {
  return p.split(/[\\/]/).map((seg) => encodeURIComponent(seg)).join("/");
}
function artifactUri(p) {
  if (path.isAbsolute(p)) return { uri: pathToFileURL(p).href };
  return { uri: relativeUri(p), uriBaseId: SRCROOT };
}
function fileResults(file, index) {
  const results = [];
  for (const f of file.findings) {
    const r = {
      ruleId: f.rule,
      level: f.severity,
      message: { text: [`${f.message} Fix: ${f.help}`, ...sizeLines(f)].join(" ") },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactUri(f.path),
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: f.endLine,
              endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column + 1 : 1)
            }
          }
        }
      ]
    };
    const i = index.get(f.rule);
    if (i !== void 0) r.ruleIndex = i;
    const props = {};
    if (f.lock) props.lock = f.lock;
    if (f.estimate) props.estimate = f.estimate;
    if (f.table) props.table = f.table;
    if (f.confirmed !== void 0) props.confirmedByDryRun = f.confirmed;
    if (Object.keys(props).length) r.properties = props;
    results.push(r);
  }
  return results;
}
function sarifLog(rules, results, version, opts) {
  const root = pathToFileURL(opts.cwd ?? process.cwd()).href;
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "zerodown",
            version,
            semanticVersion: version,
            informationUri: "https://github.com/zerodown/zerodown",
            rules
          }
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith("/") ? root : `${root}/` } },
        invocations: [{ executionSuccessful: true }],
        columnKind: "utf16CodeUnits",
        // the last key: the streamed report (`sarifParts`) writes the log up to here, then the results as they come
        results
      }
    ]
  };
}
function rulesOf(dialect) {
  const rules = descriptors(dialect);
  return { rules, index: new Map(rules.map((d, i) => [d.id, i])) };
}
function toSarif(result, version = VERSION, opts = {}) {
  const { rules, index } = rulesOf(result.files[0]?.migration.dialect);
  return sarifLog(
    rules,
    result.files.flatMap((f) => fileResults(f, index)),
    version,
    opts
  );
}
function formatSarif(result, version) {
  return JSON.stringify(toSarif(result, version), null, 2) + "\n";
}
function sarifParts(version = VERSION, opts = {}) {
  let tail;
  let index = /* @__PURE__ */ new Map();
  const results = jsonArrayWriter(2, 3);
  const open = (dialect) => {
    const named = rulesOf(dialect);
    const text = JSON.stringify(sarifLog(named.rules, [], version, opts), null, 2);
    const at = text.lastIndexOf('"results": []') + '"results": ['.length;
    tail = text.slice(at);
    index = named.index;
    return text.slice(0, at);
  };
  return {
    head: () => "",
    file(f) {
      let out = tail === void 0 ? open(f.migration.dialect) : "";
      for (const r of fileResults(f, index)) out += results.element(r);
      return out;
    },
    end() {
      const head = tail === void 0 ? open(void 0) : "";
      return `${head}${results.close()}${tail}
`;
    }
  };
}

export {
  jsonArrayWriter,
  sizeLines,
  DOCS_BASE,
  ruleDocUrl,
  toSarif,
  formatSarif,
  sarifParts
};
