import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  ESTIMATE_DEFAULTS
} from "./chunk-DC3IJ7CW.js";
import {
  LintEngine,
  Tally,
  summarize
} from "./chunk-ERQZGLCT.js";
import {
  confirmFindings,
  stopFindings
} from "./chunk-LI67BYTM.js";
import {
  DEFAULT_DIALECT,
  dialectFor,
  dialectOf,
  loadedShadowOf
} from "./chunk-66RDFW5F.js";
import {
  shadowWork
} from "./chunk-SYUIUCCK.js";
import {
  ruleSettings
} from "./chunk-3SZW23GX.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import {
  compileAt
} from "./chunk-WHSIOZEN.js";
import {
  reportHeader
} from "./chunk-76XLLUF5.js";
import {
  codeIdentity
} from "./chunk-F2TVXXTQ.js";
import {
  lintCacheDir,
  pruneOldest,
  tempName,
  touchUsed,
  writeFileAtomic
} from "./chunk-F3IQVTJL.js";
import {
  __commonJS
} from "./chunk-XJGXLKRM.js";

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string = "" + input, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors();
    module.exports.createColors = createColors;
  }
});

// src/pipeline/history-cache.ts
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
var FORMAT = 1;
var KEEP = 32;
function fileKeys(migrations, after = "") {
  const keys = [];
  let last = after;
  for (const m of migrations) {
    const meta = JSON.stringify({ ...m, source: void 0 });
    last = createHash("sha256").update(`${last.length}:${last}${meta.length}:${meta}${m.source.length}:`).update(m.source).digest("base64");
    keys.push(last);
  }
  return keys;
}
function historyKey(dialect, version, history, build = codeIdentity(), last = fileKeys(history).at(-1) ?? "") {
  return createHash("sha256").update(`zerodown-catalog ${FORMAT}\0${build}\0${dialect.id}\0${version}\0${last}`).digest("hex");
}
function historyCacheDir(cwd, env = process.env) {
  return lintCacheDir(cwd, "catalog", env);
}
function loadHistory(dir, key, dialect) {
  if (!dialect.catalogData) return void 0;
  try {
    const file = path.join(dir, `${key}.bin`);
    const catalog = dialect.catalogData.load(deserialize(readFileSync(file)));
    touchUsed(file);
    return catalog;
  } catch {
    return void 0;
  }
}
function saveHistory(dir, key, dialect, catalog) {
  if (!dialect.catalogData) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, `${key}.bin`), serialize(dialect.catalogData.save(catalog)));
    pruneOldest(dir, ".bin", KEEP);
  } catch {
  }
}

// src/pipeline/findings-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { closeSync, mkdirSync as mkdirSync2, openSync, readFileSync as readFileSync2, renameSync, rmSync, writeSync } from "node:fs";
import path2 from "node:path";
var FORMAT2 = 2;
var KEEP_FILES = 8;
var SHARDS = 32;
var KEEP_ENTRIES = 2e4;
var KEEP_PER_SHARD = Math.ceil(KEEP_ENTRIES / SHARDS);
var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function shardOf(key) {
  return Math.max(0, BASE64.indexOf(key[0] ?? "A")) % SHARDS;
}
var shardFile = (scope, shard) => path2.join(scope, `${String(shard).padStart(2, "0")}.json`);
function findingsFile(dir, dialect, options, build = codeIdentity()) {
  const settings = JSON.stringify([
    dialect.id,
    options.pgVersion ?? dialect.defaultVersion,
    !!options.assumeInTransaction,
    sorted(options.rules ?? {}),
    sorted(options.ruleOptions ?? {}),
    // pieced parsing gives the same findings, but a cache must not be the thing that hides it if not
    process.env.ZERODOWN_PARSE_PIECE_CHARS ?? ""
  ]);
  const scope = createHash2("sha256").update(`zerodown-findings ${FORMAT2}\0${build}\0${settings}`).digest("hex");
  return path2.join(dir, `${scope}.findings`);
}
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const k of Object.keys(value).sort()) out[k] = sorted(value[k]);
  return out;
}
function loadFindings(scope, keys) {
  const entries = /* @__PURE__ */ new Map();
  const shards = keys ? new Set([...keys].map(shardOf)) : Array.from({ length: SHARDS }, (_, i) => i);
  for (const shard of shards) {
    try {
      const data = JSON.parse(readFileSync2(shardFile(scope, shard), "latin1"));
      if (data?.format !== FORMAT2 || !Array.isArray(data.entries)) continue;
      for (const x of data.entries) {
        if (!Array.isArray(x) || typeof x[0] !== "string") continue;
        const e = x[1];
        if (typeof e?.n === "number" && Array.isArray(e.s) && Array.isArray(e.f)) entries.set(x[0], e);
      }
    } catch {
    }
  }
  return entries;
}
function findingsWriter(scope, earlier, fresh) {
  const files = /* @__PURE__ */ new Map();
  const room = /* @__PURE__ */ new Map();
  for (const key of fresh) {
    const shard = shardOf(key);
    if (!files.has(shard)) files.set(shard, shardWriter(shardFile(scope, shard)));
    room.set(shard, (room.get(shard) ?? KEEP_PER_SHARD) - 1);
  }
  const old = /* @__PURE__ */ new Map();
  for (const [k, e] of earlier) {
    const shard = shardOf(k);
    if (files.has(shard) && !fresh.has(k)) (old.get(shard) ?? old.set(shard, []).get(shard)).push([k, e]);
  }
  for (const [shard, kept] of old) {
    const out = files.get(shard);
    const n = Math.max(0, room.get(shard));
    for (const [k, e] of kept.slice(kept.length - n)) out.entry(k, e);
  }
  const abort = () => {
    for (const out of files.values()) out.abort();
  };
  return {
    add: (key, e) => files.get(shardOf(key))?.entry(key, e),
    abort,
    finish() {
      let done = false;
      for (const out of files.values()) done = out.finish() || done;
      if (done) {
        prune(path2.dirname(scope), ".findings");
        prune(path2.dirname(scope), ".json", 0);
      }
    }
  };
}
function shardWriter(file) {
  const out = partialFile(file);
  let pending = "";
  let first = true;
  const flush = () => {
    out.write(Buffer.from(pending, "latin1"));
    pending = "";
  };
  const put = (text) => {
    if (!out.ok) return;
    pending += text;
    if (pending.length >= 1 << 16) flush();
  };
  put(`{"format":${FORMAT2},"entries":[`);
  return {
    entry(key, e) {
      put(`${first ? "" : ","}${ascii(JSON.stringify([key, e]))}`);
      first = false;
    },
    abort: out.abort,
    finish() {
      if (!out.ok) return false;
      pending += "]}";
      flush();
      return out.commit();
    }
  };
}
function prune(dir, ext, keep = KEEP_FILES) {
  try {
    pruneOldest(dir, ext, keep);
  } catch {
  }
}
function partialFile(target) {
  const tmp = tempName(target);
  let fd;
  const abort = () => {
    try {
      if (fd !== void 0) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
    }
    fd = void 0;
  };
  try {
    mkdirSync2(path2.dirname(target), { recursive: true });
    fd = openSync(tmp, "w");
  } catch {
    abort();
  }
  return {
    get ok() {
      return fd !== void 0;
    },
    write(bytes, at) {
      if (fd === void 0) return;
      try {
        for (let done = 0; done < bytes.length; )
          done += writeSync(fd, bytes, done, bytes.length - done, at === void 0 ? null : at + done);
      } catch {
        abort();
      }
    },
    commit() {
      if (fd === void 0) return false;
      try {
        closeSync(fd);
        fd = void 0;
        renameSync(tmp, target);
        return true;
      } catch {
        abort();
        return false;
      }
    },
    abort
  };
}
function ascii(json) {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function toEntry(r) {
  const source = r.migration.source;
  const s = [];
  for (const st of r.statements) {
    if (!st) continue;
    const { index, kind, span, ignoreAll } = st;
    const text = source.slice(span.offset, span.endOffset) === st.text ? void 0 : st.text;
    s.push({ index, kind, span, ignoreAll, ignored: [...st.ignored], ...text === void 0 ? {} : { text } });
  }
  const f = [];
  for (const { path: where, ...rest } of r.findings) {
    if (where !== r.migration.path) return void 0;
    f.push(rest);
  }
  const n = r.statements.length;
  return r.unanalysed === void 0 ? { n, s, f } : { n, s, f, u: r.unanalysed };
}
function fromEntry(m, e) {
  const statements = new Array(e.n);
  for (const st of e.s) {
    statements[st.index] = {
      index: st.index,
      kind: st.kind,
      ast: void 0,
      text: st.text ?? m.source.slice(st.span.offset, st.span.endOffset),
      span: st.span,
      ignored: new Set(st.ignored),
      ignoreAll: st.ignoreAll
    };
  }
  const findings = e.f.map(({ rule, severity, message, help, ...rest }) => ({
    rule,
    severity,
    message,
    help,
    path: m.path,
    ...rest
  }));
  return e.u === void 0 ? { migration: m, statements, findings } : { migration: m, statements, findings, unanalysed: e.u };
}
function reportKey(file, keys, parts) {
  return createHash2("sha256").update(JSON.stringify([path2.basename(file), keys.length, keys.at(-1) ?? "", ...parts])).digest("hex");
}
function saveReport(dir, key, code, report) {
  const out = reportWriter(dir, key);
  out.write(report);
  out.finish(code);
}
function reportWriter(dir, key) {
  const out = partialFile(path2.join(dir, `${key}.out`));
  let length = 0;
  out.write(reportHeader(0, 0));
  return {
    write(part) {
      if (!out.ok || !part) return;
      const bytes = Buffer.from(part, "utf8");
      out.write(bytes);
      length += bytes.length;
    },
    abort: out.abort,
    finish(code) {
      if (!out.ok) return;
      out.write(reportHeader(code, length), 0);
      if (out.commit()) prune(dir, ".out");
    }
  };
}

// src/pipeline/settings.ts
function targetText(settings) {
  const d = settings.dialect;
  return `${d.name} ${d.versionText ? d.versionText(settings.pgVersion) : String(settings.pgVersion)}`;
}
var EXAMPLES = { mysql: "5.7, 8.0.35 or 8.4", mariadb: "10.6, 10.11 or 11.4" };
function resolveSettings(given, config) {
  const source = given.dialect ? { from: "given" } : config.dialect ? { from: "config" } : given.detected ? { from: "detected", reason: given.detected.reason } : { from: "default" };
  const dialect = dialectFor(given.dialect ?? config.dialect ?? given.detected?.dialect ?? DEFAULT_DIALECT);
  return {
    dialect,
    dialectSource: source,
    pgVersion: targetVersion(dialect, given, config),
    assumeInTransaction: !!(given.assumeInTransaction ?? config.assumeInTransaction),
    failOn: given.failOn ?? config.failOn ?? "error",
    ...ruleSettings(config),
    plan: config.plan ?? {},
    estimates: { ...ESTIMATE_DEFAULTS, ...config.estimates }
  };
}
function targetVersion(dialect, given, config) {
  const mysqlLike = !!dialect.parseVersion;
  if (!mysqlLike) {
    if (given.mysqlVersion !== void 0)
      throw new UsageError(`--mysql-version is for --dialect mysql or mariadb; for ${dialect.name} use --pg-version`);
    if (config.mysqlVersion !== void 0)
      throw new UsageError(
        `the config's "mysqlVersion" is for dialect mysql or mariadb; for ${dialect.name} use "pgVersion"`
      );
    return given.pgVersion ?? config.pgVersion ?? dialect.defaultVersion;
  }
  if (given.pgVersion !== void 0)
    throw new UsageError(
      `--pg-version is for PostgreSQL; for ${dialect.name} use --mysql-version (e.g. ${EXAMPLES[dialect.id] ?? "8.0.35"})`
    );
  if (config.pgVersion !== void 0)
    throw new UsageError(
      `the config's "pgVersion" is for PostgreSQL; for ${dialect.name} use "mysqlVersion" (e.g. ${EXAMPLES[dialect.id] ?? "8.0.35"})`
    );
  const read = (text, what) => {
    const v = dialect.parseVersion(text);
    if (v === void 0)
      throw new UsageError(
        `${what} must be a ${dialect.name} version such as ${EXAMPLES[dialect.id] ?? "8.0.35"} (got "${text}")`
      );
    return v;
  };
  if (given.mysqlVersion !== void 0) return read(given.mysqlVersion, "--mysql-version");
  if (config.mysqlVersion !== void 0) return read(String(config.mysqlVersion), `the config's "mysqlVersion"`);
  return dialect.defaultVersion;
}
function discoveryOptions(given, config, settings, cwd) {
  return {
    cwd,
    framework: given.framework ?? config.framework,
    dialect: settings.dialect.id,
    history: given.history !== false,
    pgVersion: settings.pgVersion
  };
}

// src/pipeline/index.ts
async function lintStage(migrations, options = {}) {
  const { dialect: id, keepParsed, plan, historyCache, findingsCache, findingsKeys, onFile, ...lintOptions } = options;
  const files = [];
  const tally = onFile ? new Tally() : void 0;
  const take = (r) => {
    if (!onFile) {
      files.push(r);
      return;
    }
    tally.add(r);
    onFile(r);
  };
  const summary = () => tally ? tally.summary() : summarize(files);
  const dialect = migrations.length ? dialectOf(migrations) : dialectFor(id);
  const alone = !plan && !keepParsed && !lintOptions.observer && !lintOptions.ruleSet;
  const keys = alone && (findingsCache || historyCache) ? findingsKeys?.length === migrations.length ? findingsKeys : fileKeys(migrations) : void 0;
  const saved = findingsCache && keys ? savedFindings(migrations, dialect, lintOptions, findingsCache, keys) : void 0;
  if (saved && saved.lastMiss < 0) {
    for (const [i, m] of migrations.entries()) if (m.review) take(fromEntry(m, saved.earlier.get(saved.keys[i])));
    if (migrations.length) lintOptions.onProgress?.(migrations.length, migrations.length, migrations.at(-1));
    return { result: { files, summary: summary() } };
  }
  await dialect.load();
  const planner = plan ? await plannerOf(dialect, plan) : void 0;
  const cache = historyCache && alone && dialect.catalogData ? historyPrefix(migrations, dialect, lintOptions.pgVersion ?? dialect.defaultVersion, historyCache, keys) : void 0;
  const engine = new LintEngine(dialect, {
    ...lintOptions,
    ...planner?.observer ? { observer: planner.observer } : {},
    ...cache?.catalog ? { replayed: cache.catalog } : {}
  });
  const kept = [];
  let done = 0;
  if (cache?.catalog) {
    done = cache.length;
    lintOptions.onProgress?.(done, migrations.length, migrations[done - 1]);
  }
  const writer = saved && findingsWriter(saved.file, saved.earlier, new Set(saved.keys.filter((_, i) => migrations[i].review)));
  try {
    walk();
  } catch (err) {
    writer?.abort();
    throw err;
  }
  function walk() {
    for (let i = cache?.catalog ? cache.length : 0; i < migrations.length; i++) {
      const m = migrations[i];
      if (cache && !cache.catalog && done === cache.length)
        saveHistory(historyCache, cache.key, dialect, engine.catalog);
      if (saved && i > saved.lastMiss) {
        if (m.review) {
          const entry = saved.earlier.get(saved.keys[i]);
          writer?.add(saved.keys[i], entry);
          take(fromEntry(m, entry));
        }
        continue;
      }
      const parsed = dialect.parse(m);
      if (keepParsed) kept.push(parsed);
      const result2 = engine.processFile(parsed);
      if (m.review) {
        const r = keepParsed ? result2 : findingsOnly(result2);
        const entry = saved && toEntry(r);
        if (entry) writer?.add(saved.keys[i], entry);
        take(r);
      }
      lintOptions.onProgress?.(++done, migrations.length, m);
    }
    if (saved) {
      lintOptions.onProgress?.(migrations.length, migrations.length, migrations.at(-1));
      writer?.finish();
    }
  }
  const result = { files, summary: summary() };
  return {
    result,
    ...keepParsed ? { parsed: { dialect, files: kept } } : {},
    ...planner ? { plan: planner.result(migrations) } : {}
  };
}
async function plannerOf(dialect, plan) {
  await dialect.loadParts?.();
  return (await import("./planner-Y6UC3NDF.js")).plannerFor(dialect, plan);
}
function savedFindings(migrations, dialect, options, dir, keys) {
  const file = findingsFile(dir, dialect, options);
  const earlier = loadFindings(
    file,
    keys.filter((_, i) => migrations[i].review)
  );
  let lastMiss = -1;
  for (let i = migrations.length - 1; i >= 0; i--) {
    if (migrations[i].review && !earlier.has(keys[i])) {
      lastMiss = i;
      break;
    }
  }
  return { file, keys, earlier, lastMiss };
}
function historyPrefix(migrations, dialect, version, dir, keys) {
  const first = migrations.findIndex((m) => m.review);
  if (first <= 0) return void 0;
  const key = historyKey(dialect, version, migrations.slice(0, first), void 0, keys?.[first - 1]);
  const catalog = loadHistory(dir, key, dialect);
  return { length: first, key, ...catalog ? { catalog } : {} };
}
function findingsOnly(r) {
  const kept = new Array(r.statements.length);
  for (const f of r.findings) {
    const s = f.statementIndex >= 0 ? r.statements[f.statementIndex] : void 0;
    if (s) kept[f.statementIndex] = s;
  }
  return { ...r, statements: kept };
}
function lintOptionsOf(settings) {
  return {
    pgVersion: settings.pgVersion,
    assumeInTransaction: settings.assumeInTransaction,
    rules: settings.rules,
    ruleOptions: settings.ruleOptions
  };
}
function planSettingsOf(settings) {
  const plan = settings.plan;
  return {
    pgVersion: settings.pgVersion,
    ...plan.lockTimeout ? { lockTimeout: plan.lockTimeout } : {},
    ...plan.statementTimeout ? { statementTimeout: plan.statementTimeout } : {},
    ...plan.batchSize ? { batchSize: plan.batchSize } : {},
    ...plan.backfill ? { backfill: plan.backfill } : {},
    ...settings.assumeInTransaction ? { assumeInTransaction: true } : {}
  };
}
async function planStage(migrations, lint, settings) {
  if (lint.plan) return lint.plan;
  const again = await lintStage(migrations, { ...lintOptionsOf(settings), plan: planSettingsOf(settings) });
  return again.plan;
}
function parsedFor(migrations, parsed) {
  if (!parsed) return [...migrations];
  const byMigration = new Map(parsed.files.map((p) => [p.migration, p]));
  return migrations.map((m) => byMigration.get(m) ?? m);
}
function loadParserBaseline(dialect) {
  return compileAt("baseline", () => dialect.load());
}
async function prepareEmbeddedShadow(settings, shadowUrl, migrations, timed = false, startEngine = false) {
  if (shadowUrl) return;
  const shadow = await loadedShadowOf(settings.dialect);
  shadow.prepareEmbedded?.(
    shadowWork(
      migrations.map((m) => m.source),
      timed
    )
  );
  if (startEngine) shadow.startEmbedded?.();
}
async function proveStage(plan, migrations, settings, options, parsed) {
  const at = migrations.indexOf(plan.migration);
  const files = parsedFor(migrations.slice(0, at + 1), parsed);
  const original = files[at];
  const { verifyPlan } = await import("./verify-GPPCCMA5.js");
  return verifyPlan(plan, files.slice(0, at), {
    ...options,
    pgVersion: settings.pgVersion,
    dialect: await loadedShadowOf(settings.dialect),
    ...original && "statements" in original ? { parsed: original } : {}
  });
}
async function dryRunStage(migrations, settings, options, parsed) {
  const { dryRun } = await import("./dryrun-J6MEMBXL.js");
  return dryRun(parsedFor(migrations, parsed), {
    ...options,
    pgVersion: settings.pgVersion,
    dialect: await loadedShadowOf(settings.dialect)
  });
}
function addDryRunFacts(result, d) {
  confirmFindings(result, d);
  stopFindings(result, d);
  for (const s of d.statements) {
    if (!s.error || s.kind === "syntax-error" || s.timedOut) continue;
    const file = result.files.find((f2) => f2.migration.path === s.path);
    if (!file) continue;
    const e = s.error;
    const f = {
      rule: "dry-run-error",
      severity: "error",
      message: `This statement fails on the shadow database (${d.engine}): ${e.code} ${e.message}. The migration would stop here in production too, leaving the file half applied unless the tool runs it in a transaction.`,
      help: e.hint ?? (e.limit ? `Engine limit: ${e.limit}.` : e.consequenceOf ? `Probably follows from ${e.consequenceOf}.` : "Fix the statement, or the data or schema it assumes, and run `zerodown dry-run` again."),
      path: s.path,
      line: e.line,
      column: e.column,
      endLine: Math.max(e.line, s.endLine),
      endColumn: 1,
      statementIndex: s.index,
      data: { code: e.code, engine: d.engine }
    };
    file.findings.push(f);
    file.findings.sort((a, b) => a.line - b.line || a.column - b.column);
    result.summary.errors++;
  }
}

export {
  require_picocolors,
  fileKeys,
  historyCacheDir,
  findingsFile,
  reportKey,
  saveReport,
  reportWriter,
  targetText,
  resolveSettings,
  discoveryOptions,
  lintStage,
  lintOptionsOf,
  planSettingsOf,
  planStage,
  loadParserBaseline,
  prepareEmbeddedShadow,
  proveStage,
  dryRunStage,
  addDryRunFacts
};
