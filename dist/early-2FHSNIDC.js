import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  CONFIG_FILES
} from "./chunk-FRSUZY2Z.js";
import "./chunk-YPZZPID6.js";
import "./chunk-5THZYCGT.js";
import "./chunk-76XLLUF5.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-XJGXLKRM.js";

// src/dialects/early.ts
import { readFileSync } from "node:fs";
import path from "node:path";
function runsEmbeddedEngine(argv, env, cwd = process.cwd()) {
  const dry = argv[0] === "dry-run" || argv[0] === "lint" && argv.includes("--dry-run");
  if (!dry || env.ZERODOWN_SHADOW_URL || configNamesServer(argv, cwd)) return false;
  return !argv.some(
    (a, i) => a === "--shadow-url" || a.startsWith("--shadow-url=") || a === "-h" || a === "--help" || (a === "--dialect" || a.startsWith("--dialect=")) && /^(mysql|mariadb)$/.test(a.startsWith("--dialect=") ? a.slice(10) : argv[i + 1] ?? "")
  );
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
async function startEngineEarly(argv, env) {
  let compile;
  try {
    if (!runsEmbeddedEngine(argv, env)) return void 0;
    const { startWorkerAhead, compileAhead } = await import("./worker-start-SPZIONF3.js");
    startWorkerAhead();
    const timed = argv.some((a) => a === "--stats" || a.startsWith("--stats="));
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
  startEngineEarly
};
