import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  require_ajv
} from "./chunk-EX5RFYOK.js";
import {
  STATS_VERSION
} from "./chunk-EFQPG7RZ.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import {
  __toESM
} from "./chunk-XJGXLKRM.js";

// src/stats/load.ts
var import_ajv = __toESM(require_ajv(), 1);
import { readFileSync } from "node:fs";
var count = { type: "number", minimum: 0 };
var STATS_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "zerodown production statistics, version 1",
  type: "object",
  required: ["zerodownStats", "dialect", "server", "exportedAt", "tables"],
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    zerodownStats: { const: STATS_VERSION },
    dialect: { enum: ["postgres", "mysql", "mariadb"] },
    server: { type: "string" },
    exportedAt: { type: "string", format: "date-time" },
    tables: {
      type: "array",
      items: {
        type: "object",
        required: ["table", "rows", "tableBytes", "indexBytes", "totalBytes", "lastAnalyze"],
        additionalProperties: false,
        properties: {
          table: { type: "string", minLength: 1 },
          rows: count,
          tableBytes: count,
          indexBytes: count,
          totalBytes: count,
          deadRows: count,
          lastAnalyze: { anyOf: [{ type: "string", format: "date-time" }, { type: "null" }] },
          writesPerSecond: count,
          indexes: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "bytes"],
              additionalProperties: false,
              properties: { name: { type: "string" }, bytes: count }
            }
          }
        }
      }
    }
  }
};
var validate;
function problem(err) {
  const at = err.instancePath.split("/").slice(1).map((p) => /^\d+$/.test(p) ? `[${p}]` : `.${p}`).join("").replace(/^\./, "") || "(root)";
  switch (err.keyword) {
    case "required":
      return `${at}: missing "${err.params.missingProperty}"`;
    case "additionalProperties":
      return `${at}: unknown field "${err.params.additionalProperty}"`;
    case "const":
      return `${at} is ${JSON.stringify(err.data)}, but this zerodown reads version ${STATS_VERSION}: export the stats again with this version (\`zerodown stats export --url \u2026\`)`;
    default:
      return `${at} ${err.message ?? "is invalid"} (got ${JSON.stringify(err.data)})`;
  }
}
function validateStats(raw, file) {
  validate ??= new import_ajv.Ajv({ allErrors: true, verbose: true, validateFormats: false }).compile(STATS_SCHEMA);
  if (!validate(raw)) {
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== "anyOf");
    const version = errors.find((e) => e.keyword === "const");
    const first = version ?? errors.find((e) => e.keyword === "required") ?? errors[0];
    throw new UsageError(`${file}: not a zerodown stats file: ${problem(first)}`);
  }
  const stats = raw;
  for (const [i, t] of stats.tables.entries()) {
    if (t.lastAnalyze !== null && Number.isNaN(Date.parse(t.lastAnalyze)))
      throw new UsageError(`${file}: tables[${i}].lastAnalyze is not a date (got ${JSON.stringify(t.lastAnalyze)})`);
  }
  if (Number.isNaN(Date.parse(stats.exportedAt)))
    throw new UsageError(`${file}: exportedAt is not a date (got ${JSON.stringify(stats.exportedAt)})`);
  return stats;
}
function loadStatsFile(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read --stats ${file}: ${err.message}`);
  }
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(
      `${file}: not JSON (${err.message}); write it with \`zerodown stats export --url \u2026 > ${file}\``
    );
  }
  return validateStats(raw, file);
}

export {
  STATS_SCHEMA,
  validateStats,
  loadStatsFile
};
