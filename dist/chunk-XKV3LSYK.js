import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  require_picocolors
} from "./chunk-HMOZKVSH.js";
import {
  dialectFor,
  visible
} from "./chunk-CSRVXPSC.js";
import {
  __toESM
} from "./chunk-CZQGFDZN.js";

// src/report/text.ts
var import_picocolors = __toESM(require_picocolors(), 1);

// src/report/group.ts
function byStatement(findings) {
  const groups = [];
  const at = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const g = f.statementIndex >= 0 ? at.get(f.statementIndex) : void 0;
    if (g) g.push(f);
    else {
      const fresh = [f];
      groups.push(fresh);
      if (f.statementIndex >= 0) at.set(f.statementIndex, fresh);
    }
  }
  return groups;
}

// src/report/text.ts
var MAX_LINES = 5;
var MAX_WIDTH = 160;
function expandTabs(s) {
  return s.includes("	") ? s.replace(/\t/g, "  ") : s;
}
function shown(line) {
  return visible(expandTabs(line));
}
function caretOffset(line, col) {
  return shown(line.slice(0, Math.max(0, col - 1))).length;
}
function cut(s) {
  return s.length > MAX_WIDTH ? `${s.slice(0, MAX_WIDTH - 1)}\u2026` : s;
}
function codeFrame(source, f, c) {
  const lines = typeof source === "string" ? source.split("\n") : source;
  const first = Math.max(1, f.line - 1);
  const endLine = Math.max(f.line, Math.min(f.endLine, lines.length));
  const last = Math.min(endLine, f.line + MAX_LINES - 1);
  const width = String(last).length;
  const out = [];
  for (let n = first; n <= last; n++) {
    const raw = (lines[n - 1] ?? "").replace(/\r$/, "");
    const marked = n >= f.line && n <= endLine;
    const gutter = `${marked ? ">" : " "} ${String(n).padStart(width)} | `;
    out.push(`  ${marked ? c.red(gutter) : c.dim(gutter)}${marked ? cut(shown(raw)) : c.dim(cut(shown(raw)))}`);
    if (n === f.line && f.rule === "syntax-error") {
      const pad = Math.min(caretOffset(raw, f.column), MAX_WIDTH);
      out.push(`  ${c.dim(`  ${" ".repeat(width)} | `)}${" ".repeat(pad)}${c.red("^")}`);
    }
  }
  if (endLine > last) {
    const more = endLine - last;
    out.push(`  ${c.dim(`  ${" ".repeat(width)} | \u2026 ${more} more line${more === 1 ? "" : "s"}`)}`);
  }
  return out.join("\n");
}
var severity = (f, c) => f.severity === "error" ? c.red(c.bold("error")) : c.yellow(c.bold("warning"));
var confirmed = (f, c) => f.confirmed ? c.magenta("  (confirmed by dry run)") : "";
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function formatText(result, opts) {
  const c = import_picocolors.default.createColors(opts.color);
  const out = [];
  for (const file of result.files) {
    let lines;
    const frame = (f) => (f.statementIndex >= 0 || f.rule === "syntax-error") && !file.migration.notText ? codeFrame(lines ??= file.migration.source.split("\n"), f, c) : void 0;
    for (const group of byStatement(file.findings)) {
      const f = group[0];
      const where = c.bold(`${visible(f.path)}:${f.line}:${f.column}`);
      if (group.length === 1) {
        out.push(`${where}  ${severity(f, c)}  ${c.cyan(f.rule)}${confirmed(f, c)}`);
        out.push(`  ${visible(f.message)}`);
        const shown3 = frame(f);
        if (shown3) out.push(shown3);
        out.push(`  ${c.green("fix:")} ${visible(f.help)}`);
        out.push("");
        continue;
      }
      out.push(`${where}  ${group.length} findings on this statement`);
      const shown2 = frame(f);
      if (shown2) out.push(shown2);
      for (const g of group) {
        out.push(`  ${severity(g, c)}  ${c.cyan(g.rule)}${confirmed(g, c)}`);
        out.push(`    ${visible(g.message)}`);
        out.push(`    ${c.green("fix:")} ${visible(g.help)}`);
      }
      out.push("");
    }
  }
  const s = result.summary;
  const frameworks = [...new Set(result.files.map((f) => f.migration.framework))].join(", ") || "none";
  const counted = s.analysed !== void 0 && s.analysed < s.statements ? `analysed ${s.analysed} of ${plural(s.statements, "statement")}` : plural(s.statements, "statement");
  const scope = `${counted}; framework: ${frameworks}`;
  if (s.errors + s.warnings === 0) {
    out.push(c.green(`\u2714 no problems in ${plural(s.files, "migration file")} (${scope})`));
  } else {
    const withFindings = result.files.filter((f) => f.findings.length).length;
    const parts = [
      s.errors ? c.red(plural(s.errors, "error")) : "",
      s.warnings ? c.yellow(plural(s.warnings, "warning")) : ""
    ].filter(Boolean);
    const mark = s.errors ? c.red("\u2716") : c.yellow("\u26A0");
    out.push(`${mark} ${parts.join(", ")} in ${withFindings} of ${plural(s.files, "migration file")} (${scope})`);
  }
  return out.join("\n") + "\n";
}

// src/report/sarif.ts
import path from "node:path";
import { pathToFileURL } from "node:url";
var DOCS_BASE = "https://github.com/zerodown/zerodown/blob/main/docs/rules/";
var SRCROOT = "%SRCROOT%";
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
function pascal(id) {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch) => ch.toUpperCase());
}
function descriptors(dialect) {
  const list = dialectFor(dialect).rules.map((r) => ({
    id: r.meta.id,
    name: pascal(r.meta.id),
    shortDescription: { text: r.meta.summary },
    help: {
      text: `${r.meta.summary} See ${DOCS_BASE}${r.meta.id}.md`,
      markdown: `${r.meta.summary} [Documentation](${DOCS_BASE}${r.meta.id}.md)`
    },
    helpUri: `${DOCS_BASE}${r.meta.id}.md`,
    // an opt-in rule is off unless the config names it (SARIF: `enabled: false`)
    defaultConfiguration: r.meta.optIn ? { level: r.meta.severity, enabled: false } : { level: r.meta.severity },
    properties: { tags: ["postgresql", "migration"] }
  }));
  list.push(SYNTAX_ERROR, DRY_RUN_ERROR);
  return list;
}
function relativeUri(p) {
  return p.split(/[\\/]/).map((seg) => encodeURIComponent(seg)).join("/");
}
function artifactUri(p) {
  if (path.isAbsolute(p)) return { uri: pathToFileURL(p).href };
  return { uri: relativeUri(p), uriBaseId: SRCROOT };
}
function toSarif(result, version = "0.1.0", opts = {}) {
  const rules = descriptors(result.files[0]?.migration.dialect);
  const index = new Map(rules.map((d, i) => [d.id, i]));
  const results = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      const r = {
        ruleId: f.rule,
        level: f.severity,
        message: { text: `${f.message} Fix: ${f.help}` },
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
      if (f.table) props.table = f.table;
      if (f.confirmed !== void 0) props.confirmedByDryRun = f.confirmed;
      if (Object.keys(props).length) r.properties = props;
      results.push(r);
    }
  }
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
        results
      }
    ]
  };
}
function formatSarif(result, version) {
  return JSON.stringify(toSarif(result, version), null, 2) + "\n";
}

export {
  byStatement,
  formatText,
  DOCS_BASE,
  toSarif,
  formatSarif
};
