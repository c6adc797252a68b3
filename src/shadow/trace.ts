/**
 * Runs migration statements on the shadow the way the migration tool would
 * (inside the file's transaction or not; explicit BEGIN/COMMIT respected) and,
 * when tracing, records for each statement: the locks it took (pg_locks of our
 * own backend, read while its transaction is still open), table and index
 * rewrites (pg_class.relfilenode changed), its duration and its error.
 *
 * Autocommit statements are wrapped in BEGIN … COMMIT so their locks can be
 * read before they are released; a statement that cannot run in a transaction
 * block (CREATE INDEX CONCURRENTLY, …) runs on its own and reports the lock
 * PostgreSQL documents for it (plus what a second connection saw, on a server).
 */
import type { Migration, ParsedMigration, Statement, TransactionMode } from '../model.js';
import { loadParser, parseMigration } from '../dialects/postgres/parse.js';
import { displayTable } from '../dialects/postgres/util.js';
import { statementLocks } from '../dialects/postgres/locks.js';
import type { Shadow, SqlError } from './driver.js';
import { isShadowStop, toSqlError } from './driver.js';
import { isAuxiliary, lockEffect, lockStrength, ownLocks, RELKIND, relations, type RelMap } from '../dialects/postgres/shadow/inspect.js';
import { breaksBatch, documentedLocks, notInTransaction, refusedOnShadow, txControl } from '../dialects/postgres/shadow/statements.js';

export interface LockInfo {
  /** relation name as `schema.name` (the default schema dropped) */
  relation: string;
  /** PostgreSQL lock mode name, as pg_locks reports it */
  mode: string;
  blocksReads: boolean;
  blocksWrites: boolean;
  /** table, index, sequence, view, … */
  kind?: string;
  /**
   * `pg_locks` (read in the open transaction), `documented` (PostgreSQL docs), `sampled` (seen from a
   * second connection), `held` (the statement needs it, and its transaction already held it)
   */
  source: 'pg_locks' | 'documented' | 'sampled' | 'held';
  /** with `held`: the line of the statement that took the lock first */
  heldSince?: number;
}

export interface StatementError extends SqlError {
  path: string;
  /** 1-based line of the error: the statement's line, or the line of PostgreSQL's error position inside it */
  line: number;
  column: number;
  /** set when the failure comes from an engine limit (e.g. an extension PGlite does not bundle) */
  limit?: string;
  /** set when the failure probably follows from a statement the shadow did not run (it reaches outside) */
  consequenceOf?: string;
}

export interface TracedStatement {
  path: string;
  /** index of the statement within its file */
  index: number;
  line: number;
  column: number;
  endLine: number;
  /** AST node type, e.g. AlterTableStmt */
  kind: string;
  sql: string;
  durationMs: number;
  locks: LockInfo[];
  /** tables (and materialized views) whose relfilenode changed: the data was rewritten */
  rewrites: string[];
  /** indexes rebuilt (relfilenode changed) */
  rebuiltIndexes: string[];
  error: StatementError | null;
  /** how it ran: inside the file's transaction, an explicit BEGIN block, autocommit (wrapped by the tracer), or alone (cannot run in a transaction) */
  transaction: 'file' | 'explicit' | 'autocommit' | 'alone';
  /** not run, because an earlier statement of the file failed (migration tools stop there) or the shadow run stopped */
  skipped?: boolean;
  /**
   * not run on the shadow, and why: the statement reaches outside the throwaway database
   * (src/rules/outside.ts). The file goes on with the next statement.
   */
  refused?: string;
  /**
   * set when this record stands for a run of consecutive INSERT … VALUES into one table (statements
   * `index` … `lastIndex`, lines `line` … `endLine`), traced together: see traceInsertRun
   */
  count?: number;
  lastIndex?: number;
  /** it overran the shadow's time bound (`--shadow-timeout`) and was stopped; `error` says so (SQLSTATE 57014) */
  timedOut?: boolean;
}

export interface HeldLock {
  path: string;
  relation: string;
  mode: string;
  blocksReads: boolean;
  blocksWrites: boolean;
  /** line of the statement that took the lock */
  line: number;
  /** line where the transaction ended */
  untilLine: number;
  until: 'COMMIT' | 'ROLLBACK' | 'end of file' | 'error';
  /** statements run while the lock was held (the one that took it included, COMMIT excluded) */
  statements: number;
  /** time the lock was held on the shadow: durations of those statements and the COMMIT */
  heldMs: number;
  /** rows in the table on the shadow when the run started (seeded), when known */
  rows?: number;
  /**
   * indexes and sequences the same statement locked no less strongly (a rewrite locks every
   * index of its table): folded into this entry instead of a held lock each
   */
  alsoLocked?: { relation: string; kind: string }[];
}

export interface TraceResult {
  path: string;
  statements: TracedStatement[];
  heldLocks: HeldLock[];
  /** the file's first error, if any */
  error: StatementError | null;
  /**
   * a statement overran the time bound (or the shadow was stopped): the engine is gone, the
   * rest of the file is marked not run, and nothing more can run on this shadow
   */
  stopped?: boolean;
}

/** The statements of a file that never ran because the shadow run stopped before it. */
export function notRun(input: TraceInput): TracedStatement[] {
  const parsed = toParsed(input);
  return parsed.statements.map((stmt) => ({
    path: parsed.migration.path,
    index: stmt.index,
    line: stmt.span.line,
    column: stmt.span.column,
    endLine: stmt.span.endLine,
    kind: stmt.kind,
    sql: stmt.text,
    durationMs: 0,
    locks: [],
    rewrites: [],
    rebuiltIndexes: [],
    error: null,
    transaction: 'autocommit',
    skipped: true,
  }));
}

export type TraceInput = Migration | ParsedMigration | { path?: string; sql: string; transaction?: TransactionMode };

export interface TraceOptions {
  /** override how the tool runs the file (default: the migration's own mode; `none` for plain SQL) */
  transaction?: TransactionMode;
  /** record locks and rewrites (default true). false only runs the statements (history replay) */
  trace?: boolean;
  /** seeded row counts by relation name (as in LockInfo.relation), for the held-lock report */
  rows?: Map<string, number>;
  /** called after each statement */
  onStatement?: (s: TracedStatement) => void;
  /**
   * keep going after an error, like `psql` without ON_ERROR_STOP (schema dumps).
   * Default false: migration tools stop a file at its first error.
   */
  continueOnError?: boolean;
}

export function toParsed(input: TraceInput): ParsedMigration {
  if ('statements' in input && 'migration' in input) return input;
  if ('source' in input && 'absPath' in input) return parseMigration(input);
  const m: Migration = {
    path: input.path ?? '<sql>',
    absPath: input.path ?? '<sql>',
    source: input.sql,
    dialect: 'postgres',
    framework: 'plain',
    transaction: input.transaction ?? 'none',
    review: true,
  };
  return parseMigration(m);
}

function errorAt(stmt: Statement, path: string, err: SqlError): StatementError {
  let line = stmt.span.line;
  let column = stmt.span.column;
  if (err.position && err.position <= stmt.text.length + 1) {
    const before = stmt.text.slice(0, err.position - 1);
    const nl = before.split('\n').length - 1;
    if (nl > 0) {
      line += nl;
      column = before.length - before.lastIndexOf('\n');
    } else column += before.length;
  }
  return { ...err, path, line, column };
}

/** SQLSTATEs of "X does not exist": what a statement that was not run (a role, an extension) causes later. */
export const MISSING_OBJECT = new Set(['42704', '42883', '42P01', '42703', '3F000']);

const now = () => performance.now();
const round = (ms: number) => Math.round(ms * 100) / 100;

interface TxState {
  kind: 'file' | 'explicit';
  /** relations that existed when the transaction began (locks on newer ones are invisible to others) */
  startRels?: RelMap;
  held: Map<string, { mode: string; index: number; line: number; kind?: string }>;
  /** statement indexes run inside it, with durations */
  run: { index: number; durationMs: number; control: boolean }[];
}

/** Runs one file (or SQL string) on the shadow. Never throws for SQL errors: they are in the result. */
export async function runTraced(shadow: Shadow, input: TraceInput, opts: TraceOptions = {}): Promise<TraceResult> {
  await loadParser();
  const parsed = toParsed(input);
  const path = parsed.migration.path;
  const mode = opts.transaction ?? parsed.migration.transaction;
  const trace = opts.trace !== false;
  const out: TraceResult = { path, statements: [], heldLocks: [], error: null };
  if (parsed.error) {
    const lines = parsed.migration.source.split('\n');
    out.error = {
      code: parsed.error.code ?? '42601',
      message: parsed.error.message,
      path,
      line: parsed.error.line,
      column: parsed.error.column,
    };
    out.statements.push({
      path,
      index: -1,
      line: parsed.error.line,
      column: parsed.error.column,
      endLine: parsed.error.line,
      kind: 'syntax-error',
      sql: (lines[parsed.error.line - 1] ?? '').trim(),
      durationMs: 0,
      locks: [],
      rewrites: [],
      rebuiltIndexes: [],
      error: out.error,
      transaction: 'autocommit',
    });
    return out;
  }
  const statements = parsed.statements;
  if (!trace) {
    try {
      if (await tryBatch(shadow, statements)) return out;
    } catch (err) {
      // the file, run as one batch, overran the bound: which statement is unknown, so its first one carries it
      const first = statements[0]!;
      const e = errorAt(first, path, toSqlError(err));
      e.message = `this file (run in one batch on the shadow) ${e.message}`;
      out.error = e;
      out.stopped = true;
      out.statements.push({ ...notRun(parsed)[0]!, skipped: false, error: e, timedOut: true });
      out.statements.push(...notRun(parsed).slice(1));
      return out;
    }
  }

  let tx: TxState | undefined;
  let failed = false;
  let sampler: Sampler | undefined;
  const endTx = (until: HeldLock['until'], untilLine: number, commitMs: number) => {
    if (!tx) return;
    // an index or sequence locked by the statement that locked a table at least as strongly tells
    // a reader nothing the table's entry does not: it is listed with the table
    const folded = new Map<string, { relation: string; kind: string }[]>();
    const tables = [...tx.held].filter(([, h]) => !isAuxiliary(h.kind));
    for (const [relation, h] of tx.held) {
      if (!isAuxiliary(h.kind)) continue;
      const owner = tables
        .filter(([, t]) => t.index === h.index && lockStrength(t.mode) >= lockStrength(h.mode))
        .sort(([, a], [, b]) => lockStrength(b.mode) - lockStrength(a.mode))[0];
      if (!owner) continue;
      folded.set(owner[0], [...(folded.get(owner[0]) ?? []), { relation, kind: h.kind! }]);
    }
    const isFolded = new Set([...folded.values()].flat().map((f) => f.relation));
    for (const [relation, h] of tx.held) {
      if (isFolded.has(relation)) continue;
      const after = tx.run.filter((r) => r.index >= h.index);
      const count = after.filter((r) => !r.control).length;
      if (count < 2 && until !== 'error') continue; // held only by its own statement: its duration says it all
      const held: HeldLock = {
        path,
        relation,
        mode: h.mode,
        ...lockEffect(h.mode),
        line: h.line,
        untilLine,
        until,
        statements: count,
        heldMs: round(after.reduce((s, r) => s + r.durationMs, 0) + commitMs),
      };
      const rows = opts.rows?.get(relation);
      if (rows !== undefined) held.rows = rows;
      const also = folded.get(relation);
      if (also) held.alsoLocked = also.sort((a, b) => a.relation.localeCompare(b.relation));
      out.heldLocks.push(held);
    }
    tx = undefined;
  };

  // A file may run partly in a transaction (Segment.transaction: goose NO TRANSACTION
  // blocks, dbmate sections, …): each region is a unit the tool wraps or not.
  const segments = opts.transaction ? undefined : parsed.migration.segments?.filter((sg) => sg.transaction);
  const unitOf = (stmt: Statement): { key: number; wrapped: boolean } => {
    if (segments?.length) {
      const i = segments.findIndex((sg) => stmt.span.offset >= sg.start && stmt.span.offset < sg.end);
      if (i >= 0) return { key: i, wrapped: segments[i]!.transaction === 'wrapped' };
    }
    return { key: -1, wrapped: mode === 'wrapped' };
  };
  /** COMMIT of the transaction the tool opened around a unit; false when it failed (deferred constraints) */
  const commitToolTx = async (last: Statement): Promise<boolean> => {
    const c0 = now();
    try {
      await shadow.exec('COMMIT');
      endTx('end of file', last.span.endLine, now() - c0);
      return true;
    } catch (err) {
      const e = errorAt(last, path, toSqlError(err));
      out.error ??= e;
      const rec = out.statements.find((x) => x.index === last.index);
      if (rec && !rec.error) rec.error = e;
      endTx('error', last.span.endLine, 0);
      await shadow.exec('ROLLBACK').catch(() => {});
      return false;
    }
  };
  let unit: number | undefined;
  let prev: Statement | undefined;
  let groupedThrough = -1;
  let ungroupedThrough = -1;
  /** the statement being run, for a stop that happens in the tracer's own queries around it */
  let current: Statement | undefined;

  try {
    for (const stmt of statements) {
      if (stmt.index <= groupedThrough) continue; // traced with the run of INSERTs before it
      current = stmt;
      const base: Omit<TracedStatement, 'durationMs' | 'error' | 'transaction'> = {
        path,
        index: stmt.index,
        line: stmt.span.line,
        column: stmt.span.column,
        endLine: stmt.span.endLine,
        kind: stmt.kind,
        sql: sqlExcerpt(stmt.text),
        locks: [],
        rewrites: [],
        rebuiltIndexes: [],
      };
      if (failed) {
        const skipped: TracedStatement = {
          ...base,
          durationMs: 0,
          error: null,
          transaction: tx ? tx.kind : 'autocommit',
          skipped: true,
        };
        out.statements.push(skipped);
        continue;
      }
      const u = unitOf(stmt);
      if (u.key !== unit) {
        // leaving a unit the tool wrapped: it commits; entering one it wraps: it begins
        if (tx?.kind === 'file' && prev && !(await commitToolTx(prev))) {
          failed = true;
          out.statements.push({ ...base, durationMs: 0, error: null, transaction: 'autocommit', skipped: true });
          continue;
        }
        unit = u.key;
        if (u.wrapped && !tx) {
          await shadow.exec('BEGIN');
          tx = { kind: 'file', startRels: trace ? await relations(shadow) : undefined, held: new Map(), run: [] };
        }
      }
      prev = stmt;
      const refused = refusedOnShadow(stmt, shadow.kind);
      if (refused) {
        // once per shadow: what depends on a statement that was not run may fail later, in any file
        if (!shadow.limits.some((l) => l.id === 'not-run'))
          shadow.limits.push({
            id: 'not-run',
            subject: `${path}:${stmt.span.line}`,
            message: `statements that reach outside the throwaway database are not run on the shadow (first: ${path}:${stmt.span.line}, ${refused}); statements that depend on them may fail there`,
          });
        const rec: TracedStatement = {
          ...base,
          durationMs: 0,
          error: null,
          transaction: tx ? tx.kind : 'autocommit',
          refused,
        };
        out.statements.push(rec);
        opts.onStatement?.(rec);
        continue;
      }
      if (trace && stmt.index > ungroupedThrough) {
        // a run stops before a statement the shadow refuses (it is reported on its own, not run)
        const run = insertRun(
          statements,
          stmt.index,
          (x) => unitOf(x).key === u.key && !refusedOnShadow(x, shadow.kind),
        );
        const rec = run && (await traceInsertRun(shadow, run, path, tx));
        // not provably the same for each statement: trace the rest of this run one by one
        if (run && !rec) ungroupedThrough = insertRunEnd(statements, stmt.index);
        if (rec) {
          groupedThrough = rec.lastIndex!;
          prev = run[run.length - 1]!;
          for (const x of run)
            tx?.run.push({ index: x.index, durationMs: rec.durationMs / run.length, control: false });
          if (!foldInto(out.statements[out.statements.length - 1], rec)) out.statements.push(rec);
          opts.onStatement?.(rec);
          continue;
        }
      }
      const ctl = txControl(stmt);
      const alone = notInTransaction(stmt, shadow.serverVersion);
      const ownWrap = trace && !tx && !ctl && !alone;
      const how: TracedStatement['transaction'] = tx ? tx.kind : alone ? 'alone' : 'autocommit';
      if (ownWrap) await shadow.exec('BEGIN');
      const beforeRels = trace ? await relations(shadow) : undefined;
      const beforeLocks = trace && (tx || ownWrap) ? await ownLocks(shadow) : undefined;
      if (trace && alone && !tx && shadow.openSideConnection) {
        // no second connection (the migration may have revoked CONNECT): documented locks only
        sampler ??= await Sampler.open(shadow).catch(() => undefined);
      }
      const sampling = trace && alone && !tx && sampler ? sampler.start() : undefined;
      const t0 = now();
      let sqlErr: SqlError | undefined;
      try {
        await shadow.exec(stmt.text);
      } catch (err) {
        sqlErr = toSqlError(err);
      }
      const durationMs = now() - t0;
      const sampled = sampling ? await sampling.stop() : [];
      const rec: TracedStatement = { ...base, durationMs: round(durationMs), error: null, transaction: how };
      if (sqlErr?.timedOut) {
        // the engine was stopped with it: no ROLLBACK, no lock reading, nothing more on this shadow
        rec.error = errorAt(stmt, path, sqlErr);
        rec.timedOut = true;
        out.error ??= rec.error;
        out.statements.push(rec);
        opts.onStatement?.(rec);
        throw new StoppedHere();
      }
      if (sqlErr) {
        rec.error = errorAt(stmt, path, sqlErr);
        if (stmt.kind === 'CreateExtensionStmt') {
          const name = stmt.ast?.extname;
          const untrusted = shadow.kind === 'postgresql' && sqlErr.code === '42501';
          if (name && (shadow.extensionAvailable(name) === false || untrusted)) {
            rec.error.limit =
              shadow.kind === 'pglite'
                ? `extension "${name}" is not bundled with PGlite: statements that need it fail on the embedded shadow (run with --shadow-url on a server that has it)`
                : untrusted
                  ? `extension "${name}" is not trusted (only a superuser may create it), and the migrations run on the shadow server as an unprivileged role: statements that need it fail there`
                  : `extension "${name}" is not installed on the shadow server (${shadow.engine})`;
            // one engine limit per extension, however many statements trip over it
            if (!shadow.limits.some((l) => l.id === 'extension-unavailable' && l.subject === name)) {
              shadow.limits.push({ id: 'extension-unavailable', subject: name, message: rec.error.limit });
            }
          }
        }
        if (!rec.error.limit && sqlErr.code === '42501' && shadow.kind === 'postgresql') {
          // a server shadow never runs migrations as a superuser (src/shadow/postgres.ts)
          rec.error.limit = `the shadow server runs the migrations as a role that is not a superuser and is a member of no other role, and this statement needs more`;
          if (!shadow.limits.some((l) => l.id === 'privilege'))
            shadow.limits.push({
              id: 'privilege',
              subject: `${path}:${stmt.span.line}`,
              message: `the shadow server runs the migrations as a role that is not a superuser and is a member of no other role: statements that need more (DISABLE TRIGGER ALL, OWNER TO another role, event triggers, …) fail there (first: ${path}:${stmt.span.line})`,
            });
        }
        const cause = shadow.limits.find((l) => l.id === 'not-run' || l.id === 'privilege');
        if (!rec.error.limit && cause && MISSING_OBJECT.has(sqlErr.code)) {
          rec.error.consequenceOf =
            cause.id === 'not-run'
              ? `a statement that was not run on the shadow (first: ${cause.subject})`
              : `a statement that needed more privileges than the shadow's role has (first: ${cause.subject})`;
        }
        out.error ??= rec.error;
        failed = !opts.continueOnError;
        if (ownWrap) await shadow.exec('ROLLBACK');
        else if (tx) {
          tx.run.push({ index: stmt.index, durationMs, control: false });
          endTx('error', stmt.span.line, 0);
          await shadow.exec('ROLLBACK');
        }
        out.statements.push(rec);
        opts.onStatement?.(rec);
        continue;
      }
      if (trace && beforeRels) {
        const afterRels = await relations(shadow);
        const visible = tx?.startRels ?? beforeRels;
        if (beforeLocks) {
          const afterLocks = await ownLocks(shadow);
          const had = new Set(beforeLocks.map((l) => `${l.oid}/${l.mode}`));
          for (const l of afterLocks) {
            if (had.has(`${l.oid}/${l.mode}`)) continue;
            const rel = visible.get(l.oid);
            if (!rel) continue; // created in this transaction: nobody else can see it yet
            rec.locks.push({
              relation: rel.name,
              mode: l.mode,
              ...lockEffect(l.mode),
              kind: RELKIND[rel.relkind] ?? rel.relkind,
              source: 'pg_locks',
            });
          }
        } else if (alone) {
          const byName = new Map([...beforeRels.values()].map((r) => [r.name, r]));
          for (const d of documentedLocks(stmt)) {
            const name = displayTable(d.relation);
            const rel = byName.get(name);
            rec.locks.push({
              relation: name,
              mode: d.mode,
              ...lockEffect(d.mode),
              kind: rel ? (RELKIND[rel.relkind] ?? rel.relkind) : undefined,
              source: 'documented',
            });
          }
          for (const s of sampled) {
            const rel = beforeRels.get(s.oid) ?? afterRels.get(s.oid);
            if (!rel || !beforeRels.has(s.oid)) continue;
            if (rec.locks.some((l) => l.relation === rel.name && l.mode === s.mode)) continue;
            rec.locks.push({
              relation: rel.name,
              mode: s.mode,
              ...lockEffect(s.mode),
              kind: RELKIND[rel.relkind] ?? rel.relkind,
              source: 'sampled',
            });
          }
        }
        if (tx && beforeLocks) {
          // a lock the transaction already holds takes no new pg_locks row: say so rather than "none"
          for (const target of statementLocks(stmt.kind, stmt.ast, { pgVersion: shadow.serverVersion })) {
            if (!target.rel) continue;
            const name = displayTable(target.rel);
            const h = tx.held.get(name);
            if (!h || lockStrength(h.mode) < lockStrength(target.mode)) continue;
            if (rec.locks.some((l) => l.relation === name)) continue;
            rec.locks.push({
              relation: name,
              mode: target.mode,
              ...lockEffect(target.mode),
              kind: h.kind ?? 'table',
              source: 'held',
              heldSince: h.line,
            });
          }
        }
        rec.locks.sort((a, b) => lockStrength(b.mode) - lockStrength(a.mode) || a.relation.localeCompare(b.relation));
        // relations other sessions can see (existing before the transaction), compared with their
        // state just before THIS statement, so a rewrite is reported by the statement that did it only
        for (const oid of visible.keys()) {
          const before = beforeRels.get(oid);
          if (!before) continue;
          const after = afterRels.get(oid);
          if (!after || after.filenode === before.filenode || before.filenode === 0) continue;
          if (before.relkind === 'i' || before.relkind === 'I') rec.rebuiltIndexes.push(after.name);
          else if (before.relkind === 'r' || before.relkind === 'm' || before.relkind === 'p')
            rec.rewrites.push(after.name);
        }
        rec.rewrites.sort();
        rec.rebuiltIndexes.sort();
      }
      if (ownWrap) {
        const c0 = now();
        await shadow.exec('COMMIT');
        rec.durationMs = round(durationMs + now() - c0);
      }
      // transaction bookkeeping
      if (tx) {
        tx.run.push({ index: stmt.index, durationMs, control: !!ctl });
        for (const l of rec.locks) {
          if (!l.blocksReads && !l.blocksWrites) continue;
          const h = tx.held.get(l.relation);
          if (!h || lockStrength(l.mode) > lockStrength(h.mode))
            tx.held.set(l.relation, {
              mode: l.mode,
              index: stmt.index,
              line: stmt.span.line,
              ...(l.kind ? { kind: l.kind } : {}),
            });
        }
      }
      if (ctl === 'begin' && !tx) {
        tx = {
          kind: 'explicit',
          startRels: trace ? (beforeRels ?? (await relations(shadow))) : undefined,
          held: new Map(),
          run: [],
        };
      } else if ((ctl === 'commit' || ctl === 'rollback') && tx) {
        endTx(ctl === 'commit' ? 'COMMIT' : 'ROLLBACK', stmt.span.line, 0);
      } else if ((ctl === 'commit-chain' || ctl === 'rollback-chain') && tx) {
        const kind = tx.kind;
        endTx(ctl === 'commit-chain' ? 'COMMIT' : 'ROLLBACK', stmt.span.line, 0);
        tx = { kind, startRels: trace ? await relations(shadow) : undefined, held: new Map(), run: [] };
      }
      out.statements.push(rec);
      opts.onStatement?.(rec);
    }
    if (tx) {
      const last = prev ?? statements[statements.length - 1]!;
      if (tx.kind === 'file' && !failed) {
        await commitToolTx(last);
      } else {
        // the file left a transaction open: the tool's connection would roll it back
        endTx('ROLLBACK', last.span.endLine, 0);
        await shadow.exec('ROLLBACK');
      }
    }
  } catch (err) {
    if (!(err instanceof StoppedHere) && !isShadowStop(err)) throw err;
    // a timeout: in the statement (recorded above) or in the tracer's own queries around it
    out.stopped = true;
    const done = new Set(out.statements.map((x) => x.index));
    if (current && !done.has(current.index)) {
      const [rec] = notRun({ ...parsed, statements: [current] });
      rec!.skipped = false;
      rec!.error = errorAt(current, path, toSqlError(err));
      if (isShadowTimeout(err)) rec!.timedOut = true;
      out.error ??= rec!.error;
      out.statements.push(rec!);
      done.add(current.index);
    }
    out.statements.push(...notRun(parsed).filter((x) => !done.has(x.index)));
  } finally {
    await sampler?.close().catch(() => {});
  }
  return out;
}

/** Statements longer than this are reported by their first characters (a 20 MB INSERT is data, not a message). */
export const SQL_EXCERPT_CHARS = 2000;

export function sqlExcerpt(text: string): string {
  if (text.length <= SQL_EXCERPT_CHARS) return text;
  return `${text.slice(0, SQL_EXCERPT_CHARS)} … (${(text.length - SQL_EXCERPT_CHARS).toLocaleString('en-US')} more characters)`;
}

/** Runs of consecutive INSERT … VALUES into one table at least this long are traced together… */
export const INSERT_RUN_MIN = 50;
/** …this many statements per round trip. */
export const INSERT_RUN_MAX = 1000;

/** `schema.table` of a plain `INSERT INTO t … VALUES …` (no WITH, no SELECT), else undefined. */
function insertTarget(stmt: Statement): string | undefined {
  if (stmt.kind !== 'InsertStmt' || stmt.ast.withClause || !stmt.ast.relation?.relname) return undefined;
  const select = stmt.ast.selectStmt?.SelectStmt;
  if (!select?.valuesLists?.length || select.withClause) return undefined;
  return `${stmt.ast.relation.schemaname ?? ''}.${stmt.ast.relation.relname}`;
}

/**
 * The run of INSERT … VALUES into the same table that starts at `statements[from]` (at most
 * INSERT_RUN_MAX long, all in the same transaction unit), or undefined when it is shorter than
 * INSERT_RUN_MIN: a seed file's 100,000 INSERTs, not a migration's three.
 */
function insertRun(
  statements: readonly Statement[],
  from: number,
  sameUnit: (s: Statement) => boolean,
): Statement[] | undefined {
  const target = insertTarget(statements[from]!);
  if (!target) return undefined;
  let end = from + 1;
  while (end < statements.length && end - from < INSERT_RUN_MAX) {
    const s = statements[end]!;
    if (insertTarget(s) !== target || !sameUnit(s)) break;
    end++;
  }
  return end - from < INSERT_RUN_MIN ? undefined : statements.slice(from, end);
}

/** Index of the last statement of the run of INSERT … VALUES into the table `statements[from]` inserts into. */
function insertRunEnd(statements: readonly Statement[], from: number): number {
  const target = insertTarget(statements[from]!);
  let i = from;
  while (i + 1 < statements.length && insertTarget(statements[i + 1]!) === target) i++;
  return i;
}

/**
 * Traces a run of INSERT … VALUES into one table as one round trip, between one reading of the
 * catalog and of pg_locks before and one after (instead of seven round trips per statement).
 * Accepted only when the whole run took nothing but RowExclusiveLock on the table, its indexes
 * and the sequences it owns, and rewrote nothing: every INSERT takes that lock on the table, so
 * each statement's reported lock is its own, and the others (which it may or may not have
 * needed) block no one.
 * Otherwise (a trigger or a function in VALUES that locks another table, an error, a deferred
 * constraint failing at COMMIT) the run is rolled back and the caller traces it statement by
 * statement, so an error keeps its line and every lock its statement.
 */
async function traceInsertRun(
  shadow: Shadow,
  run: Statement[],
  path: string,
  tx: TxState | undefined,
): Promise<TracedStatement | undefined> {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  await shadow.exec(tx ? 'SAVEPOINT zerodown_insert_run' : 'BEGIN');
  const undo = () =>
    shadow
      .exec(tx ? 'ROLLBACK TO SAVEPOINT zerodown_insert_run; RELEASE SAVEPOINT zerodown_insert_run' : 'ROLLBACK')
      .catch(() => {});
  const beforeRels = await relations(shadow);
  const beforeLocks = await ownLocks(shadow);
  const t0 = now();
  try {
    await shadow.exec(`${run.map((x) => x.text).join('\n;\n')}\n;`);
  } catch (err) {
    // over the time bound: the shadow is gone, and runTraced reports the stop
    if (isShadowStop(err)) throw err;
    await undo();
    return undefined;
  }
  let durationMs = now() - t0;
  const afterRels = await relations(shadow);
  const afterLocks = await ownLocks(shadow);
  const visible = tx?.startRels ?? beforeRels;
  const table = [...beforeRels.values()].find((r) => r.name === displayTable(insertTarget(first)!.replace(/^\./, '')));
  // the table's indexes (an INSERT opens every one) and the sequences it owns (serial, identity)
  const parts = table
    ? new Set(
        (
          await shadow.query<{ oid: number }>(
            `SELECT indexrelid::int8 AS oid FROM pg_index WHERE indrelid = $1
             UNION ALL
             SELECT objid::int8 FROM pg_depend
              WHERE refobjid = $1 AND refclassid = 'pg_class'::regclass AND classid = 'pg_class'::regclass AND deptype IN ('a', 'i')`,
            [table.oid],
          )
        ).map((r) => Number(r.oid)),
      )
    : new Set<number>();
  const had = new Set(beforeLocks.map((l) => `${l.oid}/${l.mode}`));
  const locks: LockInfo[] = [];
  for (const l of afterLocks) {
    if (had.has(`${l.oid}/${l.mode}`)) continue;
    const rel = visible.get(l.oid);
    if (!rel) continue; // created in this transaction: nobody else can see it yet
    if (
      l.mode !== 'RowExclusiveLock' ||
      (l.oid !== table?.oid && !(parts.has(l.oid) && isAuxiliary(RELKIND[rel.relkind])))
    ) {
      await undo();
      return undefined;
    }
    locks.push({
      relation: rel.name,
      mode: l.mode,
      ...lockEffect(l.mode),
      kind: RELKIND[rel.relkind] ?? rel.relkind,
      source: 'pg_locks',
    });
  }
  for (const [oid, before] of beforeRels) {
    const after = afterRels.get(oid);
    if (visible.has(oid) && after && before.filenode !== 0 && after.filenode !== before.filenode) {
      await undo();
      return undefined;
    }
  }
  const c0 = now();
  try {
    await shadow.exec(tx ? 'RELEASE SAVEPOINT zerodown_insert_run' : 'COMMIT');
  } catch {
    await undo();
    return undefined;
  }
  if (!tx) durationMs += now() - c0;
  locks.sort((a, b) => lockStrength(b.mode) - lockStrength(a.mode) || a.relation.localeCompare(b.relation));
  return {
    path,
    index: first.index,
    line: first.span.line,
    column: first.span.column,
    endLine: last.span.endLine,
    kind: first.kind,
    sql: sqlExcerpt(first.text),
    durationMs: round(durationMs),
    locks,
    rewrites: [],
    rebuiltIndexes: [],
    error: null,
    transaction: tx ? tx.kind : 'autocommit',
    count: run.length,
    lastIndex: last.index,
  };
}

/** Adds `rec` to `prev` when both are runs of INSERTs that follow each other with the same locks; false otherwise. */
function foldInto(prev: TracedStatement | undefined, rec: TracedStatement): boolean {
  if (!prev?.count || prev.lastIndex! + 1 !== rec.index || prev.transaction !== rec.transaction) return false;
  const key = (s: TracedStatement) => JSON.stringify(s.locks);
  if (key(prev) !== key(rec)) return false;
  prev.count += rec.count!;
  prev.lastIndex = rec.lastIndex!;
  prev.endLine = rec.endLine;
  prev.durationMs = round(prev.durationMs + rec.durationMs);
  return true;
}
/** Thrown inside runTraced once a statement overran the bound: ends the file's loop. */
class StoppedHere extends Error {}

const isShadowTimeout = (err: unknown) => (err as Error | undefined)?.name === 'ShadowTimeoutError';

/**
 * History replay fast path: a file whose statements can all share one
 * transaction runs as one round trip. It only counts when it succeeds; on any
 * error it is rolled back and the file runs statement by statement, exactly
 * as the tool would, so errors keep their file and line.
 */
async function tryBatch(shadow: Shadow, statements: Statement[]): Promise<boolean> {
  if (!statements.length) return true;
  if (statements.some((s) => breaksBatch(s, shadow.serverVersion) || refusedOnShadow(s, shadow.kind))) return false;
  try {
    await execBatch(
      shadow,
      statements.map((s) => s.text),
    );
    return true;
  } catch (err) {
    if (isShadowStop(err)) throw err;
    await shadow.exec('ROLLBACK').catch(() => {});
    return false;
  }
}

/** Batches of history longer than this many characters are sent this much at a time. */
export const BATCH_CHARS = 1 << 20;

/**
 * Runs statements in one transaction: as one query string, or for a long batch (a 20 MB data
 * migration in the history) BEGIN, pieces of about BATCH_CHARS, COMMIT, so the server never
 * holds the parse trees of the whole file at once. The caller rolls back on an error.
 */
export async function execBatch(shadow: Shadow, texts: string[]): Promise<void> {
  let total = 0;
  for (const t of texts) total += t.length + 3;
  if (total <= BATCH_CHARS) {
    await shadow.exec(`BEGIN;\n${texts.join('\n;\n')}\n;\nCOMMIT`);
    return;
  }
  await shadow.exec('BEGIN');
  let from = 0;
  let size = 0;
  for (let i = 0; i < texts.length; i++) {
    size += texts[i]!.length + 3;
    if (size < BATCH_CHARS && i + 1 < texts.length) continue;
    await shadow.exec(`${texts.slice(from, i + 1).join('\n;\n')}\n;`);
    from = i + 1;
    size = 0;
  }
  await shadow.exec('COMMIT');
}

/** Samples pg_locks of the shadow's main backend from a second connection while a statement runs. */
class Sampler {
  private constructor(
    private readonly side: { query<T>(sql: string, params?: unknown[]): Promise<T[]>; close(): Promise<void> },
    private readonly pid: number,
  ) {}

  static async open(shadow: Shadow): Promise<Sampler> {
    const [row] = await shadow.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const side = await shadow.openSideConnection!();
    return new Sampler(side, Number(row!.pid));
  }

  start(): { stop(): Promise<{ oid: number; mode: string }[]> } {
    const seen = new Map<string, { oid: number; mode: string }>();
    let running = true;
    const loop = (async () => {
      while (running) {
        try {
          const rows = await this.side.query<{ oid: number; mode: string }>(
            `SELECT relation::int8 AS oid, mode FROM pg_locks WHERE pid = $1 AND locktype = 'relation' AND granted AND relation IS NOT NULL`,
            [this.pid],
          );
          for (const r of rows) seen.set(`${r.oid}/${r.mode}`, { oid: Number(r.oid), mode: r.mode });
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return [...seen.values()];
      },
    };
  }

  close(): Promise<void> {
    return this.side.close();
  }
}
