import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/estimate/model.ts
function engineOf(text) {
  const t = text.toLowerCase();
  return t.startsWith("pglite") ? "pglite" : /^(mysql|mariadb)\b/.test(t) ? "mysql" : "server";
}
var ENGINE_FACTOR = {
  // PostgreSQL has no in-place rebuild: `rebuild` never occurs there (the rewrite's factor stands in)
  pglite: { rewrite: 1.62, rebuild: 1.62, scan: 0.7, index: 0.61, "index-concurrently": 0.59, backfill: 0.72 },
  server: { rewrite: 0.59, rebuild: 0.59, scan: 1.14, index: 0.39, "index-concurrently": 0.22, backfill: 0.78 },
  // MariaDB 10.11 as a URL shadow against the same server (src/dialects/mysql/shadow/scale.ts): three runs of
  // 100k and 1M rows (docs/estimates.md); the backfill's from three more, after its width was fixed. `scan` was not calibrated (no InnoDB ALTER the probe times reads
  // without rebuilding); MySQL has no CONCURRENTLY (the index build's factor stands in). MySQL 8 not calibrated.
  mysql: { rewrite: 0.95, rebuild: 0.56, scan: 1, index: 0.59, "index-concurrently": 0.59, backfill: 1.2 }
};
var CONCURRENT_PASSES = 1.3;
var SERVER_US_PER_ROW = {
  rewrite: 2.2,
  rebuild: 2.2,
  scan: 0.05,
  index: 0.4,
  "index-concurrently": 0.4,
  backfill: 6.7
};
var MYSQL_US_PER_ROW = {
  rewrite: 1.6,
  rebuild: 0.95,
  scan: 0.95,
  index: 0.43,
  "index-concurrently": 0.43,
  backfill: 1.5
};
var serverUsPerRow = (engine) => engine === "mysql" ? MYSQL_US_PER_ROW : SERVER_US_PER_ROW;
var REFERENCE_ROWS = 2e4;
var REFERENCE_MS = { pglite: 8.2 };
var MIN_SIGNAL_MS = 0.5;
var clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
function scaleToProduction(x) {
  const factors = [];
  const diff = x.fullMs - x.emptyMs;
  const measured = diff >= MIN_SIGNAL_MS && x.shadowRows > 0;
  const shadowUsPerRow = measured ? diff * 1e3 / x.shadowRows : void 0;
  const factor = ENGINE_FACTOR[x.engine][x.work];
  let usPerRow = shadowUsPerRow !== void 0 ? shadowUsPerRow * factor : serverUsPerRow(x.engine)[x.work];
  const reference = REFERENCE_MS[x.engine];
  if (shadowUsPerRow !== void 0 && reference && x.refMs && x.refMs > 0) {
    const speed = clamp(reference / x.refMs, 0.25, 4);
    usPerRow *= speed;
    factors.push(
      `shadow speed \xD7${round2(speed)} (reference build ${round2(x.refMs)} ms, ${reference} ms at calibration)`
    );
  }
  if (shadowUsPerRow !== void 0 && factor !== 1)
    factors.push(`${x.engine === "pglite" ? "PGlite" : "shadow"}\u2192server \xD7${round2(factor)}`);
  let rows = Math.max(0, x.rows);
  if (x.work === "index" || x.work === "index-concurrently") {
    const sort = rows > 2 && x.shadowRows > 2 ? Math.log2(rows) / Math.log2(x.shadowRows) : 1;
    if (sort !== 1) factors.push(`sort log\u2082 \xD7${round2(sort)}`);
    rows *= sort;
    if (x.work === "index-concurrently") {
      rows *= CONCURRENT_PASSES;
      factors.push(`CONCURRENTLY \xD7${CONCURRENT_PASSES}`);
    }
  } else if (x.rows > 0 && x.bytes > 0 && x.shadowRows > 0 && x.shadowBytes > 0) {
    const width = clamp(x.bytes / x.rows / (x.shadowBytes / x.shadowRows), 0.25, 8);
    const adj = 0.5 + 0.5 * width;
    if (Math.abs(adj - 1) >= 0.05) factors.push(`row width \xD7${round2(adj)}`);
    usPerRow *= adj;
  }
  return {
    seconds: rows * usPerRow / 1e6 + Math.max(0, x.emptyMs) / 1e3,
    usPerRow,
    ...shadowUsPerRow !== void 0 ? { shadowUsPerRow } : {},
    factors
  };
}
var round2 = (x) => Math.round(x * 100) / 100;
function formatDuration(seconds) {
  if (seconds < 0.1) return "<0.1 s";
  if (seconds < 10) return `~${seconds.toFixed(1)} s`;
  if (seconds < 120) return `~${Math.round(seconds)} s`;
  if (seconds < 7200) return `~${Math.round(seconds / 60)} min`;
  return `~${(seconds / 3600).toFixed(1)} h`;
}
function formatCount(n) {
  if (n < 1e4) return Math.round(n).toLocaleString("en-US");
  if (n < 1e6) return `${Math.round(n / 1e3)}k`;
  if (n < 1e9) return `${n < 1e7 ? (n / 1e6).toFixed(1) : Math.round(n / 1e6)}M`;
  return `${(n / 1e9).toFixed(1)}B`;
}
function formatMicros(us) {
  return `${us < 10 ? round2(us).toString() : Math.round(us).toString()} \xB5s`;
}
function formatBytes(b) {
  if (b < 1024 * 1024) return `${Math.round(b / 1024)} kB`;
  if (b < 1024 ** 3) return `${Math.round(b / 1024 ** 2)} MB`;
  return `${(b / 1024 ** 3).toFixed(1)} GB`;
}
function batchSizeFor(usPerRow, maxLockSeconds) {
  const fit = Math.floor(maxLockSeconds / 2 * 1e6 / Math.max(usPerRow, 0.01));
  return clamp(fit >= 1e3 ? Math.floor(fit / 1e3) * 1e3 : Math.floor(fit / 100) * 100, 100, 1e5);
}

export {
  engineOf,
  serverUsPerRow,
  REFERENCE_ROWS,
  MIN_SIGNAL_MS,
  scaleToProduction,
  formatDuration,
  formatCount,
  formatMicros,
  formatBytes,
  batchSizeFor
};
