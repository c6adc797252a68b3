import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/shadow/driver.ts
function shadowWork(sources, timed = false) {
  let sqlChars = 0;
  for (const s of sources) sqlChars += s.length;
  return { sqlChars, timed };
}
var DEFAULT_SHADOW_TIMEOUT_S = 30;
var MAX_SHADOW_TIMEOUT_S = 86400;
function parseShadowTimeout(text) {
  const t = text.trim();
  const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  return n > 0 && n <= MAX_SHADOW_TIMEOUT_S ? n : void 0;
}
var seconds = (ms) => `${Math.round(ms / 1e3 * 100) / 100} s`;
var ShadowTimeoutError = class extends Error {
  constructor(timeoutMs, sql) {
    super(
      `did not finish within ${seconds(timeoutMs)} on the shadow: stopped; raise --shadow-timeout if it is legitimately slow`
    );
    this.timeoutMs = timeoutMs;
    this.sql = sql;
    this.name = "ShadowTimeoutError";
  }
  timeoutMs;
  sql;
  code = "57014";
  timedOut = true;
};
var ShadowStoppedError = class extends Error {
  code = "57P01";
  constructor(why) {
    super(`the shadow database was stopped (${why}): nothing more runs on it`);
    this.name = "ShadowStoppedError";
  }
};
function isShadowStop(err) {
  const name = err?.name;
  return name === "ShadowTimeoutError" || name === "ShadowStoppedError";
}
function timeoutMsOf(seconds2) {
  return Math.round((seconds2 ?? DEFAULT_SHADOW_TIMEOUT_S) * 1e3);
}
async function withinBound(work, ms, sql, onLate) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    const r = await Promise.race([work.then((value) => ({ value })), late]);
    if (r !== LATE) return r.value;
  } finally {
    clearTimeout(timer);
  }
  work.catch(() => {
  });
  await onLate();
  throw new ShadowTimeoutError(ms, sql);
}
var LATE = /* @__PURE__ */ Symbol("late");
function toSqlError(err) {
  const e = err;
  const code = typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : "XX000";
  const out = { code, message: String(e?.message ?? err).replace(/\s+$/, "") };
  if (e?.timedOut === true) out.timedOut = true;
  if (typeof e?.detail === "string" && e.detail) out.detail = e.detail;
  if (typeof e?.hint === "string" && e.hint) out.hint = e.hint;
  if (typeof e?.where === "string" && e.where) out.where = e.where;
  const pos = Number(e?.position);
  if (Number.isInteger(pos) && pos > 0) out.position = pos;
  return out;
}
function majorVersion(serverVersion) {
  const m = /^(\d+)(?:\.(\d+))?/.exec(serverVersion.trim());
  if (!m) return 0;
  const major = Number(m[1]);
  return major >= 10 ? major : Number(`${m[1]}.${m[2] ?? 0}`);
}

export {
  shadowWork,
  parseShadowTimeout,
  ShadowStoppedError,
  isShadowStop,
  timeoutMsOf,
  withinBound,
  toSqlError,
  majorVersion
};
