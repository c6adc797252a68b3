import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  openReport
} from "./chunk-76XLLUF5.js";
import {
  codeIdentity,
  fastHash
} from "./chunk-F2TVXXTQ.js";
import {
  lintCacheDir,
  pruneOldest,
  writeFileAtomic
} from "./chunk-F3IQVTJL.js";

// src/pipeline/rerun.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
var FORMAT = 1;
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
    if (sig === "none" && key[0] !== "d" && folders.has(path.dirname(key.slice(1)))) continue;
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
  return fastHash(JSON.stringify([`${kind} ${FORMAT}`, build, process.version, cwd, argv, vars, stdoutTTY]));
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
    const stamp = { format: FORMAT, report, stderr: record.stderr, seen: newestFirst(record.seen) };
    writeFileAtomic(path.join(dir, `${key}.stamp`), JSON.stringify(stamp));
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
    const file = path.join(dir, `${stampKey(argv, cwd, env, stdoutTTY)}.stamp`);
    const stamp = JSON.parse(readFileSync(file, "utf8"));
    if (stamp?.format !== FORMAT || typeof stamp.report !== "string" || !Array.isArray(stamp.seen)) return void 0;
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
