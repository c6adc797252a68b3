import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  ruleSettings
} from "./chunk-JOCFZTYV.js";
import {
  ESTIMATE_DEFAULTS,
  LintEngine,
  Tally,
  confirmFindings,
  stopFindings,
  summarize
} from "./chunk-J6Y6JU6E.js";
import {
  DEFAULT_DIALECT,
  MISSING_OBJECT,
  dialectFor,
  dialectOf,
  execBatch,
  notRun,
  runTraced,
  shadowOf,
  shorten
} from "./chunk-COP2C6JO.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import {
  codeIdentity,
  reportHeader
} from "./chunk-STO6XFQI.js";
import {
  inflateOptions,
  isZstd
} from "./chunk-GN46SLEG.js";
import {
  lintCacheDir,
  newestEntries,
  projectCacheDir,
  pruneOldest,
  tempName,
  touchUsed,
  writeFileAtomic
} from "./chunk-F3IQVTJL.js";
import {
  disablesAssumeInTransaction
} from "./chunk-U5IAEDA2.js";
import {
  isShadowStop,
  shadowWork,
  toSqlError
} from "./chunk-SYUIUCCK.js";
import {
  compileAt
} from "./chunk-WHSIOZEN.js";
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

// src/shadow/cache.ts
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
var FORMAT = 2;
var KEEP = 8;
function cacheKey(input) {
  const h = createHash("sha256");
  h.update(
    JSON.stringify([
      FORMAT,
      // another build of zerodown may replay, seed, trace or prove differently: its states and results are not this one's
      codeIdentity(),
      input.engine,
      input.extensions,
      input.seedRows,
      input.schema ? sha(input.schema) : null,
      ...input.seedPolicy ? [input.seedPolicy] : [],
      ...input.seedScope ? [input.seedScope] : []
    ])
  );
  for (const m of input.history) {
    h.update(JSON.stringify([m.path, m.framework, m.transaction, m.segments ?? null, sha(m.source)]));
  }
  return h.digest("hex").slice(0, 32);
}
function sha(s) {
  return createHash("sha256").update(s).digest("hex");
}
function defaultCacheDir(cwd, env = process.env) {
  if (env.ZERODOWN_CACHE_DIR) return path.resolve(cwd, env.ZERODOWN_CACHE_DIR);
  return projectCacheDir(cwd, "shadow");
}
var loaded;
var zlib = () => loaded ??= createRequire(import.meta.url)("node:zlib");
var zstdLevel = () => {
  const param = zlib().constants.ZSTD_c_compressionLevel;
  return param === void 0 ? {} : { params: { [param]: 3 } };
};
function pack(tar) {
  const z = zlib();
  return z.zstdCompressSync ? z.zstdCompressSync(tar, zstdLevel()) : z.gzipSync(tar, { level: 1 });
}
function packAsync(tar) {
  const z = zlib();
  return new Promise((resolve, reject) => {
    const done = (err, out) => err ? reject(err) : resolve(out);
    if (z.zstdCompress) z.zstdCompress(tar, zstdLevel(), done);
    else z.gzip(tar, { level: 1 }, done);
  });
}
function unpack(data) {
  const z = zlib();
  if (!isZstd(data)) return z.gunzipSync(data, inflateOptions(data));
  if (!z.zstdDecompressSync) throw new Error("zstd state on a Node without zstd");
  return z.zstdDecompressSync(data, inflateOptions(data));
}
function findCache(dir, key) {
  const state = path.join(dir, `${key}.state`);
  const json = path.join(dir, `${key}.json`);
  if (!existsSync(state) || !existsSync(json)) return void 0;
  let meta;
  try {
    meta = JSON.parse(readFileSync(json, "utf8"));
  } catch {
    return void 0;
  }
  const unpackState = () => {
    try {
      const tar = unpack(readFileSync(state));
      if (tar.length < 512 || tar.toString("latin1", 257, 262) !== "ustar") return void 0;
      touchUsed(state);
      return tar;
    } catch {
      return void 0;
    }
  };
  return { meta, unpack: unpackState };
}
function readCache(dir, key) {
  const found = findCache(dir, key);
  const tar = found?.unpack();
  return found && tar ? { tar, meta: found.meta } : void 0;
}
function writeCache(dir, key, tar, meta) {
  try {
    store(dir, key, pack(tar), meta);
  } catch {
  }
}
function store(dir, key, packed, meta) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(meta));
  writeFileAtomic(path.join(dir, `${key}.state`), packed);
  pruneOldest(dir, ".state", KEEP, (stem) => [`${stem}.json`]);
  pruneOldest(dir, ".tgz", 0, (stem) => [`${stem}.json`]);
}
async function writeCacheAsync(dir, key, tar, meta) {
  try {
    store(dir, key, await packAsync(tar), meta);
  } catch {
  }
}
var KEEP_RESULTS = 32;
function readResult(dir, kind, key) {
  try {
    const file = path.join(dir, `${key}.${kind}.json`);
    const value = JSON.parse(readFileSync(file, "utf8"));
    touchUsed(file);
    return value;
  } catch {
    return void 0;
  }
}
function writeResult(dir, kind, key, value) {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, `${key}.${kind}.json`), JSON.stringify(value));
    pruneOldest(dir, `.${kind}.json`, KEEP_RESULTS);
  } catch {
  }
}
function resultUsedSince(dir, kind, since) {
  try {
    return (newestEntries(dir, `.${kind}.json`)[0]?.t ?? -Infinity) >= since;
  } catch {
    return false;
  }
}
function resultKey(parts) {
  return sha(JSON.stringify(parts)).slice(0, 32);
}
function memoryStore() {
  const states = /* @__PURE__ */ new Map();
  return { get: (key) => states.get(key), put: (key, tar, meta) => void states.set(key, { tar, meta }) };
}
function provingStore(dir) {
  const memory = memoryStore();
  const writes = [];
  return {
    get(key) {
      const here = memory.get(key);
      if (here || !dir) return here;
      const found = readCache(dir, key);
      if (found) memory.put(key, found.tar, found.meta);
      return found;
    },
    put(key, tar, meta) {
      memory.put(key, tar, meta);
      if (dir) writes.push(writeCacheAsync(dir, key, tar, meta));
    },
    saved: async () => void await Promise.all(writes)
  };
}

// src/pipeline/history-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdirSync as mkdirSync2, readFileSync as readFileSync2 } from "node:fs";
import path2 from "node:path";
import { deserialize, serialize } from "node:v8";
var FORMAT2 = 1;
var KEEP2 = 32;
function fileKeys(migrations, after = "") {
  const keys = [];
  let last = after;
  for (const m of migrations) {
    const meta = JSON.stringify({ ...m, source: void 0 });
    last = createHash2("sha256").update(`${last.length}:${last}${meta.length}:${meta}${m.source.length}:`).update(m.source).digest("base64");
    keys.push(last);
  }
  return keys;
}
function historyKey(dialect, version, history, build = codeIdentity(), last = fileKeys(history).at(-1) ?? "") {
  return createHash2("sha256").update(`zerodown-catalog ${FORMAT2}\0${build}\0${dialect.id}\0${version}\0${last}`).digest("hex");
}
function historyCacheDir(cwd, env = process.env) {
  return lintCacheDir(cwd, "catalog", env);
}
function loadHistory(dir, key, dialect) {
  if (!dialect.catalogData) return void 0;
  try {
    const file = path2.join(dir, `${key}.bin`);
    const catalog = dialect.catalogData.load(deserialize(readFileSync2(file)));
    touchUsed(file);
    return catalog;
  } catch {
    return void 0;
  }
}
function saveHistory(dir, key, dialect, catalog) {
  if (!dialect.catalogData) return;
  try {
    mkdirSync2(dir, { recursive: true });
    writeFileAtomic(path2.join(dir, `${key}.bin`), serialize(dialect.catalogData.save(catalog)));
    pruneOldest(dir, ".bin", KEEP2);
  } catch {
  }
}

// src/pipeline/findings-cache.ts
import { createHash as createHash3 } from "node:crypto";
import { closeSync, mkdirSync as mkdirSync3, openSync, readFileSync as readFileSync3, renameSync, rmSync, writeSync } from "node:fs";
import path3 from "node:path";
var FORMAT3 = 2;
var KEEP_FILES = 8;
var SHARDS = 32;
var KEEP_ENTRIES = 2e4;
var KEEP_PER_SHARD = Math.ceil(KEEP_ENTRIES / SHARDS);
var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function shardOf(key) {
  return Math.max(0, BASE64.indexOf(key[0] ?? "A")) % SHARDS;
}
var shardFile = (scope, shard) => path3.join(scope, `${String(shard).padStart(2, "0")}.json`);
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
  const scope = createHash3("sha256").update(`zerodown-findings ${FORMAT3}\0${build}\0${settings}`).digest("hex");
  return path3.join(dir, `${scope}.findings`);
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
      const data = JSON.parse(readFileSync3(shardFile(scope, shard), "latin1"));
      if (data?.format !== FORMAT3 || !Array.isArray(data.entries)) continue;
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
        prune(path3.dirname(scope), ".findings");
        prune(path3.dirname(scope), ".json", 0);
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
  put(`{"format":${FORMAT3},"entries":[`);
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
    mkdirSync3(path3.dirname(target), { recursive: true });
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
  return createHash3("sha256").update(JSON.stringify([path3.basename(file), keys.length, keys.at(-1) ?? "", ...parts])).digest("hex");
}
function saveReport(dir, key, code, report) {
  const out = reportWriter(dir, key);
  out.write(report);
  out.finish(code);
}
function reportWriter(dir, key) {
  const out = partialFile(path3.join(dir, `${key}.out`));
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

// src/plan/types.ts
var PHASE_ORDER = ["expand", "backfill", "validate", "index", "contract"];
var DEFAULTS = {
  lockTimeout: "2s",
  statementTimeout: "15s",
  batchSize: 1e3
};

// src/plan/schedule.ts
var rankOf = (k) => PHASE_ORDER.indexOf(k);
function split(key) {
  const i = key.indexOf("#");
  return i < 0 ? [key, void 0] : [key.slice(0, i), key.slice(i + 1)];
}
function conflicts(a, b) {
  if (a.keys.includes("*") || b.keys.includes("*")) return true;
  if (a.weak && b.kind === "index") return false;
  for (const ka of a.keys) {
    const [ta, ca] = split(ka);
    for (const kb of b.keys) {
      const [tb, cb] = split(kb);
      if (ta === tb && (!ca || !cb || ca === cb)) return true;
    }
  }
  return false;
}
var slot = (round, rank) => round * PHASE_ORDER.length + rank;
function schedule(groups) {
  const placed = [];
  let order = 0;
  groups.forEach((steps, g) => {
    let prev;
    for (const step of steps) {
      const rank = rankOf(step.kind);
      let min = slot(0, rank);
      const need = (p2, strict) => {
        let round2 = p2.round;
        if (rank < p2.rank || strict && rank === p2.rank) round2++;
        min = Math.max(min, slot(round2, rank));
      };
      for (const p2 of placed) {
        if (p2.group === g) continue;
        if (conflicts(p2.step, step)) need(p2, !!step.deploy);
      }
      if (prev) need(prev, !!step.barrier || !!step.deploy);
      const round = Math.floor(min / PHASE_ORDER.length);
      const p = { step, group: g, order: order++, round, rank };
      placed.push(p);
      prev = p;
    }
  });
  placed.sort((a, b) => slot(a.round, a.rank) - slot(b.round, b.rank) || a.order - b.order);
  const phases = [];
  let current;
  let currentSlot = -1;
  for (const p of placed) {
    const s = slot(p.round, p.rank);
    const canJoin = current && currentSlot === s && current.transactional && p.step.transactional && (!p.step.deploy || !!current.deploy);
    if (canJoin) {
      current.steps.push(p.step);
      if (p.step.deploy && !current.deploy.split("; ").includes(p.step.deploy))
        current.deploy += `; ${p.step.deploy}`;
    } else {
      current = { kind: p.step.kind, transactional: p.step.transactional, steps: [p.step] };
      if (p.step.deploy) current.deploy = p.step.deploy;
      phases.push(current);
      currentSlot = s;
    }
  }
  return phases;
}

// src/plan/planner.ts
function phaseFrom(sp, planner, settings) {
  const reasons = [...new Set(sp.steps.map((s) => s.reason))];
  const steps = sp.steps.map((s) => s.sql);
  const sql = sp.transactional ? planner.transactionalSql(
    steps,
    settings,
    sp.steps.every((s) => s.timeout === "scan")
  ) : steps.join("\n");
  const phase = { name: sp.kind, transactional: sp.transactional, reason: reasons.join("; "), sql };
  if (sp.deploy) phase.deploy = sp.deploy;
  if (sp.steps.some((s) => s.todo)) phase.todo = true;
  const commands = sp.steps.flatMap((s) => s.commands ?? []);
  if (commands.length) phase.commands = commands;
  const preflight = sp.steps.flatMap((s) => s.preflight ?? []);
  if (preflight.length) phase.preflight = preflight;
  return phase;
}
function localEdit(stmt, groups, recorded, findings, answered) {
  const steps = schedule(groups).flatMap((p) => p.steps);
  if (!steps.length || !recorded.length || steps.some((s) => !s.local)) return void 0;
  return {
    statementIndex: stmt.index,
    line: stmt.span.line,
    rules: [.../* @__PURE__ */ new Set([...recorded.map((r) => r.rule), ...findings.filter(answered).map((f) => f.rule)])],
    sql: steps.map((s) => s.local).join("\n")
  };
}
var Planner = class {
  /**
   * `options.findings`: the findings the plan answers; without them, the findings the lint engine
   * it walks with reports (the pipeline's case: one walk for lint and plan).
   */
  constructor(planner, defaultVersion, options) {
    this.planner = planner;
    this.options = options;
    this.settings = {
      version: options.pgVersion ?? defaultVersion,
      lockTimeout: options.lockTimeout ?? DEFAULTS.lockTimeout,
      statementTimeout: options.statementTimeout ?? DEFAULTS.statementTimeout,
      batchSize: options.batchSize ?? DEFAULTS.batchSize,
      backfill: options.backfill ?? {}
    };
  }
  planner;
  options;
  settings;
  result = { plans: [], unchanged: [], unhandled: [], failed: [] };
  run;
  open;
  attach(catalog) {
    this.run = this.planner.start(this.settings, catalog);
  }
  fileStart(parsed) {
    const m = parsed.migration;
    if (!m.review) return;
    if (parsed.error) {
      this.result.failed.push({
        path: m.path,
        message: parsed.badBytes?.includes(parsed.error) ? `not planned: ${parsed.error.message} (line ${parsed.error.line}, column ${parsed.error.column})` : `cannot parse: ${parsed.error.message} at line ${parsed.error.line}`
      });
      return;
    }
    const byStatement = /* @__PURE__ */ new Map();
    for (const f of this.options.findings ?? []) {
      if (f.path !== m.path) continue;
      const list = byStatement.get(f.statementIndex);
      if (list) list.push(f);
      else byStatement.set(f.statementIndex, [f]);
    }
    const flagged = (stmt) => byStatement.get(stmt.index) ?? [];
    this.open = {
      parsed,
      byStatement,
      groups: [],
      keptBefore: [],
      rewritten: /* @__PURE__ */ new Set(),
      edits: [],
      hadTransaction: m.transaction === "wrapped" || !!this.options.assumeInTransaction && !disablesAssumeInTransaction(m.source),
      file: this.run.file(parsed, {
        flaggedBy: (stmt) => new Set(flagged(stmt).map((f) => f.rule)),
        allowed: (stmt, rule) => !parsed.ignoreFile && !parsed.ignoreFileRules.has(rule) && !stmt.ignoreAll && !stmt.ignored.has(rule)
      })
    };
  }
  statement(parsed, stmt, reported) {
    const o = this.open;
    if (!o || o.parsed !== parsed) {
      this.run.seen(stmt, parsed.migration.absPath);
      return;
    }
    if (o.failed) return;
    try {
      const { file } = o;
      if (!this.options.findings && reported.length) o.byStatement.set(stmt.index, [...reported]);
      if (file.transactionControl(stmt)) o.hadTransaction = true;
      if (!file.skip(stmt)) {
        const recorded = file.rewrites.length;
        const steps = this.stepsFor(file, stmt, o.byStatement.get(stmt.index) ?? []);
        if (steps.rewritten) {
          o.rewritten.add(stmt.index);
          const edit = localEdit(
            stmt,
            steps.groups,
            file.rewrites.slice(recorded),
            o.byStatement.get(stmt.index) ?? [],
            (f) => this.planner.answers.has(f.rule) && (file.answersOnRewrite?.(f.rule, f) ?? true)
          );
          if (edit) o.edits.push(edit);
        }
        if (!steps.rewritten && file.keepIsPure && !o.groups.length) o.keptBefore.push(stmt.index);
        else {
          this.heldKept(o);
          o.groups.push(...steps.groups);
        }
      }
      file.after(stmt);
    } catch (err) {
      o.failed = `internal error while planning: ${err.message}`;
    }
  }
  fileEnd(parsed, lint) {
    const o = this.open;
    if (!o || o.parsed !== parsed) return;
    this.open = void 0;
    const m = parsed.migration;
    if (o.failed) {
      this.result.failed.push({ path: m.path, message: o.failed });
      return;
    }
    try {
      const given = this.options.findings;
      const findings = given ? given.filter((f) => f.path === m.path) : lint.findings;
      const { plan, unhandled } = this.finish(o, findings);
      this.result.unhandled.push(...unhandled);
      if (plan) this.result.plans.push(plan);
      else if (!unhandled.length) this.result.unchanged.push(m.path);
    } catch (err) {
      this.result.failed.push({ path: m.path, message: `internal error while planning: ${err.message}` });
    }
  }
  /** Makes again the steps of the statements kept before the first one held (`OpenFile.keptBefore`). */
  heldKept(o) {
    if (!o.keptBefore.length) return;
    for (const i of o.keptBefore) {
      const stmt = o.parsed.statements[i];
      o.groups.push([this.kept(o.file, stmt, o.byStatement.get(i) ?? [])]);
    }
    o.keptBefore = [];
  }
  /** The statement kept as written, and why. */
  kept(file, stmt, open) {
    const kept = file.keep(stmt);
    if (open.length)
      kept.reason = `kept as written, NOT handled: ${[...new Set(open.map((f) => f.rule))].join(", ")} at line ${stmt.span.line}: do it by hand`;
    return kept;
  }
  /** The steps for one statement: the dialect's rewrite, or the statement kept as written (and why). */
  stepsFor(file, stmt, open) {
    let out;
    try {
      out = file.rewrite(stmt);
    } catch (err) {
      file.notes.push({
        level: "warning",
        line: stmt.span.line,
        message: `No automatic plan for this statement (${err.message}); it is kept as written.`
      });
      out = void 0;
    }
    if (out) return { groups: out, rewritten: true };
    return { groups: [[this.kept(file, stmt, open)]], rewritten: false };
  }
  /** Findings the plan does not answer: said plainly, counted, and they fail the run like lint's. */
  unhandled(parsed, file, findings, rewritten) {
    const out = [];
    for (const f of findings) {
      const answered = rewritten.has(f.statementIndex) && (file.answersOnRewrite?.(f.rule, f) ?? true);
      if (f.statementIndex >= 0 && (answered || file.consumed(f.statementIndex))) continue;
      const stmt = parsed.statements[f.statementIndex];
      if (file.rewrites.length && this.planner.phaseAnswers.has(f.rule) && stmt && !file.runsAlone(stmt)) continue;
      const why = this.planner.answers.has(f.rule) ? file.notes.find((n) => n.line === f.line && n.level === "warning")?.message : void 0;
      out.push({
        path: parsed.migration.path,
        line: f.line,
        rule: f.rule,
        severity: f.severity,
        message: shorten(f.message, 300),
        advice: shorten(why ?? f.help ?? "see the rule documentation", 400)
      });
    }
    return out;
  }
  /** The file's plan once all its statements are planned: phases, checked SQL, and what is not handled. */
  finish(o, findings) {
    const { parsed, file, groups, rewritten, hadTransaction } = o;
    const m = parsed.migration;
    const unhandled = this.unhandled(parsed, file, findings, rewritten);
    if (!file.rewrites.length) return { unhandled };
    this.heldKept(o);
    if (hadTransaction) {
      file.notes.push({
        level: "info",
        message: "The original runs as one transaction; the plan deliberately splits it into phases so that no lock outlives a step. If a phase fails, the earlier ones stay applied; each is safe to keep, and each can be run again."
      });
    }
    const phases = schedule(groups).map((sp) => phaseFrom(sp, this.planner, this.settings));
    phases.forEach((p, i) => {
      try {
        this.planner.checkPhase(p);
      } catch (err) {
        throw new Error(
          `generated SQL of phase ${i + 1} (${p.name}) does not parse: ${err.message}
${p.sql}`
        );
      }
    });
    return {
      plan: {
        path: m.path,
        migration: m,
        phases,
        rewrites: file.rewrites,
        notes: file.notes,
        expectedDifferences: file.expected,
        unhandled,
        ...o.edits.length ? { edits: o.edits } : {}
      },
      unhandled
    };
  }
};
function plannerFor(dialect, options = {}) {
  if (!dialect.plan) {
    return {
      result: (migrations = []) => ({
        plans: [],
        unchanged: [],
        unhandled: [],
        failed: migrations.filter((m) => m.review).map((m) => ({ path: m.path, message: `not planned: zerodown cannot plan ${dialect.name} migrations yet` }))
      })
    };
  }
  const observer = new Planner(dialect.plan, dialect.defaultVersion, options);
  return { observer, result: () => observer.result };
}

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

// src/shadow/replay.ts
var CHUNK_FILES = 40;
var CHUNK_STATEMENTS = 800;
async function replayHistory(shadow, migrations, onProgress, frameworks) {
  const probes = shadow.probes;
  await probes.load();
  await probes.toolTables(shadow, frameworks ?? migrations.map((m) => ("migration" in m ? m.migration : m).framework));
  const t0 = performance.now();
  const result = {
    files: migrations.length,
    statements: 0,
    failures: [],
    refused: [],
    limits: [],
    durationMs: 0
  };
  const parsed = migrations.map((m) => "statements" in m && "migration" in m ? m : probes.parse(m));
  const total = parsed.reduce((n, p) => n + p.statements.length, 0);
  const deferred = parsed.some((p) => /\bdeferr|\bset\s+constraints\b/i.test(p.migration.source));
  let done = 0;
  const runOne = async (p) => {
    const r = await runTraced(shadow, p, { trace: false });
    if (r.stopped) result.stopped = true;
    for (const s of r.statements) {
      if (!s.refused) continue;
      result.refused.push({
        path: s.path,
        line: s.line,
        statement: s.sql.split("\n")[0].slice(0, 120),
        why: s.refused
      });
    }
    if (r.error) {
      const e = r.error;
      const stmt = r.statements.find((x) => x.error === e);
      const f = {
        path: e.path,
        line: e.line,
        column: e.column,
        code: e.code,
        message: e.message,
        statement: (stmt?.sql ?? "").split("\n")[0].slice(0, 120)
      };
      if (e.timedOut) f.timedOut = true;
      if (e.limit) {
        f.limit = e.limit;
      } else if (MISSING_OBJECT.has(e.code)) {
        const missing = shadow.limits.filter((l) => l.id === "extension-unavailable");
        if (missing.length) f.consequenceOf = missing.map((l) => `extension "${l.subject}" unavailable`).join(", ");
        else if (e.consequenceOf) f.consequenceOf = e.consequenceOf;
      }
      result.failures.push(f);
    }
    onProgress?.(++done, parsed.length, p.migration.path);
  };
  let chunk = [];
  let size = 0;
  const flush = async () => {
    const files = chunk;
    chunk = [];
    size = 0;
    if (!files.length) return;
    if (files.length > 1) {
      try {
        await execBatch(
          shadow,
          files.flatMap((p) => p.statements.map((x) => x.text))
        );
        for (const p of files) onProgress?.(++done, parsed.length, p.migration.path);
        return;
      } catch (err) {
        if (isShadowStop(err)) {
          const first = files[0];
          const stmt = first.statements[0];
          const last = files.at(-1).migration.path;
          result.failures.push({
            path: first.migration.path,
            line: stmt.span.line,
            column: stmt.span.column,
            code: toSqlError(err).code,
            message: `files ${first.migration.path} to ${last} (replayed together in one transaction) ${err.message}`,
            statement: stmt.text.split("\n")[0].slice(0, 120),
            timedOut: true
          });
          result.stopped = true;
          return;
        }
        await shadow.exec("ROLLBACK").catch(() => {
        });
      }
    }
    for (const p of files) {
      if (result.stopped) return;
      await runOne(p);
    }
  };
  for (const p of parsed) {
    if (result.stopped) break;
    const batchable = !deferred && !p.error && p.statements.length > 0 && !p.statements.some((x) => probes.breaksBatch(x, shadow.serverVersion) || probes.refused(x, shadow.kind));
    if (!batchable) {
      const run = size + p.statements.length;
      await flush();
      if (!result.stopped) await runOne(p);
      if (!result.stopped) await shadow.settle?.(run);
      continue;
    }
    chunk.push(p);
    size += p.statements.length;
    if (chunk.length >= CHUNK_FILES || size >= CHUNK_STATEMENTS) {
      const run = size;
      await flush();
      if (!result.stopped) await shadow.settle?.(run);
    }
  }
  if (!result.stopped) await flush();
  if (result.stopped) result.notRun = parsed.length - done;
  result.statements = total;
  result.limits = [...shadow.limits];
  result.durationMs = Math.round(performance.now() - t0);
  return result;
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
function shorten2(text, max = 90) {
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
async function runOriginal(sh, m, watch, notRun2) {
  if (m.error) return `cannot parse: ${m.error.message}`;
  watch.setPhase(0);
  const r = await runTraced(sh, m, {
    trace: false,
    watch: { watch, label: (s) => `line ${s.span.line} (${shorten2(s.text, 60)})` }
  });
  for (const s of r.statements) if (s.refused) notRun2.add(`${m.migration.path}:${s.line}: ${s.refused}`);
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
async function runPlan(sh, plan, watch, notRun2) {
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
        if (refused) notRun2.add(`phase ${i + 1} (${phase.name}): ${refused}`);
        return !refused;
      });
      const label = (s) => `phase ${i + 1} (${phase.name}): ${shorten2(s.text, 60)}`;
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
  const dialect = opts.dialect ?? shadowOf(dialectFor(plan.migration.dialect));
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
  const notRun2 = /* @__PURE__ */ new Set();
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
      const error = await runOriginal(sh, original, watch, notRun2).catch((err) => {
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
      const err = await runPlan(sh, plan, watch, notRun2).catch((e) => {
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
    for (const n of notRun2)
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
  const dialect = opts.dialect ?? shadowOf(sqlDialect);
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
  const reportKey2 = cache.dir && cache.key ? resultKey([
    cache.key,
    parsedReview.map(({ migration: m }) => [m.path, m.framework, m.transaction, m.segments ?? null, m.source]),
    opts.timeoutMs ?? null,
    opts.pgVersion ?? null,
    !!opts.estimate
  ]) : void 0;
  if (cache.dir && reportKey2) {
    const done = readResult(cache.dir, "dryrun", reportKey2);
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
    if (cache.dir && reportKey2 && !stopped && !report.statements.some((x) => x.timedOut))
      writeResult(cache.dir, "dryrun", reportKey2, report);
    return report;
  } finally {
    await shadow.close();
  }
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
  const planner = plan ? plannerFor(dialect, plan) : void 0;
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
function prepareEmbeddedShadow(settings, shadowUrl, migrations, timed = false, startEngine = false) {
  if (shadowUrl) return;
  const shadow = shadowOf(settings.dialect);
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
  return verifyPlan(plan, files.slice(0, at), {
    ...options,
    pgVersion: settings.pgVersion,
    dialect: shadowOf(settings.dialect),
    ...original && "statements" in original ? { parsed: original } : {}
  });
}
async function dryRunStage(migrations, settings, options, parsed) {
  return dryRun(parsedFor(migrations, parsed), {
    ...options,
    pgVersion: settings.pgVersion,
    dialect: shadowOf(settings.dialect)
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
  DEFAULTS,
  defaultCacheDir,
  resultUsedSince,
  isProven,
  fileKeys,
  historyCacheDir,
  findingsFile,
  reportKey,
  saveReport,
  reportWriter,
  targetText,
  resolveSettings,
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
