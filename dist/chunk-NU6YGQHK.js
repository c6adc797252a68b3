import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  statsSource
} from "./chunk-DC3IJ7CW.js";
import {
  dialectOfUrl
} from "./chunk-66RDFW5F.js";
import {
  redactSecrets,
  registerSecretUrl
} from "./chunk-DSMXYHHG.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";

// src/cli/stats.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
async function runStats(opts, cwd) {
  if (opts.stats && opts.statsUrl) throw new UsageError("give --stats FILE or --stats-url URL, not both");
  if (opts.stats) {
    const { loadStatsFile } = await import("./load-MASDWWET.js");
    return { stats: loadStatsFile(path.resolve(cwd, opts.stats)), source: opts.stats };
  }
  if (opts.statsUrl) return { stats: await readStats(opts.statsUrl), source: statsSource({ url: opts.statsUrl }) };
  return void 0;
}
async function readStats(url) {
  registerSecretUrl(url);
  const dialect = dialectOfUrl(url);
  if (!dialect.exportStats) throw new UsageError(`reading stats from ${dialect.name} is not supported yet`);
  return dialect.exportStats(url);
}
async function statsExportCommand(opts) {
  const url = opts.url ?? process.env.ZERODOWN_STATS_URL;
  if (!url)
    throw new UsageError(
      "stats export needs --url postgres://user@host/db (or mysql://\u2026), or ZERODOWN_STATS_URL; a read-only role is enough"
    );
  const stats = await readStats(url);
  const out = `${JSON.stringify(stats, null, 2)}
`;
  if (opts.output) {
    try {
      writeFileSync(path.resolve(process.cwd(), opts.output), redactSecrets(out));
    } catch (err) {
      throw new UsageError(`cannot write ${opts.output}: ${err.message}`);
    }
  } else process.stdout.write(out);
  process.stderr.write(`zerodown: stats of ${stats.tables.length} tables from ${stats.server}
`);
  return 0;
}

export {
  runStats,
  statsExportCommand
};
