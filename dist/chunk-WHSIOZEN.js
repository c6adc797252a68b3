import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/wasm-tier.ts
import { setFlagsFromString } from "node:v8";
var LIFTOFF_ONLY = "--liftoff-only";
var RUNTIME_WASM_FLAGS = Number(process.versions.v8.split(".")[0]) < 13;
var BASELINE_FLAGS = [LIFTOFF_ONLY, "--no-wasm-tier-up", "--no-wasm-dynamic-tiering"];
var baselineOnly = process.execArgv.includes(LIFTOFF_ONLY);
function baselineProcess(env = process.env) {
  if (baselineOnly || env.ZERODOWN_WASM_BASELINE === "0") return baselineOnly;
  if (RUNTIME_WASM_FLAGS && env.ZERODOWN_WASM_BASELINE !== "1") return false;
  for (const flag of BASELINE_FLAGS) setFlagsFromString(flag);
  baselineOnly = true;
  if (env.ZERODOWN_TRACE)
    process.stderr.write(`zerodown: WebAssembly on baseline code for this process (${BASELINE_FLAGS.join(" ")})
`);
  return true;
}
function effectiveTier(tier) {
  return baselineOnly ? "baseline" : RUNTIME_WASM_FLAGS ? tier : "optimizing";
}
var queue = Promise.resolve();
function compileAt(tier, compile) {
  const run = async () => {
    if (tier !== "baseline" || baselineOnly || !RUNTIME_WASM_FLAGS) return compile();
    setFlagsFromString(LIFTOFF_ONLY);
    try {
      return await compile();
    } finally {
      setFlagsFromString("--no-liftoff-only");
    }
  };
  const done = queue.then(run, run);
  queue = done.catch(() => {
  });
  return done;
}

export {
  RUNTIME_WASM_FLAGS,
  baselineProcess,
  effectiveTier,
  compileAt
};
