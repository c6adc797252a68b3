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
import { loadParser, parseMigration } from '../parse/postgres.js';
import { displayTable } from '../rules/util.js';
import { statementLocks } from '../rules/locks.js';
import type { Shadow, SqlError } from './driver.js';
import { toSqlError } from './driver.js';
import { isAuxiliary, lockEffect, lockStrength, ownLocks, RELKIND, relations, type RelMap } from './inspect.js';
import { breaksBatch, documentedLocks, notInTransaction, refusedOnShadow, txControl } from './statements.js';

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
  /** not run, because an earlier statement of the file failed (migration tools stop there) */
  skipped?: boolean;
  /**
   * not run on the shadow, and why: the statement reaches outside the throwaway database
   * (src/rules/outside.ts). The file goes on with the next statement.
   */
  refused?: string;
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
      code: '42601',
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
  if (!trace && (await tryBatch(shadow, statements))) return out;

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

  try {
    for (const stmt of statements) {
      const base: Omit<TracedStatement, 'durationMs' | 'error' | 'transaction'> = {
        path,
        index: stmt.index,
        line: stmt.span.line,
        column: stmt.span.column,
        endLine: stmt.span.endLine,
        kind: stmt.kind,
        sql: stmt.text,
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
  } finally {
    await sampler?.close();
  }
  return out;
}

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
    await shadow.exec(`BEGIN;\n${statements.map((s) => s.text).join('\n;\n')}\n;\nCOMMIT`);
    return true;
  } catch {
    await shadow.exec('ROLLBACK').catch(() => {});
    return false;
  }
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
