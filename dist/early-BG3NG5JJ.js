import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import "./chunk-XJGXLKRM.js";

// src/dialects/early.ts
function runsEmbeddedEngine(argv, env) {
  const dry = argv[0] === "dry-run" || argv[0] === "lint" && argv.includes("--dry-run");
  if (!dry || env.ZERODOWN_SHADOW_URL) return false;
  return !argv.some(
    (a, i) => a === "--shadow-url" || a.startsWith("--shadow-url=") || a === "-h" || a === "--help" || (a === "--dialect" || a.startsWith("--dialect=")) && /^(mysql|mariadb)$/.test(a.startsWith("--dialect=") ? a.slice(10) : argv[i + 1] ?? "")
  );
}
async function startEngineEarly(argv, env) {
  if (!runsEmbeddedEngine(argv, env)) return;
  (await import("./worker-start-CCRKJAHQ.js")).startWorkerAhead();
  if (env.ZERODOWN_TRACE) process.stderr.write("zerodown: PGlite worker started before the rest of zerodown loads\n");
}
export {
  runsEmbeddedEngine,
  startEngineEarly
};
