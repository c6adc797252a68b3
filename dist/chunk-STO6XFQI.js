import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  lintCacheDir,
  pruneOldest,
  uniqueSuffix,
  writeFileAtomic
} from "./chunk-F3IQVTJL.js";

// src/version.ts
var VERSION = "0.1.0";

// src/pipeline/saved-report.ts
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { isatty } from "node:tty";
import path from "node:path";
var FORMAT = 1;
var REPORT = `zerodown-report ${FORMAT}
`;
var LENGTH_DIGITS = 15;
function reportHeader(code2, length) {
  return Buffer.from(`${REPORT}${code2} ${String(length).padStart(LENGTH_DIGITS, "0")}
`);
}
function openReport(dir, key) {
  let fd;
  try {
    fd = openSync(path.join(dir, `${key}.out`), "r");
    const head = Buffer.alloc(REPORT.length + LENGTH_DIGITS + 4);
    const got = readSync(fd, head, 0, head.length, 0);
    const m = /^zerodown-report \d+\n(\d) (\d+)\n/.exec(head.toString("latin1", 0, got));
    const start = m?.[0].length ?? 0;
    if (!m?.[0].startsWith(REPORT) || fstatSync(fd).size !== start + Number(m[2])) {
      const file = fd;
      fd = void 0;
      closeSync(file);
      return void 0;
    }
    return { code: Number(m[1]), fd, start, length: Number(m[2]) };
  } catch {
    if (fd !== void 0) closeSync(fd);
    return void 0;
  }
}
function readInto(report, into, from) {
  for (let got = 0; got < into.length; ) {
    const n = readSync(report.fd, into, got, into.length - got, report.start + from + got);
    if (n === 0) throw new Error(`zerodown: a saved report ended ${report.length - from - got} bytes early`);
    got += n;
  }
}
function readReport(report, from = 0) {
  try {
    const bytes = Buffer.allocUnsafe(report.length - from);
    readInto(report, bytes, from);
    return bytes;
  } finally {
    closeSync(report.fd);
  }
}
function writeUntilBlocked(fd, bytes) {
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (err) {
    if (err.code !== "EAGAIN") throw err;
  }
  return bytes.subarray(done);
}
function writeDirect(fd, bytes) {
  return isatty(fd) ? bytes : writeUntilBlocked(fd, bytes);
}
var PIECE = 1 << 20;
function writeReport(fd, report) {
  if (isatty(fd)) return readReport(report);
  let closed = false;
  try {
    const piece = Buffer.allocUnsafeSlow(Math.min(PIECE, report.length));
    let at = 0;
    while (at < report.length) {
      const n = Math.min(piece.length, report.length - at);
      readInto(report, piece.subarray(0, n), at);
      const left = writeUntilBlocked(fd, piece.subarray(0, n));
      if (left.length) {
        closed = true;
        return Buffer.concat([left, readReport(report, at + n)]);
      }
      at += n;
    }
    return Buffer.alloc(0);
  } finally {
    if (!closed) closeSync(report.fd);
  }
}
function loadReport(dir, key) {
  const report = openReport(dir, key);
  if (!report) return void 0;
  try {
    return { code: report.code, bytes: readReport(report) };
  } catch {
    return void 0;
  }
}

// src/pipeline/rerun.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { createRequire } from "node:module";
import path3 from "node:path";

// src/build.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import path2 from "node:path";
import { fileURLToPath } from "node:url";

// src/hash.ts
var C1 = 3432918353;
var C2 = 461845907;
function mixK(k) {
  k = Math.imul(k, C1);
  k = k << 15 | k >>> 17;
  return Math.imul(k, C2);
}
function murmur3(bytes, seed) {
  let h = seed | 0;
  const tail = bytes.length & ~3;
  for (let i = 0; i < tail; i += 4) {
    h ^= mixK(bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24);
    h = h << 13 | h >>> 19;
    h = Math.imul(h, 5) + 3864292196 | 0;
  }
  const rest = bytes.length & 3;
  if (rest) {
    let k = bytes[tail];
    if (rest > 1) k |= bytes[tail + 1] << 8;
    if (rest > 2) k |= bytes[tail + 2] << 16;
    h ^= mixK(k);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function fastHash(text) {
  const bytes = Buffer.from(text, "utf8");
  let out = "";
  for (const seed of [2538058380, 625341585, 1779033703, 1013904242])
    out += murmur3(bytes, seed).toString(16).padStart(8, "0");
  return out;
}

// src/build.ts
var code;
function codeIdentity() {
  if (code) return code;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) {
    let listing = VERSION;
    const root = path2.resolve(path2.dirname(here), "..");
    for (const dir of ["src", "rules"]) {
      const files = readdirSync(path2.join(root, dir), { recursive: true, encoding: "utf8" }).sort();
      for (const f of files) {
        const st = statSync(path2.join(root, dir, f));
        if (st.isFile()) listing += `${dir}/${f}\0${st.size}\0${st.mtimeMs}
`;
      }
    }
    code = `src-${fastHash(listing)}`;
  } else {
    let id = "";
    try {
      id = readFileSync(path2.join(path2.dirname(here), "build-id"), "utf8").trim();
    } catch {
    }
    code = /^[0-9a-f]{64}$/.test(id) ? id : `unknown-${uniqueSuffix()}`;
  }
  return code;
}

// src/pipeline/rerun.ts
var FORMAT2 = 1;
var KEEP = 16;
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
  active = {
    seen: /* @__PURE__ */ new Map(),
    stderr: "",
    racyFrom: (BigInt(Date.now()) - RACY_MS) * 1000000n,
    inspected: /* @__PURE__ */ new Map()
  };
  return active;
}
function currentRecord() {
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
    return kindOf(statSync2(p, { throwIfNoEntry: false }));
  } catch {
    return "none";
  }
};
var crypto;
var sha = (data) => (crypto ??= createRequire(import.meta.url)("node:crypto")).createHash("sha256").update(data).digest("base64");
var signature = (st) => st ? `${kindOf(st)}:${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}` : "none";
var statOf = (p) => {
  try {
    return statSync2(p, { bigint: true, throwIfNoEntry: false });
  } catch {
    return void 0;
  }
};
var racy = (r, st) => !!st && (st.mtimeNs >= r.racyFrom || st.ctimeNs >= r.racyFrom);
var listingHash = (entries) => entries ? sha(
  entries.map((e) => `${e.name}/${e.isDirectory() ? "d" : e.isFile() ? "f" : e.isSymbolicLink() ? "l" : "o"}`).sort().join("\0")
) : "-";
var textHash = (t) => t == null ? "-" : sha(t);
function readDirEntries(dir) {
  try {
    return readdirSync2(dir, { withFileTypes: true });
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
function noteInspected(p, marker) {
  const r = active;
  if (!r) return;
  const was = r.inspected.get(p);
  if (!marker) r.inspected.set(p, null);
  else if (was !== null) r.inspected.set(p, { ...was, [marker[0]]: marker[1] });
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
    value = sig[1] === "t" ? readFileSync2(p, "utf8") : readFileSync2(p);
  } catch {
  }
  return `#${sig[1]}${textHash(value)}` === sig;
}
function checkEntries(entries) {
  const folders = /* @__PURE__ */ new Set();
  for (const e of entries) {
    if (!Array.isArray(e) || typeof e[0] !== "string" || typeof e[1] !== "string") return "bad";
    if (e[0][0] === "d") folders.add(e[0].slice(1));
  }
  for (const [key, sig] of entries) {
    if (sig === "none" && key[0] !== "d" && folders.has(path3.dirname(key.slice(1)))) continue;
    if (!holds(key, sig)) return "changed";
  }
  return "hold";
}
function asListing(dir, recorded) {
  if (recorded.startsWith("#")) return recorded;
  return signature(statOf(dir)) === recorded ? `#${listingHash(readDirEntries(dir))}` : void 0;
}
function adoptEntries(entries) {
  const r = active;
  if (r) for (const [key, sig] of entries) note(r, key, sig);
}
function stampKey(argv, cwd, env, stdoutTTY, build = codeIdentity(), kind = "zerodown-stamp") {
  const vars = Object.keys(env).filter((k) => !NOISE.has(k)).sort().map((k) => [k, env[k]]);
  return fastHash(JSON.stringify([`${kind} ${FORMAT2}`, build, process.version, cwd, argv, vars, stdoutTTY]));
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
    const stamp = { format: FORMAT2, report, stderr: record.stderr, seen: newestFirst(record.seen) };
    writeFileAtomic(path3.join(dir, `${key}.stamp`), JSON.stringify(stamp));
    pruneOldest(dir, ".stamp", KEEP);
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
    const file = path3.join(dir, `${stampKey(argv, cwd, env, stdoutTTY)}.stamp`);
    const stamp = JSON.parse(readFileSync2(file, "utf8"));
    if (stamp?.format !== FORMAT2 || typeof stamp.report !== "string" || !Array.isArray(stamp.seen)) return void 0;
    const verdict = checkEntries(stamp.seen);
    if (verdict !== "hold") {
      stale = verdict === "changed";
      return void 0;
    }
    const report = openReport(dir, stamp.report);
    const stderr = typeof stamp.stderr === "string" ? stamp.stderr : "";
    return report && { code: report.code, report, stderr };
  } catch {
    return void 0;
  }
}

export {
  VERSION,
  codeIdentity,
  reportHeader,
  writeDirect,
  writeReport,
  loadReport,
  setInvocation,
  currentInvocation,
  startRecording,
  currentRecord,
  stopRecording,
  unrecordable,
  readDirEntries,
  probeKind,
  recordRead,
  noteInspected,
  recordList,
  holds,
  checkEntries,
  asListing,
  adoptEntries,
  stampKey,
  newestFirst,
  saveStamp,
  stampWentStale,
  replaySaved
};
