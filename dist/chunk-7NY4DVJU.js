import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  CONFIG_FILES
} from "./chunk-5UQH3BFC.js";

// src/dialects/early.ts
import { readFileSync } from "node:fs";
import path from "node:path";
function runsEmbeddedEngine(argv, env, cwd = process.cwd()) {
  const dry = argv[0] === "dry-run" || argv[0] === "lint" && argv.includes("--dry-run") || argv[0] === "gitlab" && !argv.includes("--no-dry-run");
  if (!dry || env.ZERODOWN_SHADOW_URL || configNamesServer(argv, cwd)) return false;
  return !argv.some(
    (a, i) => a === "--shadow-url" || a.startsWith("--shadow-url=") || a === "-h" || a === "--help" || (a === "--dialect" || a.startsWith("--dialect=")) && /^(mysql|mariadb)$/.test(a.startsWith("--dialect=") ? a.slice(10) : argv[i + 1] ?? "")
  );
}
function actionRunsEmbeddedEngine(env, cwd = process.cwd()) {
  const input = (name) => (env[`INPUT_${name.toUpperCase()}`] ?? "").trim().toLowerCase();
  if (["false", "no", "off", "0"].includes(input("dry-run")) || input("shadow-database-url")) return false;
  if (/^(mysql|mariadb)$/.test(input("dialect")) || env.ZERODOWN_SHADOW_URL) return false;
  return !configNamesServer([], env.GITHUB_WORKSPACE || cwd);
}
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
  return startIf(
    () => runsEmbeddedEngine(argv, env),
    argv.some((a) => a === "--stats" || a.startsWith("--stats=")),
    env
  );
}
function startEngineForAction(env) {
  return startIf(() => actionRunsEmbeddedEngine(env), !!(env["INPUT_STATS-FILE"] ?? "").trim(), env);
}
async function startIf(needed, timed, env) {
  let compile;
  try {
    if (!needed()) return void 0;
    const { startWorkerAhead, compileAhead } = await import("./worker-start-QPJKLCVZ.js");
    startWorkerAhead();
    compile = () => {
      void import("./wasm-tier-GD2NVH7J.js").then(
        ({ effectiveTier }) => compileAhead(effectiveTier(timed ? "optimizing" : "baseline"))
      );
    };
  } catch {
    return void 0;
  }
  if (env.ZERODOWN_TRACE) process.stderr.write("zerodown: PGlite worker started before the rest of zerodown loads\n");
  return compile;
}

export {
  runsEmbeddedEngine,
  actionRunsEmbeddedEngine,
  startEngineEarly,
  startEngineForAction
};
