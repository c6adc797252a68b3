import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  sizeLines
} from "./chunk-45VSFYDT.js";
import {
  require_picocolors
} from "./chunk-D6MKWA2R.js";
import {
  visible
} from "./chunk-TWNDLBWA.js";
import {
  __toESM
} from "./chunk-XJGXLKRM.js";

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
var severity = (f, c) => f.severity === "error" ? c.red(c.bold("error")) : f.severity === "note" ? c.dim(c.bold("note")) : c.yellow(c.bold("warning"));
var confirmed = (f, c) => f.confirmed ? c.magenta("  (confirmed by dry run)") : "";
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function formatText(result, opts) {
  const parts = textParts(opts.color);
  let out = "";
  for (const file of result.files) out += parts.file(file);
  return out + parts.end(result.summary, result.stats);
}
function textParts(color) {
  const c = import_picocolors.default.createColors(color);
  const frameworks = /* @__PURE__ */ new Set();
  let withFindings = 0;
  return {
    file(f) {
      frameworks.add(f.migration.framework);
      if (f.findings.length) withFindings++;
      return textFile(f, c);
    },
    end: (summary, stats) => textEnd(summary, stats, frameworks, withFindings, c)
  };
}
function textFile(file, c) {
  const out = [];
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
      for (const l of sizeLines(f)) out.push(`  ${c.blue("size:")} ${visible(l)}`);
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
      for (const l of sizeLines(g)) out.push(`    ${c.blue("size:")} ${visible(l)}`);
    }
    out.push("");
  }
  return out.length ? out.join("\n") + "\n" : "";
}
function textEnd(s, stats, frameworks, withFindings, c) {
  const out = [];
  if (stats) {
    const st = stats;
    out.push(
      c.dim(
        `stats: ${visible(st.source)} (${visible(st.server)}, exported ${st.exportedAt.slice(0, 10)}); estimates are estimates, not measurements`
      )
    );
    for (const n of st.notes) out.push(`  ${c.yellow("stats:")} ${visible(n)}`);
    out.push("");
  }
  const counted = s.analysed !== void 0 && s.analysed < s.statements ? `analysed ${s.analysed} of ${plural(s.statements, "statement")}` : plural(s.statements, "statement");
  const scope = `${counted}; framework: ${[...frameworks].join(", ") || "none"}`;
  if (s.errors + s.warnings === 0) {
    const noted = s.notes ? `, ${plural(s.notes, "note")}` : "";
    out.push(c.green(`\u2714 no problems in ${plural(s.files, "migration file")}${noted} (${scope})`));
  } else {
    const parts = [
      s.errors ? c.red(plural(s.errors, "error")) : "",
      s.warnings ? c.yellow(plural(s.warnings, "warning")) : "",
      s.notes ? c.dim(plural(s.notes, "note")) : ""
    ].filter(Boolean);
    const mark = s.errors ? c.red("\u2716") : c.yellow("\u26A0");
    out.push(`${mark} ${parts.join(", ")} in ${withFindings} of ${plural(s.files, "migration file")} (${scope})`);
  }
  return out.join("\n") + "\n";
}

export {
  byStatement,
  formatText,
  textParts
};
