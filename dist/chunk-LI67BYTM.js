import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  dialectOf,
  shadowOf
} from "./chunk-66RDFW5F.js";

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

export {
  tracedLookup,
  confirmFindings,
  stopFindings
};
