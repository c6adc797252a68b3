import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  shadowOptions,
  useColor,
  warnIgnored
} from "./chunk-IALHZF3B.js";
import {
  formatPlanMarkdown,
  originalLine,
  phaseExtras,
  phaseTitle,
  proofState,
  unhandledCount,
  unhandledLine,
  verificationLine
} from "./chunk-6G2KBJF7.js";
import {
  withShadowCleanup
} from "./chunk-VB3LKA5A.js";
import "./chunk-XKV3LSYK.js";
import {
  lintOptionsOf,
  lintStage,
  planSettingsOf,
  planStage,
  proveStage,
  require_picocolors,
  resolveSettings
} from "./chunk-HMOZKVSH.js";
import {
  detectDialect,
  discover,
  layoutPhases,
  list,
  loadConfig
} from "./chunk-ER62T5ZE.js";
import {
  UsageError,
  dialectFor,
  visible
} from "./chunk-CSRVXPSC.js";
import "./chunk-XP2KL63Z.js";
import "./chunk-4E3NQPL7.js";
import {
  timeoutMsOf
} from "./chunk-RUP2AEB4.js";
import "./chunk-LFCDDVQS.js";
import {
  __toESM
} from "./chunk-CZQGFDZN.js";

// src/cli/plan.ts
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync
} from "node:fs";
import path from "node:path";

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

// src/cli/plan.ts
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
function baseNameOf(m) {
  let stem = path.basename(m.path).replace(/\.sql$/i, "").replace(/\.(up|down)$/i, "");
  if (/^(migration|up|deploy)$/i.test(stem)) stem = path.basename(path.dirname(m.path));
  stem = stem.replace(/^V[\d._]+__/, "").replace(/^[\d_.-]+(?=[A-Za-z])/, "");
  return `${stem || "migration"}_safe`;
}
var slug = (s) => s.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toLowerCase() || "migration";
function plainLayout(dir, rawBase, plans, taken) {
  const base = slug(rawBase);
  const nums = taken.map((n) => /^(\d+)_/.exec(n)?.[1]).filter((v) => !!v);
  const width = Math.max(4, ...nums.map((n) => n.length));
  let next = nums.reduce((m, n) => BigInt(n) > m ? BigInt(n) : m, 0n) + 1n;
  return plans.map((p, i) => ({
    path: path.join(dir, `${String(next++).padStart(width, "0")}_${base}_${p.name}.sql`),
    content: `-- zerodown phase ${i + 1}/${plans.length}: ${p.name} (${p.transactional ? "runs in one transaction" : "must run outside a transaction"})
${p.transactional ? `BEGIN;
${p.sql}
COMMIT;
` : `${p.sql}
`}`
  }));
}
var PHASE_HEADER = /^-- zerodown phase \d+\/\d+: /m;
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function earlierPhaseFiles(dir, base) {
  if (!existsSync(dir)) return [];
  const token = slug(base);
  const names = [token, token.replace(/_/g, "-")].map(escapeRe).join("|");
  const re = new RegExp(
    `^(?:\\d[\\d_.-]*[_-]|V[\\d._]+__)?(?:${names})(?:[_-](?:expand|backfill|validate|index|contract)(?:[_-]\\d+)?)?(?=\\.|$)`
  );
  const groups = /* @__PURE__ */ new Map();
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true }).map((e) => e.split(path.sep).join("/"));
  } catch {
    return [];
  }
  for (const rel of entries) {
    if (/(^|\/)(node_modules|\.git)(\/|$)/.test(rel)) continue;
    const segs = rel.split("/");
    const at = segs.findIndex((s) => re.test(s));
    if (at < 0) continue;
    const abs = path.join(dir, rel);
    let text = "";
    try {
      text = readFileSync(abs, "utf8");
    } catch {
      continue;
    }
    const key = at < segs.length - 1 ? segs.slice(0, at + 1).join("/") : segs[at].replace(/\..*$/, "");
    const g = groups.get(key) ?? { files: [], ours: false };
    g.files.push(abs);
    if (PHASE_HEADER.test(text)) g.ours = true;
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.ours).flatMap((g) => g.files);
}
function withoutStale(file, stale) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const stems = stale.map((f) => path.basename(f).replace(/\..*$/, ""));
  if (file.endsWith("_journal.json")) {
    try {
      const j = JSON.parse(text);
      j.entries = (j.entries ?? []).filter((e) => !stems.includes(e.tag)).map((e, idx) => ({ ...e, idx }));
      return `${JSON.stringify(j, null, 2)}
`;
    } catch {
      return text;
    }
  }
  const names = stale.map((f) => path.basename(f));
  return text.split("\n").filter((l) => !stems.some((s) => l.startsWith(`${s} `)) && !names.some((n) => l.includes(n))).join("\n");
}
function phaseFiles(plans, dir, now, stale = []) {
  const files = [];
  const gone = (n) => {
    const abs = path.join(dir, n);
    if (stale.includes(abs)) return true;
    const inside = stale.filter((f) => f.startsWith(`${abs}${path.sep}`));
    if (!inside.length) return false;
    try {
      return readdirSync(abs, { recursive: true, withFileTypes: true }).filter(
        (d) => d.isFile()
      ).length === inside.length;
    } catch {
      return false;
    }
  };
  const existing = list(dir).filter((n) => !gone(n));
  for (const plan of plans) {
    const taken = [...existing, ...files.map((f) => path.relative(dir, f.path).split(/[\\/]/)[0])];
    const phases = plan.phases.map((p) => ({ name: p.name, transactional: p.transactional, sql: p.sql }));
    let out;
    try {
      out = layoutPhases(
        plan.migration.framework,
        {
          dir,
          baseName: baseNameOf(plan.migration),
          existing: taken,
          ...now ? { now } : {},
          ...stale.length ? { read: (f) => withoutStale(f, stale) } : {}
        },
        phases
      );
    } catch {
      out = plainLayout(dir, baseNameOf(plan.migration), plan.phases, taken);
    }
    for (const f of out) {
      const i = files.findIndex((x) => x.path === f.path && x.replaces && f.replaces);
      if (i >= 0) files.splice(i, 1);
      files.push(f);
    }
  }
  return files;
}
function writePhaseFiles(files, force, stale = [], dir) {
  if (dir) {
    const root = path.resolve(dir);
    const outside = files.filter((f) => {
      const rel = path.relative(root, path.resolve(f.path));
      return rel === "" || rel.startsWith("..") || path.isAbsolute(rel);
    });
    if (outside.length)
      throw new UsageError(`--out: refusing to write outside ${dir}: ${outside.map((f) => f.path).join(", ")}`);
  }
  const targets = new Set(files.map((f) => path.resolve(f.path)));
  const clash = [
    ...files.filter((f) => !f.replaces && existsSync(f.path)).map((f) => f.path),
    ...stale.filter((f) => !targets.has(path.resolve(f)))
  ];
  if (clash.length && !force) {
    throw new UsageError(
      `--out: ${clash.map((f) => path.relative(process.cwd(), f) || f).join(", ")} already exist${clash.length === 1 ? "s" : ""}; nothing written (use --force to overwrite)`
    );
  }
  const temps = [];
  try {
    for (const f of files) {
      mkdirSync(path.dirname(f.path), { recursive: true });
      const tmp = `${f.path}.zerodown-${process.pid}.tmp`;
      writeFileSync(tmp, f.content);
      temps.push({ tmp, final: f.path });
    }
  } catch (err) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw new UsageError(`--out: cannot write ${err.message}; nothing written`);
  }
  for (const f of stale) {
    if (targets.has(path.resolve(f))) continue;
    rmSync(f, { force: true });
    const folder = path.dirname(f);
    if (dir && path.resolve(folder) !== path.resolve(dir)) {
      try {
        rmdirSync(folder);
      } catch {
      }
    }
  }
  for (const t of temps) renameSync(t.tmp, t.final);
}
async function planCommand(paths, opts) {
  if (opts.verify === false)
    warnIgnored(
      shadowOptions(opts),
      "with --no-verify: the plans are not run on a shadow database (drop --no-verify to prove them there)"
    );
  const cwd = process.cwd();
  const { config } = loadConfig(cwd, opts.config);
  const inputs = paths.length ? paths : config.paths ?? [];
  if (!inputs.length) {
    throw new UsageError(
      "no migrations given: pass files or directories (e.g. `zerodown plan db/migrations/0042_add_column.sql`), or set `paths` in zerodown.config.json"
    );
  }
  const detected = opts.dialect || config.dialect ? void 0 : await detectDialect(paths.length ? paths : config.paths ?? [], cwd);
  const settings = resolveSettings({ ...opts, ...detected ? { detected } : {} }, config);
  const migrations = await discover(inputs, {
    cwd,
    framework: opts.framework ?? config.framework,
    dialect: settings.dialect.id,
    history: opts.history !== false,
    pgVersion: settings.pgVersion
  });
  const lint = await lintStage(migrations, {
    ...lintOptionsOf(settings),
    keepParsed: true,
    plan: planSettingsOf(settings)
  });
  const result = await planStage(migrations, lint, settings);
  if (opts.verify !== false) {
    const shadowUrl = opts.shadowUrl ?? config.dryRun?.shadowUrl;
    const seedRows = opts.seedRows ?? config.dryRun?.seedRows;
    const shadowTimeoutMs = timeoutMsOf(opts.shadowTimeout ?? config.dryRun?.shadowTimeout);
    await withShadowCleanup(async () => {
      for (const plan of result.plans) {
        plan.verified = await proveStage(
          plan,
          migrations,
          settings,
          {
            ...shadowUrl ? { shadowUrl } : {},
            ...opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {},
            ...seedRows !== void 0 ? { seedRows } : {},
            shadowTimeoutMs
          },
          lint.parsed
        );
      }
    });
  }
  const color = useColor(opts.color, process.stdout);
  if (opts.out) {
    const dir = path.resolve(cwd, opts.out);
    const writable = result.plans.filter((p) => ["proven", "needs-edit", "unverified"].includes(proofState(p)));
    const stale = writable.flatMap((p) => earlierPhaseFiles(dir, baseNameOf(p.migration)));
    const files = phaseFiles(writable, dir, void 0, stale);
    writePhaseFiles(files, !!opts.force, stale, dir);
    for (const p of result.plans.filter((x) => !writable.includes(x)))
      process.stderr.write(`zerodown: not written: the plan for ${visible(p.path)} failed its proof
`);
    if (files.length) {
      const shown = visible(path.relative(cwd, dir) || ".");
      process.stderr.write(
        `zerodown: wrote ${files.length} file${files.length === 1 ? "" : "s"} to ${shown}${stale.length ? ` (replacing ${stale.length} from an earlier run)` : ""}
`
      );
      for (const p of writable)
        process.stderr.write(
          `zerodown: the phases replace ${visible(p.path)}: delete it (or move it out of the migrations), or the unsafe original runs too
`
        );
    }
  }
  process.stdout.write(formatPlans(result, opts.format, color));
  const failOn = settings.failOn;
  const reaches = result.unhandled.filter(
    (u) => failOn !== "never" && (u.severity === "error" || failOn === "warning")
  );
  if (result.failed.length || reaches.length) return 1;
  if (opts.verify === false) return 0;
  return result.plans.every((p) => proofState(p) === "proven") ? 0 : 1;
}
export {
  baseNameOf,
  earlierPhaseFiles,
  formatPlans,
  phaseFiles,
  planCommand,
  writePhaseFiles
};
