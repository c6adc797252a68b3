import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  dialectFor,
  dialectOf,
  shadowOf
} from "./chunk-COP2C6JO.js";
import {
  tableStats
} from "./chunk-EFQPG7RZ.js";
import {
  disablesAssumeInTransaction,
  engineOf,
  formatBytes,
  formatCount,
  formatMicros,
  scaleToProduction
} from "./chunk-U5IAEDA2.js";
import {
  displayConnection
} from "./chunk-AA5Y5KNS.js";

// src/engine/lint.ts
function toArray(x) {
  if (!x) return [];
  return Array.isArray(x) ? x : [x];
}
var NO_OPTIONS = Object.freeze({});
var LintEngine = class {
  constructor(dialect, options = {}) {
    this.dialect = dialect;
    this.options = options;
    this.catalog = options.replayed ?? dialect.newCatalog();
    this.sawHistory = options.replayed !== void 0;
    options.observer?.attach(this.catalog);
    this.pgVersion = options.pgVersion ?? dialect.defaultVersion;
    this.extras = dialect.ruleContext?.(this.pgVersion) ?? {};
    const all = options.ruleSet ?? dialect.rules;
    this.rules = [];
    for (const r of all) {
      const s = options.rules?.[r.meta.id];
      if (s === "off" || s === void 0 && r.meta.optIn && !options.ruleSet) continue;
      this.severities.set(r.meta.id, s ?? r.meta.severity);
      this.rules.push(r);
    }
  }
  dialect;
  options;
  catalog;
  rules;
  severities = /* @__PURE__ */ new Map();
  pgVersion;
  /** what the dialect adds to every rule context (`Dialect.ruleContext`) */
  extras;
  /** files under review seen so far (absPath): what they create belongs to this release, unknown to the running code */
  release = /* @__PURE__ */ new Set();
  /**
   * a file of the history (not under review) was replayed: only then are the files under review one
   * release (changed-only mode, a file or glob). Linting a whole directory reviews every file and
   * replays none: those files were deployed one by one, so each file is its own release.
   */
  sawHistory = false;
  /**
   * statement kind → the rules with a `check` for it, in rule order, for files that turn no rule off:
   * asked per statement instead of filtering 40 rules by kind for each of them
   */
  checksByKind = /* @__PURE__ */ new Map();
  /** a rule's options (config `rules.<id>.options`); the one shared, frozen empty object when it has none */
  optionsOf(rule) {
    return this.options.ruleOptions?.[rule.meta.id] ?? NO_OPTIONS;
  }
  /** Processes one parsed file: rules (when under review), then catalog replay. */
  processFile(parsed) {
    const observer = this.options.observer;
    observer?.fileStart?.(parsed);
    const result = this.walk(parsed);
    observer?.fileEnd?.(parsed, result);
    return result;
  }
  walk(parsed) {
    const { migration, statements } = parsed;
    const observer = this.options.observer;
    const findings = [];
    const review = migration.review;
    const dialect = this.dialect;
    const assume = !!this.options.assumeInTransaction && !disablesAssumeInTransaction(migration.source);
    const regions = migration.segments?.filter((s) => s.transaction);
    const session = dialect.session(migration.transaction === "wrapped" || assume);
    if (review) this.release.add(migration.absPath);
    else this.sawHistory = true;
    const bad = parsed.badBytes ?? [];
    if (review) {
      for (const e of bad) {
        findings.push({
          rule: "syntax-error",
          severity: "error",
          message: e.message,
          help: e.help ?? `Remove the bytes ${dialect.name} cannot read.`,
          path: migration.path,
          line: e.line,
          column: e.column,
          endLine: e.line,
          endColumn: e.column + 1,
          statementIndex: -1
        });
      }
    }
    if (migration.notText) return { migration, statements, findings };
    if (parsed.error && !bad.includes(parsed.error)) {
      if (review) {
        findings.push({
          rule: "syntax-error",
          severity: "error",
          message: `${dialect.name} cannot parse this file: ${parsed.error.message}.`,
          help: "Fix the SQL at this position; zerodown checks nothing else in this file until it parses.",
          path: migration.path,
          line: parsed.error.line,
          column: parsed.error.column,
          endLine: parsed.error.line,
          endColumn: parsed.error.column + 1,
          statementIndex: -1
        });
        findings.sort((x, y) => x.line - y.line || x.column - y.column);
      }
      return { migration, statements, findings };
    }
    const unparsed = parsed.unparsed;
    if (review && unparsed) {
      for (const u of unparsed) {
        const stmt = statements[u.index];
        if (!stmt) continue;
        findings.push({
          rule: "syntax-error",
          severity: u.ddl ? "error" : "warning",
          message: `not analysed: zerodown cannot read this statement as ${dialect.name} (${u.message}), so no rule checked this statement${u.ddl ? ", and a DDL statement it cannot read may lock or rewrite a table" : ""}.`,
          help: "Check this statement by hand (or split it into simpler statements); if the server accepts it, report the form to zerodown.",
          path: migration.path,
          line: stmt.span.line,
          column: stmt.span.column,
          endLine: stmt.span.endLine,
          endColumn: stmt.span.endColumn,
          statementIndex: stmt.index
        });
      }
    }
    const active = review && !parsed.ignoreFile ? this.rules.filter((r) => !parsed.ignoreFileRules.has(r.meta.id)) : [];
    const checksByKind = active.length === this.rules.length ? this.checksByKind : /* @__PURE__ */ new Map();
    const checksFor = (kind) => {
      let list = checksByKind.get(kind);
      if (!list) {
        list = active.filter((r) => r.check && (!r.meta.kinds || r.meta.kinds.includes(kind)));
        checksByKind.set(kind, list);
      }
      return list;
    };
    const catalog = this.catalog;
    const origin = migration.absPath;
    const key = (rel) => dialect.relationKey(rel);
    const inRelease = (from) => from !== void 0 && (from === origin || this.sawHistory && this.release.has(from));
    const ctxBase = {
      migration,
      statements,
      catalog,
      pgVersion: this.pgVersion,
      ...this.extras,
      table: (rel) => catalog.table(key(rel)),
      isNewTable: (rel) => {
        const t = catalog.table(key(rel));
        return t !== void 0 && catalog.createdIn(t) === origin;
      },
      isNewColumn: (rel, column) => {
        const t = catalog.table(key(rel));
        if (t === void 0 || catalog.createdIn(t) === origin) return false;
        const c = catalog.column(t, column);
        return c !== void 0 && catalog.addedIn(c) === origin;
      },
      isReleaseTable: (rel) => {
        const t = catalog.table(key(rel));
        return t !== void 0 && inRelease(catalog.createdIn(t));
      },
      isReleaseColumn: (rel, column) => {
        const t = catalog.table(key(rel));
        if (t === void 0) return false;
        if (inRelease(catalog.createdIn(t))) return true;
        const c = catalog.column(t, column);
        return c !== void 0 && inRelease(catalog.addedIn(c));
      },
      column: (rel, column) => {
        const t = catalog.table(key(rel));
        return t === void 0 ? void 0 : catalog.column(t, column);
      },
      ruleEnabled: (id) => this.severities.has(id)
    };
    for (const stmt of statements) {
      if (regions?.length) {
        const region = regions.find((s) => stmt.span.offset >= s.start && stmt.span.offset < s.end);
        if (region) session.enterRegion(region.transaction === "wrapped" || assume);
      }
      const before = findings.length;
      const checks = active.length && !stmt.ignoreAll ? checksFor(stmt.kind) : [];
      if (checks.length) {
        const ctx = { ...ctxBase, tx: { ...session.state }, options: {} };
        for (const rule of checks) {
          if (stmt.ignored.size && stmt.ignored.has(rule.meta.id)) continue;
          ctx.options = this.optionsOf(rule);
          for (const issue of toArray(rule.check(stmt, ctx)))
            findings.push(this.toFinding(rule, issue, stmt, migration));
        }
      }
      if (observer?.statement) observer.statement(parsed, stmt, findings.slice(before));
      catalog.apply(stmt, origin);
      if (stmt.index % 1e3 === 999 && active.length)
        this.options.onStatements?.(stmt.index + 1, statements.length, migration);
      session.after(stmt);
    }
    for (const rule of active) {
      if (!rule.checkFile) continue;
      const issues = toArray(
        rule.checkFile({
          migration,
          statements,
          tx: { ...session.state },
          catalog: ctxBase.catalog,
          pgVersion: this.pgVersion,
          ...this.extras,
          options: this.optionsOf(rule)
        })
      );
      for (const issue of issues) {
        const target = issue.statement;
        if (target && (target.ignoreAll || target.ignored.has(rule.meta.id))) continue;
        findings.push(this.toFinding(rule, issue, target, migration));
      }
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    return unparsed ? { migration, statements, findings, unanalysed: unparsed.length } : { migration, statements, findings };
  }
  toFinding(rule, issue, stmt, migration) {
    const s = issue.statement ?? stmt;
    const f = {
      rule: rule.meta.id,
      severity: issue.severity ?? this.severities.get(rule.meta.id) ?? rule.meta.severity,
      message: issue.message,
      help: issue.help,
      path: migration.path,
      line: s?.span.line ?? 1,
      column: s?.span.column ?? 1,
      endLine: s?.span.endLine ?? 1,
      endColumn: s?.span.endColumn ?? 1,
      statementIndex: s?.index ?? -1
    };
    if (issue.lock) f.lock = issue.lock;
    if (issue.table) f.table = issue.table;
    if (issue.data) f.data = issue.data;
    if (issue.online) f.online = issue.online;
    return f;
  }
};
function summarize(files) {
  const tally = new Tally();
  for (const f of files) tally.add(f);
  return tally.summary();
}
var Tally = class {
  files = 0;
  statements = 0;
  errors = 0;
  warnings = 0;
  notes = 0;
  unanalysed;
  add(f) {
    this.files++;
    this.statements += f.statements.length;
    if (f.unanalysed !== void 0) this.unanalysed = (this.unanalysed ?? 0) + f.unanalysed;
    for (const x of f.findings) {
      if (x.severity === "error") this.errors++;
      else if (x.severity === "note") this.notes++;
      else this.warnings++;
    }
  }
  summary() {
    const { files, statements, errors, warnings, notes, unanalysed } = this;
    const summary = { files, statements, errors, warnings };
    if (unanalysed !== void 0) summary.analysed = statements - unanalysed;
    if (notes) summary.notes = notes;
    return summary;
  }
};

// src/shadow/dryrun-confirm.ts
function sameTable(dialect, finding, traced) {
  if (!finding) return true;
  return dialect.probes.relationName(finding) === traced;
}
function tracedLookup(dry) {
  const byKey = /* @__PURE__ */ new Map();
  const runs = [];
  for (const s of dry.statements) {
    byKey.set(`${s.path}\0${s.index}`, s);
    if (s.count) runs.push(s);
  }
  return (path, index) => byKey.get(`${path}\0${index}`) ?? runs.find((r) => r.path === path && r.index <= index && index <= r.lastIndex);
}
function confirmFindings(result, dry, shadowDialect) {
  const dialect = shadowDialect ?? shadowOf(dialectOf(result.files.map((f) => f.migration)));
  const traced = tracedLookup(dry);
  let confirmed = 0;
  let unconfirmed = 0;
  const locksHidden = dry.limits.some((l) => l.id === "metadata-locks-invisible");
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.statementIndex < 0) continue;
      const s = traced(f.path, f.statementIndex);
      if (!s || s.skipped || s.error) continue;
      const predicted = f.online;
      if (predicted && s.online) {
        f.confirmed = predicted.algorithm === s.online.algorithm && predicted.lock === s.online.lock;
        if (f.confirmed) confirmed++;
        else unconfirmed++;
        continue;
      }
      const predictsRewrite = f.data?.rewrite === true;
      if (locksHidden && !predictsRewrite) continue;
      if (!f.lock && !predictsRewrite) continue;
      let seen = false;
      if (predictsRewrite) seen = s.rewrites.some((r) => sameTable(dialect, f.table, r));
      if (!seen && f.lock) {
        seen = s.locks.some(
          (l) => (l.source === "pg_locks" || l.source === "sampled") && l.mode === f.lock && sameTable(dialect, f.table, l.relation)
        );
      }
      f.confirmed = seen;
      if (seen) confirmed++;
      else unconfirmed++;
    }
  }
  return { confirmed, unconfirmed };
}
function stopFindings(result, dry) {
  let added = 0;
  const add = (s, message, help2) => {
    const file = result.files.find((f2) => f2.migration.path === s.path);
    if (!file) return;
    const f = {
      rule: "dry-run-error",
      severity: "error",
      message,
      help: help2,
      path: s.path,
      line: s.error?.line ?? s.line,
      column: s.error?.column ?? s.column,
      endLine: Math.max(s.error?.line ?? s.line, s.endLine),
      endColumn: 1,
      statementIndex: s.index,
      data: { code: "57014", engine: dry.engine, timedOut: true }
    };
    file.findings.push(f);
    file.findings.sort((a, b) => a.line - b.line || a.column - b.column);
    result.summary.errors++;
    added++;
  };
  const help = "Find what loops or waits (a LOOP without an exit, pg_sleep, a lock never released, a huge backfill in one statement); if it is legitimately slow on the seeded shadow, raise --shadow-timeout.";
  for (const s of dry.statements) {
    if (s.timedOut && s.error)
      add(
        s,
        `This statement ${s.error.message.replace(/; raise --shadow-timeout.*$/, "")} (${dry.engine}): in production it would hold its locks at least that long.`,
        help
      );
  }
  if (dry.stopped && dry.stopped.phase !== "run") {
    const firsts = /* @__PURE__ */ new Map();
    for (const s of dry.statements) if (s.index >= 0 && !firsts.has(s.path)) firsts.set(s.path, s);
    for (const s of firsts.values())
      add(
        s,
        `Not run on the shadow database: the dry run stopped before this file. ${dry.stopped.message.replace(/; raise --shadow-timeout.*$/, "")}.`,
        help
      );
  }
  return added;
}

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
  LintEngine,
  summarize,
  Tally,
  confirmFindings,
  stopFindings,
  ESTIMATE_DEFAULTS,
  statsSource,
  applyStats,
  estimateDryRun
};
