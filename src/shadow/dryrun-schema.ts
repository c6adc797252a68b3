/**
 * The dry run's schema and data: the schema dump loaded, or the history replayed; then every table
 * seeded. Each step says where it stopped when a statement overran the time bound.
 */
import type { DialectShadow } from '../dialect.js';
import type { ParsedMigration } from '../model.js';
import type { Shadow } from './driver.js';
import type { SeedScope } from './probes.js';
import { isShadowStop } from './driver.js';
import type { DryRunOptions, DryRunStop, History, Seeded } from './dryrun-types.js';
import { replayHistory } from './replay.js';

/** Builds the schema: from `opts.schema` (a schema dump) when given, else by replaying the history. */
export async function buildSchema(
  shadow: Shadow,
  dialect: DialectShadow,
  opts: DryRunOptions,
  parsedHistory: ParsedMigration[],
  tools: string[],
  tBoot: number,
): Promise<{ hist: History; stopped: DryRunStop | undefined }> {
  const probes = dialect.probes;
  let hist: History;
  let stopped: DryRunStop | undefined;
  if (opts.schema) {
    await probes.toolTables(shadow, tools);
    const d = await dialect.loadSchemaDump(shadow, opts.schema.sql, opts.schema.path);
    hist = { ...d, source: 'schema', path: opts.schema.path, durationMs: Math.round(performance.now() - tBoot) };
    const e = d.stopped ? d.errors.find((x) => x.timedOut) : undefined;
    if (d.stopped)
      stopped = {
        phase: 'schema',
        message: `the schema dump ${e ? `statement at ${e.path}:${e.line} ` : ''}${e?.message ?? 'stopped'}`,
        ...(e ? { path: e.path, line: e.line } : {}),
      };
  } else {
    const { limits: _limits, ...r } = await replayHistory(shadow, parsedHistory, opts.onProgress, tools);
    hist = { ...r, source: 'migrations' };
    const f = r.stopped ? r.failures.find((x) => x.timedOut) : undefined;
    if (r.stopped)
      stopped = {
        phase: 'history',
        message: `history ${f ? `${f.path}:${f.line}: ${f.message}` : 'replay stopped'}`,
        ...(f ? { path: f.path, line: f.line } : {}),
      };
  }
  return { hist, stopped };
}

/** Seeds the tables in `scope`, or every table (`rowsPerTable` rows each), unless `skip` (the schema step stopped). */
export async function seedShadow(
  shadow: Shadow,
  dialect: DialectShadow,
  opts: DryRunOptions,
  rowsPerTable: number,
  skip: boolean,
  /** seed only what the migrations under review work on (undefined: every table) */
  scope?: SeedScope,
): Promise<{ seeded: Seeded; stopped: DryRunStop | undefined }> {
  const probes = dialect.probes;
  let seedingTable = '';
  const tSeedStart = performance.now();
  let seeded: Seeded = { tables: 0, rows: new Map(), failures: [], durationMs: 0 };
  try {
    if (!skip)
      seeded = await probes.seed(shadow, {
        rows: rowsPerTable,
        ...(scope ? { scope } : {}),
        onProgress: (done, total, table) => {
          seedingTable = table;
          opts.onSeedProgress?.(done, total, table);
        },
      });
  } catch (err) {
    if (!isShadowStop(err)) throw err;
    seeded.durationMs = Math.round(performance.now() - tSeedStart);
    return {
      seeded,
      stopped: { phase: 'seed', message: `seeding table ${seedingTable || '?'} ${(err as Error).message}` },
    };
  }
  return { seeded, stopped: undefined };
}
