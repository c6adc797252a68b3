import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  runTraced,
  toParsed
} from "./chunk-TZQQVLBZ.js";
import {
  compileEngine,
  extensionsIn,
  pgliteVersion,
  postgresProbes
} from "./chunk-GNBBWE34.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-NT3OVCB4.js";
import "./chunk-KLJQAZEJ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-N5OLXBFP.js";
import "./chunk-K6RS4U4B.js";
import {
  startWorkerAhead
} from "./chunk-7HAOERLI.js";
import "./chunk-OQTGZYYF.js";
import {
  loadParser,
  parseMigration
} from "./chunk-RB5SEY6D.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import {
  tierFor
} from "./chunk-2BY3P7E5.js";
import "./chunk-WHSIOZEN.js";
import "./chunk-XJGXLKRM.js";

// src/dialects/postgres/shadow/dump.ts
async function loadSchemaDump(shadow, sql, path = "<schema dump>") {
  const cleaned = sql.replace(/^\\.*$/gm, "");
  const errors = [];
  const refused = [];
  await loadParser();
  const parsed = toParsed({ path, sql: cleaned, transaction: "none" }, (m) => parseMigration(m));
  const r = await runTraced(shadow, parsed, {
    trace: false,
    continueOnError: true,
    onStatement: (s) => {
      if (s.error) errors.push(s.error);
      if (s.refused) refused.push({ line: s.line, statement: s.sql.split("\n")[0].slice(0, 120), why: s.refused });
    }
  });
  const statements = parsed.statements.length;
  if (r.error && !errors.includes(r.error)) errors.unshift(r.error);
  if (r.stopped) return { statements, errors, refused, stopped: true };
  await shadow.exec("RESET ALL");
  return { statements, errors, refused };
}

// src/dialects/postgres/shadow/index.ts
var postgresShadow = {
  // loaded on first use: linting never evaluates the pg driver
  open: async (options) => (await import("./open-PY6YXZTV.js")).openShadow(options),
  embeddedEngine: () => `pglite ${pgliteVersion()}`,
  prepareEmbedded: (work) => void compileEngine(tierFor(work)),
  startEmbedded: () => void startWorkerAhead(),
  extensionsIn,
  loadSchemaDump,
  probes: postgresProbes
};
export {
  postgresShadow
};
