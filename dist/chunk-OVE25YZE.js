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
  provingStore,
  readResult,
  resultKey,
  writeResult
} from "./chunk-7VM23UPF.js";
import {
  dialectFor,
  loadedShadowOf
} from "./chunk-66RDFW5F.js";
import {
  runTraced
} from "./chunk-TZQQVLBZ.js";
import {
  shadowWork
} from "./chunk-SYUIUCCK.js";

// src/shadow/compare.ts
function diffSchemas(orig, plan) {
  const out = [];
  for (const [k, v] of orig) {
    const p = plan.get(k);
    if (p === void 0) out.push({ key: k, text: `${k}: missing after the plan (original: ${v})` });
    else if (p !== v) out.push({ key: k, text: `${k}: original ${v}; plan ${p}` });
  }
  for (const [k, v] of plan) if (!orig.has(k)) out.push({ key: k, text: `${k}: only after the plan (${v})` });
  return out;
}
function volatileColumns(a, b) {
  const out = /* @__PURE__ */ new Set();
  for (const [table, rowsA] of a) {
    const rowsB = b.get(table);
    if (!rowsB) continue;
    for (const [key, ra] of rowsA) {
      const rb = rowsB.get(key);
      if (!rb) continue;
      for (const col of Object.keys(ra))
        if (JSON.stringify(ra[col]) !== JSON.stringify(rb[col])) out.add(`${table}.${col}`);
    }
    if (rowsA.size !== rowsB.size || [...rowsA.keys()].some((k) => !rowsB.has(k))) out.add(`${table}.*`);
  }
  return out;
}
function compareData(orig, plan, skip) {
  const diffs = [];
  for (const [table, rowsO] of orig) {
    const rowsP = plan.get(table);
    if (!rowsP || skip.has(`${table}.*`)) continue;
    if (rowsO.size !== rowsP.size) {
      diffs.push(`data ${table}: ${rowsO.size} rows after the original, ${rowsP.size} after the plan`);
      continue;
    }
    let shown = 0;
    let count = 0;
    for (const [key, ro] of rowsO) {
      const rp = rowsP.get(key);
      if (!rp) {
        count++;
        if (shown++ < 3) diffs.push(`data ${table}: row ${key} missing after the plan`);
        continue;
      }
      for (const col of Object.keys(ro)) {
        if (skip.has(`${table}.${col}`) || !(col in rp)) continue;
        if (JSON.stringify(ro[col]) !== JSON.stringify(rp[col])) {
          count++;
          if (shown++ < 3)
            diffs.push(
              `data ${table}.${col} for key ${key}: original ${JSON.stringify(ro[col])}, plan ${JSON.stringify(rp[col])}`
            );
        }
      }
    }
    if (count > 3) diffs.push(`data ${table}: ${count - 3} more differences`);
  }
  return diffs;
}

// src/plan/verify.ts
var DEFAULT_SEED_ROWS = 200;
function checkStopped(sh, what) {
  if (!sh.stopped) return;
  const sql = sh.stopped.sql.replace(/\s+/g, " ").trim();
  throw new Error(
    `${what} did not finish within ${sh.stopped.seconds} s on the shadow (${sql.length > 80 ? `${sql.slice(0, 79)}\u2026` : sql}): stopped; raise --shadow-timeout if it is legitimately slow`
  );
}
function errorText(err) {
  const e = err;
  return `${e?.message ?? String(err)}${e?.detail ? ` (${e.detail})` : ""}`.replace(/\s+/g, " ").trim();
}
function shorten(text, max = 90) {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}\u2026` : one;
}
async function replay(sh, migrations) {
  const r = await replayHistory(sh, migrations);
  return r.failures.map((f) => `${f.path}:${f.line}: ${f.message}${f.limit ? ` (${f.limit})` : ""}`);
}
async function seed(sh, rows) {
  if (rows <= 0) return [];
  const r = await sh.probes.seed(sh, { rows, policy: { kind: "proof" } });
  return r.failures.map((f) => `${f.table}: ${f.message}`);
}
async function runOriginal(sh, m, watch, notRun) {
  if (m.error) return `cannot parse: ${m.error.message}`;
  watch.setPhase(0);
  const r = await runTraced(sh, m, {
    trace: false,
    watch: { watch, label: (s) => `line ${s.span.line} (${shorten(s.text, 60)})` }
  });
  for (const s of r.statements) if (s.refused) notRun.add(`${m.migration.path}:${s.line}: ${s.refused}`);
  return r.error ? errorText(r.error) : null;
}
async function watched(sh, watch, sql, label) {
  const token = await watch.before();
  const t0 = performance.now();
  await sh.exec(sql);
  await watch.after(token, label, performance.now() - t0);
}
async function endTx(sh, watch, sql) {
  const t0 = performance.now();
  try {
    await sh.exec(sql);
  } finally {
    watch.ended(performance.now() - t0);
  }
}
async function runPlan(sh, plan, watch, notRun) {
  const p = sh.probes;
  for (let i = 0; i < plan.phases.length; i++) {
    const phase = plan.phases[i];
    watch.setPhase(i + 1);
    let inTx = false;
    try {
      const stmts = p.parse({
        path: `phase ${i + 1}`,
        absPath: `phase ${i + 1}`,
        source: phase.sql,
        dialect: plan.migration.dialect,
        framework: "plain",
        transaction: "none",
        review: true
      });
      if (stmts.error) throw new Error(stmts.error.message);
      const runnable = stmts.statements.filter((s) => {
        const refused = p.refused(s, sh.kind);
        if (refused) notRun.add(`phase ${i + 1} (${phase.name}): ${refused}`);
        return !refused;
      });
      const label = (s) => `phase ${i + 1} (${phase.name}): ${shorten(s.text, 60)}`;
      if (phase.transactional) {
        await sh.exec("BEGIN");
        watch.began();
        inTx = true;
        for (const s of runnable) await watched(sh, watch, s.text, label(s));
        inTx = false;
        await endTx(sh, watch, "COMMIT");
      } else if (runnable.length === stmts.statements.length && runnable.length === 1) {
        await watched(sh, watch, phase.sql, `phase ${i + 1} (${phase.name})`);
      } else {
        for (const s of runnable) await watched(sh, watch, s.text, label(s));
      }
    } catch (err) {
      if (inTx) await endTx(sh, watch, "ROLLBACK").catch(() => {
      });
      return { phase: i + 1, message: errorText(err) };
    }
  }
  return void 0;
}
function engineName(sh) {
  const [kind, version] = sh.engine.split(" ");
  const names = { pglite: "PGlite", mysql: "MySQL", mariadb: "MariaDB" };
  const name = names[kind ?? ""] ?? "PostgreSQL";
  return `${name} ${version ?? sh.serverVersion}`;
}
var strings = (x) => Array.isArray(x) && x.every((s) => typeof s === "string");
var isStart = (m) => !!m && typeof m === "object" && strings(m.failures) && strings(m.seedProblems);
async function verifyPlan(plan, history, opts = {}) {
  const dialect = opts.dialect ?? await loadedShadowOf(dialectFor(plan.migration.dialect));
  await dialect.probes.load();
  const rows = opts.seedRows ?? DEFAULT_SEED_ROWS;
  const historyMigrations = history.map((m) => "migration" in m && "statements" in m ? m.migration : m);
  const historySources = historyMigrations.map((m) => m.source);
  const sources = [...historySources, plan.migration.source];
  const extensions = dialect.extensionsIn(sources);
  const original = opts.parsed ?? dialect.probes.parse(plan.migration);
  const v = {
    engine: "",
    schemaEqual: false,
    dataEqual: null,
    locksSafe: false,
    longestAccessExclusiveMs: 0,
    differences: [],
    nondeterministic: [],
    expected: [],
    originalViolations: [],
    originalLongestAccessExclusiveMs: 0,
    caveats: [],
    seedRows: rows,
    originalError: null,
    locks: []
  };
  const notRun = /* @__PURE__ */ new Set();
  const reproducible = !original.error && !!dialect.probes.reproducible?.(original.statements, historySources);
  const bound = opts.shadowTimeoutMs !== void 0 ? { timeoutMs: opts.shadowTimeoutMs } : {};
  const runs = [plan.migration.source, ...plan.phases.map((p) => p.sql)];
  const work = { fresh: shadowWork([...historySources, ...runs]), fromStart: shadowWork(runs) };
  const open = (state) => dialect.open(
    opts.shadowUrl ? { url: opts.shadowUrl, allowSuperuser: !!opts.allowSuperuserShadow, ...bound } : {
      extensions,
      ...bound,
      ...state ? { state } : {},
      work: state ? work.fromStart : work.fresh
    }
  );
  const states = provingStore(opts.shadowUrl ? void 0 : opts.cacheDir);
  v.cache = opts.cacheDir && !opts.shadowUrl ? "miss" : "off";
  const keyOf = (withRows) => cacheKey({
    engine: dialect.embeddedEngine?.() ?? "server",
    extensions,
    seedRows: withRows ? rows : 0,
    history: historyMigrations,
    seedPolicy: "proof"
  });
  const proofKey = opts.cacheDir && !opts.shadowUrl ? resultKey([keyOf(true), { ...plan, verified: void 0 }, opts.pgVersion ?? null, opts.shadowTimeoutMs ?? null]) : void 0;
  if (opts.cacheDir && proofKey) {
    const done = readResult(opts.cacheDir, "proof", proofKey);
    if (isVerdict(done)) return { ...done, cache: "proof" };
  }
  let first = true;
  const start = async (withRows) => {
    const key = keyOf(withRows);
    const found = opts.shadowUrl ? void 0 : states.get(key);
    const saved = found && isStart(found.meta) ? found : void 0;
    const isFirst = first;
    first = false;
    if (saved) {
      const sh2 = await open(saved.tar);
      if (sh2.boot === "cache") {
        if (isFirst && v.cache === "miss") v.cache = "hit";
        return { sh: sh2, ...saved.meta };
      }
      await sh2.close();
    }
    const sh = await open();
    try {
      const failures = await replay(sh, history);
      checkStopped(sh, "the history");
      const seedProblems = withRows ? await seed(sh, rows).catch((err) => (checkStopped(sh, "seeding"), Promise.reject(err))) : [];
      checkStopped(sh, "seeding");
      if (sh.saveState) states.put(key, await sh.saveState(), { failures, seedProblems });
      return { sh, failures, seedProblems };
    } catch (err) {
      await sh.close();
      throw err;
    }
  };
  const noteVersions = (sh) => {
    if (opts.pgVersion === void 0 || v.shadowVersion !== void 0) return;
    if (sh.serverVersion !== opts.pgVersion) {
      v.shadowVersion = sh.serverVersion;
      v.targetVersion = opts.pgVersion;
    }
  };
  const runOrig = async (withRows) => {
    const { sh, failures, seedProblems } = await start(withRows);
    try {
      noteVersions(sh);
      const watch = await sh.probes.watch(sh);
      const error = await runOriginal(sh, original, watch, notRun).catch((err) => {
        checkStopped(sh, "the original migration");
        throw err;
      });
      checkStopped(sh, "the original migration");
      return {
        error,
        failures,
        seedProblems,
        watch,
        engine: engineName(sh),
        schema: error ? void 0 : await sh.probes.snapshotSchema(sh),
        data: error ? void 0 : await sh.probes.snapshotData(sh)
      };
    } finally {
      await sh.close();
    }
  };
  const runPlanOn = async (withRows) => {
    const { sh, seedProblems } = await start(withRows);
    try {
      const watch = await sh.probes.watch(sh);
      const err = await runPlan(sh, plan, watch, notRun).catch((e) => {
        checkStopped(sh, "the staged plan");
        throw e;
      });
      checkStopped(sh, "the staged plan");
      return {
        err,
        watch,
        seedProblems,
        schema: await sh.probes.snapshotSchema(sh),
        data: await sh.probes.snapshotData(sh)
      };
    } finally {
      await sh.close();
    }
  };
  let planOnRows;
  try {
    const a = await runOrig(true);
    v.engine = a.engine;
    if (a.failures.length)
      v.differences.push(`history: ${a.failures.length} statement(s) failed on the shadow, e.g. ${a.failures[0]}`);
    v.originalError = a.error;
    v.originalViolations = a.watch.violations;
    v.originalLongestAccessExclusiveMs = Math.max(0, ...a.watch.spans.map((s) => s.ms));
    let origSchema = a.schema;
    let origData = a.data;
    let skip = /* @__PURE__ */ new Set();
    planOnRows = runPlanOn(true);
    planOnRows.catch(() => {
    });
    if (a.error) {
      const empty = await runOrig(false);
      origSchema = empty.schema;
      origData = void 0;
      if (empty.error)
        throw new Error(`the original migration fails on the shadow even with empty tables: ${empty.error}`);
    } else if (!reproducible) {
      const b = await runOrig(true);
      if (b.error) throw new Error(`the original migration failed on its second run: ${b.error}`);
      skip = volatileColumns(a.data, b.data);
      v.nondeterministic = [...skip].sort();
    }
    let run = await planOnRows;
    if (a.error && run.err && !plan.phases[run.err.phase - 1]?.todo) {
      const empty = await runPlanOn(false);
      if (!empty.err) {
        run = empty;
        v.emptyTables = true;
      }
    }
    if (run.err) v.planError = run.err;
    for (const n of notRun)
      v.caveats.push(`not run on the shadow, because it reaches outside the throwaway database: ${n}`);
    plan.phases.forEach((p, i) => {
      if (p.commands?.length)
        v.caveats.push(
          `phase ${i + 1} (${p.name}) was applied as its plain ALTER, the end state of its ${p.commands.map((c) => c.tool).join(" / ")} run: the tool's own copy and cut-over were not run here`
        );
    });
    v.locks = run.watch.spans;
    v.longestAccessExclusiveMs = Math.max(0, ...run.watch.spans.map((s) => s.ms));
    v.locksSafe = !run.watch.violations.length;
    if (run.watch.quietClaim) v.quietClaim = run.watch.quietClaim;
    if (!run.watch.scansVisible)
      v.caveats.push(
        `table scans were not observable (${run.watch.scansHiddenWhy ?? "track_counts is off and the shadow role may not turn it on"}): only rewrites were checked`
      );
    v.differences.push(...run.watch.violations.map((x) => `locks: ${x}`));
    const planSchema = run.schema;
    const planData = run.data;
    const seedProblems = v.emptyTables ? [] : run.seedProblems;
    if (seedProblems.length) v.differences.push(`seed: could not fill ${seedProblems.join("; ")}`);
    if (v.planError) {
      v.differences.unshift(`phase ${v.planError.phase} failed: ${v.planError.message}`);
      v.locksSafe = false;
      return v;
    }
    const schemaDiffs = diffSchemas(origSchema, planSchema);
    const unexpected = schemaDiffs.filter((d) => !plan.expectedDifferences.some((e) => e.keys.includes(d.key)));
    for (const e of plan.expectedDifferences)
      if (schemaDiffs.some((d) => e.keys.includes(d.key))) v.expected.push(e.why);
    v.schemaEqual = unexpected.length === 0;
    v.differences.push(...unexpected.map((d) => `schema ${d.text}`));
    if (origData) {
      const dataDiffs = compareData(origData, planData, skip);
      v.dataEqual = dataDiffs.length === 0;
      v.differences.push(...dataDiffs);
    }
    if (opts.cacheDir && proofKey) writeResult(opts.cacheDir, "proof", proofKey, v);
    return v;
  } catch (err) {
    await planOnRows?.catch(() => {
    });
    v.error = errorText(err);
    return v;
  } finally {
    await states.saved();
  }
}
function isVerdict(x) {
  const v = x;
  return typeof v === "object" && v !== null && typeof v.engine === "string" && typeof v.schemaEqual === "boolean" && (v.dataEqual === null || typeof v.dataEqual === "boolean") && typeof v.locksSafe === "boolean" && typeof v.longestAccessExclusiveMs === "number" && typeof v.originalLongestAccessExclusiveMs === "number" && typeof v.seedRows === "number" && (v.originalError === null || typeof v.originalError === "string") && v.error === void 0 && [v.differences, v.nondeterministic, v.expected, v.originalViolations, v.caveats].every(strings) && Array.isArray(v.locks);
}
function isProven(v) {
  return !!v && !v.error && !v.planError && v.schemaEqual && v.dataEqual !== false && v.locksSafe;
}

export {
  DEFAULT_SEED_ROWS,
  replay,
  seed,
  verifyPlan,
  isProven
};
