import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  codeIdentity,
  fastHash
} from "./chunk-SYZ5V5LO.js";
import {
  lintCacheDir,
  pruneOldest,
  writeFileAtomic
} from "./chunk-F3IQVTJL.js";

// src/pipeline/saved-report.ts
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { isatty } from "node:tty";
import path from "node:path";
var FORMAT = 1;
var REPORT = `zerodown-report ${FORMAT}
`;
var LENGTH_DIGITS = 15;
function reportHeader(code, length) {
  return Buffer.from(`${REPORT}${code} ${String(length).padStart(LENGTH_DIGITS, "0")}
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
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path2 from "node:path";
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
    return kindOf(statSync(p, { throwIfNoEntry: false }));
  } catch {
    return "none";
  }
};
var crypto;
var sha = (data) => (crypto ??= createRequire(import.meta.url)("node:crypto")).createHash("sha256").update(data).digest("base64");
var signature = (st) => st ? `${kindOf(st)}:${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}` : "none";
var statOf = (p) => {
  try {
    return statSync(p, { bigint: true, throwIfNoEntry: false });
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
    return readdirSync(dir, { withFileTypes: true });
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
    value = sig[1] === "t" ? readFileSync(p, "utf8") : readFileSync(p);
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
    if (sig === "none" && key[0] !== "d" && folders.has(path2.dirname(key.slice(1)))) continue;
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
    writeFileAtomic(path2.join(dir, `${key}.stamp`), JSON.stringify(stamp));
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
    const file = path2.join(dir, `${stampKey(argv, cwd, env, stdoutTTY)}.stamp`);
    const stamp = JSON.parse(readFileSync(file, "utf8"));
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
