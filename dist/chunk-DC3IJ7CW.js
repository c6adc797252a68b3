import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  summarize
} from "./chunk-ERQZGLCT.js";
import {
  tracedLookup
} from "./chunk-LI67BYTM.js";
import {
  dialectFor
} from "./chunk-66RDFW5F.js";
import {
  tableStats
} from "./chunk-EFQPG7RZ.js";
import {
  engineOf,
  formatBytes,
  formatCount,
  formatMicros,
  scaleToProduction
} from "./chunk-KLJQAZEJ.js";
import {
  displayConnection
} from "./chunk-DSMXYHHG.js";

// src/estimate/apply.ts
var ESTIMATE_DEFAULTS = {
  maxLockSeconds: 5,
  minRows: 1e4,
  minBytes: 10 * 1024 * 1024,
  maxStatsAgeDays: 30
};
var SIZE_RULES = /* @__PURE__ */ new Set([
  "adding-field-with-default",
  "adding-foreign-key-constraint",
  "adding-not-nullable-field",
  "adding-serial-primary-key-field",
  "adding-auto-increment-column",
  "adding-stored-generated-column",
  "adding-fulltext-or-spatial-index",
  "alter-table-not-online",
  "ban-explicit-copy-or-lock",
  "changing-column-type",
  "charset-conversion",
  "constraint-missing-not-valid",
  "disallowed-unique-constraint",
  "index-same-step-as-add-column",
  "prefer-pg-repack",
  "prefer-repack",
  "require-concurrent-index-creation",
  "require-concurrent-reindex",
  "require-statement-timeout",
  "unbatched-backfill"
]);
var MULTI_TABLE_SIZE_RULES = /* @__PURE__ */ new Set([
  "ban-alter-domain-validation",
  "ban-alter-domain-with-add-constraint"
]);
function statsSource(given) {
  return given.file ?? (given.url ? displayConnection(given.url) : "stats");
}
function lockName(mode) {
  if (!/^[A-Z][a-zA-Z]+Lock$/.test(mode)) return mode;
  return mode.slice(0, -4).replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
}
function workOf(s, table, online) {
  const m = s.scale;
  if (!m) return void 0;
  if (m.work === "alter") {
    if (!s.rewrites.includes(table) && !s.rewrites.includes(m.table)) return "scan";
    return online?.algorithm === "INPLACE" ? "rebuild" : "rewrite";
  }
  if (m.work === "dml") return "backfill";
  return m.work;
}
function onlineLock(o) {
  const who = o.lock === "NONE" ? "reads and writes go on; an exclusive metadata lock only briefly at its start and end" : o.lock === "SHARED" ? "writes blocked" : "reads and writes blocked";
  return `LOCK=${o.lock}, ALGORITHM=${o.algorithm} (${who})`;
}
var INSTANT_NO_ESTIMATE = "ALGORITHM=INSTANT: a metadata change, its time does not grow with the table: no time estimate";
var onlineOf = (s, f) => s?.online ?? f?.online;
function estimateFor(lockMode, s, stats, engine, online) {
  if (!s?.scale || s.error || s.skipped) return void 0;
  if (online?.algorithm === "INSTANT") return void 0;
  const work = workOf(s, s.scale.table, online);
  if (!work) return void 0;
  const eng = engineOf(engine);
  const r = scaleToProduction({
    work,
    engine: eng,
    shadowRows: s.scale.rows,
    shadowBytes: s.scale.bytes,
    fullMs: s.scale.fullMs,
    emptyMs: s.scale.emptyMs,
    ...s.scale.refMs !== void 0 ? { refMs: s.scale.refMs } : {},
    rows: stats.rows,
    bytes: stats.tableBytes
  });
  const perRow = r.shadowUsPerRow !== void 0 ? `${formatMicros(r.shadowUsPerRow)}/row measured on the shadow (${formatCount(s.scale.rows)} rows, ${engine})` : `${formatMicros(r.usPerRow)}/row calibrated on a ${eng === "mysql" ? "MariaDB" : "PostgreSQL"} server (the shadow's ${formatCount(s.scale.rows)} rows were too few to time)`;
  const what = {
    rewrite: "rewrite",
    rebuild: "in-place rebuild",
    scan: "scan",
    index: "index build",
    "index-concurrently": "index build",
    backfill: "backfill"
  }[work];
  const basis = `${what}: ${formatCount(stats.rows)} rows \xD7 ${perRow}${r.factors.length ? `, ${r.factors.join(", ")}` : ""}`;
  const lock = work === "backfill" ? "row locks on every row it updates" : work === "index-concurrently" ? "SHARE UPDATE EXCLUSIVE (reads and writes go on)" : online ? onlineLock(online) : lockMode || strongestLock(s, s.scale.table) ? lockName(lockMode ?? strongestLock(s, s.scale.table)) : eng === "mysql" ? (
    // MariaDB shows the shadow no metadata locks without its plugin: unknown is not "none"
    "an ALGORITHM and LOCK not measured (the dry run measures those of ALTER TABLE only)"
  ) : "no lock that blocks reads or writes";
  return { seconds: Math.round(r.seconds * 1e3) / 1e3, basis, lock };
}
function strongestLock(s, table) {
  return s.locks.find((l) => l.relation === table && (l.blocksWrites || l.blocksReads))?.mode;
}
function applyStats(result, stats, settings, source, dry, now = Date.now()) {
  const notes = /* @__PURE__ */ new Set();
  const traced = dry ? tracedLookup(dry) : void 0;
  if (!dry) notes.add("no dry run: sizes change severities, but nothing is timed (add --dry-run for estimates)");
  const dialect = result.files[0] ? dialectFor(result.files[0].migration.dialect) : void 0;
  const family = (id) => id === "postgres" ? "postgres" : "mysql";
  if (dialect && family(stats.dialect) !== family(dialect.id))
    notes.add(`the stats come from ${stats.server}, the migrations are ${dialect.name}: sizes may not match`);
  for (const file of result.files) {
    for (const f of file.findings) {
      if (MULTI_TABLE_SIZE_RULES.has(f.rule)) {
        sizeByTables(f, stats, settings, now, notes);
        continue;
      }
      if (!f.table || !(SIZE_RULES.has(f.rule) || f.data?.rewrite === true)) continue;
      const t = freshStats(f, f.table, stats, settings, now, notes);
      if (!t) continue;
      const s = traced?.(f.path, f.statementIndex);
      const online = onlineOf(s, f);
      const estimate = estimateFor(f.lock, s, t, dry?.engine ?? "shadow", online);
      if (estimate) f.estimate = estimate;
      else if (dry && online?.algorithm === "INSTANT") notes.add(`${f.path}:${f.line}: ${INSTANT_NO_ESTIMATE}`);
      else if (dry && s && !s.error && !s.skipped && !s.scale)
        notes.add(`${f.path}:${f.line}: the shadow could not time this statement at two sizes: no estimate`);
      const size = `${formatCount(t.rows)} rows, ${formatBytes(t.totalBytes)}`;
      if (isSmall(t.rows, t.totalBytes, settings)) {
        f.severity = "note";
        f.sizeNote = `${f.table} is small in production (${size}; under ${smallLimits(settings)}): kept as a note.`;
      } else if (estimate && estimate.seconds > settings.maxLockSeconds && blocks(f, s, dialect)) {
        if (f.severity !== "error")
          f.sizeNote = `${f.table} (${size}): the lock is estimated over maxLockSeconds (${settings.maxLockSeconds} s): an error.`;
        else f.sizeNote = `${f.table} (${size}): estimated over maxLockSeconds (${settings.maxLockSeconds} s).`;
        f.severity = "error";
      } else {
        f.sizeNote = `${f.table} (${size})${online?.algorithm === "INSTANT" ? ": ALGORITHM=INSTANT, metadata only: no time estimate" : ""}.`;
      }
    }
  }
  result.summary = {
    ...summarize(result.files),
    ...result.summary.analysed !== void 0 ? { analysed: result.summary.analysed } : {}
  };
  result.stats = { source, server: stats.server, exportedAt: stats.exportedAt, notes: [...notes] };
}
function freshStats(f, table, stats, settings, now, notes) {
  const state = tableStats(stats, table, settings.maxStatsAgeDays, now);
  if (state.state === "fresh") return state.stats;
  notes.add(`${state.why}: findings on it keep their static severity`);
  f.sizeNote = `${state.why}; severity not changed by size.`;
  return void 0;
}
var isSmall = (rows, bytes, settings) => rows < settings.minRows && bytes < settings.minBytes;
var smallLimits = (settings) => `${formatCount(settings.minRows)} rows and ${formatBytes(settings.minBytes)}`;
function sizeByTables(f, stats, settings, now, notes) {
  const tables = Array.isArray(f.data?.tables) ? f.data.tables.filter((t) => typeof t === "string") : [];
  if (!tables.length) return;
  const sized = [];
  for (const table of tables) {
    const t = freshStats(f, table, stats, settings, now, notes);
    if (!t) return;
    sized.push([table, t]);
  }
  const rows = sized.reduce((n, [, t]) => n + t.rows, 0);
  const bytes = sized.reduce((n, [, t]) => n + t.totalBytes, 0);
  const each = sized.map(([name, t]) => `${name}: ${formatCount(t.rows)} rows, ${formatBytes(t.totalBytes)}`).join("; ");
  if (isSmall(rows, bytes, settings)) {
    f.severity = "note";
    f.sizeNote = `every table it scans is small in production (${each}; together under ${smallLimits(settings)}): kept as a note.`;
  } else f.sizeNote = `the tables it scans: ${each}.`;
}
function blocks(f, s, dialect) {
  if (s?.scale?.work === "dml") return true;
  if (s?.scale?.work === "index-concurrently") return false;
  const online = onlineOf(s, f);
  if (online) return online.lock !== "NONE";
  const mode = f.lock ?? (s?.scale ? strongestLock(s, s.scale.table) : void 0);
  if (!mode) return false;
  const e = dialect?.locks.effect(mode);
  return !!e && (e.blocksReads || e.blocksWrites);
}
function estimateDryRun(dry, stats, settings, now = Date.now()) {
  const notes = /* @__PURE__ */ new Set();
  for (const s of dry.statements) {
    if (s.online?.algorithm === "INSTANT") {
      notes.add(`${s.path}:${s.line}: ${INSTANT_NO_ESTIMATE}`);
      continue;
    }
    if (!s.scale) continue;
    const state = tableStats(stats, s.scale.table, settings.maxStatsAgeDays, now);
    if (state.state !== "fresh") {
      notes.add(`${state.why}: no estimate`);
      continue;
    }
    const e = estimateFor(void 0, s, state.stats, dry.engine, s.online);
    if (e) s.estimate = e;
  }
  return [...notes];
}

export {
  ESTIMATE_DEFAULTS,
  statsSource,
  applyStats,
  estimateDryRun
};
