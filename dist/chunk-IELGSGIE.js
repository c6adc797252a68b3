import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  withShadowCleanup
} from "./chunk-VB2LWJ73.js";
import {
  byStatement
} from "./chunk-6AJUARC7.js";
import {
  planSection,
  proofState,
  unhandledSection
} from "./chunk-WNPA74RL.js";
import {
  codeFence,
  encodePath,
  escapeText,
  historyLine,
  inlineCode,
  lineCell,
  lockNote,
  locksHidden,
  ms,
  notRunText,
  onlineBlocks,
  onlineText,
  rewriteCell,
  richText,
  seedLine,
  shownLocks,
  statementCell,
  stoppedLine,
  versionNote
} from "./chunk-2Y3PFKCM.js";
import {
  DOCS_BASE,
  ruleDocUrl,
  sizeLines
} from "./chunk-45VSFYDT.js";
import {
  dryRunStage,
  lintOptionsOf,
  lintStage,
  loadParserBaseline,
  planSettingsOf,
  planStage,
  prepareEmbeddedShadow,
  proveStage,
  resolveSettings,
  targetText
} from "./chunk-D6MKWA2R.js";
import {
  applyStats
} from "./chunk-DC3IJ7CW.js";
import {
  detectDialect,
  discover,
  findMigrations
} from "./chunk-KDG2PFI5.js";
import {
  confirmFindings,
  stopFindings
} from "./chunk-LI67BYTM.js";
import {
  dialectFor
} from "./chunk-66RDFW5F.js";
import {
  timeoutMsOf
} from "./chunk-SYUIUCCK.js";
import {
  redactSecrets,
  registerSecretUrl
} from "./chunk-DSMXYHHG.js";

// src/report/comment-findings.ts
var plural = (n, one, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
var shortTable = (t) => t.startsWith("public.") ? t.slice(7) : t;
function verdict(input) {
  const { result } = input;
  if (input.noMigrations) return "### \u2705 zerodown: no migration files changed";
  const files = result.files;
  const errorFiles = files.filter((f) => f.findings.some((x) => x.severity === "error"));
  const warnFiles = files.filter((f) => f.findings.length);
  const { errors, warnings } = result.summary;
  if (errors) {
    let reads = false;
    const tables = [];
    for (const file of files)
      for (const f of file.findings) {
        if (f.severity !== "error" || !f.lock || !f.table) continue;
        const l = dialectFor(file.migration.dialect).locks.effect(f.lock);
        if (!l?.blocksWrites) continue;
        reads ||= l.blocksReads;
        if (!tables.includes(f.table)) tables.push(f.table);
      }
    const who = plural(errorFiles.length, "migration");
    const more = warnings ? ` (and ${plural(warnings, "warning")})` : "";
    if (tables.length) {
      const shown = tables.slice(0, 3).map((t) => inlineCode(shortTable(t)));
      const list = tables.length > 3 ? `${shown.join(", ")} and ${tables.length - 3} more tables` : shown.join(", ");
      return `### \u{1F6D1} zerodown: ${who} would block ${reads ? "reads and writes" : "writes"} on ${list}${more}`;
    }
    return `### \u{1F6D1} zerodown: ${plural(errors, "error")} in ${who}${more}`;
  }
  if (warnings)
    return `### \u26A0\uFE0F zerodown: ${plural(warnings, "warning")} in ${plural(warnFiles.length, "migration")}, nothing blocking`;
  return `### \u2705 zerodown: ${plural(files.length, "migration")} checked, no locking or rewrite problems found`;
}
function lineLink(f, repo) {
  const label = f.endLine > f.line ? `${f.line}\u2013${f.endLine}` : String(f.line);
  if (!repo) return label;
  if (repo.gitlab) {
    const range = f.endLine > f.line ? `#L${f.line}-${f.endLine}` : `#L${f.line}`;
    return `[${label}](${repo.gitlab.projectUrl.replace(/\/+$/, "")}/-/blob/${encodeURIComponent(repo.sha)}/${encodePath(f.path)}${range})`;
  }
  const anchor = f.endLine > f.line ? `#L${f.line}-L${f.endLine}` : `#L${f.line}`;
  const url = `${repo.serverUrl.replace(/\/+$/, "")}/${encodePath(repo.owner)}/${encodePath(repo.repo)}/blob/${encodeURIComponent(repo.sha)}/${encodePath(f.path)}${anchor}`;
  return `[${label}](${url})`;
}
function ruleLink(rule) {
  if (rule === "syntax-error") return inlineCode(rule, { table: true });
  return `[${inlineCode(rule, { table: true })}](${ruleDocUrl(rule)})`;
}
var ROW_HEAD = "| | file | line | rule | what happens in production, and what to do instead |\n|---|---|---|---|---|";
function findingRows(input) {
  const rows = [];
  for (const file of input.result.files) {
    let first = true;
    for (const group of byStatement(file.findings)) {
      group.forEach((f, i) => {
        const icon = f.severity === "error" ? "\u{1F6D1}" : f.severity === "note" ? "\u2139\uFE0F" : "\u26A0\uFE0F";
        const where = first ? inlineCode(f.path, { table: true }) : "\u2033";
        const line = i === 0 ? lineLink(f, input.repo) : "\u2033";
        const confirmed = f.confirmed ? " **(seen in the dry run)**" : "";
        const size = sizeLines(f).map((l) => `<br>**Size:** ${richText(l, { table: true })}`).join("");
        rows.push(
          `| ${icon} | ${where} | ${line} | ${ruleLink(f.rule)} | ${richText(f.message, { table: true })}${confirmed}<br>**Instead:** ${richText(f.help, { table: true })}${size} |`
        );
        first = false;
      });
    }
  }
  return rows;
}
function statementFence(text) {
  const lines = text.split("\n");
  const cut = lines.length > 40 ? `${lines.slice(0, 40).join("\n")}
-- \u2026 ${lines.length - 40} more lines` : text;
  return codeFence(cut.length > 8e3 ? `${cut.slice(0, 8e3)}
-- \u2026 (truncated)` : cut);
}
function details(input) {
  const out = ["#### Findings in detail"];
  for (const file of input.result.files) {
    const stmts = file.statements;
    for (const group of byStatement(file.findings)) {
      const f = group[0];
      const s = f.statementIndex >= 0 ? stmts[f.statementIndex] : void 0;
      if (group.length === 1) {
        out.push(
          "",
          `**${inlineCode(`${f.path}:${f.line}`)}** \xB7 ${ruleLink(f.rule)} \xB7 ${f.severity}`,
          "",
          richText(f.message),
          "",
          `**Instead:** ${richText(f.help)}`,
          ...sizeLines(f).flatMap((l) => ["", `**Size:** ${richText(l)}`])
        );
        if (s) out.push("", statementFence(s.text));
        continue;
      }
      out.push("", `**${inlineCode(`${f.path}:${f.line}`)}** \xB7 ${group.length} findings on this statement`);
      if (s) out.push("", statementFence(s.text));
      for (const g of group)
        out.push(
          "",
          `- ${ruleLink(g.rule)} \xB7 ${g.severity}: ${richText(g.message)}`,
          "",
          `  **Instead:** ${richText(g.help)}`,
          ...sizeLines(g).flatMap((l) => ["", `  **Size:** ${richText(l)}`])
        );
    }
  }
  return out.join("\n");
}

// src/report/comment-dryrun.ts
function dryRunReport(d) {
  const runLine = `${escapeText(d.engine)} (${escapeText(historyLine(d))} \xB7 ${escapeText(seedLine(d))} \xB7 ${ms(d.timings.totalMs)})${escapeText(versionNote(d, d.dialect))}`;
  const facts = [];
  if (d.stopped && d.stopped.phase !== "run") facts.push(`\u274C ${escapeText(stoppedLine(d))}`);
  for (const f of d.files) {
    if (!f.error) continue;
    const e = f.error;
    facts.push(
      `\u274C ${inlineCode(`${f.path}:${e.line}`)} fails on the shadow: ${inlineCode(e.code)} ${escapeText(e.message)}${e.limit ? " (an engine limit, not a bug in the migration)" : ""}`
    );
  }
  for (const s of d.statements) {
    if (!s.refused) continue;
    facts.push(
      `\u26A0\uFE0F ${inlineCode(`${s.path}:${s.line}`)} was not run on the shadow: ${escapeText(s.refused)}. zerodown never runs a statement that reaches outside the throwaway database`
    );
  }
  for (const h of d.heldLocks) {
    if (!h.blocksReads && !h.blocksWrites) continue;
    const until = h.until === "end of file" ? `the end of the file (line ${h.untilLine}, where the tool commits)` : h.until === "error" ? `the error at line ${h.untilLine}` : `${h.until} at line ${h.untilLine}`;
    const rows = h.rows !== void 0 ? ` on ${plural(h.rows, "row")}` : "";
    facts.push(
      `${escapeText(h.mode)} on ${inlineCode(h.relation)} taken at line ${h.line} and held until ${until}, across ${plural(h.statements, "statement")}, ${ms(h.heldMs)}${rows}: ${h.blocksReads ? "reads and writes" : "writes"} wait all that time`
    );
  }
  for (const s of d.statements) {
    const blocks = onlineBlocks(s);
    if (!s.online || !blocks) continue;
    facts.push(
      `${inlineCode(`${s.path}:${s.line}`)} runs with ${inlineCode(onlineText(s))} (measured on ${escapeText(s.online.server)}): ${blocks} wait for the whole operation`
    );
  }
  const seen = /* @__PURE__ */ new Set();
  for (const s of d.statements) {
    const fresh = s.rewrites.filter((r) => !seen.has(`${s.path}\0${r}`));
    for (const r of s.rewrites) seen.add(`${s.path}\0${r}`);
    if (fresh.length)
      facts.push(`${fresh.map((r) => inlineCode(r)).join(", ")} rewritten at line ${s.line} of ${inlineCode(s.path)}`);
  }
  const blocking = d.statements.some(
    (s) => !s.skipped && !s.error && s.locks.some((l) => l.blocksReads || l.blocksWrites)
  );
  if (!facts.length)
    facts.push(
      blocking ? "locks that block reads or writes were taken, each only for its own statement (see the table)" : locksHidden(d) ? "no table was rewritten; the server shows no locks, so which ones were taken is not known (see the engine limit)" : "no statement took a lock that blocks reads or writes, and no table was rewritten"
    );
  const measured = d.statements.some((s) => s.online || s.unmeasured);
  const shown = facts.slice(0, 8);
  if (facts.length > shown.length) shown.push(`\u2026and ${facts.length - shown.length} more`);
  const headline = `**Dry run** on ${runLine}:
${shown.map((f) => `- ${f}`).join("\n")}`;
  const out = ["<details><summary>Dry-run details: locks per statement</summary>", ""];
  const byFile = /* @__PURE__ */ new Map();
  for (const s of d.statements) {
    const list = byFile.get(s.path);
    if (list) list.push(s);
    else byFile.set(s.path, [s]);
  }
  for (const [file, stmts] of byFile) {
    out.push(
      `**${inlineCode(file)}**`,
      "",
      `| line | statement |${measured ? " online DDL (measured) |" : ""} locks | blocks | rewrite | time |`,
      `|---:|---|${measured ? "---|" : ""}---|---|---|---:|`
    );
    const gap = measured ? " |" : "";
    for (const s of stmts) {
      const stmt = inlineCode(statementCell(s, 70), { table: true });
      if (s.skipped) {
        out.push(
          `| ${s.line} | ${stmt} |${gap} ${d.stopped ? escapeText(notRunText(d)) : "not run: an earlier statement failed"} | | | |`
        );
        continue;
      }
      if (s.refused) {
        out.push(`| ${s.line} | ${stmt} |${gap} not run on the shadow: ${escapeText(s.refused)} | | | |`);
        continue;
      }
      if (s.error) {
        out.push(
          `| ${s.line} | ${stmt} |${gap} \u274C ${inlineCode(s.error.code, { table: true })} ${escapeText(s.error.message)} | | | ${ms(s.durationMs)} |`
        );
        continue;
      }
      const locks = shownLocks(s, d.dialect);
      const lockCell = locks.map((l) => `${escapeText(l.mode)} ${inlineCode(l.relation, { table: true })}${lockNote(l)}`).join("<br>") || (locksHidden(d) ? "not visible" : "");
      const text = onlineText(s);
      const onlineCell = !measured ? "" : ` ${s.online ? `${inlineCode(text, { table: true })}${onlineBlocks(s) ? ` **${onlineBlocks(s)}** wait` : ""}` : text ? escapeText(text) : ""} |`;
      const blocks = locks.map((l) => l.blocksReads ? "**reads, writes**" : l.blocksWrites ? "**writes**" : "nothing").join("<br>");
      const rewrite = rewriteCell(s, (r) => inlineCode(r, { table: true })) || "no";
      out.push(
        `| ${lineCell(s)} | ${stmt} |${onlineCell} ${lockCell} | ${blocks} | ${rewrite} | ${ms(s.durationMs)} |`
      );
    }
    out.push("");
  }
  for (const l of d.limits) out.push(`- engine limit: ${escapeText(l.message)}`);
  if (d.limits.length) out.push("");
  out.push(
    /^(mysql|mariadb)\b/.test(d.engine) ? "<sub>Online DDL measured on the shadow: each ALTER was first tried on a copy of its table with ALGORITHM=INSTANT, then INPLACE with LOCK=NONE, SHARED, EXCLUSIVE, then COPY; the first the server accepted is shown. Locks are metadata lock types as the server reported them, where it shows them.</sub>" : '<sub>Lock modes as PostgreSQL reported them in pg_locks on the shadow; "documented" marks statements that cannot run in a transaction, whose lock comes from the PostgreSQL documentation.</sub>',
    "",
    "</details>"
  );
  return { headline, section: { id: "dry-run", markdown: out.join("\n") } };
}

// src/report/markdown.ts
var STICKY_MARKER = "<!-- zerodown:sticky -->";
function stickyMarker(key = "") {
  return key ? `<!-- zerodown:sticky:${key} -->` : STICKY_MARKER;
}
var COMMENT_BUDGET = 65e3;
var SUMMARY_BUDGET = 1e6;
var bytes = (s) => Buffer.byteLength(s, "utf8");
function footer(input) {
  const v = input.version ? ` ${escapeText(input.version)}` : "";
  const self = input.repo?.gitlab ? "this note" : "this comment";
  return `<sub>zerodown${v} \xB7 [rules](${DOCS_BASE}) \xB7 ignore a finding with ${inlineCode("-- zerodown-ignore rule-id")} on the line before the statement \xB7 ${self} updates itself on every push</sub>`;
}
function seeSummary(input, what) {
  const gitlab = input.repo?.gitlab;
  if (gitlab)
    return gitlab.jobUrl ? `${what}: see the [job log](${gitlab.jobUrl}).` : `${what}: see the log of this pipeline job.`;
  return input.repo?.runUrl ? `${what}: see the [job summary](${input.repo.runUrl}).` : `${what}: see the job summary of this workflow run.`;
}
function composeReport(input, opts) {
  const head = opts.marker ? `${opts.marker}
` : "";
  const top = `${head}${verdict(input)}`;
  const { summary } = input.result;
  const counts = input.noMigrations ? "" : `${plural(summary.files, "migration file")} under review \xB7 ${plural(summary.statements, "statement")} \xB7 ${plural(summary.errors, "error")} \xB7 ${plural(summary.warnings, "warning")}`;
  const rows = findingRows(input);
  const notes = (input.notes ?? []).map((n) => `> ${escapeText(n)}`).join("\n>\n");
  const sections = input.sections ?? [];
  const build = (level, rowCount) => {
    const parts = [top];
    if (counts) parts.push(counts);
    if (rows.length) {
      const shown = rows.slice(0, rowCount);
      let table = `${ROW_HEAD}
${shown.join("\n")}`;
      if (shown.length < rows.length)
        table += `

${seeSummary(input, `\u2026and ${plural(rows.length - shown.length, "more finding")}`)}`;
      parts.push(table);
    }
    if (level <= 3 && input.headline) parts.push(input.headline);
    if (level === 0) for (const s of sections) parts.push(s.markdown);
    else if (level === 1) {
      for (const s of sections) if (s.short) parts.push(s.short);
    }
    if (level >= 1 && sections.length)
      parts.push(seeSummary(input, "The full staged plan and dry-run details did not fit in this comment"));
    if (level === 0 && opts.detailed && rows.length) parts.push(details(input));
    if (notes) parts.push(notes);
    parts.push(footer(input));
    return parts.join("\n\n") + "\n";
  };
  const levels = sections.length ? [0, 1, 2] : opts.detailed ? [0, 2] : [0];
  for (const level of levels) {
    const body = build(level, rows.length);
    if (bytes(body) <= opts.budget) return { body, level, omittedFindings: 0 };
  }
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (bytes(build(3, mid)) <= opts.budget) lo = mid;
    else hi = mid - 1;
  }
  const body3 = build(3, lo);
  if (lo > 0 && bytes(body3) <= opts.budget) return { body: body3, level: 3, omittedFindings: rows.length - lo };
  const minimal = [top, counts, seeSummary(input, "The findings did not fit in this comment"), footer(input)].filter(Boolean).join("\n\n") + "\n";
  return { body: minimal, level: 4, omittedFindings: rows.length };
}

// src/review/index.ts
import { existsSync } from "node:fs";
import path from "node:path";

// src/review/extras.ts
var errText = (err) => (err?.message ?? String(err)).split("\n")[0].slice(0, 300);
async function planSections(x, notes, shadowUrl, redact) {
  const findings = x.result.files.flatMap((f) => f.findings);
  if (!findings.length) return [];
  const { config } = x;
  const result = await planStage(
    x.migrations,
    { result: x.result, ...x.parsed ? { parsed: x.parsed } : {}, ...x.plan ? { plan: x.plan } : {} },
    x.settings
  );
  for (const f of result.failed) notes.push(`No staged plan for ${f.path}: ${f.message}`);
  const orphans = unhandledSection(result);
  if (!result.plans.length) return orphans ? [orphans] : [];
  if (x.shadow.dryRun) {
    const seedRows = config.dryRun?.seedRows;
    for (const p of result.plans) {
      const started = Date.now();
      try {
        p.verified = await proveStage(
          p,
          x.migrations,
          x.settings,
          {
            ...shadowUrl ? { shadowUrl } : {},
            ...x.shadow.allowSuperuserShadow ? { allowSuperuserShadow: true } : {},
            ...seedRows !== void 0 ? { seedRows } : {},
            ...x.shadow.cacheDir ? { cacheDir: x.shadow.cacheDir } : {},
            shadowTimeoutMs: timeoutMsOf(x.shadow.shadowTimeout ?? config.dryRun?.shadowTimeout)
          },
          x.parsed
        );
        const from = PROOF_CACHE[p.verified.cache ?? ""] ?? "";
        x.log(`zerodown: staged plan for ${p.path}: ${proofState(p)} (${Date.now() - started} ms${from}).`);
      } catch (err) {
        x.warn(redact(`zerodown could not verify the staged plan for ${p.path}: ${errText(err)}`));
      }
    }
  } else {
    notes.push("The staged plans are not verified: dry-run is off.");
  }
  return [...result.plans.map((p) => planSection(p)), ...orphans ? [orphans] : []];
}
var PROOF_CACHE = {
  hit: ", history and seed from the shadow cache",
  proof: ", the verdict an earlier run reached on the same migration, plan and history (shadow cache)"
};
var DRY_RUN_CACHE = {
  hit: " (history and seed from the shadow cache)",
  result: " (the report an earlier run made of the same migrations and history: shadow cache)"
};
async function extraSections(x) {
  const notes = [];
  const sections = [];
  let headline;
  let shadowUrl = x.shadow.shadowUrl ?? x.config.dryRun?.shadowUrl;
  registerSecretUrl(shadowUrl);
  const redact = redactSecrets;
  const fallback = x.migrations.some((m) => m.review) ? x.shadow.fallback?.(x.settings.dialect.id, {
    ...shadowUrl ? { shadowUrl } : {},
    dryRun: x.shadow.dryRun
  }) : void 0;
  if (fallback) {
    try {
      shadowUrl = await fallback.start();
      x.log(fallback.started);
    } catch (err) {
      x.warn(`zerodown: ${errText(err)}; the lint stays static (give shadow-database-url for a dry run).`);
      notes.push(`The dry run could not run: ${errText(err)}.`);
    }
  }
  const reviewed = x.migrations.some((m) => m.review);
  const planNotes = [];
  const planning = planSections(x, planNotes, shadowUrl, redact).catch((err) => {
    x.warn(redact(`zerodown could not make a staged plan: ${errText(err)}`));
    planNotes.push(redact(`The staged plan could not be made: ${errText(err)}`));
    return [];
  });
  let dryRunSection;
  let dry;
  if (x.shadow.dryRun && reviewed) {
    try {
      const seedRows = x.config.dryRun?.seedRows;
      const d = await dryRunStage(
        x.migrations,
        x.settings,
        {
          ...shadowUrl ? { url: shadowUrl } : {},
          ...x.shadow.allowSuperuserShadow ? { allowSuperuserShadow: true } : {},
          ...seedRows !== void 0 ? { seedRows } : {},
          timeoutMs: timeoutMsOf(x.shadow.shadowTimeout ?? x.config.dryRun?.shadowTimeout),
          ...x.stats ? { estimate: true } : {},
          ...x.shadow.cacheDir ? { cacheDir: x.shadow.cacheDir } : {}
        },
        x.parsed
      );
      dry = d;
      const c = confirmFindings(x.result, d);
      stopFindings(x.result, d);
      const r = dryRunReport(d);
      headline = r.headline;
      dryRunSection = r.section;
      x.log(
        `zerodown: dry run on ${d.engine}${DRY_RUN_CACHE[d.cache] ?? ""}: ${d.statements.reduce((n, s) => n + (s.count ?? 1), 0)} statement(s) traced in ${d.timings.totalMs} ms; ${c.confirmed} finding(s) confirmed, ${c.unconfirmed} not seen.`
      );
    } catch (err) {
      x.warn(redact(`zerodown could not run the dry run: ${errText(err)}`));
      notes.push(redact(`The dry run could not run: ${errText(err)}`));
    }
  }
  if (x.stats) {
    applyStats(x.result, x.stats.stats, x.settings.estimates, x.stats.source, dry);
    for (const n of x.result.stats?.notes ?? []) notes.push(`Stats: ${n}.`);
  }
  sections.push(...await planning);
  notes.push(...planNotes);
  if (dryRunSection) sections.push(dryRunSection);
  return { ...headline ? { headline } : {}, sections, notes: notes.map(redact) };
}

// src/review/index.ts
var isDownFile = (f) => /(^|[._-])down\.sql$/i.test(path.basename(f));
async function selectMigrations(workspace, paths, changed, opts = {}) {
  const common = {
    cwd: workspace,
    ...opts.framework ? { framework: opts.framework } : {},
    ...opts.dialect ? { dialect: opts.dialect } : {},
    ...opts.pgVersion ? { pgVersion: opts.pgVersion } : {},
    ...changed ? { reviewOnly: changed } : {}
  };
  try {
    const found = await findMigrations(paths, common);
    return { migrations: found.migrations, how: found.how };
  } catch (err) {
    if (paths.length || !changed || err.name !== "DiscoveryError") throw err;
    const rel = [...changed].filter((f) => f.endsWith(".sql") && !isDownFile(f) && existsSync(f)).map((f) => path.relative(workspace, f).split(path.sep).join("/")).filter((f) => !f.startsWith("../"));
    if (!rel.length) return { migrations: [], how: "no migration layout found and no .sql file changed" };
    return {
      migrations: await discover(rel, {
        cwd: workspace,
        ...opts.framework ? { framework: opts.framework } : {},
        ...opts.dialect ? { dialect: opts.dialect } : {},
        ...opts.pgVersion ? { pgVersion: opts.pgVersion } : {}
      }),
      how: "the changed .sql files (no migration layout found)"
    };
  }
}
async function review(x) {
  const paths = x.paths.length ? x.paths : x.config.paths ?? [];
  const detected = x.given.dialect || x.config.dialect ? void 0 : await detectDialect(paths, x.workspace);
  const settings = resolveSettings({ ...x.given, ...detected ? { detected } : {} }, x.config);
  if (settings.dialect.id !== "postgres" || detected)
    x.log(
      `zerodown: dialect ${targetText(settings)} (${detected ? `detected: ${detected.reason}` : x.given.dialect ? x.dialectOrigin : "config `dialect`"}).`
    );
  const selection = await selectMigrations(x.workspace, paths, x.changed, {
    ...x.framework ?? x.config.framework ? { framework: x.framework ?? x.config.framework } : {},
    dialect: settings.dialect.id,
    pgVersion: settings.pgVersion
  });
  const reviewed = selection.migrations.filter((m) => m.review);
  x.log(
    `zerodown: ${reviewed.length} migration file(s) under review, ${selection.migrations.length - reviewed.length} earlier file(s) replayed as history (${selection.how}).`
  );
  if (x.shadow.dryRun && reviewed.length)
    await prepareEmbeddedShadow(
      settings,
      x.shadow.shadowUrl ?? x.config.dryRun?.shadowUrl,
      selection.migrations,
      !!x.stats,
      true
    );
  loadParserBaseline(settings.dialect).catch(() => {
  });
  const lint = await lintStage(selection.migrations, {
    ...lintOptionsOf(settings),
    keepParsed: true,
    plan: planSettingsOf(settings)
  });
  const result = lint.result;
  const extras = await withShadowCleanup(
    () => extraSections({
      result,
      migrations: selection.migrations,
      shadow: x.shadow,
      config: x.config,
      settings,
      ...lint.parsed ? { parsed: lint.parsed } : {},
      ...lint.plan ? { plan: lint.plan } : {},
      ...x.stats ? { stats: x.stats } : {},
      log: x.log,
      warn: x.warn
    })
  );
  return { settings, selection, reviewed, result, extras };
}
async function postReport(report, composed, marker, post, refusedAsTooLong, log) {
  const outcome = await post(redactSecrets(composed.body));
  const refused = refusedAsTooLong(outcome);
  if (!refused) return outcome;
  log(refused);
  return post(redactSecrets(composeReport(report, { budget: 4e3, marker }).body));
}

export {
  STICKY_MARKER,
  stickyMarker,
  COMMENT_BUDGET,
  SUMMARY_BUDGET,
  composeReport,
  review,
  postReport
};
