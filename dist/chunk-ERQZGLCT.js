import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  disablesAssumeInTransaction
} from "./chunk-IXAVB2MN.js";

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

export {
  LintEngine,
  summarize,
  Tally
};
