import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/dialects/mysql/shadow/util.ts
function parseServerVersion(text) {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  const flavor = /mariadb/i.test(text) ? "mariadb" : "mysql";
  return { flavor, major: Number(m?.[1] ?? 0), minor: Number(m?.[2] ?? 0), patch: Number(m?.[3] ?? 0) };
}
function normaliseError(err) {
  const e = err;
  if (e?.name === "ShadowTimeoutError" || e?.name === "ShadowStoppedError") return err;
  const errno = typeof e?.errno === "number" ? e.errno : void 0;
  const sqlState = typeof e?.sqlState === "string" && /^[0-9A-Z]{5}$/.test(e.sqlState) ? e.sqlState : "HY000";
  const text = e?.sqlMessage ?? e?.message ?? String(err);
  const out = new Error(errno !== void 0 ? `${text} (error ${errno})` : text);
  out.name = "MysqlError";
  out.code = errno === void 0 ? "08006" : sqlState;
  if (errno !== void 0) out.errno = errno;
  return out;
}
function errnoOf(err) {
  const n = err?.errno;
  return typeof n === "number" ? n : void 0;
}
function nameId(name) {
  let h = 2166136261;
  for (const ch of name.toLowerCase()) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

export {
  parseServerVersion,
  normaliseError,
  errnoOf,
  nameId
};
