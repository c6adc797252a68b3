import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  MISSING_OBJECT,
  execBatch,
  runTraced
} from "./chunk-TZQQVLBZ.js";
import {
  isShadowStop,
  toSqlError
} from "./chunk-SYUIUCCK.js";

// src/shadow/replay.ts
var CHUNK_FILES = 40;
var CHUNK_STATEMENTS = 800;
async function replayHistory(shadow, migrations, onProgress, frameworks) {
  const probes = shadow.probes;
  await probes.load();
  await probes.toolTables(shadow, frameworks ?? migrations.map((m) => ("migration" in m ? m.migration : m).framework));
  const t0 = performance.now();
  const result = {
    files: migrations.length,
    statements: 0,
    failures: [],
    refused: [],
    limits: [],
    durationMs: 0
  };
  const parsed = migrations.map((m) => "statements" in m && "migration" in m ? m : probes.parse(m));
  const total = parsed.reduce((n, p) => n + p.statements.length, 0);
  const deferred = parsed.some((p) => /\bdeferr|\bset\s+constraints\b/i.test(p.migration.source));
  let done = 0;
  const runOne = async (p) => {
    const r = await runTraced(shadow, p, { trace: false });
    if (r.stopped) result.stopped = true;
    for (const s of r.statements) {
      if (!s.refused) continue;
      result.refused.push({
        path: s.path,
        line: s.line,
        statement: s.sql.split("\n")[0].slice(0, 120),
        why: s.refused
      });
    }
    if (r.error) {
      const e = r.error;
      const stmt = r.statements.find((x) => x.error === e);
      const f = {
        path: e.path,
        line: e.line,
        column: e.column,
        code: e.code,
        message: e.message,
        statement: (stmt?.sql ?? "").split("\n")[0].slice(0, 120)
      };
      if (e.timedOut) f.timedOut = true;
      if (e.limit) {
        f.limit = e.limit;
      } else if (MISSING_OBJECT.has(e.code)) {
        const missing = shadow.limits.filter((l) => l.id === "extension-unavailable");
        if (missing.length) f.consequenceOf = missing.map((l) => `extension "${l.subject}" unavailable`).join(", ");
        else if (e.consequenceOf) f.consequenceOf = e.consequenceOf;
      }
      result.failures.push(f);
    }
    onProgress?.(++done, parsed.length, p.migration.path);
  };
  let chunk = [];
  let size = 0;
  const flush = async () => {
    const files = chunk;
    chunk = [];
    size = 0;
    if (!files.length) return;
    if (files.length > 1) {
      try {
        await execBatch(
          shadow,
          files.flatMap((p) => p.statements.map((x) => x.text))
        );
        for (const p of files) onProgress?.(++done, parsed.length, p.migration.path);
        return;
      } catch (err) {
        if (isShadowStop(err)) {
          const first = files[0];
          const stmt = first.statements[0];
          const last = files.at(-1).migration.path;
          result.failures.push({
            path: first.migration.path,
            line: stmt.span.line,
            column: stmt.span.column,
            code: toSqlError(err).code,
            message: `files ${first.migration.path} to ${last} (replayed together in one transaction) ${err.message}`,
            statement: stmt.text.split("\n")[0].slice(0, 120),
            timedOut: true
          });
          result.stopped = true;
          return;
        }
        await shadow.exec("ROLLBACK").catch(() => {
        });
      }
    }
    for (const p of files) {
      if (result.stopped) return;
      await runOne(p);
    }
  };
  for (const p of parsed) {
    if (result.stopped) break;
    const batchable = !deferred && !p.error && p.statements.length > 0 && !p.statements.some((x) => probes.breaksBatch(x, shadow.serverVersion) || probes.refused(x, shadow.kind));
    if (!batchable) {
      const run = size + p.statements.length;
      await flush();
      if (!result.stopped) await runOne(p);
      if (!result.stopped) await shadow.settle?.(run);
      continue;
    }
    chunk.push(p);
    size += p.statements.length;
    if (chunk.length >= CHUNK_FILES || size >= CHUNK_STATEMENTS) {
      const run = size;
      await flush();
      if (!result.stopped) await shadow.settle?.(run);
    }
  }
  if (!result.stopped) await flush();
  if (result.stopped) result.notRun = parsed.length - done;
  result.statements = total;
  result.limits = [...shadow.limits];
  result.durationMs = Math.round(performance.now() - t0);
  return result;
}

export {
  replayHistory
};
