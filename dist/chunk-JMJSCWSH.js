import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  SERVER_ONLY_DIALECT,
  configNamesServer,
  startEngineIf
} from "./chunk-VVXEQCPV.js";

// src/action/engine-ahead.ts
var TRUE_WORDS = ["true", "yes", "on", "1"];
var FALSE_WORDS = ["false", "no", "off", "0"];
var input = (env, name) => (env[`INPUT_${name.toUpperCase()}`] ?? "").trim().toLowerCase();
function actionRunsEmbeddedEngine(env, cwd = process.cwd()) {
  if (FALSE_WORDS.includes(input(env, "dry-run")) || input(env, "shadow-database-url")) return false;
  if (SERVER_ONLY_DIALECT.test(input(env, "dialect")) || env.ZERODOWN_SHADOW_URL) return false;
  return !configNamesServer([], env.GITHUB_WORKSPACE || cwd);
}
function startEngineForAction(env) {
  return startEngineIf(() => actionRunsEmbeddedEngine(env), !!input(env, "stats-file"), env);
}

export {
  TRUE_WORDS,
  FALSE_WORDS,
  startEngineForAction
};
