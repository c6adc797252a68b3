import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  DEFAULTS,
  PHASE_ORDER
} from "./chunk-LV22CV6D.js";
import {
  LintEngine
} from "./chunk-ERQZGLCT.js";
import {
  shorten
} from "./chunk-27OUY7LE.js";
import {
  disablesAssumeInTransaction
} from "./chunk-IXAVB2MN.js";
import "./chunk-XJGXLKRM.js";

// src/plan/schedule.ts
var rankOf = (k) => PHASE_ORDER.indexOf(k);
function split(key) {
  const i = key.indexOf("#");
  return i < 0 ? [key, void 0] : [key.slice(0, i), key.slice(i + 1)];
}
function conflicts(a, b) {
  if (a.keys.includes("*") || b.keys.includes("*")) return true;
  if (a.weak && b.kind === "index") return false;
  for (const ka of a.keys) {
    const [ta, ca] = split(ka);
    for (const kb of b.keys) {
      const [tb, cb] = split(kb);
      if (ta === tb && (!ca || !cb || ca === cb)) return true;
    }
  }
  return false;
}
var slot = (round, rank) => round * PHASE_ORDER.length + rank;
function schedule(groups) {
  const placed = [];
  let order = 0;
  groups.forEach((steps, g) => {
    let prev;
    for (const step of steps) {
      const rank = rankOf(step.kind);
      let min = slot(0, rank);
      const need = (p2, strict) => {
        let round2 = p2.round;
        if (rank < p2.rank || strict && rank === p2.rank) round2++;
        min = Math.max(min, slot(round2, rank));
      };
      for (const p2 of placed) {
        if (p2.group === g) continue;
        if (conflicts(p2.step, step)) need(p2, !!step.deploy);
      }
      if (prev) need(prev, !!step.barrier || !!step.deploy);
      const round = Math.floor(min / PHASE_ORDER.length);
      const p = { step, group: g, order: order++, round, rank };
      placed.push(p);
      prev = p;
    }
  });
  placed.sort((a, b) => slot(a.round, a.rank) - slot(b.round, b.rank) || a.order - b.order);
  const phases = [];
  let current;
  let currentSlot = -1;
  for (const p of placed) {
    const s = slot(p.round, p.rank);
    const canJoin = current && currentSlot === s && current.transactional && p.step.transactional && (!p.step.deploy || !!current.deploy);
    if (canJoin) {
      current.steps.push(p.step);
      if (p.step.deploy && !current.deploy.split("; ").includes(p.step.deploy))
        current.deploy += `; ${p.step.deploy}`;
    } else {
      current = { kind: p.step.kind, transactional: p.step.transactional, steps: [p.step] };
      if (p.step.deploy) current.deploy = p.step.deploy;
      phases.push(current);
      currentSlot = s;
    }
  }
  return phases;
}

// src/plan/planner.ts
function phaseFrom(sp, planner, settings) {
  const reasons = [...new Set(sp.steps.map((s) => s.reason))];
  const steps = sp.steps.map((s) => s.sql);
  const sql = sp.transactional ? planner.transactionalSql(
    steps,
    settings,
    sp.steps.every((s) => s.timeout === "scan")
  ) : steps.join("\n");
  const phase = { name: sp.kind, transactional: sp.transactional, reason: reasons.join("; "), sql };
  if (sp.deploy) phase.deploy = sp.deploy;
  if (sp.steps.some((s) => s.todo)) phase.todo = true;
  const commands = sp.steps.flatMap((s) => s.commands ?? []);
  if (commands.length) phase.commands = commands;
  const preflight = sp.steps.flatMap((s) => s.preflight ?? []);
  if (preflight.length) phase.preflight = preflight;
  return phase;
}
function localEdit(stmt, groups, recorded, findings, answered) {
  const steps = schedule(groups).flatMap((p) => p.steps);
  if (!steps.length || !recorded.length || steps.some((s) => !s.local)) return void 0;
  return {
    statementIndex: stmt.index,
    line: stmt.span.line,
    rules: [.../* @__PURE__ */ new Set([...recorded.map((r) => r.rule), ...findings.filter(answered).map((f) => f.rule)])],
    sql: steps.map((s) => s.local).join("\n")
  };
}
var Planner = class {
  /**
   * `options.findings`: the findings the plan answers; without them, the findings the lint engine
   * it walks with reports (the pipeline's case: one walk for lint and plan).
   */
  constructor(planner, defaultVersion, options) {
    this.planner = planner;
    this.options = options;
    this.settings = {
      version: options.pgVersion ?? defaultVersion,
      lockTimeout: options.lockTimeout ?? DEFAULTS.lockTimeout,
      statementTimeout: options.statementTimeout ?? DEFAULTS.statementTimeout,
      batchSize: options.batchSize ?? DEFAULTS.batchSize,
      backfill: options.backfill ?? {}
    };
  }
  planner;
  options;
  settings;
  result = { plans: [], unchanged: [], unhandled: [], failed: [] };
  run;
  open;
  attach(catalog) {
    this.run = this.planner.start(this.settings, catalog);
  }
  fileStart(parsed) {
    const m = parsed.migration;
    if (!m.review) return;
    if (parsed.error) {
      this.result.failed.push({
        path: m.path,
        message: parsed.badBytes?.includes(parsed.error) ? `not planned: ${parsed.error.message} (line ${parsed.error.line}, column ${parsed.error.column})` : `cannot parse: ${parsed.error.message} at line ${parsed.error.line}`
      });
      return;
    }
    const byStatement = /* @__PURE__ */ new Map();
    for (const f of this.options.findings ?? []) {
      if (f.path !== m.path) continue;
      const list = byStatement.get(f.statementIndex);
      if (list) list.push(f);
      else byStatement.set(f.statementIndex, [f]);
    }
    const flagged = (stmt) => byStatement.get(stmt.index) ?? [];
    this.open = {
      parsed,
      byStatement,
      groups: [],
      keptBefore: [],
      rewritten: /* @__PURE__ */ new Set(),
      edits: [],
      hadTransaction: m.transaction === "wrapped" || !!this.options.assumeInTransaction && !disablesAssumeInTransaction(m.source),
      file: this.run.file(parsed, {
        flaggedBy: (stmt) => new Set(flagged(stmt).map((f) => f.rule)),
        allowed: (stmt, rule) => !parsed.ignoreFile && !parsed.ignoreFileRules.has(rule) && !stmt.ignoreAll && !stmt.ignored.has(rule)
      })
    };
  }
  statement(parsed, stmt, reported) {
    const o = this.open;
    if (!o || o.parsed !== parsed) {
      this.run.seen(stmt, parsed.migration.absPath);
      return;
    }
    if (o.failed) return;
    try {
      const { file } = o;
      if (!this.options.findings && reported.length) o.byStatement.set(stmt.index, [...reported]);
      if (file.transactionControl(stmt)) o.hadTransaction = true;
      if (!file.skip(stmt)) {
        const recorded = file.rewrites.length;
        const steps = this.stepsFor(file, stmt, o.byStatement.get(stmt.index) ?? []);
        if (steps.rewritten) {
          o.rewritten.add(stmt.index);
          const edit = localEdit(
            stmt,
            steps.groups,
            file.rewrites.slice(recorded),
            o.byStatement.get(stmt.index) ?? [],
            (f) => this.planner.answers.has(f.rule) && (file.answersOnRewrite?.(f.rule, f) ?? true)
          );
          if (edit) o.edits.push(edit);
        }
        if (!steps.rewritten && file.keepIsPure && !o.groups.length) o.keptBefore.push(stmt.index);
        else {
          this.heldKept(o);
          o.groups.push(...steps.groups);
        }
      }
      file.after(stmt);
    } catch (err) {
      o.failed = `internal error while planning: ${err.message}`;
    }
  }
  fileEnd(parsed, lint) {
    const o = this.open;
    if (!o || o.parsed !== parsed) return;
    this.open = void 0;
    const m = parsed.migration;
    if (o.failed) {
      this.result.failed.push({ path: m.path, message: o.failed });
      return;
    }
    try {
      const given = this.options.findings;
      const findings = given ? given.filter((f) => f.path === m.path) : lint.findings;
      const { plan, unhandled } = this.finish(o, findings);
      this.result.unhandled.push(...unhandled);
      if (plan) this.result.plans.push(plan);
      else if (!unhandled.length) this.result.unchanged.push(m.path);
    } catch (err) {
      this.result.failed.push({ path: m.path, message: `internal error while planning: ${err.message}` });
    }
  }
  /** Makes again the steps of the statements kept before the first one held (`OpenFile.keptBefore`). */
  heldKept(o) {
    if (!o.keptBefore.length) return;
    for (const i of o.keptBefore) {
      const stmt = o.parsed.statements[i];
      o.groups.push([this.kept(o.file, stmt, o.byStatement.get(i) ?? [])]);
    }
    o.keptBefore = [];
  }
  /** The statement kept as written, and why. */
  kept(file, stmt, open) {
    const kept = file.keep(stmt);
    if (open.length)
      kept.reason = `kept as written, NOT handled: ${[...new Set(open.map((f) => f.rule))].join(", ")} at line ${stmt.span.line}: do it by hand`;
    return kept;
  }
  /** The steps for one statement: the dialect's rewrite, or the statement kept as written (and why). */
  stepsFor(file, stmt, open) {
    let out;
    try {
      out = file.rewrite(stmt);
    } catch (err) {
      file.notes.push({
        level: "warning",
        line: stmt.span.line,
        message: `No automatic plan for this statement (${err.message}); it is kept as written.`
      });
      out = void 0;
    }
    if (out) return { groups: out, rewritten: true };
    return { groups: [[this.kept(file, stmt, open)]], rewritten: false };
  }
  /** Findings the plan does not answer: said plainly, counted, and they fail the run like lint's. */
  unhandled(parsed, file, findings, rewritten) {
    const out = [];
    for (const f of findings) {
      const answered = rewritten.has(f.statementIndex) && (file.answersOnRewrite?.(f.rule, f) ?? true);
      if (f.statementIndex >= 0 && (answered || file.consumed(f.statementIndex))) continue;
      const stmt = parsed.statements[f.statementIndex];
      if (file.rewrites.length && this.planner.phaseAnswers.has(f.rule) && stmt && !file.runsAlone(stmt)) continue;
      const why = this.planner.answers.has(f.rule) ? file.notes.find((n) => n.line === f.line && n.level === "warning")?.message : void 0;
      out.push({
        path: parsed.migration.path,
        line: f.line,
        rule: f.rule,
        severity: f.severity,
        message: shorten(f.message, 300),
        advice: shorten(why ?? f.help ?? "see the rule documentation", 400)
      });
    }
    return out;
  }
  /** The file's plan once all its statements are planned: phases, checked SQL, and what is not handled. */
  finish(o, findings) {
    const { parsed, file, groups, rewritten, hadTransaction } = o;
    const m = parsed.migration;
    const unhandled = this.unhandled(parsed, file, findings, rewritten);
    if (!file.rewrites.length) return { unhandled };
    this.heldKept(o);
    if (hadTransaction) {
      file.notes.push({
        level: "info",
        message: "The original runs as one transaction; the plan deliberately splits it into phases so that no lock outlives a step. If a phase fails, the earlier ones stay applied; each is safe to keep, and each can be run again."
      });
    }
    const phases = schedule(groups).map((sp) => phaseFrom(sp, this.planner, this.settings));
    phases.forEach((p, i) => {
      try {
        this.planner.checkPhase(p);
      } catch (err) {
        throw new Error(
          `generated SQL of phase ${i + 1} (${p.name}) does not parse: ${err.message}
${p.sql}`
        );
      }
    });
    return {
      plan: {
        path: m.path,
        migration: m,
        phases,
        rewrites: file.rewrites,
        notes: file.notes,
        expectedDifferences: file.expected,
        unhandled,
        ...o.edits.length ? { edits: o.edits } : {}
      },
      unhandled
    };
  }
};
async function planMigrations(dialect, migrations, options = {}) {
  await dialect.loadParts?.();
  const planner = plannerFor(dialect, { ...options, findings: options.findings ?? [] });
  if (!planner.observer) return planner.result(migrations);
  await dialect.load();
  const engine = new LintEngine(dialect, {
    ruleSet: [],
    observer: planner.observer,
    ...options.pgVersion !== void 0 ? { pgVersion: options.pgVersion } : {},
    ...options.assumeInTransaction ? { assumeInTransaction: true } : {}
  });
  for (const m of migrations) engine.processFile(dialect.parse(m));
  return planner.result();
}
function plannerFor(dialect, options = {}) {
  if (!dialect.plan) {
    return {
      result: (migrations = []) => ({
        plans: [],
        unchanged: [],
        unhandled: [],
        failed: migrations.filter((m) => m.review).map((m) => ({ path: m.path, message: `not planned: zerodown cannot plan ${dialect.name} migrations yet` }))
      })
    };
  }
  const observer = new Planner(dialect.plan, dialect.defaultVersion, options);
  return { observer, result: () => observer.result };
}
export {
  Planner,
  planMigrations,
  plannerFor
};
