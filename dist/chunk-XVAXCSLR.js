import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/cache-files.ts
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
function projectCacheDir(cwd, kind) {
  const nm = path.join(cwd, "node_modules");
  return existsSync(nm) ? path.join(nm, ".cache", "zerodown", kind) : void 0;
}
function lintCacheDir(cwd, kind, env = process.env) {
  if (env.ZERODOWN_CACHE_DIR) return path.resolve(cwd, env.ZERODOWN_CACHE_DIR, kind);
  const project = projectCacheDir(cwd, kind);
  if (project) return project;
  const base = env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), ".cache") : "");
  return base ? path.join(base, "zerodown", kind) : void 0;
}
function writeFileAtomic(file, data) {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
function pruneOldest(dir, ext, keep, companions = () => []) {
  const entries = readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const e of entries.slice(keep)) {
    rmSync(path.join(dir, e.f), { force: true });
    for (const c of companions(e.f.slice(0, -ext.length))) rmSync(path.join(dir, c), { force: true });
  }
}

// src/version.ts
var VERSION = "0.1.0";

// src/pipeline/history-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdirSync, readFileSync as readFileSync2 } from "node:fs";
import path3 from "node:path";
import { deserialize, serialize } from "node:v8";

// src/build.ts
import { createHash, randomBytes as randomBytes2 } from "node:crypto";
import { readdirSync as readdirSync2, readFileSync, statSync as statSync2 } from "node:fs";
import path2 from "node:path";
import { fileURLToPath } from "node:url";
var code;
function codeIdentity() {
  if (code) return code;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) {
    const h = createHash("sha256").update(VERSION);
    const root = path2.resolve(path2.dirname(here), "..");
    for (const dir of ["src", "rules"]) {
      const files = readdirSync2(path2.join(root, dir), { recursive: true, encoding: "utf8" }).sort();
      for (const f of files) {
        const st = statSync2(path2.join(root, dir, f));
        if (st.isFile()) h.update(`${dir}/${f}\0${st.size}\0${st.mtimeMs}
`);
      }
    }
    code = h.digest("hex");
  } else {
    let id = "";
    try {
      id = readFileSync(path2.join(path2.dirname(here), "build-id"), "utf8").trim();
    } catch {
    }
    code = /^[0-9a-f]{64}$/.test(id) ? id : `unknown-${randomBytes2(16).toString("hex")}`;
  }
  return code;
}

// src/pipeline/history-cache.ts
var FORMAT = 1;
var KEEP = 32;
function fileKeys(migrations) {
  const h = createHash2("sha256");
  const keys = [];
  for (const m of migrations) {
    const meta = JSON.stringify({ ...m, source: void 0 });
    h.update(`${meta.length}:${meta}${m.source.length}:`).update(m.source);
    keys.push(h.copy().digest("base64"));
  }
  return keys;
}
function historyKey(dialect, version, history, build = codeIdentity(), last = fileKeys(history).at(-1) ?? "") {
  return createHash2("sha256").update(`zerodown-catalog ${FORMAT}\0${build}\0${dialect.id}\0${version}\0${last}`).digest("hex");
}
function historyCacheDir(cwd, env = process.env) {
  return lintCacheDir(cwd, "catalog", env);
}
function loadHistory(dir, key, dialect) {
  if (!dialect.catalogData) return void 0;
  try {
    const data = deserialize(readFileSync2(path3.join(dir, `${key}.bin`)));
    return dialect.catalogData.load(data);
  } catch {
    return void 0;
  }
}
function saveHistory(dir, key, dialect, catalog) {
  if (!dialect.catalogData) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path3.join(dir, `${key}.bin`), serialize(dialect.catalogData.save(catalog)));
    pruneOldest(dir, ".bin", KEEP);
  } catch {
  }
}

// src/pipeline/findings-cache.ts
import { createHash as createHash3, randomBytes as randomBytes3 } from "node:crypto";
import { closeSync, mkdirSync as mkdirSync2, openSync, readFileSync as readFileSync3, renameSync as renameSync2, rmSync as rmSync2, writeSync } from "node:fs";
import path4 from "node:path";
var FORMAT2 = 1;
var KEEP_FILES = 8;
var KEEP_ENTRIES = 2e4;
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
  const scope = createHash3("sha256").update(`zerodown-findings ${FORMAT2}\0${build}\0${settings}`).digest("hex");
  return path4.join(dir, `${scope}.json`);
}
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const k of Object.keys(value).sort()) out[k] = sorted(value[k]);
  return out;
}
function loadFindings(file) {
  try {
    const data = JSON.parse(readFileSync3(file, "latin1"));
    if (data?.format === FORMAT2 && Array.isArray(data.entries)) {
      const entries = /* @__PURE__ */ new Map();
      for (const x of data.entries) {
        if (!Array.isArray(x) || typeof x[0] !== "string") continue;
        const e = x[1];
        if (typeof e?.n === "number" && Array.isArray(e.s) && Array.isArray(e.f)) entries.set(x[0], e);
      }
      return entries;
    }
  } catch {
  }
  return /* @__PURE__ */ new Map();
}
function findingsWriter(file, earlier, fresh) {
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
  const entry = (key, e) => {
    put(`${first ? "" : ","}${ascii(JSON.stringify([key, e]))}`);
    first = false;
  };
  put(`{"format":${FORMAT2},"entries":[`);
  const room = KEEP_ENTRIES - fresh.size;
  if (room > 0) {
    const old = [...earlier].filter(([k]) => !fresh.has(k));
    for (const [k, e] of old.slice(Math.max(0, old.length - room))) entry(k, e);
  }
  return {
    add: entry,
    abort: out.abort,
    finish() {
      if (!out.ok) return;
      pending += "]}";
      flush();
      if (out.commit()) prune(path4.dirname(file), ".json");
    }
  };
}
function prune(dir, ext) {
  try {
    pruneOldest(dir, ext, KEEP_FILES);
  } catch {
  }
}
function partialFile(target) {
  const tmp = `${target}.${process.pid}-${randomBytes3(4).toString("hex")}.tmp`;
  let fd;
  const abort = () => {
    try {
      if (fd !== void 0) closeSync(fd);
      rmSync2(tmp, { force: true });
    } catch {
    }
    fd = void 0;
  };
  try {
    mkdirSync2(path4.dirname(target), { recursive: true });
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
        renameSync2(tmp, target);
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
  return createHash3("sha256").update(JSON.stringify([path4.basename(file), keys.length, keys.at(-1) ?? "", ...parts])).digest("hex");
}
var REPORT = `zerodown-report ${FORMAT2}
`;
var LENGTH_DIGITS = 15;
function loadReport(dir, key) {
  try {
    const data = readFileSync3(path4.join(dir, `${key}.out`));
    const head = data.subarray(0, REPORT.length + 24).toString("latin1");
    const m = /^zerodown-report \d+\n(\d) (\d+)\n/.exec(head);
    if (!m || !head.startsWith(REPORT) || data.length !== m[0].length + Number(m[2])) return void 0;
    return { code: Number(m[1]), bytes: data.subarray(m[0].length) };
  } catch {
    return void 0;
  }
}
function saveReport(dir, key, code2, report) {
  const out = reportWriter(dir, key);
  out.write(report);
  out.finish(code2);
}
function reportWriter(dir, key) {
  const header = (code2, length2) => Buffer.from(`${REPORT}${code2} ${String(length2).padStart(LENGTH_DIGITS, "0")}
`);
  const out = partialFile(path4.join(dir, `${key}.out`));
  let length = 0;
  out.write(header(0, 0));
  return {
    write(part) {
      if (!out.ok || !part) return;
      const bytes = Buffer.from(part, "utf8");
      out.write(bytes);
      length += bytes.length;
    },
    abort: out.abort,
    finish(code2) {
      if (!out.ok) return;
      out.write(header(code2, length), 0);
      if (out.commit()) prune(dir, ".out");
    }
  };
}

// src/pipeline/rerun.ts
import { createHash as createHash4 } from "node:crypto";
import { readdirSync as readdirSync3, readFileSync as readFileSync4, statSync as statSync3 } from "node:fs";
import path5 from "node:path";
var FORMAT3 = 1;
var KEEP2 = 16;
var RACY_MS = 2000n;
var NOISE = /* @__PURE__ */ new Set(["_", "OLDPWD"]);
var active;
var invocation;
function setInvocation(argv) {
  invocation = argv;
}
function currentInvocation() {
  return invocation;
}
function startRecording() {
  active = { seen: /* @__PURE__ */ new Map(), stderr: "", start: BigInt(Date.now()) * 1000000n };
  return active;
}
function stopRecording() {
  active = void 0;
}
function unrecordable(why) {
  if (active) active.unsound ??= why;
}
function note(r, key, sig) {
  const was = r.seen.get(key);
  if (was !== void 0 && was !== sig) r.unsound ??= `${key.slice(1)} changed during the run`;
  else r.seen.set(key, sig);
}
var kindOf = (st) => !st ? "none" : st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
var kindAt = (p) => {
  try {
    return kindOf(statSync3(p, { throwIfNoEntry: false }));
  } catch {
    return "none";
  }
};
var sha = (data) => createHash4("sha256").update(data).digest("base64");
var signature = (st) => st ? `${kindOf(st)}:${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}` : "none";
var statOf = (p) => {
  try {
    return statSync3(p, { bigint: true, throwIfNoEntry: false });
  } catch {
    return void 0;
  }
};
var racy = (r, st) => !!st && (st.mtimeNs >= r.start - RACY_MS * 1000000n || st.ctimeNs >= r.start - RACY_MS * 1000000n);
var listingHash = (entries) => entries ? sha(
  entries.map((e) => `${e.name}/${e.isDirectory() ? "d" : e.isFile() ? "f" : e.isSymbolicLink() ? "l" : "o"}`).sort().join("\0")
) : "-";
var textHash = (t) => t == null ? "-" : sha(t);
function readDirEntries(dir) {
  try {
    return readdirSync3(dir, { withFileTypes: true });
  } catch {
    return null;
  }
}
function probeKind(p) {
  const kind = kindAt(p);
  if (active) note(active, `k${p}`, kind);
  return kind;
}
function recordRead(p, read) {
  const r = active;
  if (!r) return read();
  const st = statOf(p);
  const value = read();
  note(r, `s${p}`, racy(r, st) ? `#${typeof value === "string" ? "t" : "b"}${textHash(value)}` : signature(st));
  return value;
}
function recordList(dir, list) {
  const r = active;
  if (!r) return list();
  const st = statOf(dir);
  const entries = list();
  note(r, `d${dir}`, racy(r, st) ? `#${listingHash(entries)}` : signature(st));
  return entries;
}
function holds(key, sig) {
  const p = key.slice(1);
  if (key[0] === "k") return kindAt(p) === sig;
  if (!sig.startsWith("#")) return signature(statOf(p)) === sig;
  if (key[0] === "d") return `#${listingHash(readDirEntries(p))}` === sig;
  let value = null;
  try {
    value = sig[1] === "t" ? readFileSync4(p, "utf8") : readFileSync4(p);
  } catch {
  }
  return `#${sig[1]}${textHash(value)}` === sig;
}
function stampKey(argv, cwd, env, stdoutTTY, build = codeIdentity()) {
  const vars = Object.keys(env).filter((k) => !NOISE.has(k)).sort().map((k) => [k, env[k]]);
  return createHash4("sha256").update(JSON.stringify([`zerodown-stamp ${FORMAT3}`, build, process.version, cwd, argv, vars, stdoutTTY])).digest("hex");
}
var changedAt = (sig) => {
  if (sig.startsWith("#")) return 1n << 80n;
  const ctime = sig.split(":")[3];
  return ctime && /^\d+$/.test(ctime) ? BigInt(ctime) : 0n;
};
function newestFirst(seen) {
  return [...seen].map((e) => ({ e, t: changedAt(e[1]) })).sort((a, b) => a.t === b.t ? 0 : a.t > b.t ? -1 : 1).map(({ e }) => e);
}
function saveStamp(dir, key, record, report) {
  if (record.unsound || !record.seen.size) return;
  try {
    const stamp = { format: FORMAT3, report, stderr: record.stderr, seen: newestFirst(record.seen) };
    writeFileAtomic(path5.join(dir, `${key}.stamp`), JSON.stringify(stamp));
    pruneOldest(dir, ".stamp", KEEP2);
  } catch {
  }
}
var stale = false;
function stampWentStale() {
  return stale;
}
function replaySaved(argv, cwd, env, stdoutTTY) {
  stale = false;
  if (argv[0] !== "lint") return void 0;
  try {
    const dir = lintCacheDir(cwd, "findings", env);
    if (!dir) return void 0;
    const file = path5.join(dir, `${stampKey(argv, cwd, env, stdoutTTY)}.stamp`);
    const stamp = JSON.parse(readFileSync4(file, "utf8"));
    if (stamp?.format !== FORMAT3 || typeof stamp.report !== "string" || !Array.isArray(stamp.seen)) return void 0;
    for (const entry of stamp.seen) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof entry[1] !== "string") return void 0;
      if (!holds(entry[0], entry[1])) {
        stale = true;
        return void 0;
      }
    }
    const saved = loadReport(dir, stamp.report);
    const stderr = typeof stamp.stderr === "string" ? stamp.stderr : "";
    return saved && { code: saved.code, stdout: saved.bytes, stderr };
  } catch {
    return void 0;
  }
}

export {
  projectCacheDir,
  lintCacheDir,
  writeFileAtomic,
  pruneOldest,
  VERSION,
  codeIdentity,
  fileKeys,
  historyKey,
  historyCacheDir,
  loadHistory,
  saveHistory,
  findingsFile,
  loadFindings,
  findingsWriter,
  toEntry,
  fromEntry,
  reportKey,
  loadReport,
  saveReport,
  reportWriter,
  setInvocation,
  currentInvocation,
  startRecording,
  stopRecording,
  unrecordable,
  readDirEntries,
  probeKind,
  recordRead,
  recordList,
  stampKey,
  saveStamp,
  stampWentStale,
  replaySaved
};
