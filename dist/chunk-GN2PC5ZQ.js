import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  formatPlanMarkdown,
  originalLine,
  phaseExtras,
  phaseTitle,
  proofState,
  unhandledCount,
  unhandledLine,
  verificationLine
} from "./chunk-WNPA74RL.js";
import {
  require_picocolors
} from "./chunk-D6MKWA2R.js";
import {
  visible
} from "./chunk-TWNDLBWA.js";
import {
  dialectFor
} from "./chunk-66RDFW5F.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import {
  __toESM
} from "./chunk-XJGXLKRM.js";

// src/report/plan-json.ts
function formatPlanJson(result) {
  const doc = {
    version: 1,
    plans: result.plans.map((p) => ({
      path: p.path,
      phases: p.phases.map((ph) => ({
        name: ph.name,
        transactional: ph.transactional,
        reason: ph.reason,
        sql: ph.sql,
        ...ph.deploy ? { deploy: ph.deploy } : {},
        ...ph.todo ? { todo: true } : {},
        ...ph.commands ? { commands: ph.commands } : {},
        ...ph.preflight ? { preflight: ph.preflight } : {}
      })),
      verified: p.verified ? {
        engine: p.verified.engine,
        schemaEqual: p.verified.schemaEqual,
        dataEqual: p.verified.dataEqual,
        locksSafe: p.verified.locksSafe,
        proven: proofState(p) === "proven",
        longestAccessExclusiveMs: p.verified.longestAccessExclusiveMs,
        seedRows: p.verified.seedRows,
        ...p.verified.cache ? { cache: p.verified.cache } : {},
        ...p.verified.emptyTables ? { emptyTables: true } : {},
        ...p.verified.shadowVersion !== void 0 ? { shadowVersion: p.verified.shadowVersion, targetVersion: p.verified.targetVersion } : {},
        differences: p.verified.differences,
        nondeterministic: p.verified.nondeterministic,
        expected: p.verified.expected,
        caveats: p.verified.caveats,
        originalError: p.verified.originalError,
        ...p.verified.planError ? { planError: p.verified.planError } : {},
        ...p.verified.error ? { error: p.verified.error } : {}
      } : null,
      rewrites: p.rewrites,
      notes: p.notes,
      unhandled: p.unhandled ?? []
    })),
    unchanged: result.unchanged,
    failed: result.failed,
    unhandled: result.unhandled ?? [],
    summary: {
      plans: result.plans.length,
      unchanged: result.unchanged.length,
      failed: result.failed.length,
      unhandled: (result.unhandled ?? []).length,
      unhandledErrors: (result.unhandled ?? []).filter((u) => u.severity === "error").length,
      unhandledWarnings: (result.unhandled ?? []).filter((u) => u.severity === "warning").length
    }
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/report/plan-sql.ts
function formatPlanSql(plans, unhandled = [], dialect) {
  const sqlComment = (dialect ?? dialectFor(plans[0]?.migration.dialect)).quote.comment;
  const out = [];
  const count = unhandledCount(unhandled);
  if (count) {
    out.push(sqlComment(`zerodown plan: ${count}.`));
    for (const u of unhandled) out.push(sqlComment(unhandledLine(u)));
    out.push("");
  }
  for (const plan of plans) {
    out.push(sqlComment(`zerodown plan for ${plan.path}: ${plan.phases.length} phases`));
    out.push(sqlComment(verificationLine(plan)));
    out.push(
      sqlComment(
        "Run the phases in order, each on its own (psql and the mysql client send each statement separately)."
      )
    );
    plan.phases.forEach((p, i) => {
      out.push("", sqlComment(`${phaseTitle(p, i)}: ${p.reason}`));
      if (p.deploy) out.push(sqlComment(`DEPLOY FIRST: ${p.deploy}`));
      if (p.todo)
        out.push(sqlComment("TODO: this phase stops with an exception until you edit it (see the RAISE line)"));
      for (const line of phaseExtras(p)) out.push(sqlComment(line));
      if (p.transactional) out.push("BEGIN;", p.sql, "COMMIT;");
      else out.push(p.sql);
    });
    out.push("");
  }
  return out.join("\n");
}

// src/report/plan-text.ts
var import_picocolors = __toESM(require_picocolors(), 1);
function formatPlanText(result, opts) {
  const c = opts.color ? import_picocolors.default : import_picocolors.default.createColors(false);
  const out = [];
  for (const plan of result.plans) {
    const state = proofState(plan);
    const mark = state === "proven" ? c.green("\u2713") : state === "needs-edit" || state === "unverified" ? c.yellow("!") : c.red("\u2717");
    out.push(`${c.bold(visible(plan.path))}: ${plan.phases.length} phases`);
    out.push(`  ${mark} ${visible(verificationLine(plan))}`);
    const orig = originalLine(plan.verified);
    if (orig) out.push(`    ${c.dim(visible(orig))}`);
    if (state === "failed")
      for (const d of plan.verified.differences.slice(1, 8)) out.push(`    ${c.red("-")} ${visible(d)}`);
    for (const e of plan.verified?.expected ?? []) out.push(`    ${c.dim(`on purpose: ${visible(e)}`)}`);
    for (const e of plan.verified?.caveats ?? []) out.push(`    ${c.yellow("caveat:")} ${visible(e)}`);
    for (const u of plan.unhandled ?? []) out.push(`  ${c.red("\u2717")} ${visible(unhandledLine(u))}`);
    out.push("  rewrites:");
    for (const r of [...plan.rewrites].sort((a, b) => a.line - b.line))
      out.push(`    line ${r.line}  ${c.cyan(r.rule)}: ${visible(r.summary)}`);
    if (plan.notes.length) {
      out.push("  notes:");
      for (const n of plan.notes) {
        const tag = n.level === "todo" ? c.yellow("TODO") : n.level === "warning" ? c.yellow("warning") : c.dim("note");
        out.push(`    ${tag}${n.line ? ` (line ${n.line})` : ""}: ${visible(n.message)}`);
      }
    }
    plan.phases.forEach((p, i) => {
      out.push("");
      out.push(`  ${c.bold(visible(phaseTitle(p, i)))}: ${visible(p.reason)}`);
      if (p.deploy) out.push(`  ${c.yellow("deploy first:")} ${visible(p.deploy)}`);
      for (const line of p.sql.split(/\r?\n/)) out.push(`    ${visible(line)}`);
      for (const line of phaseExtras(p)) out.push(`  ${c.cyan("|")} ${visible(line)}`);
    });
    out.push("");
  }
  const withPlan = new Set(result.plans.map((p) => p.path));
  for (const u of result.unhandled ?? []) if (!withPlan.has(u.path)) out.push(`${c.red("\u2717")} ${visible(unhandledLine(u))}`);
  if (result.unchanged.length)
    out.push(c.dim(visible(`no plan needed (nothing to rewrite): ${result.unchanged.join(", ")}`)));
  for (const f of result.failed) out.push(`${c.red("\u2717")} ${visible(f.path)}: ${visible(f.message)}`);
  const count = unhandledCount(result.unhandled ?? []);
  if (count) out.push(c.red(`zerodown plan: ${count}.`));
  else if (!result.plans.length && !result.failed.length)
    out.push("zerodown plan: every migration is already safe, nothing to rewrite.");
  return `${out.join("\n")}
`;
}

// src/report/plan-format.ts
function formatPlans(result, format, color) {
  switch (format) {
    case "json":
      return formatPlanJson(result);
    case "sql":
      return formatPlanSql(result.plans, result.unhandled);
    case "markdown":
      return formatPlanMarkdown(result);
    case "text":
      return formatPlanText(result, { color });
    default:
      throw new UsageError(`unknown format "${format}" (use text, sql, markdown or json)`);
  }
}

export {
  formatPlans
};
