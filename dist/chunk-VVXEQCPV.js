import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  CONFIG_FILES
} from "./chunk-3SZW23GX.js";
import {
  effectiveTier
} from "./chunk-WHSIOZEN.js";

// src/dialects/early.ts
import { readFileSync } from "node:fs";
import path from "node:path";
function runsEmbeddedEngine(argv, env, cwd = process.cwd()) {
  const dry = argv[0] === "dry-run" || argv[0] === "lint" && argv.includes("--dry-run") || argv[0] === "gitlab" && !argv.includes("--no-dry-run");
  if (!dry || env.ZERODOWN_SHADOW_URL || configNamesServer(argv, cwd)) return false;
  return !argv.some(
    (a, i) => a === "--shadow-url" || a.startsWith("--shadow-url=") || a === "-h" || a === "--help" || (a === "--dialect" || a.startsWith("--dialect=")) && SERVER_ONLY_DIALECT.test(a.startsWith("--dialect=") ? a.slice(10) : argv[i + 1] ?? "")
  );
}
var SERVER_ONLY_DIALECT = /^(mysql|mariadb)$/;
function configNamesServer(argv, cwd) {
  const i = argv.findIndex((a) => a === "-c" || a === "--config" || a.startsWith("--config="));
  const given = i < 0 ? void 0 : argv[i].startsWith("--config=") ? argv[i].slice(9) : argv[i + 1];
  for (const name of given ? [given] : CONFIG_FILES) {
    try {
      return readFileSync(path.resolve(cwd, name), "utf8").includes("shadowUrl");
    } catch {
    }
  }
  return false;
}
function startEngineEarly(argv, env) {
  return startEngineIf(
    () => runsEmbeddedEngine(argv, env),
    argv.some((a) => a === "--stats" || a.startsWith("--stats=")),
    env
  );
}
async function startEngineIf(needed, timed, env) {
  let compile;
  try {
    if (!needed()) return void 0;
    const { startWorkerAhead, compileAhead } = await import("./worker-start-QPJKLCVZ.js");
    startWorkerAhead();
    compile = () => compileAhead(effectiveTier(timed ? "optimizing" : "baseline"));
  } catch {
    return void 0;
  }
  if (env.ZERODOWN_TRACE) process.stderr.write("zerodown: PGlite worker started before the rest of zerodown loads\n");
  return compile;
}

export {
  runsEmbeddedEngine,
  SERVER_ONLY_DIALECT,
  configNamesServer,
  startEngineEarly,
  startEngineIf
};
