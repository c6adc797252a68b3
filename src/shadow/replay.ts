/**
 * History replay: applies the migration files before the ones under review,
 * each the way its tool would, recording per-file failures instead of
 * aborting. One failed file must not turn into dozens of unrelated errors:
 * an extension the engine cannot provide is reported once as an engine limit,
 * and failures that follow from it are labelled as such.
 */
import type { Migration, ParsedMigration } from '../model.js';
import type { EngineLimit, Shadow } from './driver.js';
import { isShadowStop, toSqlError } from './driver.js';
import { execBatch, MISSING_OBJECT, runTraced } from './trace.js';

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
  /** it overran the shadow's time bound: the replay stopped there */
  timedOut?: boolean;
}

/** A history statement the shadow did not run: it reaches outside the throwaway database. */
export interface ReplayRefusal {
  path: string;
  line: number;
  /** first line of the statement */
  statement: string;
  /** why it was not run */
  why: string;
}

export interface ReplayResult {
  files: number;
  statements: number;
  /** files that failed, first error of each */
  failures: ReplayFailure[];
  /** statements not run on the shadow (src/rules/outside.ts); their files went on without them */
  refused: ReplayRefusal[];
  limits: EngineLimit[];
  durationMs: number;
  /** a statement overran the time bound: the replay stopped, `notRun` files were not replayed */
  stopped?: boolean;
  notRun?: number;
}

export type ReplayProgress = (done: number, total: number, path: string) => void;

/** files / statements per shared-transaction chunk of the replay fast path */
const CHUNK_FILES = 40;
const CHUNK_STATEMENTS = 800;

export async function replayHistory(
  shadow: Shadow,
  migrations: (Migration | ParsedMigration)[],
  onProgress?: ReplayProgress,
  /** migration tools whose bookkeeping table exists before the first migration (default: those of `migrations`) */
  frameworks?: string[],
): Promise<ReplayResult> {
  const probes = shadow.probes;
  await probes.load();
  await probes.toolTables(shadow, frameworks ?? migrations.map((m) => ('migration' in m ? m.migration : m).framework));
  const t0 = performance.now();
  const result: ReplayResult = {
    files: migrations.length,
    statements: 0,
    failures: [],
    refused: [],
    limits: [],
    durationMs: 0,
  };
  const parsed = migrations.map((m) => ('statements' in m && 'migration' in m ? m : probes.parse(m)));
  const total = parsed.reduce((n, p) => n + p.statements.length, 0);
  // Deferred constraints are checked at COMMIT: files sharing a transaction could hide a
  // failure a file's own commit would show. Then every file gets its own transaction.
  const deferred = parsed.some((p) => /\bdeferr|\bset\s+constraints\b/i.test(p.migration.source));
  let done = 0;

  const runOne = async (p: ParsedMigration) => {
    const r = await runTraced(shadow, p, { trace: false });
    if (r.stopped) result.stopped = true;
    for (const s of r.statements) {
      if (!s.refused) continue;
      result.refused.push({
        path: s.path,
        line: s.line,
        statement: s.sql.split('\n')[0]!.slice(0, 120),
        why: s.refused,
      });
    }
    if (r.error) {
      const e = r.error;
      const stmt = r.statements.find((x) => x.error === e);
      const f: ReplayFailure = {
        path: e.path,
        line: e.line,
        column: e.column,
        code: e.code,
        message: e.message,
        statement: (stmt?.sql ?? '').split('\n')[0]!.slice(0, 120),
      };
      if (e.timedOut) f.timedOut = true;
      if (e.limit) {
        f.limit = e.limit; // runTraced registered it in shadow.limits
      } else if (MISSING_OBJECT.has(e.code)) {
        const missing = shadow.limits.filter((l) => l.id === 'extension-unavailable');
        if (missing.length) f.consequenceOf = missing.map((l) => `extension "${l.subject}" unavailable`).join(', ');
        else if (e.consequenceOf) f.consequenceOf = e.consequenceOf;
      }
      result.failures.push(f);
    }
    onProgress?.(++done, parsed.length, p.migration.path);
  };

  // Fast path: consecutive files whose statements can all share one transaction run as one
  // round trip. Only a success counts; on any error the chunk is rolled back and its files
  // run one by one, the way their tool runs them, so errors keep their file and line.
  let chunk: ParsedMigration[] = [];
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
          files.flatMap((p) => p.statements.map((x) => x.text)),
        );
        for (const p of files) onProgress?.(++done, parsed.length, p.migration.path);
        return;
      } catch (err) {
        if (isShadowStop(err)) {
          // which file of the chunk overran is unknown (the engine is gone): the chunk is named
          const first = files[0]!;
          const stmt = first.statements[0]!;
          const last = files.at(-1)!.migration.path;
          result.failures.push({
            path: first.migration.path,
            line: stmt.span.line,
            column: stmt.span.column,
            code: toSqlError(err).code,
            message: `files ${first.migration.path} to ${last} (replayed together in one transaction) ${(err as Error).message}`,
            statement: stmt.text.split('\n')[0]!.slice(0, 120),
            timedOut: true,
          });
          result.stopped = true;
          return;
        }
        await shadow.exec('ROLLBACK').catch(() => {});
      }
    }
    for (const p of files) {
      if (result.stopped) return;
      await runOne(p);
    }
  };
  for (const p of parsed) {
    if (result.stopped) break;
    const batchable =
      !deferred &&
      !p.error &&
      p.statements.length > 0 &&
      !p.statements.some((x) => probes.breaksBatch(x, shadow.serverVersion) || probes.refused(x, shadow.kind));
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
