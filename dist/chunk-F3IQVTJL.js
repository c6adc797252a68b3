import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/cache-files.ts
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
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
function uniqueSuffix() {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
function tempName(file) {
  return `${file}.${uniqueSuffix()}.tmp`;
}
function writeFileAtomic(file, data) {
  const tmp = tempName(file);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
function newestEntries(dir, ext) {
  return readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
}
function pruneOldest(dir, ext, keep, companions = () => []) {
  const entries = newestEntries(dir, ext);
  for (const e of entries.slice(keep)) {
    rmSync(path.join(dir, e.f), { force: true, recursive: true });
    for (const c of companions(e.f.slice(0, -ext.length))) rmSync(path.join(dir, c), { force: true });
  }
}
function touchUsed(file) {
  try {
    const now = /* @__PURE__ */ new Date();
    utimesSync(file, now, now);
  } catch {
  }
}

export {
  projectCacheDir,
  lintCacheDir,
  uniqueSuffix,
  tempName,
  writeFileAtomic,
  newestEntries,
  pruneOldest,
  touchUsed
};
