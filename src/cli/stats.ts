/**
 * `zerodown stats export --url URL`: production table sizes as a stats file (src/stats/format.ts), read
 * in a READ ONLY transaction; and the `--stats FILE` / `--stats-url URL` options of lint, plan and dry-run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dialectOfUrl } from '../dialects/index.js';
import { UsageError } from '../errors.js';
import { statsSource } from '../estimate/apply.js';
import { redactSecrets, registerSecretUrl } from '../secrets.js';
import type { StatsFile } from '../stats/format.js';

export interface StatsOptions {
  /** `--stats FILE` */
  stats?: string;
  /** `--stats-url URL`: the same numbers, read live */
  statsUrl?: string;
}

/** The stats a run was given, and where from (masked); undefined without `--stats` / `--stats-url`. */
export async function runStats(
  opts: StatsOptions,
  cwd: string,
): Promise<{ stats: StatsFile; source: string } | undefined> {
  if (opts.stats && opts.statsUrl) throw new UsageError('give --stats FILE or --stats-url URL, not both');
  if (opts.stats) {
    // its own chunk: the check loads ajv, which a run without --stats never needs
    const { loadStatsFile } = await import('../stats/load.js');
    return { stats: loadStatsFile(path.resolve(cwd, opts.stats)), source: opts.stats };
  }
  if (opts.statsUrl) return { stats: await readStats(opts.statsUrl), source: statsSource({ url: opts.statsUrl }) };
  return undefined;
}

async function readStats(url: string): Promise<StatsFile> {
  registerSecretUrl(url);
  const dialect = dialectOfUrl(url);
  if (!dialect.exportStats) throw new UsageError(`reading stats from ${dialect.name} is not supported yet`);
  return dialect.exportStats(url);
}

export async function statsExportCommand(opts: { url?: string; output?: string }): Promise<number> {
  const url = opts.url ?? process.env.ZERODOWN_STATS_URL;
  if (!url)
    throw new UsageError(
      'stats export needs --url postgres://user@host/db (or mysql://…), or ZERODOWN_STATS_URL; a read-only role is enough',
    );
  const stats = await readStats(url);
  const out = `${JSON.stringify(stats, null, 2)}\n`;
  if (opts.output) {
    try {
      writeFileSync(path.resolve(process.cwd(), opts.output), redactSecrets(out));
    } catch (err) {
      throw new UsageError(`cannot write ${opts.output}: ${(err as Error).message}`);
    }
  } else process.stdout.write(out);
  process.stderr.write(`zerodown: stats of ${stats.tables.length} tables from ${stats.server}\n`);
  return 0;
}
