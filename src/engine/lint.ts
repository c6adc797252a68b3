/**
 * The lint engine: walks every migration once, in order, keeping the replayed
 * catalog and the transaction state, and asks the rules about each statement
 * of the files under review. Dialect-neutral: the `Dialect` (src/dialect.ts)
 * parses, replays the catalog and models transactions; the engine never reads
 * a statement's AST.
 */
import type { Dialect, DialectCatalog, RelArg } from '../dialect.js';
import type { FileResult, Finding, LintResult, Migration, ParsedMigration, Severity, Statement } from '../model.js';
import type { Issue, Rule, RuleContext } from '../rules/api.js';
import { disablesAssumeInTransaction } from '../parse/ignores.js';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** target version of the dialect (PostgreSQL major); default `Dialect.defaultVersion` */
  pgVersion?: number;
  /** treat every file as wrapped in a transaction by the migration tool */
  assumeInTransaction?: boolean;
  /** per-rule severity override or `off` */
  rules?: Record<string, RuleSetting>;
  /** per-rule options */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** rules to run instead of the dialect's (tests) */
  ruleSet?: Rule[];
  /** called after each file is processed */
  onProgress?: (done: number, total: number, m: Migration) => void;
  /** called every 1,000 statements of a long file under review, for a progress line */
  onStatements?: (done: number, total: number, m: Migration) => void;
  /** a stage that walks along with the engine (the planner), seeing the catalog the engine replays */
  observer?: LintObserver;
  /**
   * the history already replayed (src/pipeline/history-cache.ts): the catalog to start from, instead of
   * an empty one, and the files it came from count as history seen
   */
  replayed?: DialectCatalog;
}

/**
 * A stage that walks the migrations along with the engine, so that the catalog is replayed once
 * (the planner, src/plan/planner.ts). It sees each statement after the rules and before the
 * catalog applies it, so the catalog it reads is the one just before the statement.
 */
export interface LintObserver {
  /** the engine's catalog, once, before the first file */
  attach(catalog: DialectCatalog): void;
  fileStart?(parsed: ParsedMigration<unknown>): void;
  /** `findings`: what the rules found on this statement (none in history files) */
  statement?(parsed: ParsedMigration<unknown>, stmt: Statement<unknown>, findings: readonly Finding[]): void;
  /** the file's result: all its findings, sorted (file-level ones included) */
  fileEnd?(parsed: ParsedMigration<unknown>, result: FileResult): void;
}

/** A statement as the engine sees it: its AST belongs to the dialect. */
type AnyStatement = Statement<unknown>;

function toArray(x: Issue[] | Issue | undefined | void): Issue[] {
  if (!x) return [];
  return Array.isArray(x) ? x : [x];
}

/** the options of a rule the config gives none: one object, frozen, so that no rule can change another's */
const NO_OPTIONS: Record<string, unknown> = Object.freeze({});

export class LintEngine {
  readonly catalog: DialectCatalog;
  private readonly rules: Rule[];
  private readonly severities = new Map<string, Severity>();
  readonly pgVersion: number;
  /** what the dialect adds to every rule context (`Dialect.ruleContext`) */
  private readonly extras: Record<string, unknown>;
  /** files under review seen so far (absPath): what they create belongs to this release, unknown to the running code */
  private readonly release = new Set<string>();
  /**
   * a file of the history (not under review) was replayed: only then are the files under review one
   * release (changed-only mode, a file or glob). Linting a whole directory reviews every file and
   * replays none: those files were deployed one by one, so each file is its own release.
   */
  private sawHistory = false;
  /**
   * statement kind → the rules with a `check` for it, in rule order, for files that turn no rule off:
   * asked per statement instead of filtering 40 rules by kind for each of them
   */
  private readonly checksByKind = new Map<string, Rule[]>();

  constructor(
    readonly dialect: Dialect,
    private readonly options: LintOptions = {},
  ) {
    this.catalog = options.replayed ?? dialect.newCatalog();
    this.sawHistory = options.replayed !== undefined;
    options.observer?.attach(this.catalog);
    this.pgVersion = options.pgVersion ?? dialect.defaultVersion;
    this.extras = dialect.ruleContext?.(this.pgVersion) ?? {};
    const all = options.ruleSet ?? dialect.rules;
    this.rules = [];
    for (const r of all) {
      const s = options.rules?.[r.meta.id];
      // an opt-in rule runs when the config names it, or when the caller hands the rules in (`ruleSet`)
      if (s === 'off' || (s === undefined && r.meta.optIn && !options.ruleSet)) continue;
      this.severities.set(r.meta.id, s ?? r.meta.severity);
      this.rules.push(r);
    }
  }

  /** a rule's options (config `rules.<id>.options`); the one shared, frozen empty object when it has none */
  private optionsOf(rule: Rule): Record<string, unknown> {
    return this.options.ruleOptions?.[rule.meta.id] ?? NO_OPTIONS;
  }

  /** Processes one parsed file: rules (when under review), then catalog replay. */
  processFile(parsed: ParsedMigration<unknown>): FileResult {
    const observer = this.options.observer;
    observer?.fileStart?.(parsed);
    const result = this.walk(parsed);
    observer?.fileEnd?.(parsed, result);
    return result;
  }

  private walk(parsed: ParsedMigration<unknown>): FileResult {
    const { migration, statements } = parsed;
    const observer = this.options.observer;
    const findings: Finding[] = [];
    const review = migration.review;
    const dialect = this.dialect;
    // squawk's file comment `-- squawk-disable-assume-in-transaction` turns the assumption off for this file
    const assume = !!this.options.assumeInTransaction && !disablesAssumeInTransaction(migration.source);
    // regions the tool runs differently from the rest of the file (Segment.transaction): goose
    // NO TRANSACTION blocks, dbmate sections, Liquibase changesets, Supabase CLI statements run alone
    const regions = migration.segments?.filter((s) => s.transaction);
    const session = dialect.session(migration.transaction === 'wrapped' || assume);
    if (review) this.release.add(migration.absPath);
    else this.sawHistory = true;

    // bad bytes (NUL, invalid UTF-8, not a text file): findings, then the statements around them are still checked
    const bad = parsed.badBytes ?? [];
    if (review) {
      for (const e of bad) {
        findings.push({
          rule: 'syntax-error',
          severity: 'error',
          message: e.message,
          help: e.help ?? `Remove the bytes ${dialect.name} cannot read.`,
          path: migration.path,
          line: e.line,
          column: e.column,
          endLine: e.line,
          endColumn: e.column + 1,
          statementIndex: -1,
        });
      }
    }
    if (migration.notText) return { migration, statements, findings };
    if (parsed.error && !bad.includes(parsed.error)) {
      if (review) {
        findings.push({
          rule: 'syntax-error',
          severity: 'error',
          message: `${dialect.name} cannot parse this file: ${parsed.error.message}.`,
          help: 'Fix the SQL at this position; zerodown checks nothing else in this file until it parses.',
          path: migration.path,
          line: parsed.error.line,
          column: parsed.error.column,
          endLine: parsed.error.line,
          endColumn: parsed.error.column + 1,
          statementIndex: -1,
        });
        findings.sort((x, y) => x.line - y.line || x.column - y.column);
      }
      return { migration, statements, findings };
    }

    // statements no parser could read: not analysed, said at their line (fail closed)
    const unparsed = parsed.unparsed;
    if (review && unparsed) {
      for (const u of unparsed) {
        const stmt = statements[u.index];
        if (!stmt) continue;
        findings.push({
          rule: 'syntax-error',
          severity: u.ddl ? 'error' : 'warning',
          message: `not analysed: zerodown cannot read this statement as ${dialect.name} (${u.message}), so no rule checked this statement${u.ddl ? ', and a DDL statement it cannot read may lock or rewrite a table' : ''}.`,
          help: 'Check this statement by hand (or split it into simpler statements); if the server accepts it, report the form to zerodown.',
          path: migration.path,
          line: stmt.span.line,
          column: stmt.span.column,
          endLine: stmt.span.endLine,
          endColumn: stmt.span.endColumn,
          statementIndex: stmt.index,
        });
      }
    }

    const active = review && !parsed.ignoreFile ? this.rules.filter((r) => !parsed.ignoreFileRules.has(r.meta.id)) : [];
    const checksByKind = active.length === this.rules.length ? this.checksByKind : new Map<string, Rule[]>();
    const checksFor = (kind: string): Rule[] => {
      let list = checksByKind.get(kind);
      if (!list) {
        list = active.filter((r) => r.check && (!r.meta.kinds || r.meta.kinds.includes(kind)));
        checksByKind.set(kind, list);
      }
      return list;
    };
    const catalog = this.catalog;
    const origin = migration.absPath;
    const key = (rel: RelArg) => dialect.relationKey(rel);
    const inRelease = (from: string | undefined) =>
      from !== undefined && (from === origin || (this.sawHistory && this.release.has(from)));
    const ctxBase = {
      migration,
      statements,
      catalog,
      pgVersion: this.pgVersion,
      ...this.extras,
      table: (rel: RelArg) => catalog.table(key(rel)),
      isNewTable: (rel: RelArg) => {
        const t = catalog.table(key(rel));
        return t !== undefined && catalog.createdIn(t) === origin;
      },
      isNewColumn: (rel: RelArg, column: string) => {
        const t = catalog.table(key(rel));
        if (t === undefined || catalog.createdIn(t) === origin) return false;
        const c = catalog.column(t, column);
        return c !== undefined && catalog.addedIn(c) === origin;
      },
      isReleaseTable: (rel: RelArg) => {
        const t = catalog.table(key(rel));
        return t !== undefined && inRelease(catalog.createdIn(t));
      },
      isReleaseColumn: (rel: RelArg, column: string) => {
        const t = catalog.table(key(rel));
        if (t === undefined) return false;
        if (inRelease(catalog.createdIn(t))) return true;
        const c = catalog.column(t, column);
        return c !== undefined && inRelease(catalog.addedIn(c));
      },
      column: (rel: RelArg, column: string) => {
        const t = catalog.table(key(rel));
        return t === undefined ? undefined : catalog.column(t, column);
      },
      ruleEnabled: (id: string) => this.severities.has(id),
    };

    for (const stmt of statements) {
      if (regions?.length) {
        const region = regions.find((s) => stmt.span.offset >= s.start && stmt.span.offset < s.end);
        if (region) session.enterRegion(region.transaction === 'wrapped' || assume);
      }
      const before = findings.length;
      const checks = active.length && !stmt.ignoreAll ? checksFor(stmt.kind) : [];
      if (checks.length) {
        const ctx: RuleContext = { ...ctxBase, tx: { ...session.state }, options: {} };
        for (const rule of checks) {
          if (stmt.ignored.size && stmt.ignored.has(rule.meta.id)) continue;
          ctx.options = this.optionsOf(rule);
          for (const issue of toArray(rule.check!(stmt, ctx)))
            findings.push(this.toFinding(rule, issue, stmt, migration));
        }
      }
      if (observer?.statement) observer.statement(parsed, stmt, findings.slice(before));
      catalog.apply(stmt, origin);
      if (stmt.index % 1000 === 999 && active.length)
        this.options.onStatements?.(stmt.index + 1, statements.length, migration);
      // transaction and session state after this statement
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
          options: this.optionsOf(rule),
        }),
      );
      for (const issue of issues) {
        const target = issue.statement;
        if (target && (target.ignoreAll || target.ignored.has(rule.meta.id))) continue;
        findings.push(this.toFinding(rule, issue, target, migration));
      }
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)); // not localeCompare: its first call loads ICU collation data, ~20 ms of every run
    return unparsed
      ? { migration, statements, findings, unanalysed: unparsed.length }
      : { migration, statements, findings };
  }

  private toFinding(rule: Rule, issue: Issue, stmt: AnyStatement | undefined, migration: Migration): Finding {
    const s = issue.statement ?? stmt;
    const f: Finding = {
      rule: rule.meta.id,
      severity: issue.severity ?? this.severities.get(rule.meta.id) ?? rule.meta.severity,
      message: issue.message,
      help: issue.help,
      path: migration.path,
      line: s?.span.line ?? 1,
      column: s?.span.column ?? 1,
      endLine: s?.span.endLine ?? 1,
      endColumn: s?.span.endColumn ?? 1,
      statementIndex: s?.index ?? -1,
    };
    if (issue.lock) f.lock = issue.lock;
    if (issue.table) f.table = issue.table;
    if (issue.data) f.data = issue.data;
    if (issue.online) f.online = issue.online;
    return f;
  }
}

export function summarize(files: FileResult[]): LintResult['summary'] {
  const tally = new Tally();
  for (const f of files) tally.add(f);
  return tally.summary();
}

/** The summary counted a file at a time, for a run that keeps no file's result (src/pipeline/index.ts `onFile`). */
export class Tally {
  private files = 0;
  private statements = 0;
  private errors = 0;
  private warnings = 0;
  private notes = 0;
  private unanalysed: number | undefined;

  add(f: FileResult): void {
    this.files++;
    this.statements += f.statements.length;
    if (f.unanalysed !== undefined) this.unanalysed = (this.unanalysed ?? 0) + f.unanalysed;
    for (const x of f.findings) {
      if (x.severity === 'error') this.errors++;
      else if (x.severity === 'note') this.notes++;
      else this.warnings++;
    }
  }

  summary(): LintResult['summary'] {
    const { files, statements, errors, warnings, notes, unanalysed } = this;
    const summary: LintResult['summary'] = { files, statements, errors, warnings };
    if (unanalysed !== undefined) summary.analysed = statements - unanalysed;
    if (notes) summary.notes = notes;
    return summary;
  }
}
