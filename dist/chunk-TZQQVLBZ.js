import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  isShadowStop,
  toSqlError
} from "./chunk-SYUIUCCK.js";

// src/shadow/batch.ts
async function tryBatch(shadow, statements) {
  if (!statements.length) return true;
  const p = shadow.probes;
  if (statements.some((s) => p.breaksBatch(s, shadow.serverVersion, true) || p.refused(s, shadow.kind))) return false;
  try {
    await execBatch(
      shadow,
      statements.map((s) => s.text)
    );
    return true;
  } catch (err) {
    if (isShadowStop(err)) throw err;
    await shadow.exec("ROLLBACK").catch(() => {
    });
    return false;
  }
}
var BATCH_CHARS = 1 << 20;
async function execBatch(shadow, texts) {
  let total = 0;
  for (const t of texts) total += t.length + 3;
  if (total <= BATCH_CHARS) {
    await shadow.exec(`BEGIN;
${texts.join("\n;\n")}
;
COMMIT`);
    return;
  }
  await shadow.exec("BEGIN");
  let from = 0;
  let size = 0;
  for (let i = 0; i < texts.length; i++) {
    size += texts[i].length + 3;
    if (size < BATCH_CHARS && i + 1 < texts.length) continue;
    await shadow.exec(`${texts.slice(from, i + 1).join("\n;\n")}
;`);
    from = i + 1;
    size = 0;
  }
  await shadow.exec("COMMIT");
}

// src/shadow/trace-types.ts
function notRun(parsed) {
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
    transaction: "autocommit",
    skipped: true
  }));
}
function toParsed(input, parse) {
  if ("statements" in input && "migration" in input) return input;
  if ("source" in input && "absPath" in input) return parse(input);
  const m = {
    path: input.path ?? "<sql>",
    absPath: input.path ?? "<sql>",
    source: input.sql,
    dialect: "postgres",
    framework: "plain",
    transaction: input.transaction ?? "none",
    review: true
  };
  return parse(m);
}
function errorAt(stmt, path, err) {
  let line = stmt.span.line;
  let column = stmt.span.column;
  if (err.position && err.position <= stmt.text.length + 1) {
    const before = stmt.text.slice(0, err.position - 1);
    const nl = before.split("\n").length - 1;
    if (nl > 0) {
      line += nl;
      column = before.length - before.lastIndexOf("\n");
    } else column += before.length;
  }
  return { ...err, path, line, column };
}
var MISSING_OBJECT = /* @__PURE__ */ new Set(["42704", "42883", "42P01", "42703", "3F000", "42S02", "42S22"]);
var now = () => performance.now();
var round = (ms) => Math.round(ms * 100) / 100;
var SQL_EXCERPT_CHARS = 2e3;
function sqlExcerpt(text) {
  if (text.length <= SQL_EXCERPT_CHARS) return text;
  return `${text.slice(0, SQL_EXCERPT_CHARS)} \u2026 (${(text.length - SQL_EXCERPT_CHARS).toLocaleString("en-US")} more characters)`;
}

// src/shadow/insert-runs.ts
var INSERT_RUN_MIN = 50;
var INSERT_RUN_MAX = 1e3;
function insertRun(probes, statements, from, sameUnit) {
  const insertTarget = (s) => probes.insertTarget(s);
  const target = insertTarget(statements[from]);
  if (!target) return void 0;
  let end = from + 1;
  while (end < statements.length && end - from < INSERT_RUN_MAX) {
    const s = statements[end];
    if (insertTarget(s) !== target || !sameUnit(s)) break;
    end++;
  }
  return end - from < INSERT_RUN_MIN ? void 0 : statements.slice(from, end);
}
function insertRunEnd(probes, statements, from) {
  const insertTarget = (s) => probes.insertTarget(s);
  const target = insertTarget(statements[from]);
  let i = from;
  while (i + 1 < statements.length && insertTarget(statements[i + 1]) === target) i++;
  return i;
}
async function traceInsertRun(shadow, run, path, tx) {
  const p = shadow.probes;
  const first = run[0];
  const last = run[run.length - 1];
  await shadow.exec(tx ? "SAVEPOINT zerodown_insert_run" : "BEGIN");
  const undo = () => shadow.exec(tx ? "ROLLBACK TO SAVEPOINT zerodown_insert_run; RELEASE SAVEPOINT zerodown_insert_run" : "ROLLBACK").catch(() => {
  });
  const beforeRels = await p.relations(shadow);
  const beforeLocks = await p.ownLocks(shadow);
  const t0 = now();
  try {
    await shadow.exec(`${run.map((x) => x.text).join("\n;\n")}
;`);
  } catch (err) {
    if (isShadowStop(err)) throw err;
    await undo();
    return void 0;
  }
  let durationMs = now() - t0;
  const afterRels = await p.relations(shadow);
  const afterLocks = await p.ownLocks(shadow);
  const visible = tx?.startRels ?? beforeRels;
  const target = p.insertTarget(first);
  const table = [...beforeRels.values()].find((r) => r.name === target);
  const parts = table ? await p.tableParts(shadow, table.oid) : /* @__PURE__ */ new Set();
  const had = new Set(beforeLocks.map((l) => `${l.oid}/${l.mode}`));
  const locks = [];
  for (const l of afterLocks) {
    if (had.has(`${l.oid}/${l.mode}`)) continue;
    const rel = visible.get(l.oid);
    if (!rel) continue;
    if (l.mode !== "RowExclusiveLock" || l.oid !== table?.oid && !(parts.has(l.oid) && p.isAuxiliary(p.relkindName(rel.relkind)))) {
      await undo();
      return void 0;
    }
    locks.push({
      relation: rel.name,
      mode: l.mode,
      ...p.lockEffect(l.mode),
      kind: p.relkindName(rel.relkind),
      source: "pg_locks"
    });
  }
  for (const [oid, before] of beforeRels) {
    const after = afterRels.get(oid);
    if (visible.has(oid) && after && before.filenode !== 0 && after.filenode !== before.filenode) {
      await undo();
      return void 0;
    }
  }
  const c0 = now();
  try {
    await shadow.exec(tx ? "RELEASE SAVEPOINT zerodown_insert_run" : "COMMIT");
  } catch {
    await undo();
    return void 0;
  }
  if (!tx) durationMs += now() - c0;
  locks.sort((a, b) => p.lockStrength(b.mode) - p.lockStrength(a.mode) || a.relation.localeCompare(b.relation));
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
    transaction: tx ? tx.kind : "autocommit",
    count: run.length,
    lastIndex: last.index
  };
}
function foldInto(prev, rec) {
  if (!prev?.count || prev.lastIndex + 1 !== rec.index || prev.transaction !== rec.transaction) return false;
  const key = (s) => JSON.stringify(s.locks);
  if (key(prev) !== key(rec)) return false;
  prev.count += rec.count;
  prev.lastIndex = rec.lastIndex;
  prev.endLine = rec.endLine;
  prev.durationMs = round(prev.durationMs + rec.durationMs);
  return true;
}

// src/shadow/locks-seen.ts
var Sampler = class _Sampler {
  constructor(probes, side, pid) {
    this.probes = probes;
    this.side = side;
    this.pid = pid;
  }
  probes;
  side;
  pid;
  static async open(shadow) {
    const pid = await shadow.probes.backendId(shadow);
    const side = await shadow.openSideConnection();
    return new _Sampler(shadow.probes, side, pid);
  }
  start() {
    const seen = /* @__PURE__ */ new Map();
    let running = true;
    const loop = (async () => {
      while (running) {
        try {
          for (const r of await this.probes.sampleLocks(this.side, this.pid)) seen.set(`${r.oid}/${r.mode}`, r);
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
      }
    };
  }
  close() {
    return this.side.close();
  }
};
function recordSeen(shadow, rec, s) {
  const p = shadow.probes;
  const { beforeRels, afterRels, tx } = s;
  const visible = tx?.startRels ?? beforeRels;
  if (s.beforeLocks && s.afterLocks) {
    const had = new Set(s.beforeLocks.map((l) => `${l.oid}/${l.mode}`));
    for (const l of s.afterLocks) {
      if (had.has(`${l.oid}/${l.mode}`)) continue;
      const rel = visible.get(l.oid);
      if (!rel) continue;
      rec.locks.push({
        relation: rel.name,
        mode: l.mode,
        ...p.lockEffect(l.mode),
        kind: p.relkindName(rel.relkind),
        source: "pg_locks"
      });
    }
  } else if (s.alone) {
    const byName = new Map([...beforeRels.values()].map((r) => [r.name, r]));
    for (const d of p.documentedLocks(s.stmt)) {
      const rel = byName.get(d.relation);
      rec.locks.push({
        relation: d.relation,
        mode: d.mode,
        ...p.lockEffect(d.mode),
        kind: rel ? p.relkindName(rel.relkind) : void 0,
        source: "documented"
      });
    }
    for (const x of s.sampled) {
      const rel = beforeRels.get(x.oid) ?? afterRels.get(x.oid);
      if (!rel || !beforeRels.has(x.oid)) continue;
      if (rec.locks.some((l) => l.relation === rel.name && l.mode === x.mode)) continue;
      rec.locks.push({
        relation: rel.name,
        mode: x.mode,
        ...p.lockEffect(x.mode),
        kind: p.relkindName(rel.relkind),
        source: "sampled"
      });
    }
  }
  if (tx && s.beforeLocks) {
    for (const target of p.statementLocks(s.stmt, shadow.serverVersion)) {
      const name = target.relation;
      const h = tx.held.get(name);
      if (!h || p.lockStrength(h.mode) < p.lockStrength(target.mode)) continue;
      if (rec.locks.some((l) => l.relation === name)) continue;
      rec.locks.push({
        relation: name,
        mode: target.mode,
        ...p.lockEffect(target.mode),
        kind: h.kind ?? "table",
        source: "held",
        heldSince: h.line
      });
    }
  }
  rec.locks.sort((a, b) => p.lockStrength(b.mode) - p.lockStrength(a.mode) || a.relation.localeCompare(b.relation));
  if (!s.control)
    for (const oid of visible.keys()) {
      const before = beforeRels.get(oid);
      if (!before) continue;
      const after = afterRels.get(oid);
      if (!after || after.filenode === before.filenode || before.filenode === 0) continue;
      const kind = p.relkindName(before.relkind);
      if (kind === "index") rec.rebuiltIndexes.push(after.name);
      else if (kind === "table" || kind === "materialized view") rec.rewrites.push(after.name);
    }
  rec.rewrites.sort();
  rec.rebuiltIndexes.sort();
}
function holdLocks(probes, tx, stmt, locks) {
  for (const l of locks) {
    if (!l.blocksReads && !l.blocksWrites) continue;
    const h = tx.held.get(l.relation);
    if (!h || probes.lockStrength(l.mode) > probes.lockStrength(h.mode))
      tx.held.set(l.relation, {
        mode: l.mode,
        index: stmt.index,
        line: stmt.span.line,
        ...l.kind ? { kind: l.kind } : {}
      });
  }
}
function heldLocksAtEnd(probes, tx, end) {
  const out = [];
  const folded = /* @__PURE__ */ new Map();
  const tables = [...tx.held].filter(([, h]) => !probes.isAuxiliary(h.kind));
  for (const [relation, h] of tx.held) {
    if (!probes.isAuxiliary(h.kind)) continue;
    const owner = tables.filter(([, t]) => t.index === h.index && probes.lockStrength(t.mode) >= probes.lockStrength(h.mode)).sort(([, a], [, b]) => probes.lockStrength(b.mode) - probes.lockStrength(a.mode))[0];
    if (!owner) continue;
    folded.set(owner[0], [...folded.get(owner[0]) ?? [], { relation, kind: h.kind }]);
  }
  const isFolded = new Set([...folded.values()].flat().map((f) => f.relation));
  for (const [relation, h] of tx.held) {
    if (isFolded.has(relation)) continue;
    const after = tx.run.filter((r) => r.index >= h.index);
    const count = after.filter((r) => !r.control).length;
    if (count < 2 && end.until !== "error") continue;
    const held = {
      path: end.path,
      relation,
      mode: h.mode,
      ...probes.lockEffect(h.mode),
      line: h.line,
      untilLine: end.untilLine,
      until: end.until,
      statements: count,
      heldMs: round(after.reduce((s, r) => s + r.durationMs, 0) + end.commitMs)
    };
    const rows = end.rows?.get(relation);
    if (rows !== void 0) held.rows = rows;
    const also = folded.get(relation);
    if (also) held.alsoLocked = also.sort((a, b) => a.relation.localeCompare(b.relation));
    out.push(held);
  }
  return out;
}

// src/shadow/trace.ts
var StoppedHere = class extends Error {
};
var isShadowTimeout = (err) => err?.name === "ShadowTimeoutError";
async function runTraced(shadow, input, opts = {}) {
  await shadow.probes.load();
  const parsed = toParsed(input, (m) => shadow.probes.parse(m));
  if (parsed.error) return syntaxError(parsed);
  if (opts.trace === false && !opts.watch) {
    const batched = await runAsBatch(shadow, parsed);
    if (batched) return batched;
  }
  return new FileRun(shadow, parsed, opts).run();
}
function syntaxError(parsed) {
  const path = parsed.migration.path;
  const e = parsed.error;
  const lines = parsed.migration.source.split("\n");
  const error = { code: e.code ?? "42601", message: e.message, path, line: e.line, column: e.column };
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
        kind: "syntax-error",
        sql: (lines[e.line - 1] ?? "").trim(),
        durationMs: 0,
        locks: [],
        rewrites: [],
        rebuiltIndexes: [],
        error,
        transaction: "autocommit"
      }
    ]
  };
}
async function runAsBatch(shadow, parsed) {
  const path = parsed.migration.path;
  const statements = parsed.statements;
  try {
    if (await tryBatch(shadow, statements)) return { path, statements: [], heldLocks: [], error: null };
    return void 0;
  } catch (err) {
    const first = statements[0];
    const e = errorAt(first, path, toSqlError(err));
    e.message = `this file (run in one batch on the shadow) ${e.message}`;
    const [head, ...rest] = notRun(parsed);
    return {
      path,
      heldLocks: [],
      error: e,
      stopped: true,
      statements: [{ ...head, skipped: false, error: e, timedOut: true }, ...rest]
    };
  }
}
var FileRun = class {
  constructor(shadow, parsed, opts) {
    this.shadow = shadow;
    this.parsed = parsed;
    this.opts = opts;
    this.path = parsed.migration.path;
    this.trace = opts.trace !== false;
    this.out = { path: this.path, statements: [], heldLocks: [], error: null };
    this.segments = opts.transaction ? void 0 : parsed.migration.segments?.filter((sg) => sg.transaction);
  }
  shadow;
  parsed;
  opts;
  path;
  trace;
  out;
  /** regions of the file the tool runs differently (Segment.transaction), when the caller did not force one mode */
  segments;
  tx;
  failed = false;
  sampler;
  unit;
  prev;
  /**
   * The relations as the last statement left them, when nothing has run since that could change them (it succeeded,
   * it was no transaction control): the next statement's `before`, read once instead of twice per statement
   */
  lastRels;
  groupedThrough = -1;
  ungroupedThrough = -1;
  /** the statement being run, for a stop that happens in the tracer's own queries around it */
  current;
  get probes() {
    return this.shadow.probes;
  }
  get watch() {
    return this.opts.watch?.watch;
  }
  async run() {
    const statements = this.parsed.statements;
    try {
      for (const stmt of statements) {
        if (stmt.index <= this.groupedThrough) continue;
        this.current = stmt;
        await this.step(stmt);
      }
      await this.endOfFile();
    } catch (err) {
      if (!(err instanceof StoppedHere) && !isShadowStop(err)) throw err;
      this.stopped(err);
    } finally {
      await this.sampler?.close().catch(() => {
      });
    }
    return this.out;
  }
  /** The record of a statement before it runs. */
  base(stmt) {
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
      rebuiltIndexes: []
    };
  }
  push(rec, notify = true) {
    this.out.statements.push(rec);
    if (notify) this.opts.onStatement?.(rec);
  }
  /** The region of the file a statement is in, and whether the tool wraps that region in a transaction. */
  unitOf(stmt) {
    if (this.segments?.length) {
      const i = this.segments.findIndex((sg) => stmt.span.offset >= sg.start && stmt.span.offset < sg.end);
      if (i >= 0) return { key: i, wrapped: this.segments[i].transaction === "wrapped" };
    }
    const mode = this.opts.transaction ?? this.parsed.migration.transaction;
    return { key: -1, wrapped: mode === "wrapped" };
  }
  async openTx(kind, startRels) {
    this.tx = {
      kind,
      startRels: this.trace ? startRels ?? await this.probes.relations(this.shadow) : void 0,
      held: /* @__PURE__ */ new Map(),
      run: []
    };
    this.watch?.began();
  }
  /**
   * The transaction ended: its held locks are reported, the watch told. `commitMs`: the tool's
   * COMMIT (an explicit COMMIT statement's time is already among the statements run); `endMs`: how
   * long the COMMIT or ROLLBACK took, for the watch.
   */
  endTx(until, untilLine, commitMs, endMs = commitMs) {
    if (!this.tx) return;
    this.out.heldLocks.push(
      ...heldLocksAtEnd(this.probes, this.tx, { path: this.path, until, untilLine, commitMs, rows: this.opts.rows })
    );
    this.tx = void 0;
    this.watch?.ended(endMs);
  }
  /** COMMIT of the transaction the tool opened around a unit; false when it failed (deferred constraints). */
  async commitToolTx(last) {
    const c0 = now();
    try {
      await this.shadow.exec("COMMIT");
      this.endTx("end of file", last.span.endLine, now() - c0);
      return true;
    } catch (err) {
      const e = errorAt(last, this.path, toSqlError(err));
      this.out.error ??= e;
      const rec = this.out.statements.find((x) => x.index === last.index);
      if (rec && !rec.error) rec.error = e;
      this.endTx("error", last.span.endLine, 0);
      await this.shadow.exec("ROLLBACK").catch(() => {
      });
      return false;
    }
  }
  /** Leaving a unit the tool wrapped: it commits; entering one it wraps: it begins. False when the commit failed. */
  async enterUnit(stmt) {
    const u = this.unitOf(stmt);
    if (u.key === this.unit) return true;
    if (this.tx?.kind === "file" && this.prev && !await this.commitToolTx(this.prev)) return false;
    this.unit = u.key;
    if (u.wrapped && !this.tx) {
      await this.shadow.exec("BEGIN");
      await this.openTx("file");
    }
    return true;
  }
  async step(stmt) {
    const base = this.base(stmt);
    if (this.failed) {
      this.out.statements.push({
        ...base,
        durationMs: 0,
        error: null,
        transaction: this.tx ? this.tx.kind : "autocommit",
        skipped: true
      });
      return;
    }
    if (!await this.enterUnit(stmt)) {
      this.failed = true;
      this.out.statements.push({ ...base, durationMs: 0, error: null, transaction: "autocommit", skipped: true });
      return;
    }
    this.prev = stmt;
    const refused = this.probes.refused(stmt, this.shadow.kind);
    if (refused) return this.refuse(stmt, base, refused);
    if (this.trace && stmt.index > this.ungroupedThrough && await this.tryInsertRun(stmt)) return;
    await this.execute(stmt, base);
  }
  /** Not run: it reaches outside the throwaway database. The file goes on with the next statement. */
  refuse(stmt, base, refused) {
    const { shadow, path } = this;
    if (!shadow.limits.some((l) => l.id === "not-run"))
      shadow.limits.push({
        id: "not-run",
        subject: `${path}:${stmt.span.line}`,
        message: `statements that reach outside the throwaway database are not run on the shadow (first: ${path}:${stmt.span.line}, ${refused}); statements that depend on them may fail there`
      });
    this.push({ ...base, durationMs: 0, error: null, transaction: this.tx ? this.tx.kind : "autocommit", refused });
  }
  /** A long run of INSERT … VALUES into one table, traced as one record; false when there is none or it must go one by one. */
  async tryInsertRun(stmt) {
    const statements = this.parsed.statements;
    const key = this.unitOf(stmt).key;
    const run = insertRun(
      this.probes,
      statements,
      stmt.index,
      (x) => this.unitOf(x).key === key && !this.probes.refused(x, this.shadow.kind)
    );
    if (!run) return false;
    const rec = await traceInsertRun(this.shadow, run, this.path, this.tx);
    if (!rec) {
      this.ungroupedThrough = insertRunEnd(this.probes, statements, stmt.index);
      return false;
    }
    this.groupedThrough = rec.lastIndex;
    this.prev = run[run.length - 1];
    for (const x of run) this.tx?.run.push({ index: x.index, durationMs: rec.durationMs / run.length, control: false });
    const last = this.out.statements[this.out.statements.length - 1];
    if (!foldInto(last, rec)) this.out.statements.push(rec);
    this.opts.onStatement?.(rec);
    return true;
  }
  /** Runs one statement, reading what it took around it when tracing. */
  async execute(stmt, base) {
    const { shadow, probes, trace, watch } = this;
    const ctl = probes.txControl(stmt);
    const alone = probes.notInTransaction(stmt, shadow.serverVersion) !== void 0;
    const ownWrap = (trace || !!watch) && !this.tx && !ctl && !alone;
    const how = this.tx ? this.tx.kind : alone ? "alone" : "autocommit";
    const online = trace && !watch && probes.online ? await probes.online(shadow, stmt) : void 0;
    const scaled = trace && !watch && this.opts.scale && probes.scale ? await probes.scale(shadow, stmt, !!this.tx) : void 0;
    if (ownWrap) {
      await shadow.exec("BEGIN");
      watch?.began();
    }
    const reuse = this.lastRels && !online && !scaled ? this.lastRels : void 0;
    this.lastRels = void 0;
    const beforeRels = trace ? reuse ?? await probes.relations(shadow) : void 0;
    const beforeLocks = trace && (this.tx || ownWrap) ? await probes.ownLocks(shadow) : void 0;
    if (trace && alone && !this.tx && shadow.openSideConnection) {
      this.sampler ??= await Sampler.open(shadow).catch(() => void 0);
    }
    const sampling = trace && alone && !this.tx && this.sampler ? this.sampler.start() : void 0;
    const watched = watch && !ctl ? await watch.before() : void 0;
    const t0 = now();
    let sqlErr;
    try {
      await shadow.exec(stmt.text);
    } catch (err) {
      sqlErr = toSqlError(err);
    }
    const durationMs = now() - t0;
    const sampled = sampling ? await sampling.stop() : [];
    const rec = { ...base, durationMs: round(durationMs), error: null, transaction: how };
    if (scaled) rec.scale = scaled;
    if (online) {
      if ("unmeasured" in online) rec.unmeasured = online.unmeasured;
      else rec.online = online;
    }
    if (sqlErr?.timedOut) {
      rec.error = errorAt(stmt, this.path, sqlErr);
      rec.timedOut = true;
      this.out.error ??= rec.error;
      this.push(rec);
      throw new StoppedHere();
    }
    if (sqlErr) return this.failedStatement(stmt, rec, sqlErr, ownWrap, durationMs);
    if (watched !== void 0) await watch.after(watched, this.opts.watch.label(stmt), durationMs);
    let afterRels;
    if (trace && beforeRels) {
      afterRels = await probes.relations(shadow);
      recordSeen(shadow, rec, {
        stmt,
        tx: this.tx,
        alone,
        beforeRels,
        afterRels,
        control: !!ctl,
        ...beforeLocks ? { beforeLocks, afterLocks: await probes.ownLocks(shadow) } : {},
        sampled
      });
    }
    if (ownWrap) {
      const c0 = now();
      await shadow.exec("COMMIT");
      const commitMs = now() - c0;
      rec.durationMs = round(durationMs + commitMs);
      watch?.ended(commitMs);
    }
    if (this.tx) {
      this.tx.run.push({ index: stmt.index, durationMs, control: !!ctl });
      holdLocks(probes, this.tx, stmt, rec.locks);
    }
    if (ctl === "begin" && !this.tx) {
      await this.openTx("explicit", beforeRels);
    } else if ((ctl === "commit" || ctl === "rollback") && this.tx) {
      this.endTx(ctl === "commit" ? "COMMIT" : "ROLLBACK", stmt.span.line, 0, durationMs);
    } else if ((ctl === "commit-chain" || ctl === "rollback-chain") && this.tx) {
      const kind = this.tx.kind;
      this.endTx(ctl === "commit-chain" ? "COMMIT" : "ROLLBACK", stmt.span.line, 0, durationMs);
      await this.openTx(kind);
    }
    if (!ctl) this.lastRels = afterRels;
    this.push(rec);
  }
  /** A statement failed: the file stops there (unless told to go on), its transaction is rolled back. */
  async failedStatement(stmt, rec, sqlErr, ownWrap, durationMs) {
    const { shadow } = this;
    rec.error = errorAt(stmt, this.path, sqlErr);
    explainError(shadow, stmt, rec.error, sqlErr);
    this.out.error ??= rec.error;
    this.failed = !this.opts.continueOnError;
    if (ownWrap) {
      await shadow.exec("ROLLBACK");
      this.watch?.ended(0);
    } else if (this.tx) {
      this.tx.run.push({ index: stmt.index, durationMs, control: false });
      this.endTx("error", stmt.span.line, 0);
      await shadow.exec("ROLLBACK");
    }
    this.push(rec);
  }
  async endOfFile() {
    if (!this.tx) return;
    const statements = this.parsed.statements;
    const last = this.prev ?? statements[statements.length - 1];
    if (this.tx.kind === "file" && !this.failed) {
      await this.commitToolTx(last);
    } else {
      this.endTx("ROLLBACK", last.span.endLine, 0);
      await this.shadow.exec("ROLLBACK");
    }
  }
  /** A timeout: in the statement (recorded already) or in the tracer's own queries around it. */
  stopped(err) {
    const { out, current } = this;
    out.stopped = true;
    const done = new Set(out.statements.map((x) => x.index));
    if (current && !done.has(current.index)) {
      const [rec] = notRun({ ...this.parsed, statements: [current] });
      rec.skipped = false;
      rec.error = errorAt(current, this.path, toSqlError(err));
      if (isShadowTimeout(err)) rec.timedOut = true;
      out.error ??= rec.error;
      out.statements.push(rec);
      done.add(current.index);
    }
    out.statements.push(...notRun(this.parsed).filter((x) => !done.has(x.index)));
  }
};
function explainError(shadow, stmt, e, sqlErr) {
  const { path } = e;
  const name = shadow.probes.extensionOf(stmt);
  if (name) {
    const untrusted = shadow.kind === "postgresql" && sqlErr.code === "42501";
    if (shadow.extensionAvailable(name) === false || untrusted) {
      e.limit = shadow.kind === "pglite" ? `extension "${name}" is not bundled with PGlite: statements that need it fail on the embedded shadow (run with --shadow-url on a server that has it)` : untrusted ? `extension "${name}" is not trusted (only a superuser may create it), and the migrations run on the shadow server as an unprivileged role: statements that need it fail there` : `extension "${name}" is not installed on the shadow server (${shadow.engine})`;
      if (!shadow.limits.some((l) => l.id === "extension-unavailable" && l.subject === name)) {
        shadow.limits.push({ id: "extension-unavailable", subject: name, message: e.limit });
      }
    }
  }
  const stmtLine = stmt.span.line;
  if (!e.limit && sqlErr.code === "42501" && shadow.kind === "postgresql") {
    e.limit = `the shadow server runs the migrations as a role that is not a superuser and is a member of no other role, and this statement needs more`;
    if (!shadow.limits.some((l) => l.id === "privilege"))
      shadow.limits.push({
        id: "privilege",
        subject: `${path}:${stmtLine}`,
        message: `the shadow server runs the migrations as a role that is not a superuser and is a member of no other role: statements that need more (DISABLE TRIGGER ALL, OWNER TO another role, event triggers, \u2026) fail there (first: ${path}:${stmtLine})`
      });
  }
  const cause = shadow.limits.find((l) => l.id === "not-run" || l.id === "privilege");
  if (!e.limit && cause && MISSING_OBJECT.has(sqlErr.code)) {
    e.consequenceOf = cause.id === "not-run" ? `a statement that was not run on the shadow (first: ${cause.subject})` : `a statement that needed more privileges than the shadow's role has (first: ${cause.subject})`;
  }
}

export {
  execBatch,
  notRun,
  toParsed,
  MISSING_OBJECT,
  runTraced
};
