import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/stats/format.ts
var STATS_VERSION = 1;
var DAY_MS = 864e5;
function findTable(stats, table) {
  const exact = stats.tables.find((x) => x.table === table);
  if (exact || table.includes(".")) return exact;
  const named = stats.tables.filter((x) => x.table.endsWith(`.${table}`));
  return named.find((x) => x.table === `public.${table}`) ?? (named.length > 1 ? named : named[0]);
}
function tableStats(stats, table, maxAgeDays, now = Date.now()) {
  const found = findTable(stats, table);
  if (Array.isArray(found))
    return {
      state: "missing",
      why: `${table} is ambiguous in the stats (${found.map((x) => x.table).join(", ")}): export only the database the migrations run on`
    };
  if (!found) return { state: "missing", why: `no stats for ${table}` };
  const t = found;
  const key = t.table;
  if (t.lastAnalyze === null)
    return { state: "stale", stats: t, why: `${key} was never analysed: its row count is a guess` };
  const ageDays = (now - Date.parse(t.lastAnalyze)) / DAY_MS;
  if (ageDays > maxAgeDays)
    return {
      state: "stale",
      stats: t,
      why: `the stats of ${key} are ${Math.floor(ageDays)} days old (last analyze ${t.lastAnalyze.slice(0, 10)}; limit ${maxAgeDays} days)`
    };
  return { state: "fresh", stats: t, ageDays };
}

export {
  STATS_VERSION,
  tableStats
};
