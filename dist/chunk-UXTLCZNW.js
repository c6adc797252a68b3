import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  replayHistory
} from "./chunk-ADDWNV3N.js";
import {
  cacheKey,
  findCache,
  readResult,
  resultKey,
  writeCache,
  writeResult
} from "./chunk-7VM23UPF.js";
import {
  dialectOf,
  loadedShadowOf
} from "./chunk-66RDFW5F.js";
import {
  notRun,
  runTraced
} from "./chunk-TZQQVLBZ.js";
import {
  isShadowStop,
  shadowWork
} from "./chunk-SYUIUCCK.js";

// src/shadow/dryrun-open.ts
function lookUpCache(dialect, opts, extensions, rowsPerTable, historyFiles, scope) {
  const dir = opts.url ? void 0 : opts.cacheDir;
  const key = dir ? cacheKey({
    engine: dialect.embeddedEngine?.() ?? "server",
    extensions,
    seedRows: rowsPerTable,
    history: historyFiles,
    ...scope ? { seedScope: scope } : {},
    ...opts.schema ? { schema: opts.schema.sql } : {}
  }) : void 0;
  return { dir, key };
}
function readState(cache) {
  const found = cache.dir && cache.key ? findCache(cache.dir, cache.key) : void 0;
  return found && isCacheMeta(found.meta) ? found : void 0;
}
var isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
var numbers = (o, keys) => isObject(o) && keys.every((k) => typeof o[k] === "number");
function isDryRun(x) {
  if (!isObject(x) || x.version !== 1 || x.stopped !== void 0) return false;
  if (typeof x.dialect !== "string" || typeof x.engine !== "string" || typeof x.boot !== "string") return false;
  if (!Array.isArray(x.statements) || !Array.isArray(x.files) || !Array.isArray(x.heldLocks)) return false;
  if (!Array.isArray(x.limits) || !isObject(x.history) || typeof x.history.source !== "string") return false;
  if (!numbers(x.seed, ["tables", "rowsPerTable", "rows", "durationMs"]) || !Array.isArray(x.seed.failures))
    return false;
  if (!numbers(x.timings, ["bootMs", "historyMs", "seedMs", "runMs", "totalMs"])) return false;
  return x.statements.every(
    (s) => numbers(s, ["index", "line", "column", "endLine", "durationMs"]) && typeof s.path === "string" && typeof s.kind === "string" && typeof s.sql === "string" && Array.isArray(s.locks) && s.locks.every((l) => isObject(l) && typeof l.relation === "string" && typeof l.mode === "string") && Array.isArray(s.rewrites) && Array.isArray(s.rebuiltIndexes) && (s.error === null || isObject(s.error) && typeof s.error.message === "string") && !s.timedOut
  ) && x.files.every((f) => isObject(f) && typeof f.path === "string" && typeof f.statements === "number") && x.heldLocks.every((l) => isObject(l) && typeof l.relation === "string" && typeof l.mode === "string");
}
function isCacheMeta(x) {
  if (!isObject(x) || !isObject(x.history) || !isObject(x.seed) || !Array.isArray(x.limits)) return false;
  const { history: h, seed: s } = x;
  const historyOk = h.source === "migrations" ? typeof h.files === "number" && typeof h.statements === "number" && Array.isArray(h.failures) : h.source === "schema" && typeof h.path === "string";
  return historyOk && typeof s.tables === "number" && typeof s.durationMs === "number" && Array.isArray(s.failures) && Array.isArray(s.rows) && s.rows.every((r) => Array.isArray(r) && typeof r[0] === "string" && typeof r[1] === "number") && x.limits.every((l) => isObject(l) && typeof l.id === "string" && typeof l.subject === "string");
}
function startOpening(dialect, opts, extensions, cached, work) {
  const bound = opts.timeoutMs !== void 0 ? { timeoutMs: opts.timeoutMs } : {};
  const opening = opts.url ? dialect.open({ url: opts.url, extensions, allowSuperuser: !!opts.allowSuperuserShadow, ...bound }) : (
    // unpacked while the engine's thread instantiates PGlite, for this run alone: the engine takes its memory as it is
    dialect.open({ extensions, ...cached ? { state: cached.unpack, handOverState: true } : {}, ...bound, work })
  );
  opening.catch(() => {
  });
  return opening;
}
function restoreFromCache(shadow, meta) {
  const hist = meta.history;
  const seeded = { ...meta.seed, rows: new Map(meta.seed.rows) };
  for (const l of meta.limits) if (!shadow.limits.some((x) => x.subject === l.subject)) shadow.limits.push(l);
  return { hist, seeded };
}
async function saveToCache(cache, shadow, hist, seeded) {
  if (!cache.dir || !cache.key || !shadow.saveState) return;
  const meta = {
    history: hist,
    seed: {
      tables: seeded.tables,
      ...seeded.of !== void 0 ? { of: seeded.of } : {},
      rows: [...seeded.rows],
      failures: seeded.failures,
      durationMs: seeded.durationMs
    },
    limits: [...shadow.limits]
  };
  writeCache(cache.dir, cache.key, await shadow.saveState(), meta);
}

// src/shadow/dryrun-run.ts
async function runReview(shadow, parsedReview, rows, stopped, onRunProgress, scale = false) {
  const statements = [];
  const heldLocks = [];
  const files = [];
  const total = parsedReview.reduce((n, m) => n + m.statements.length, 0);
  let done = 0;
  for (const m of parsedReview) {
    if (stopped) {
      statements.push(...notRun(m));
      files.push({ path: m.migration.path, statements: m.statements.length, error: null });
      continue;
    }
    const onRun = onRunProgress;
    const r = await runTraced(shadow, m, {
      rows,
      ...scale ? { scale } : {},
      ...onRun ? { onStatement: (s) => onRun(done += s.count ?? 1, total, m.migration.path) } : {}
    });
    if (r.stopped) {
      const e = r.error;
      stopped = {
        phase: "run",
        message: e ? `${e.path}:${e.line}: ${e.message}` : `${m.migration.path}: the shadow was stopped`,
        ...e ? { path: e.path, line: e.line } : {}
      };
    }
    statements.push(...r.statements);
    heldLocks.push(...r.heldLocks);
    files.push({
      path: m.migration.path,
      statements: r.statements.reduce((n, x) => n + (x.index < 0 ? 0 : x.count ?? 1), 0),
      error: r.error
    });
  }
  return { statements, heldLocks, files, stopped };
}

// src/shadow/dryrun-schema.ts
async function buildSchema(shadow, dialect, opts, parsedHistory, tools, tBoot) {
  const probes = dialect.probes;
  let hist;
  let stopped;
  if (opts.schema) {
    await probes.toolTables(shadow, tools);
    const d = await dialect.loadSchemaDump(shadow, opts.schema.sql, opts.schema.path);
    hist = { ...d, source: "schema", path: opts.schema.path, durationMs: Math.round(performance.now() - tBoot) };
    const e = d.stopped ? d.errors.find((x) => x.timedOut) : void 0;
    if (d.stopped)
      stopped = {
        phase: "schema",
        message: `the schema dump ${e ? `statement at ${e.path}:${e.line} ` : ""}${e?.message ?? "stopped"}`,
        ...e ? { path: e.path, line: e.line } : {}
      };
  } else {
    const { limits: _limits, ...r } = await replayHistory(shadow, parsedHistory, opts.onProgress, tools);
    hist = { ...r, source: "migrations" };
    const f = r.stopped ? r.failures.find((x) => x.timedOut) : void 0;
    if (r.stopped)
      stopped = {
        phase: "history",
        message: `history ${f ? `${f.path}:${f.line}: ${f.message}` : "replay stopped"}`,
        ...f ? { path: f.path, line: f.line } : {}
      };
  }
  return { hist, stopped };
}
async function seedShadow(shadow, dialect, opts, rowsPerTable, skip, scope) {
  const probes = dialect.probes;
  let seedingTable = "";
  const tSeedStart = performance.now();
  let seeded = { tables: 0, rows: /* @__PURE__ */ new Map(), failures: [], durationMs: 0 };
  try {
    if (!skip)
      seeded = await probes.seed(shadow, {
        rows: rowsPerTable,
        ...scope ? { scope } : {},
        onProgress: (done, total, table) => {
          seedingTable = table;
          opts.onSeedProgress?.(done, total, table);
        }
      });
  } catch (err) {
    if (!isShadowStop(err)) throw err;
    seeded.durationMs = Math.round(performance.now() - tSeedStart);
    return {
      seeded,
      stopped: { phase: "seed", message: `seeding table ${seedingTable || "?"} ${err.message}` }
    };
  }
  return { seeded, stopped: void 0 };
}

// src/shadow/dryrun.ts
var SCOPE_MAX = 1e4;
async function dryRun(migrations, opts = {}) {
  const t0 = performance.now();
  const files = migrations.map((m) => "statements" in m && "migration" in m ? m.migration : m);
  const sqlDialect = dialectOf(files);
  const dialectId = sqlDialect.id;
  const dialect = opts.dialect ?? await loadedShadowOf(sqlDialect);
  const isReview = (m) => ("migration" in m && "statements" in m ? m.migration : m).review;
  const review = migrations.filter(isReview);
  const history = opts.schema ? [] : migrations.filter((m) => !isReview(m));
  const historyFiles = history.map((m) => "statements" in m && "migration" in m ? m.migration : m);
  const sources = [...files.map((m) => m.source), ...opts.schema ? [opts.schema.sql] : []];
  const extensions = dialect.extensionsIn(sources);
  const rowsPerTable = opts.seedRows ?? 1e3;
  const tools = files.map((m) => m.framework);
  const probes = dialect.probes;
  const isParsed = (m) => "statements" in m && "migration" in m;
  const parse = (m) => isParsed(m) ? m : probes.parse(m);
  if (!review.every(isParsed)) await probes.load();
  const parsedReview = review.map(parse);
  const reviewed = parsedReview.reduce((n, p) => n + (p.error ? 0 : p.statements.length), 0);
  const scope = reviewed <= SCOPE_MAX ? probes.seedScope?.(parsedReview.flatMap((p) => p.error ? [] : p.statements)) : void 0;
  const cache = lookUpCache(dialect, opts, extensions, rowsPerTable, historyFiles, scope);
  const reportKey = cache.dir && cache.key ? resultKey([
    cache.key,
    parsedReview.map(({ migration: m }) => [m.path, m.framework, m.transaction, m.segments ?? null, m.source]),
    opts.timeoutMs ?? null,
    opts.pgVersion ?? null,
    !!opts.estimate
  ]) : void 0;
  if (cache.dir && reportKey) {
    const done = readResult(cache.dir, "dryrun", reportKey);
    if (isDryRun(done)) return { ...done, cache: "result" };
  }
  const cached = readState(cache);
  const reviewSources = parsedReview.map((p) => p.migration.source);
  const built = cached ? [] : opts.schema ? [opts.schema.sql] : historyFiles.map((m) => m.source);
  const work = shadowWork([...built, ...reviewSources], !!opts.estimate);
  const opening = startOpening(dialect, opts, extensions, cached, work);
  await probes.load();
  const parsedHistory = cached ? void 0 : history.map(parse);
  const shadow = await opening;
  opts.onOpen?.(shadow);
  try {
    const tBoot = performance.now();
    const hit = !!cached && shadow.boot === "cache";
    let hist;
    let seeded;
    let stopped;
    if (hit) {
      ({ hist, seeded } = restoreFromCache(shadow, cached.meta));
    } else {
      const replayed = parsedHistory ?? history.map(parse);
      ({ hist, stopped } = await buildSchema(shadow, dialect, opts, replayed, tools, tBoot));
      const s = await seedShadow(shadow, dialect, opts, rowsPerTable, !!stopped, scope);
      seeded = s.seeded;
      stopped = s.stopped ?? stopped;
    }
    const tSeed = performance.now();
    const tHist = hit ? tBoot : tSeed - seeded.durationMs;
    if (!hit && !stopped) await saveToCache(cache, shadow, hist, seeded);
    const tRunStart = performance.now();
    const run = await runReview(shadow, parsedReview, seeded.rows, stopped, opts.onRunProgress, !!opts.estimate);
    stopped = run.stopped;
    const tRun = performance.now();
    const report = {
      version: 1,
      dialect: dialectId,
      engine: shadow.engine,
      boot: shadow.boot,
      cache: !cache.dir ? "off" : hit ? "hit" : "miss",
      statements: run.statements,
      heldLocks: run.heldLocks,
      files: run.files,
      history: hist,
      seed: {
        tables: seeded.tables,
        ...seeded.of !== void 0 ? { of: seeded.of } : {},
        rowsPerTable,
        rows: [...seeded.rows.values()].reduce((a, b) => a + b, 0),
        failures: seeded.failures,
        durationMs: seeded.durationMs
      },
      limits: [...shadow.limits],
      timings: {
        bootMs: Math.round(tBoot - t0),
        historyMs: Math.round(tHist - tBoot),
        seedMs: Math.round(tSeed - tHist),
        runMs: Math.round(tRun - tRunStart),
        totalMs: Math.round(tRun - t0)
      },
      ...stopped ? { stopped } : {},
      ...opts.pgVersion !== void 0 && opts.pgVersion !== shadow.serverVersion ? { shadowVersion: shadow.serverVersion, targetVersion: opts.pgVersion } : {}
    };
    if (cache.dir && reportKey && !stopped && !report.statements.some((x) => x.timedOut))
      writeResult(cache.dir, "dryrun", reportKey, report);
    return report;
  } finally {
    await shadow.close();
  }
}

export {
  dryRun
};
