import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  codeFence,
  escapeHtml,
  escapeText,
  inlineCode,
  versionNote
} from "./chunk-2Y3PFKCM.js";
import {
  isProven
} from "./chunk-OVE25YZE.js";

// src/report/plan-summary.ts
var ms = (n) => n >= 10 ? `${Math.round(n)} ms` : `${Math.round(n * 10) / 10} ms`;
function proofState(plan) {
  const v = plan.verified;
  if (!v) return "unverified";
  if (v.error) return "error";
  if (isProven(v)) return "proven";
  const todoPhase = v.planError && plan.phases[v.planError.phase - 1]?.todo;
  if (todoPhase) return "needs-edit";
  return "failed";
}
function volatileColumns(v) {
  return v.nondeterministic.filter((c) => !c.endsWith(".*")).map((c) => c.replace(/^public\./, ""));
}
function proofFacts(v, opts = {}) {
  const parts = [];
  parts.push(v.schemaEqual ? "same schema" : "schema differs");
  if (v.dataEqual === true) {
    const skipped = volatileColumns(v);
    if (!skipped.length) parts.push("same data");
    else if (opts.short)
      parts.push(`same data except ${skipped.length} random column${skipped.length === 1 ? "" : "s"}`);
    else parts.push(`same data (except ${skipped.join(", ")}: not the same on two runs of the original either)`);
  } else if (v.dataEqual === false) parts.push("data differs");
  else
    parts.push(
      v.originalError ? "data not comparable (the original fails on tables with rows)" : "data not comparable"
    );
  parts.push(
    !v.locksSafe ? "a lock is held across a rewrite or scan" : v.locks.length ? `longest AccessExclusiveLock ${ms(v.longestAccessExclusiveMs)}` : v.quietClaim ?? "no AccessExclusiveLock on a table with rows"
  );
  return parts.join(", ");
}
function verificationLine(plan) {
  const v = plan.verified;
  switch (proofState(plan)) {
    case "unverified":
      return "NOT verified (--no-verify): run without it to prove the plan on the shadow database";
    case "error":
      return `NOT verified: the proof could not run: ${v.error}`;
    case "proven":
      if (v.emptyTables)
        return `verified on ${v.engine} on empty tables only: same schema; the seeded rows do not fit this migration (the original fails on them too: ${v.originalError}), so data and locks were not measured`;
      return `verified on ${v.engine} (${v.seedRows} rows per table): ${proofFacts(v)}${versionNote(v, plan.migration.dialect)}`;
    case "needs-edit":
      return `needs an edit before it can run: phase ${v.planError.phase} stops on its TODO (${v.engine})`;
    default:
      return `NOT verified on ${v.engine}: ${v.differences[0] ?? proofFacts(v)}`;
  }
}
function phaseExtras(p) {
  const out = [];
  for (const q of p.preflight ?? [])
    out.push(`pre-flight (read-only, run on production first): ${q.purpose}`, `  ${q.sql}`);
  for (const c of p.commands ?? []) {
    const unmet = c.preconditions.filter((x) => x.met === false);
    out.push(
      unmet.length ? `${c.tool}: CANNOT run on this table as it stands (${unmet.length} precondition${unmet.length === 1 ? "" : "s"} unmet)` : `${c.tool}: instead of the ALTER, without blocking writes`
    );
    for (const x of c.preconditions)
      out.push(`  ${x.met === false ? "UNMET" : x.met === null ? "check" : "ok"}: ${x.text}`);
    out.push(`  rehearse first (changes nothing): ${c.dryRun}`, `  then run: ${c.command}`);
  }
  return out;
}
function phaseTitle(p, i) {
  return `Phase ${i + 1} \xB7 ${p.name} (${p.transactional ? "transactional" : "no transaction"})`;
}
function originalLine(v) {
  if (!v || v.error) return void 0;
  if (v.originalError) return `the original fails on the shadow with rows: ${v.originalError}`;
  if (!v.originalViolations.length) return void 0;
  return `the original held AccessExclusiveLock for ${ms(v.originalLongestAccessExclusiveMs)} on ${v.seedRows} rows: ${v.originalViolations[0]}${v.originalViolations.length > 1 ? ` (+${v.originalViolations.length - 1} more)` : ""}`;
}
function unhandledLine(u) {
  return `not handled: ${u.rule} (${u.severity}) at ${u.path}:${u.line} \u2014 do this by hand: ${u.advice} (${u.message})`;
}
function unhandledCount(list) {
  if (!list.length) return void 0;
  const errors = list.filter((u) => u.severity === "error").length;
  const warnings = list.length - errors;
  const parts = [
    ...errors ? [`${errors} error${errors === 1 ? "" : "s"}`] : [],
    ...warnings ? [`${warnings} warning${warnings === 1 ? "" : "s"}`] : []
  ];
  return `${list.length} finding${list.length === 1 ? "" : "s"} not handled by any plan (${parts.join(", ")}): the migration is still unsafe there`;
}

// src/report/plan-markdown.ts
function summary(plan) {
  const open = plan.unhandled?.length ?? 0;
  const head = verdict(plan);
  return open ? `${head}; \u274C ${open} finding${open === 1 ? "" : "s"} NOT handled` : head;
}
function verdict(plan) {
  const v = plan.verified;
  const n = `${plan.phases.length} phases`;
  const where = escapeHtml(plan.path);
  switch (proofState(plan)) {
    case "proven":
      if (v.emptyTables)
        return `\u2705 Staged plan for <code>${where}</code>: ${n}, verified on ${escapeHtml(v.engine)} on empty tables only (same schema)`;
      return `\u2705 Safe staged plan for <code>${where}</code>: ${n}, verified on ${escapeHtml(v.engine)}: ${escapeHtml(proofFacts(v, { short: true }))}`;
    case "needs-edit":
      return `\u270F\uFE0F Staged plan for <code>${where}</code>: ${n}, needs one edit before it runs (phase ${v.planError.phase} stops on its TODO)`;
    case "unverified":
      return `\u26A0\uFE0F Staged plan for <code>${where}</code>: ${n}, NOT verified`;
    case "error":
      return `\u26A0\uFE0F Staged plan for <code>${where}</code>: ${n}, NOT verified (the proof could not run)`;
    default:
      return `\u274C Staged plan for <code>${where}</code>: ${n}, proof FAILED: do not merge it as is`;
  }
}
function planMarkdown(plan, opts = {}) {
  const out = [];
  out.push(`<details${opts.open ? " open" : ""}><summary>${summary(plan)}</summary>`, "");
  const v = plan.verified;
  const state = proofState(plan);
  if (state === "failed" || state === "error") {
    out.push("**What the proof found:**", "");
    for (const d of (v?.error ? [v.error] : v?.differences ?? []).slice(0, 10)) out.push(`- ${escapeText(d)}`);
    out.push("");
  }
  if (state === "proven" && v) {
    if (v.emptyTables) out.push(`\u26A0\uFE0F ${escapeText(verificationLine(plan))}.`, "");
    else {
      const data = v.dataEqual ? "the same data" : "data that cannot be compared (the original fails on tables with rows)";
      out.push(
        escapeText(
          `Proven on ${v.engine} with ${v.seedRows} rows per table: the original and the plan end with the same schema and ${data}, and no phase holds a lock that blocks writes across a rewrite or a full scan.`
        ),
        ""
      );
    }
    const skipped = volatileColumns(v);
    if (skipped.length && v.dataEqual)
      out.push(
        `Left out of the data comparison: ${skipped.map((c) => inlineCode(c)).join(", ")} (not the same on two runs of the original either).`,
        ""
      );
  }
  if (plan.unhandled?.length) out.push(unhandledMarkdown(plan.unhandled), "");
  const orig = originalLine(v);
  if (orig) out.push(`<sub>${escapeText(orig)}</sub>`, "");
  for (const e of v?.expected ?? []) out.push(`- on purpose: ${escapeText(e)}`);
  for (const e of v?.caveats ?? []) out.push(`- \u26A0\uFE0F caveat: ${escapeText(e)}`);
  if (v?.expected?.length || v?.caveats?.length) out.push("");
  const rewrites = [...plan.rewrites].sort((a, b) => a.line - b.line);
  if (rewrites.length) {
    out.push("| line | rule | the plan instead |", "|---|---|---|");
    for (const r of rewrites)
      out.push(`| ${r.line} | ${inlineCode(r.rule, { table: true })} | ${escapeText(r.summary)} |`);
    out.push("");
  }
  for (const n of plan.notes) {
    const tag = n.level === "todo" ? "\u270F\uFE0F **TODO**" : n.level === "warning" ? "\u26A0\uFE0F" : "\u2139\uFE0F";
    out.push(`${tag}${n.line ? ` line ${n.line}:` : ""} ${escapeText(n.message)}`, "");
  }
  plan.phases.forEach((p, i) => {
    out.push(`**${escapeText(phaseTitle(p, i))}**: ${escapeText(p.reason)}`);
    if (p.deploy) out.push("", `> \u{1F680} **Deploy first:** ${escapeText(p.deploy)}`);
    out.push("", codeFence(p.sql), "");
    for (const q of p.preflight ?? [])
      out.push(
        `\u{1F50E} **Pre-flight** (read-only, run on production first): ${escapeText(q.purpose)}`,
        "",
        codeFence(q.sql),
        ""
      );
    for (const c of p.commands ?? []) {
      const unmet = c.preconditions.filter((x) => x.met === false).length;
      out.push(
        unmet ? `\u{1F6E0}\uFE0F **${escapeText(c.tool)}**: \u274C cannot run on this table as it stands (${unmet} unmet)` : `\u{1F6E0}\uFE0F **${escapeText(c.tool)}** instead of the ALTER, without blocking writes:`,
        ""
      );
      for (const x of c.preconditions)
        out.push(`- ${x.met === false ? "\u274C" : x.met === null ? "\u2754 check:" : "\u2705"} ${escapeText(x.text)}`);
      out.push(
        "",
        "Rehearse first (changes nothing):",
        "",
        codeFence(c.dryRun, "sh"),
        "",
        "Then run:",
        "",
        codeFence(c.command, "sh"),
        ""
      );
    }
  });
  out.push("</details>");
  return out.join("\n");
}
function unhandledMarkdown(list) {
  return [
    `**\u274C ${escapeText(unhandledCount(list) ?? "")}:**`,
    "",
    ...list.map((u) => `- ${escapeText(unhandledLine(u))}`)
  ].join("\n");
}
function unhandledSection(result) {
  const withPlan = new Set(result.plans.map((p) => p.path));
  const list = (result.unhandled ?? []).filter((u) => !withPlan.has(u.path));
  if (!list.length) return void 0;
  const markdown = unhandledMarkdown(list);
  return { id: "plan:unhandled", markdown, short: `**\u274C ${escapeText(unhandledCount(list) ?? "")}.**` };
}
function formatPlanMarkdown(result) {
  const out = ["### zerodown plan", ""];
  const withPlan = new Set(result.plans.map((p) => p.path));
  const orphans = (result.unhandled ?? []).filter((u) => !withPlan.has(u.path));
  if (orphans.length) out.push(unhandledMarkdown(orphans), "");
  else if (!result.plans.length && !result.failed.length)
    out.push("Every migration is already safe: nothing to rewrite.", "");
  for (const plan of result.plans) out.push(planMarkdown(plan, { open: result.plans.length === 1 }), "");
  if (result.unchanged.length)
    out.push(`<sub>No plan needed: ${result.unchanged.map((p) => inlineCode(p)).join(", ")}</sub>`, "");
  for (const f of result.failed) out.push(`- \u274C ${inlineCode(f.path)}: ${escapeText(f.message)}`);
  return `${out.join("\n").trimEnd()}
`;
}
function planSection(plan) {
  const short = `<details><summary>${summary(plan)}</summary>

The SQL did not fit in this comment: run ${inlineCode(`zerodown plan ${plan.path}`)} locally.

</details>`;
  return { id: `plan:${plan.path}`, markdown: planMarkdown(plan), short };
}

export {
  proofState,
  verificationLine,
  phaseExtras,
  phaseTitle,
  originalLine,
  unhandledLine,
  unhandledCount,
  unhandledSection,
  formatPlanMarkdown,
  planSection
};
