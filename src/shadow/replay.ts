/**
 * History replay: applies the migration files before the ones under review,
 * each the way its tool would, recording per-file failures instead of
 * aborting. One failed file must not turn into dozens of unrelated errors:
 * an extension the engine cannot provide is reported once as an engine limit,
 * and failures that follow from it are labelled as such.
 */
import type { Migration, ParsedMigration } from '../model.js';
import { loadParser, parseMigration } from '../parse/postgres.js';
import type { EngineLimit, Shadow } from './driver.js';
import { ensureToolTables } from './tools.js';
import { runTraced } from './trace.js';

export interface ReplayFailure {
  path: string;
  line: number;
  column: number;
  /** SQLSTATE */
  code: string;
  message: string;
  /** first line of the failing statement */
  statement: string;
  /** engine limit behind the failure, when known */
  limit?: string;
  /** the failure probably follows from an earlier engine limit (same missing extension) */
  consequenceOf?: string;
}

export interface ReplayResult {
  files: number;
  statements: number;
  /** files that failed, first error of each */
  failures: ReplayFailure[];
  limits: EngineLimit[];
  durationMs: number;
}

export type ReplayProgress = (done: number, total: number, path: string) => void;

/** SQLSTATEs of "X does not exist": what a missing extension's types and functions cause later. */
const MISSING_OBJECT = new Set(['42704', '42883', '42P01', '42703', '3F000']);

export async function replayHistory(
  shadow: Shadow,
  migrations: (Migration | ParsedMigration)[],
  onProgress?: ReplayProgress,
  /** migration tools whose bookkeeping table exists before the first migration (default: those of `migrations`) */
  frameworks?: string[],
): Promise<ReplayResult> {
  await loadParser();
  await ensureToolTables(shadow, frameworks ?? migrations.map((m) => ('migration' in m ? m.migration : m).framework));
  const t0 = performance.now();
  const result: ReplayResult = { files: migrations.length, statements: 0, failures: [], limits: [], durationMs: 0 };
  const limitSubjects = new Set(shadow.limits.map((l) => l.subject));
  let total = 0;
  for (const [i, m] of migrations.entries()) {
    const parsed = 'statements' in m && 'migration' in m ? m : parseMigration(m);
    total += parsed.statements.length;
    const r = await runTraced(shadow, parsed, { trace: false });
    if (r.error) {
      const e = r.error;
      const stmt = r.statements.find((s) => s.error === e);
      const f: ReplayFailure = {
        path: e.path,
        line: e.line,
        column: e.column,
        code: e.code,
        message: e.message,
        statement: (stmt?.sql ?? '').split('\n')[0]!.slice(0, 120),
      };
      if (e.limit) {
        f.limit = e.limit;
        const ext = /extension "([^"]+)"/.exec(e.limit)?.[1] ?? e.limit;
        if (!limitSubjects.has(ext)) {
          limitSubjects.add(ext);
          shadow.limits.push({ id: 'extension-unavailable', subject: ext, message: e.limit });
        }
      } else if (MISSING_OBJECT.has(e.code)) {
        const missing = shadow.limits.filter((l) => l.id === 'extension-unavailable');
        if (missing.length) f.consequenceOf = missing.map((l) => `extension "${l.subject}" unavailable`).join(', ');
      }
      result.failures.push(f);
    }
    onProgress?.(i + 1, migrations.length, parsed.migration.path);
  }
  result.statements = total;
  result.limits = [...shadow.limits];
  result.durationMs = Math.round(performance.now() - t0);
  return result;
}
