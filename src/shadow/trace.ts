/**
 * The one routine that runs a migration file on the shadow the way its migration tool would:
 * inside the file's transaction or not, region by region where the tool runs parts of a file
 * differently (`Segment.transaction`: goose NO TRANSACTION blocks, dbmate `transaction:false`),
 * explicit BEGIN/COMMIT respected, statements the shadow refuses left out, the file stopped at its
 * first error. The dry run, the history replay, the schema dump and the plan proof all run files
 * through `runTraced`.
 *
 * When tracing, it records for each statement: the locks it took (our own backend's, read while
 * its transaction is still open), table and index rewrites, its duration and its error
 * (src/shadow/locks-seen.ts). Autocommit statements are wrapped in BEGIN … COMMIT so their locks
 * can be read before they are released; a statement that cannot run in a transaction block
 * (CREATE INDEX CONCURRENTLY, …) runs on its own and reports the lock the documentation gives for
 * it (plus what a second connection saw, on a server). The proof's lock watch (`opts.watch`) is
 * told about the same transactions and statements.
 *
 * Dialects whose server chooses an online-DDL algorithm (MySQL, MariaDB) also measure each traced
 * statement before it runs (`probes.online`: the ALGORITHM/LOCK the server accepts on a copy of
 * the table), recorded as `online` on the statement.
 *
 * Everything the routine needs to know about the SQL dialect comes from `shadow.probes`.
 */
import type { ParsedMigration, Statement } from '../model.js';
import type { Shadow, SqlError } from './driver.js';
import { isShadowStop, toSqlError } from './driver.js';
import { tryBatch } from './batch.js';
import { foldInto, insertRun, insertRunEnd, traceInsertRun } from './insert-runs.js';
import { heldLocksAtEnd, holdLocks, recordSeen, Sampler } from './locks-seen.js';
import type { HeldRelLock, RelMap } from './probes.js';
import {
  errorAt,
  MISSING_OBJECT,
  notRun,
  now,
  round,
  sqlExcerpt,
  toParsed,
  type HeldLock,
  type StatementError,
  type TraceInput,
  type TraceOptions,
  type TraceResult,
  type TracedStatement,
  type TxState,
} from './trace-types.js';

export * from './trace-types.js';
export { BATCH_CHARS, execBatch } from './batch.js';
export { INSERT_RUN_MAX, INSERT_RUN_MIN } from './insert-runs.js';

/** Thrown inside runTraced once a statement overran the bound: ends the file's loop. */
class StoppedHere extends Error {}

const isShadowTimeout = (err: unknown) => (err as Error | undefined)?.name === 'ShadowTimeoutError';

/** Runs one file (or SQL string) on the shadow. Never throws for SQL errors: they are in the result. */
export async function runTraced(shadow: Shadow, input: TraceInput, opts: TraceOptions = {}): Promise<TraceResult> {
  await shadow.probes.load();
  const parsed = toParsed(input, (m) => shadow.probes.parse(m));
  if (parsed.error) return syntaxError(parsed);
  if (opts.trace === false && !opts.watch) {
    const batched = await runAsBatch(shadow, parsed);
    if (batched) return batched;
  }
  return new FileRun(shadow, parsed, opts).run();
}

/** A file that does not parse: its error, as the first statement. */
function syntaxError(parsed: ParsedMigration): TraceResult {
  const path = parsed.migration.path;
  const e = parsed.error!;
  const lines = parsed.migration.source.split('\n');
  const error: StatementError = { code: e.code ?? '42601', message: e.message, path, line: e.line, column: e.column };
  return {
    path,
    heldLocks: [],
    error,
    statements: [
      {
        path,
        index: -1,
        line: e.line,
        column: e.column,
        endLine: e.line,
        kind: 'syntax-error',
        sql: (lines[e.line - 1] ?? '').trim(),
        durationMs: 0,
        locks: [],
        rewrites: [],
        rebuiltIndexes: [],
        error,
        transaction: 'autocommit',
      },
    ],
  };
}

/** History replay: the whole file in one round trip when it can share one transaction; undefined to run it statement by statement. */
async function runAsBatch(shadow: Shadow, parsed: ParsedMigration): Promise<TraceResult | undefined> {
  const path = parsed.migration.path;
  const statements = parsed.statements;
  try {
    if (await tryBatch(shadow, statements)) return { path, statements: [], heldLocks: [], error: null };
    return undefined;
  } catch (err) {
    // the file, run as one batch, overran the bound: which statement is unknown, so its first one carries it
    const first = statements[0]!;
    const e = errorAt(first, path, toSqlError(err));
    e.message = `this file (run in one batch on the shadow) ${e.message}`;
    const [head, ...rest] = notRun(parsed);
    return {
      path,
      heldLocks: [],
      error: e,
      stopped: true,
      statements: [{ ...head!, skipped: false, error: e, timedOut: true }, ...rest],
    };
  }
}

/** One run of one file: the transaction the shadow is in, and what was recorded so far. */
class FileRun {
  private readonly path: string;
  private readonly trace: boolean;
  private readonly out: TraceResult;
  /** regions of the file the tool runs differently (Segment.transaction), when the caller did not force one mode */
  private readonly segments;
  private tx: TxState | undefined;
  private failed = false;
  private sampler: Sampler | undefined;
  private unit: number | undefined;
  private prev: Statement | undefined;
  /**
   * The relations as the last statement left them, when nothing has run since that could change them (it succeeded,
   * it was no transaction control): the next statement's `before`, read once instead of twice per statement
   */
  private lastRels: RelMap | undefined;
  private groupedThrough = -1;
  private ungroupedThrough = -1;
  /** the statement being run, for a stop that happens in the tracer's own queries around it */
  private current: Statement | undefined;

  constructor(
    private readonly shadow: Shadow,
    private readonly parsed: ParsedMigration,
    private readonly opts: TraceOptions,
  ) {
    this.path = parsed.migration.path;
    this.trace = opts.trace !== false;
    this.out = { path: this.path, statements: [], heldLocks: [], error: null };
    this.segments = opts.transaction ? undefined : parsed.migration.segments?.filter((sg) => sg.transaction);
  }

  private get probes() {
    return this.shadow.probes;
  }

  private get watch() {
    return this.opts.watch?.watch;
  }

  async run(): Promise<TraceResult> {
    const statements = this.parsed.statements;
    try {
      for (const stmt of statements) {
        if (stmt.index <= this.groupedThrough) continue; // traced with the run of INSERTs before it
        this.current = stmt;
        await this.step(stmt);
      }
      await this.endOfFile();
    } catch (err) {
      if (!(err instanceof StoppedHere) && !isShadowStop(err)) throw err;
      this.stopped(err);
    } finally {
      await this.sampler?.close().catch(() => {});
    }
    return this.out;
  }

  /** The record of a statement before it runs. */
  private base(stmt: Statement): Omit<TracedStatement, 'durationMs' | 'error' | 'transaction'> {
    return {
      path: this.path,
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
  }

  private push(rec: TracedStatement, notify = true): void {
    this.out.statements.push(rec);
    if (notify) this.opts.onStatement?.(rec);
  }

  /** The region of the file a statement is in, and whether the tool wraps that region in a transaction. */
  private unitOf(stmt: Statement): { key: number; wrapped: boolean } {
    if (this.segments?.length) {
      const i = this.segments.findIndex((sg) => stmt.span.offset >= sg.start && stmt.span.offset < sg.end);
      if (i >= 0) return { key: i, wrapped: this.segments[i]!.transaction === 'wrapped' };
    }
    const mode = this.opts.transaction ?? this.parsed.migration.transaction;
    return { key: -1, wrapped: mode === 'wrapped' };
  }

  private async openTx(kind: TxState['kind'], startRels?: RelMap): Promise<void> {
    this.tx = {
      kind,
      startRels: this.trace ? (startRels ?? (await this.probes.relations(this.shadow))) : undefined,
      held: new Map(),
      run: [],
    };
    this.watch?.began();
  }

  /**
   * The transaction ended: its held locks are reported, the watch told. `commitMs`: the tool's
   * COMMIT (an explicit COMMIT statement's time is already among the statements run); `endMs`: how
   * long the COMMIT or ROLLBACK took, for the watch.
   */
  private endTx(until: HeldLock['until'], untilLine: number, commitMs: number, endMs = commitMs): void {
    if (!this.tx) return;
    this.out.heldLocks.push(
      ...heldLocksAtEnd(this.probes, this.tx, { path: this.path, until, untilLine, commitMs, rows: this.opts.rows }),
    );
    this.tx = undefined;
    this.watch?.ended(endMs);
  }

  /** COMMIT of the transaction the tool opened around a unit; false when it failed (deferred constraints). */
  private async commitToolTx(last: Statement): Promise<boolean> {
    const c0 = now();
    try {
      await this.shadow.exec('COMMIT');
      this.endTx('end of file', last.span.endLine, now() - c0);
      return true;
    } catch (err) {
      const e = errorAt(last, this.path, toSqlError(err));
      this.out.error ??= e;
      const rec = this.out.statements.find((x) => x.index === last.index);
      if (rec && !rec.error) rec.error = e;
      this.endTx('error', last.span.endLine, 0);
      await this.shadow.exec('ROLLBACK').catch(() => {});
      return false;
    }
  }

  /** Leaving a unit the tool wrapped: it commits; entering one it wraps: it begins. False when the commit failed. */
  private async enterUnit(stmt: Statement): Promise<boolean> {
    const u = this.unitOf(stmt);
    if (u.key === this.unit) return true;
    if (this.tx?.kind === 'file' && this.prev && !(await this.commitToolTx(this.prev))) return false;
    this.unit = u.key;
    if (u.wrapped && !this.tx) {
      await this.shadow.exec('BEGIN');
      await this.openTx('file');
    }
    return true;
  }

  private async step(stmt: Statement): Promise<void> {
    const base = this.base(stmt);
    if (this.failed) {
      this.out.statements.push({
        ...base,
        durationMs: 0,
        error: null,
        transaction: this.tx ? this.tx.kind : 'autocommit',
        skipped: true,
      });
      return;
    }
    if (!(await this.enterUnit(stmt))) {
      this.failed = true;
      this.out.statements.push({ ...base, durationMs: 0, error: null, transaction: 'autocommit', skipped: true });
      return;
    }
    this.prev = stmt;
    const refused = this.probes.refused(stmt, this.shadow.kind);
    if (refused) return this.refuse(stmt, base, refused);
    if (this.trace && stmt.index > this.ungroupedThrough && (await this.tryInsertRun(stmt))) return;
    await this.execute(stmt, base);
  }

  /** Not run: it reaches outside the throwaway database. The file goes on with the next statement. */
  private refuse(stmt: Statement, base: ReturnType<FileRun['base']>, refused: string): void {
    const { shadow, path } = this;
    // once per shadow: what depends on a statement that was not run may fail later, in any file
    if (!shadow.limits.some((l) => l.id === 'not-run'))
      shadow.limits.push({
        id: 'not-run',
        subject: `${path}:${stmt.span.line}`,
        message: `statements that reach outside the throwaway database are not run on the shadow (first: ${path}:${stmt.span.line}, ${refused}); statements that depend on them may fail there`,
      });
    this.push({ ...base, durationMs: 0, error: null, transaction: this.tx ? this.tx.kind : 'autocommit', refused });
  }

  /** A long run of INSERT … VALUES into one table, traced as one record; false when there is none or it must go one by one. */
  private async tryInsertRun(stmt: Statement): Promise<boolean> {
    const statements = this.parsed.statements;
    const key = this.unitOf(stmt).key;
    // a run stops before a statement the shadow refuses (it is reported on its own, not run)
    const run = insertRun(
      this.probes,
      statements,
      stmt.index,
      (x) => this.unitOf(x).key === key && !this.probes.refused(x, this.shadow.kind),
    );
    if (!run) return false;
    const rec = await traceInsertRun(this.shadow, run, this.path, this.tx);
    if (!rec) {
      // not provably the same for each statement: trace the rest of this run one by one
      this.ungroupedThrough = insertRunEnd(this.probes, statements, stmt.index);
      return false;
    }
    this.groupedThrough = rec.lastIndex!;
    this.prev = run[run.length - 1]!;
    for (const x of run) this.tx?.run.push({ index: x.index, durationMs: rec.durationMs / run.length, control: false });
    const last = this.out.statements[this.out.statements.length - 1];
    if (!foldInto(last, rec)) this.out.statements.push(rec);
    this.opts.onStatement?.(rec);
    return true;
  }

  /** Runs one statement, reading what it took around it when tracing. */
  private async execute(stmt: Statement, base: ReturnType<FileRun['base']>): Promise<void> {
    const { shadow, probes, trace, watch } = this;
    const ctl = probes.txControl(stmt);
    const alone = probes.notInTransaction(stmt, shadow.serverVersion) !== undefined;
    // an autocommit statement runs in a transaction of its own, so its locks can be read before they go
    const ownWrap = (trace || !!watch) && !this.tx && !ctl && !alone;
    const how: TracedStatement['transaction'] = this.tx ? this.tx.kind : alone ? 'alone' : 'autocommit';
    // the server's online-DDL choice, measured on a copy of the table before the statement itself runs
    const online = trace && !watch && probes.online ? await probes.online(shadow, stmt) : undefined;
    // with --stats: the part of its time that grows with the table, timed before it runs (rolled back)
    const scaled =
      trace && !watch && this.opts.scale && probes.scale ? await probes.scale(shadow, stmt, !!this.tx) : undefined;
    if (ownWrap) {
      await shadow.exec('BEGIN');
      watch?.began();
    }
    // the probes above run SQL of their own (rolled back): read the relations again after them
    const reuse = this.lastRels && !online && !scaled ? this.lastRels : undefined;
    this.lastRels = undefined;
    const beforeRels = trace ? (reuse ?? (await probes.relations(shadow))) : undefined;
    const beforeLocks = trace && (this.tx || ownWrap) ? await probes.ownLocks(shadow) : undefined;
    if (trace && alone && !this.tx && shadow.openSideConnection) {
      // no second connection (the migration may have revoked CONNECT): documented locks only
      this.sampler ??= await Sampler.open(shadow).catch(() => undefined);
    }
    const sampling = trace && alone && !this.tx && this.sampler ? this.sampler.start() : undefined;
    const watched = watch && !ctl ? await watch.before() : undefined;
    const t0 = now();
    let sqlErr: SqlError | undefined;
    try {
      await shadow.exec(stmt.text);
    } catch (err) {
      sqlErr = toSqlError(err);
    }
    const durationMs = now() - t0;
    const sampled: HeldRelLock[] = sampling ? await sampling.stop() : [];
    const rec: TracedStatement = { ...base, durationMs: round(durationMs), error: null, transaction: how };
    if (scaled) rec.scale = scaled;
    if (online) {
      if ('unmeasured' in online) rec.unmeasured = online.unmeasured;
      else rec.online = online;
    }
    if (sqlErr?.timedOut) {
      // the engine was stopped with it: no ROLLBACK, no lock reading, nothing more on this shadow
      rec.error = errorAt(stmt, this.path, sqlErr);
      rec.timedOut = true;
      this.out.error ??= rec.error;
      this.push(rec);
      throw new StoppedHere();
    }
    if (sqlErr) return this.failedStatement(stmt, rec, sqlErr, ownWrap, durationMs);
    if (watched !== undefined) await watch!.after(watched, this.opts.watch!.label(stmt), durationMs);
    let afterRels: RelMap | undefined;
    if (trace && beforeRels) {
      afterRels = await probes.relations(shadow);
      recordSeen(shadow, rec, {
        stmt,
        tx: this.tx,
        alone,
        beforeRels,
        afterRels,
        control: !!ctl,
        ...(beforeLocks ? { beforeLocks, afterLocks: await probes.ownLocks(shadow) } : {}),
        sampled,
      });
    }
    if (ownWrap) {
      const c0 = now();
      await shadow.exec('COMMIT');
      const commitMs = now() - c0;
      rec.durationMs = round(durationMs + commitMs);
      watch?.ended(commitMs);
    }
    // transaction bookkeeping
    if (this.tx) {
      this.tx.run.push({ index: stmt.index, durationMs, control: !!ctl });
      holdLocks(probes, this.tx, stmt, rec.locks);
    }
    if (ctl === 'begin' && !this.tx) {
      await this.openTx('explicit', beforeRels);
    } else if ((ctl === 'commit' || ctl === 'rollback') && this.tx) {
      this.endTx(ctl === 'commit' ? 'COMMIT' : 'ROLLBACK', stmt.span.line, 0, durationMs);
    } else if ((ctl === 'commit-chain' || ctl === 'rollback-chain') && this.tx) {
      const kind = this.tx.kind;
      this.endTx(ctl === 'commit-chain' ? 'COMMIT' : 'ROLLBACK', stmt.span.line, 0, durationMs);
      await this.openTx(kind);
    }
    if (!ctl) this.lastRels = afterRels;
    this.push(rec);
  }

  /** A statement failed: the file stops there (unless told to go on), its transaction is rolled back. */
  private async failedStatement(
    stmt: Statement,
    rec: TracedStatement,
    sqlErr: SqlError,
    ownWrap: boolean,
    durationMs: number,
  ): Promise<void> {
    const { shadow } = this;
    rec.error = errorAt(stmt, this.path, sqlErr);
    explainError(shadow, stmt, rec.error, sqlErr);
    this.out.error ??= rec.error;
    this.failed = !this.opts.continueOnError;
    if (ownWrap) {
      await shadow.exec('ROLLBACK');
      this.watch?.ended(0);
    } else if (this.tx) {
      this.tx.run.push({ index: stmt.index, durationMs, control: false });
      this.endTx('error', stmt.span.line, 0);
      await shadow.exec('ROLLBACK');
    }
    this.push(rec);
  }

  private async endOfFile(): Promise<void> {
    if (!this.tx) return;
    const statements = this.parsed.statements;
    const last = this.prev ?? statements[statements.length - 1]!;
    if (this.tx.kind === 'file' && !this.failed) {
      await this.commitToolTx(last);
    } else {
      // the file left a transaction open: the tool's connection would roll it back
      this.endTx('ROLLBACK', last.span.endLine, 0);
      await this.shadow.exec('ROLLBACK');
    }
  }

  /** A timeout: in the statement (recorded already) or in the tracer's own queries around it. */
  private stopped(err: unknown): void {
    const { out, current } = this;
    out.stopped = true;
    const done = new Set(out.statements.map((x) => x.index));
    if (current && !done.has(current.index)) {
      const [rec] = notRun({ ...this.parsed, statements: [current] });
      rec!.skipped = false;
      rec!.error = errorAt(current, this.path, toSqlError(err));
      if (isShadowTimeout(err)) rec!.timedOut = true;
      out.error ??= rec!.error;
      out.statements.push(rec!);
      done.add(current.index);
    }
    out.statements.push(...notRun(this.parsed).filter((x) => !done.has(x.index)));
  }
}

/**
 * Says why a statement failed when the shadow knows better than the SQL error: an engine limit
 * (an extension the engine lacks, a privilege the shadow's role does not have), or a consequence
 * of a statement that was not run. Each limit is registered once on the shadow.
 */
function explainError(shadow: Shadow, stmt: Statement, e: StatementError, sqlErr: SqlError): void {
  const { path } = e;
  const name = shadow.probes.extensionOf(stmt);
  if (name) {
    const untrusted = shadow.kind === 'postgresql' && sqlErr.code === '42501';
    if (shadow.extensionAvailable(name) === false || untrusted) {
      e.limit =
        shadow.kind === 'pglite'
          ? `extension "${name}" is not bundled with PGlite: statements that need it fail on the embedded shadow (run with --shadow-url on a server that has it)`
          : untrusted
            ? `extension "${name}" is not trusted (only a superuser may create it), and the migrations run on the shadow server as an unprivileged role: statements that need it fail there`
            : `extension "${name}" is not installed on the shadow server (${shadow.engine})`;
      // one engine limit per extension, however many statements trip over it
      if (!shadow.limits.some((l) => l.id === 'extension-unavailable' && l.subject === name)) {
        shadow.limits.push({ id: 'extension-unavailable', subject: name, message: e.limit });
      }
    }
  }
  const stmtLine = stmt.span.line;
  if (!e.limit && sqlErr.code === '42501' && shadow.kind === 'postgresql') {
    // a server shadow never runs migrations as a superuser (src/dialects/postgres/shadow/postgres.ts)
    e.limit = `the shadow server runs the migrations as a role that is not a superuser and is a member of no other role, and this statement needs more`;
    if (!shadow.limits.some((l) => l.id === 'privilege'))
      shadow.limits.push({
        id: 'privilege',
        subject: `${path}:${stmtLine}`,
        message: `the shadow server runs the migrations as a role that is not a superuser and is a member of no other role: statements that need more (DISABLE TRIGGER ALL, OWNER TO another role, event triggers, …) fail there (first: ${path}:${stmtLine})`,
      });
  }
  const cause = shadow.limits.find((l) => l.id === 'not-run' || l.id === 'privilege');
  if (!e.limit && cause && MISSING_OBJECT.has(sqlErr.code)) {
    e.consequenceOf =
      cause.id === 'not-run'
        ? `a statement that was not run on the shadow (first: ${cause.subject})`
        : `a statement that needed more privileges than the shadow's role has (first: ${cause.subject})`;
  }
}
