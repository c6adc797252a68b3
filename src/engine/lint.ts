/**
 * The lint engine: walks every migration once, in order, keeping the replayed
 * catalog and the transaction state, and asks the rules about each statement
 * of the files under review.
 */
import type { FileResult, Finding, LintResult, Migration, ParsedMigration, Severity, Statement } from '../model.js';
import { loadParser, parseMigration } from '../dialects/postgres/parse.js';
import { Catalog, relKey } from '../dialects/postgres/catalog.js';
import type { Issue, Rule, RuleContext, TxState } from '../rules/api.js';
import { allRules } from '../../rules/postgres/index.js';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  pgVersion?: number;
  /** treat every file as wrapped in a transaction by the migration tool */
  assumeInTransaction?: boolean;
  /** per-rule severity override or `off` */
  rules?: Record<string, RuleSetting>;
  /** per-rule options */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** rules to run instead of the built-in set (tests) */
  ruleSet?: Rule[];
  /** called after each file is processed */
  onProgress?: (done: number, total: number, m: Migration) => void;
  /** called every 1,000 statements of a long file under review, for a progress line */
  onStatements?: (done: number, total: number, m: Migration) => void;
}

export const DEFAULT_PG_VERSION = 15;

type RelArg = { schemaname?: string; relname?: string } | string | undefined;
const keyOf = (rel: RelArg) => (typeof rel === 'string' ? (rel.includes('.') ? rel : `public.${rel}`) : relKey(rel));

function toArray(x: Issue[] | Issue | undefined | void): Issue[] {
  if (!x) return [];
  return Array.isArray(x) ? x : [x];
}

function settingValue(args: any[] | undefined): string | number | undefined {
  const c = args?.[0]?.A_Const;
  if (!c) return undefined;
  if (c.sval) return c.sval.sval;
  if (c.ival) return c.ival.ival ?? 0;
  if ('ival' in c) return 0;
  return undefined;
}

function isZero(v: string | number | undefined): boolean {
  if (v === undefined) return true;
  if (typeof v === 'number') return v === 0;
  return /^\s*0+\s*(ms|s|min|h|d)?\s*$/i.test(v);
}

export class LintEngine {
  readonly catalog = new Catalog();
  private readonly rules: Rule[];
  private readonly severities = new Map<string, Severity>();
  readonly pgVersion: number;

  constructor(private readonly options: LintOptions = {}) {
    this.pgVersion = options.pgVersion ?? DEFAULT_PG_VERSION;
    const all = options.ruleSet ?? allRules;
    this.rules = [];
    for (const r of all) {
      const s = options.rules?.[r.meta.id];
      if (s === 'off') continue;
      this.severities.set(r.meta.id, s ?? r.meta.severity);
      this.rules.push(r);
    }
  }

  /** Processes one parsed file: rules (when under review), then catalog replay. */
  processFile(parsed: ParsedMigration): FileResult {
    const { migration, statements } = parsed;
    const findings: Finding[] = [];
    const review = migration.review;
    let wrapped = migration.transaction === 'wrapped' || !!this.options.assumeInTransaction;
    // regions the tool runs differently from the rest of the file (Segment.transaction): goose
    // NO TRANSACTION blocks, dbmate sections, Liquibase changesets, Supabase CLI statements run alone
    const regions = migration.segments?.filter((s) => s.transaction);
    const tx: TxState = {
      inTransaction: wrapped,
      explicit: false,
      depth: 0,
      lockTimeout: false,
      statementTimeout: false,
    };
    let localLock = false;
    let localStatement = false;
    // session-level values, which a SET LOCAL overrides only until COMMIT/ROLLBACK
    let sessionLock = false;
    let sessionStatement = false;

    // bad bytes (NUL, invalid UTF-8, not a text file): findings, then the statements around them are still checked
    const bad = parsed.badBytes ?? [];
    if (review) {
      for (const e of bad) {
        findings.push({
          rule: 'syntax-error',
          severity: 'error',
          message: e.message,
          help: e.help ?? 'Remove the bytes PostgreSQL cannot read.',
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
          message: `PostgreSQL cannot parse this file: ${parsed.error.message}.`,
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

    const active = review && !parsed.ignoreFile ? this.rules.filter((r) => !parsed.ignoreFileRules.has(r.meta.id)) : [];
    const catalog = this.catalog;
    const origin = migration.absPath;
    const ctxBase = {
      migration,
      statements,
      catalog,
      pgVersion: this.pgVersion,
      table: (rel: RelArg) => catalog.table(keyOf(rel)),
      isNewTable: (rel: RelArg) => catalog.table(keyOf(rel))?.createdIn === origin,
      isNewColumn: (rel: RelArg, column: string) => {
        const t = catalog.table(keyOf(rel));
        return !!t && t.createdIn !== origin && t.columns.get(column)?.addedIn === origin;
      },
      column: (rel: RelArg, column: string) => catalog.table(keyOf(rel))?.columns.get(column),
    };

    for (const stmt of statements) {
      const region = regions?.length
        ? regions.find((s) => stmt.span.offset >= s.start && stmt.span.offset < s.end)
        : undefined;
      if (region && tx.depth === 0)
        tx.inTransaction = wrapped = region.transaction === 'wrapped' || !!this.options.assumeInTransaction;
      if (active.length) {
        const ctx: RuleContext = { ...ctxBase, tx: { ...tx }, options: {} };
        for (const rule of active) {
          if (!rule.check) continue;
          if (rule.meta.kinds && !rule.meta.kinds.includes(stmt.kind)) continue;
          if (stmt.ignoreAll || stmt.ignored.has(rule.meta.id)) continue;
          ctx.options = this.options.ruleOptions?.[rule.meta.id] ?? {};
          for (const issue of toArray(rule.check(stmt, ctx)))
            findings.push(this.toFinding(rule, issue, stmt, migration));
        }
      }
      catalog.apply(stmt.kind, stmt.ast, origin);
      if (stmt.index % 1000 === 999 && active.length)
        this.options.onStatements?.(stmt.index + 1, statements.length, migration);
      // transaction and session state after this statement
      if (stmt.kind === 'TransactionStmt') {
        const k = stmt.ast.kind as string;
        if (k === 'TRANS_STMT_BEGIN' || k === 'TRANS_STMT_START') {
          tx.depth++;
          tx.explicit = true;
          tx.inTransaction = true;
        } else if (k === 'TRANS_STMT_COMMIT' || k === 'TRANS_STMT_ROLLBACK' || k === 'TRANS_STMT_PREPARE') {
          // PostgreSQL does not nest: the first COMMIT/ROLLBACK ends the transaction however many
          // BEGINs preceded it; `AND CHAIN` starts a new one at once.
          const chain = !!stmt.ast.chain && tx.explicit;
          tx.depth = chain ? 1 : 0;
          tx.explicit = chain;
          tx.inTransaction = chain || wrapped;
          if (localLock) tx.lockTimeout = sessionLock;
          if (localStatement) tx.statementTimeout = sessionStatement;
          localLock = localStatement = false;
        }
      } else if (stmt.kind === 'VariableSetStmt') {
        const name = stmt.ast.name as string | undefined;
        const on = stmt.ast.kind === 'VAR_SET_VALUE' && !isZero(settingValue(stmt.ast.args));
        const local = !!stmt.ast.is_local;
        // SET LOCAL outside a transaction block only raises a WARNING and changes nothing
        if (local && !tx.inTransaction) {
          // no effect
        } else if (name === 'lock_timeout') {
          tx.lockTimeout = on;
          localLock = local;
          if (!local) sessionLock = on;
        } else if (name === 'statement_timeout') {
          tx.statementTimeout = on;
          localStatement = local;
          if (!local) sessionStatement = on;
        } else if (stmt.ast.kind === 'VAR_RESET_ALL') {
          tx.lockTimeout = tx.statementTimeout = false;
          sessionLock = sessionStatement = false;
        }
      }
    }

    for (const rule of active) {
      if (!rule.checkFile) continue;
      const issues = toArray(
        rule.checkFile({
          migration,
          statements,
          tx: { ...tx },
          catalog,
          pgVersion: this.pgVersion,
          options: this.options.ruleOptions?.[rule.meta.id] ?? {},
        }),
      );
      for (const issue of issues) {
        const target = issue.statement;
        if (target && (target.ignoreAll || target.ignored.has(rule.meta.id))) continue;
        findings.push(this.toFinding(rule, issue, target, migration));
      }
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)); // not localeCompare: its first call loads ICU collation data, ~20 ms of every run
    return { migration, statements, findings };
  }

  private toFinding(rule: Rule, issue: Issue, stmt: Statement | undefined, migration: Migration): Finding {
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
    return f;
  }
}

/** Parses and lints migrations in order. History files (review=false) only feed the catalog. */
export async function lintMigrations(migrations: Migration[], options: LintOptions = {}): Promise<LintResult> {
  await loadParser();
  const engine = new LintEngine(options);
  const files: FileResult[] = [];
  let done = 0;
  for (const m of migrations) {
    const result = engine.processFile(parseMigration(m));
    if (m.review) files.push(result);
    options.onProgress?.(++done, migrations.length, m);
  }
  return { files, summary: summarize(files) };
}

export function summarize(files: FileResult[]): LintResult['summary'] {
  let statements = 0;
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    statements += f.statements.length;
    for (const x of f.findings) {
      if (x.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { files: files.length, statements, errors, warnings };
}
