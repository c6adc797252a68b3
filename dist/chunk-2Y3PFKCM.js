import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  dialectFor
} from "./chunk-66RDFW5F.js";

// src/report/dryrun-common.ts
var isAuxiliary = (kind) => kind === "index" || kind === "sequence";
function shownLocks(s, dialect) {
  const strength = dialectFor(dialect).locks.strength;
  const best = /* @__PURE__ */ new Map();
  for (const l of s.locks) {
    const cur = best.get(l.relation);
    if (!cur || strength(l.mode) > strength(cur.mode)) best.set(l.relation, l);
  }
  const all = [...best.values()];
  const tableMax = Math.max(-1, ...all.filter((l) => !isAuxiliary(l.kind)).map((l) => strength(l.mode)));
  return all.filter((l) => !isAuxiliary(l.kind) || strength(l.mode) > tableMax).sort((a, b) => strength(b.mode) - strength(a.mode) || a.relation.localeCompare(b.relation));
}
function lockNote(l) {
  if (l.source === "documented") return " (documented)";
  if (l.source === "held") return ` (held since line ${l.heldSince})`;
  return "";
}
function blocksText(l) {
  if (l.blocksReads) return "reads and writes";
  if (l.blocksWrites) return "writes";
  return "nothing";
}
function ms(v) {
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)} s`;
  if (v >= 10) return `${Math.round(v)} ms`;
  return `${v.toFixed(1)} ms`;
}
function firstLine(sql, max = 60) {
  const one = sql.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}\u2026` : one;
}
function heldSentence(h, tick = "`") {
  const until = h.until === "end of file" ? `the end of the file (the tool commits there, line ${h.untilLine})` : h.until === "error" ? `the error at line ${h.untilLine}` : `${h.until} at line ${h.untilLine}`;
  const rows = h.rows !== void 0 ? ` with ${h.rows} row${h.rows === 1 ? "" : "s"}` : "";
  return `${h.mode} on ${tick}${h.relation}${tick}${alsoText(h)} taken at line ${h.line} and held until ${until}, across ${h.statements} statement${h.statements === 1 ? "" : "s"}, for ${ms(h.heldMs)} on the shadow${rows}: ${blocksText(h)} on it wait all that time.`;
}
function alsoText(h) {
  const also = h.alsoLocked ?? [];
  if (!also.length) return "";
  const count = (kind, one, many) => {
    const n = also.filter((a) => a.kind === kind).length;
    return n ? `${n} ${n === 1 ? one : many}` : "";
  };
  const parts = [count("index", "index", "indexes"), count("sequence", "sequence", "sequences")].filter(Boolean);
  return ` (and its ${parts.join(" and ")})`;
}
function rewriteCell(s, name) {
  const n = s.rebuiltIndexes.length;
  if (!s.rewrites.length) return s.rebuiltIndexes.map((i) => `${name(i)} (index)`).join(", ");
  return s.rewrites.map(name).join(", ") + (n ? ` (+${n} ${n === 1 ? "index" : "indexes"})` : "");
}
function historyLine(d) {
  const h = d.history;
  if (h.source === "schema") {
    return `schema from ${h.path} (${h.statements} statements${h.errors.length ? `, ${h.errors.length} failed` : ""})`;
  }
  if (!h.files) return "no earlier migrations to replay";
  const refused = h.refused?.length ?? 0;
  return `history: ${h.files} earlier file${h.files === 1 ? "" : "s"} replayed${h.failures.length ? `, ${h.failures.length} failed` : ""}${refused ? `, ${refused} statement${refused === 1 ? "" : "s"} not run (reach outside the shadow)` : ""}`;
}
function seedLine(d) {
  const s = d.seed;
  if (!s.tables) return s.of ? `seeded none of ${s.of} tables: the migration touches none` : "no tables to seed";
  const failed = s.failures.length ? ` (${s.failures.length} could not be seeded)` : "";
  if (s.of !== void 0)
    return `seeded ${s.tables} of ${s.of} tables with up to ${s.rowsPerTable} rows each: the ones the migration touches and their foreign-key neighbours${failed}`;
  return `seeded ${s.tables} table${s.tables === 1 ? "" : "s"} with up to ${s.rowsPerTable} rows each${failed}`;
}
function statementCount(s) {
  return s.count ?? 1;
}
function lineCell(s) {
  return s.count ? `${s.line}\u2013${s.endLine}` : String(s.line);
}
function statementCell(s, max) {
  if (!s.count) return firstLine(s.sql, max);
  const head = `${s.count.toLocaleString("en-US")} INSERTs like: `;
  return head + firstLine(s.sql, Math.max(10, max - head.length));
}
function notRunText(d) {
  return d.stopped ? "not run: the dry run stopped (a statement overran --shadow-timeout)" : "not run: an earlier statement of this file failed";
}
function stoppedLine(d) {
  return d.stopped ? `the dry run stopped: ${d.stopped.message}` : void 0;
}
function versionNote(v, dialect) {
  if (v.shadowVersion === void 0 || v.targetVersion === void 0 || v.shadowVersion === v.targetVersion) return "";
  const d = dialectFor(dialect);
  const text = (n) => d.versionText?.(n) ?? String(n);
  return ` \xB7 target ${d.name} ${text(v.targetVersion)}, shadow ${text(v.shadowVersion)}: behaviour that differs between them is not proven`;
}
function onlineText(s) {
  if (s.online)
    return `ALGORITHM=${s.online.algorithm}${s.online.algorithm === "INSTANT" ? "" : `, LOCK=${s.online.lock}`}`;
  return s.unmeasured;
}
function onlineBlocks(s) {
  if (s.online?.lock === "SHARED") return "writes";
  if (s.online?.lock === "EXCLUSIVE") return "reads and writes";
  return void 0;
}
function locksHidden(d) {
  return d.limits.some((l) => l.id === "metadata-locks-invisible");
}

// src/report/markdown-safe.ts
var ZWJ = "\u200D";
function neutralise(s) {
  return s.replace(/@/g, `@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`).replace(/!(?=\d)/g, `!${ZWJ}`).replace(/(&amp;|&)(?=\d)/g, `$1${ZWJ}`);
}
function escapeHtml(s) {
  return neutralise(s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
}
function escapeText(s) {
  const flat = s.replace(/\r?\n|\r/g, " ");
  const md = flat.replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
  return neutralise(md.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}
function longestRun(s, ch) {
  let best = 0;
  let cur = 0;
  for (const c of s) {
    cur = c === ch ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}
function inlineCode(s, opts = {}) {
  let body = s.replace(/\r?\n|\r/g, " ");
  if (opts.table) body = body.replace(/\|/g, "\\|");
  if (body === "") return "` `";
  const fence = "`".repeat(longestRun(body, "`") + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") && body.endsWith(" ") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
function codeFence(code, lang = "sql") {
  const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
  const body = code.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  return `${fence}${lang}
${body}
${fence}`;
}
function richText(s, opts = {}) {
  const out = [];
  const re = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(escapeText(s.slice(last, m.index)));
    out.push(inlineCode(m[1], opts));
    last = m.index + m[0].length;
  }
  out.push(escapeText(s.slice(last)));
  return out.join("");
}
function encodePath(p) {
  return p.split("/").map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}

export {
  shownLocks,
  lockNote,
  blocksText,
  ms,
  firstLine,
  heldSentence,
  rewriteCell,
  historyLine,
  seedLine,
  statementCount,
  lineCell,
  statementCell,
  notRunText,
  stoppedLine,
  versionNote,
  onlineText,
  onlineBlocks,
  locksHidden,
  escapeHtml,
  escapeText,
  inlineCode,
  codeFence,
  richText,
  encodePath
};
