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
  shadowOptions,
  useColor,
  warnIgnored
} from "./chunk-2BDRGVCZ.js";
import "./chunk-6AJUARC7.js";
import {
  runStats
} from "./chunk-NU6YGQHK.js";
import {
  formatPlans
} from "./chunk-GN2PC5ZQ.js";
import {
  proofState
} from "./chunk-WNPA74RL.js";
import "./chunk-2Y3PFKCM.js";
import "./chunk-45VSFYDT.js";
import {
  discoveryOptions,
  lintOptionsOf,
  lintStage,
  loadParserBaseline,
  planSettingsOf,
  planStage,
  prepareEmbeddedShadow,
  proveStage,
  resolveSettings
} from "./chunk-D6MKWA2R.js";
import "./chunk-DC3IJ7CW.js";
import {
  detectDialect,
  discover,
  layoutPhases,
  list
} from "./chunk-KDG2PFI5.js";
import {
  visible
} from "./chunk-TWNDLBWA.js";
import {
  DEFAULTS
} from "./chunk-LV22CV6D.js";
import "./chunk-ERQZGLCT.js";
import "./chunk-OVE25YZE.js";
import "./chunk-LI67BYTM.js";
import "./chunk-ADDWNV3N.js";
import {
  defaultCacheDir
} from "./chunk-7VM23UPF.js";
import "./chunk-66RDFW5F.js";
import "./chunk-CNSCKXWJ.js";
import {
  tableStats
} from "./chunk-EFQPG7RZ.js";
import "./chunk-NTPLS3CR.js";
import "./chunk-JJQEPNJF.js";
import "./chunk-BFLEMGMC.js";
import "./chunk-Z2W6ZCS5.js";
import "./chunk-3TIBL5EG.js";
import "./chunk-MRBN6FC7.js";
import "./chunk-TZQQVLBZ.js";
import "./chunk-JB5CXEFZ.js";
import {
  batchSizeFor,
  formatCount,
  formatDuration,
  formatMicros,
  serverUsPerRow
} from "./chunk-KLJQAZEJ.js";
import {
  timeoutMsOf
} from "./chunk-SYUIUCCK.js";
import "./chunk-N5OLXBFP.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-IW5IPINL.js";
import "./chunk-RB5SEY6D.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import "./chunk-DSMXYHHG.js";
import {
  loadConfig
} from "./chunk-3SZW23GX.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import "./chunk-GN46SLEG.js";
import "./chunk-WHSIOZEN.js";
import "./chunk-5THZYCGT.js";
import "./chunk-76XLLUF5.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-XJGXLKRM.js";

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

// src/estimate/plan.ts
function backfillCost(dialectId) {
  return dialectId === "postgres" ? { usPerRow: serverUsPerRow("server").backfill, server: "a PostgreSQL server" } : { usPerRow: serverUsPerRow("mysql").backfill, server: "a MariaDB server" };
}
function batchSizeUnderLimit(configured, settings, dialectId = "postgres") {
  const batchSize = configured ?? DEFAULTS.batchSize;
  const { usPerRow } = backfillCost(dialectId);
  if (batchSize * usPerRow / 1e6 <= settings.maxLockSeconds) return { batchSize, usPerRow };
  return { batchSize: batchSizeFor(usPerRow, settings.maxLockSeconds), lowered: batchSize, usPerRow };
}
function estimatePlans(result, lint, stats, settings, batchSize = DEFAULTS.batchSize, now = Date.now()) {
  const { usPerRow, server } = backfillCost(lint.files[0]?.migration.dialect ?? "postgres");
  for (const plan of result.plans) {
    if (!plan.phases.some((p) => p.name === "backfill")) continue;
    const lines = new Set(plan.rewrites.map((r) => r.line));
    const findings = lint.files.find((f) => f.migration.path === plan.path)?.findings ?? [];
    const tables = [...new Set(findings.filter((f) => f.table && lines.has(f.line)).map((f) => f.table))];
    for (const table of tables) {
      const state = tableStats(stats, table, settings.maxStatsAgeDays, now);
      if (state.state !== "fresh") {
        plan.notes.push({ level: "info", message: `backfill of ${table}: ${state.why}, so no size estimate` });
        continue;
      }
      const rows = state.stats.rows;
      const batches = Math.max(1, Math.ceil(rows / batchSize));
      const perBatch = Math.min(rows, batchSize) * usPerRow / 1e6;
      const fit = batchSizeFor(usPerRow, settings.maxLockSeconds);
      const over = perBatch > settings.maxLockSeconds;
      plan.notes.push({
        level: over ? "warning" : "info",
        message: `backfill of ${table}: ${formatCount(rows)} rows in ${formatCount(batches)} batches of ${formatCount(batchSize)}, ${formatDuration(perBatch)} each, ${formatDuration(rows * usPerRow * 1e-6)} of updates in total (estimate: ${formatMicros(usPerRow)}/row calibrated on ${server}, not measured on yours; pauses between batches not counted). ` + (over ? `Each batch would hold its row locks longer than maxLockSeconds (${settings.maxLockSeconds} s): set plan.batchSize to ${formatCount(fit)} or less.` : `Batches of up to ${formatCount(fit)} rows keep each under half of maxLockSeconds (${settings.maxLockSeconds} s).`)
      });
    }
  }
}

// src/cli/plan.ts
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
  const { config } = await loadConfig(cwd, opts.config);
  const inputs = paths.length ? paths : config.paths ?? [];
  if (!inputs.length) {
    throw new UsageError(
      "no migrations given: pass files or directories (e.g. `zerodown plan db/migrations/0042_add_column.sql`), or set `paths` in zerodown.config.json"
    );
  }
  const detected = opts.dialect || config.dialect ? void 0 : await detectDialect(paths.length ? paths : config.paths ?? [], cwd);
  const settings = resolveSettings({ ...opts, ...detected ? { detected } : {} }, config);
  loadParserBaseline(settings.dialect).catch(() => {
  });
  const stats = await runStats(opts, cwd);
  if (stats) {
    const sized = batchSizeUnderLimit(settings.plan.batchSize, settings.estimates, settings.dialect.id);
    if (sized.lowered !== void 0) {
      settings.plan = { ...settings.plan, batchSize: sized.batchSize };
      process.stderr.write(
        `zerodown: backfill batches of ${sized.lowered} rows would hold their row locks ${formatDuration(sized.lowered * sized.usPerRow / 1e6)} (estimate), longer than estimates.maxLockSeconds (${settings.estimates.maxLockSeconds} s): planned in batches of ${sized.batchSize}
`
      );
    }
  }
  const migrations = await discover(inputs, discoveryOptions(opts, config, settings, cwd));
  const shadowUrl = opts.shadowUrl ?? config.dryRun?.shadowUrl;
  if (opts.verify !== false) await prepareEmbeddedShadow(settings, shadowUrl, migrations);
  const lint = await lintStage(migrations, {
    ...lintOptionsOf(settings),
    keepParsed: true,
    plan: planSettingsOf(settings)
  });
  const result = await planStage(migrations, lint, settings);
  if (stats) estimatePlans(result, lint.result, stats.stats, settings.estimates, settings.plan.batchSize);
  if (opts.verify !== false) {
    const seedRows = opts.seedRows ?? config.dryRun?.seedRows;
    const shadowTimeoutMs = timeoutMsOf(opts.shadowTimeout ?? config.dryRun?.shadowTimeout);
    const cacheDir = opts.cache !== false ? defaultCacheDir(cwd) : void 0;
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
            ...cacheDir ? { cacheDir } : {},
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
    (u) => failOn !== "never" && (u.severity === "error" || failOn === "warning" && u.severity === "warning")
  );
  if (result.failed.length || reaches.length) return 1;
  if (opts.verify === false) return 0;
  return result.plans.every((p) => proofState(p) === "proven") ? 0 : 1;
}
export {
  baseNameOf,
  earlierPhaseFiles,
  phaseFiles,
  planCommand,
  writePhaseFiles
};
